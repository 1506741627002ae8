/**
 * The base every portal widget extends. It gives each widget, the same way:
 * - the shared `PortalState` (client, clinic, session) from the nearest
 *   `<portal-provider>` through `@lit/context`, or — with its own `api-base` —
 *   from a private host, so one widget can be pasted on its own;
 * - a clear message for the webmaster when neither exists (never a spinner forever);
 * - localization (`this.localize`), the theme attribute, custom states
 *   (`:state(loading)` …) and the shared loading/empty/error renderers;
 * - one typed channel for load failures: the `portal-load-error` event.
 */
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { consume } from '@lit/context';
import { property, state } from 'lit/decorators.js';
import { PortalError, toPortalError } from '../api/errors.js';
import { createFetchClient } from '../api/fetch-client.js';
import { PortalLoadErrorEvent } from '../events/events.js';
import { shared } from '../styles/shared.js';
import { tokens } from '../styles/tokens.js';
import { portalContext } from './context.js';
import { LocalizeController } from './localize.js';
import type { EnglishSection } from '../translations/en.js';
import { PortalHost, type PortalState, type PortalTheme } from './portal-host.js';

export type WidgetState = 'loading' | 'ready' | 'empty' | 'error' | 'submitting';
const WIDGET_STATES: readonly WidgetState[] = ['loading', 'ready', 'empty', 'error', 'submitting'];

/** How long a widget waits for a provider that is on the page but not yet defined. */
const PROVIDER_WAIT_MS = 4000;

export class PortalElement extends LitElement {
  static override styles = [tokens, shared];

  /** Base URL of the portal API, for using this widget without a `<portal-provider>`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** Color theme for this widget; by default the provider's (or `auto`, following the device). */
  @property() theme?: PortalTheme;

  /** Shared state from the provider (or this widget's own host). */
  @consume({ context: portalContext, subscribe: true })
  @state()
  protected portal?: PortalState;

  /** Set when there is no provider and no `api-base`: shown as a message for the webmaster. */
  @state() protected misconfigured = false;

  /** The English sections this element renders (beyond `core`); see translations/en.ts. */
  static strings: readonly EnglishSection[] = [];

  protected readonly localize = new LocalizeController(this, (this.constructor as typeof PortalElement).strings);
  protected readonly internals: ElementInternals;

