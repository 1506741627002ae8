import { define } from '../../internal/define.js';

/**
 * Define `<portal-policy-consent>` on demand, for widgets that embed the
 * consent step (compose, inbox) but only need it for a patient who has not
 * accepted the current policy. The page already has its provider, so this
 * loads just the element (not `define/policy-consent`, which brings one).
 */
export async function loadPolicyConsent(): Promise<void> {
  const { PortalPolicyConsent } = await import('./policy-consent.js');
  define('portal-policy-consent', PortalPolicyConsent);
}
