/**
 * The node:http adapter around the transport-agnostic `handleRequest`
 * (`src/backend/http.ts`), plus what only a real server on a network has to do:
 *
 * - request bodies are read with a hard byte limit while streaming (JSON: 256 KiB;
 *   uploads: the clinic's attachment limit), never trusting `Content-Length`;
 *   an upload is refused from its first bytes when they are not an allowed type,
 *   and only a signed-in caller gets to send one at all;
 * - a rejected body is never buffered: the answer goes out at once, and what the
 *   client still sends is discarded for at most two seconds before the
 *   connection is cut (lingering close: the client gets to read our answer);
 * - CORS only for the configured site origins (exact match, with credentials,
 *   never `*`), and an Origin allowlist for every state-changing request, on top
 *   of the custom CSRF header that `handleRequest` requires;
 * - the session cookie: `portal_session` (HttpOnly, SameSite=Lax) over http,
 *   `__Host-portal_session` (+ Secure) over https; SameSite=None (+ Partitioned)
 *   for cross-site embeds. Only that one cookie is passed on, so a sibling
 *   subdomain cannot plant a differently named one;
 * - security headers on everything, problem+json for every failure, and no
 *   stack trace or internal message ever in a response;
 * - the staff API (bearer token) the CLI uses while the server owns the database,
 *   a health check, and the demo clinic site.
 */
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { LIMITS } from '../src/api/schemas.js';
import {
  CSRF_HEADER,
  HOST_SESSION_COOKIE,
  SESSION_COOKIE,
  encodeBody,
  handleRequest,
  matchRoute,
  problem,
  type CookieOptions,
  type HttpResponse,
} from '../src/backend/http.js';
import type { PortalBackend } from '../src/backend/service.js';
import { BodyAbortedError, BodyTooLargeError, BodyTypeError, readBody, uploadLooksAllowed } from './attachments.js';

export interface ServerConfig {
  /** Where the API is mounted. Default `/api/v1`. */
  apiBase: string;
  /**
   * The public URL of this server (`https://portal.clinic.example`), if known. Its
   * scheme decides the cookie (https → `__Host-` + Secure) and its origin is allowed.
   */
  publicUrl?: string | undefined;
  /** Site origins allowed to call the API cross-origin (CORS with credentials) and to POST. */
  allowedOrigins: readonly string[];
  /** `Lax` (default) or `None` for a site on another registrable domain (needs https). */
  cookieSameSite: 'Lax' | 'Strict' | 'None';
  /** Force Secure cookies over plain http (browsers accept them on http://localhost). */
  cookieSecure?: boolean | undefined;
  /** Behind a reverse proxy: trust `X-Forwarded-For` / `X-Forwarded-Proto`. */
  trustProxy: boolean;
  /** Answer the API (false: a site-only server for the cross-origin demo). Default true. */
  serveApi: boolean;
  /** Serve the demo clinic site (pages, /dist/, /demo/) from the same origin. */
  serveDemo: boolean;
  /** API base the demo pages point at, when it is not this server (cross-origin demo). */
  demoApiBase?: string | undefined;
  /** Bearer token for `/staff/v1/*`; the staff API is off without one. */
  staffToken?: string | undefined;
  /** Throw on our own contract violations (tests) instead of answering 500. */
  strictResponses: boolean;
  /** Largest JSON body, bytes. */
  maxJsonBytes: number;
  /** Uploads buffered at once; more get 429 `rate-limited`. */
  maxConcurrentUploads: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
  apiBase: '/api/v1',
  allowedOrigins: [],
  cookieSameSite: 'Lax',
  trustProxy: false,
  serveApi: true,
  serveDemo: false,
  strictResponses: false,
  maxJsonBytes: 256 * 1024,
  maxConcurrentUploads: 4,
};

export type StaffHandler = (command: string, args: Record<string, unknown>) => Promise<unknown>;

export interface PortalServerDeps {
  backend: PortalBackend;
  config?: Partial<ServerConfig>;
  /** Runs a staff command (see staff.ts); required for the staff API. */
  staff?: StaffHandler;
  /** Database liveness for `/healthz`. */
  healthCheck?: () => Promise<void>;
  /** Server-side failures (logged with details; the client sees a bare 500). */
  onError?: (error: unknown, context: string) => void;
  /** One line per request (method, operation, status, ms) — never URLs' ids, bodies or cookies. */
  onRequest?: (entry: { method: string; route: string; status: number; ms: number }) => void;
}

const CORS_ALLOW_HEADERS = 'Content-Type, X-Portal-CSRF, Idempotency-Key, Portal-Filename';
const CORS_EXPOSE_HEADERS = 'Retry-After, Content-Disposition, Content-Length';
const CORS_METHODS = 'GET, POST, PUT, DELETE';
/** How long a connection whose request body we refused may drain (discarded) before it is cut. */
const LINGER_MS = 2000;

