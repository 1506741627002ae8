import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { Task, TaskStatus } from '@lit/task';
import type { PortalError } from '../../api/errors.js';
import { toPortalError } from '../../api/errors.js';
import { LIMITS } from '../../api/validators.generated.js';
import type {
  Category,
  CategoryField,
  CategoryId,
  Draft,
  DraftInput,
  LocalizedText,
  NewMessage,
  SendResult,
  SignedInSession,
} from '../../api/schemas.js';
import { PortalMessageSentEvent, PortalDraftSavedEvent } from '../../events/events.js';
import { containsCardNumber } from '../../internal/compose-kit/card-number.js';
import { CharacterCountController, characterLength, fitLength } from '../../internal/compose-kit/character-count.js';
import { DraftController, draftStatusText, renderDiscardConfirm } from '../../internal/compose-kit/draft-controller.js';
import { HandlingNoticeController } from '../../internal/compose-kit/handling-notice.js';
import { LazyElement } from '../../internal/lazy-element.js';
import { loadPolicyConsent } from '../policy-consent/load.js';
import { LazyAttachments, draftFiles } from '../../internal/compose-kit/lazy-attachments.js';
import { SafetyGate, type SafetyVerdict } from '../../internal/compose-kit/safety-gate.js';
import { renderSafetyNotice } from '../../internal/compose-kit/safety-notice.js';
import { SendController } from '../../internal/compose-kit/send-controller.js';
import { composeKitStyles } from '../../internal/compose-kit/styles.js';
import { TriageController } from '../../internal/compose-kit/triage-controller.js';
import { renderUrgentNotice } from '../../internal/compose-kit/urgent-notice.js';
import { PortalElement, telHref, type WidgetState } from '../../internal/portal-element.js';
import { composeStyles } from './compose.styles.js';
import { bounce, compose, kit } from '../../translations/en.js';

/** Keys of the things that can be wrong with the form, in page order. */
type ErrorKey = 'category' | `field:${string}` | 'subject' | 'body' | 'urgent' | 'attachments';

interface SentState {
  threadId: string;
  messageId: string;
  category: CategoryId;
  result: SendResult;
  /** Sent with an emergency or urgent triage flag (the confirmation repeats the safety advice). */
  flagged: boolean;
}

/** The views the widget can be in (one at a time). */
type View = 'misconfigured' | 'loading' | 'error' | 'signed-out' | 'password' | 'consent' | 'revoked' | 'sent' | 'form';

