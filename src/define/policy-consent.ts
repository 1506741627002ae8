import { PortalPolicyConsent } from '../components/policy-consent/policy-consent.js';
import { define } from '../internal/define.js';
import './provider.js';

define('portal-policy-consent', PortalPolicyConsent);
