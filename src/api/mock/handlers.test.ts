import { expect } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { SCENARIO_START, scenarios, type ScenarioHarness, type ScenarioResponse } from '../../backend/scenarios.js';
import { ThreadDetail, ThreadPage } from '../schemas.js';
import { createMockBackend, getLastVerificationCode, type MockBackend, type MockBackendOptions } from './handlers.js';

let worker: SetupWorker;

before(async () => {
  worker = setupWorker();
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
});

after(() => worker.stop());

/** A fresh mock behind the one worker. */
async function use(options: MockBackendOptions = {}): Promise<MockBackend> {
  const mock = createMockBackend(options);
  worker.resetHandlers(...mock.handlers);
  await mock.ready;
  return mock;
}

async function call(
  method: string,
  path: string,
  json?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`/api/v1${path}`, {
    method,
    headers: {
      ...(json !== undefined && { 'Content-Type': 'application/json' }),
      ...(method !== 'GET' && { 'X-Portal-CSRF': '1' }),
      ...headers,
    },
    ...(json !== undefined && { body: JSON.stringify(json) }),
  });
}

const ROUTINE = { level: 'routine', codes: [], acknowledged: true };

describe('mock backend (msw, real fetch)', () => {
  it('serves the demo clinic', async () => {
    await use();
    const res = await call('GET', '/clinic');
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-type')).to.equal('application/json; charset=utf-8');
    expect((await res.json()).name).to.equal('Bent Tree Family Physicians');
  });

  it('keeps the session in memory, never in document.cookie', async () => {
    const mock = await use();
    const res = await call('POST', '/session', { patientId: 'dana', password: 'dana-demo-password' });
    expect(res.status).to.equal(200);
    expect(res.headers.get('set-cookie')).to.equal(null);
    expect(document.cookie).not.to.contain('portal_session');
    expect(mock.hasSession).to.equal(true);
    expect((await (await call('GET', '/session')).json()).authenticated).to.equal(true);
    expect((await call('DELETE', '/session')).status).to.equal(204);
    expect(mock.hasSession).to.equal(false);
  });

  it('starts signed in as a persona when asked', async () => {
    await use({ signedInAs: 'rory' });
    const session = await (await call('GET', '/session')).json();
    expect(session.patient.id).to.equal('rory');
    expect(session.messaging.allowed).to.equal(false);
  });

  it('answers problem+json for errors', async () => {
    await use();
    const res = await call('POST', '/session', { patientId: 'dana', password: 'nope' });
    expect(res.status).to.equal(401);
    expect(res.headers.get('content-type')).to.equal('application/problem+json');
    expect((await res.json()).code).to.equal('invalid-credentials');
  });

  it('a dropped connection after sending: the retry with the same key yields the one message', async () => {
    const mock = await use({ signedInAs: 'dana' });
    mock.failNext('createThread', 'network');
    const body = {
      category: 'clinical',
      fields: {},
      subject: 'Lost answer',
      body: 'Did you get this?',
      attachmentIds: [],
      triage: ROUTINE,
    };
    let failed = false;
    try {
      await call('POST', '/threads', body, { 'Idempotency-Key': 'net-1' });
    } catch {
      failed = true;
    }
    expect(failed, 'fetch rejects').to.equal(true);
    const retry = await call('POST', '/threads', body, { 'Idempotency-Key': 'net-1' });
    expect(retry.status).to.equal(201);
    const page = await (await call('POST', '/threads/query', { q: 'lost answer' })).json();
    expect(page.total).to.equal(1);
  });

  it('failNext: server error, malformed and contract-violating responses, then back to normal', async () => {
    const mock = await use();
    mock.failNext('getClinic', 'server-error');
    mock.failNext('getClinic', 'malformed');
    mock.failNext('getClinic', 'contract');
    const server = await call('GET', '/clinic');
    expect(server.status).to.equal(500);
    expect((await server.json()).code).to.equal('server');
    const malformed = await call('GET', '/clinic');
    let parseFailed = false;
    await malformed.json().catch(() => (parseFailed = true));
    expect(parseFailed).to.equal(true);
    const contract = await (await call('GET', '/clinic')).json();
    expect(contract.body).to.have.length(10_000);
    expect((await call('GET', '/clinic')).status).to.equal(200);
  });

  it('failNext timeout: the answer never comes (the client must time out)', async () => {
    const mock = await use();
    mock.failNext('getClinic', 'timeout');
    const controller = new AbortController();
    const pending = fetch('/api/v1/clinic', { signal: controller.signal }).catch((e: unknown) => e);
    const outcome = await Promise.race([pending, new Promise((r) => setTimeout(() => r('still waiting'), 300))]);
    expect(outcome).to.equal('still waiting');
    controller.abort();
    expect(((await pending) as DOMException).name).to.equal('AbortError');
  });

  it('latency delays every response', async () => {
    const mock = await use();
    mock.setLatency(150);
    const start = performance.now();
    await call('GET', '/clinic');
    expect(performance.now() - start).to.be.greaterThan(140);
  });

  it('hostile content and scale data pass the contract', async () => {
    await use({ signedInAs: 'dana', hostile: true, scaleThreads: 300 });
    const page = await (await call('POST', '/threads/query', { limit: 100 })).json();
    expect(ThreadPage.safeParse(page).success).to.equal(true);
    expect(page.total).to.equal(4 + 5 + 300);
    const hostile = await (await call('GET', '/threads/hostile-script')).json();
    expect(ThreadDetail.safeParse(hostile).success).to.equal(true);
    expect(hostile.subject).to.contain('<script>');
  });

  it('exposes the verification code through the test hooks', async () => {
    const mock = await use({ signedInAs: 'bea' });
    const res = await call('POST', '/preferences/email', {
      newAddress: 'bea2@example.com',
      password: 'bea-demo-password',
    });
    expect(res.status).to.equal(200);
    const code = mock.lastVerificationCode('bea');
    expect(code).to.match(/^\d{6}$/);
    expect(getLastVerificationCode('bea')).to.equal(code);
    const verified = await (await call('POST', '/preferences/email/verify', { code })).json();
    expect(verified.email.status).to.equal('verified');
  });

  it('uploads and downloads bytes through fetch', async () => {
    await use({ signedInAs: 'dana' });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const up = await fetch('/api/v1/attachments', {
      method: 'POST',
      headers: {
        'Content-Type': 'image/png',
        'Portal-Filename': encodeURIComponent('scan é.png'),
        'Idempotency-Key': 'u1',
        'X-Portal-CSRF': '1',
      },
      body: png,
    });
    expect(up.status).to.equal(201);
    const meta = await up.json();
    expect(meta.filename).to.equal('scan é.png');
    const down = await fetch(`/api/v1/attachments/${meta.id}`);
    expect(down.headers.get('content-type')).to.equal('image/png');
    expect(Array.from(new Uint8Array(await down.arrayBuffer()))).to.deep.equal(Array.from(png));
  });
});

