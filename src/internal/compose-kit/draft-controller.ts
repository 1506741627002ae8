/**
 * Drafts that follow the patient to any device: debounced autosave to the
 * backend (`client.saveDraft`, with an id this client chooses, so a retried
 * save replaces rather than duplicates), restore from `client.listDrafts()`,
 * and an explicit discard. Never browser storage: message text is PHI.
 *
 * Call `changed()` on every edit. Before sending, `await settle()` so no save
 * lands after the server has deleted the draft; after sending, `forget()`.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { newIdempotencyKey, type PortalClient } from '../../api/client.js';
import { toPortalError, type PortalError } from '../../api/errors.js';
import type { Draft, DraftInput } from '../../api/schemas.js';
import type { LocalizeController } from '../localize.js';

export type DraftStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface DraftControllerOptions {
  client: () => PortalClient | undefined;
  /**
   * The draft to save now, or null to skip saving (nothing typed yet, or text
   * that must never be stored, such as a payment card number).
   */
  snapshot: () => DraftInput | null;
  /** Which drafts belong here on restore: null for a new conversation, else the thread id. */
  threadId: () => string | null;
  /** Quiet time after the last edit before saving; default 2000 ms. */
  debounceMs?: () => number;
  /** A save finished (for `portal-draft-saved`). */
  onSaved?: (draftId: string) => void;
  /** The session ended or was revoked while saving. */
  onError?: (error: PortalError) => void;
}

export class DraftController implements ReactiveController {
  /** The draft's id once one exists on the server (or is about to). */
  draftId: string | null = null;
  status: DraftStatus = 'idle';
  /** When the last save succeeded (shown as "Draft saved at 10:32 AM"). */
  savedAt: Date | null = null;
  lastError: PortalError | null = null;

  readonly #host: ReactiveControllerHost;
  readonly #options: DraftControllerOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #inFlight: Promise<void> | undefined;
  /** An edit arrived while a save was in flight: save again afterwards. */
  #dirty = false;
  /** Bumped by forget()/discard(): saves started before are ignored when they land. */
  #generation = 0;
  #suspended = false;

