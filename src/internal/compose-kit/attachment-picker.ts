/**
 * Attachments: a native file input inside an accessible drop zone, the
 * clinic's limits (count, size per file, types) checked before anything is
 * uploaded — with a specific message per refused file —, upload progress,
 * retry and remove. File names are always rendered as text (never markup).
 *
 * Each file gets its own idempotency key, kept across retries of that file, so
 * a retried upload after a lost response does not store the file twice.
 *
 * Usage: `attachments = new AttachmentPickerController(this, {...})`, render
 * `attachments.render()` where the picker belongs, and send
 * `attachments.attachmentIds`. Block Send while `attachments.busy` or
 * `attachments.hasFailures`.
 */
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { newIdempotencyKey, type PortalClient } from '../../api/client.js';
import { toPortalError, type PortalError } from '../../api/errors.js';
import type { AttachmentMeta, ClinicConfig } from '../../api/schemas.js';
import type { LocalizeController } from '../localize.js';
import { formatBytes } from './file-size.js';
import { nextKitId, type KitHost } from './ids.js';

// Pages that only show sizes import it from ./file-size.js and stay free of the picker.
export { formatBytes };

export interface AttachmentItem {
  /** Local id, also the upload's idempotency key. */
  readonly key: string;
  /** The file, kept until uploaded (and for Retry); null for one restored from a draft. */
  file: File | null;
  name: string;
  size: number;
  status: 'uploading' | 'done' | 'failed';
  sent: number;
  meta: AttachmentMeta | null;
  error: PortalError | null;
  abort?: AbortController | undefined;
  /** The running upload, for {@link AttachmentPickerController.settled}. */
  upload?: Promise<void> | undefined;
}

export interface AttachmentPickerOptions {
  client: () => PortalClient | undefined;
  clinic: () => ClinicConfig | null | undefined;
  localize: LocalizeController;
  /** The set of uploaded files changed (autosave the draft). */
  onChange?: () => void;
  /** An upload failed because the session ended (the widget decides: re-auth or sign out). */
  onError?: (error: PortalError) => void;
}

/** MIME types for common extensions, for files the OS gives no type. */
const TYPE_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  heic: 'image/heic',
  heif: 'image/heif',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  txt: 'text/plain',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'image/gif': 'GIF',
  'image/heic': 'HEIC',
  'image/heif': 'HEIF',
  'image/webp': 'WebP',
  'image/tiff': 'TIFF',
  'text/plain': 'text',
  'application/msword': 'Word',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
};

export function fileType(file: { name: string; type: string }): string {
  if (file.type) return file.type.toLowerCase();
  const ext = file.name.toLowerCase().split('.').pop() ?? '';
  return TYPE_BY_EXTENSION[ext] ?? '';
}

/** "PDF, JPEG or PNG" in the patient's language. */
export function typeList(types: readonly string[], locale: string): string {
  const names = [...new Set(types.map((t) => TYPE_NAMES[t] ?? t.split('/').pop()?.toUpperCase() ?? t))];
  return new Intl.ListFormat(locale, { type: 'disjunction' }).format(names);
}

/** A file restored from a draft: its id, and its name and size when the server sent them. */
export interface RestoredFile {
  readonly id: string;
  readonly meta?: AttachmentMeta;
}

export class AttachmentPickerController implements ReactiveController {
  items: AttachmentItem[] = [];
  /** Why files were refused on the last pick or drop (shown as an alert). */
  refusals: string[] = [];

  readonly #host: KitHost;
  readonly #options: AttachmentPickerOptions;
  readonly #id = nextKitId('attach');
  #dragging = false;

