/**
 * The reference server over real HTTP: every kind of bad input from the issue
 * gets the right 4xx problem+json, nothing is stored, nothing leaks, and the
 * server keeps serving. Plus cookies, CORS, the Origin allowlist, uploads and
 * downloads, the staff API and the demo site.
 *
 *   node --import tsx --test server/http-server.test.ts
 *   TEST_DATABASE_URL=postgres://… node --import tsx --test server/http-server.test.ts
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { operations, type OperationId } from '../src/api/operations.js';
import { Problem } from '../src/api/schemas.js';
import { createPortalServer } from './http-server.js';
import { Agent, PDF_BYTES, PNG_BYTES, ROUTINE, startTestServer, type TestServer } from './test-support.js';

/** Method and concrete path of an operation, from the contract's table. */
function op(id: OperationId, params: Record<string, string> = {}) {
  const spec = operations[id];
  return { method: spec.method as string, path: spec.path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(params[name] ?? '')) };
}

function assertProblem(r: { status: number; headers: Headers; json: unknown; text: string }, status: number, code: string) {
  assert.equal(r.status, status, `expected ${status} ${code}, got ${r.status} ${r.text.slice(0, 300)}`);
  assert.match(r.headers.get('content-type') ?? '', /^application\/problem\+json/);
  const parsed = Problem.safeParse(r.json);
  assert.ok(parsed.success, `not a Problem: ${r.text.slice(0, 300)}`);
  assert.equal(parsed.data.code, code);
  assertNoLeak(r.text);
}

/** No stack frames, file paths or internal error names in anything a client sees. */
function assertNoLeak(text: string) {
  assert.doesNotMatch(text, /\bat .+\(.*:\d+:\d+\)|node:internal|\/work\/|\.ts:\d+|TypeError|ReferenceError|SyntaxError|BackendError|PGlite|postgres/i);
}

const newThread = (subject: string, body = 'Hello from the tests.') => ({
  category: 'clinical',
  fields: {},
  subject,
  body,
  attachmentIds: [],
  triage: ROUTINE,
});

/**
 * Raw bytes over a socket: for requests fetch refuses to make. Resolves with
 * everything the server sent, once it closes or shortly after the last byte is written.
 */
function rawRequest(port: number, chunks: Array<string | Uint8Array>, { waitMs = 10_000 } = {}): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (d) => received.push(d));
    socket.on('error', () => undefined); // a reset after the answer is expected for refused bodies
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(received).toString('latin1'));
    });
    let drained: (() => void) | undefined;
    socket.on('drain', () => drained?.());
    socket.on('connect', async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        if (!socket.write(chunk)) await new Promise<void>((r) => (drained = r));
      }
      setTimeout(() => socket.destroy(), 500); // keep-alive: the server would wait for more
    });
  });
}

