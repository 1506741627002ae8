/**
 * `<portal-login>`: sign-in with the office-issued patient ID and password,
 * the first-sign-in "choose your own password" step, inline re-authentication,
 * and the signed-in state with Sign out.
 *
 * ## Why the form lives in the light DOM (autofill and password managers)
 * Password managers and browser autofill look for `<form>`/`<input>` elements
 * in the document; most do not look inside shadow roots, and none can tie a
 * username in one shadow root to a password in another. So, like Lion, the
 * element keeps its frame (card, headings, notices, error summary, signed-in
 * view, the logoff dialog) in its shadow root and renders the credential
 * `<form>` — native inputs with `autocomplete="username"`, `"current-password"`
 * and `"new-password"`, their labels, hints and errors — into its own light DOM,
 * projected through a `<slot>`. The inputs are ordinary children of the page,
 * exactly what a hand-written login form would be.
 * Verified: login.test.ts asserts each input's root node is the document (not a
 * shadow root), with the expected `name`/`id`/`autocomplete` and a `<label>`,
 * and that the form is `method="post"` (so a failed script can never put a
 * password in a URL) and never navigates. By hand, Chromium 156 started with
 * `--show-autofill-type-predictions --enable-features=AutofillShowTypePredictions`
 * annotates both inputs as one form (labels "Patient ID"/"Password", button
 * "Sign in", `autocomplete: username`). Chromium now also parses shadow-DOM
 * forms; the light DOM is for everything that does not: password-manager
 * extensions that walk `document`, and other browsers.
 * Styles for the light DOM come from one constructable stylesheet adopted by
 * the document (login.styles.ts), scoped under the `portal-login` tag.
 * Any fallback children a webmaster puts inside `<portal-login>` are replaced.
 *
 * ## Re-authentication inside another widget (compose relies on this)
 * When the server answers `session-expired` mid-task, the widget calls
 * `portal.host.requireReauth()` and keeps everything the patient typed. While
 * `portal.reauthRequired` is true, render the login in re-auth mode right
 * where the patient is working, e.g. above the Send button:
 *
 *     ${this.portal?.reauthRequired ? html`<portal-login reauth></portal-login>` : nothing}
 *
 * It finds the same host through context (context requests cross shadow
 * roots), asks only for the password of the patient already signed in, and on
 * success calls `host.setSession()`, which clears `reauthRequired` and keeps
 * every widget's state (the session, and so the patient, is unchanged). Retry
 * the task when `reauthRequired` turns false (or on `portal-signed-in`), and
 * move focus back to where the patient was. In re-auth mode the element renders
 * nothing unless re-authentication is needed; inside a shadow root it adopts
 * its stylesheet there (password managers may not fill it there; typing works).
 */
import { html, nothing, render as renderLight, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalError, toPortalError } from '../../api/errors.js';
import type { SignedInSession } from '../../api/schemas.js';
import { validate } from '../../api/validate.js';
import { LIMITS, SignedInSession as SignedInSessionShape } from '../../api/validators.generated.js';
import {
  PortalPasswordChangedEvent,
  PortalSignedInEvent,
  PortalSignedOutEvent,
  type SignOutReason,
} from '../../events/events.js';
import { PortalElement, telHref } from '../../internal/portal-element.js';
import type { PortalHost } from '../../internal/portal-host.js';
import type { TranslationKey } from '../../translations/en.js';
import { adoptLoginSheet, loginStyles } from './login.styles.js';
import { SessionDialogController, sessionDialogStyles } from './session-dialog.js';
import { login, session } from '../../translations/en.js';

type PasswordRules = typeof import('../../policy/password-rules.js');

type View = 'none' | 'sign-in' | 'change-password' | 'reauth' | 'signed-in';
type FieldName = 'patientId' | 'password' | 'currentPassword' | 'newPassword' | 'confirmPassword';
type WaitType = 'locked-out' | 'rate-limited';

interface FieldProblem {
  field: FieldName;
  /** A function, so the text follows a language change. */
  message: () => string;
}

type Alert =
  | { kind: 'summary' }
  | { kind: 'error'; error: PortalError }
  | { kind: 'wait'; type: WaitType; until: number | null };

type RuleState = 'met' | 'unmet' | 'pending';

/** Password-rule defaults until the rules module has loaded (it is lazy). */
const FALLBACK_MIN = 15;
const FALLBACK_MAX = 128;

const FIELD_IDS: Record<FieldName, string> = {
  patientId: 'patient-id',
  password: 'password',
  currentPassword: 'current-password',
  newPassword: 'new-password',
  confirmPassword: 'confirm-password',
};

let instances = 0;

/** Page navigation after sign-in (`next`); replaceable in tests. */
export const navigation = {
  assign(url: string): void {
    window.location.assign(url);
  },
};

/**
 * `next` as a same-origin path (`/messages.html?x#y`), or null when it is
 * anything else: another origin, a scheme (`javascript:`), `//host`,
 * backslashes or control characters. Nothing is ever added to it.
 */
