/**
 * The production `PortalClient`: HTTP + JSON against the contract in
 * `operations.ts`. This is the only module in `src` that touches the network
 * (`fetch`, and `XMLHttpRequest` for upload progress).
 *
 * It never loads zod: routes, limits and schemas come from
 * `validators.generated.ts` (generated from the zod contract) and are checked
 * by `validate.ts`, which agrees with zod on every schema of the contract.
 *
 * Treats the server as untrusted input:
 * - every response body is size-capped, JSON-parsed without `__proto__` /
 *   `constructor` / `prototype` keys, and validated with the operation's schema
 *   into a clean copy (unknown keys dropped);
 *   anything unexpected is a `contract` error and nothing partial is returned;
 * - redirects are refused, HTML is never parsed as data;
 * - every rejection is a `PortalError`; server text never reaches the message.
 *
 * Retries only what is safe to repeat (GET/PUT/DELETE and idempotency-keyed
 * creates) and only for transient failures (network, timeout, 5xx, 429 with a
 * short Retry-After), with full-jitter exponential backoff.
 *
 * Nothing identifying ever goes in a URL: path parameters are opaque `Id`s,
 * everything else travels in bodies or headers.
 */
import type * as z from 'zod/mini';
import type { CallOptions, CreateOptions, PortalClient, UploadOptions } from './client.js';
import { PortalError, errorTypeForProblem, errorTypeForStatus, toPortalError } from './errors.js';
import type { PortalErrorType } from './errors.js';
import type { OperationId, operations } from './operations.js';
import type { FieldError } from './schemas.js';
import { validate } from './validate.js';
import type { Issue } from './validate.js';
import { Id, LIMITS, Problem, routes } from './validators.generated.js';
import type { Route } from './validators.generated.js';

export interface FetchClientOptions {
  /** API root, absolute or relative to the page, e.g. `https://clinic.example/api/v1` or `/api/v1`. https only (http for loopback). */
  baseUrl: string;
  /** Replacement `fetch` (tests, instrumentation). Defaults to the global one, looked up per call. */
  fetch?: typeof fetch;
  /** Per-attempt timeout, including reading the body. Default 15 000 ms. */
  timeoutMs?: number;
  /** Automatic retries after the first attempt, for safe requests only. Default 2. */
  maxRetries?: number;
  /** Name of the CSRF header sent (value `1`) on every non-GET request. Default `X-Portal-CSRF`. */
  csrfHeader?: string;
  /** Source of randomness for backoff jitter, in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Waits between retries; must reject when `signal` aborts. Default a `setTimeout` sleep. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

// ---------------------------------------------------------------- limits and defaults

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_RETRIES = 2;
const DEFAULT_CSRF_HEADER = 'X-Portal-CSRF';
/** Largest JSON document accepted from the server. */
const JSON_LIMIT_BYTES = 5 * 1024 * 1024;
/** Largest problem+json (or ignored 2xx) body read; bigger ones are typed by status alone. */
const SMALL_LIMIT_BYTES = 64 * 1024;
/** Largest download accepted: the contract's attachment cap. */
const BINARY_LIMIT_BYTES = LIMITS.attachmentBytesMax;
/** Field errors reported for an invalid request (the contract's `Problem.fieldErrors` cap). */
const MAX_FIELD_ERRORS = 50;
/** Browsers cap keepalive bodies at 64 KiB (all in flight together); stay under it. */
const KEEPALIVE_LIMIT_BYTES = 60_000;
const BACKOFF_BASE_MS = 300;
const BACKOFF_CAP_MS = 10_000;
/** Retry-After (header) is clamped to this many seconds. */
const RETRY_AFTER_CLAMP_S = 300;
/** Longest Retry-After we wait out automatically; longer ones surface to the caller. */
const AUTO_RETRY_AFTER_MAX_S = 30;
/** Upload timeout grows by one second per this many bytes (a slow ~400 kbit/s uplink). */
const UPLOAD_BYTES_PER_SECOND = 50_000;
/** Download content types a widget may hand to the browser as-is; anything else becomes octet-stream. */
const SAFE_BLOB_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'text/plain',
]);

type Ops = typeof operations;
type ResponseOf<K extends OperationId> = Ops[K] extends { response: infer R extends z.ZodMiniType }
  ? z.output<R>
  : undefined;

