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

// Nothing is exported: the script-tag bundle only registers elements. Apps that
// import the classes, events or API contract use the package's main entry.