const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
};

/** Normalise an origin from configuration (`https://Site.example:443/` → `https://site.example`). */
export function normalizeOrigin(value: string): string {
  const url = new URL(value);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`Not a web origin: ${value}`);
  return url.origin;
}

export function createPortalServer(deps: PortalServerDeps): Server {
  const config: ServerConfig = { ...DEFAULT_CONFIG, ...deps.config };
  const apiBase = config.apiBase.replace(/\/+$/, '');
  const httpsPublic = config.publicUrl ? new URL(config.publicUrl).protocol === 'https:' : false;
  const publicOrigin = config.publicUrl ? normalizeOrigin(config.publicUrl) : undefined;
  const corsOrigins = new Set(config.allowedOrigins.map(normalizeOrigin));
  const onError = deps.onError ?? (() => undefined);
  const staffToken = config.staffToken ? Buffer.from(config.staffToken) : undefined;
  let uploadsInFlight = 0;

  const secure = config.cookieSecure ?? httpsPublic;
  if (config.cookieSameSite === 'None' && !secure) {
    throw new Error('COOKIE_SAMESITE=None needs Secure cookies: serve over https (PORTAL_PUBLIC_URL=https://…) or set COOKIE_SECURE=1.');
  }
  const cookie: CookieOptions = secure
    ? { name: HOST_SESSION_COOKIE, secure: true, httpOnly: true, sameSite: config.cookieSameSite, path: '/' }
    : { name: SESSION_COOKIE, secure: false, httpOnly: true, sameSite: config.cookieSameSite, path: '/' };
  // Cross-site cookies must be partitioned (CHIPS) to survive third-party-cookie blocking.
  const partitioned = config.cookieSameSite === 'None';

  let demo: ((req: IncomingMessage, res: ServerResponse, options: object) => boolean) | undefined;
  const demoReady = config.serveDemo
    ? import(new URL('../demo/serve-static.mjs', import.meta.url).href).then((m: { serveDemo: typeof demo }) => {
        demo = m.serveDemo;
      })
    : Promise.resolve();

  /** This server's own origin as the browser sees it. */
  function selfOrigin(req: IncomingMessage): string | undefined {
    if (publicOrigin) return publicOrigin;
    const host = req.headers.host;
    if (!host || !/^[A-Za-z0-9.[\]:-]{1,300}$/.test(host)) return undefined;
    const forwarded = config.trustProxy ? String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim() : '';
    const scheme = forwarded === 'https' || (req.socket as Socket & { encrypted?: boolean }).encrypted ? 'https' : 'http';
    try {
      return new URL(`${scheme}://${host}`).origin;
    } catch {
      return undefined;
    }
  }

  function allowedOriginsFor(req: IncomingMessage): string[] {
    const self = selfOrigin(req);
    return self ? [...corsOrigins, self] : [...corsOrigins];
  }

  function clientKey(req: IncomingMessage): string {
    if (config.trustProxy) {
      // The last entry is the one our proxy added; earlier ones are whatever the client claimed.
      const last = String(req.headers['x-forwarded-for'] ?? '').split(',').at(-1)!.trim();
      if (last && last.length <= 64) return last;
    }
    return req.socket.remoteAddress ?? 'unknown';
  }

  function corsHeaders(origin: string | undefined): Record<string, string> {
    if (!origin || !corsOrigins.has(origin)) return {};
    return {
      'access-control-allow-origin': origin,
      'access-control-allow-credentials': 'true',
      'access-control-expose-headers': CORS_EXPOSE_HEADERS,
    };
  }

  /** Send a response; `unread` when the request body was (partly) left unread (see `linger`). */
  function send(req: IncomingMessage, res: ServerResponse, response: HttpResponse, extra: Record<string, string>, unread: boolean) {
    const body = encodeBody(response);
    const headers: Record<string, string | string[]> = { ...API_SECURITY_HEADERS, vary: 'Origin', ...response.headers, ...extra };
    if (typeof headers['set-cookie'] === 'string' && partitioned) headers['set-cookie'] += '; Partitioned';
    if (httpsPublic) headers['strict-transport-security'] = 'max-age=31536000';
    if (body) headers['content-length'] = String(body.byteLength);
    res.writeHead(response.status, headers);
    res.end(req.method === 'HEAD' || !body ? undefined : body);
    if (unread) linger(req, res);
  }

  const server = createServer(async (req, res) => {
    const started = performance.now();
    let route = 'other';
    res.on('finish', () =>
      deps.onRequest?.({ method: req.method ?? '?', route, status: res.statusCode, ms: Math.round(performance.now() - started) }),
    );
    try {
      const url = new URL(req.url ?? '/', 'http://server.invalid');
      const path = url.pathname;
      if (config.serveApi && (path === apiBase || path.startsWith(`${apiBase}/`))) {
        route = await handleApi(req, res, path.slice(apiBase.length) || '/', url.search);
      } else if (config.serveApi && path.startsWith('/staff/v1/')) {
        route = 'staff';
        await handleStaff(req, res, path.slice('/staff/v1/'.length));
      } else if (path === '/healthz') {
        route = 'healthz';
        await deps.healthCheck?.();
        send(req, res, { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: { status: 'ok' } }, {}, false);
      } else {
        await demoReady;
        route = 'site';
        if (!demo || !serveSite(req, res)) {
          send(req, res, problem('not-found'), {}, hasBody(req));
        }
      }
    } catch (error) {
      onError(error, `${req.method} ${route}`);
      if (!res.headersSent) send(req, res, problem('server'), {}, true);
      else res.destroy();
    }
  });

  function serveSite(req: IncomingMessage, res: ServerResponse): boolean {
    if (config.demoApiBase) {
      // The pages' CSP allows fetches to 'self' only; a cross-origin demo must also allow the API's origin.
      const apiOrigin = normalizeOrigin(config.demoApiBase);
      const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
      (res as { writeHead: unknown }).writeHead = (status: number, headers?: Record<string, string>) => {
        const csp = headers?.['Content-Security-Policy'];
        if (headers && csp) headers['Content-Security-Policy'] = csp.replace("connect-src 'self'", `connect-src 'self' ${apiOrigin}`);
        return writeHead(status, headers);
      };
    }
    return demo!(req, res, { mock: false, apiBase: config.demoApiBase ?? apiBase });
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, apiPath: string, search: string): Promise<string> {
    const method = (req.method ?? 'GET').toUpperCase();
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined;
    const cors = corsHeaders(origin);

    if (method === 'OPTIONS') {
      // Preflight: only for configured site origins; everyone else gets no CORS headers at all.
      if (!origin || !corsOrigins.has(origin)) {
        send(req, res, problem('csrf-rejected'), {}, hasBody(req));
        return 'preflight';
      }
      res.writeHead(204, {
        ...API_SECURITY_HEADERS,
        ...cors,
        'access-control-allow-methods': CORS_METHODS,
        'access-control-allow-headers': CORS_ALLOW_HEADERS,
        'access-control-max-age': '600',
        vary: 'Origin',
        'cache-control': 'no-store',
      });
      res.end();
      return 'preflight';
    }

    const match = matchRoute(method, apiPath);
    const routeName = match?.operationId ?? 'unknown';
    const headers = flatHeaders(req, cookie.name!);
    const base = {
      method,
      url: apiPath + search,
      headers,
      clientKey: clientKey(req),
      ...(origin !== undefined && { origin }),
    };
    const options = {
      cookie,
      strictResponses: config.strictResponses,
      allowedOrigins: allowedOriginsFor(req),
      maxJsonBytes: config.maxJsonBytes,
      onError,
    };
    const answer = async (body: unknown, close: boolean) => {
      const response = await handleRequest(deps.backend, body === undefined ? base : { ...base, body }, options);
      send(req, res, response, cors, close);
    };
    const bodyPresent = hasBody(req);

    // Routes without a body (and unknown routes): answer without reading one.
    if (!match || !(match.spec.body || match.spec.rawBody)) {
      await answer(undefined, bodyPresent);
      return routeName;
    }

    // A state-changing request that will be refused anyway is refused before its body is read.
    const originOk = !origin || options.allowedOrigins.includes(origin);
    if (!headers[CSRF_HEADER]?.trim() || !originOk) {
      await answer(undefined, bodyPresent);
      return routeName;
    }

    if (match.spec.rawBody) {
      await handleUpload(req, res, headers, answer, cors);
      return routeName;
    }

    let body: Uint8Array;
    try {
      body = await readBody(req, { limit: config.maxJsonBytes });
    } catch (error) {
      return bodyError(req, res, error, cors, routeName);
    }
    await answer(body, false);
    return routeName;
  }

  async function handleUpload(
    req: IncomingMessage,
    res: ServerResponse,
    headers: Record<string, string>,
    answer: (body: unknown, close: boolean) => Promise<void>,
    cors: Record<string, string>,
  ) {
    // Only a signed-in, fully set-up patient may make us buffer megabytes.
    const session = await deps.backend.getSession({ sessionToken: sessionTokenOf(headers, cookie.name!) });
    if (!session.authenticated || session.mustChangePassword || session.consent.required || !session.messaging.allowed) {
      await answer(undefined, hasBody(req)); // the handler gives the precise 401/403
      return;
    }
    if (uploadsInFlight >= config.maxConcurrentUploads) {
      send(req, res, problem('rate-limited', { retryAfterSeconds: 5 }), cors, hasBody(req));
      return;
    }
    uploadsInFlight++;
    try {
      const clinic = await deps.backend.getClinic();
      const limit = Math.min(clinic.attachments.maxBytes, LIMITS.attachmentBytesMax);
      let body: Uint8Array;
      try {
        body = await readBody(req, {
          limit,
          peek: uploadLooksAllowed(headers['content-type'] ?? '', clinic.attachments.allowedTypes),
        });
      } catch (error) {
        bodyError(req, res, error, cors, 'uploadAttachment');
        return;
      }
      await answer(body, false);
    } finally {
      uploadsInFlight--;
    }
  }

  function bodyError(req: IncomingMessage, res: ServerResponse, error: unknown, cors: Record<string, string>, routeName: string): string {
    if (error instanceof BodyTooLargeError) send(req, res, problem('payload-too-large'), cors, true);
    else if (error instanceof BodyTypeError) send(req, res, problem('unsupported-media-type'), cors, true);
    else if (error instanceof BodyAbortedError) res.destroy();
    else throw error;
    return routeName;
  }

  async function handleStaff(req: IncomingMessage, res: ServerResponse, command: string) {
    const deny = (code: 'unauthorized' | 'not-found' | 'forbidden') => send(req, res, problem(code), {}, hasBody(req));
    if (!staffToken || !deps.staff) return deny('not-found');
    // Not for browsers: a page cannot send this header cross-origin without a preflight we never answer.
    if (req.headers.origin !== undefined) return deny('forbidden');
    const auth = String(req.headers.authorization ?? '');
    const presented = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7) : '');
    if (presented.length !== staffToken.length || !timingSafeEqual(presented, staffToken)) return deny('unauthorized');
    if (req.method !== 'POST' || !/^[a-z-]{1,40}$/.test(command)) return deny('not-found');
    let args: Record<string, unknown>;
    try {
      const text = new TextDecoder('utf-8', { fatal: true }).decode(await readBody(req, { limit: 1024 * 1024 }));
      const parsed: unknown = text ? JSON.parse(text) : {};
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new TypeError('not an object');
      args = parsed as Record<string, unknown>;
    } catch (error) {
      if (error instanceof BodyTooLargeError) return send(req, res, problem('payload-too-large'), {}, true);
      return send(req, res, problem('validation'), {}, false);
    }
    try {
      const result = await deps.staff(command, args);
      send(req, res, { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: { result: result ?? null } }, {}, false);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (error instanceof Error && error.name === 'BackendError' && typeof code === 'string') {
        const fieldErrors = (error as { fieldErrors?: [] }).fieldErrors;
        send(req, res, problem(code as 'validation', { fieldErrors }), {}, false);
      } else if (error instanceof Error && error.name === 'StaffUsageError') {
        send(req, res, { ...problem('validation'), body: { ...(problem('validation').body as object), detail: error.message } }, {}, false);
      } else {
        throw error;
      }
    }
  }

  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
  // Malformed HTTP never reaches a handler: answer 400 problem+json ourselves (Node's default is plain text).
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable || error.code === 'ECONNRESET') {
      socket.destroy();
      return;
    }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify({ ...(problem('validation').body as object), status, title: 'Bad request.' });
    socket.end(
      `HTTP/1.1 ${status} Bad Request\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\nX-Content-Type-Options: nosniff\r\n\r\n${body}`,
    );
  });
  return server;
}

