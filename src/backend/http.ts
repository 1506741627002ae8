/**
 * The HTTP face of the backend, independent of any server or runtime: a request
 * goes in as plain data, a response comes out as plain data. The msw mock
 * adapts `Request`/`Response` to it; the reference server adapts `node:http`.
 *
 * What this layer owns (and the service does not):
 * - routing through the `operations` table, path parameters, query parsing;
 * - request validation with the operation's schemas (unknown JSON fields are
 *   stripped; malformed JSON and schema violations answer 400 `validation`);
 * - the CSRF rule: every non-GET request must carry `X-Portal-CSRF` (a custom
 *   header cannot be sent cross-site without a CORS preflight the server refuses);
 * - the session cookie: read from `portal_session` / `__Host-portal_session`, set
 *   on sign-in and password change, cleared on sign-out and on dead sessions;
 * - RFC 9457 problem+json for every failure, with a fixed English title per code.
 *   Problems never echo input, stack traces or data: only code, status,
 *   `retryAfterSeconds` and `fieldErrors` (schema paths and reason codes);
 * - response validation: every JSON response is parsed with the operation's
 *   response schema, and what is sent is the *parsed* value (unknown keys
 *   stripped, so an internal field can never leak). A response that violates the
 *   contract throws `ContractViolationError` (dev/test) or becomes a 500.
 *
 * Status codes: 200, 201 (createThread, reply, uploadAttachment), 204 (signOut,
 * deleteDraft), and per problem code `PROBLEM_STATUS`. `locked-out` is **429**
 * (with `Retry-After`), like `rate-limited`: it is widely understood by clients
 * and proxies, unlike WebDAV's 423, and the `code` tells the two apart.
 * Unknown routes and unsupported methods answer 404 `not-found`.
 */
import type * as z from 'zod/mini';
import { operations, type OperationId, type OperationSpec } from '../api/operations.js';
import { Id, LIMITS, type FieldError, type Problem, type ProblemCode } from '../api/schemas.js';
import {
  BackendError,
  isBackendError,
  type AuthContext,
  type PortalBackend,
  type SessionGrant,
  type Upload,
} from './service.js';

// ================================================================ public types

export interface HttpRequest {
  method: string;
  /** Path and query relative to the API base, e.g. `/threads?limit=20`. */
  url: string;
  /** Header names in any case. */
  headers: Record<string, string>;
  /**
   * The body as received: bytes (preferred: malformed JSON is then reported as such),
   * a string, or a value the adapter already parsed from JSON. Absent when empty.
   */
  body?: unknown;
  /** The request's `Origin`, if the adapter knows it better than the header does. */
  origin?: string;
  /** The client's address (or another stable client key) for the sign-in throttle. */
  clientKey?: string;
}

export interface HttpResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** `undefined` (no content), `Uint8Array` (a download), or a JSON value to serialise. */
  body?: unknown;
}

export interface CookieOptions {
  /** Default `portal_session`; use `__Host-portal_session` on HTTPS deployments (forces Secure, Path=/, no Domain). */
  name?: string;
  path?: string;
  domain?: string;
  /** Default true. Browsers accept Secure cookies on http://localhost. */
  secure?: boolean;
  /** Default true. */
  httpOnly?: boolean;
  /** Default `Strict`. */
  sameSite?: 'Strict' | 'Lax' | 'None';
}

export interface HttpOptions {
  cookie?: CookieOptions;
  /**
   * True (default) throws `ContractViolationError` when our own response violates the
   * contract: right for dev and tests. False answers 500 and reports through `onError`.
   */
  strictResponses?: boolean;
  /** If set, non-GET requests whose Origin is present and not listed are rejected (defence in depth). */
  allowedOrigins?: readonly string[];
  /** Largest JSON body accepted, in bytes. Default 256 KiB. */
  maxJsonBytes?: number;
  /** Unexpected errors (they answer a bare 500). */
  onError?: (error: unknown, context: string) => void;
}

/** Our own response broke the contract: a bug to fix, never something to show a patient. */
export class ContractViolationError extends Error {
  override readonly name = 'ContractViolationError';
  constructor(
    readonly operationId: OperationId,
    readonly issues: readonly FieldError[],
  ) {
    super(
      `Response of ${operationId} violates the contract: ${issues.map((i) => `${i.field || '(root)'} ${i.code}`).join(', ')}`,
    );
  }
}

