import { PortalLogin } from '../components/login/login.js';
import { define } from '../internal/define.js';
import './provider.js';

define('portal-login', PortalLogin);
