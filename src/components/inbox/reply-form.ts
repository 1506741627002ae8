/**
 * The reply box of an open conversation. It is assembled from the compose kit
 * (`src/internal/compose-kit`), so a reply gets exactly the safety rules of a
 * new message — triage as the patient types, the blocking emergency dialog,
 * the urgent "it can wait" acknowledgement, the card-number refusal, business
 * hours, server-side drafts and idempotent send with inline re-auth — without
 * a second copy of any of them. This file only lays the pieces out for a
 * reply and keeps one reply per open thread.
 *
 * It is a controller that renders into the inbox's shadow root (no extra
 * custom element, so nothing else to define or style through).
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { PortalError } from '../../api/errors.js';
import type { Category, Draft, DraftInput, SendResult } from '../../api/schemas.js';
import { LIMITS } from '../../api/validators.generated.js';
import { containsCardNumber } from '../../internal/compose-kit/card-number.js';
import { CharacterCountController, characterLength } from '../../internal/compose-kit/character-count.js';
import { DraftController, draftStatusText, renderDiscardConfirm } from '../../internal/compose-kit/draft-controller.js';
import { HandlingNoticeController } from '../../internal/compose-kit/handling-notice.js';
import { LazyAttachments, draftFiles } from '../../internal/compose-kit/lazy-attachments.js';
import type { KitHost } from '../../internal/compose-kit/ids.js';
import { SafetyGate, type SafetyVerdict } from '../../internal/compose-kit/safety-gate.js';
import { renderSafetyNotice } from '../../internal/compose-kit/safety-notice.js';
import { SendController } from '../../internal/compose-kit/send-controller.js';
import { TriageController } from '../../internal/compose-kit/triage-controller.js';
import { renderUrgentNotice } from '../../internal/compose-kit/urgent-notice.js';
import { addEnglish, type LocalizeController } from '../../internal/localize.js';
import { telHref } from '../../internal/portal-element.js';
import type { PortalState } from '../../internal/portal-host.js';
import { kit } from '../../translations/en.js';

type ErrorKey = 'body' | 'urgent' | 'attachments';
const ERROR_ORDER: readonly ErrorKey[] = ['body', 'urgent', 'attachments'];

export interface ReplyFormOptions {
  portal: () => PortalState | undefined;
  localize: LocalizeController;
  errorMessage: (error: PortalError) => string;
  callOffice: () => TemplateResult | typeof nothing;
  /** The reply is on the server. */
  onSent: (threadId: string, result: SendResult) => void;
  onDraftSaved?: (draftId: string) => void;
  /** Autosave pause (ms). */
  draftDelay?: () => number;
  /** The clock for the business-hours notice (tests, stories). */
  now?: () => Date;
}

export class ReplyForm implements ReactiveController {
  /** What the patient typed. Never logged, never stored in the browser. */
  body = '';

  readonly #host: KitHost & { readonly updateComplete: Promise<boolean> };
  readonly #o: ReplyFormOptions;
  #threadId: string | null = null;
  #errors: Partial<Record<ErrorKey, string>> = {};
  #summaryVisible = false;
  /** "Your reply was sent. …" with when the office will read it. */
  #sentSentence: string | null = null;
  #restoredAt: Date | null = null;
  #confirmingDiscard = false;
  #restoreAbort: AbortController | undefined;

  readonly #triage: TriageController;
  readonly #handling: HandlingNoticeController;
  readonly #draft: DraftController;
  readonly #send: SendController<SendResult>;
  /** Classify before sending; the emergency dialog; the urgent acknowledgement. */
  readonly #safety: SafetyGate;
  /** Loads with the first conversation whose category takes attachments. */
  readonly #attachments: LazyAttachments;
  readonly #count: CharacterCountController;