export const PROBLEM_BASE = 'https://portal-widgets.dev/problems/';
export const CSRF_HEADER = 'x-portal-csrf';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const FILENAME_HEADER = 'portal-filename';
export const SESSION_COOKIE = 'portal_session';
export const HOST_SESSION_COOKIE = '__Host-portal_session';

export const PROBLEM_STATUS: Readonly<Record<ProblemCode, number>> = {
  'invalid-credentials': 401,
  'locked-out': 429,
  'password-change-required': 403,
  'password-rejected': 422,
  'consent-required': 403,
  'messaging-revoked': 403,
  'rate-limited': 429,
  'session-expired': 401,
  unauthorized: 401,
  'csrf-rejected': 403,
  forbidden: 403,
  'not-found': 404,
  validation: 400,
  conflict: 409,
  'idempotency-mismatch': 422,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  server: 500,
};

const PROBLEM_TITLE: Readonly<Record<ProblemCode, string>> = {
  'invalid-credentials': 'The patient ID or password is not correct.',
  'locked-out': 'Too many failed sign-in attempts. Try again later.',
  'password-change-required': 'A new password must be chosen first.',
  'password-rejected': 'The new password does not meet the password rules.',
  'consent-required': 'The messaging policy must be accepted first.',
  'messaging-revoked': 'Messaging has been turned off for this account by the clinic.',
  'rate-limited': 'Too many requests. Try again later.',
  'session-expired': 'The session has expired.',
  unauthorized: 'Sign-in is required.',
  'csrf-rejected': 'The request was rejected for security reasons.',
  forbidden: 'This is not allowed.',
  'not-found': 'Not found.',
  validation: 'The request is not valid.',
  conflict: 'The request conflicts with the current state.',
  'idempotency-mismatch': 'This idempotency key was already used for a different request.',
  'payload-too-large': 'The upload is too large.',
  'unsupported-media-type': 'This type of content is not accepted.',
  server: 'Something went wrong on our side.',
};

// ================================================================ routing

interface Route {
  operationId: OperationId;
  spec: OperationSpec;
  pattern: RegExp;
  paramNames: string[];
}

const ROUTES: Route[] = (Object.entries(operations) as Array<[OperationId, OperationSpec]>).map(
  ([operationId, spec]) => {
    const paramNames: string[] = [];
    const source = spec.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_match, name: string) => {
      paramNames.push(name);
      return '([^/]+)';
    });
    return { operationId, spec, pattern: new RegExp(`^${source}$`), paramNames };
  },
);

/** The operation a method and path (relative to the API base, no query) address, with its path parameters. */
export function matchRoute(
  method: string,
  path: string,
): { operationId: OperationId; spec: OperationSpec; params: Record<string, string> } | null {
  const m = method.toUpperCase();
  const normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
  for (const route of ROUTES) {
    if (route.spec.method !== m) continue;
    const match = route.pattern.exec(normalized);
    if (!match) continue;
    const params: Record<string, string> = {};
    let ok = true;
    route.paramNames.forEach((name, i) => {
      let value: string;
      try {
        value = decodeURIComponent(match[i + 1]!);
      } catch {
        ok = false;
        return;
      }
      if (!Id.safeParse(value).success) ok = false; // not an id: nothing can live there
      params[name] = value;
    });
    return ok ? { operationId: route.operationId, spec: route.spec, params } : null;
  }
  return null;
}

// ================================================================ per-operation invocation

type Spec<K extends OperationId> = (typeof operations)[K];
type BodyOf<K extends OperationId> = Spec<K> extends { body: infer S extends z.ZodMiniType } ? z.infer<S> : undefined;
type QueryOf<K extends OperationId> = Spec<K> extends { query: infer S extends z.ZodMiniType } ? z.infer<S> : undefined;

interface Invocation<K extends OperationId> {
  ctx: AuthContext;
  params: Record<string, string>;
  query: QueryOf<K>;
  body: BodyOf<K>;
  idempotencyKey: string;
  upload: Upload | undefined;
}

interface Outcome {
  body?: unknown;
  download?: { bytes: Uint8Array; contentType: string; filename: string };
  grant?: SessionGrant;
  clearSession?: boolean;
}

const p = (i: { params: Record<string, string> }, name: string) => i.params[name]!;

