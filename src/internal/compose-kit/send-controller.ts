/**
 * Idempotent Send that never loses what the patient wrote.
 *
 * - One idempotency key per composed message, created on the first attempt
 *   and kept through every retry until the server confirms: a double click,
 *   Enter held down, or a retry after a lost response all create ONE message.
 * - While a send is in flight further `send()` calls are ignored.
 * - Network failure → "not sent yet" with Retry (and an automatic retry when
 *   the browser comes back online); server errors → a message chosen by type,
 *   Retry when it can help. The widget keeps its text: this controller never
 *   touches it.
 * - `session-expired` → `host.requireReauth()` and an inline
 *   `<portal-login reauth>`; after `portal-signed-in` (same patient) the widget
 *   is asked to send again, with the SAME key.
 *
 * The widget owns validation and triage, so a retry goes back through the
 * widget (`resend`) — an edit made after a failure is checked again.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { newIdempotencyKey } from '../../api/client.js';
import { toPortalError, type PortalError } from '../../api/errors.js';
import type { LocalizeController } from '../localize.js';
import type { PortalState } from '../portal-host.js';
import { nextKitId, type KitHost } from './ids.js';

export type SendStatus = 'idle' | 'sending' | 'failed' | 'offline' | 'reauth' | 'sent';

export type SendOutcome<R> = { ok: true; result: R } | { ok: false; error: PortalError } | { ok: false; busy: true };

export interface SendControllerOptions {
  portal: () => PortalState | undefined;
  /** Run the widget's submit path again (Retry, back online, signed in again). */
  resend: () => void;
  /**
   * Signed in again after {@link SendController.signInAgain} without a pending
   * send (an upload found the session over): e.g. retry the failed uploads.
   */
  signedInAgain?: () => void;
}

/**
 * The inline sign-in (`<portal-login reauth>`) is needed only when a session
 * ends in the middle of a send, so its code loads then, not with the form.
 */
let signInLoading: Promise<unknown> | undefined;
function loadSignIn(): Promise<unknown> {
  signInLoading ??= import('../../define/login.js').catch((error: unknown) => {
    signInLoading = undefined; // try again on the next attempt
    throw error;
  });
  return signInLoading;
}

export class SendController<R> implements ReactiveController {
  status: SendStatus = 'idle';
  error: PortalError | null = null;

  readonly #host: KitHost;
  readonly #options: SendControllerOptions;
  readonly #id = nextKitId('send');
  #key: string | null = null;
  #abort: AbortController | undefined;
  /** The patient the pending message belongs to: a re-auth as someone else must not send it. */
  #patientId: string | null = null;
  #sawReauthRequired = false;
  /** Whether signing in again should send (the session ended on Send) or only resume (it ended on an upload). */
  #resendAfterSignIn = true;

