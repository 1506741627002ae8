import { PortalCompose } from '../components/compose/compose.js';
import { define } from '../internal/define.js';
import './provider.js';

define('portal-compose', PortalCompose);
