/**
 * The mock backend: msw 2 handlers that put the real backend (`src/backend`)
 * behind `fetch`, in memory, in the page. Storybook, the demo page and the
 * client tests use it; the rules are exactly the reference server's, because
 * they are the same code.
 *
 * Sessions: a real server keeps the session token in an HttpOnly cookie that
 * page scripts cannot read. A mock running *in the page* cannot set such a
 * cookie (msw would fall back to `document.cookie`, readable by every script),
 * so each mock instance keeps its one session token in memory instead: it takes
 * the `Set-Cookie` the HTTP layer produces, strips it from the response, and
 * adds the cookie to every later request it handles. Reloading the page signs out.
 *
 * Scenario switches for stories and tests: `latencyMs`/`setLatency`,
 * `failNext(operationId, kind)`, `hostile` content, `scaleThreads`, `signedInAs`,
 * and the recorded notifications (`outbox`, `lastVerificationCode`).
 */
import { delay, http, HttpResponse, type HttpHandler } from 'msw';
import type { OperationId } from '../operations.js';
import {
  generateThreads,
  hostileThreads,
  insertSeedThreads,
  seedDemo,
  DEMO_PERSONAS,
  type PersonaId,
} from '../../backend/demo-data.js';
import { encodeBody, handleRequest, matchRoute, problem, SESSION_COOKIE } from '../../backend/http.js';
import { MemoryBlobStore, MemoryStore } from '../../backend/memory-store.js';
import {
  pbkdf2Hasher,
  PortalBackend,
  type BackendOptions,
  type NotificationEvent,
  type Notifier,
} from '../../backend/service.js';

export const DEFAULT_API_BASE = '/api/v1';

/**
 * How the next call to an operation fails:
 * - `network`: the connection drops *after* the backend handled the request (a sent
 *   message was stored; only the answer is lost: what idempotency keys exist for);
 * - `timeout`: the backend handles the request, the answer never comes;
 * - `server-error`: a 500 problem+json, nothing handled;
 * - `malformed`: a 200 whose body is not JSON;
 * - `contract`: a 200 whose JSON violates the response schema (e.g. a 10,000-character message body).
 */
export type MockFailure = 'network' | 'timeout' | 'server-error' | 'malformed' | 'contract';

export interface MockBackendOptions {
  /** Where the API lives, absolute or relative to the page. Default `/api/v1`. */
  apiBase?: string;
  /** `demo` (default): clinic, policy, personas and their history. `clinic-only`: no patients. */
  seed?: 'demo' | 'clinic-only';
  /** Start with this persona signed in. */
  signedInAs?: PersonaId;
  /** Add this many generated threads to `dana` (scale stories). */
  scaleThreads?: number;
  /** Add hostile-content threads to `dana`. */
  hostile?: boolean;
  clock?: () => Date;
  /** Delay before every response. */
  latencyMs?: number;
  /** Backend tuning, e.g. a short `idleTimeoutSeconds` for a session-expiry story. */
  backend?: Partial<BackendOptions>;
}

/** Records what would have been e-mailed, so the demo page and tests can read the codes. */
export class RecordingNotifier implements Notifier {
  readonly events: NotificationEvent[] = [];

  async notify(event: NotificationEvent): Promise<void> {
    this.events.push(structuredClone(event));
  }

  lastVerificationCode(patientId: string): string | null {
    for (let i = this.events.length - 1; i >= 0; i--) {
      const e = this.events[i]!;
      if (e.kind === 'email-verification' && e.patientId === patientId) return e.code;
    }
    return null;
  }
}

export interface MockBackend {
  readonly backend: PortalBackend;
  readonly handlers: HttpHandler[];
  /** Resolves once seeding (and `signedInAs`) is done; handlers wait for it themselves. */
  readonly ready: Promise<void>;
  readonly notifier: RecordingNotifier;
  readonly apiBase: string;
  /** The six-digit code last "e-mailed" to this patient, for the e-mail change flow. */
  lastVerificationCode(patientId: string): string | null;
  setLatency(ms: number): void;
  /** Make the next `times` calls of an operation fail in the given way. */
  failNext(operationId: OperationId, kind: MockFailure, times?: number): void;
  /** Sign a persona in as if through the login form (the mock session). */
  signInAs(persona: PersonaId): Promise<void>;
  /** Forget the mock session (like clearing cookies). */
  clearSession(): void;
  /** Whether the mock currently holds a session token. */
  readonly hasSession: boolean;
}

let latest: MockBackend | undefined;

/** Test hook: the verification code last sent by the most recently created mock backend. */
export function getLastVerificationCode(patientId: string): string | null {
  return latest?.lastVerificationCode(patientId) ?? null;
}