  constructor(host: KitHost & { readonly updateComplete: Promise<boolean> }, options: ReplyFormOptions) {
    this.#host = host;
    this.#o = options;
    // The kit's English arrives with the reply box (the inbox list does not need it).
    addEnglish(kit);
    host.addController(this);
    const clinic = () => options.portal()?.clinic;
    this.#triage = new TriageController(host, { text: () => this.body, locale: () => options.localize.locale });
    this.#handling = new HandlingNoticeController(host, {
      localize: options.localize,
      clinic,
      ...(options.now ? { now: options.now } : {}),
    });
    this.#draft = new DraftController(host, {
      client: () => options.portal()?.client,
      threadId: () => this.#threadId,
      snapshot: () => this.#snapshot(),
      debounceMs: () => options.draftDelay?.() ?? 2000,
      ...(options.onDraftSaved ? { onSaved: options.onDraftSaved } : {}),
    });
    this.#send = new SendController<SendResult>(host, {
      portal: options.portal,
      resend: () => void this.submit(),
    });
    this.#safety = new SafetyGate(host, {
      triage: this.#triage,
      send: this.#send,
      localize: options.localize,
      clinic,
      messageId: 'reply-body',
    });
    this.#attachments = new LazyAttachments(host, {
      client: () => options.portal()?.client,
      clinic,
      localize: options.localize,
      onChange: () => this.#draft.changed(),
    });
    this.#count = new CharacterCountController(host);
  }

  hostDisconnected(): void {
    this.#restoreAbort?.abort();
  }

  /** A reply is being sent. */
  get busy(): boolean {
    return this.#send.busy;
  }

  /** The patient has written something not yet sent. */
  get dirty(): boolean {
    return this.body.trim() !== '' || this.#attachments.count > 0;
  }

  get threadId(): string | null {
    return this.#threadId;
  }

  /** The reply box now belongs to `threadId`: bring back its draft, if there is one. */
  open(threadId: string): void {
    if (this.#threadId === threadId) return;
    this.close();
    this.#threadId = threadId;
    void this.#restore(threadId);
  }

  /** The patient left the conversation: what is pending is saved as its draft, then cleared here. */
  close(): void {
    if (this.#threadId === null) return;
    if (this.#draft.status === 'pending') void this.#draft.flush();
    this.#clear();
    this.#threadId = null;
  }

  /** Signed out or another patient: forget everything, save nothing. */
  drop(): void {
    this.#clear();
    this.#threadId = null;
  }

  #clear() {
    this.#restoreAbort?.abort();
    this.#safety.close();
    this.#send.reset();
    this.#draft.forget();
    this.#attachments.reset();
    this.#triage.reset();
    this.body = '';
    this.#errors = {};
    this.#summaryVisible = false;
    this.#sentSentence = null;
    this.#restoredAt = null;
    this.#confirmingDiscard = false;
    this.#host.requestUpdate();
  }

  async #restore(threadId: string) {
    this.#restoreAbort?.abort();
    const abort = (this.#restoreAbort = new AbortController());
    let draft: Draft | null = null;
    try {
      draft = await this.#draft.restore(abort.signal);
    } catch {
      // No draft to bring back is not worth an error: the box works either way.
      return;
    }
    if (abort.signal.aborted || this.#threadId !== threadId || !draft || this.dirty) return;
    this.body = draft.body;
    if (draft.attachmentIds.length) this.#attachments.restore(draftFiles(draft));
    this.#restoredAt = new Date(draft.updatedAt);
    this.#triage.evaluateNow();
    this.#host.requestUpdate();
  }

  #snapshot(): DraftInput | null {
    if (!this.#threadId || !this.dirty) return null;
    // Card numbers must never be stored on the server, not even in a draft.
    if (containsCardNumber(this.body)) return null;
    return {
      threadId: this.#threadId,
      category: null,
      fields: {},
      subject: '',
      body: this.body.slice(0, LIMITS.bodyMax),
      attachmentIds: this.#attachments.attachmentIds,
    };
  }

  get #bodyMax(): number {
    return Math.min(this.#o.portal()?.clinic?.limits.bodyMax ?? LIMITS.bodyMax, LIMITS.bodyMax);
  }

  // ---------------------------------------------------------------- sending

  /** Send (also Retry, back online, and after signing in again). */
  async submit(): Promise<void> {
    const threadId = this.#threadId;
    const client = this.#o.portal()?.client;
    if (!threadId || !client || this.#send.busy || this.#safety.pending) return;

    // Safety first: an emergency is answered before anything else. Synchronous unless the
    // gate must wait (classifier loading, the dialog), so a double click cannot slip in.
    const gate = this.#safety.check(() => this.#threadId === threadId);
    const safety = typeof gate === 'string' ? gate : await gate;
    if (safety === 'stop') return;

    const errors = this.#validate(safety);
    if (Object.keys(errors).length) {
      this.#send.cancelled();
      this.#showErrors(errors);
      return;
    }
    this.#errors = {};
    this.#summaryVisible = false;
    this.#sentSentence = null;

    const outcome = await this.#send.send(async (idempotencyKey, signal) => {
      await this.#draft.settle();
      const draftId = this.#draft.draftId;
      return client.reply(
        threadId,
        {
          body: this.body.trim(),
          attachmentIds: this.#attachments.attachmentIds,
          triage: this.#triage.stamp(),
          ...(draftId ? { draftId } : {}),
        },
        { idempotencyKey, signal },
      );
    });

    if (outcome.ok) {
      // The text is on the server now: drop it here.
      this.#draft.forget();
      this.#attachments.reset();
      this.#triage.reset();
      this.#send.reset();
      this.body = '';
      this.#restoredAt = null;
      this.#sentSentence = this.#handling.sentenceFor(outcome.result.handling);
      this.#o.onSent(threadId, outcome.result);
      this.#host.requestUpdate();
      await this.#host.updateComplete;
      this.#host.renderRoot.querySelector<HTMLElement>('#reply-sent')?.focus();
      return;
    }
    if ('busy' in outcome) return;
    this.#draft.resume();
    this.#onSendError(outcome.error);
  }

  #validate(safety: SafetyVerdict): Partial<Record<ErrorKey, string>> {
    const t = this.#o.localize;
    const errors: Partial<Record<ErrorKey, string>> = {};
    const max = this.#bodyMax;
    if (!this.body.trim()) errors.body = t.term('inbox.reply.error.required');
    else if (characterLength(this.body.trim()) > max) errors.body = t.term('inbox.reply.error.tooLong', max);
    else if (containsCardNumber(this.body)) errors.body = t.term('inbox.reply.error.card');
    if (safety === 'acknowledge-urgent') errors.urgent = t.term('inbox.reply.error.urgent');
    if (this.#attachments.busy) errors.attachments = t.term('inbox.reply.error.uploading');
    else if (this.#attachments.hasFailures) errors.attachments = t.term('inbox.reply.error.uploadFailed');
    return errors;
  }

  #showErrors(errors: Partial<Record<ErrorKey, string>>) {
    this.#errors = errors;
    this.#summaryVisible = true;
    this.#host.requestUpdate();
    void this.#host.updateComplete.then(() =>
      this.#host.renderRoot.querySelector<HTMLElement>('.reply-summary')?.focus(),
    );
  }

  #onSendError(error: PortalError) {
    const host = this.#o.portal()?.host;
    if (error.type === 'validation') {
      const body = error.fieldErrors.find((fe) => fe.field === 'body');
      if (body) {
        this.#send.cancelled();
        this.#showErrors({
          body:
            body.code === 'too-long'
              ? this.#o.localize.term('inbox.reply.error.tooLong', this.#bodyMax)
              : this.#o.localize.term('inbox.reply.error.required'),
        });
        return;
      }
    }
    if (error.type === 'consent-required' || error.type === 'messaging-revoked' || error.type === 'password-change-required') {
      // The session changed under us: re-read it; the consent step or revoked notice takes over.
      void host?.refreshSession().catch(() => undefined);
    }
    if (this.#send.status === 'reauth' || this.#send.status === 'offline' || this.#send.status === 'failed') {
      void this.#host.updateComplete.then(() => this.#send.focusStatus());
    }
  }

  #onSubmit = (event: Event) => {
    event.preventDefault();
    void this.submit();
  };

  #onInput = (event: Event) => {
    this.body = (event.target as HTMLTextAreaElement).value;
    this.#sentSentence = null;
    if (this.#errors.body) {
      const { body: _cleared, ...rest } = this.#errors;
      this.#errors = rest;
    }
    this.#count.changed(this.body, this.#bodyMax, this.#o.localize);
    this.#triage.schedule();
    this.#draft.changed();
    this.#host.requestUpdate();
  };

  async #discard() {
    this.#confirmingDiscard = false;
    await this.#draft.discard();
    const threadId = this.#threadId;
    this.#clear();
    this.#threadId = threadId;
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('#reply-body')?.focus();
  }

  // ---------------------------------------------------------------- rendering

  /** The reply box; attachments only where the conversation's category allows them. */
  render(category: Category | undefined): TemplateResult {
    const t = this.#o.localize;
    const clinic = this.#o.portal()?.clinic;
    const busy = this.#send.busy;
    const max = this.#bodyMax;
    const error = this.#errors.body;
    const draftStatus = draftStatusText(this.#draft, t);
    return html`<section class="reply" part="reply" aria-labelledby="reply-title">
      <h3 id="reply-title">${t.term('inbox.reply.title')}</h3>
      ${renderSafetyNotice(t, clinic)}
      ${this.#sentSentence
        ? html`<div class="notice success" part="reply-sent" id="reply-sent" role="status" tabindex="-1">
            <p><strong>${t.term('inbox.reply.sent')}</strong> ${this.#sentSentence}</p>
          </div>`
        : nothing}
      ${this.#restoredAt
        ? html`<p class="notice" part="restored">
            ${t.term('kit.draft.restored', t.date(this.#restoredAt, { dateStyle: 'medium', timeStyle: 'short' }))}
          </p>`
        : nothing}
      <form part="form" novalidate @submit=${this.#onSubmit}>
        ${this.#renderSummary()}
        <div class="field" part="field">
          <label for="reply-body">${t.term('inbox.reply.label')}</label>
          <p class="hint" id="reply-hint">${t.term('inbox.reply.hint')}</p>
          ${error ? html`<p class="field-error" id="reply-error">${error}</p>` : nothing}
          <textarea
            id="reply-body"
            rows="5"
            required
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby="reply-hint reply-count${error ? ' reply-error' : ''}"
            .value=${this.body}
            @input=${this.#onInput}
            @blur=${() => {
              if (this.#draft.status === 'pending') void this.#draft.flush();
            }}
          ></textarea>
          ${this.#count.render({ id: 'reply-count', value: this.body, max, localize: t })}
        </div>
        ${this.#renderTriage()}
        ${category?.allowsAttachments
          ? this.#attachments.render({ disabled: busy, error: this.#errors.attachments })
          : nothing}
        <div class="reply-footer">
          ${this.#handling.render()}
          <div class="actions">
            <button class="button" part="submit-button" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
              ${busy
                ? html`<span class="spinner small" aria-hidden="true"></span>${t.term('inbox.reply.sending')}`
                : t.term('inbox.reply.send')}
            </button>
            ${draftStatus ? html`<p class="hint draft-status" part="draft-status">${draftStatus}</p>` : nothing}
            ${(this.#draft.draftId || this.dirty) && !this.#confirmingDiscard
              ? html`<button
                  class="button link"
                  type="button"
                  ?disabled=${busy}
                  @click=${async () => {
                    this.#confirmingDiscard = true;
                    this.#host.requestUpdate();
                    await this.#host.updateComplete;
                    this.#host.renderRoot.querySelector<HTMLElement>('#reply-discard-yes')?.focus();
                  }}
                >
                  ${t.term('inbox.reply.discard')}
                </button>`
              : nothing}
          </div>
          ${this.#confirmingDiscard ? this.#renderDiscardConfirm() : nothing}
        </div>
      </form>
      ${
        // After the form: the inline re-auth has a form of its own, which must not submit this one.
        this.#send.render(t, this.#o.errorMessage, this.#o.callOffice())
      }
      ${this.#safety.render()}
    </section>`;
  }

  #renderSummary(): TemplateResult | typeof nothing {
    const keys = ERROR_ORDER.filter((k) => this.#errors[k]);
    if (!this.#summaryVisible || !keys.length) return nothing;
    const t = this.#o.localize;
    const target = (key: ErrorKey) =>
      key === 'body' ? 'reply-body' : key === 'urgent' ? 'reply-urgent-ack' : this.#attachments.inputId;
    return html`<div class="notice danger reply-summary" part="error-summary" role="alert" tabindex="-1">
      <p><strong>${t.term('common.errorSummary', keys.length)}</strong></p>
      <ul>
        ${keys.map(
          (key) => html`<li>
            <a
              href="#${target(key)}"
              @click=${(e: Event) => {
                e.preventDefault();
                this.#host.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(target(key))}`)?.focus();
              }}
              >${this.#errors[key]}</a
            >
          </li>`,
        )}
      </ul>
    </div>`;
  }

  #renderTriage(): TemplateResult {
    const t = this.#o.localize;
    const clinic = this.#o.portal()?.clinic;
    const emergencyNumber = clinic?.emergencyNumber ?? '911';
    const card = containsCardNumber(this.body);
    return html`<div role="alert" class="triage-alert">
        ${this.#triage.level === 'emergency'
          ? html`<div class="notice danger" part="emergency-notice">
              <p><strong>${t.term('kit.emergency.inline', emergencyNumber)}</strong></p>
              <p>
                <a class="button danger" href=${telHref(emergencyNumber)}>${t.term('kit.emergency.call', emergencyNumber)}</a>
              </p>
            </div>`
          : nothing}
        ${card ? html`<div class="notice danger" part="card-warning"><p>${t.term('kit.card.warning')}</p></div>` : nothing}
      </div>
      ${this.#triage.level === 'urgent'
        ? renderUrgentNotice({
            localize: t,
            clinic,
            acknowledged: this.#triage.acknowledged,
            onAcknowledgeChange: (ack) => {
              if (ack) this.#triage.acknowledge();
              else this.#triage.unacknowledge();
              const { urgent: _cleared, ...rest } = this.#errors;
              this.#errors = rest;
              this.#host.requestUpdate();
            },
            checkboxId: 'reply-urgent-ack',
            handling: this.#handling.sentence(),
            error: this.#errors.urgent,
          })
        : nothing}`;
  }

  #renderDiscardConfirm(): TemplateResult {
    const t = this.#o.localize;
    return renderDiscardConfirm({
      idPrefix: 'reply-discard',
      question: t.term('inbox.reply.discardConfirm'),
      yes: t.term('inbox.reply.discardYes'),
      no: t.term('inbox.reply.discardNo'),
      onDiscard: () => void this.#discard(),
      onKeep: async () => {
        this.#confirmingDiscard = false;
        this.#host.requestUpdate();
        await this.#host.updateComplete;
        this.#host.renderRoot.querySelector<HTMLElement>('#reply-body')?.focus();
      },
    });
  }
}
