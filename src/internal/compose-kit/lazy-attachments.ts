/**
 * The attachment picker, loaded on demand. Only some categories take
 * attachments, so the picker's code (checks, upload, progress, drop zone) is
 * its own chunk, fetched the first time a form renders it — i.e. the moment
 * the patient picks such a category, or opens a conversation in one. It is
 * rendered at the end of the form, below the message the patient is about to
 * type, so it is in place long before they reach it.
 *
 * Until it has loaded it reads as "no files", except for attachments restored
 * from a draft: those ids are kept (and sent) and handed to the picker once it
 * is there, so a restored draft never loses a file.
 *
 * Same surface as `AttachmentPickerController` for what a form needs.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { PortalError } from '../../api/errors.js';
import type { Draft } from '../../api/schemas.js';
import type { LocalizeController } from '../localize.js';
import type { AttachmentPickerController, AttachmentPickerOptions, RestoredFile } from './attachment-picker.js';
import type { KitHost } from './ids.js';

type PickerModule = typeof import('./attachment-picker.js');

/**
 * The files of a saved draft, named when the server says what they are. A
 * server that lists `attachments` has dropped any file missing from it
 * (expired or already sent), so only the listed ones come back.
 */
export function draftFiles(draft: Draft): RestoredFile[] {
  if (!draft.attachments) return draft.attachmentIds.map((id) => ({ id }));
  const byId = new Map(draft.attachments.map((meta) => [meta.id, meta]));
  return draft.attachmentIds.flatMap((id) => {
    const meta = byId.get(id);
    return meta ? [{ id, meta }] : [];
  });
}

export class LazyAttachments {
  readonly #host: KitHost;
  readonly #options: AttachmentPickerOptions & { localize: LocalizeController };
  #picker: AttachmentPickerController | undefined;
  #loading: Promise<AttachmentPickerController> | undefined;
  #failed = false;
  /** Files restored from a draft before the picker loaded. */
  #restored: readonly RestoredFile[] = [];

  constructor(host: KitHost, options: AttachmentPickerOptions) {
    this.#host = host;
    this.#options = options;
  }

  /** The picker, once its code has loaded. */
  get picker(): AttachmentPickerController | undefined {
    return this.#picker;
  }

  /** How many files are attached (uploaded, uploading, failed or restored). */
  get count(): number {
    return this.#picker ? this.#picker.items.length : this.#restored.length;
  }

  /** Ids to send with the message. */
  get attachmentIds(): string[] {
    return this.#picker ? this.#picker.attachmentIds : this.#restored.map((f) => f.id);
  }

  /** Uploads still running: Send must wait. */
  get busy(): boolean {
    return this.#picker?.busy ?? false;
  }

  /** Some uploads failed: Send must wait until they are retried or removed. */
  get hasFailures(): boolean {
    return this.#picker?.hasFailures ?? false;
  }

  /** An upload failed because the session ended: signing in again and retrying will fix it. */
  get signInError(): PortalError | undefined {
    return this.#picker?.signInError;
  }

  /** Upload every failed file again (after signing in again, or on Retry). */
  retryFailed(): void {
    this.#picker?.retryFailed();
  }

  /** Resolves when no upload is running. */
  settled(): Promise<void> {
    return this.#picker?.settled() ?? Promise.resolve();
  }

  /** Id of the file input (for an error summary link); only errors from a loaded picker point at it. */
  get inputId(): string {
    return this.#picker?.inputId ?? '';
  }

  /** Start loading the picker's code (idempotent). */
  load(): Promise<AttachmentPickerController> {
    this.#loading ??= import('./attachment-picker.js').then(
      ({ AttachmentPickerController }: PickerModule) => {
        const picker = new AttachmentPickerController(this.#host, this.#options);
        if (this.#restored.length) picker.restore(this.#restored);
        this.#restored = [];
        this.#picker = picker;
        this.#failed = false;
        this.#host.requestUpdate();
        return picker;
      },
      (error: unknown) => {
        this.#loading = undefined;
        this.#failed = true;
        this.#host.requestUpdate();
        throw error;
      },
    );
    return this.#loading;
  }

  /** Files already uploaded in an earlier session (a restored draft). */
  restore(files: readonly RestoredFile[]): void {
    if (this.#picker) this.#picker.restore(files);
    else this.#restored = [...files];
  }

  /** A new message or signed out: drop every file (and cancel uploads). */
  reset(): void {
    this.#restored = [];
    this.#picker?.reset();
  }

  /** The picker; rendering it starts loading its code, and it appears as soon as that arrives. */
  render(options: { disabled?: boolean; error?: string | undefined } = {}): TemplateResult | typeof nothing {
    if (this.#picker) return this.#picker.render(options);
    if (this.#failed) {
      const t = this.#options.localize;
      // The chunk could not load (offline?): say so, keep the form usable, offer to try again.
      return html`<div class="notice warning kit-attach" part="attachments">
        <p>${t.term('kit.attach.unavailable')}</p>
        <button
          class="button secondary"
          part="retry-button"
          type="button"
          @click=${() => void this.load().catch(() => undefined)}
        >
          ${t.term('common.retry')}
        </button>
      </div>`;
    }
    void this.load().catch(() => undefined);
    return nothing;
  }
}