/** One entry per operation: the compiler insists the table is complete. */
const INVOKE: { [K in OperationId]: (b: PortalBackend, i: Invocation<K>) => Promise<Outcome> } = {
  getClinic: async (b) => ({ body: await b.getClinic() }),
  getPolicy: async (b, i) => ({ body: await b.getPolicy(i.query.locale) }),
  getSession: async (b, i) => {
    const session = await b.getSession(i.ctx);
    return { body: session, clearSession: !session.authenticated && Boolean(i.ctx.sessionToken) };
  },
  signIn: async (b, i) => {
    const grant = await b.signIn(i.ctx, i.body);
    return { body: grant.session, grant };
  },
  signOut: async (b, i) => {
    await b.signOut(i.ctx);
    return { clearSession: true };
  },
  keepAlive: async (b, i) => ({ body: await b.keepAlive(i.ctx) }),
  changePassword: async (b, i) => {
    const grant = await b.changePassword(i.ctx, i.body);
    return { body: grant.session, grant };
  },
  getConsent: async (b, i) => ({ body: await b.getConsent(i.ctx) }),
  acceptConsent: async (b, i) => ({ body: await b.acceptConsent(i.ctx, i.body) }),
  listThreads: async (b, i) => ({ body: await b.listThreads(i.ctx, i.body) }),
  getInboxStatus: async (b, i) => ({ body: await b.getInboxStatus(i.ctx) }),
  getThread: async (b, i) => ({ body: await b.getThread(i.ctx, p(i, 'threadId')) }),
  createThread: async (b, i) => ({ body: await b.createThread(i.ctx, i.body, i.idempotencyKey) }),
  reply: async (b, i) => ({ body: await b.reply(i.ctx, p(i, 'threadId'), i.body, i.idempotencyKey) }),
  markRead: async (b, i) => ({ body: await b.markRead(i.ctx, p(i, 'threadId')) }),
  listDrafts: async (b, i) => ({ body: await b.listDrafts(i.ctx) }),
  saveDraft: async (b, i) => ({ body: await b.saveDraft(i.ctx, p(i, 'draftId'), i.body) }),
  deleteDraft: async (b, i) => {
    await b.deleteDraft(i.ctx, p(i, 'draftId'));
    return {};
  },
  uploadAttachment: async (b, i) => ({ body: await b.uploadAttachment(i.ctx, i.upload!, i.idempotencyKey) }),
  downloadAttachment: async (b, i) => {
    const { meta, bytes } = await b.downloadAttachment(i.ctx, p(i, 'attachmentId'));
    return { download: { bytes, contentType: meta.contentType, filename: meta.filename } };
  },
  getPreferences: async (b, i) => ({ body: await b.getPreferences(i.ctx) }),
  updatePreferences: async (b, i) => ({ body: await b.updatePreferences(i.ctx, i.body) }),
  changeEmail: async (b, i) => ({ body: await b.changeEmail(i.ctx, i.body) }),
  verifyEmail: async (b, i) => ({ body: await b.verifyEmail(i.ctx, i.body) }),
};

const CREATED: ReadonlySet<OperationId> = new Set<OperationId>(['createThread', 'reply', 'uploadAttachment']);

// ================================================================ the handler

