import { PortalPreferences } from '../components/preferences/preferences.js';
import { define } from '../internal/define.js';
import './provider.js';

define('portal-preferences', PortalPreferences);
