/**
 * The one bundle a clinic loads with a script tag: defines every element.
 *   <script type="module" src="https://…/portal-widgets/dist/portal.js"></script>
 */
import './define/provider.js';
import './define/login.js';
import './define/policy-consent.js';
import './define/compose.js';
import './define/inbox.js';
import './define/preferences.js';

export * from './index.js';