/** Handle one API request. Never throws, except `ContractViolationError` with `strictResponses`. */
export async function handleRequest(
  backend: PortalBackend,
  request: HttpRequest,
  options: HttpOptions = {},
): Promise<HttpResponse> {
  const headers = lowerCaseKeys(request.headers);
  const cookie = cookieSettings(options.cookie);
  const sessionToken = readSessionToken(headers['cookie'], cookie.name);
  let url: URL;
  try {
    url = new URL(request.url, 'http://api.invalid');
  } catch {
    return problem('not-found');
  }
  const route = matchRoute(request.method, url.pathname);
  if (!route) return problem('not-found');
  const { operationId, spec, params } = route;

  try {
    if (spec.method !== 'GET') {
      if (!headers[CSRF_HEADER]?.trim()) throw new BackendError('csrf-rejected');
      const origin = request.origin ?? headers['origin'];
      if (options.allowedOrigins && origin && !options.allowedOrigins.includes(origin)) {
        throw new BackendError('csrf-rejected');
      }
    }
    // Nothing is parsed for a caller who cannot be signed in.
    if (spec.auth !== 'none' && !sessionToken) throw new BackendError('unauthorized');

    const query = spec.query ? parseWith(spec.query, queryObject(spec.query, url.searchParams)) : undefined;
    let body: unknown;
    let upload: Upload | undefined;
    if (spec.body) {
      // No body at all reads as `{}`, so a missing field is reported as that field being required.
      const json = parseJsonBody(request.body, headers, options.maxJsonBytes ?? 256 * 1024);
      const input = json === undefined ? {} : json;
      body = parseWith(spec.body, input);
      rejectUnknownFields(input, body);
    }
    if (spec.rawBody) upload = readUpload(request.body, headers);
    let idempotencyKey = '';
    if (spec.idempotent) {
      idempotencyKey = headers[IDEMPOTENCY_HEADER] ?? '';
      if (!idempotencyKey) {
        throw new BackendError('validation', { fieldErrors: [{ field: 'Idempotency-Key', code: 'required' }] });
      }
    }

    const ctx: AuthContext = { sessionToken, clientKey: request.clientKey ?? null };
    const invoke = INVOKE[operationId] as (b: PortalBackend, i: Invocation<OperationId>) => Promise<Outcome>;
    const outcome = await invoke(backend, {
      ctx,
      params,
      query,
      body,
      idempotencyKey,
      upload,
    } as Invocation<OperationId>);
    return respond(operationId, spec, outcome, cookie, options, backend.clock());
  } catch (error) {
    if (error instanceof ContractViolationError) throw error;
    if (isBackendError(error)) {
      const response = problem(error.code, error);
      // A session the server no longer knows should not linger in the browser either.
      if (sessionToken && (error.code === 'unauthorized' || error.code === 'session-expired')) {
        response.headers['set-cookie'] = clearCookie(cookie);
      }
      return response;
    }
    options.onError?.(error, operationId);
    return problem('server');
  }
}

/** A problem+json response for `code`. Only code-derived text: nothing from the request. */
export function problem(
  code: ProblemCode,
  init: { retryAfterSeconds?: number | undefined; fieldErrors?: FieldError[] | undefined } = {},
): HttpResponse {
  const status = PROBLEM_STATUS[code];
  const body: Problem = { type: `${PROBLEM_BASE}${code}`, title: PROBLEM_TITLE[code], status, code };
  const headers: Record<string, string> = { ...BASE_HEADERS, 'content-type': 'application/problem+json' };
  if (init.retryAfterSeconds !== undefined) {
    body.retryAfterSeconds = Math.min(86_400, Math.max(0, Math.ceil(init.retryAfterSeconds)));
    headers['retry-after'] = String(body.retryAfterSeconds);
  }
  if (init.fieldErrors?.length) body.fieldErrors = init.fieldErrors.slice(0, 50);
  return { status, headers, body };
}

/** The bytes to send for a response (JSON serialised), or null for no content. */
export function encodeBody(response: HttpResponse): Uint8Array | null {
  if (response.body === undefined) return null;
  if (response.body instanceof Uint8Array) return response.body;
  return new TextEncoder().encode(JSON.stringify(response.body));
}

// ================================================================ internals

const BASE_HEADERS: Readonly<Record<string, string>> = {
  // Everything here is personal health information or depends on who asks.
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

function respond(
  operationId: OperationId,
  spec: OperationSpec,
  outcome: Outcome,
  cookie: ResolvedCookie,
  options: HttpOptions,
  now: Date,
): HttpResponse {
  const headers: Record<string, string> = { ...BASE_HEADERS };
  if (outcome.grant) {
    const maxAge = Math.max(
      0,
      Math.floor((Date.parse(outcome.grant.session.absoluteExpiresAt) - now.getTime()) / 1000),
    );
    headers['set-cookie'] = serializeCookie(cookie, outcome.grant.token, maxAge);
  } else if (outcome.clearSession) {
    headers['set-cookie'] = clearCookie(cookie);
  }

  if (outcome.download) {
    const { bytes, contentType, filename } = outcome.download;
    Object.assign(headers, {
      'content-type': contentType,
      'content-length': String(bytes.byteLength),
      'content-disposition': contentDisposition(filename),
      // If someone opens the URL directly, nothing in the file may run.
      'content-security-policy': "default-src 'none'; sandbox",
    });
    return { status: 200, headers, body: bytes };
  }
  if (!spec.response) return { status: 204, headers };

  const parsed = spec.response.safeParse(outcome.body);
  if (!parsed.success) {
    const violation = new ContractViolationError(operationId, toFieldErrors(parsed.error.issues, outcome.body));
    if (options.strictResponses ?? true) throw violation;
    options.onError?.(violation, operationId);
    return problem('server');
  }
  headers['content-type'] = 'application/json; charset=utf-8';
  return { status: CREATED.has(operationId) ? 201 : 200, headers, body: parsed.data };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [k, v] of Object.entries(headers)) if (typeof v === 'string') out[k.toLowerCase()] = v;
  return out;
}