// ---------------------------------------------------------------- helpers

/** Headers as a flat object; of the cookies, only the session cookie is passed on. */
function flatHeaders(req: IncomingMessage, cookieName: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined || name === 'cookie') continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const token = cookieValue(req.headers.cookie, cookieName);
  if (token) out.cookie = `${cookieName}=${token}`;
  return out;
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

function sessionTokenOf(headers: Record<string, string>, cookieName: string): string | null {
  return cookieValue(headers.cookie, cookieName) ?? null;
}

function hasBody(req: IncomingMessage): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  return (Number.isFinite(length) && length > 0) || req.headers['transfer-encoding'] !== undefined;
}

/**
 * After answering a request whose body we did not read. Closing at once would
 * reset the connection while the client is still sending, and most clients then
 * lose our answer (they see EPIPE/ECONNRESET instead of the 413). So, like
 * nginx's lingering close: discard (never buffer) what still arrives for a
 * moment, then cut the connection if the body has not ended by then.
 */
function linger(req: IncomingMessage, res: ServerResponse): void {
  res.once('finish', () => {
    if (req.complete) return;
    const socket = req.socket;
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    timer.unref();
    const stop = () => clearTimeout(timer);
    req.once('end', stop);
    socket.once('close', stop);
    req.resume();
  });
}
