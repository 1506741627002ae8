/**
 * Side-effect-free exports: element classes (not defined), events, the API
 * contract and client, and the DOM-free policy modules. Import `portal-widgets/portal`
 * (or a `define/*` entry) to register the elements.
 */
export { PortalProvider, type PortalAppearance } from './components/provider/provider.js';
export { PortalLogin } from './components/login/login.js';
export { PortalPolicyConsent } from './components/policy-consent/policy-consent.js';
export { PortalCompose } from './components/compose/compose.js';
export { PortalInbox } from './components/inbox/inbox.js';
export { PortalPreferences } from './components/preferences/preferences.js';

export * from './events/events.js';
export * from './api/index.js';
export { PortalHost, type PortalState, type PortalTheme } from './internal/portal-host.js';
export { registerTranslation } from './internal/localize.js';
export type { Translation } from './translations/en.js';