  #ownHost?: PortalHost;
  #onOwnHostChange = () => {
    this.portal = this.#ownHost?.state;
  };

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  /** The patient's saved language, used below any explicit `lang` (see LocalizeController). */
  get preferredLocale(): string | undefined {
    return this.portal?.preferredLocale;
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.#findPortal();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#ownHost?.removeEventListener('change', this.#onOwnHostChange);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const theme = this.theme ?? this.portal?.theme ?? 'auto';
    if (this.dataset['theme'] !== theme) this.dataset['theme'] = theme;
    if (changed.has('apiBase') && this.apiBase && this.#ownHost) {
      // A changed api-base means a different backend: start over with it.
      this.#ownHost.removeEventListener('change', this.#onOwnHostChange);
      this.#ownHost = undefined;
      this.#createOwnHost();
    }
  }

  /** Wait briefly for a provider; else use `api-base`; else tell the webmaster. */
  async #findPortal() {
    await Promise.resolve(); // a defined provider answers the context request synchronously
    if (this.portal || !this.isConnected) return;
    if (this.apiBase) {
      this.#createOwnHost();
      return;
    }
    const providerPending = document.querySelector('portal-provider') && !customElements.get('portal-provider');
    if (providerPending) {
      await Promise.race([
        customElements.whenDefined('portal-provider'),
        new Promise((resolve) => setTimeout(resolve, PROVIDER_WAIT_MS)),
      ]);
      await Promise.resolve();
    }
    if (!this.portal && !this.apiBase && this.isConnected) {
      this.misconfigured = true;
      this.dispatchEvent(new PortalLoadErrorEvent({ element: this.localName, type: 'misconfigured' }));
    }
  }

  #createOwnHost() {
    if (!this.apiBase) return;
    this.#ownHost = new PortalHost(createFetchClient({ baseUrl: this.apiBase }));
    this.#ownHost.addEventListener('change', this.#onOwnHostChange);
    this.portal = this.#ownHost.state;
    this.misconfigured = false;
    void this.#ownHost.load();
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    if (changed.has('portal') && this.portal) this.misconfigured = false;
  }

  // ------------------------------------------------------------ custom states

  /** Reflect the widget's state as `:state(name)` (exactly one of the shared states at a time). */
  protected setWidgetState(name: WidgetState) {
    const states = this.internals.states;
    if (!states) return;
    for (const s of WIDGET_STATES) {
      if (s === name) states.add(s);
      else states.delete(s);
    }
  }

  /** Report a failure that keeps the widget from loading, on the one typed channel. */
  protected reportLoadError(error: unknown): PortalError {
    const portalError = toPortalError(error);
    if (portalError.type !== 'aborted') {
      this.dispatchEvent(
        new PortalLoadErrorEvent({
          element: this.localName,
          type: portalError.type,
          ...(portalError.status !== undefined ? { status: portalError.status } : {}),
        }),
      );
    }
    return portalError;
  }

  // ------------------------------------------------------------ shared renderers

  /** A polite, busy region with a spinner; `label` says what is loading. */
  protected renderLoading(label = this.localize.term('common.loading')): TemplateResult {
    return html`<div class="state" part="loading" role="status" aria-live="polite" aria-busy="true">
      <span class="spinner" aria-hidden="true"></span>
      <span>${label}</span>
    </div>`;
  }

  /** An alert with the message for the error's type and, when trying again may help, a Retry button. */
  protected renderError(error: PortalError, retry?: () => void): TemplateResult {
    return html`<div class="notice danger state" part="error" role="alert">
      <p><strong>${this.localize.term('error.title')}</strong></p>
      <p>${this.errorMessage(error)}</p>
      ${this.renderCallOffice(error)}
      ${retry && error.retryable
        ? html`<button class="button secondary" part="retry-button" type="button" @click=${retry}>
            ${this.localize.term('common.retry')}
          </button>`
        : nothing}
    </div>`;
  }

  /**
   * What every widget shows before its own content can: the embed is broken,
   * the provider is still loading clinic + session, or that load failed.
   * Returns null once the shared state is ready.
   */
  protected renderPortalStatus(): TemplateResult | null {
    if (this.misconfigured) return this.renderMisconfigured();
    const portal = this.portal;
    if (!portal || portal.status === 'loading') {
      this.setWidgetState('loading');
      return html`<div part="base">${this.renderLoading()}</div>`;
    }
    if (portal.status === 'error' && portal.error) {
      this.setWidgetState('error');
      return html`<div part="base">${this.renderError(portal.error, () => void portal.host.reload())}</div>`;
    }
    return null;
  }

  /** Shown instead of the widget when the embed itself is wrong. */
  protected renderMisconfigured(): TemplateResult {
    return html`<div class="notice danger state" part="base error" role="alert">
      <p>${this.localize.term('error.misconfigured')}</p>
    </div>`;
  }

  protected renderEmpty(content: TemplateResult | string): TemplateResult {
    return html`<div class="state" part="empty">${content}</div>`;
  }

  /** The patient-facing sentence for an error, chosen by its type (never the server's text). */
  protected errorMessage(error: PortalError): string {
    const t = this.localize;
    switch (error.type) {
      case 'rate-limited':
        return t.term('error.rate-limited', error.retryAfterSeconds);
      case 'locked-out':
        return t.term('error.locked-out', error.retryAfterSeconds);
      default:
        return t.term(`error.${error.type}`);
    }
  }

  /** Lockouts, server trouble and revoked messaging: give the patient the office phone. */
  protected renderCallOffice(error?: PortalError): TemplateResult | typeof nothing {
    const phone = this.portal?.clinic?.phone;
    const worthCalling =
      !error || ['locked-out', 'server', 'contract', 'messaging-revoked', 'rate-limited'].includes(error.type);
    if (!phone || !worthCalling) return nothing;
    return html`<p><a href=${telHref(phone)}>${this.localize.term('common.callOffice', phone)}</a></p>`;
  }

  /** The calm state for a patient whose messaging privilege was revoked. */
  protected renderRevoked(): TemplateResult {
    const clinic = this.portal?.clinic;
    return html`<div class="notice warning" part="revoked" role="status">
      <h3>${this.localize.term('state.revoked.title')}</h3>
      <p>${this.localize.term('state.revoked.body', clinic?.name ?? '')}</p>
      ${this.renderCallOffice()}
    </div>`;
  }
}

/** A `tel:` href from a display number: digits and a leading + only. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
