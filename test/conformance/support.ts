/**
 * Shared pieces of the conformance suite: the server under test, a cookie jar
 * (Node's fetch keeps none), the real `createFetchClient` on top of it (so every
 * response is validated against the contract's schemas), raw requests for
 * attempts a well-behaved client would never make, and the demo personas.
 *
 * The suite only talks HTTP: point it at any backend that implements the
 * contract and is seeded with the demo personas (README: "Conformance").
 */
import assert from 'node:assert/strict';
import { createFetchClient } from '../../src/api/fetch-client.js';
import type { PortalClient } from '../../src/api/client.js';
import { operations, type OperationId } from '../../src/api/operations.js';
import { PortalError } from '../../src/api/errors.js';
import { Problem, type NewMessage, type TriageStamp } from '../../src/api/schemas.js';
import { DEMO_PERSONAS } from '../../src/backend/demo-data.js';

const base = process.env.PORTAL_CONFORMANCE_BASE_URL;
if (!base) throw new Error('Set PORTAL_CONFORMANCE_BASE_URL (or use `npm run conformance -- --base-url <url>`).');
/** API base URL without a trailing slash, e.g. `http://127.0.0.1:8080/api/v1`. */
export const BASE = base.replace(/\/+$/, '');
export const HTTPS = BASE.startsWith('https:');
/** A site origin the server is configured to allow (optional). */
export const SITE_ORIGIN = process.env.PORTAL_CONFORMANCE_SITE_ORIGIN || undefined;
/** An origin no clinic would allow. */
export const FOREIGN_ORIGIN = 'https://conformance-attacker.invalid';

export const PERSONAS = DEMO_PERSONAS;
export const ROUTINE: TriageStamp = { level: 'routine', codes: [], acknowledged: true };
/** Makes this run's data recognisable (and distinct from earlier runs against the same server). */
export const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;

/** Cookies as a browser would keep them for the API's origin (names and values only). */
export class CookieJar {
  readonly cookies = new Map<string, string>();
  /** The last Set-Cookie header lines seen, for attribute checks. */
  lastSetCookie: string[] = [];

  header(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  store(headers: Headers): void {
    const lines = headers.getSetCookie();
    if (lines.length) this.lastSetCookie = lines;
    for (const line of lines) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** The session cookie's value, whatever the server named it. */
  sessionToken(): string | undefined {
    return [...this.cookies].find(([name]) => /session/i.test(name))?.[1];
  }

  readonly fetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    const cookie = this.header();
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(input, { ...init, headers });
    this.store(response.headers);
    return response;
  };
}

export function clientWith(jar: CookieJar): PortalClient {
  return createFetchClient({ baseUrl: BASE, fetch: jar.fetch, maxRetries: 0, timeoutMs: 30_000 });
}

export interface Signed {
  client: PortalClient;
  jar: CookieJar;
}

export async function signIn(patientId: string, password: string): Promise<Signed> {
  const jar = new CookieJar();
  const client = clientWith(jar);
  await client.signIn({ patientId, password });
  return { client, jar };
}

export const signInAs = (id: keyof typeof PERSONAS) => signIn(id, PERSONAS[id].password);

/** The PortalError a call rejects with (fails the test if it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<PortalError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof PortalError, `expected a PortalError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected the call to be refused');
}

export async function assertRefused(promise: Promise<unknown>, type: PortalError['type'], status?: number): Promise<PortalError> {
  const error = await rejection(promise);
  assert.equal(error.type, type, `expected ${type}, got ${error.type} (${error.message})`);
  if (status !== undefined) assert.equal(error.status, status);
  return error;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- tests poke at whatever came back
}

/** A request exactly as given: no CSRF header unless asked, no validation of anything. */
export async function raw(
  method: string,
  path: string,
  init: { jar?: CookieJar; headers?: Record<string, string>; body?: BodyInit; json?: unknown; csrf?: boolean } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.csrf) headers['X-Portal-CSRF'] = '1';
  let body = init.body;
  if (init.json !== undefined) {
    headers['Content-Type'] ??= 'application/json';
    body = JSON.stringify(init.json);
  }
  const doFetch = init.jar?.fetch ?? fetch;
  const response = await doFetch(BASE + path, { method, headers, body: body ?? null, redirect: 'manual' });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

/** An operation's method and concrete path, from the contract's table. */
export function op(id: OperationId, params: Record<string, string> = {}): { method: string; path: string } {
  const spec = operations[id];
  return {
    method: spec.method,
    path: spec.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? '')),
  };
}

/** A raw request to an operation. */
export function rawOp(id: OperationId, init: Parameters<typeof raw>[2] & { params?: Record<string, string> } = {}) {
  const { method, path } = op(id, init.params);
  return raw(method, path, init);
}

/** The response is RFC 9457 problem+json with this status and code, and gives nothing away. */
export function assertProblem(r: RawResponse, status: number, code: string): void {
  assert.equal(r.status, status, `expected ${status} ${code}, got ${r.status}: ${r.text.slice(0, 300)}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json\b/i, 'problem+json content type');
  const parsed = Problem.safeParse(r.json);
  assert.ok(parsed.success, `body is not a Problem: ${r.text.slice(0, 300)}`);
  assert.equal(parsed.data.code, code);
  assert.equal(parsed.data.status, status, 'problem.status matches the HTTP status');
  assertNoLeak(r.text);
}

/** No stack traces, source paths or driver errors in what a client sees. */
export function assertNoLeak(text: string): void {
  assert.doesNotMatch(text, /\bat \S+ \(|node:internal|\.(ts|js|py|java|rb|go):\d+|Traceback|Exception:|SQLSTATE|syntax error at or near/i, 'response leaks internals');
}

export function message(subject: string, overrides: Partial<NewMessage> = {}): NewMessage {
  return { category: 'clinical', fields: {}, subject, body: `Conformance run ${RUN}: ${subject}`, attachmentIds: [], triage: ROUTINE, ...overrides };
}

export const key = (label: string) => `conformance-${RUN}-${label}`;

/** A small valid PDF. */
export const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Upload through a raw request (the client uses XHR for progress, which Node lacks). */
export function upload(jar: CookieJar | undefined, bytes: Uint8Array, contentType: string, filename: string, idempotencyKey = key(`upload-${Math.random()}`)) {
  return rawOp('uploadAttachment', {
    ...(jar && { jar }),
    csrf: true,
    body: bytes as Uint8Array<ArrayBuffer>,
    headers: { 'Content-Type': contentType, 'Portal-Filename': encodeURIComponent(filename), 'Idempotency-Key': idempotencyKey },
  });
}