export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const apiBase = (options.apiBase ?? DEFAULT_API_BASE).replace(/\/+$/, '');
  const pageOrigin = globalThis.location?.origin ?? 'http://localhost';
  const basePath = new URL(apiBase, `${pageOrigin}/`).pathname.replace(/\/+$/, '');
  const notifier = new RecordingNotifier();
  const backend = new PortalBackend({
    store: new MemoryStore(),
    blobs: new MemoryBlobStore(),
    // Demo passwords only: cheap hashing keeps Storybook snappy. The server injects argon2id.
    hasher: pbkdf2Hasher({ iterations: 10_000 }),
    notifier,
    ...(options.clock && { clock: options.clock }),
    options: { portalLink: `${pageOrigin}/`, ...options.backend },
    onError: (error, context) => console.warn(`[portal mock] ${context}`, error),
  });

  let sessionToken: string | null = null;
  let latencyMs = options.latencyMs ?? 0;
  const failures = new Map<OperationId, MockFailure[]>();

  async function signInAs(persona: PersonaId): Promise<void> {
    const { password } = DEMO_PERSONAS[persona];
    const grant = await backend.signIn({}, { patientId: persona, password });
    sessionToken = grant.token;
  }

  const ready = (async () => {
    await seedDemo(backend, { personas: (options.seed ?? 'demo') === 'demo' });
    const now = backend.clock();
    if (options.scaleThreads) {
      await insertSeedThreads(backend, generateThreads(options.scaleThreads, { patientId: 'dana', now }));
    }
    if (options.hostile) await insertSeedThreads(backend, hostileThreads('dana', now));
    if (options.signedInAs) await signInAs(options.signedInAs);
  })();

  const handler = http.all(`${apiBase}/*`, async ({ request }) => {
    await ready;
    const url = new URL(request.url);
    const path = url.pathname.startsWith(basePath) ? url.pathname.slice(basePath.length) || '/' : url.pathname;
    const route = matchRoute(request.method, path);
    const failure = route ? failures.get(route.operationId)?.shift() : undefined;
    if (latencyMs > 0) await delay(latencyMs);

    if (failure === 'server-error') return toResponse(problem('server'));
    if (failure === 'malformed') {
      return new HttpResponse('{"this is": not json', { status: 200, headers: { 'content-type': 'application/json' } });
    }
    if (failure === 'contract') {
      return HttpResponse.json({ body: 'x'.repeat(10_000), contractViolation: true }, { status: 200 });
    }

    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => {
      if (name !== 'cookie') headers[name] = value; // only the mock's own session cookie counts
    });
    if (sessionToken) headers['cookie'] = `${SESSION_COOKIE}=${sessionToken}`;
    const body =
      request.method === 'GET' || request.method === 'HEAD' ? undefined : new Uint8Array(await request.arrayBuffer());

    const response = await handleRequest(
      backend,
      {
        method: request.method,
        url: path + url.search,
        headers,
        body,
        ...(headers['origin'] && { origin: headers['origin'] }),
      },
      { cookie: { name: SESSION_COOKIE } },
    );
    const setCookie = response.headers['set-cookie'];
    if (setCookie !== undefined) {
      delete response.headers['set-cookie']; // see the module comment: never into document.cookie
      const value = /^[^=]*=([^;]*)/.exec(setCookie)?.[1] ?? '';
      sessionToken = /Max-Age=0(;|$)/.test(setCookie) || !value ? null : value;
    }

    if (failure === 'network') return HttpResponse.error();
    if (failure === 'timeout') {
      await delay('infinite');
    }
    return toResponse(response);
  });

  const mock: MockBackend = {
    backend,
    handlers: [handler],
    ready,
    notifier,
    apiBase,
    lastVerificationCode: (patientId) => notifier.lastVerificationCode(patientId),
    setLatency(ms) {
      latencyMs = Math.max(0, ms);
    },
    failNext(operationId, kind, times = 1) {
      const queue = failures.get(operationId) ?? [];
      for (let i = 0; i < times; i++) queue.push(kind);
      failures.set(operationId, queue);
    },
    async signInAs(persona) {
      await ready;
      await signInAs(persona);
    },
    clearSession() {
      sessionToken = null;
    },
    get hasSession() {
      return sessionToken !== null;
    },
  };
  latest = mock;
  return mock;
}

function toResponse(response: { status: number; headers: Record<string, string>; body?: unknown }): Response {
  const bytes = encodeBody(response);
  return new HttpResponse(bytes && response.status !== 204 ? (bytes as Uint8Array<ArrayBuffer>) : null, {
    status: response.status,
    headers: response.headers,
  });
}
