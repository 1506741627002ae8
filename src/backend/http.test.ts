import { expect } from '@open-wc/testing';
import { operations, type OperationId } from '../api/operations.js';
import { Problem } from '../api/schemas.js';
import { seedDemo } from './demo-data.js';
import {
  ContractViolationError,
  handleRequest,
  matchRoute,
  PROBLEM_STATUS,
  type HttpOptions,
  type HttpRequest,
  type HttpResponse,
} from './http.js';
import { MemoryBlobStore, MemoryStore } from './memory-store.js';
import { SCENARIO_START, scenarios, type ScenarioHarness, type ScenarioResponse } from './scenarios.js';
import { pbkdf2Hasher, PortalBackend, type NotificationEvent } from './service.js';

// ---------------------------------------------------------------- an in-process harness

interface InProcess extends ScenarioHarness {
  backend: PortalBackend;
  raw(request: HttpRequest, options?: HttpOptions): Promise<HttpResponse>;
}

async function inProcessHarness(httpOptions: HttpOptions = {}): Promise<InProcess> {
  let now = SCENARIO_START.getTime();
  const events: NotificationEvent[] = [];
  const backend = new PortalBackend({
    store: new MemoryStore(),
    blobs: new MemoryBlobStore(),
    hasher: pbkdf2Hasher({ iterations: 1000 }),
    notifier: { notify: async (e) => void events.push(e) },
    clock: () => new Date(now),
  });
  await seedDemo(backend);
  const jars = new Map<string, string>();

  return {
    backend,
    raw: (request, options) => handleRequest(backend, request, { ...httpOptions, ...options }),
    async request(method, path, init = {}): Promise<ScenarioResponse> {
      const jar = init.as ?? 'main';
      const headers: Record<string, string> = {};
      if (method !== 'GET') headers['X-Portal-CSRF'] = '1';
      let body: Uint8Array | undefined;
      if (init.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = new TextEncoder().encode(JSON.stringify(init.json));
      }
      if (init.raw) body = init.raw;
      for (const [k, v] of Object.entries(init.headers ?? {})) {
        const existing = Object.keys(headers).find((h) => h.toLowerCase() === k.toLowerCase());
        if (existing) delete headers[existing];
        if (v !== '') headers[k] = v;
      }
      const token = jars.get(jar);
      if (token) headers['Cookie'] = `portal_session=${token}`;
      const res = await handleRequest(backend, { method, url: path, headers, body }, httpOptions);
      const setCookie = res.headers['set-cookie'];
      if (setCookie) {
        const value = /^portal_session=([^;]*)/.exec(setCookie)?.[1] ?? '';
        if (value && !/Max-Age=0/.test(setCookie)) jars.set(jar, value);
        else jars.delete(jar);
      }
      // Round-trip through JSON, as the wire would.
      const parsed =
        res.body instanceof Uint8Array || res.body === undefined ? res.body : JSON.parse(JSON.stringify(res.body));
      return { status: res.status, headers: res.headers, body: parsed };
    },
    async advanceClock(seconds) {
      now += seconds * 1000;
    },
    staff: {
      reply: async (threadId, author, text) => void (await backend.staffReply(threadId, author, text)),
      setMessagingAllowed: (id, allowed) => backend.setMessagingAllowed(id, allowed),
      publishPolicy: async (publication) => void (await backend.publishPolicy(publication)),
      markEmailBounced: (id) => backend.markEmailBounced(id),
    },
    notifications: async () => structuredClone(events),
  };
}

function expectProblem(res: HttpResponse, code: string): Problem {
  expect(res.status).to.equal(PROBLEM_STATUS[code as keyof typeof PROBLEM_STATUS]);
  expect(res.headers['content-type']).to.equal('application/problem+json');
  const parsed = Problem.safeParse(res.body);
  expect(parsed.success, 'problem body matches the Problem schema').to.equal(true);
  expect((res.body as Problem).code).to.equal(code);
  return res.body as Problem;
}

const get = (url: string, headers: Record<string, string> = {}): HttpRequest => ({ method: 'GET', url, headers });
const post = (url: string, json: unknown, headers: Record<string, string> = {}): HttpRequest => ({
  method: 'POST',
  url,
  headers: { 'content-type': 'application/json', 'x-portal-csrf': '1', ...headers },
  body: new TextEncoder().encode(JSON.stringify(json)),
});