  constructor(host: KitHost, options: AttachmentPickerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected() {
    for (const item of this.items) item.abort?.abort();
  }

  /** Ids to send with the message (uploaded files only). */
  get attachmentIds(): string[] {
    return this.items.flatMap((i) => (i.status === 'done' && i.meta ? [i.meta.id] : []));
  }

  /** Uploads still running: Send must wait. */
  get busy(): boolean {
    return this.items.some((i) => i.status === 'uploading');
  }

  /** Some uploads failed: Send must wait until they are retried or removed. */
  get hasFailures(): boolean {
    return this.items.some((i) => i.status === 'failed');
  }

  /** The first upload that failed because the session ended (signing in again will fix it). */
  get signInError(): PortalError | undefined {
    return this.items.find((i) => i.status === 'failed' && i.error?.needsSignIn)?.error ?? undefined;
  }

  /** Resolves when no upload is running (each one has either finished or failed). */
  async settled(): Promise<void> {
    while (this.busy) await Promise.all(this.items.map((i) => i.upload));
  }

  /** Id of the file input (for an error summary link). */
  get inputId(): string {
    return `${this.#id}-input`;
  }

  /** Check files against the clinic's limits, refuse with reasons, upload the rest. */
  add(files: Iterable<File>): void {
    const clinic = this.#options.clinic();
    const t = this.#options.localize;
    const locale = t.locale;
    this.refusals = [];
    if (!clinic) return;
    const { maxCount, maxBytes, allowedTypes } = clinic.attachments;
    for (const file of files) {
      const type = fileType(file);
      if (this.items.length >= maxCount) {
        this.refusals.push(t.term('kit.attach.tooMany', file.name, maxCount));
      } else if (allowedTypes.length > 0 && !allowedTypes.includes(type)) {
        this.refusals.push(t.term('kit.attach.wrongType', file.name, typeList(allowedTypes, locale)));
      } else if (file.size > maxBytes) {
        this.refusals.push(
          t.term('kit.attach.tooLarge', file.name, formatBytes(file.size, locale), formatBytes(maxBytes, locale)),
        );
      } else if (file.size === 0) {
        this.refusals.push(t.term('kit.attach.empty', file.name));
      } else {
        const item: AttachmentItem = {
          key: newIdempotencyKey(),
          file,
          name: file.name,
          size: file.size,
          status: 'uploading',
          sent: 0,
          meta: null,
          error: null,
        };
        this.items = [...this.items, item];
        this.#start(item);
      }
    }
    this.#host.requestUpdate();
  }

  #start(item: AttachmentItem) {
    item.upload = this.#upload(item);
  }

