/**
 * Attachment handling that only a real server has to do:
 * - reading a request body with the size limit enforced *while streaming*
 *   (`Content-Length` is a claim, not a fact: we count bytes as they arrive and
 *   stop reading at the limit);
 * - looking at the first bytes early, so a 50 MB upload of the wrong kind is
 *   refused after a few bytes instead of after 50 MB (the backend's own
 *   magic-byte check, `sniffContentType`, stays the authority);
 * - keeping the bytes on disk outside any web root, under names the server
 *   makes up (never the patient's filename), readable only by the server user.
 *
 * Serving a file back (owner only, `Content-Disposition: attachment`, `nosniff`,
 * sandboxing CSP) is the backend's `downloadAttachment` + `http.ts`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { join, resolve } from 'node:path';
import type { BlobStore } from '../src/backend/store.js';
import { sniffContentType } from '../src/backend/service.js';

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}
export class BodyTypeError extends Error {
  override readonly name = 'BodyTypeError';
}
export class BodyAbortedError extends Error {
  override readonly name = 'BodyAbortedError';
}

export interface ReadBodyOptions {
  /** Bytes accepted; one more and reading stops with `BodyTooLargeError`. */
  limit: number;
  /**
   * Called once with the first `peekBytes` bytes (or the whole body if shorter);
   * returning false stops reading with `BodyTypeError`.
   */
  peek?: (head: Uint8Array) => boolean;
  peekBytes?: number;
}

/**
 * Read a request body into memory, never more than `limit` bytes. On a limit or
 * type failure the request stream is paused and left unread: the caller answers
 * and closes the connection, so the rest of an oversized upload is never received.
 */
export function readBody(req: IncomingMessage, options: ReadBodyOptions): Promise<Uint8Array> {
  const { limit, peek, peekBytes = 16 } = options;
  return new Promise((resolvePromise, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      reject(new BodyTooLargeError());
      return;
    }
    const chunks: Buffer[] = [];
    let total = 0;
    let peeked = !peek;
    let settled = false;
    const stop = (error?: Error) => {
      if (settled) return;
      settled = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onError);
      req.off('aborted', onAborted);
      if (error) {
        req.pause();
        reject(error);
      } else {
        resolvePromise(concat(chunks, total));
      }
    };
    const checkPeek = (final: boolean) => {
      if (peeked || (!final && total < peekBytes)) return true;
      peeked = true;
      return peek!(concat(chunks, total).subarray(0, peekBytes));
    };
    const onData = (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > limit) return stop(new BodyTooLargeError());
      chunks.push(chunk);
      if (!checkPeek(false)) stop(new BodyTypeError());
    };
    const onEnd = () => {
      if (total > 0 && !checkPeek(true)) return stop(new BodyTypeError());
      stop();
    };
    const onError = () => stop(new BodyAbortedError());
    const onAborted = () => stop(new BodyAbortedError());
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onError);
    req.on('aborted', onAborted);
  });
}

function concat(chunks: Buffer[], total: number): Uint8Array {
  const out = Buffer.concat(chunks, total);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

/**
 * An early, cheap verdict on an upload from its first bytes: the declared type
 * must be on the clinic's allowlist and be what the bytes are. The backend repeats
 * the full check on the whole file; this only saves reading the rest of a bad one.
 */
export function uploadLooksAllowed(declaredContentType: string, allowedTypes: readonly string[]) {
  const declared = declaredContentType.split(';')[0]!.trim().toLowerCase();
  return (head: Uint8Array) => allowedTypes.includes(declared) && sniffContentType(head) === declared;
}

// ---------------------------------------------------------------- bytes on disk

const KEY = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Attachment bytes as files in a private folder (mode 0700, files 0600). The file
 * name is an HMAC of the attachment id under a per-folder secret: server-made,
 * unguessable, and never anything the patient sent. Writes are atomic (temp + rename).
 */
export class FileBlobStore implements BlobStore {
  readonly dir: string;
  readonly #secret: Buffer;

  constructor(dir: string) {
    this.dir = resolve(dir);
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.#secret = loadOrCreateSecret(join(this.dir, '.name-key'));
  }

  #path(key: string): string {
    if (!KEY.test(key)) throw new Error('Invalid blob key.');
    const name = createHmac('sha256', this.#secret).update(key).digest('hex');
    return join(this.dir, name.slice(0, 2), `${name.slice(2)}.bin`);
  }

  async put(key: string, bytes: Uint8Array) {
    const file = this.#path(key);
    mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
    const temp = `${file}.${randomBytes(8).toString('hex')}.tmp`;
    await writeFile(temp, bytes, { mode: 0o600, flag: 'wx' });
    await rename(temp, file);
  }

  async get(key: string) {
    try {
      const buffer = await readFile(this.#path(key));
      return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string) {
    await rm(this.#path(key), { force: true });
  }
}

function loadOrCreateSecret(file: string): Buffer {
  try {
    return readFileSyncStrict(file);
  } catch {
    const secret = randomBytes(32);
    try {
      writeFileSyncExclusive(file, secret);
      return secret;
    } catch {
      return readFileSyncStrict(file); // another process created it first
    }
  }
}

function readFileSyncStrict(file: string): Buffer {
  const secret = readFileSync(file);
  if (secret.byteLength !== 32) throw new Error('Corrupt attachment name key.');
  return secret;
}

function writeFileSyncExclusive(file: string, data: Buffer): void {
  writeFileSync(file, data, { mode: 0o600, flag: 'wx' });
}