export function safeNextUrl(value: string | null | undefined, base: string = window.location.href): string | null {
  if (!value) return null;
  const candidate = value.trim();
  if (!candidate || /^[a-z][a-z\d+.-]*:/i.test(candidate) || candidate.startsWith('//')) return null;
  if (/[\\\u0000-\u001f\u007f]/.test(candidate)) return null;
  try {
    const url = new URL(candidate, base);
    if (url.origin !== new URL(base).origin) return null;
    return url.pathname + url.search + url.hash;
  } catch {
    return null;
  }
}

/**
 * Sign-in for the patient portal, with the first-sign-in password change,
 * inline re-authentication and automatic-logoff warning.
 *
 * @tag portal-login
 * @summary Sign in with the office-issued patient ID and password; choose your own password the first time.
 *
 * @slot - Reserved: the element renders its credential form here (light DOM, for password managers). Fallback content is replaced.
 *
 * @event portal-signed-in - The patient signed in (or re-authenticated). `detail: { mustChangePassword, consentRequired }`.
 * @event portal-password-changed - The patient chose their own password. `detail: {}`.
 * @event portal-signed-out - Only when used without a `<portal-provider>` (the provider sends it otherwise). `detail: { reason }`.
 * @event portal-load-error - The clinic's server could not be reached. `detail: { element, type, status? }`.
 *
 * @csspart base - The card around everything.
 * @csspart title - The heading.
 * @csspart error - The error summary or the server's error (focused on submit).
 * @csspart signed-out - Why the patient was signed out.
 * @csspart help - "Forgot your patient ID or password?".
 * @csspart continue-button - Link to `next` when signed in.
 * @csspart sign-out-button - The Sign out button (signed-in state).
 * @csspart dialog - The automatic-logoff warning (only when there is no `<portal-provider>`).
 * @csspart form - Light DOM: the `<form>` (style it as `portal-login [part~='form']`).
 * @csspart field - Light DOM: each label + input group.
 * @csspart submit-button - Light DOM: the submit button.
 *
 * @cssproperty --portal-color-primary - Buttons, links and the show-password toggle.
 * @cssproperty --portal-color-danger - Errors.
 * @cssproperty --portal-color-success - Password rules that are met.
 * @cssproperty --portal-target-size - Smallest height of inputs and buttons (default 2.75rem).
 * @cssproperty --portal-font-family - Font (default: the page's).
 *
 * @cssstate loading - Clinic configuration and session are loading.
 * @cssstate ready - The form or the signed-in state is shown.
 * @cssstate submitting - Signing in, saving the new password, or re-authenticating.
 * @cssstate error - The last attempt failed (message shown).
 */
export class PortalLogin extends PortalElement {
  static override strings = [login, session];

  static override styles = [...PortalElement.styles, ...sessionDialogStyles, loginStyles];

  /** Milliseconds without an answer before "still working" is said (tests shorten it). */
  static slowAfterMs = 6000;

  /** Same-origin path to go to after signing in, e.g. `/messages.html`. Anything else is ignored. */
  @property() next?: string;

  /** Re-authentication mode for use inside other widgets: shows only while the session needs the password again. */
  @property({ type: Boolean, reflect: true }) reauth = false;

  /** Same-origin page of the clinic's password-reset flow, linked only when the backend advertises `selfServiceReset`. */
  @property({ attribute: 'reset-url' }) resetUrl?: string;

  @state() private problems: FieldProblem[] = [];
  @state() private alert: Alert | null = null;
  @state() private busy = false;
  @state() private slow = false;
  @state() private shown: Partial<Record<FieldName, boolean>> = {};
  @state() private passwordSaved = false;
  /** The new password and its confirmation, held only for the live rule check on this step. */
  @state() private newPassword = '';
  @state() private confirmPassword = '';
  @state() private triedChange = false;
  @state() private rules?: PasswordRules;