// ---------------------------------------------------------------- the shared scenarios, through msw

/** One browser, one session: the mock keeps a single session, so multi-session scenarios run in-process only. */
async function mswHarness(): Promise<ScenarioHarness> {
  let now = SCENARIO_START.getTime();
  const mock = await use({ clock: () => new Date(now) });
  return {
    async request(method, path, init = {}): Promise<ScenarioResponse> {
      const headers: Record<string, string> = {};
      if (method !== 'GET') headers['X-Portal-CSRF'] = '1';
      let body: BodyInit | undefined;
      if (init.json !== undefined) {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(init.json);
      }
      if (init.raw) body = init.raw as Uint8Array<ArrayBuffer>;
      for (const [k, v] of Object.entries(init.headers ?? {})) {
        const existing = Object.keys(headers).find((h) => h.toLowerCase() === k.toLowerCase());
        if (existing) delete headers[existing];
        if (v !== '') headers[k] = v;
      }
      const res = await fetch(`/api/v1${path}`, { method, headers, ...(body !== undefined && { body }) });
      const responseHeaders: Record<string, string> = {};
      res.headers.forEach((value, name) => (responseHeaders[name] = value));
      const type = res.headers.get('content-type') ?? '';
      const parsed =
        res.status === 204 ? undefined : /json/.test(type) ? await res.json() : new Uint8Array(await res.arrayBuffer());
      return { status: res.status, headers: responseHeaders, body: parsed };
    },
    async advanceClock(seconds) {
      now += seconds * 1000;
    },
    staff: {
      reply: async (threadId, author, text) => void (await mock.backend.staffReply(threadId, author, text)),
      setMessagingAllowed: (id, allowed) => mock.backend.setMessagingAllowed(id, allowed),
      publishPolicy: async (publication) => void (await mock.backend.publishPolicy(publication)),
      markEmailBounced: (id) => mock.backend.markEmailBounced(id),
    },
    notifications: async () => structuredClone(mock.notifier.events),
  };
}

describe('mock backend: shared scenarios through msw and fetch', () => {
  for (const scenario of scenarios) {
    if (scenario.needs?.includes('multi-session')) continue;
    it(scenario.name, async function () {
      this.timeout(30_000);
      await scenario.run(await mswHarness());
    });
  }
});