  constructor(host: KitHost, options: SendControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('online', this.#onOnline);
  }

  hostDisconnected() {
    window.removeEventListener('online', this.#onOnline);
    this.#abort?.abort();
  }

  hostUpdate() {
    // Another widget's sign-in form may have completed the re-auth: resume too.
    const portal = this.#options.portal();
    if (this.status !== 'reauth' || !portal) return;
    if (portal.reauthRequired) this.#sawReauthRequired = true;
    else if (this.#sawReauthRequired && portal.session?.authenticated) queueMicrotask(() => this.#resume());
  }

  /** True while a request is in flight (Send shows "Sending…"). */
  get busy(): boolean {
    return this.status === 'sending';
  }

  /** The key of the message being sent (null before the first attempt and after success). */
  get idempotencyKey(): string | null {
    return this.#key;
  }

  /** Send once. `run` receives the message's key; build the payload inside it, from current state. */
  async send(run: (idempotencyKey: string, signal: AbortSignal) => Promise<R>): Promise<SendOutcome<R>> {
    if (this.status === 'sending') return { ok: false, busy: true };
    this.#key ??= newIdempotencyKey();
    this.#patientId = this.#options.portal()?.host.signedIn?.patient.id ?? null;
    this.#abort = new AbortController();
    this.#set('sending', null);
    const key = this.#key;
    try {
      if (typeof navigator !== 'undefined' && navigator.onLine === false) {
        throw toPortalError(new TypeError('offline'));
      }
      const result = await run(key, this.#abort.signal);
      this.#key = null;
      this.#set('sent', null);
      return { ok: true, result };
    } catch (thrown) {
      const error = toPortalError(thrown);
      if (error.type === 'aborted') this.#set('idle', null);
      else if (error.needsSignIn) {
        const offline = await this.#askToSignIn(error, true);
        if (offline) return { ok: false, error: offline };
      } else if (error.type === 'network') this.#set('offline', error);
      else {
        // The key was used for different content: the next (edited) message needs its own.
        if (error.type === 'idempotency-mismatch') this.#key = null;
        this.#set('failed', error);
      }
      return { ok: false, error };
    } finally {
      this.#abort = undefined;
    }
  }

  /**
   * The session ended outside a send (an attachment upload got 401): show the
   * same inline sign-in. After it, `resend` (when the patient had pressed Send)
   * or `signedInAgain` runs. No-op while a send is in flight.
   */
  async signInAgain(error: PortalError, { resend }: { resend: boolean }): Promise<void> {
    if (this.status === 'sending') return;
    if (this.status === 'reauth') {
      // Already asking; pressing Send meanwhile means "send once signed in".
      this.#resendAfterSignIn ||= resend;
      return;
    }
    this.#patientId = this.#options.portal()?.host.signedIn?.patient.id ?? null;
    await this.#askToSignIn(error, resend);
  }

  /** Load the sign-in form and ask for it; returns the error to show instead when it cannot load. */
  async #askToSignIn(error: PortalError, resend: boolean): Promise<PortalError | undefined> {
    try {
      // Shown together: the notice and the sign-in form (whose code loads now).
      await loadSignIn();
    } catch (loadError) {
      // Could not load it (offline?): "Not sent yet" + Retry, which asks the server again.
      const offline = toPortalError(loadError);
      this.#set('offline', offline);
      return offline;
    }
    this.#resendAfterSignIn = resend;
    this.#sawReauthRequired = false;
    this.#set('reauth', error);
    this.#options.portal()?.host.requireReauth();
    return undefined;
  }

  /** The request never started (validation failed after a retry): back to idle, key kept. */
  cancelled(): void {
    if (this.status !== 'sent') this.#set('idle', null);
  }

  /** Start a new message: the next send gets a fresh key. */
  reset(): void {
    this.#abort?.abort();
    this.#key = null;
    this.#patientId = null;
    this.#set('idle', null);
  }

  #set(status: SendStatus, error: PortalError | null) {
    this.status = status;
    this.error = error;
    this.#host.requestUpdate();
  }

  #onOnline = () => {
    if (this.status === 'offline') this.#options.resend();
  };

  #onSignedIn = () => {
    // Let the provider publish the new session before sending.
    queueMicrotask(() => this.#resume());
  };

  #resume() {
    if (this.status !== 'reauth') return;
    const now = this.#options.portal()?.host.signedIn?.patient.id ?? null;
    if (!now) return;
    if (this.#patientId && now !== this.#patientId) {
      // Someone else signed in on this screen: the widget drops the message; never send it as them.
      this.reset();
      return;
    }
    this.#set('idle', null);
    if (this.#resendAfterSignIn) this.#options.resend();
    else this.#options.signedInAgain?.();
  }

  /** Focus the status message (after a failure or when sign-in is needed). */
  focusStatus(): void {
    const target = this.#host.renderRoot.querySelector<HTMLElement>(`#${this.#id}-status`);
    target?.focus();
  }

  /**
   * The send status: a polite live region (always present, so changes are
   * announced), plus the failure notice with Retry, or the inline sign-in.
   */
  render(
    localize: LocalizeController,
    errorMessage: (error: PortalError) => string,
    phoneLink?: TemplateResult | typeof nothing,
  ): TemplateResult {
    const t = localize;
    // The session ended on Send, or during an upload: the same sign-in, told differently.
    const [reauthTitle, reauthBody] = this.#resendAfterSignIn
      ? (['kit.send.reauthTitle', 'kit.send.reauthBody'] as const)
      : (['kit.send.reauthUploadTitle', 'kit.send.reauthUploadBody'] as const);
    const live =
      this.status === 'sending'
        ? t.term('kit.send.sending')
        : this.status === 'offline'
          ? t.term('kit.send.notSentYet')
          : this.status === 'reauth'
            ? t.term(reauthTitle)
            : '';
    return html`<div class="visually-hidden" role="status" aria-live="polite">${live}</div>
      ${
        this.status === 'offline'
          ? html`<div class="notice warning kit-send-status" part="send-status" id="${this.#id}-status" tabindex="-1">
              <p><strong>${t.term('kit.send.notSentYet')}</strong></p>
              <p>${t.term('kit.send.offlineBody')}</p>
              <button class="button secondary" part="retry-button" type="button" @click=${() => this.#options.resend()}>
                ${t.term('common.retry')}
              </button>
            </div>`
          : nothing
      }
      ${
        this.status === 'failed' && this.error
          ? html`<div
              class="notice danger kit-send-status"
              part="send-status error"
              role="alert"
              id="${this.#id}-status"
              tabindex="-1"
            >
              <p><strong>${t.term('kit.send.failedTitle')}</strong></p>
              <p>${errorMessage(this.error)} ${t.term('kit.send.kept')}</p>
              ${phoneLink ?? nothing}
              ${
                this.error.retryable
                  ? html`<button
                      class="button secondary"
                      part="retry-button"
                      type="button"
                      @click=${() => this.#options.resend()}
                    >
                      ${t.term('common.retry')}
                    </button>`
                  : nothing
              }
            </div>`
          : nothing
      }
      ${
        this.status === 'reauth'
          ? html`<div
                class="notice warning kit-send-status kit-reauth"
                part="reauth"
                id="${this.#id}-status"
                tabindex="-1"
              >
                <p><strong>${t.term(reauthTitle)}</strong></p>
                <p>${t.term(reauthBody)}</p>
              </div>
              <!-- Beside, not inside, the notice: the sign-in form needs the full width on a phone. -->
              <portal-login reauth part="reauth-login" @portal-signed-in=${this.#onSignedIn}></portal-login>`
          : nothing
      }`;
  }
}
