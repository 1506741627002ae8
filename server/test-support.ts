/**
 * Test helpers for the server's own tests: a running reference server on an
 * ephemeral loopback port over PGlite (in memory) or, with `TEST_DATABASE_URL`,
 * a throwaway schema of a real PostgreSQL — plus a tiny cookie-keeping client.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App, type AppOptions } from './app.js';
import { openDatabase, type DatabaseOptions } from './db.js';
import type { ServerConfig } from './http-server.js';

export interface TestServer {
  app: App;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** `http://127.0.0.1:<port>/api/v1` */
  api: string;
  attachmentsDir: string;
  /** Lines the server logged (never sent to clients). */
  logs: string[];
  close(): Promise<void>;
}

export interface TestServerOptions {
  server?: Partial<ServerConfig>;
  backend?: AppOptions['backend'];
  /** Use a real PostgreSQL when TEST_DATABASE_URL is set (default true). */
  postgresIfAvailable?: boolean;
}

const MIGRATIONS = join(import.meta.dirname, 'migrations');

/**
 * A migrated, empty PGlite data folder as a snapshot, cached in the temp folder per
 * migration set: starting from it skips initdb, which is most of a PGlite start.
 */
async function pgliteTemplate(): Promise<Blob> {
  const hash = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS).sort()) hash.update(f).update(readFileSync(join(MIGRATIONS, f)));
  const file = join(tmpdir(), `portal-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    const db = await openDatabase({ dataDir: 'memory://' });
    const dump = await db.dumpDataDir!();
    await db.close();
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, new Uint8Array(await dump.arrayBuffer()));
    renameSync(temp, file);
    return dump;
  }
}

/** A fresh PGlite (from the cached template) or a throwaway schema on TEST_DATABASE_URL. */
export async function testDatabaseOptions(postgresIfAvailable = true): Promise<DatabaseOptions & { dropSchema?: string }> {
  const url = postgresIfAvailable ? process.env.TEST_DATABASE_URL : undefined;
  if (url) {
    const schema = `test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
    return { url, schema, dropSchema: schema };
  }
  return { dataDir: 'memory://', loadDataDir: await pgliteTemplate() };
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const { dropSchema: schema, ...database } = await testDatabaseOptions(options.postgresIfAvailable ?? true);
  const attachmentsDir = mkdtempSync(join(tmpdir(), 'portal-test-files-'));
  const logs: string[] = [];
  const app = await createApp({
    database,
    attachmentsDir,
    seed: 'demo',
    log: (line) => logs.push(line),
    logVerificationCodes: true,
    // Many failed sign-ins come from 127.0.0.1 across a test file: only tests that mean to hit it should.
    backend: { clientThrottle: { maxFailures: 10_000, windowSeconds: 900, lockSeconds: 900 }, ...options.backend },
    server: { serveDemo: true, strictResponses: true, staffToken: 'test-staff-token-0123456789abcdef', ...options.server },
  });
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    app,
    origin,
    api: `${origin}/api/v1`,
    attachmentsDir,
    logs,
    async close() {
      app.server.closeAllConnections();
      await new Promise((resolve) => app.server.close(resolve));
      if (schema) await app.db.query(`DROP SCHEMA ${schema} CASCADE`);
      await app.close();
      rmSync(attachmentsDir, { recursive: true, force: true });
    },
  };
}

/** A browser-ish client: keeps the session cookie, sends the CSRF header on writes. */
export class Agent {
  cookie = '';
  constructor(readonly api: string) {}

  async request(method: string, path: string, init: { json?: unknown; body?: BodyInit; headers?: Record<string, string>; csrf?: boolean } = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET' && init.csrf !== false) headers['x-portal-csrf'] = '1';
    let body = init.body;
    if (init.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(init.json);
    }
    const response = await fetch(this.api + path, { method, headers, body: body ?? null, redirect: 'manual' });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair!.endsWith('=') ? '' : pair!;
    }
    const type = response.headers.get('content-type') ?? '';
    const text = await response.text();
    const json = type.includes('json') && text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    return { status: response.status, headers: response.headers, text, json: json as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }

  async signIn(patientId: string, password: string) {
    const r = await this.request('POST', '/session', { json: { patientId, password } });
    if (r.status !== 200) throw new Error(`sign-in failed for ${patientId}: ${r.status} ${r.text}`);
    return r;
  }
}

/** A minimal valid PDF and a PNG header, for uploads. */
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PNG_BYTES = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);

export const ROUTINE = { level: 'routine', codes: [], acknowledged: true } as const;
