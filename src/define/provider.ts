import { PortalProvider } from '../components/provider/provider.js';
import { define } from '../internal/define.js';

define('portal-provider', PortalProvider);