  constructor(host: ReactiveControllerHost, options: DraftControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected() {
    window.addEventListener('pagehide', this.#onLeave);
    document.addEventListener('visibilitychange', this.#onLeave);
  }

  hostDisconnected() {
    window.removeEventListener('pagehide', this.#onLeave);
    document.removeEventListener('visibilitychange', this.#onLeave);
    // Leaving the page mid-debounce: save what is there (fire and forget).
    this.#saveNowIfPending();
  }

  /**
   * The tab is closing, navigating away or going to the background (a phone
   * switching apps may never come back): save an unsaved edit now, in a
   * request that outlives the page, instead of after the pause.
   */
  #onLeave = (event: Event) => {
    if (event.type === 'visibilitychange' && document.visibilityState !== 'hidden') return;
    this.#saveNowIfPending(true);
  };

  #saveNowIfPending(keepalive = false) {
    if (!this.#timer) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    void this.#save(keepalive);
  }

  /** The patient edited something: save after a pause. */
  changed(): void {
    if (this.#suspended) return;
    this.#dirty = true;
    clearTimeout(this.#timer);
    this.#setStatus('pending');
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#save();
    }, this.#options.debounceMs?.() ?? 2000);
  }

  /** Save right away (e.g. on blur of the message box). */
  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    return this.#save();
  }

  async #save(keepalive = false): Promise<void> {
    if (this.#inFlight) {
      this.#dirty = true;
      return this.#inFlight;
    }
    const client = this.#options.client();
    const snapshot = this.#options.snapshot();
    this.#dirty = false;
    if (!client || !snapshot) {
      this.#setStatus(this.savedAt ? 'saved' : 'idle');
      return;
    }
    this.draftId ??= newIdempotencyKey();
    const id = this.draftId;
    const generation = this.#generation;
    this.#setStatus('saving');
    this.#inFlight = (async () => {
      try {
        await client.saveDraft(id, snapshot, keepalive ? { keepalive } : undefined);
        if (generation !== this.#generation) return;
        this.savedAt = new Date();
        this.lastError = null;
        this.#setStatus('saved');
        this.#options.onSaved?.(id);
      } catch (error) {
        if (generation !== this.#generation) return;
        this.lastError = toPortalError(error);
        this.#setStatus('error');
        this.#options.onError?.(this.lastError);
      }
    })();
    try {
      await this.#inFlight;
    } finally {
      this.#inFlight = undefined;
    }
    if (this.#dirty && !this.#suspended && generation === this.#generation && !this.#timer) {
      await this.#save();
    }
  }

  /**
   * Find this place's most recent draft on the server and adopt its id.
   * Returns it (for the widget to put back in the form), or null.
   */
  async restore(signal?: AbortSignal): Promise<Draft | null> {
    const client = this.#options.client();
    if (!client) return null;
    const drafts = await client.listDrafts(signal ? { signal } : {});
    const threadId = this.#options.threadId();
    const mine = drafts
      .filter((d) => d.threadId === threadId)
      .sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0];
    if (!mine) return null;
    this.draftId = mine.id;
    this.savedAt = new Date(mine.updatedAt);
    this.#setStatus('saved');
    return mine;
  }

  /** Stop autosaving and wait for any save in flight (before Send). */
  async settle(): Promise<void> {
    this.#suspended = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#inFlight?.catch(() => undefined);
  }

  /** Autosave again (Send failed: the patient may keep editing). */
  resume(): void {
    this.#suspended = false;
    if (this.#dirty) this.changed();
  }

  /** The patient chose "Discard draft": delete it on the server and start fresh. */
  async discard(): Promise<void> {
    const id = this.draftId;
    const client = this.#options.client();
    this.forget();
    if (id && client) {
      try {
        await client.deleteDraft(id);
      } catch {
        // Best effort: a leftover draft is harmless, and the form is already empty.
      }
    }
  }

  /** Drop the draft locally (sent — the server deleted it —, or signed out). */
  forget(): void {
    this.#generation += 1;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#dirty = false;
    this.#suspended = false;
    this.draftId = null;
    this.savedAt = null;
    this.lastError = null;
    this.#setStatus('idle');
  }

  #setStatus(status: DraftStatus) {
    if (status !== this.status) {
      this.status = status;
      this.#host.requestUpdate();
    }
  }
}

/** "Saving draft…" / "Draft saved at 10:32 AM" / a calm save error — for a polite status line. */
export function draftStatusText(draft: DraftController, localize: LocalizeController): string {
  switch (draft.status) {
    case 'saving':
      return localize.term('kit.draft.saving');
    case 'saved':
      return draft.savedAt
        ? localize.term('kit.draft.saved', localize.date(draft.savedAt, { hour: 'numeric', minute: '2-digit' }))
        : '';
    case 'error':
      return localize.term('kit.draft.error');
    default:
      return '';
  }
}

export interface DiscardConfirmOptions {
  /** Prefix for the element ids (`<prefix>-question`, `<prefix>-yes`). */
  idPrefix: string;
  question: string;
  yes: string;
  no: string;
  /** "Yes, discard": delete the draft. */
  onDiscard: () => void;
  /** "No, keep it": close the question and put focus back in the message. */
  onKeep: () => void;
}

/** The explicit "Discard this draft?" question, the same for a new message and a reply. */
export function renderDiscardConfirm(o: DiscardConfirmOptions): TemplateResult {
  return html`<div class="notice warning discard-confirm" role="group" aria-labelledby="${o.idPrefix}-question">
    <p id="${o.idPrefix}-question">${o.question}</p>
    <div class="actions">
      <button id="${o.idPrefix}-yes" class="button danger" type="button" @click=${o.onDiscard}>${o.yes}</button>
      <button class="button secondary" type="button" @click=${o.onKeep}>${o.no}</button>
    </div>
  </div>`;
}
