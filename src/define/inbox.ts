import { PortalInbox } from '../components/inbox/inbox.js';
import { define } from '../internal/define.js';
import './provider.js';

define('portal-inbox', PortalInbox);