function parseWith(schema: z.ZodMiniType, input: unknown): unknown {
  const result = schema.safeParse(input);
  if (!result.success) throw new BackendError('validation', { fieldErrors: toFieldErrors(result.error.issues, input) });
  return result.data;
}

/**
 * A field the contract does not know is a client bug (or a probe): answer 400
 * naming it, rather than silently dropping it, so integrators find typos fast.
 * Compares what was sent with what the schema kept (zod strips unknown keys).
 */
function rejectUnknownFields(sent: unknown, kept: unknown): void {
  const unknown: FieldError[] = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    if (unknown.length >= 20) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      a.forEach((item, i) => walk(item, b[i], `${path}${path ? '.' : ''}${i}`));
      return;
    }
    if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return;
    for (const key of Object.keys(a)) {
      const field = `${path}${path ? '.' : ''}${key}`;
      if (!Object.prototype.hasOwnProperty.call(b, key)) unknown.push({ field: field.slice(0, 100), code: 'unknown-field' });
      else walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], field);
    }
  };
  walk(sent, kept, '');
  if (unknown.length) throw new BackendError('validation', { fieldErrors: unknown });
}

interface Issue {
  code: string;
  path: PropertyKey[];
  origin?: string;
  format?: string;
  minimum?: number | bigint;
}

