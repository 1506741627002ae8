/**
 * Every custom event the widgets dispatch, one class each (Web Awesome style).
 *
 * They bubble and are composed, so the host page can listen on `document`.
 * `detail` carries ids, enums, numbers and booleans only — never message text,
 * names, or server error text: events reach the host page and its analytics.
 */
import type { CategoryId, Locale } from '../api/schemas.js';
import type { PortalErrorType } from '../api/errors.js';

abstract class PortalEvent<D> extends CustomEvent<D> {
  constructor(type: string, detail: D, init: { cancelable?: boolean } = {}) {
    super(type, { detail, bubbles: true, composed: true, cancelable: init.cancelable ?? false });
  }
}

/** A widget (or the provider) failed to load or to reach the backend. One typed channel for all widgets. */
export class PortalLoadErrorEvent extends PortalEvent<{ element: string; type: PortalErrorType; status?: number }> {
  constructor(detail: { element: string; type: PortalErrorType; status?: number }) {
    super('portal-load-error', detail);
  }
}

export class PortalSignedInEvent extends PortalEvent<{ mustChangePassword: boolean; consentRequired: boolean }> {
  constructor(detail: { mustChangePassword: boolean; consentRequired: boolean }) {
    super('portal-signed-in', detail);
  }
}

export type SignOutReason = 'user' | 'idle' | 'expired' | 'other-tab' | 'password-changed' | 'other-patient';
export class PortalSignedOutEvent extends PortalEvent<{ reason: SignOutReason }> {
  constructor(detail: { reason: SignOutReason }) {
    super('portal-signed-out', detail);
  }
}

export class PortalPasswordChangedEvent extends PortalEvent<Record<string, never>> {
  constructor() {
    super('portal-password-changed', {});
  }
}

export class PortalConsentChangedEvent extends PortalEvent<{ version: string; accepted: boolean }> {
  constructor(detail: { version: string; accepted: boolean }) {
    super('portal-consent-changed', detail);
  }
}

export class PortalMessageSentEvent extends PortalEvent<{ threadId: string; messageId: string; category: CategoryId; reply: boolean }> {
  constructor(detail: { threadId: string; messageId: string; category: CategoryId; reply: boolean }) {
    super('portal-message-sent', detail);
  }
}

export class PortalDraftSavedEvent extends PortalEvent<{ draftId: string }> {
  constructor(detail: { draftId: string }) {
    super('portal-draft-saved', detail);
  }
}

/** The inbox opened (threadId) or closed (null) a thread: host pages sync their URL with it. */
export class PortalThreadOpenedEvent extends PortalEvent<{ threadId: string | null }> {
  constructor(detail: { threadId: string | null }) {
    super('portal-thread-opened', detail);
  }
}

export class PortalUnreadChangedEvent extends PortalEvent<{ unreadTotal: number }> {
  constructor(detail: { unreadTotal: number }) {
    super('portal-unread-changed', detail);
  }
}

export class PortalPreferencesSavedEvent extends PortalEvent<{ language: Locale }> {
  constructor(detail: { language: Locale }) {
    super('portal-preferences-saved', detail);
  }
}

/** Cancelable: the host page may veto navigation (e.g. to route "Write a message" itself). */
export class PortalRequestComposeEvent extends PortalEvent<{ category: CategoryId | null }> {
  constructor(detail: { category: CategoryId | null }) {
    super('portal-request-compose', detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'portal-load-error': PortalLoadErrorEvent;
    'portal-signed-in': PortalSignedInEvent;
    'portal-signed-out': PortalSignedOutEvent;
    'portal-password-changed': PortalPasswordChangedEvent;
    'portal-consent-changed': PortalConsentChangedEvent;
    'portal-message-sent': PortalMessageSentEvent;
    'portal-draft-saved': PortalDraftSavedEvent;
    'portal-thread-opened': PortalThreadOpenedEvent;
    'portal-unread-changed': PortalUnreadChangedEvent;
    'portal-preferences-saved': PortalPreferencesSavedEvent;
    'portal-request-compose': PortalRequestComposeEvent;
  }
}