// ---------------------------------------------------------------- shared behavioural scenarios

describe('backend over HTTP: shared scenarios (in-process, memory store)', () => {
  for (const scenario of scenarios) {
    it(scenario.name, async () => {
      await scenario.run(await inProcessHarness());
    });
  }
});

// ---------------------------------------------------------------- the HTTP layer itself

describe('http layer', () => {
  describe('routing', () => {
    it('routes every operation in the table, and only with its method', () => {
      for (const [id, spec] of Object.entries(operations) as Array<[OperationId, (typeof operations)[OperationId]]>) {
        const path = spec.path.replace(/\{\w+\}/g, 'abc_123-X');
        const match = matchRoute(spec.method, path);
        expect(match?.operationId, `${spec.method} ${path}`).to.equal(id);
        if (/\{\w+\}/.test(spec.path)) expect(Object.values(match!.params)).to.deep.equal(['abc_123-X']);
      }
      expect(matchRoute('GET', '/threads/query')?.operationId).to.equal('getThread'); // "query" is a valid id
      expect(matchRoute('PATCH', '/clinic')).to.equal(null);
      expect(matchRoute('GET', '/clinic/')?.operationId).to.equal('getClinic');
    });

    it('rejects path parameters that are not ids', () => {
      expect(matchRoute('GET', '/threads/a%2Fb')).to.equal(null);
      expect(matchRoute('GET', '/threads/%E0%A4%A')).to.equal(null); // malformed escape
      expect(matchRoute('GET', `/threads/${'x'.repeat(65)}`)).to.equal(null);
    });
  });

  describe('CSRF', () => {
    it('requires X-Portal-CSRF on every non-GET operation, before anything else', async () => {
      const h = await inProcessHarness();
      for (const spec of Object.values(operations)) {
        if (spec.method === 'GET') continue;
        const path = spec.path.replace(/\{\w+\}/g, 'some-id');
        const res = await h.raw({
          method: spec.method,
          url: path,
          headers: { 'content-type': 'application/json' },
          body: '{}',
        });
        expectProblem(res, 'csrf-rejected');
      }
    });

    it('rejects a listed-origin mismatch when allowedOrigins is configured', async () => {
      const h = await inProcessHarness({ allowedOrigins: ['https://clinic.example'] });
      const creds = { patientId: 'dana', password: 'dana-demo-password' };
      expectProblem(await h.raw({ ...post('/session', creds), origin: 'https://evil.example' }), 'csrf-rejected');
      expect((await h.raw(post('/session', creds, { origin: 'https://clinic.example' }))).status).to.equal(200);
      expect((await h.raw(post('/session', creds))).status).to.equal(200); // no Origin (same-origin fetch may omit it)
    });
  });

  describe('request parsing', () => {
    it('accepts bytes, strings and already-parsed JSON bodies', async () => {
      const h = await inProcessHarness();
      const creds = { patientId: 'dana', password: 'dana-demo-password' };
      const headers = { 'content-type': 'application/json', 'x-portal-csrf': '1' };
      expect((await h.raw({ method: 'POST', url: '/session', headers, body: JSON.stringify(creds) })).status).to.equal(
        200,
      );
      expect((await h.raw({ method: 'POST', url: '/session', headers, body: creds })).status).to.equal(200);
      expect((await h.raw(post('/session', creds))).status).to.equal(200);
    });

    it('reports a missing body as missing fields', async () => {
      const h = await inProcessHarness();
      const res = await h.raw({ method: 'POST', url: '/session', headers: { 'x-portal-csrf': '1' } });
      const problem = expectProblem(res, 'validation');
      expect(problem.fieldErrors).to.deep.equal([
        { field: 'patientId', code: 'required' },
        { field: 'password', code: 'required' },
      ]);
    });

    it('rejects invalid UTF-8 and oversized JSON', async () => {
      const h = await inProcessHarness();
      const bad = await h.raw({ ...post('/session', {}), body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) });
      expect(expectProblem(bad, 'validation').fieldErrors).to.deep.equal([{ field: 'body', code: 'malformed' }]);
      const huge = await h.raw(post('/session', { patientId: 'x'.repeat(300_000), password: 'p' }));
      expectProblem(huge, 'payload-too-large');
    });

    it('masks record keys it does not recognise instead of echoing them', async () => {
      const h = await inProcessHarness();
      const cookie = (await h.raw(post('/session', { patientId: 'dana', password: 'dana-demo-password' }))).headers[
        'set-cookie'
      ]!.split(';')[0]!;
      const res = await h.raw(
        post(
          '/threads',
          {
            category: 'clinical',
            fields: { '<img src=x>': 'v' },
            subject: 's',
            body: 'b',
            attachmentIds: [],
            triage: { level: 'routine', codes: [], acknowledged: true },
          },
          { cookie, 'idempotency-key': 'k1' },
        ),
      );
      const problem = expectProblem(res, 'validation');
      expect(problem.fieldErrors).to.deep.equal([{ field: 'fields.*', code: 'invalid-key' }]);
      expect(JSON.stringify(res.body)).not.to.contain('img');
    });

    it('coerces known query parameters and ignores unknown ones', async () => {
      const h = await inProcessHarness();
      expect(((await h.raw(get('/policy?locale=es&x=1'))).body as { locale: string }).locale).to.equal('es');
      expectProblem(await h.raw(get('/policy?locale=fr')), 'validation');
    });

    it('answers 401 before parsing anything for a caller without a session', async () => {
      const h = await inProcessHarness();
      expectProblem(await h.raw(post('/threads', 'not even an object')), 'unauthorized');
    });
  });

  describe('responses', () => {
    it('marks every response no-store and nosniff', async () => {
      const h = await inProcessHarness();
      for (const res of [await h.raw(get('/clinic')), await h.raw(get('/nope'))]) {
        expect(res.headers['cache-control']).to.equal('no-store');
        expect(res.headers['x-content-type-options']).to.equal('nosniff');
      }
    });

    it('sets the session cookie with safe defaults, and honours the adapter options', async () => {
      const h = await inProcessHarness();
      const creds = { patientId: 'dana', password: 'dana-demo-password' };
      const cookie = (await h.raw(post('/session', creds))).headers['set-cookie']!;
      expect(cookie).to.match(
        /^portal_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=43200; Secure; HttpOnly; SameSite=Strict$/,
      );
      const host = (
        await h.raw(post('/session', creds), {
          cookie: { name: '__Host-portal_session', path: '/app', domain: 'x.example', secure: false },
        })
      ).headers['set-cookie']!;
      expect(host).to.match(/^__Host-portal_session=[^;]+; Path=\/; Max-Age=43200; Secure; HttpOnly; SameSite=Strict$/);
      const lax = (await h.raw(post('/session', creds), { cookie: { sameSite: 'Lax', path: '/portal' } })).headers[
        'set-cookie'
      ]!;
      expect(lax).to.contain('Path=/portal').and.to.contain('SameSite=Lax');
    });

    it('reads the token from either cookie name and clears it on sign-out and when dead', async () => {
      const h = await inProcessHarness();
      const token = /=([^;]+)/.exec(
        (await h.raw(post('/session', { patientId: 'dana', password: 'dana-demo-password' }))).headers['set-cookie']!,
      )![1]!;
      const s1 = await h.raw(get('/session', { cookie: `other=1; __Host-portal_session=${token}` }));
      expect((s1.body as { authenticated: boolean }).authenticated).to.equal(true);
      const out = await h.raw({
        method: 'DELETE',
        url: '/session',
        headers: { 'x-portal-csrf': '1', cookie: `portal_session=${token}` },
      });
      expect(out.status).to.equal(204);
      expect(out.body).to.equal(undefined);
      expect(out.headers['set-cookie']).to.match(/^portal_session=; Path=\/; Max-Age=0/);
      const dead = await h.raw(get('/inbox/status', { cookie: `portal_session=${token}` }));
      expectProblem(dead, 'unauthorized');
      expect(dead.headers['set-cookie']).to.match(/Max-Age=0/);
      const deadSession = await h.raw(get('/session', { cookie: `portal_session=${token}` }));
      expect(deadSession.body).to.deep.equal({ authenticated: false });
      expect(deadSession.headers['set-cookie']).to.match(/Max-Age=0/);
    });

    it('uses 201 for creations and the documented problem statuses', async () => {
      expect(PROBLEM_STATUS['locked-out']).to.equal(429);
      expect(PROBLEM_STATUS['idempotency-mismatch']).to.equal(422);
      expect(PROBLEM_STATUS['password-rejected']).to.equal(422);
      expect(PROBLEM_STATUS.validation).to.equal(400);
      const h = await inProcessHarness();
      await h.request('POST', '/session', { json: { patientId: 'dana', password: 'dana-demo-password' } });
      const res = await h.request('POST', '/threads', {
        json: {
          category: 'clinical',
          fields: {},
          subject: 's',
          body: 'b',
          attachmentIds: [],
          triage: { level: 'routine', codes: [], acknowledged: true },
        },
        headers: { 'Idempotency-Key': 'k' },
      });
      expect(res.status).to.equal(201);
    });

    it('serves downloads as attachments that cannot run, with an RFC 6266 filename', async () => {
      const h = await inProcessHarness();
      await h.request('POST', '/session', { json: { patientId: 'dana', password: 'dana-demo-password' } });
      const pdf = new TextEncoder().encode('%PDF-1.7\n');
      const up = await h.request('POST', '/attachments', {
        raw: pdf,
        headers: {
          'Content-Type': 'application/pdf',
          'Portal-Filename': encodeURIComponent('Résumé "final" (1).pdf'),
          'Idempotency-Key': 'u',
        },
      });
      expect(up.status).to.equal(201);
      const res = await h.request('GET', `/attachments/${up.body.id}`);
      expect(res.headers['content-disposition']).to.equal(
        `attachment; filename="R_sum_ _final_ (1).pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22%20%281%29.pdf`,
      );
      expect(res.headers['content-security-policy']).to.equal("default-src 'none'; sandbox");
      expect(res.headers['content-length']).to.equal(String(pdf.byteLength));
    });
  });

  describe('problems never leak', () => {
    function brokenBackend(overrides: Partial<PortalBackend>): PortalBackend {
      return Object.assign(
        Object.create(PortalBackend.prototype),
        { clock: () => new Date() },
        overrides,
      ) as PortalBackend;
    }

    it('turns unexpected errors into a bare 500, reported through onError', async () => {
      const reported: unknown[] = [];
      const backend = brokenBackend({
        getClinic: async () => {
          throw new Error('SECRET: connection to db.internal:5432 failed for patient dana');
        },
      });
      const res = await handleRequest(backend, get('/clinic'), { onError: (e) => reported.push(e) });
      expectProblem(res, 'server');
      expect(JSON.stringify(res.body)).not.to.match(/SECRET|db\.internal|dana|stack|at /);
      expect(reported).to.have.length(1);
    });

    it('throws when our own response violates the contract (strict), or answers 500 (lenient)', async () => {
      const backend = brokenBackend({ getClinic: async () => ({ name: 42 }) as never });
      let thrown: unknown;
      try {
        await handleRequest(backend, get('/clinic'));
      } catch (e) {
        thrown = e;
      }
      expect(thrown).to.be.instanceOf(ContractViolationError);
      const reported: unknown[] = [];
      const res = await handleRequest(backend, get('/clinic'), {
        strictResponses: false,
        onError: (e) => reported.push(e),
      });
      expectProblem(res, 'server');
      expect(reported[0]).to.be.instanceOf(ContractViolationError);
    });

    it('strips fields the contract does not define from responses', async () => {
      const h = await inProcessHarness();
      const clinic = await h.backend.getClinic();
      const backend = brokenBackend({ getClinic: async () => ({ ...clinic, internalNotes: 'staff only' }) as never });
      const res = await handleRequest(backend, get('/clinic'));
      expect(res.status).to.equal(200);
      expect(res.body).not.to.have.property('internalNotes');
    });

    it("does not reveal another patient's data or whether a thread exists", async () => {
      const h = await inProcessHarness();
      await h.request('POST', '/session', { json: { patientId: 'bea', password: 'bea-demo-password' } });
      const theirs = await h.request('GET', '/threads/demo-dana-labs');
      const nothing = await h.request('GET', '/threads/no-such-thread');
      expect(theirs.status).to.equal(404);
      expect(theirs.body).to.deep.equal(nothing.body);
    });
  });
});