describe('reference server over HTTP', () => {
  let t: TestServer;
  let port: number;
  const SITE = 'https://www.bent-tree.example';

  before(async () => {
    t = await startTestServer({ server: { allowedOrigins: [SITE] } });
    port = Number(new URL(t.origin).port);
    for (const id of ['eve', 'mallory', 'sam', 'ulla']) {
      await t.app.staff('provision-patient', { id, name: `Patient ${id}`, password: `${id}-initial-password` });
      await t.app.backend.store.updatePatient(id, { mustChangePassword: false });
      await t.app.backend.store.insertConsent({ patientId: id, version: '2026-12-01', acceptedAt: new Date().toISOString() });
    }
  });
  after(async () => t.close());

  /** The server still answers a normal request. */
  async function stillServing() {
    const r = await fetch(`${t.api}/clinic`);
    assert.equal(r.status, 200);
    await r.arrayBuffer();
  }

  async function threadsOf(agent: Agent) {
    const r = await agent.request(op('listThreads').method, op('listThreads').path, { json: { limit: 100 } });
    assert.equal(r.status, 200, r.text);
    return r.json.items as Array<{ id: string; subject: string }>;
  }

  describe('bad request bodies', () => {
    it('answers malformed JSON with 400 validation', async () => {
      const a = new Agent(t.api);
      for (const body of ['{"patientId": "dana",', '{patientId: dana}', 'null x', '\u0000\u0001', '{"a":1}}']) {
        const r = await a.request('POST', '/session', { body, headers: { 'content-type': 'application/json' } });
        assertProblem(r, 400, 'validation');
      }
      await stillServing();
    });

    it('answers a wrong content type with 415', async () => {
      const a = new Agent(t.api);
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
        const r = await a.request('POST', '/session', { body: JSON.stringify({ patientId: 'dana', password: 'dana-demo-password' }), headers: { 'content-type': type } });
        assertProblem(r, 415, 'unsupported-media-type');
        assert.equal(r.headers.get('set-cookie'), null, 'no session from a refused request');
      }
      await stillServing();
    });

    it('refuses an oversized JSON body with 413 without reading it all', async () => {
      const a = new Agent(t.api);
      await a.signIn('eve', 'eve-initial-password');
      const before = (await threadsOf(a)).length;
      const r = await a.request('POST', op('createThread').path, {
        json: newThread('big', 'x'.repeat(400 * 1024)),
        headers: { 'idempotency-key': 'oversized-1' },
      });
      assertProblem(r, 413, 'payload-too-large');
      assert.equal((await threadsOf(a)).length, before, 'nothing stored');
      await stillServing();
    });

    it('refuses a body over the limit even when Content-Length claims less', async () => {
      // Chunked: no Content-Length at all, just bytes until the server stops reading.
      const head = 'POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Portal-CSRF: 1\r\nTransfer-Encoding: chunked\r\n\r\n';
      const chunk = `${(64 * 1024).toString(16)}\r\n${'a'.repeat(64 * 1024)}\r\n`;
      const answer = await rawRequest(port, [head, ...Array.from({ length: 40 }, () => chunk)]);
      assert.match(answer, /^HTTP\/1\.1 413 /);
      assert.match(answer, /"code":"payload-too-large"/);
      await stillServing();
    });

    it('refuses unknown fields with 400 naming them: nothing is signed in, stored or echoed', async () => {
      const a = new Agent(t.api);
      const r = await a.request('POST', '/session', {
        json: { patientId: 'sam', password: 'sam-initial-password', isAdmin: true, patient: { id: 'dana' }, __proto__: { admin: true } },
      });
      assert.equal(r.status, 400, r.text);
      assert.equal(r.json.code, 'validation');
      assert.deepEqual(
        r.json.fieldErrors.map((e: { field: string }) => e.field).sort(),
        ['isAdmin', 'patient'], // (`__proto__` in an object literal sets the prototype: it is not sent)
      );
      assert.equal(r.text.includes('sam-initial-password'), false);
      assert.equal((await a.request('GET', '/session')).json.authenticated, false);

      await a.signIn('sam', 'sam-initial-password');
      const sent = await a.request('POST', op('createThread').path, {
        json: { ...newThread('Unknown fields'), sender: { kind: 'staff', name: 'Dr. Fake', role: 'physician' }, patientId: 'dana', id: 'chosen-id', readAt: null },
        headers: { 'idempotency-key': 'unknown-fields-1' },
      });
      assert.equal(sent.status, 400, sent.text);
      assert.equal(sent.text.includes('Dr. Fake'), false);
      const open = await t.app.backend.listOpenThreads();
      assert.equal(JSON.stringify(open).includes('Unknown fields'), false);
    });

    it('openapi.json tells backend teams the same: request bodies are closed, responses stay open', () => {
      const doc = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'openapi.json'), 'utf8'));
      const schemas = doc.components.schemas as Record<string, { additionalProperties?: unknown }>;
      type Content = { content?: Record<string, { schema: { $ref?: string } }> };
      const refName = (content: { schema: { $ref?: string } }) => content.schema.$ref?.split('/').pop();
      let bodies = 0;
      for (const item of Object.values(doc.paths) as Record<string, { requestBody?: Content; responses: Record<string, Content> }>[]) {
        for (const op of Object.values(item)) {
          const body = op.requestBody?.content?.['application/json'];
          if (body) {
            bodies += 1;
            assert.equal(schemas[refName(body)!]!.additionalProperties, false, `${refName(body)} should be closed`);
          }
          const ok = op.responses['200'] ?? op.responses['201'];
          const json = ok?.content?.['application/json'];
          if (json) assert.notEqual(schemas[refName(json)!]!.additionalProperties, false, `${refName(json)} should stay open`);
        }
      }
      assert.ok(bodies >= 8, `only ${bodies} JSON request bodies found`);
    });

    it('answers schema violations with 400 and field paths, never the values', async () => {
      const a = new Agent(t.api);
      await a.signIn('sam', 'sam-initial-password');
      const r = await a.request('POST', op('createThread').path, {
        json: { category: 'not-a-category', fields: 'x', subject: 42, body: '', attachmentIds: 'nope', triage: null, 'secret-value': 'Lisinopril 10mg' },
        headers: { 'idempotency-key': 'schema-1' },
      });
      assertProblem(r, 400, 'validation');
      assert.ok(r.json.fieldErrors.length > 0);
      assert.doesNotMatch(r.text, /Lisinopril|not-a-category/);
    });

    it('answers malformed HTTP with 400 problem+json and keeps serving', async () => {
      const answer = await rawRequest(port, ['GARBAGE / HTTP/9.9\r\n\x00\x01\r\n\r\n']);
      assert.match(answer, /^HTTP\/1\.1 400 /);
      assert.match(answer, /application\/problem\+json/);
      await stillServing();
    });
  });

  describe('SQL metacharacters everywhere', () => {
    const NASTY = ["' OR '1'='1", "'; DROP TABLE patients; --", '%', '_', '\\', '"; SELECT pg_sleep(5); --', '$1', "dana'--"];

    it('never lets them sign anyone in', async () => {
      for (const s of NASTY) {
        const r = await new Agent(t.api).request('POST', '/session', { json: { patientId: s, password: s } });
        assertProblem(r, 401, 'invalid-credentials');
      }
      await stillServing();
    });

    it('stores them as plain text and searches them literally', async () => {
      const a = new Agent(t.api);
      await a.signIn('ulla', 'ulla-initial-password');
      const ids: string[] = [];
      for (const [i, s] of NASTY.entries()) {
        const r = await a.request('POST', op('createThread').path, {
          json: newThread(`Subject ${s}`, `Body ${s}`),
          headers: { 'idempotency-key': `sql-${i}-'"\\%` },
        });
        assert.equal(r.status, 201, r.text);
        assert.equal(r.json.message.body, `Body ${s}`);
        ids.push(r.json.threadId);
      }
      const detail = await a.request('GET', op('getThread', { threadId: ids[1]! }).path);
      assert.equal(detail.json.subject, "Subject '; DROP TABLE patients; --");
      const search = async (q: string) =>
        (await a.request('POST', op('listThreads').path, { json: { q, limit: 100 } })).json.items.map((x: { subject: string }) => x.subject);
      // Wildcards match themselves only: every hit really contains the character.
      for (const q of ['%', '_', '\\', "'"]) {
        const hits = await search(q);
        assert.deepEqual(hits.sort(), NASTY.map((n) => `Subject ${n}`).filter((subject) => subject.includes(q)).sort(), q);
      }
      assert.deepEqual(await search("' OR '1'='1"), ["Subject ' OR '1'='1"]);
      assert.equal((await threadsOf(a)).length, NASTY.length);
      // The tables are all still there.
      assert.ok(await t.app.backend.store.getPatient('dana'));
    });

    it('never matches them as path ids', async () => {
      const a = new Agent(t.api);
      await a.signIn('ulla', 'ulla-initial-password');
      for (const s of ["x' OR '1'='1", '1;DROP TABLE threads', '%25', '..']) {
        const r = await a.request('GET', `/threads/${encodeURIComponent(s)}`);
        assertProblem(r, 404, 'not-found');
      }
    });
  });

  describe('sessions and tokens', () => {
    it('sets an HttpOnly, SameSite=Lax cookie with at least 128 random bits', async () => {
      const tokens = new Set<string>();
      for (let i = 0; i < 3; i++) {
        const r = await new Agent(t.api).request('POST', '/session', { json: { patientId: 'dana', password: 'dana-demo-password' } });
        const cookie = r.headers.get('set-cookie') ?? '';
        assert.match(cookie, /^portal_session=[A-Za-z0-9_-]{22,}; /);
        assert.match(cookie, /; HttpOnly/);
        assert.match(cookie, /; SameSite=Lax/);
        assert.match(cookie, /; Path=\//);
        assert.doesNotMatch(cookie, /Domain=/i);
        tokens.add(cookie.split(';')[0]!);
      }
      assert.equal(tokens.size, 3);
    });

    it('rejects forged tokens and clears the cookie', async () => {
      for (const forged of ['A'.repeat(43), 'not-a-token', "x' OR 1=1", '../../etc/passwd', 'Z'.repeat(2000)]) {
        const a = new Agent(t.api);
        a.cookie = `portal_session=${forged}`;
        const r = await a.request('GET', op('getInboxStatus').path);
        assert.ok(r.status === 401, `${forged.slice(0, 20)} → ${r.status}`);
        assertProblem(r, 401, 'unauthorized');
      }
      const a = new Agent(t.api);
      a.cookie = `portal_session=${'B'.repeat(43)}`;
      const session = await a.request('GET', '/session');
      assert.deepEqual(session.json, { authenticated: false });
      assert.match(session.headers.get('set-cookie') ?? '', /portal_session=; .*Max-Age=0/);
    });

    it('refuses a replayed token after sign-out and after a password change elsewhere', async () => {
      const a = new Agent(t.api);
      await a.signIn('mallory', 'mallory-initial-password');
      const stolen = a.cookie;
      assert.equal((await a.request('DELETE', '/session')).status, 204);
      const replay = new Agent(t.api);
      replay.cookie = stolen;
      assertProblem(await replay.request('GET', op('getInboxStatus').path), 401, 'unauthorized');

      const phone = new Agent(t.api);
      await phone.signIn('mallory', 'mallory-initial-password');
      const laptop = new Agent(t.api);
      await laptop.signIn('mallory', 'mallory-initial-password');
      const changed = await laptop.request('POST', '/session/password', {
        json: { currentPassword: 'mallory-initial-password', newPassword: 'a brand new long passphrase 42' },
      });
      assert.equal(changed.status, 200, changed.text);
      assertProblem(await phone.request('GET', op('getInboxStatus').path), 401, 'unauthorized');
      assert.equal((await laptop.request('GET', op('getInboxStatus').path)).status, 200);
    });

    it('passes on only its own cookie: a planted one under another name is ignored', async () => {
      const a = new Agent(t.api);
      await a.signIn('dana', 'dana-demo-password');
      const token = a.cookie.split('=')[1];
      const planted = new Agent(t.api);
      planted.cookie = `__Host-portal_session=${token}`;
      assertProblem(await planted.request('GET', op('getInboxStatus').path), 401, 'unauthorized');
    });

    it('locks an id out after repeated failures, the same for real and unknown ids', async () => {
      for (const id of ['rory', 'nobody-at-all']) {
        const answers: string[] = [];
        for (let i = 0; i < 6; i++) {
          const r = await new Agent(t.api).request('POST', '/session', { json: { patientId: id, password: `wrong-${i}` } });
          answers.push(`${r.status}:${r.json.code}`);
        }
        assert.deepEqual(answers, [...Array(4).fill('401:invalid-credentials'), '429:locked-out', '429:locked-out'], id);
      }
      const locked = await new Agent(t.api).request('POST', '/session', { json: { patientId: 'rory', password: 'rory-demo-password' } });
      assertProblem(locked, 429, 'locked-out');
      assert.ok(Number(locked.headers.get('retry-after')) > 0);
      await t.app.backend.store.clearThrottle('signin:patient:rory');
    });
  });

  describe('CSRF, Origin and CORS', () => {
    it('refuses a state-changing request without the CSRF header', async () => {
      const a = new Agent(t.api);
      await a.signIn('eve', 'eve-initial-password');
      const before = (await threadsOf(a)).length;
      const r = await a.request('POST', op('createThread').path, { json: newThread('no csrf'), csrf: false, headers: { 'idempotency-key': 'csrf-1' } });
      assertProblem(r, 403, 'csrf-rejected');
      assert.equal((await threadsOf(a)).length, before);
    });

    it('refuses state-changing requests from a foreign Origin, storing nothing', async () => {
      const a = new Agent(t.api);
      await a.signIn('eve', 'eve-initial-password');
      const before = (await threadsOf(a)).length;
      for (const origin of ['https://evil.example', 'null', `${t.origin}.evil.example`, 'http://127.0.0.1:1']) {
        const r = await a.request('POST', op('createThread').path, { json: newThread('cross-site'), headers: { origin, 'idempotency-key': `origin-${origin}` } });
        assertProblem(r, 403, 'csrf-rejected');
        assert.equal(r.headers.get('access-control-allow-origin'), null);
      }
      const signIn = await new Agent(t.api).request('POST', '/session', { json: { patientId: 'dana', password: 'dana-demo-password' }, headers: { origin: 'https://evil.example' } });
      assertProblem(signIn, 403, 'csrf-rejected');
      assert.equal(signIn.headers.get('set-cookie'), null);
      assert.equal((await threadsOf(a)).length, before);
    });

    it('accepts its own origin and the configured site origin', async () => {
      for (const origin of [t.origin, SITE]) {
        const r = await new Agent(t.api).request('POST', '/session', { json: { patientId: 'dana', password: 'dana-demo-password' }, headers: { origin } });
        assert.equal(r.status, 200, `${origin}: ${r.text}`);
      }
    });

    it('answers CORS preflights only for configured origins, never with *', async () => {
      const preflight = (origin: string) =>
        fetch(`${t.api}/threads`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-portal-csrf, idempotency-key' },
        });
      const ok = await preflight(SITE);
      assert.equal(ok.status, 204);
      assert.equal(ok.headers.get('access-control-allow-origin'), SITE);
      assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
      assert.match(ok.headers.get('access-control-allow-headers') ?? '', /X-Portal-CSRF/i);
      assert.match(ok.headers.get('vary') ?? '', /Origin/);

      const evil = await preflight('https://evil.example');
      assert.equal(evil.status, 403);
      assert.equal(evil.headers.get('access-control-allow-origin'), null);

      const get = await fetch(`${t.api}/clinic`, { headers: { origin: 'https://evil.example' } });
      assert.equal(get.headers.get('access-control-allow-origin'), null);
      const allowed = await fetch(`${t.api}/clinic`, { headers: { origin: SITE } });
      assert.equal(allowed.headers.get('access-control-allow-origin'), SITE);
      assert.equal(allowed.headers.get('access-control-allow-credentials'), 'true');
    });
  });

  describe('attachments', () => {
    const storedFiles = () => readdirSync(t.attachmentsDir, { recursive: true }).map(String).filter((f) => f.endsWith('.bin'));
    async function upload(a: Agent, bytes: Uint8Array, type: string, filename: string, key = crypto.randomUUID()) {
      return a.request('POST', op('uploadAttachment').path, {
        body: bytes as Uint8Array<ArrayBuffer>,
        headers: { 'content-type': type, 'portal-filename': encodeURIComponent(filename), 'idempotency-key': key },
      });
    }

    it('stores an upload under a server-made name and serves it only to its owner, as an attachment', async () => {
      const dana = new Agent(t.api);
      await dana.signIn('dana', 'dana-demo-password');
      const filesBefore = storedFiles();
      const up = await upload(dana, PDF_BYTES, 'application/pdf', '../../etc/passwd\u202Etxt.pdf');
      assert.equal(up.status, 201, up.text);
      assert.equal(up.json.filename.includes('/'), false);
      assert.equal(up.json.filename.includes('..'), false);
      assert.equal(up.json.filename.includes('\u202E'), false);

      const files = storedFiles().filter((f) => !filesBefore.includes(f));
      assert.equal(files.length, 1);
      assert.ok(files.every((f) => !f.includes('passwd') && !f.includes(up.json.id)));
      assert.deepEqual(new Uint8Array(readFileSync(join(t.attachmentsDir, files[0]!))), PDF_BYTES);

      const down = await fetch(`${t.api}/attachments/${up.json.id}`, { headers: { cookie: dana.cookie } });
      assert.equal(down.status, 200);
      assert.match(down.headers.get('content-disposition') ?? '', /^attachment; filename="/);
      assert.doesNotMatch(down.headers.get('content-disposition') ?? '', /\.\.\/|\//);
      assert.equal(down.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(down.headers.get('content-type'), 'application/pdf');
      assert.deepEqual(new Uint8Array(await down.arrayBuffer()), PDF_BYTES);

      const eve = new Agent(t.api);
      await eve.signIn('eve', 'eve-initial-password');
      assertProblem(await eve.request('GET', `/attachments/${up.json.id}`), 404, 'not-found');
      assertProblem(await new Agent(t.api).request('GET', `/attachments/${up.json.id}`), 401, 'unauthorized');
    });

    it('checks the type by content, not by the declared type or the name', async () => {
      const a = new Agent(t.api);
      await a.signIn('dana', 'dana-demo-password');
      const exe = new TextEncoder().encode('MZ\x90\x00 this is a windows program');
      const html = new TextEncoder().encode('<html><script>alert(document.cookie)</script></html>');
      assertProblem(await upload(a, exe, 'application/pdf', 'invoice.pdf'), 415, 'unsupported-media-type');
      assertProblem(await upload(a, html, 'image/png', 'cat.png'), 415, 'unsupported-media-type');
      assertProblem(await upload(a, PDF_BYTES, 'image/png', 'cat.png'), 415, 'unsupported-media-type');
      assertProblem(await upload(a, PNG_BYTES, 'text/html', 'x.html'), 415, 'unsupported-media-type');
      assertProblem(await upload(a, PDF_BYTES, 'application/pdf', ''), 400, 'validation');
      await stillServing();
    });

    it('refuses a 50 MB upload that claims to be 1 KB, storing nothing', async () => {
      const a = new Agent(t.api);
      await a.signIn('dana', 'dana-demo-password');
      const before = storedFiles().length;
      const fifty = 50 * 1024 * 1024;
      const head = (framing: string) =>
        `POST /api/v1/attachments HTTP/1.1\r\nHost: x\r\nCookie: ${a.cookie}\r\nX-Portal-CSRF: 1\r\nContent-Type: application/pdf\r\nPortal-Filename: small.pdf\r\nIdempotency-Key: ${crypto.randomUUID()}\r\n${framing}\r\n\r\n`;
      const block = new Uint8Array(1024 * 1024);
      block.set(PDF_BYTES);

      // Chunked transfer (no length at all): the limit stops it at 10 MB, not 50.
      const chunkHead = `${block.byteLength.toString(16)}\r\n`;
      const chunked = await rawRequest(port, [head('Transfer-Encoding: chunked'), ...Array.from({ length: fifty / block.byteLength }, () => [chunkHead, block, '\r\n']).flat()]);
      assert.match(chunked, /^HTTP\/1\.1 413 /);
      assert.match(chunked, /"code":"payload-too-large"/);

      // Content-Length says 1 KB and 50 MB follow: the body is that 1 KB (not a PDF: 415), and what
      // follows is not HTTP (400, connection closed) — whichever the server gets to first.
      const liar = await rawRequest(port, [head('Content-Length: 1024'), new Uint8Array(1024), ...Array.from({ length: 50 }, () => block)]);
      assert.match(liar, /^HTTP\/1\.1 (415|400) /);
      assert.match(liar, /application\/problem\+json/);
      assert.doesNotMatch(liar, /HTTP\/1\.1 20\d/);

      // A browser-like streaming upload through fetch.
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= fifty) return controller.close();
          sent += block.byteLength;
          controller.enqueue(block.slice());
        },
      });
      const viaFetch = await fetch(`${t.api}/attachments`, {
        method: 'POST',
        headers: { cookie: a.cookie, 'x-portal-csrf': '1', 'content-type': 'application/pdf', 'portal-filename': 'small.pdf', 'idempotency-key': crypto.randomUUID() },
        body: stream,
        duplex: 'half',
      } as RequestInit).catch((error: unknown) => error);
      // Either the 413 arrives, or the connection is cut while the client is still sending.
      if (viaFetch instanceof Response) assert.equal(viaFetch.status, 413);
      else assert.ok(viaFetch instanceof Error, String(viaFetch));

      assert.equal(storedFiles().length, before, 'nothing stored');
      await stillServing();
    });

    it('does not read an upload from someone who is not signed in', async () => {
      const block = new Uint8Array(1024 * 1024);
      block.set(PDF_BYTES);
      const answer = await rawRequest(port, [
        'POST /api/v1/attachments HTTP/1.1\r\nHost: x\r\nX-Portal-CSRF: 1\r\nContent-Type: application/pdf\r\nPortal-Filename: a.pdf\r\nIdempotency-Key: k\r\nTransfer-Encoding: chunked\r\n\r\n',
        ...Array.from({ length: 30 }, () => [`${block.byteLength.toString(16)}\r\n`, block, '\r\n']).flat(),
      ]);
      assert.match(answer, /^HTTP\/1\.1 401 /);
      assert.match(answer, /"code":"unauthorized"/);
    });

    it('refuses uploads from a patient whose messaging is revoked', async () => {
      const rory = new Agent(t.api);
      await rory.signIn('rory', 'rory-demo-password');
      assertProblem(await upload(rory, PDF_BYTES, 'application/pdf', 'a.pdf'), 403, 'messaging-revoked');
    });
  });

  describe('no leaks', () => {
    it("answers another patient's thread exactly like a missing one", async () => {
      const dana = new Agent(t.api);
      await dana.signIn('dana', 'dana-demo-password');
      const [danaThread] = await threadsOf(dana);
      const eve = new Agent(t.api);
      await eve.signIn('eve', 'eve-initial-password');
      const foreign = await eve.request('GET', op('getThread', { threadId: danaThread!.id }).path);
      const missing = await eve.request('GET', op('getThread', { threadId: 'does-not-exist' }).path);
      assertProblem(foreign, 404, 'not-found');
      assert.equal(foreign.text, missing.text);
      assertProblem(await eve.request('POST', op('markRead', { threadId: danaThread!.id }).path), 404, 'not-found');
      const reply = await eve.request('POST', op('reply', { threadId: danaThread!.id }).path, {
        json: { body: 'hijack', attachmentIds: [], triage: ROUTINE },
        headers: { 'idempotency-key': 'hijack-1' },
      });
      assertProblem(reply, 404, 'not-found');
      const detail = await t.app.backend.staffGetThread(danaThread!.id);
      assert.ok(detail.messages.every((m) => m.body !== 'hijack'));
    });

    it('answers an internal failure with a bare 500: no stack, no message', async () => {
      const broken = await startTestServer({ postgresIfAvailable: false, server: { strictResponses: false } });
      try {
        broken.app.backend.getClinic = async () => {
          throw new Error('secret internal detail at /srv/portal/db.ts:42');
        };
        const r = await new Agent(broken.api).request('GET', '/clinic');
        assertProblem(r, 500, 'server');
        assert.doesNotMatch(r.text, /secret|srv|42/);
        assert.ok(broken.logs.some((l) => l.includes('secret internal detail')), 'logged on the server instead');
        assert.equal((await fetch(`${broken.api}/session`)).status, 200, 'still serving');
      } finally {
        await broken.close();
      }
    });

    it('sends security headers on API answers', async () => {
      const r = await fetch(`${t.api}/clinic`);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(r.headers.get('cache-control'), 'no-store');
      assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'none'/);
      assert.equal(r.headers.get('x-frame-options'), 'DENY');
      assert.equal(r.headers.get('referrer-policy'), 'no-referrer');
      assert.equal(r.headers.get('x-powered-by'), null);
      await r.arrayBuffer();
    });

    it('answers unknown routes and methods with 404 problem+json', async () => {
      for (const [method, path] of [['GET', '/nope'], ['PATCH', '/session'], ['GET', '/threads/a/b/c'], ['PUT', '/clinic']] as const) {
        assertProblem(await new Agent(t.api).request(method, path, { json: method === 'GET' ? undefined : {} }), 404, 'not-found');
      }
    });
  });

  describe('idempotency over HTTP', () => {
    it('turns concurrent duplicates into one message', async () => {
      const a = new Agent(t.api);
      await a.signIn('sam', 'sam-initial-password');
      const before = (await threadsOf(a)).length;
      const results = await Promise.all(
        Array.from({ length: 6 }, () => a.request('POST', op('createThread').path, { json: newThread('Double click'), headers: { 'idempotency-key': 'double-click-1' } })),
      );
      assert.ok(results.every((r) => r.status === 201), results.map((r) => r.status).join());
      assert.equal(new Set(results.map((r) => r.json.threadId)).size, 1);
      assert.equal((await threadsOf(a)).length, before + 1);
      const mismatch = await a.request('POST', op('createThread').path, { json: newThread('Different'), headers: { 'idempotency-key': 'double-click-1' } });
      assertProblem(mismatch, 422, 'idempotency-mismatch');
    });
  });

  describe('staff API', () => {
    const staff = (command: string, init: { token?: string; origin?: string; body?: unknown } = {}) =>
      fetch(`${t.origin}/staff/v1/${command}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(init.token !== undefined && { authorization: `Bearer ${init.token}` }),
          ...(init.origin && { origin: init.origin }),
        },
        body: JSON.stringify(init.body ?? {}),
      });

    it('needs the bearer token and refuses browsers', async () => {
      assert.equal((await staff('list-open-threads')).status, 401);
      assert.equal((await staff('list-open-threads', { token: 'wrong' })).status, 401);
      assert.equal((await staff('list-open-threads', { token: 'test-staff-token-0123456789abcdef', origin: t.origin })).status, 403);
      const ok = await staff('list-open-threads', { token: 'test-staff-token-0123456789abcdef' });
      assert.equal(ok.status, 200);
      const body = (await ok.json()) as { result: { threads: Array<{ dueAt: string }> } };
      assert.ok(Array.isArray(body.result.threads));
    });

    it('replies as a named clinician, and the patient sees it', async () => {
      const a = new Agent(t.api);
      await a.signIn('eve', 'eve-initial-password');
      const sent = await a.request('POST', op('createThread').path, { json: newThread('Please call me back'), headers: { 'idempotency-key': 'staff-reply-1' } });
      const open = (await (await staff('list-open-threads', { token: 'test-staff-token-0123456789abcdef', body: { category: 'clinical' } })).json()) as {
        result: { threads: Array<{ id: string; dueAt: string; overdue: boolean }> };
      };
      const entry = open.result.threads.find((x) => x.id === sent.json.threadId);
      assert.ok(entry, 'listed as open');
      assert.equal(entry.dueAt, sent.json.handling.handledAt, 'due when the office handles it');
      const reply = await staff('reply', { token: 'test-staff-token-0123456789abcdef', body: { thread: sent.json.threadId, as: 'Dr. Maya Patel', role: 'physician', body: 'Calling you at 3.' } });
      assert.equal(reply.status, 200);
      const thread = await a.request('GET', op('getThread', { threadId: sent.json.threadId }).path);
      assert.deepEqual(thread.json.messages.at(-1).sender, { kind: 'staff', name: 'Dr. Maya Patel', role: 'physician' });
      const bad = await staff('reply', { token: 'test-staff-token-0123456789abcdef', body: { thread: 'nope', as: 'X', body: 'y' } });
      assert.equal(bad.status, 404);
    });
  });

  describe('demo site', () => {
    it('serves the pages with a strict CSP, and nothing outside its folders', async () => {
      const page = await fetch(`${t.origin}/portal.html`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.match(await page.text(), /<portal-login/);
      for (const path of ['/demo/../server/main.ts', '/demo/%2e%2e/server/main.ts', '/dist/../package.json', '/.data/staff-token', '/server/main.ts', '/demo/serve-static.mjs']) {
        const r = await fetch(t.origin + path);
        assert.equal(r.status, 404, path);
        await r.arrayBuffer();
      }
    });

    it('answers /healthz', async () => {
      const r = await fetch(`${t.origin}/healthz`);
      assert.equal(r.status, 200);
      assert.deepEqual(await r.json(), { status: 'ok' });
    });
  });
});

describe('cookie settings per deployment', () => {
  const backend = {} as never;

  it('uses __Host- and Secure over https, SameSite=None + Partitioned for cross-site', async () => {
    const t = await startTestServer({ postgresIfAvailable: false, server: { publicUrl: 'https://portal.example', cookieSameSite: 'None' } });
    try {
      const r = await fetch(`${t.api}/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-portal-csrf': '1' },
        body: JSON.stringify({ patientId: 'dana', password: 'dana-demo-password' }),
      });
      const cookie = r.headers.get('set-cookie') ?? '';
      assert.match(cookie, /^__Host-portal_session=/);
      assert.match(cookie, /; Secure/);
      assert.match(cookie, /; SameSite=None/);
      assert.match(cookie, /; Partitioned/);
      assert.match(cookie, /; Path=\//);
      assert.doesNotMatch(cookie, /Domain=/);
      assert.match(r.headers.get('strict-transport-security') ?? '', /max-age=/);
    } finally {
      await t.close();
    }
  });

  it('refuses SameSite=None without Secure', () => {
    assert.throws(() => createPortalServer({ backend, config: { cookieSameSite: 'None' } }), /Secure/);
  });
});