interface CallArgs {
  params?: Record<string, string>;
  query?: unknown;
  body?: unknown;
  signal?: AbortSignal | undefined;
  idempotencyKey?: string | undefined;
  keepalive?: boolean | undefined;
}

/** What `interpret` needs from either a fetch `Response` or a finished XHR. */
interface Wire {
  status: number;
  redirected: boolean;
  header(name: string): string | null;
  readText(limit: number): Promise<string>;
  readBytes(limit: number): Promise<Blob>;
  discard(): void;
}

type ResultMode = 'json' | 'void' | 'binary';

// ---------------------------------------------------------------- public factory

export function createFetchClient(options: FetchClientOptions): PortalClient {
  const config = resolveConfig(options);

  async function call<K extends OperationId>(id: K, args: CallArgs = {}): Promise<ResponseOf<K>> {
    try {
      return (await execute(config, id, args)) as ResponseOf<K>;
    } catch (error) {
      throw toPortalError(error);
    }
  }

  const client: PortalClient = {
    getClinic: (o?: CallOptions) => call('getClinic', { signal: o?.signal }),
    getPolicy: (locale, o?: CallOptions) =>
      call('getPolicy', { query: locale === undefined ? {} : { locale }, signal: o?.signal }),
    getSession: (o?: CallOptions) => call('getSession', { signal: o?.signal }),
    signIn: (request, o?: CallOptions) => call('signIn', { body: request, signal: o?.signal }),
    signOut: async (o?: CallOptions) => {
      await call('signOut', { signal: o?.signal });
    },
    keepAlive: (o?: CallOptions) => call('keepAlive', { signal: o?.signal }),
    changePassword: (request, o?: CallOptions) => call('changePassword', { body: request, signal: o?.signal }),
    getConsent: (o?: CallOptions) => call('getConsent', { signal: o?.signal }),
    acceptConsent: (version, o?: CallOptions) => call('acceptConsent', { body: { version }, signal: o?.signal }),
    listThreads: (query, o?: CallOptions) => call('listThreads', { body: query ?? {}, signal: o?.signal }),
    getInboxStatus: (o?: CallOptions) => call('getInboxStatus', { signal: o?.signal }),
    getThread: (threadId, o?: CallOptions) => call('getThread', { params: { threadId }, signal: o?.signal }),
    createThread: (message, o: CreateOptions) =>
      call('createThread', { body: message, signal: o?.signal, idempotencyKey: o?.idempotencyKey }),
    reply: (threadId, reply, o: CreateOptions) =>
      call('reply', { params: { threadId }, body: reply, signal: o?.signal, idempotencyKey: o?.idempotencyKey }),
    markRead: (threadId, o?: CallOptions) => call('markRead', { params: { threadId }, signal: o?.signal }),
    listDrafts: async (o?: CallOptions) => (await call('listDrafts', { signal: o?.signal })).items,
    saveDraft: (draftId, draft, o?: CallOptions) =>
      call('saveDraft', { params: { draftId }, body: draft, signal: o?.signal, keepalive: o?.keepalive }),
    deleteDraft: async (draftId, o?: CallOptions) => {
      await call('deleteDraft', { params: { draftId }, signal: o?.signal });
    },
    uploadAttachment: async (file, filename, o: UploadOptions) => {
      try {
        return await upload(config, file, filename, o);
      } catch (error) {
        throw toPortalError(error);
      }
    },
    downloadAttachment: async (attachmentId, o?: CallOptions) =>
      (await call('downloadAttachment', { params: { attachmentId }, signal: o?.signal })) as unknown as Blob,
    getPreferences: (o?: CallOptions) => call('getPreferences', { signal: o?.signal }),
    updatePreferences: (update, o?: CallOptions) => call('updatePreferences', { body: update, signal: o?.signal }),
    changeEmail: (request, o?: CallOptions) => call('changeEmail', { body: request, signal: o?.signal }),
    verifyEmail: (request, o?: CallOptions) => call('verifyEmail', { body: request, signal: o?.signal }),
  };
  return client;
}

// ---------------------------------------------------------------- configuration

interface Config {
  /** Base URL without trailing slash, or the reason it is unusable. */
  base: string | PortalError;
  fetch: typeof fetch;
  timeoutMs: number;
  maxRetries: number;
  csrfHeader: string;
  random: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
}