const MONEY = /^\$?\s*(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;
/** Whole numbers, as the contract's server checks them. */
const NUMBER = /^\d{1,9}$/;

/**
 * A new message to the office, in one of the clinic's categories, with the
 * clinic's messaging policy built in: category first (with the structured
 * fields staff need), a persistent "not for emergencies" notice, triage as the
 * patient types (emergency → blocking dialog with 911; urgent → inline warning
 * to acknowledge), when the office will handle it (clinic time zone), drafts
 * saved to the backend, attachments, and a send that never duplicates and
 * never loses text.
 *
 * @tag portal-compose
 * @summary Compose a message to the clinic, with category, safety checks, business hours, drafts and attachments.
 *
 * @event portal-message-sent - The message was sent. `detail: { threadId, messageId, category, reply: false }`.
 * @event portal-draft-saved - A draft was saved to the backend. `detail: { draftId }`.
 * @event portal-load-error - Clinic configuration, session or drafts could not be loaded. `detail: { element, type, status? }`.
 *
 * @csspart base - The widget's box.
 * @csspart form - The form.
 * @csspart field - Each field wrapper (subject, message, category fields).
 * @csspart categories - The category choices.
 * @csspart safety-notice - The persistent "not for emergencies" notice.
 * @csspart urgent-notice - The inline warning for urgent messages.
 * @csspart emergency-dialog - The blocking emergency dialog.
 * @csspart handling - When the office will handle the message.
 * @csspart attachments - The attachment picker.
 * @csspart drop-zone - The area files can be dropped on.
 * @csspart list - The list of attached files.
 * @csspart item - One attached file.
 * @csspart character-count - The character count under the subject and message.
 * @csspart error-summary - The list of problems shown when Send finds some.
 * @csspart submit-button - The Send button.
 * @csspart send-status - "Not sent yet" / "not sent" notices with Retry.
 * @csspart inbox-text - After sending without `inbox-href`: where the patient will find the message.
 * @csspart reauth - The notice shown when the session ended mid-send.
 * @csspart reauth-login - The inline `<portal-login reauth>` below it.
 * @csspart sent - The confirmation after sending.
 * @csspart inbox-link - "View in inbox" in the confirmation.
 * @csspart revoked - The notice shown when messaging is turned off.
 * @csspart loading - The loading state.
 * @csspart error - The error state.
 * @csspart retry-button - Retry buttons.
 *
 * @cssproperty --portal-color-primary - Buttons, links and the selected category.
 * @cssproperty --portal-color-danger - Emergency dialog, errors.
 * @cssproperty --portal-color-warning - Urgent warning.
 *
 * @cssstate loading - Clinic configuration, session or drafts are loading.
 * @cssstate ready - The form (or confirmation) is shown.
 * @cssstate empty - Signed out, revoked, or consent needed: no form.
 * @cssstate error - Loading failed.
 * @cssstate submitting - The message is being sent.
 */
export class PortalCompose extends PortalElement {
  static override strings = [compose, kit, bounce];

  static override styles = [...PortalElement.styles, composeKitStyles, composeStyles];

  /** Start with this category chosen, e.g. `category="refill"` on a "Request a refill" page. */
  @property() category?: CategoryId;

  /** Link for "View in inbox" after sending; `{threadId}` is replaced by the new conversation's id. */
  @property({ attribute: 'inbox-href' }) inboxHref?: string;

  /** Milliseconds of quiet typing before the draft is saved to the clinic's server. */
  @property({ type: Number, attribute: 'draft-delay' }) draftDelay = 2000;

  /** The clock used for business hours (tests and stories set a fixed time). */
  @property({ attribute: false }) now: () => Date = () => new Date();

  // ------------------------------------------------------------ what the patient wrote (memory only)
  @state() private selected: CategoryId | null = null;
  @state() private values: Record<string, string> = {};
  @state() private subject = '';
  @state() private body = '';
  /** Problems found by the last Send, by key; the summary lists them in page order. */
  @state() private errors: Partial<Record<ErrorKey, string>> = {};
  @state() private summaryVisible = false;
  @state() private sent: SentState | null = null;
  /** A polite one-off message ("Switched to an appointment request…"). */
  @state() private announcement = '';
  @state() private confirmingDiscard = false;
  /** When the restored draft was saved, for "We brought back the message you started". */
  @state() private restoredAt: Date | null = null;

  /** The patient whose text this widget holds: another patient signing in must never see it. */
  #owner: string | null = null;
  #categoryApplied = false;

  #triage = new TriageController(this, {
    text: () => this.#allText(),
    locale: () => this.localize.locale,
  });

  #handling = new HandlingNoticeController(this, {
    localize: this.localize,
    clinic: () => this.portal?.clinic,
    now: () => this.now(),
  });

  #draft = new DraftController(this, {
    client: () => this.portal?.client,
    threadId: () => null,
    snapshot: () => this.#draftSnapshot(),
    debounceMs: () => this.draftDelay,
    onSaved: (draftId) => this.dispatchEvent(new PortalDraftSavedEvent({ draftId })),
  });

  #send = new SendController<SendResult>(this, {
    portal: () => this.portal,
    resend: () => void this.#retryUploadsThenSubmit(),
    signedInAgain: () => this.#attachments.retryFailed(),
  });

  /** Classify before sending; the emergency dialog; the urgent acknowledgement. */
  #safety = new SafetyGate(this, {
    triage: this.#triage,
    send: this.#send,
    localize: this.localize,
    clinic: () => this.portal?.clinic,
    messageId: 'body',
  });

  /** The consent step's element: its code loads only for a patient who has to accept the policy. */
  readonly #consentElement = new LazyElement(this, 'portal-policy-consent', loadPolicyConsent);
  /** Its code loads when the patient picks a category that takes attachments. */
  #attachments = new LazyAttachments(this, {
    client: () => this.portal?.client,
    clinic: () => this.portal?.clinic,
    localize: this.localize,
    onChange: () => this.#draft.changed(),
    // The session ended mid-upload: the same inline sign-in as on Send; the file uploads again after it.
    onError: (error) => {
      if (error.needsSignIn) void this.#send.signInAgain(error, { resend: false });
    },
  });

  #subjectCount = new CharacterCountController(this);
  #bodyCount = new CharacterCountController(this);

  /** Restores the patient's unsent draft once they can compose. */
  #drafts = new Task(this, {
    task: async ([client, patientId, canCompose], { signal }) => {
      if (!client || !patientId || !canCompose) return null;
      let draft: Draft | null;
      try {
        draft = await this.#draft.restore(signal);
      } catch (error) {
        const portalError = this.reportLoadError(error);
        if (portalError.needsSignIn) this.portal?.host.sessionExpired();
        throw portalError;
      }
      if (draft && this.#pristine()) this.#applyDraft(draft);
      return draft?.id ?? null;
    },
    args: () => [this.portal?.client, this.#session?.patient.id, this.#canCompose] as const,
  });

  // ------------------------------------------------------------ derived

  get #session(): SignedInSession | null {
    const session = this.portal?.session;
    return session?.authenticated ? session : null;
  }

  get #canCompose(): boolean {
    const s = this.#session;
    return !!s && !s.mustChangePassword && !s.consent.required && s.messaging.allowed;
  }

  get #categories(): Category[] {
    return this.portal?.clinic?.categories ?? [];
  }

  get #current(): Category | undefined {
    return this.#categories.find((c) => c.id === this.selected);
  }

  #text(value: LocalizedText | undefined): string {
    if (!value) return '';
    return (this.localize.locale === 'es' ? value.es : undefined) ?? value.en;
  }

  /** Everything staff will read: triage and the card-number check look at all of it. */
  #allText(): string {
    const fieldText = (this.#current?.fields ?? [])
      .filter((f) => f.kind === 'text' || f.kind === 'textarea')
      .map((f) => this.values[f.id] ?? '');
    return [this.subject, ...fieldText, this.body].filter(Boolean).join('\n');
  }

  #pristine(): boolean {
    return !this.subject && !this.body && Object.values(this.values).every((v) => !v) && !this.#attachments.count;
  }

  get #hasCardNumber(): boolean {
    return containsCardNumber(this.#allText());
  }

  // ------------------------------------------------------------ lifecycle

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    const session = this.#session;
    if (!session) {
      // Signed out (or never signed in): nothing the patient wrote may stay, in memory or DOM.
      if (this.#owner !== null) this.#clear();
      this.#owner = null;
    } else if (this.#owner !== session.patient.id) {
      if (this.#owner !== null) this.#clear();
      this.#owner = session.patient.id;
    }
    if ((changed.has('category') || !this.#categoryApplied) && this.category && this.#categories.length) {
      if (this.#categories.some((c) => c.id === this.category) && this.#pristine()) {
        this.selected = this.category;
        this.#categoryApplied = true;
      }
    }
  }

  protected override updated(changed: PropertyValues) {
    super.updated(changed);
    this.setWidgetState(this.#widgetState());
  }

  #widgetState(): WidgetState {
    switch (this.#view()) {
      case 'loading':
        return 'loading';
      case 'error':
      case 'misconfigured':
        return 'error';
      case 'signed-out':
      case 'password':
      case 'consent':
      case 'revoked':
        return 'empty';
      default:
        return this.#send.busy ? 'submitting' : 'ready';
    }
  }

  #view(): View {
    const portal = this.portal;
    if (this.misconfigured) return 'misconfigured';
    if (!portal || portal.status === 'loading') return 'loading';
    if (portal.status === 'error') return 'error';
    const session = this.#session;
    if (!session) return 'signed-out';
    if (session.mustChangePassword) return 'password';
    if (session.consent.required) return 'consent';
    if (!session.messaging.allowed) return 'revoked';
    if (this.sent) return 'sent';
    if (this.#drafts.status === TaskStatus.INITIAL || this.#drafts.status === TaskStatus.PENDING) return 'loading';
    return 'form';
  }

  /** Forget everything the patient wrote (sign-out, another patient, after "write another"). */
  #clear() {
    this.#safety.close();
    this.#send.reset();
    this.#draft.forget();
    this.#attachments.reset();
    this.#triage.reset();
    this.selected = null;
    this.values = {};
    this.subject = '';
    this.body = '';
    this.errors = {};
    this.summaryVisible = false;
    this.sent = null;
    this.announcement = '';
    this.confirmingDiscard = false;
    this.restoredAt = null;
    this.#categoryApplied = false;
  }

  #applyDraft(draft: Draft) {
    if (draft.category && this.#categories.some((c) => c.id === draft.category)) this.selected = draft.category;
    this.values = { ...draft.fields };
    this.subject = draft.subject;
    this.body = draft.body;
    if (draft.attachmentIds.length) this.#attachments.restore(draftFiles(draft));
    this.restoredAt = new Date(draft.updatedAt);
    this.#categoryApplied = true;
    this.#triage.evaluateNow();
  }

  #draftSnapshot(): DraftInput | null {
    // Nothing typed yet: no draft (picking a category alone is not worth keeping) — unless one
    // exists, which must then be emptied too.
    if (this.#pristine() && !this.#draft.draftId) return null;
    // Card numbers must never be stored on the server, not even in a draft.
    if (this.#hasCardNumber) return null;
    // Only values the server will accept go into the draft (a half-typed amount would
    // make the whole save fail); what is on screen stays as typed.
    const fields = this.#fieldValues({ onlyValid: true });
    return {
      threadId: null,
      category: this.selected,
      fields,
      subject: fitLength(this.subject, LIMITS.subjectMax),
      body: fitLength(this.body, LIMITS.bodyMax),
      attachmentIds: this.#attachments.attachmentIds,
    };
  }

  // ------------------------------------------------------------ editing

  #edited() {
    this.confirmingDiscard = false;
    this.#triage.schedule();
    this.#draft.changed();
  }

  #clearError(key: ErrorKey) {
    if (this.errors[key]) {
      const { [key]: _removed, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  #onCategory(id: CategoryId) {
    this.selected = id;
    this.#clearError('category');
    this.announcement = '';
    this.#edited();
  }

  #onField(field: CategoryField, value: string) {
    this.values = { ...this.values, [field.id]: value };
    this.#clearError(`field:${field.id}`);
    this.#edited();
  }

  #switchToAppointment() {
    this.selected = 'appointment';
    this.announcement = this.localize.term('compose.clinical.switched');
    this.#edited();
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLInputElement>('#category-appointment')?.focus(),
    );
  }

  /** Enter in a one-line field must not send a half-written message (implicit form submission). */
  #onFormKeydown = (event: KeyboardEvent) => {
    const target = event.composedPath()[0];
    if (
      event.key === 'Enter' &&
      target instanceof HTMLInputElement &&
      target.form === event.currentTarget &&
      target.type !== 'file'
    ) {
      event.preventDefault();
    }
  };

  // ------------------------------------------------------------ validation

  #validateField(field: CategoryField, raw: string): string | undefined {
    const t = this.localize;
    const value = raw.trim();
    if (!value) return field.required ? t.term('compose.error.required') : undefined;
    const max = field.maxLength ?? LIMITS.fieldValueMax;
    if (characterLength(value) > max) return t.term('compose.error.tooLong', max);
    switch (field.kind) {
      case 'number':
        return NUMBER.test(value) ? undefined : t.term('compose.error.number');
      case 'money':
        return MONEY.test(value) ? undefined : t.term('compose.error.money');
      case 'date': {
        const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
        return valid ? undefined : t.term('compose.error.date');
      }
      case 'select':
        return field.options?.some((o) => o.value === value) ? undefined : t.term('compose.error.select');
      default:
        return undefined;
    }
  }

  #validate(safety: SafetyVerdict): Partial<Record<ErrorKey, string>> {
    const t = this.localize;
    const errors: Partial<Record<ErrorKey, string>> = {};
    const category = this.#current;
    if (!category) {
      errors.category = t.term('compose.error.category');
      return errors;
    }
    for (const field of category.fields) {
      const raw = this.values[field.id] ?? '';
      const message = containsCardNumber(raw) ? t.term('compose.error.card') : this.#validateField(field, raw);
      if (message) errors[`field:${field.id}`] = message;
    }
    const subjectMax = this.#maxFor('subject');
    const bodyMax = this.#maxFor('body');
    if (!this.subject.trim()) errors.subject = t.term('compose.error.required');
    else if (characterLength(this.subject) > subjectMax) errors.subject = t.term('compose.error.tooLong', subjectMax);
    else if (containsCardNumber(this.subject)) errors.subject = t.term('compose.error.card');
    if (!this.body.trim()) errors.body = t.term('compose.error.required');
    else if (characterLength(this.body) > bodyMax) errors.body = t.term('compose.error.tooLong', bodyMax);
    else if (containsCardNumber(this.body)) errors.body = t.term('compose.error.card');
    if (safety === 'acknowledge-urgent') errors.urgent = t.term('compose.error.urgent');
    if (this.#attachments.busy) errors.attachments = t.term('compose.error.uploading');
    else if (this.#attachments.hasFailures) errors.attachments = t.term('compose.error.uploadFailed');
    return errors;
  }

  #showErrors(errors: Partial<Record<ErrorKey, string>>) {
    this.errors = errors;
    this.summaryVisible = true;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.summary')?.focus());
  }

  /** The element an error-summary link moves focus to. */
  #targetId(key: ErrorKey): string {
    if (key === 'category') return `category-${this.#categories[0]?.id ?? ''}`;
    if (key === 'urgent') return 'urgent-ack';
    if (key === 'attachments') return this.#attachments.inputId;
    if (key.startsWith('field:')) return `field-${key.slice(6)}`;
    return key;
  }

  #errorLabel(key: ErrorKey): string {
    const t = this.localize;
    if (key === 'category') return t.term('compose.category.legend');
    if (key === 'subject') return t.term('compose.subject.label');
    if (key === 'body') return t.term('compose.body.label');
    if (key === 'urgent') return t.term('kit.urgent.title');
    if (key === 'attachments') return t.term('kit.attach.label');
    const field = this.#current?.fields.find((f) => `field:${f.id}` === key);
    return this.#text(field?.label);
  }

  #maxFor(key: ErrorKey): number {
    const limits = this.portal?.clinic?.limits;
    if (key === 'subject') return Math.min(limits?.subjectMax ?? LIMITS.subjectMax, LIMITS.subjectMax);
    if (key === 'body') return Math.min(limits?.bodyMax ?? LIMITS.bodyMax, LIMITS.bodyMax);
    const field = this.#current?.fields.find((f) => `field:${f.id}` === key);
    return field?.maxLength ?? LIMITS.fieldValueMax;
  }

  #orderedErrorKeys(): ErrorKey[] {
    const order: ErrorKey[] = [
      'category',
      ...(this.#current?.fields ?? []).map((f) => `field:${f.id}` as ErrorKey),
      'subject',
      'body',
      'urgent',
      'attachments',
    ];
    return order.filter((k) => this.errors[k]);
  }

  // ------------------------------------------------------------ sending

  /** Retry, back online, signed in again: files that failed to upload go first, then Send. */
  async #retryUploadsThenSubmit() {
    if (this.#attachments.hasFailures) {
      this.#attachments.retryFailed();
      await this.#attachments.settled();
    }
    await this.#submit();
  }

  /** Send (also Retry, back online, and after signing in again). */
  async #submit() {
    if (this.#send.busy || this.#safety.pending || !this.#canCompose) return;
    const client = this.portal?.client;
    if (!client) return;
    // A file could not upload because the session ended: sign in again, then upload it and send.
    const uploadSignIn = this.#attachments.signInError;
    if (uploadSignIn) {
      await this.#send.signInAgain(uploadSignIn, { resend: true });
      return;
    }

    // Safety first: an emergency is answered before anything else, even an incomplete form.
    // The gate answers synchronously unless it must wait (classifier loading, the dialog):
    // awaiting a plain value would still yield, and a double click could slip in between.
    const gate = this.#safety.check();
    const safety = typeof gate === 'string' ? gate : await gate;
    if (safety === 'stop') return;

    const errors = this.#validate(safety);
    if (Object.keys(errors).length) {
      this.#send.cancelled();
      this.#showErrors(errors);
      return;
    }
    this.errors = {};
    this.summaryVisible = false;
    const category = this.selected as CategoryId;

    const outcome = await this.#send.send(async (idempotencyKey, signal) => {
      await this.#draft.settle();
      return client.createThread(this.#payload(category), { idempotencyKey, signal });
    });

    if (outcome.ok) {
      const { result } = outcome;
      const flagged = result.message.triage
        ? result.message.triage.level !== 'routine'
        : this.#triage.level !== 'routine';
      // The text is now on the server: drop it here.
      this.#draft.forget();
      this.#attachments.reset();
      this.#triage.reset();
      this.values = {};
      this.subject = '';
      this.body = '';
      this.restoredAt = null;
      this.sent = { threadId: result.threadId, messageId: result.message.id, category, result, flagged };
      this.dispatchEvent(
        new PortalMessageSentEvent({ threadId: result.threadId, messageId: result.message.id, category, reply: false }),
      );
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#sent-title')?.focus();
      return;
    }
    if ('busy' in outcome) return;
    this.#draft.resume();
    this.#onSendError(outcome.error);
  }

  /** The current category's field values as the contract wants them (trimmed; money without "$" and ","). */
  #fieldValues({ onlyValid }: { onlyValid: boolean }): Record<string, string> {
    const fields: Record<string, string> = {};
    for (const f of this.#current?.fields ?? []) {
      const raw = this.values[f.id] ?? '';
      let v = raw.trim();
      if (!v || (onlyValid && (this.#validateField(f, raw) || containsCardNumber(raw)))) continue;
      if (f.kind === 'money') v = v.replace(/[$,\s]/g, '');
      fields[f.id] = v;
    }
    return fields;
  }

  #payload(category: CategoryId): NewMessage {
    const fields = this.#fieldValues({ onlyValid: false });
    const draftId = this.#draft.draftId;
    return {
      category,
      fields,
      subject: this.subject.trim(),
      body: this.body.trim(),
      attachmentIds: this.#attachments.attachmentIds,
      triage: this.#triage.stamp(),
      ...(draftId ? { draftId } : {}),
    };
  }

  #onSendError(error: PortalError) {
    const host = this.portal?.host;
    switch (error.type) {
      case 'validation': {
        const errors: Partial<Record<ErrorKey, string>> = {};
        const message = this.localize.term('compose.error.server');
        for (const fe of error.fieldErrors) {
          const key: ErrorKey | undefined =
            fe.field === 'subject' || fe.field === 'body'
              ? fe.field
              : fe.field.startsWith('fields.')
                ? `field:${fe.field.slice(7)}`
                : fe.field.startsWith('attachment')
                  ? 'attachments'
                  : fe.field === 'category'
                    ? 'category'
                    : undefined;
          if (key)
            errors[key] =
              fe.code === 'too-long' ? this.localize.term('compose.error.tooLong', this.#maxFor(key)) : message;
        }
        if (Object.keys(errors).length) {
          this.#send.cancelled();
          this.#showErrors(errors);
        }
        break;
      }
      case 'consent-required':
      case 'messaging-revoked':
      case 'password-change-required':
        // The session changed under us: re-read it; the consent step or revoked notice takes over.
        void host?.refreshSession().catch(() => undefined);
        break;
      default:
        break;
    }
    if (this.#send.status === 'reauth' || this.#send.status === 'offline' || this.#send.status === 'failed') {
      void this.updateComplete.then(() => this.#send.focusStatus());
    }
  }

  #onSubmit = (event: Event) => {
    if (event.target !== event.currentTarget) return; // a nested widget's form
    event.preventDefault();
    void this.#submit();
  };

  async #discard() {
    this.confirmingDiscard = false;
    await this.#draft.discard();
    const category = this.category;
    this.#clear();
    if (category) this.selected = category;
    this.announcement = this.localize.term('compose.discarded');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#compose-title')?.focus();
  }

  async #writeAnother() {
    this.#clear();
    if (this.category) this.selected = this.category;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#compose-title')?.focus();
  }

  #onConsentChanged = () => {
    // The consent widget updates the session itself; make sure we see it even if it could not.
    if (this.#session?.consent.required) void this.portal?.host.refreshSession().catch(() => undefined);
  };

  // ------------------------------------------------------------ rendering

  protected override render() {
    const view = this.#view();
    const t = this.localize;
    switch (view) {
      case 'misconfigured':
        return this.renderMisconfigured();
      case 'loading':
        return html`<div part="base" class="compose">${this.renderLoading(t.term('compose.loading'))}</div>`;
      case 'error':
        return html`<div part="base" class="compose">
          ${this.renderError(this.portal!.error ?? toPortalError(null), () => void this.portal?.host.reload())}
        </div>`;
      case 'signed-out':
        return html`<div part="base" class="compose">
          <div class="state" part="empty" role="status">
            <p>${t.term('state.signedOut')} ${t.term('compose.signedOut')}</p>
          </div>
        </div>`;
      case 'password':
        return html`<div part="base" class="compose">
          <div class="state" part="empty" role="status"><p>${t.term('error.password-change-required')}</p></div>
        </div>`;
      case 'consent':
        return html`<div part="base" class="compose">
          <h2>${t.term('compose.title')}</h2>
          <p>${t.term('compose.consent.intro')}</p>
          ${this.#renderConsentStep()}
        </div>`;
      case 'revoked':
        return html`<div part="base" class="compose">${this.renderRevoked()}</div>`;
      case 'sent':
        return this.#renderSent();
      default:
        return this.#renderForm();
    }
  }

  #renderConsentStep() {
    const state = this.#consentElement.state;
    if (state === 'failed') return this.renderError(this.#consentElement.error, this.#consentElement.retry);
    if (state === 'loading') return this.renderLoading();
    return html`<portal-policy-consent @portal-consent-changed=${this.#onConsentChanged}></portal-policy-consent>`;
  }

  #renderSent(): TemplateResult {
    const t = this.localize;
    const sent = this.sent!;
    const href = this.#inboxLink(sent.threadId);
    const clinic = this.portal?.clinic;
    return html`<div part="base" class="compose">
      <div class="notice success" part="sent" role="status">
        <h2 id="sent-title" tabindex="-1">${t.term('compose.sent.title')}</h2>
        <p>${this.#handling.sentenceFor(sent.result.handling)}</p>
        ${
          sent.flagged
            ? html`<p>
                ${t.term('compose.sent.flagged')}
                <a href=${telHref(clinic?.emergencyNumber ?? '911')}
                  >${t.term('common.call911', clinic?.emergencyNumber ?? '911')}</a
                >
                ${
                  clinic?.phone
                    ? html`· <a href=${telHref(clinic.phone)}>${t.term('common.callOffice', clinic.phone)}</a>`
                    : nothing
                }
              </p>`
            : nothing
        }
      </div>
      ${
        // No inbox page configured (or not a safe link): still tell the patient where the message lives.
        href ? nothing : html`<p part="inbox-text">${t.term('compose.sent.inboxText')}</p>`
      }
      <div class="actions sent-actions">
        ${href ? html`<a class="button" part="inbox-link" href=${href}>${t.term('compose.sent.inbox')}</a>` : nothing}
        <button class="button secondary" type="button" @click=${() => void this.#writeAnother()}>
          ${t.term('compose.sent.another')}
        </button>
      </div>
    </div>`;
  }

  /** "View in inbox" only for http(s) or relative links the webmaster configured. */
  #inboxLink(threadId: string): string | null {
    if (!this.inboxHref) return null;
    const href = this.inboxHref.replaceAll('{threadId}', encodeURIComponent(threadId));
    try {
      const url = new URL(href, document.baseURI);
      return url.protocol === 'https:' || url.protocol === 'http:' ? href : null;
    } catch {
      return null;
    }
  }

  #renderForm(): TemplateResult {
    const t = this.localize;
    const clinic = this.portal?.clinic;
    const category = this.#current;
    const busy = this.#send.busy;
    return html`<div part="base" class="compose">
      <h2 id="compose-title" tabindex="-1">${t.term('compose.title')}</h2>
      ${renderSafetyNotice(t, clinic)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
      ${
        this.restoredAt
          ? html`<p class="notice" part="restored">
              ${t.term('kit.draft.restored', t.date(this.restoredAt, { dateStyle: 'medium', timeStyle: 'short' }))}
            </p>`
          : nothing
      }
      ${
        this.#drafts.status === TaskStatus.ERROR
          ? html`<div class="notice warning" role="alert">
              <p>${t.term('compose.drafts.loadError')}</p>
              <button
                class="button secondary"
                part="retry-button"
                type="button"
                @click=${() => void this.#drafts.run()}
              >
                ${t.term('common.retry')}
              </button>
            </div>`
          : nothing
      }
      <form part="form" novalidate @submit=${this.#onSubmit} @keydown=${this.#onFormKeydown}>
        ${this.#renderSummary()} ${this.#renderCategories()}
        ${
          category
            ? html`${this.#renderCategoryNotice(category)} ${this.#renderFields(category)} ${this.#renderSubject()}
                ${this.#renderBody()} ${this.#renderTriage()}
                ${
                  category.allowsAttachments
                    ? this.#attachments.render({ disabled: busy, error: this.errors.attachments })
                    : nothing
                }
                <div class="footer">
                  ${this.#handling.render()}
                  <div class="actions">
                    <button class="button" part="submit-button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
                      ${busy ? html`<span class="spinner" aria-hidden="true"></span>${t.term('compose.sending')}` : t.term('compose.send')}
                    </button>
                    ${this.#renderDraftLine()}
                  </div>
                  ${this.confirmingDiscard ? this.#renderDiscardConfirm() : nothing}
                </div>`
            : nothing
        }
      </form>
      ${
        // Outside the form: the inline sign-in brings its own <form>, and its submit must not send this one.
        category ? this.#send.render(t, (e) => this.errorMessage(e), this.renderCallOffice()) : nothing
      }
      ${this.#safety.render()}
    </div>`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    const keys = this.#orderedErrorKeys();
    if (!this.summaryVisible || !keys.length) return nothing;
    const t = this.localize;
    return html`<div class="notice danger summary" part="error-summary" role="alert" tabindex="-1">
      <p><strong>${t.term('common.errorSummary', keys.length)}</strong></p>
      <ul>
        ${keys.map(
          (key) =>
            html`<li>
              <a
                href="#${this.#targetId(key)}"
                @click=${(e: Event) => {
                  e.preventDefault();
                  this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.#targetId(key))}`)?.focus();
                }}
                >${this.#errorLabel(key)}: ${this.errors[key]}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  #renderCategories(): TemplateResult {
    const t = this.localize;
    const error = this.errors.category;
    return html`<fieldset part="categories" aria-describedby="category-hint${error ? ' category-error' : ''}">
      <legend>
        ${t.term('compose.category.legend')} <span class="required-marker">(${t.term('common.required')})</span>
      </legend>
      <p class="hint" id="category-hint">${t.term('compose.category.hint')}</p>
      ${error ? html`<p class="field-error" id="category-error">${error}</p>` : nothing}
      <div class="categories">
        ${this.#categories.map(
          (c) =>
            html`<label class="category" part="category">
              <input
                type="radio"
                name="category"
                id="category-${c.id}"
                value=${c.id}
                .checked=${this.selected === c.id}
                aria-labelledby="category-${c.id}-label"
                aria-describedby="category-${c.id}-description"
                aria-invalid=${error ? 'true' : 'false'}
                @change=${() => this.#onCategory(c.id)}
              />
              <span class="category-text">
                <span class="category-label" id="category-${c.id}-label">${this.#text(c.label)}</span>
                <span class="hint" id="category-${c.id}-description">${this.#text(c.description)}</span>
              </span>
            </label>`,
        )}
      </div>
    </fieldset>`;
  }

  #renderCategoryNotice(category: Category): TemplateResult | typeof nothing {
    const t = this.localize;
    const clinic = this.portal?.clinic;
    if (category.id === 'clinical') {
      const canSwitch = this.#categories.some((c) => c.id === 'appointment');
      return html`<div class="notice warning" part="clinical-notice">
        <p>${t.term('compose.clinical.notice')}</p>
        ${
          canSwitch
            ? html`<button class="button secondary" type="button" @click=${() => this.#switchToAppointment()}>
                ${t.term('compose.clinical.switch')}
              </button>`
            : nothing
        }
      </div>`;
    }
    if (category.id === 'bill-payment') {
      const url = safePaymentUrl(clinic?.paymentUrl);
      return html`<div class="notice" part="payment-notice">
        ${
          url
            ? html`<p>${t.term('compose.payment.intro')}</p>
                <p>
                  <a class="payment-link" href=${url} target="_blank" rel="noopener noreferrer"
                    >${t.term('compose.payment.link')}</a
                  >
                  <span class="hint">${t.term('compose.payment.newTab')}</span>
                </p>`
            : html`<p>
                ${t.term('compose.payment.none')}
                ${clinic?.phone ? html`<a href=${telHref(clinic.phone)}>${clinic.phone}</a>` : nothing}
              </p>`
        }
      </div>`;
    }
    return nothing;
  }

  #renderFields(category: Category): TemplateResult | typeof nothing {
    if (!category.fields.length) return nothing;
    return html`<fieldset part="details">
      <legend>${this.localize.term('compose.details')}: ${this.#text(category.label)}</legend>
      ${category.fields.map((f) => this.#renderField(f))}
    </fieldset>`;
  }

  #renderField(field: CategoryField): TemplateResult {
    const t = this.localize;
    const id = `field-${field.id}`;
    const value = this.values[field.id] ?? '';
    const error = this.errors[`field:${field.id}`];
    const hint =
      this.#text(field.hint) ||
      (field.kind === 'money'
        ? t.term('compose.money.hint')
        : field.kind === 'number'
          ? t.term('compose.number.hint')
          : '');
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || nothing;
    const common = {
      invalid: (error ? 'true' : 'false') as 'true' | 'false',
    };
    const onInput = (e: Event) => this.#onField(field, (e.target as HTMLInputElement).value);
    const max = field.maxLength ?? LIMITS.fieldValueMax;
    let control: TemplateResult;
    switch (field.kind) {
      case 'textarea':
        control = html`<textarea
          id=${id}
          rows="3"
          maxlength=${max}
          ?required=${field.required}
          aria-invalid=${common.invalid}
          aria-describedby=${describedBy}
          .value=${value}
          @input=${onInput}
        ></textarea>`;
        break;
      case 'select':
        control = html`<select
          id=${id}
          ?required=${field.required}
          aria-invalid=${common.invalid}
          aria-describedby=${describedBy}
          @change=${onInput}
        >
          <option value="" ?selected=${!value}>${t.term('compose.select.placeholder')}</option>
          ${(field.options ?? []).map(
            (o) => html`<option value=${o.value} ?selected=${value === o.value}>${this.#text(o.label)}</option>`,
          )}
        </select>`;
        break;
      case 'money':
        control = html`<div class="money">
          <span class="money-prefix" aria-hidden="true">$</span>
          <input
            id=${id}
            class="short"
            type="text"
            inputmode="decimal"
            autocomplete="off"
            maxlength="16"
            ?required=${field.required}
            aria-invalid=${common.invalid}
            aria-describedby=${describedBy}
            .value=${value}
            @input=${onInput}
          />
        </div>`;
        break;
      default:
        control = html`<input
          id=${id}
          class=${field.kind === 'number' ? 'short' : ''}
          type=${field.kind === 'date' ? 'date' : 'text'}
          inputmode=${field.kind === 'number' ? 'numeric' : nothing}
          maxlength=${ifDefined(field.kind === 'text' ? max : undefined)}
          autocomplete="off"
          ?required=${field.required}
          aria-invalid=${common.invalid}
          aria-describedby=${describedBy}
          .value=${value}
          @input=${onInput}
          @change=${onInput}
        />`;
    }
    return html`<div class="field" part="field">
      <label for=${id}>
        ${this.#text(field.label)}
        ${
          field.required
            ? html`<span class="required-marker">(${t.term('common.required')})</span>`
            : html`<span class="required-marker">(${t.term('common.optional')})</span>`
        }
      </label>
      ${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}
      ${error ? html`<p class="field-error" id="${id}-error">${error}</p>` : nothing} ${control}
    </div>`;
  }

  #renderSubject(): TemplateResult {
    const t = this.localize;
    const max = this.#maxFor('subject');
    const error = this.errors.subject;
    return html`<div class="field" part="field">
      <label for="subject">
        ${t.term('compose.subject.label')} <span class="required-marker">(${t.term('common.required')})</span>
      </label>
      <p class="hint" id="subject-hint">${t.term('compose.subject.hint')}</p>
      ${error ? html`<p class="field-error" id="subject-error">${error}</p>` : nothing}
      <input
        id="subject"
        type="text"
        autocomplete="off"
        required
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="subject-hint subject-count${error ? ' subject-error' : ''}"
        .value=${this.subject}
        @input=${(e: Event) => {
          this.subject = (e.target as HTMLInputElement).value;
          this.#clearError('subject');
          this.#subjectCount.changed(this.subject, max, t);
          this.#edited();
        }}
      />
      ${this.#subjectCount.render({ id: 'subject-count', value: this.subject, max, localize: t })}
    </div>`;
  }

  #renderBody(): TemplateResult {
    const t = this.localize;
    const max = this.#maxFor('body');
    const error = this.errors.body;
    return html`<div class="field" part="field">
      <label for="body">
        ${t.term('compose.body.label')} <span class="required-marker">(${t.term('common.required')})</span>
      </label>
      <p class="hint" id="body-hint">${t.term('compose.body.hint')}</p>
      ${error ? html`<p class="field-error" id="body-error">${error}</p>` : nothing}
      <textarea
        id="body"
        rows="8"
        required
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby="body-hint body-count${error ? ' body-error' : ''}"
        .value=${this.body}
        @input=${(e: Event) => {
          this.body = (e.target as HTMLTextAreaElement).value;
          this.#clearError('body');
          this.#bodyCount.changed(this.body, max, t);
          this.#edited();
        }}
        @blur=${() => {
          if (this.#draft.status === 'pending') void this.#draft.flush();
        }}
      ></textarea>
      ${this.#bodyCount.render({ id: 'body-count', value: this.body, max, localize: t })}
    </div>`;
  }

  #renderTriage(): TemplateResult {
    const t = this.localize;
    const clinic = this.portal?.clinic;
    const emergencyNumber = clinic?.emergencyNumber ?? '911';
    return html`<div role="alert" class="triage-alert">
        ${
          this.#triage.level === 'emergency'
            ? html`<div class="notice danger" part="emergency-notice">
                <p><strong>${t.term('kit.emergency.inline', emergencyNumber)}</strong></p>
                <p>
                  <a class="button danger" href=${telHref(emergencyNumber)}
                    >${t.term('kit.emergency.call', emergencyNumber)}</a
                  >
                </p>
              </div>`
            : nothing
        }
        ${this.#hasCardNumber ? html`<div class="notice danger" part="card-warning"><p>${t.term('kit.card.warning')}</p></div>` : nothing}
      </div>
      ${
        this.#triage.level === 'urgent'
          ? renderUrgentNotice({
              localize: t,
              clinic,
              acknowledged: this.#triage.acknowledged,
              onAcknowledgeChange: (ack) => {
                if (ack) this.#triage.acknowledge();
                else this.#triage.unacknowledge();
                this.#clearError('urgent');
              },
              checkboxId: 'urgent-ack',
              error: this.errors.urgent,
            })
          : nothing
      }`;
  }

  #renderDraftLine(): TemplateResult {
    const t = this.localize;
    // While the patient signs in again, a failed autosave is expected noise.
    const status =
      this.#send.status === 'reauth' && this.#draft.status === 'error' ? '' : draftStatusText(this.#draft, t);
    const hasDraft = !!this.#draft.draftId || !this.#pristine();
    return html`<div class="draft-line">
      ${status ? html`<p class="hint" part="draft-status">${status}</p>` : nothing}
      ${
        hasDraft && !this.confirmingDiscard
          ? html`<button
              class="button link"
              type="button"
              ?disabled=${this.#send.busy}
              @click=${async () => {
                this.confirmingDiscard = true;
                await this.updateComplete;
                this.renderRoot.querySelector<HTMLElement>('#discard-yes')?.focus();
              }}
            >
              ${t.term('compose.discard')}
            </button>`
          : nothing
      }
    </div>`;
  }

  #renderDiscardConfirm(): TemplateResult {
    const t = this.localize;
    return renderDiscardConfirm({
      idPrefix: 'discard',
      question: t.term('compose.discard.confirm'),
      yes: t.term('compose.discard.yes'),
      no: t.term('compose.discard.no'),
      onDiscard: () => void this.#discard(),
      onKeep: async () => {
        this.confirmingDiscard = false;
        await this.updateComplete;
        this.renderRoot.querySelector<HTMLElement>('#body')?.focus();
      },
    });
  }
}

/** The clinic's payment page, only if it is a well-formed https URL. */
export function safePaymentUrl(value: string | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-compose': PortalCompose;
  }
}