  async #upload(item: AttachmentItem) {
    const client = this.#options.client();
    if (!client || !item.file) return;
    item.abort = new AbortController();
    item.status = 'uploading';
    item.error = null;
    item.sent = 0;
    this.#host.requestUpdate();
    try {
      const contentType = fileType(item.file);
      const blob = contentType && !item.file.type ? item.file.slice(0, item.file.size, contentType) : item.file;
      item.meta = await client.uploadAttachment(blob, item.name, {
        idempotencyKey: item.key,
        signal: item.abort.signal,
        onProgress: (sent) => {
          item.sent = sent;
          this.#host.requestUpdate();
        },
      });
      item.status = 'done';
      item.sent = item.size;
      item.file = null; // uploaded: no need to hold the bytes any longer
      this.#options.onChange?.();
    } catch (thrown) {
      const error = toPortalError(thrown);
      if (error.type === 'aborted') return; // removed while uploading
      item.status = 'failed';
      item.error = error;
      this.#options.onError?.(error);
    } finally {
      item.abort = undefined;
      this.#host.requestUpdate();
    }
  }

  retry(key: string): void {
    const item = this.items.find((i) => i.key === key);
    if (item?.status === 'failed') this.#start(item);
  }

  /** Retry every failed upload (after signing in again). */
  retryFailed(): void {
    for (const item of this.items) if (item.status === 'failed') this.#start(item);
  }

  remove(key: string): void {
    const item = this.items.find((i) => i.key === key);
    if (!item) return;
    item.abort?.abort();
    this.items = this.items.filter((i) => i !== item);
    this.refusals = [];
    this.#host.requestUpdate();
    this.#options.onChange?.();
    // Keep keyboard focus in the picker: the file input is the stable place to land.
    void this.#host.updateComplete.then(() =>
      this.#host.renderRoot.querySelector<HTMLElement>(`#${this.inputId}`)?.focus(),
    );
  }

  /**
   * Files already uploaded in an earlier session (a restored draft), by name
   * when the server told us (`Draft.attachments`), else as "Attached file N".
   */
  restore(files: readonly RestoredFile[]): void {
    this.items = files.map(({ id, meta }, index) => ({
      key: newIdempotencyKey(),
      file: null,
      name: meta?.filename ?? this.#options.localize.term('kit.attach.restoredName', index + 1),
      size: meta?.size ?? 0,
      status: 'done' as const,
      sent: 0,
      meta: meta ?? { id, filename: '', contentType: '', size: 0 },
      error: null,
    }));
    this.refusals = [];
    this.#host.requestUpdate();
  }

  /** A new message or signed out: drop every file (and cancel uploads). */
  reset(): void {
    for (const item of this.items) item.abort?.abort();
    this.items = [];
    this.refusals = [];
    this.#host.requestUpdate();
  }

  #onInput = (event: Event) => {
    const input = event.target as HTMLInputElement;
    if (input.files) this.add([...input.files]);
    input.value = ''; // so picking the same file again fires `change`
  };

  #onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    if (!this.#dragging) {
      this.#dragging = true;
      this.#host.requestUpdate();
    }
  };

  #onDragLeave = (event: DragEvent) => {
    const zone = event.currentTarget as HTMLElement;
    if (event.relatedTarget instanceof Node && zone.contains(event.relatedTarget)) return;
    this.#dragging = false;
    this.#host.requestUpdate();
  };

  #onDrop = (event: DragEvent) => {
    event.preventDefault();
    this.#dragging = false;
    const files = event.dataTransfer?.files;
    if (files?.length) this.add([...files]);
    else this.#host.requestUpdate();
  };

  render(options: { disabled?: boolean; error?: string | undefined } = {}): TemplateResult {
    const clinic = this.#options.clinic();
    const t = this.#options.localize;
    if (!clinic || clinic.attachments.maxCount === 0) return html``;
    const { maxCount, maxBytes, allowedTypes } = clinic.attachments;
    const id = this.#id;
    const full = this.items.length >= maxCount;
    const describedBy = [`${id}-hint`, options.error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div class="kit-attach" part="attachments" role="group" aria-labelledby="${id}-label">
      <p class="label" id="${id}-label">${t.term('kit.attach.label')}</p>
      <p class="hint" id="${id}-hint">
        ${t.term('kit.attach.limits', maxCount, formatBytes(maxBytes, t.locale), typeList(allowedTypes, t.locale))}
      </p>
      ${options.error ? html`<p class="field-error" id="${id}-error">${options.error}</p>` : nothing}
      <div
        class="kit-drop ${this.#dragging ? 'kit-drop-active' : ''}"
        part="drop-zone"
        @dragenter=${this.#onDragOver}
        @dragover=${this.#onDragOver}
        @dragleave=${this.#onDragLeave}
        @drop=${this.#onDrop}
      >
        <label class="kit-drop-label" for="${this.inputId}">
          ${full ? t.term('kit.attach.full', maxCount) : t.term('kit.attach.choose')}
        </label>
        <input
          id=${this.inputId}
          class="kit-file"
          type="file"
          multiple
          accept=${allowedTypes.join(',') || nothing}
          ?disabled=${options.disabled || full}
          aria-describedby=${describedBy}
          aria-invalid=${options.error ? 'true' : 'false'}
          @change=${this.#onInput}
        />
        <p class="hint kit-drop-hint" aria-hidden="true">${t.term('kit.attach.drop')}</p>
      </div>
      <div role="alert" class="kit-refusals">
        ${
          this.refusals.length
            ? html`<ul class="field-error">
                ${this.refusals.map((r) => html`<li>${r}</li>`)}
              </ul>`
            : nothing
        }
      </div>
      ${
        this.items.length
          ? html`<ul class="kit-files" part="list" aria-label=${t.term('kit.attach.listLabel')}>
              ${this.items.map((item) => this.#renderItem(item, options.disabled ?? false))}
            </ul>`
          : nothing
      }
    </div>`;
  }

  #renderItem(item: AttachmentItem, disabled: boolean): TemplateResult {
    const t = this.#options.localize;
    const percent = item.size > 0 ? Math.min(100, Math.round((item.sent / item.size) * 100)) : 0;
    return html`<li class="kit-file-item" part="item">
      <span class="kit-file-name">${item.name}</span>
      ${item.size ? html`<span class="hint">${formatBytes(item.size, t.locale)}</span>` : nothing}
      ${
        item.status === 'uploading'
          ? html`<span class="kit-progress">
              <progress max="100" .value=${percent} aria-label=${t.term('kit.attach.uploading', item.name)}></progress>
              <span class="hint">${t.term('kit.attach.percent', percent)}</span>
            </span>`
          : nothing
      }
      ${item.status === 'done' ? html`<span class="kit-file-done">${t.term('kit.attach.uploaded')}</span>` : nothing}
      ${
        item.status === 'failed' && item.error
          ? html`<span class="field-error">${t.term('kit.attach.failed', errorTypeKey(item.error))}</span>`
          : nothing
      }
      <span class="kit-file-actions">
        ${
          item.status === 'failed' && item.file
            ? html`<button
                class="button secondary"
                type="button"
                ?disabled=${disabled}
                @click=${() => this.retry(item.key)}
              >
                ${t.term('common.retry')}<span class="visually-hidden">: ${item.name}</span>
              </button>`
            : nothing
        }
        <button class="button link" type="button" ?disabled=${disabled} @click=${() => this.remove(item.key)}>
          ${t.term('kit.attach.remove')}<span class="visually-hidden">: ${item.name}</span>
        </button>
      </span>
    </li>`;
  }
}

/** The reason class for a failed upload, for the translation. */
function errorTypeKey(error: PortalError): 'too-large' | 'type' | 'network' | 'other' {
  if (error.type === 'payload-too-large') return 'too-large';
  if (error.type === 'unsupported-media-type') return 'type';
  if (error.type === 'network' || error.type === 'timeout') return 'network';
  return 'other';
}
