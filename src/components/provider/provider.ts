import { LitElement, css, html, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { property } from 'lit/decorators.js';
import type { PortalClient } from '../../api/client.js';
import { createFetchClient } from '../../api/fetch-client.js';
import { PortalLoadErrorEvent, PortalSignedOutEvent, type SignOutReason } from '../../events/events.js';
import { portalContext } from '../../internal/context.js';
import { LocalizeController } from '../../internal/localize.js';
import { session } from '../../translations/en.js';
import { PortalHost, type PortalTheme } from '../../internal/portal-host.js';
import type { SessionLifecycleOptions } from '../../internal/session-lifecycle.js';
import { SessionDialogController, sessionDialogStyles } from '../login/session-dialog.js';

/** Appearance sugar over the `--portal-*` custom properties (Stripe's idea): `{ colorPrimary: '#06c' }`. */
export interface PortalAppearance {
  colorPrimary?: string;
  colorOnPrimary?: string;
  colorSurface?: string;
  colorText?: string;
  colorTextMuted?: string;
  colorBorder?: string;
  colorDanger?: string;
  fontFamily?: string;
  fontSize?: string;
  radius?: string;
  focusRingColor?: string;
}

/**
 * Configuration, session and services for the portal widgets inside it — or,
 * with `scope="page"`, for every widget on the page.
 *
 * @tag portal-provider
 * @summary Connects portal widgets to the clinic's backend and shares one session between them.
 *
 * @slot - The portal widgets and any page content around them.
 *
 * @event portal-load-error - Clinic configuration or session could not be loaded. `detail: { element, type, status? }`.
 * @event portal-signed-out - The patient was signed out. `detail: { reason }` (`user`, `idle`, `expired`, `other-tab`, `password-changed`, `other-patient`).
 *
 * @csspart dialog - The automatic-logoff warning (a modal `<dialog>`), shown before an idle or expiring session ends.
 *
 * @cssproperty --portal-color-primary - Brand color for buttons and links.
 * @cssproperty --portal-font-family - Font for every widget (default: inherit the page's).
 */
export class PortalProvider extends LitElement {
  static override styles = [
    ...sessionDialogStyles,
    css`
      :host {
        display: contents;
      }
    `,
  ];

  /** Base URL of the portal API, e.g. `https://portal.clinic.example/api/v1`. */
  @property({ attribute: 'api-base' }) apiBase?: string;

  /** A ready client for a custom backend; takes precedence over `api-base`. */
  @property({ attribute: false }) client?: PortalClient;

  /** `children` (default): widgets inside this element. `page`: every widget on the page. */
  @property() scope: 'children' | 'page' = 'children';

  /** Color theme for every widget: `auto` (follow the device), `light`, `dark` or `high-contrast`. */
  @property() theme: PortalTheme = 'auto';

  /** Brand colors, font and radius, applied as `--portal-*` custom properties. */
  @property({ attribute: false }) appearance?: PortalAppearance;

  /** True when the backend is the in-browser mock (demo and Storybook): widgets may say so. */
  @property({ type: Boolean }) mock = false;

  /** Automatic-logoff tuning (clock, cross-tab channel name, warning lead); read when the backend is first connected. */
  @property({ attribute: false }) sessionOptions?: SessionLifecycleOptions;

  /** The shared state; exposed for integrators and tests. */
  host?: PortalHost;

  protected readonly localize = new LocalizeController(this, [session]);
  readonly #sessionDialog = new SessionDialogController(this, this.localize, () =>
    this.host && this.host.sessionUiOwner === this ? this.host.state : undefined,
  );

  #provider?: ContextProvider<typeof portalContext>;
  #onChange = () => {
    if (this.host) this.#provider?.setValue(this.host.state);
    this.requestUpdate(); // the logoff warning dialog lives here
  };
  #onSignedOut = (event: Event) => {
    const reason = (event as CustomEvent<{ reason: SignOutReason }>).detail.reason;
    this.dispatchEvent(new PortalSignedOutEvent({ reason }));
  };

  override connectedCallback() {
    super.connectedCallback();
    this.#attach();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#detachHost();
  }

  /** The patient's saved language, below any `lang` (for the warning dialog's wording). */
  get preferredLocale(): string | undefined {
    return this.host?.state.preferredLocale;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('apiBase') || changed.has('client') || changed.has('mock')) {
      if (changed.get('apiBase') !== undefined || changed.get('client') !== undefined) this.#detachHost();
      this.#attach();
    }
    if (changed.has('theme')) this.host?.setTheme(this.theme);
    if (changed.has('appearance')) this.#applyAppearance();
  }

  #attach() {
    if (!this.host) {
      const client = this.client ?? (this.apiBase ? createFetchClient({ baseUrl: this.apiBase }) : undefined);
      if (!client) return; // nothing configured yet; widgets explain this to the webmaster
      this.host = new PortalHost(client, {
        theme: this.theme,
        mock: this.mock,
        ...(this.sessionOptions ? { lifecycle: this.sessionOptions } : {}),
      });
      this.host.claimSessionUi(this, 1);
      this.host.addEventListener('change', this.#onChange);
      this.host.addEventListener('signed-out', this.#onSignedOut);
      void this.host.load().then(() => {
        const error = this.host?.state.error;
        if (error) {
          this.dispatchEvent(
            new PortalLoadErrorEvent({
              element: this.localName,
              type: error.type,
              ...(error.status !== undefined ? { status: error.status } : {}),
            }),
          );
        }
      });
    }
    if (!this.#provider) {
      const target = this.scope === 'page' ? document.documentElement : this;
      this.#provider = new ContextProvider(target, { context: portalContext, initialValue: this.host.state });
    } else {
      this.#provider.setValue(this.host.state);
    }
  }

  #detachHost() {
    this.host?.removeEventListener('change', this.#onChange);
    this.host?.removeEventListener('signed-out', this.#onSignedOut);
    this.host?.releaseSessionUi(this);
    // Timers, activity listeners and the cross-tab channel go with it.
    this.host?.dispose();
    this.host = undefined;
  }

  #applyAppearance() {
    const target = this.scope === 'page' ? document.documentElement : this;
    const a = this.appearance ?? {};
    const map: Record<keyof PortalAppearance, string> = {
      colorPrimary: '--portal-color-primary',
      colorOnPrimary: '--portal-color-on-primary',
      colorSurface: '--portal-color-surface',
      colorText: '--portal-color-text',
      colorTextMuted: '--portal-color-text-muted',
      colorBorder: '--portal-color-border',
      colorDanger: '--portal-color-danger',
      fontFamily: '--portal-font-family',
      fontSize: '--portal-font-size',
      radius: '--portal-radius',
      focusRingColor: '--portal-focus-ring-color',
    };
    // CSSOM (not a style attribute string), so a strict CSP allows it.
    for (const [key, variable] of Object.entries(map) as [keyof PortalAppearance, string][]) {
      const value = a[key];
      if (value) target.style.setProperty(variable, value);
      else target.style.removeProperty(variable);
    }
  }

  protected override render() {
    return html`<slot></slot>${this.#sessionDialog.render()}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-provider': PortalProvider;
  }
}