function resolveConfig(options: FetchClientOptions): Config {
  const custom = options.fetch;
  return {
    base: resolveBase(options.baseUrl),
    // Looked up per call so a late polyfill or test double of the global works; always called unbound.
    fetch: custom ?? ((input, init) => globalThis.fetch(input, init)),
    timeoutMs: clampInt(options.timeoutMs, DEFAULT_TIMEOUT_MS, 1, 10 * 60_000),
    maxRetries: clampInt(options.maxRetries, DEFAULT_MAX_RETRIES, 0, 10),
    csrfHeader:
      typeof options.csrfHeader === 'string' && /^[A-Za-z0-9-]{1,64}$/.test(options.csrfHeader)
        ? options.csrfHeader
        : DEFAULT_CSRF_HEADER,
    random: typeof options.random === 'function' ? options.random : Math.random,
    sleep: typeof options.sleep === 'function' ? options.sleep : defaultSleep,
  };
}

function resolveBase(baseUrl: unknown): string | PortalError {
  const bad = (why: string) => new PortalError('misconfigured', `Invalid API base URL: ${why}.`);
  if (typeof baseUrl !== 'string' || baseUrl.trim() === '') return bad('empty');
  let url: URL;
  try {
    const page = (globalThis as { location?: { href?: string } }).location?.href;
    url = page === undefined ? new URL(baseUrl) : new URL(baseUrl, page);
  } catch {
    return bad('not a URL');
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return bad('https is required');
  if (url.username !== '' || url.password !== '') return bad('credentials in URL');
  if (url.search !== '' || url.hash !== '') return bad('query or fragment');
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function clampInt(value: unknown, fallback: number, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

// ---------------------------------------------------------------- request building

/** Methods that are idempotent by HTTP semantics (RFC 9110 §9.2.2). */
function isRetrySafe(spec: Route): boolean {
  return spec.method !== 'POST' || spec.idempotent === true || spec.safe === true;
}

function buildUrl(config: Config, spec: Route, args: CallArgs): string {
  if (config.base instanceof PortalError) throw config.base;
  const path = spec.path.replace(/\{([A-Za-z]+)\}/g, (_match, name: string) => {
    const value = args.params?.[name];
    if (!validate(Id, value).ok) {
      throw new PortalError('validation', `Invalid path parameter ${name}.`, {
        fieldErrors: [{ field: name, code: 'invalid' }],
      });
    }
    return encodeURIComponent(value as string);
  });
  let search = '';
  if (spec.query) {
    const parsed = validate(spec.query, args.query ?? {}, MAX_FIELD_ERRORS);
    if (!parsed.ok) throw requestValidationError(parsed.issues);
    const pairs: string[] = [];
    for (const [key, value] of Object.entries(parsed.value as Record<string, unknown>)) {
      if (value === undefined || value === null) continue;
      pairs.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`);
    }
    if (pairs.length > 0) search = `?${pairs.join('&')}`;
  }
  return config.base + path + search;
}

function buildHeaders(config: Config, spec: Route, args: CallArgs, mode: ResultMode): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: mode === 'binary' ? '*/*' : 'application/json, application/problem+json;q=0.9',
  };
  if (spec.method !== 'GET') headers[config.csrfHeader] = '1';
  if (spec.idempotent) headers['Idempotency-Key'] = idempotencyKey(args.idempotencyKey);
  return headers;
}

function idempotencyKey(key: unknown): string {
  if (key === undefined) return crypto.randomUUID();
  if (typeof key !== 'string' || !/^[A-Za-z0-9_.:-]{1,128}$/.test(key)) {
    throw new PortalError('misconfigured', 'Invalid idempotency key.');
  }
  return key;
}

/** Validation issues → field errors: paths and machine codes only, never the rejected value. */
function requestValidationError(issues: readonly Issue[]): PortalError {
  const fieldErrors: FieldError[] = issues.map((issue) => ({
    field: issue.path.map(String).join('.').slice(0, 100),
    code: issue.code,
  }));
  return new PortalError('validation', 'The request is not valid.', { fieldErrors });
}

// ---------------------------------------------------------------- execution and retries

async function execute(config: Config, id: OperationId, args: CallArgs): Promise<unknown> {
  const spec: Route = routes[id];
  const mode: ResultMode = spec.binary ? 'binary' : spec.response ? 'json' : 'void';
  const signal = args.signal;
  throwIfAborted(signal);
  const url = buildUrl(config, spec, args);
  const headers = buildHeaders(config, spec, args, mode);
  let body: string | undefined;
  if (spec.body) {
    const parsed = validate(spec.body, args.body, MAX_FIELD_ERRORS);
    if (!parsed.ok) throw requestValidationError(parsed.issues);
    body = JSON.stringify(parsed.value);
    headers['Content-Type'] = 'application/json';
  }
  return withRetries(config, isRetrySafe(spec), signal, async () => {
    const timeout = AbortSignal.timeout(config.timeoutMs);
    const combined = signal ? anySignal([signal, timeout]) : timeout;
    try {
      const response: unknown = await config.fetch(url, {
        method: spec.method,
        headers,
        body: body ?? null,
        signal: combined,
        credentials: 'include',
        redirect: 'manual',
        cache: 'no-store',
        mode: 'cors',
        keepalive: args.keepalive === true && (body?.length ?? 0) <= KEEPALIVE_LIMIT_BYTES,
      });
      return await interpret(fromResponse(response), spec, mode);
    } catch (error) {
      throw transportError(error, signal, timeout);
    }
  });
}

async function withRetries<T>(
  config: Config,
  retrySafe: boolean,
  signal: AbortSignal | undefined,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let n = 0; ; n++) {
    throwIfAborted(signal);
    try {
      return await attempt();
    } catch (raw) {
      const error = toPortalError(raw);
      const wait = retrySafe && n < config.maxRetries ? retryDelay(config, error, n) : undefined;
      if (wait === undefined || signal?.aborted) throw error;
      try {
        await config.sleep(wait, signal);
      } catch (sleepError) {
        throw signal?.aborted ? abortedError(sleepError) : toPortalError(sleepError);
      }
    }
  }
}

/** Milliseconds to wait before retrying, or undefined when this failure must not be retried. */
function retryDelay(config: Config, error: PortalError, attempt: number): number | undefined {
  const status = error.status;
  const transient =
    error.type === 'network' || error.type === 'timeout' || (status !== undefined && (status >= 500 || status === 429));
  if (!transient) return undefined;
  const retryAfter = error.retryAfterSeconds;
  if (retryAfter !== undefined && status !== undefined && (status === 429 || status === 503)) {
    return retryAfter > AUTO_RETRY_AFTER_MAX_S ? undefined : retryAfter * 1000;
  }
  const r = config.random();
  const jitter = Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
  return Math.floor(jitter * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt));
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortedError(signal.reason);
}

function abortedError(cause?: unknown): PortalError {
  return new PortalError('aborted', 'The request was cancelled.', { cause });
}

function transportError(error: unknown, caller: AbortSignal | undefined, timeout: AbortSignal): PortalError {
  if (error instanceof PortalError) return error;
  if (caller?.aborted) return abortedError(error);
  if (timeout.aborted) return new PortalError('timeout', 'The server took too long to answer.', { cause: error });
  return new PortalError('network', 'The server could not be reached.', { cause: error });
}

function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true, signal: controller.signal });
  }
  return controller.signal;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

// ---------------------------------------------------------------- response interpretation

function contract(why: string, cause?: unknown): PortalError {
  return new PortalError('contract', `Unexpected response from the server: ${why}.`, { cause });
}

function mediaType(value: string | null): string {
  return (value ?? '').split(';')[0]!.trim().toLowerCase();
}

async function interpret(wire: Wire, spec: Route, mode: ResultMode): Promise<unknown> {
  const status = wire.status;
  if (wire.redirected || (status >= 300 && status < 400) || status === 0) {
    wire.discard();
    throw contract('redirect refused');
  }
  if (status < 200 || status > 599) {
    wire.discard();
    throw contract(`status ${status}`);
  }
  const media = mediaType(wire.header('content-type'));
  if (status >= 400) throw await errorFromResponse(wire, status, media);

  if (mode === 'void') {
    if (status === 204 || status === 205) {
      wire.discard();
      return undefined;
    }
    const text = await wire.readText(SMALL_LIMIT_BYTES);
    if (text.trim() !== '' && media !== 'application/json') throw contract('unexpected body');
    return undefined;
  }
  if (mode === 'binary') {
    if (media === 'text/html' || media === 'application/problem+json' || media === 'application/json') {
      wire.discard();
      throw contract(`content type ${media}`);
    }
    // A blob: URL runs in the page's origin, so only inert types keep theirs (no HTML, SVG, XML, JS).
    const bytes = await wire.readBytes(BINARY_LIMIT_BYTES);
    return new Blob([bytes], { type: SAFE_BLOB_TYPES.has(media) ? media : 'application/octet-stream' });
  }
  if (media !== 'application/json') {
    wire.discard();
    throw contract(media === '' ? 'no content type' : `content type ${media}`);
  }
  const text = await wire.readText(JSON_LIMIT_BYTES);
  const parsed = validate(spec.response!, parseJson(text));
  // The cause carries where it failed, never the value (it may be PHI).
  if (!parsed.ok) throw contract('body does not match the schema', { path: parsed.path, code: parsed.code });
  return parsed.value;
}

async function errorFromResponse(wire: Wire, status: number, media: string): Promise<PortalError> {
  const headerRetryAfter = parseRetryAfter(wire.header('retry-after'));
  if (media === 'application/problem+json' || media === 'application/json') {
    try {
      const problem = validate(Problem, parseJson(await wire.readText(SMALL_LIMIT_BYTES)));
      if (problem.ok) {
        const p = problem.value;
        return new PortalError(errorTypeForProblem(p.code), `HTTP ${status} (${p.code}).`, {
          status,
          retryAfterSeconds: p.retryAfterSeconds ?? headerRetryAfter,
          fieldErrors: p.fieldErrors ?? [],
        });
      }
    } catch (error) {
      // Timeouts and aborts while reading still win; a bad body falls back to the status.
      if (!(error instanceof PortalError) || error.type !== 'contract') throw error;
    }
  } else {
    wire.discard();
  }
  const type: PortalErrorType = errorTypeForStatus(status);
  return new PortalError(type, `HTTP ${status}.`, { status, retryAfterSeconds: headerRetryAfter });
}

/** `Retry-After`: delta-seconds or an HTTP-date, clamped to 0..300 s; anything else is ignored. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const v = value.trim();
  if (v === '' || v.length > 64) return undefined;
  let seconds: number;
  if (/^\d+$/.test(v)) {
    seconds = Number(v);
  } else if (/^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/.test(v)) {
    const at = Date.parse(v);
    if (Number.isNaN(at)) return undefined;
    seconds = Math.ceil((at - now) / 1000);
  } else {
    return undefined;
  }
  return Math.min(RETRY_AFTER_CLAMP_S, Math.max(0, seconds));
}

const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

function parseJson(text: string): unknown {
  if (text.trim() === '') throw contract('empty body');
  try {
    return JSON.parse(text, (key, value: unknown) => (FORBIDDEN_KEYS.has(key) ? undefined : value));
  } catch (error) {
    throw contract('malformed JSON', error);
  }
}

// ---------------------------------------------------------------- fetch Response adapter

function fromResponse(value: unknown): Wire {
  if (typeof value !== 'object' || value === null) throw contract('not a response');
  const response = value as Response;
  if (typeof response.status !== 'number' || typeof response.headers?.get !== 'function') {
    throw contract('not a response');
  }
  // Manual redirect mode yields an opaque-redirect response with status 0.
  const redirected = response.type === 'opaqueredirect' || response.redirected === true;
  const discard = () => {
    try {
      response.body?.cancel().catch(() => undefined);
    } catch {
      // already consumed or locked
    }
  };
  const readChunks = async (limit: number): Promise<Uint8Array[]> => {
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > limit) {
      discard();
      throw contract('body too large');
    }
    const chunks: Uint8Array[] = [];
    if (!response.body) return chunks;
    const reader = response.body.getReader();
    let total = 0;
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      total += chunk.byteLength;
      if (total > limit) {
        reader.cancel().catch(() => undefined);
        throw contract('body too large');
      }
      chunks.push(chunk);
    }
    return chunks;
  };
  return {
    status: response.status,
    redirected,
    header: (name) => response.headers.get(name),
    discard,
    readText: async (limit) => {
      const chunks = await readChunks(limit);
      try {
        return new TextDecoder('utf-8', { fatal: true }).decode(await new Blob(chunks as BlobPart[]).arrayBuffer());
      } catch (error) {
        throw contract('body is not UTF-8', error);
      }
    },
    readBytes: async (limit) => new Blob((await readChunks(limit)) as BlobPart[]),
  };
}

// ---------------------------------------------------------------- upload (XHR for progress)

async function upload(
  config: Config,
  file: Blob,
  filename: string,
  options: UploadOptions,
): Promise<ResponseOf<'uploadAttachment'>> {
  const spec: Route = routes.uploadAttachment;
  const signal = options?.signal;
  throwIfAborted(signal);
  if (!(file instanceof Blob))
    throw new PortalError('validation', 'No file.', { fieldErrors: [{ field: 'file', code: 'required' }] });
  if (typeof filename !== 'string' || filename.length < 1 || filename.length > LIMITS.filenameMax) {
    throw new PortalError('validation', 'Invalid file name.', {
      fieldErrors: [{ field: 'filename', code: 'invalid' }],
    });
  }
  if (file.size > LIMITS.attachmentBytesMax) {
    throw new PortalError('payload-too-large', 'The file is too large.', {
      fieldErrors: [{ field: 'file', code: 'too-large' }],
    });
  }
  const url = buildUrl(config, spec, {});
  const headers = buildHeaders(config, spec, { idempotencyKey: options?.idempotencyKey }, 'json');
  const type = mediaType(file.type);
  headers['Content-Type'] = /^[a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+$/.test(type) ? type : 'application/octet-stream';
  headers['Portal-Filename'] = encodeURIComponent(filename);
  const timeoutMs = config.timeoutMs + Math.ceil((file.size / UPLOAD_BYTES_PER_SECOND) * 1000);
  const onProgress = typeof options?.onProgress === 'function' ? options.onProgress : undefined;
  const progress = (sent: number, total: number) => {
    try {
      onProgress?.(sent, total);
    } catch {
      // A throwing progress callback must not break the upload.
    }
  };

  return withRetries(config, true, signal, async () => {
    const wire = await xhrSend(url, headers, file, signal, timeoutMs, progress);
    return (await interpret(wire, spec, 'json')) as ResponseOf<'uploadAttachment'>;
  });
}

function xhrSend(
  url: string,
  headers: Record<string, string>,
  file: Blob,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  progress: (sent: number, total: number) => void,
): Promise<Wire> {
  return new Promise<Wire>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    let settled = false;
    const finish = (error: PortalError | undefined, wire?: Wire) => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      if (error) {
        try {
          xhr.abort();
        } catch {
          // ignore
        }
        reject(error);
      } else {
        resolve(wire!);
      }
    };
    const onAbort = () => finish(abortedError(signal?.reason));
    try {
      xhr.open('POST', url, true);
      xhr.withCredentials = true;
      xhr.timeout = timeoutMs;
      xhr.responseType = 'text';
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
    } catch (error) {
      reject(new PortalError('misconfigured', 'The upload could not be prepared.', { cause: error }));
      return;
    }
    xhr.upload.onprogress = (event) => {
      if (!settled) progress(event.loaded, event.lengthComputable ? event.total : file.size);
    };
    xhr.onreadystatechange = () => {
      if (xhr.readyState !== XMLHttpRequest.HEADERS_RECEIVED) return;
      const declared = Number(xhr.getResponseHeader('content-length'));
      if (Number.isFinite(declared) && declared > JSON_LIMIT_BYTES) finish(contract('body too large'));
    };
    xhr.onprogress = (event) => {
      if (event.loaded > JSON_LIMIT_BYTES) finish(contract('body too large'));
    };
    xhr.onerror = () => finish(new PortalError('network', 'The server could not be reached.'));
    xhr.ontimeout = () => finish(new PortalError('timeout', 'The server took too long to answer.'));
    xhr.onabort = () =>
      finish(signal?.aborted ? abortedError(signal.reason) : new PortalError('network', 'The upload stopped.'));
    xhr.onload = () => {
      if (xhr.status === 0) {
        finish(new PortalError('network', 'The server could not be reached.'));
        return;
      }
      progress(file.size, file.size);
      const text = typeof xhr.responseText === 'string' ? xhr.responseText : '';
      finish(undefined, {
        status: xhr.status,
        // XHR always follows redirects; a different final URL means one happened.
        redirected: xhr.responseURL !== '' && xhr.responseURL !== url,
        header: (name) => xhr.getResponseHeader(name),
        discard: () => undefined,
        readText: async (limit) => {
          if (new Blob([text]).size > limit) throw contract('body too large');
          return text;
        },
        readBytes: async () => {
          throw contract('binary upload response');
        },
      });
    };
    if (signal?.aborted) {
      onAbort();
      return;
    }
    signal?.addEventListener('abort', onAbort, { once: true });
    xhr.send(file);
  });
}