  readonly #prefix = `portal-login-${++instances}`;
  readonly #sessionDialog = new SessionDialogController(this, this.localize, () =>
    this.#ownsSessionUi() ? this.portal : undefined,
  );
  #view: View = 'none';
  /** The office-issued password typed at sign-in, kept for the password-change step only. */
  #issuedPassword: string | undefined;
  #submittedHere = false;
  #focus: 'title' | 'alert' | null = null;
  #abort?: AbortController;
  #slowTimer?: ReturnType<typeof setTimeout>;
  #waitTicker?: ReturnType<typeof setInterval>;
  #host?: PortalHost;
  #lightReady = false;

  override connectedCallback() {
    super.connectedCallback();
    adoptLoginSheet(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#abort?.abort();
    this.#endBusy();
    this.#stopWaitTicker();
    this.#issuedPassword = undefined;
    this.#host?.removeEventListener('signed-out', this.#onHostSignedOut);
    this.#host = undefined;
  }

  // ------------------------------------------------------------ lifecycle

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const host = this.portal?.host;
    if (host !== this.#host) {
      this.#host?.removeEventListener('signed-out', this.#onHostSignedOut);
      this.#host = host;
      host?.addEventListener('signed-out', this.#onHostSignedOut);
    }
    const view = this.#computeView();
    if (view !== this.#view) this.#enterView(this.#view, view);
  }

  /** Shadow DOM first (the frame with its slot), then the light-DOM form into the element itself. */
  protected override update(changed: PropertyValues) {
    super.update(changed);
    if (!this.#lightReady) {
      this.replaceChildren(); // fallback content from the page, if any
      this.#lightReady = true;
    }
    renderLight(this.#renderLight(), this, { host: this });
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    if (this.#focus) {
      const selector = this.#focus === 'alert' ? "[part~='error']" : "[part~='title']";
      this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
      this.#focus = null;
    }
    const waiting = this.alert?.kind === 'wait' && this.alert.until !== null && this.alert.until > Date.now();
    if (waiting && !this.#waitTicker) this.#waitTicker = setInterval(() => this.requestUpdate(), 1000);
    if (!waiting) this.#stopWaitTicker();
  }

  #computeView(): View {
    const portal = this.portal;
    if (!portal || portal.status !== 'ready' || this.misconfigured) return 'none';
    const session = portal.session?.authenticated ? portal.session : null;
    if (this.reauth) return session && portal.reauthRequired ? 'reauth' : 'none';
    if (!session) return 'sign-in';
    if (portal.reauthRequired) return 'reauth';
    if (session.mustChangePassword) return 'change-password';
    return 'signed-in';
  }

  /** Reset what belonged to the previous step and decide where focus goes. */
  #enterView(from: View, to: View) {
    this.#view = to;
    this.problems = [];
    this.shown = {};
    this.newPassword = '';
    this.confirmPassword = '';
    this.triedChange = false;
    this.alert = null;
    if (to !== 'signed-in') this.passwordSaved = false;
    if (from === 'change-password') this.#issuedPassword = undefined;
    if (to === 'change-password') void this.#loadRules();

    if (this.#submittedHere) {
      // Our own submit moved the patient on: tell screen readers where they are now.
      this.#focus = to === 'none' ? null : 'title';
      this.#submittedHere = false;
    } else if (this.reauth && to === 'reauth') {
      // The patient just acted (e.g. pressed Send) and this form appeared where they work: say why.
      this.#focus = 'title';
    } else if (from !== 'none' && to !== 'none') {
      // Signed out (idle, Sign out, another tab): only take focus if it was lost with the old view.
      const active = document.activeElement;
      if (!active || active === document.body || this.contains(active) || active === this) this.#focus = 'title';
    }
  }

  async #loadRules() {
    try {
      this.rules ??= await import('../../policy/password-rules.js');
    } catch {
      // Loading failed (offline mid-deploy): the server still checks; the length rule works without it.
    }
  }

  #ownsSessionUi(): boolean {
    const owner = this.portal?.host.sessionUiOwner ?? null;
    return !this.reauth && (owner === null || owner === this);
  }

  /** Without a provider nobody else tells the page; with one, the provider does. */
  #onHostSignedOut = (event: Event) => {
    if (this.reauth || this.portal?.host.sessionUiOwner) return;
    const reason = (event as CustomEvent<{ reason: SignOutReason }>).detail.reason;
    this.dispatchEvent(new PortalSignedOutEvent({ reason }));
  };

  // ------------------------------------------------------------ shadow DOM

  protected override render() {
    const status = this.renderPortalStatus();
    if (status) return status;
    const portal = this.portal!;
    const view = this.#view;
    if (view === 'none') {
      this.setWidgetState('ready');
      return this.#ownsSessionUi() ? this.#sessionDialog.render() : nothing;
    }
    this.setWidgetState(this.busy ? 'submitting' : this.alert && this.alert.kind !== 'summary' ? 'error' : 'ready');
    const t = this.localize;
    return html`<div part="base" class="login">
        <h2 part="title" id="title" tabindex="-1">${t.term(TITLES[view])}</h2>
        ${view === 'sign-in' && portal.signOutReason ? this.#renderSignedOutReason(portal.signOutReason) : nothing}
        ${view === 'signed-in' && this.passwordSaved
          ? html`<p class="notice success" role="status">${t.term('login.passwordSaved')}</p>`
          : nothing}
        ${INTROS[view] ? html`<p class="intro">${t.term(INTROS[view]!)}</p>` : nothing}
        ${this.#renderAlert()}
        ${view === 'signed-in' ? this.#renderSignedIn() : html`<slot></slot>`}
        ${view === 'sign-in' ? this.#renderHelp() : nothing}
        ${view === 'sign-in' && portal.mock ? html`<p class="notice demo">${t.term('login.demo')}</p>` : nothing}
        <p class="visually-hidden" role="status">${this.busy ? this.#busyText() : ''}</p>
      </div>
      ${this.#ownsSessionUi() ? this.#sessionDialog.render() : nothing}`;
  }

  #renderSignedOutReason(reason: SignOutReason): TemplateResult {
    const quiet = reason === 'user';
    return html`<div class="notice ${quiet ? '' : 'warning'}" part="signed-out" role="status">
      <p>${this.localize.term(`login.signedOut.${reason}`)}</p>
    </div>`;
  }

  #renderAlert(): TemplateResult | typeof nothing {
    const alert = this.alert;
    const t = this.localize;
    if (!alert) return nothing;
    if (alert.kind === 'summary') {
      return html`<div class="notice danger error-summary" part="error" role="alert" tabindex="-1">
        <p><strong>${t.term('common.errorSummary', this.problems.length)}</strong></p>
        <ul>
          ${this.problems.map(
            (p) =>
              html`<li>
                <a href="#${this.#id(p.field)}" @click=${(e: Event) => this.#focusField(e, p.field)}>${p.message()}</a>
              </li>`,
          )}
        </ul>
      </div>`;
    }
    if (alert.kind === 'wait') {
      const left = alert.until === null ? undefined : Math.max(0, Math.ceil((alert.until - Date.now()) / 1000));
      if (left === 0) {
        return html`<div class="notice" part="error" role="alert" tabindex="-1"><p>${t.term('login.lockout.over')}</p></div>`;
      }
      return html`<div class="notice danger" part="error" role="alert" tabindex="-1">
        <p>${alert.type === 'locked-out' ? t.term('error.locked-out', left) : t.term('error.rate-limited', left)}</p>
        ${this.renderCallOffice(new PortalError(alert.type, ''))}
      </div>`;
    }
    const error = alert.error;
    return html`<div class="notice danger" part="error" role="alert" tabindex="-1">
      <p>${this.errorMessage(error)}</p>
      ${this.renderCallOffice(error)}
      ${error.retryable
        ? html`<button class="button secondary" part="retry-button" type="button" @click=${this.#retry}>
            ${t.term('common.retry')}
          </button>`
        : nothing}
    </div>`;
  }

  #renderSignedIn(): TemplateResult {
    const t = this.localize;
    const session = this.portal?.session?.authenticated ? this.portal.session : null;
    const next = safeNextUrl(this.next);
    return html`<p class="greeting">${t.term('login.signedInAs')} <bdi>${session?.patient.displayName ?? ''}</bdi></p>
      <div class="actions">
        ${next ? html`<a class="button" part="continue-button" href=${next}>${t.term('login.continue')}</a>` : nothing}
        <button class="button secondary" part="sign-out-button" type="button" @click=${this.#signOut}>
          ${t.term('login.signOut')}
        </button>
      </div>`;
  }

  #renderHelp(): TemplateResult {
    const t = this.localize;
    const clinic = this.portal?.clinic;
    const reset = clinic?.selfServiceReset ? safeNextUrl(this.resetUrl) : null;
    return html`<details class="help" part="help">
      <summary>${t.term('login.help.summary')}</summary>
      ${reset
        ? html`<p><a href=${reset}>${t.term('login.help.reset')}</a></p>`
        : html`<p>${t.term('login.help.body')}</p>
            ${clinic ? html`<p><a href=${telHref(clinic.phone)}>${t.term('common.callOffice', clinic.phone)}</a></p>` : nothing}`}
    </details>`;
  }

  #busyText(): string {
    const t = this.localize;
    if (this.slow) return t.term('login.slow');
    return this.#view === 'change-password' ? t.term('login.change.submitting') : t.term('login.submitting');
  }

  // ------------------------------------------------------------ light DOM

  #renderLight(): TemplateResult | typeof nothing {
    switch (this.#view) {
      case 'sign-in':
        return this.#renderSignInForm();
      case 'change-password':
        return this.#renderChangeForm();
      case 'reauth':
        return this.#renderReauthForm();
      default:
        return nothing;
    }
  }

  #renderSignInForm(): TemplateResult {
    const t = this.localize;
    const idProblem = this.#problem('patientId');
    const hintId = `${this.#id('patientId')}-hint`;
    // method="post": if the script ever failed, a submit still could not put credentials in a URL.
    return html`<form class="portal-login-form" part="form" method="post" novalidate @submit=${this.#onSignIn}>
      <div class="field" part="field">
        <label for=${this.#id('patientId')}>${t.term('login.patientId')}</label>
        <p class="hint" id=${hintId}>${t.term('login.patientId.hint')}</p>
        ${idProblem ? html`<p class="field-error" id="${this.#id('patientId')}-error">${idProblem.message()}</p>` : nothing}
        <input
          id=${this.#id('patientId')}
          name="username"
          type="text"
          dir="auto"
          autocomplete="username"
          autocapitalize="none"
          spellcheck="false"
          required
          aria-invalid=${idProblem ? 'true' : 'false'}
          aria-describedby=${this.#describedBy('patientId', [hintId])}
        />
      </div>
      ${this.#renderPasswordField({
        field: 'password',
        name: 'password',
        label: t.term('login.password'),
        autocomplete: 'current-password',
        toggleLabel: t.term('login.showPassword'),
      })}
      <div class="actions">${this.#renderSubmit(t.term('login.submit'), t.term('login.submitting'))}</div>
    </form>`;
  }

  #renderChangeForm(): TemplateResult {
    const t = this.localize;
    const session = this.portal?.session?.authenticated ? this.portal.session : null;
    const rulesId = `${this.#prefix}-rules`;
    const tipId = `${this.#prefix}-tip`;
    return html`<form class="portal-login-form" part="form" method="post" novalidate @submit=${this.#onChangePassword}>
      <input type="text" name="username" autocomplete="username" value=${session?.patient.id ?? ''} hidden readonly />
      ${this.#issuedPassword === undefined
        ? this.#renderPasswordField({
            field: 'currentPassword',
            name: 'current-password',
            label: t.term('login.change.current'),
            autocomplete: 'current-password',
            toggleLabel: t.term('login.showPassword'),
          })
        : nothing}
      ${this.#renderPasswordField({
        field: 'newPassword',
        name: 'new-password',
        label: t.term('login.change.new'),
        autocomplete: 'new-password',
        toggleLabel: t.term('login.change.showNew'),
        describedBy: [rulesId, tipId],
        onInput: (value) => (this.newPassword = value),
      })}
      <div id=${rulesId}>
        <p class="rules-title">${t.term('login.change.rules')}</p>
        <ul class="rules">
          ${this.#ruleStates().map(
            (rule) => html`<li class=${rule.state}>
              <span class="mark" aria-hidden="true">${rule.state === 'met' ? '✓' : rule.state === 'unmet' ? '✗' : '•'}</span>
              <span>${rule.text}<span class="visually-hidden">
                  (${rule.state === 'met' ? t.term('login.rule.met') : t.term('login.rule.unmet')})</span
                ></span
              >
            </li>`,
          )}
        </ul>
      </div>
      <p class="hint tip" id=${tipId}>${t.term('login.change.tip')}</p>
      ${this.#renderPasswordField({
        field: 'confirmPassword',
        name: 'confirm-password',
        label: t.term('login.change.confirm'),
        autocomplete: 'new-password',
        toggleLabel: t.term('login.change.showConfirm'),
        onInput: (value) => (this.confirmPassword = value),
      })}
      <div class="actions">
        ${this.#renderSubmit(t.term('login.change.submit'), t.term('login.change.submitting'))}
        <button class="button secondary" part="sign-out-button" type="button" @click=${this.#signOut}>
          ${t.term('login.signOut')}
        </button>
      </div>
    </form>`;
  }

  #renderReauthForm(): TemplateResult {
    const t = this.localize;
    const session = this.portal?.session?.authenticated ? this.portal.session : null;
    const id = session?.patient.id ?? '';
    return html`<form class="portal-login-form" part="form" method="post" novalidate @submit=${this.#onReauth}>
      <input type="text" name="username" autocomplete="username" value=${id} hidden readonly />
      <p class="patient-id">${t.term('login.patientId')}: <bdi>${id}</bdi></p>
      ${this.#renderPasswordField({
        field: 'password',
        name: 'password',
        label: t.term('login.password'),
        autocomplete: 'current-password',
        toggleLabel: t.term('login.showPassword'),
      })}
      <div class="actions">
        ${this.#renderSubmit(t.term('login.reauth.submit'), t.term('login.submitting'))}
        <button class="button secondary" part="sign-out-button" type="button" @click=${this.#signOut}>
          ${t.term('login.signOut')}
        </button>
      </div>
    </form>`;
  }

  #renderPasswordField(options: {
    field: FieldName;
    name: string;
    label: string;
    autocomplete: 'current-password' | 'new-password';
    toggleLabel: string;
    describedBy?: string[];
    onInput?: (value: string) => void;
  }): TemplateResult {
    const { field } = options;
    const id = this.#id(field);
    const problem = this.#problem(field);
    const shown = this.shown[field] ?? false;
    // No maxlength: it would silently truncate a pasted password. Length is checked instead.
    return html`<div class="field" part="field">
      <label for=${id}>${options.label}</label>
      ${problem ? html`<p class="field-error" id="${id}-error">${problem.message()}</p>` : nothing}
      <div class="password-row">
        <input
          id=${id}
          name=${options.name}
          type=${shown ? 'text' : 'password'}
          autocomplete=${options.autocomplete}
          autocapitalize="none"
          spellcheck="false"
          required
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby=${this.#describedBy(field, options.describedBy ?? [])}
          @input=${options.onInput ? (e: Event) => options.onInput!((e.target as HTMLInputElement).value) : undefined}
        />
        <button
          class="button secondary toggle"
          type="button"
          aria-pressed=${shown ? 'true' : 'false'}
          aria-controls=${id}
          aria-label=${options.toggleLabel}
          @click=${() => (this.shown = { ...this.shown, [field]: !shown })}
        >
          ${this.localize.term('login.show')}
        </button>
      </div>
    </div>`;
  }

  #renderSubmit(label: string, busyLabel: string): TemplateResult {
    // aria-disabled, not disabled: the button keeps focus while the request runs; clicks are ignored.
    return html`<button class="button" part="submit-button" type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>
      ${this.busy ? html`<span class="spinner inline" aria-hidden="true"></span>${busyLabel}` : label}
    </button>`;
  }

  #ruleStates(): Array<{ text: string; state: RuleState }> {
    const t = this.localize;
    const rules = this.rules;
    const pw = this.newPassword;
    const min = rules?.PASSWORD_MIN_LENGTH ?? FALLBACK_MIN;
    const max = rules?.PASSWORD_MAX_LENGTH ?? FALLBACK_MAX;
    const count = rules ? rules.passwordLength(pw) : [...pw].length;
    const session = this.portal?.session?.authenticated ? this.portal.session : null;
    const current = this.#issuedPassword ?? this.#value('currentPassword');
    const longEnough = count >= min && count <= max;
    // Red only after a submit attempt: a half-typed password is not a mistake yet.
    const notYet: RuleState = this.triedChange ? 'unmet' : 'pending';
    const judge = (failed: boolean): RuleState => (!longEnough || !rules ? 'pending' : failed ? 'unmet' : 'met');
    // Each rule on its own (checkPassword reports only the first failure, so ask per rule).
    const common = longEnough ? rules?.checkPassword(pw) : undefined;
    const withId = longEnough && session ? rules?.checkPassword(pw, { patientId: session.patient.id }) : undefined;
    const list: Array<{ text: string; state: RuleState }> = [
      { text: t.term('login.rule.length', min, count), state: count >= min ? 'met' : notYet },
    ];
    if (count > max) list.push({ text: t.term('login.rule.maxLength', max), state: 'unmet' });
    list.push(
      { text: t.term('login.rule.common'), state: judge(common?.ok === false && common.reason === 'common') },
      { text: t.term('login.rule.id'), state: judge(withId?.ok === false && withId.reason === 'matches-id') },
      { text: t.term('login.rule.current'), state: current ? judge(pw === current) : 'pending' },
      {
        text: t.term('login.rule.match'),
        state: this.confirmPassword === '' ? notYet : this.confirmPassword === pw ? (pw ? 'met' : 'pending') : notYet,
      },
    );
    return list;
  }

  // ------------------------------------------------------------ field helpers

  #id(field: FieldName): string {
    return `${this.#prefix}-${FIELD_IDS[field]}`;
  }

  #problem(field: FieldName): FieldProblem | undefined {
    return this.problems.find((p) => p.field === field);
  }

  #describedBy(field: FieldName, extra: string[]): string | typeof nothing {
    const ids = [...extra, ...(this.#problem(field) ? [`${this.#id(field)}-error`] : [])];
    return ids.length ? ids.join(' ') : nothing;
  }

  #input(field: FieldName): HTMLInputElement | null {
    return this.querySelector<HTMLInputElement>(`#${this.#id(field)}`);
  }

  /** Exactly what the patient typed: never trimmed (spaces are part of a password). */
  #value(field: FieldName): string {
    return this.#input(field)?.value ?? '';
  }

  #focusField(event: Event, field: FieldName) {
    event.preventDefault(); // keep the URL as it is
    this.#input(field)?.focus();
  }

  #showProblems(problems: FieldProblem[]) {
    this.problems = problems;
    this.alert = { kind: 'summary' };
    this.#focus = 'alert';
  }

  // ------------------------------------------------------------ submitting

  #beginBusy(): AbortSignal {
    this.busy = true;
    this.slow = false;
    this.alert = null;
    this.problems = [];
    clearTimeout(this.#slowTimer);
    this.#slowTimer = setTimeout(() => (this.slow = true), PortalLogin.slowAfterMs);
    this.#abort = new AbortController();
    return this.#abort.signal;
  }

  #endBusy() {
    this.busy = false;
    this.slow = false;
    clearTimeout(this.#slowTimer);
  }

  /** While a lockout's wait is running, another try would only be refused: say so again instead. */
  #stillWaiting(): boolean {
    const alert = this.alert;
    if (alert?.kind === 'wait' && alert.until !== null && alert.until > Date.now()) {
      this.#focus = 'alert';
      this.requestUpdate();
      return true;
    }
    return false;
  }

  #showError(error: PortalError) {
    if (error.type === 'locked-out' || error.type === 'rate-limited') {
      const seconds = error.retryAfterSeconds;
      this.alert = { kind: 'wait', type: error.type, until: seconds === undefined ? null : Date.now() + seconds * 1000 };
    } else {
      this.alert = { kind: 'error', error };
    }
    this.#focus = 'alert';
  }

  /** Problems the server (or the client's request check) reported per field, in our words. */
  #fieldProblemsFrom(error: PortalError): FieldProblem[] {
    const t = this.localize;
    const problems: FieldProblem[] = [];
    for (const fe of error.fieldErrors) {
      const field = (
        {
          patientId: 'patientId',
          password: 'password',
          currentPassword: 'currentPassword',
          newPassword: 'newPassword',
        } as Record<string, FieldName>
      )[fe.field];
      if (!field || problems.some((p) => p.field === field)) continue;
      if (field === 'newPassword') {
        problems.push({ field, message: () => this.#reasonText(fe.code) });
      } else if (fe.code === 'too-long') {
        problems.push({
          field,
          message: () =>
            field === 'patientId' ? t.term('login.error.idTooLong', LIMITS.patientIdMax) : t.term('login.error.passwordTooLong'),
        });
      } else if (fe.code === 'required' || fe.code === 'too-short') {
        problems.push({ field, message: () => t.term(REQUIRED[field]) });
      }
    }
    return problems;
  }

  #reasonText(code: string): string {
    const t = this.localize;
    const min = this.rules?.PASSWORD_MIN_LENGTH ?? FALLBACK_MIN;
    const max = this.rules?.PASSWORD_MAX_LENGTH ?? FALLBACK_MAX;
    switch (code) {
      case 'too-short':
        return t.term('login.reason.too-short', min);
      case 'too-long':
        return t.term('login.reason.too-long', max);
      case 'common':
      case 'breached':
        return t.term('login.reason.common');
      case 'matches-id':
        return t.term('login.reason.matches-id');
      case 'same-as-current':
        return t.term('login.reason.same-as-current');
      default:
        return t.term('login.reason.other');
    }
  }

  /** The client already validates; a custom client might not, and a malformed session must not half-sign-in. */
  #checkSession(value: unknown): SignedInSession {
    const parsed = validate(SignedInSessionShape, value);
    if (!parsed.ok) throw new PortalError('contract', 'The session in the response is not valid.');
    return parsed.value;
  }

  #onSignIn = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy || this.#stillWaiting()) return; // a double click sends one request
    const t = this.localize;
    // The ID is an office-issued identifier: stray spaces around it (from pasting) are not part of it.
    const patientId = this.#value('patientId').trim();
    const password = this.#value('password');
    const problems: FieldProblem[] = [];
    if (!patientId) problems.push({ field: 'patientId', message: () => t.term('login.error.idRequired') });
    else if (patientId.length > LIMITS.patientIdMax)
      problems.push({ field: 'patientId', message: () => t.term('login.error.idTooLong', LIMITS.patientIdMax) });
    if (!password) problems.push({ field: 'password', message: () => t.term('login.error.passwordRequired') });
    else if (password.length > LIMITS.passwordMax)
      problems.push({ field: 'password', message: () => t.term('login.error.passwordTooLong') });
    if (problems.length) return this.#showProblems(problems);

    const client = this.portal?.client;
    const host = this.portal?.host;
    if (!client || !host) return;
    const signal = this.#beginBusy();
    try {
      const session = this.#checkSession(await client.signIn({ patientId, password }, { signal }));
      const input = this.#input('password');
      if (input) input.value = '';
      this.#issuedPassword = session.mustChangePassword ? password : undefined;
      this.#submittedHere = true;
      host.setSession(session);
      this.dispatchEvent(
        new PortalSignedInEvent({ mustChangePassword: session.mustChangePassword, consentRequired: session.consent.required }),
      );
      if (!session.mustChangePassword) this.#goNext();
    } catch (caught) {
      this.#handleFailure(toPortalError(caught), 'password');
    } finally {
      this.#endBusy();
    }
  };

  #onReauth = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy || this.#stillWaiting()) return;
    const t = this.localize;
    const portal = this.portal;
    const session = portal?.session?.authenticated ? portal.session : null;
    const password = this.#value('password');
    if (!password) return this.#showProblems([{ field: 'password', message: () => t.term('login.error.passwordRequired') }]);
    if (password.length > LIMITS.passwordMax) {
      return this.#showProblems([{ field: 'password', message: () => t.term('login.error.passwordTooLong') }]);
    }
    if (!portal || !session) return;
    const signal = this.#beginBusy();
    try {
      const fresh = this.#checkSession(await portal.client.signIn({ patientId: session.patient.id, password }, { signal }));
      const input = this.#input('password');
      if (input) input.value = '';
      if (fresh.mustChangePassword) this.#issuedPassword = password;
      this.#submittedHere = true;
      portal.host.setSession(fresh); // clears reauthRequired; same patient, so nothing is dropped
      this.dispatchEvent(
        new PortalSignedInEvent({ mustChangePassword: fresh.mustChangePassword, consentRequired: fresh.consent.required }),
      );
    } catch (caught) {
      this.#handleFailure(toPortalError(caught), 'password');
    } finally {
      this.#endBusy();
    }
  };

  #onChangePassword = async (event: SubmitEvent) => {
    event.preventDefault();
    if (this.busy || this.#stillWaiting()) return;
    const t = this.localize;
    const portal = this.portal;
    const session = portal?.session?.authenticated ? portal.session : null;
    if (!portal || !session) return;
    this.triedChange = true;
    const current = this.#issuedPassword ?? this.#value('currentPassword');
    const next = this.#value('newPassword');
    const confirm = this.#value('confirmPassword');
    this.newPassword = next;
    this.confirmPassword = confirm;

    if (!this.rules) await this.#loadRules();
    const rules = this.rules;
    const problems: FieldProblem[] = [];
    if (!current) problems.push({ field: 'currentPassword', message: () => t.term('login.change.error.currentRequired') });
    if (!next) {
      problems.push({ field: 'newPassword', message: () => t.term('login.change.error.newRequired') });
    } else if (rules) {
      const check = rules.checkPassword(next, { patientId: session.patient.id, ...(current ? { currentPassword: current } : {}) });
      if (!check.ok) problems.push({ field: 'newPassword', message: () => this.#reasonText(check.reason) });
    }
    if (!confirm) problems.push({ field: 'confirmPassword', message: () => t.term('login.change.error.confirmRequired') });
    else if (next && confirm !== next) {
      problems.push({ field: 'confirmPassword', message: () => t.term('login.change.error.mismatch') });
    }
    if (problems.length) return this.#showProblems(problems);

    const signal = this.#beginBusy();
    try {
      const fresh = this.#checkSession(
        await portal.client.changePassword({ currentPassword: current, newPassword: next }, { signal }),
      );
      // The office-issued password and the new one are not needed any more.
      this.#issuedPassword = undefined;
      this.newPassword = '';
      this.confirmPassword = '';
      this.#submittedHere = true;
      portal.host.setSession(fresh);
      this.passwordSaved = true;
      this.dispatchEvent(new PortalPasswordChangedEvent());
      this.#goNext();
    } catch (caught) {
      const error = toPortalError(caught);
      if (error.type === 'invalid-credentials') {
        // The current password was wrong (e.g. typed after a reload): ask for it, with the reason.
        this.#issuedPassword = undefined;
        this.#showProblems([{ field: 'currentPassword', message: () => t.term('login.change.error.currentWrong') }]);
      } else {
        this.#handleFailure(error, 'newPassword');
      }
    } finally {
      this.#endBusy();
    }
  };

  #handleFailure(error: PortalError, passwordField: FieldName) {
    if (error.type === 'aborted') return;
    if (error.type === 'invalid-credentials') {
      // Same words for an unknown ID and a wrong password; the password is cleared, the ID kept.
      const input = this.#input(passwordField);
      if (input) input.value = '';
    }
    if (error.needsSignIn) {
      this.portal?.host.sessionExpired();
      return;
    }
    if (error.type === 'validation' || error.type === 'password-rejected') {
      const problems = this.#fieldProblemsFrom(error);
      if (error.type === 'password-rejected' && !problems.length) {
        problems.push({ field: 'newPassword', message: () => this.#reasonText('other') });
      }
      if (problems.length) return this.#showProblems(problems);
    }
    this.#showError(error);
  }

  #retry = () => {
    this.alert = null;
    this.querySelector('form')?.requestSubmit();
  };

  #signOut = () => {
    this.#submittedHere = false;
    void this.portal?.host.signOut('user');
  };

  #goNext() {
    const url = safeNextUrl(this.next);
    if (url) navigation.assign(url);
  }

  #stopWaitTicker() {
    if (this.#waitTicker) clearInterval(this.#waitTicker);
    this.#waitTicker = undefined;
  }
}

const TITLES: Record<Exclude<View, 'none'>, TranslationKey> = {
  'sign-in': 'login.title',
  'change-password': 'login.change.title',
  reauth: 'login.reauth.title',
  'signed-in': 'login.signedIn.title',
};

const INTROS: Partial<Record<View, TranslationKey>> = {
  'sign-in': 'login.intro',
  'change-password': 'login.change.intro',
  reauth: 'login.reauth.intro',
};

const REQUIRED: Record<FieldName, TranslationKey> = {
  patientId: 'login.error.idRequired',
  password: 'login.error.passwordRequired',
  currentPassword: 'login.change.error.currentRequired',
  newPassword: 'login.change.error.newRequired',
  confirmPassword: 'login.change.error.confirmRequired',
};

declare global {
  interface HTMLElementTagNameMap {
    'portal-login': PortalLogin;
  }
}