/** Zod issues as `FieldError`s: schema paths and reason codes only, never the offending values. */
function toFieldErrors(issues: readonly Issue[], input: unknown): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of issues) {
    const field = issue.path.length === 0 ? 'body' : issue.path.map(safeSegment).join('.').slice(0, 100);
    const code = reasonCode(issue, valueAt(input, issue.path));
    const key = `${field}\u0000${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, code });
    if (out.length === 50) break;
  }
  return out;
}

/** A path segment is echoed only if it could be one of *our* names; anything else is masked. */
function safeSegment(segment: PropertyKey): string {
  if (typeof segment === 'number') return String(segment);
  return typeof segment === 'string' && /^[A-Za-z][A-Za-z0-9-]{0,39}$/.test(segment) ? segment : '*';
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let v: unknown = input;
  for (const seg of path) {
    if (v === null || typeof v !== 'object' || !Object.hasOwn(v, seg)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return v;
}

function reasonCode(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined ? 'required' : 'invalid-type';
    case 'too_big':
      return issue.origin === 'string' || issue.origin === 'array' ? 'too-long' : 'too-large';
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array')
        return Number(issue.minimum) === 1 ? 'required' : 'too-short';
      return 'too-small';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid-email' : 'invalid-format';
    case 'invalid_value':
      return 'invalid-option';
    case 'invalid_key':
      return 'invalid-key';
    default:
      return 'invalid';
  }
}

/** Unwrap optional/nullable/default to see what a query parameter should become. */
function baseType(schema: unknown): string | undefined {
  let def = (schema as { _zod?: { def?: { type?: string; innerType?: unknown } } })?._zod?.def;
  while (def && (def.type === 'optional' || def.type === 'nullable' || def.type === 'default')) {
    def = (def.innerType as { _zod?: { def?: { type?: string; innerType?: unknown } } })?._zod?.def;
  }
  return def?.type;
}

/** Query strings carry text only: turn the parameters the schema knows into the types it expects. */
function queryObject(schema: z.ZodMiniType, search: URLSearchParams): Record<string, unknown> {
  const shape = (schema as unknown as { _zod: { def: { shape?: Record<string, unknown> } } })._zod.def.shape ?? {};
  const out: Record<string, unknown> = {};
  for (const [name, fieldSchema] of Object.entries(shape)) {
    const raw = search.get(name); // the first of repeated parameters; unknown parameters are ignored
    if (raw === null) continue;
    out[name] = baseType(fieldSchema) === 'number' && /^-?\d{1,15}$/.test(raw) ? Number(raw) : raw;
  }
  return out;
}

function isJsonContentType(value: string | undefined): boolean {
  const type = value?.split(';')[0]?.trim().toLowerCase() ?? '';
  return type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type);
}

function parseJsonBody(body: unknown, headers: Record<string, string>, maxBytes: number): unknown {
  let text: string;
  if (body instanceof ArrayBuffer) body = new Uint8Array(body);
  if (body instanceof Uint8Array) {
    if (body.byteLength === 0) return undefined;
    if (body.byteLength > maxBytes) throw new BackendError('payload-too-large');
    if (!isJsonContentType(headers['content-type'])) throw new BackendError('unsupported-media-type');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch {
      throw new BackendError('validation', { fieldErrors: [{ field: 'body', code: 'malformed' }] });
    }
  } else if (typeof body === 'string') {
    if (body === '') return undefined;
    if (body.length > maxBytes) throw new BackendError('payload-too-large');
    if (!isJsonContentType(headers['content-type'])) throw new BackendError('unsupported-media-type');
    text = body;
  } else {
    return body; // already parsed by the adapter (or absent)
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new BackendError('validation', { fieldErrors: [{ field: 'body', code: 'malformed' }] });
  }
}

function readUpload(body: unknown, headers: Record<string, string>): Upload {
  const bytes =
    body instanceof Uint8Array ? body : body instanceof ArrayBuffer ? new Uint8Array(body) : new Uint8Array(0);
  const contentType = headers['content-type'] ?? '';
  if (!contentType) throw new BackendError('unsupported-media-type');
  const encoded = headers[FILENAME_HEADER];
  if (!encoded) throw new BackendError('validation', { fieldErrors: [{ field: 'Portal-Filename', code: 'required' }] });
  let filename: string;
  try {
    filename = decodeURIComponent(encoded);
  } catch {
    throw new BackendError('validation', { fieldErrors: [{ field: 'Portal-Filename', code: 'invalid' }] });
  }
  if (filename.length > LIMITS.filenameMax * 4) {
    throw new BackendError('validation', { fieldErrors: [{ field: 'Portal-Filename', code: 'too-long' }] });
  }
  return { bytes, contentType, filename };
}

/** RFC 6266: an ASCII fallback plus the exact UTF-8 name. */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

// ---------------------------------------------------------------- cookies

type ResolvedCookie = Required<Omit<CookieOptions, 'domain'>> & { domain?: string };

function cookieSettings(options: CookieOptions = {}): ResolvedCookie {
  const name = options.name ?? SESSION_COOKIE;
  // The __Host- prefix is only honoured with Secure, Path=/ and no Domain.
  if (name.startsWith('__Host-')) {
    return {
      name,
      path: '/',
      secure: true,
      httpOnly: options.httpOnly ?? true,
      sameSite: options.sameSite ?? 'Strict',
    };
  }
  return {
    name,
    path: options.path ?? '/',
    secure: options.secure ?? true,
    httpOnly: options.httpOnly ?? true,
    sameSite: options.sameSite ?? 'Strict',
    ...(options.domain !== undefined && { domain: options.domain }),
  };
}

function readSessionToken(header: string | undefined, preferredName: string): string | null {
  if (!header) return null;
  const jar = new Map<string, string>();
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!jar.has(name)) jar.set(name, part.slice(eq + 1).trim());
  }
  for (const name of [preferredName, HOST_SESSION_COOKIE, SESSION_COOKIE]) {
    const value = jar.get(name);
    if (value) return value;
  }
  return null;
}

function serializeCookie(c: ResolvedCookie, value: string, maxAgeSeconds: number): string {
  const parts = [`${c.name}=${value}`, `Path=${c.path}`, `Max-Age=${maxAgeSeconds}`];
  if (c.domain) parts.push(`Domain=${c.domain}`);
  if (c.secure) parts.push('Secure');
  if (c.httpOnly) parts.push('HttpOnly');
  parts.push(`SameSite=${c.sameSite}`);
  return parts.join('; ');
}

function clearCookie(c: ResolvedCookie): string {
  return serializeCookie(c, '', 0);
}
