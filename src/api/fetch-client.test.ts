/**
 * The real fetch client against msw in a real browser: happy paths, then every
 * way a hostile, broken or slow server can answer. Retries use a fake sleep so
 * the suite stays fast; the sleeps are recorded so the backoff can be asserted.
 */
import { expect } from '@open-wc/testing';
import { delay, http, HttpResponse } from 'msw';
import { setupWorker } from 'msw/browser';
import type { PortalClient } from './client.js';
import { PortalError } from './errors.js';
import { createFetchClient, parseRetryAfter } from './fetch-client.js';
import type { FetchClientOptions } from './fetch-client.js';
import { ProblemCode } from './schemas.js';
import type { NewMessage } from './schemas.js';

const BASE = `${location.origin}/api/v1`;
const worker = setupWorker();

/** Every request that reached the mock API, in order. */
let requests: Request[] = [];
/** Every delay the client asked the (fake) sleep for. */
let sleeps: number[] = [];

worker.events.on('request:start', ({ request }) => {
  if (new URL(request.url).pathname.startsWith('/api/')) requests.push(request.clone());
});

function client(overrides: Partial<FetchClientOptions> = {}): PortalClient {
  return createFetchClient({
    baseUrl: BASE,
    random: () => 0.5,
    sleep: async (ms, signal) => {
      sleeps.push(ms);
      if (signal?.aborted) throw signal.reason;
    },
    ...overrides,
  });
}

/** Awaits a promise expected to reject and returns the PortalError. */
async function rejection(promise: Promise<unknown>): Promise<PortalError> {
  try {
    await promise;
  } catch (error) {
    expect(error, 'rejects with a PortalError').to.be.instanceOf(PortalError);
    return error as PortalError;
  }
  throw new Error('expected the call to reject');
}

// ---------------------------------------------------------------- fixtures (valid against the schemas)

const AT = '2026-12-03T16:30:00Z';
const clinic = {
  name: 'Bent Tree Family Physicians',
  phone: '(972) 555-0142',
  emergencyNumber: '911',
  timeZone: 'America/Chicago',
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '17:00' })),
  closures: ['2026-11-26', '2026-12-25', '2027-01-01'],
  categories: [
    {
      id: 'refill',
      label: { en: 'Prescription refill', es: 'Renovación de receta' },
      description: { en: 'Ask for a refill of a current prescription.' },
      fields: [{ id: 'medication', kind: 'text', required: true, label: { en: 'Medication' }, maxLength: 100 }],
      allowsAttachments: false,
    },
  ],
  attachments: { maxCount: 5, maxBytes: 10_000_000, allowedTypes: ['application/pdf', 'image/jpeg'] },
  limits: { subjectMax: 150, bodyMax: 5000 },
  policyVersion: '2026-12-01',
  channels: ['portal', 'phone', 'mail'],
  selfServiceReset: false,
  locales: ['en', 'es'],
};
const signedIn = {
  authenticated: true,
  patient: { id: 'dana', displayName: 'Dana' },
  mustChangePassword: false,
  consent: { currentVersion: '2026-12-01', acceptedVersion: '2026-12-01', required: false },
  messaging: { allowed: true },
  notificationEmailBounced: false,
  idleExpiresAt: AT,
  absoluteExpiresAt: '2026-12-03T20:00:00Z',
  idleTimeoutSeconds: 900,
  language: 'en',
};
const staff = { kind: 'staff', name: 'Dr. Patel', role: 'physician' };
const summary = {
  id: 't1',
  subject: 'Refill',
  category: 'refill',
  lastActivityAt: AT,
  lastSender: staff,
  unreadCount: 1,
  messageCount: 2,
  hasAttachments: false,
};
const threadPage = { items: [summary], nextCursor: null, total: 1, unreadTotal: 1 };
const message = {
  id: 'm1',
  sender: { kind: 'patient', name: 'Dana', role: 'patient' },
  sentAt: AT,
  body: 'Please refill my prescription.',
  attachments: [],
};
const sendResult = { threadId: 't1', message, handling: { officeOpen: true, handledAt: AT, reason: 'open' } };
const newMessage: NewMessage = {
  category: 'refill',
  fields: { medication: 'lisinopril' },
  subject: 'Refill',
  body: 'Please refill my prescription.',
  attachmentIds: [],
  triage: { level: 'routine', codes: [], acknowledged: true },
};
const draft = {
  id: 'd1',
  updatedAt: AT,
  threadId: null,
  category: 'refill',
  fields: {},
  subject: 'Draft',
  body: 'Half-written',
  attachmentIds: [],
};
const attachment = { id: 'a1', filename: 'form.pdf', contentType: 'application/pdf', size: 5 };

const json = (body: unknown, init?: ResponseInit) => HttpResponse.json(body as Record<string, unknown>, init);
const raw = (body: BodyInit | null, contentType: string | null, status = 200, headers: Record<string, string> = {}) =>
  new HttpResponse(body, { status, headers: contentType ? { 'Content-Type': contentType, ...headers } : headers });
const problem = (
  status: number,
  code: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) =>
  raw(
    JSON.stringify({ type: `https://portal.example/problems/${code}`, title: code, status, code, ...extra }),
    'application/problem+json',
    status,
    headers,
  );

// ---------------------------------------------------------------- suite

describe('createFetchClient', () => {
  before(async () => {
    await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'error' });
  });
  after(() => worker.stop());
  beforeEach(() => {
    requests = [];
    sleeps = [];
  });
  afterEach(() => worker.resetHandlers());

  describe('happy paths', () => {
    it('getClinic returns the validated configuration', async () => {
      worker.use(http.get(`${BASE}/clinic`, () => json(clinic)));
      const result = await client().getClinic();
      expect(result).to.deep.equal(clinic);
      expect(requests).to.have.length(1);
    });

    it('getSession returns a signed-out session', async () => {
      worker.use(http.get(`${BASE}/session`, () => json({ authenticated: false })));
      expect(await client().getSession()).to.deep.equal({ authenticated: false });
    });

    it('signIn posts the credentials as JSON in the body, never in the URL', async () => {
      let body: unknown;
      let url = '';
      worker.use(
        http.post(`${BASE}/session`, async ({ request }) => {
          body = await request.json();
          url = request.url;
          return json(signedIn);
        }),
      );
      const result = await client().signIn({ patientId: 'dana', password: 'dana-demo-password' });
      expect(result.patient.id).to.equal('dana');
      expect(body).to.deep.equal({ patientId: 'dana', password: 'dana-demo-password' });
      expect(url).to.equal(`${BASE}/session`);
      expect(requests[0]!.headers.get('content-type')).to.equal('application/json');
    });

    it('strips unknown request properties before sending', async () => {
      let body: unknown;
      worker.use(
        http.post(`${BASE}/session`, async ({ request }) => {
          body = await request.json();
          return json(signedIn);
        }),
      );
      const request = { patientId: 'dana', password: 'x', extra: 'not sent' } as {
        patientId: string;
        password: string;
      };
      await client().signIn(request);
      expect(body).to.deep.equal({ patientId: 'dana', password: 'x' });
    });

    it('listThreads sends its filters (search text is PHI) in a POST body, never in the URL', async () => {
      let body: unknown;
      worker.use(
        http.post(`${BASE}/threads/query`, async ({ request }) => {
          body = await request.json();
          return json(threadPage);
        }),
      );
      const page = await client().listThreads({ q: 'a b&c=d', category: 'refill', limit: 20, cursor: 'abc/+=' });
      expect(page.items[0]!.id).to.equal('t1');
      const url = new URL(requests[0]!.url);
      expect(requests[0]!.method).to.equal('POST');
      expect(url.pathname).to.equal('/api/v1/threads/query');
      expect(url.search).to.equal('');
      expect(requests[0]!.headers.get('x-portal-csrf')).to.equal('1');
      expect(body).to.deep.equal({ cursor: 'abc/+=', limit: 20, category: 'refill', q: 'a b&c=d' });
    });

    it('listThreads with no filters sends an empty body and, being safe, is retried', async () => {
      let n = 0;
      const bodies: unknown[] = [];
      worker.use(
        http.post(`${BASE}/threads/query`, async ({ request }) => {
          bodies.push(await request.json());
          return n++ === 0 ? raw('busy', 'text/plain', 503) : json(threadPage);
        }),
      );
      await client().listThreads();
      expect(new URL(requests[0]!.url).search).to.equal('');
      expect(bodies).to.deep.equal([{}, {}]);
    });

    it('getPolicy sends the locale as a query parameter', async () => {
      const policy = {
        version: '2026-12-01',
        publishedAt: AT,
        title: 'Email Policy and Procedures',
        locale: 'es',
        sections: [{ id: 'introduction', heading: 'Introducción', paragraphs: ['Hola.'] }],
      };
      worker.use(http.get(`${BASE}/policy`, () => json(policy)));
      expect((await client().getPolicy('es')).locale).to.equal('es');
      expect(new URL(requests[0]!.url).search).to.equal('?locale=es');
    });

    it('getThread puts the id in the path', async () => {
      const detail = { id: 't1', subject: 'Refill', category: 'refill', messages: [message], canReply: true };
      worker.use(http.get(`${BASE}/threads/:threadId`, ({ params }) => json({ ...detail, id: params['threadId'] })));
      const result = await client().getThread('t1_A-z');
      expect(result.id).to.equal('t1_A-z');
    });

    it('listDrafts unwraps the list; saveDraft PUTs; deleteDraft resolves on 204', async () => {
      worker.use(
        http.get(`${BASE}/drafts`, () => json({ items: [draft] })),
        http.put(`${BASE}/drafts/:draftId`, () => json(draft)),
        http.delete(`${BASE}/drafts/:draftId`, () => new HttpResponse(null, { status: 204 })),
      );
      const c = client();
      expect(await c.listDrafts()).to.deep.equal([draft]);
      const { id: _id, updatedAt: _u, ...input } = draft;
      expect((await c.saveDraft('d1', input as Parameters<PortalClient['saveDraft']>[1])).id).to.equal('d1');
      expect(await c.deleteDraft('d1')).to.equal(undefined);
      expect(requests.map((r) => r.method)).to.deep.equal(['GET', 'PUT', 'DELETE']);
    });

    it('signOut resolves on 204 and on an empty 200', async () => {
      worker.use(http.delete(`${BASE}/session`, () => new HttpResponse(null, { status: 204 })));
      expect(await client().signOut()).to.equal(undefined);
      worker.use(http.delete(`${BASE}/session`, () => new HttpResponse('', { status: 200 })));
      expect(await client().signOut()).to.equal(undefined);
    });

    it('markRead and acceptConsent', async () => {
      worker.use(
        http.post(`${BASE}/threads/:threadId/read`, () => json({ unreadTotal: 0 })),
        http.post(`${BASE}/consent`, async ({ request }) => {
          const { version } = (await request.json()) as { version: string };
          return json({ currentVersion: version, acceptedVersion: version, acceptedAt: AT, required: false });
        }),
      );
      expect(await client().markRead('t1')).to.deep.equal({ unreadTotal: 0 });
      expect((await client().acceptConsent('2026-12-01')).acceptedVersion).to.equal('2026-12-01');
    });

    it('createThread returns the send result', async () => {
      worker.use(http.post(`${BASE}/threads`, () => json(sendResult, { status: 201 })));
      const result = await client().createThread(newMessage, { idempotencyKey: 'key-1' });
      expect(result.handling.reason).to.equal('open');
    });
  });

  describe('headers', () => {
    it('sends CSRF and Idempotency-Key on a keyed create, credentials included, redirects not followed', async () => {
      const inits: RequestInit[] = [];
      worker.use(http.post(`${BASE}/threads`, () => json(sendResult)));
      const spy: typeof fetch = (input, init) => {
        inits.push(init ?? {});
        return fetch(input, init);
      };
      await client({ fetch: spy }).createThread(newMessage, { idempotencyKey: 'abc-123' });
      const request = requests[0]!;
      expect(request.headers.get('x-portal-csrf')).to.equal('1');
      expect(request.headers.get('idempotency-key')).to.equal('abc-123');
      expect(request.headers.get('accept')).to.contain('application/json');
      expect(request.credentials).to.equal('include');
      expect(inits[0]!.credentials).to.equal('include');
      expect(inits[0]!.redirect).to.equal('manual');
      expect(inits[0]!.cache).to.equal('no-store');
    });

    it('keeps a draft save alive past the page only when asked', async () => {
      const inits: RequestInit[] = [];
      const spy: typeof fetch = async (_input, init) => {
        inits.push(init ?? {});
        const draft = JSON.parse(String(init?.body)) as Record<string, unknown>;
        return new Response(JSON.stringify({ ...draft, id: 'd-1', updatedAt: '2026-12-02T16:00:00.000Z' }), {
          status: 200,
          headers: { 'Content-Type': 'application/json' },
        });
      };
      const draft = (body: string) => ({
        threadId: null,
        category: 'billing' as const,
        fields: {},
        subject: 'Statement',
        body,
        attachmentIds: [],
      });
      const api = client({ fetch: spy });
      await api.saveDraft('d-1', draft('closing the tab'), { keepalive: true });
      await api.saveDraft('d-1', draft('an ordinary pause'));
      expect(inits.map((i) => i.keepalive)).to.deep.equal([true, false]);
    });

    it('sends CSRF (custom name) on every non-GET and never on GET', async () => {
      worker.use(
        http.get(`${BASE}/session`, () => json({ authenticated: false })),
        http.post(`${BASE}/session/keep-alive`, () => json(signedIn)),
        http.put(`${BASE}/preferences`, () =>
          json({
            notifications: { labResults: 'portal', testResults: 'portal', appointments: 'phone' },
            email: { maskedAddress: null, status: 'none', bouncedAt: null, pendingAddress: null },
            language: 'es',
            availableChannels: ['portal', 'phone'],
          }),
        ),
        http.delete(`${BASE}/session`, () => new HttpResponse(null, { status: 204 })),
      );
      const c = client({ csrfHeader: 'X-Clinic-CSRF' });
      await c.getSession();
      await c.keepAlive();
      await c.updatePreferences({ language: 'es' });
      await c.signOut();
      expect(requests.map((r) => [r.method, r.headers.get('x-clinic-csrf')])).to.deep.equal([
        ['GET', null],
        ['POST', '1'],
        ['PUT', '1'],
        ['DELETE', '1'],
      ]);
      expect(requests.every((r) => r.headers.get('idempotency-key') === null)).to.equal(true);
    });
  });

  describe('request validation (before any request)', () => {
    for (const id of ['../secret', 'a/b', '..', '%2e%2e', 't1?x=1', 't1#x', '', ' t1', 'é', 'x'.repeat(65)]) {
      it(`rejects the path parameter ${JSON.stringify(id.slice(0, 12))}`, async () => {
        const error = await rejection(client().getThread(id));
        expect(error.type).to.equal('validation');
        expect(error.fieldErrors).to.deep.equal([{ field: 'threadId', code: 'invalid' }]);
        expect(requests).to.have.length(0);
      });
    }

    it('rejects path injection in every path-parameter operation', async () => {
      const c = client();
      const attempts = [
        c.reply('../x', { body: 'b', attachmentIds: [], triage: newMessage.triage }, { idempotencyKey: 'k' }),
        c.markRead('../x'),
        c.saveDraft('../x', { ...newMessage, threadId: null, category: null, fields: {} }),
        c.deleteDraft('../x'),
        c.downloadAttachment('../x'),
      ];
      for (const attempt of attempts) expect((await rejection(attempt)).type).to.equal('validation');
      expect(requests).to.have.length(0);
    });

    it('rejects an out-of-range query', async () => {
      const error = await rejection(client().listThreads({ limit: 1000 }));
      expect(error.type).to.equal('validation');
      expect(error.fieldErrors).to.deep.equal([{ field: 'limit', code: 'too-long' }]);
      expect(requests).to.have.length(0);
    });

    it('rejects an invalid body with field codes (and no values)', async () => {
      const error = await rejection(client().signIn({ patientId: '', password: 'secret-value' }));
      expect(error.type).to.equal('validation');
      expect(error.fieldErrors).to.deep.equal([{ field: 'patientId', code: 'too-short' }]);
      expect(JSON.stringify(error)).not.to.contain('secret-value');
      expect(requests).to.have.length(0);
    });

    it('rejects a malformed idempotency key', async () => {
      const error = await rejection(client().createThread(newMessage, { idempotencyKey: 'bad key\r\nX: y' }));
      expect(error.type).to.equal('misconfigured');
      expect(requests).to.have.length(0);
    });

    for (const baseUrl of [
      '',
      'javascript:alert(1)',
      '//evil.example/api',
      'http://example.com/api',
      'ftp://localhost/api',
      'https://u:p@clinic.example/api',
      'https://clinic.example/api?x=1',
    ]) {
      it(`rejects the base URL ${JSON.stringify(baseUrl)} as misconfigured`, async () => {
        const error = await rejection(client({ baseUrl }).getClinic());
        expect(error.type).to.equal('misconfigured');
      });
    }
  });

  describe('hostile and broken responses → contract', () => {
    const cases: [string, () => Response][] = [
      ['malformed JSON', () => raw('{"name": "Bent Tree",', 'application/json')],
      ['wrong types', () => json({ ...clinic, phone: 9725550142 })],
      ['missing fields', () => json({ name: clinic.name })],
      ['an array instead of an object', () => json([clinic])],
      ['an oversized array (beyond schema bounds)', () => json({ ...clinic, closures: Array(401).fill('2026-12-25') })],
      ['an over-long string', () => json({ ...clinic, name: 'x'.repeat(121) })],
      ['text/plain', () => raw(JSON.stringify(clinic), 'text/plain')],
      ['no content type', () => raw(JSON.stringify(clinic), null)],
      ['problem+json on a 200', () => raw(JSON.stringify(clinic), 'application/problem+json')],
      ['an HTML page with 200', () => raw('<!doctype html><title>Welcome</title><p>Hi', 'text/html')],
      ['an empty body on a JSON op', () => raw('', 'application/json')],
      ['a 204 on a JSON op', () => new HttpResponse(null, { status: 204 })],
      ['invalid UTF-8', () => raw(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), 'application/json')],
      ['JSON null', () => raw('null', 'application/json')],
      ['a 10 MB body', () => raw(`{"name":"${'x'.repeat(10 * 1024 * 1024)}"}`, 'application/json')],
      ['deeply nested JSON', () => raw('['.repeat(200_000) + ']'.repeat(200_000), 'application/json')],
    ];
    for (const [name, respond] of cases) {
      it(name, async () => {
        worker.use(http.get(`${BASE}/clinic`, respond));
        const error = await rejection(client().getClinic());
        expect(error.type).to.equal('contract');
        expect(requests, 'contract errors are not retried').to.have.length(1);
      });
    }

    it('a 10 MB body is cut off by the size cap, not merely by the schema', async () => {
      const padding = ' '.repeat(10 * 1024 * 1024);
      worker.use(http.get(`${BASE}/clinic`, () => raw(JSON.stringify(clinic) + padding, 'application/json')));
      const error = await rejection(client().getClinic());
      expect(error.type).to.equal('contract');
      expect(error.message).to.contain('too large');
    });

    it('oversized thread page (101 items) is rejected whole', async () => {
      worker.use(
        http.post(`${BASE}/threads/query`, () => json({ ...threadPage, items: Array(101).fill(summary), total: 101 })),
      );
      expect((await rejection(client().listThreads())).type).to.equal('contract');
    });

    it('drops __proto__ / constructor keys and never pollutes prototypes', async () => {
      const hostile = JSON.stringify(clinic)
        .replace(/^\{/, '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},')
        .replace('"label":{"en":"Medication"}', '"label":{"en":"Medication","__proto__":{"polluted":"yes"}}');
      worker.use(http.get(`${BASE}/clinic`, () => raw(hostile, 'application/json')));
      const result = await client().getClinic();
      expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
      expect((Object.prototype as unknown as Record<string, unknown>)['polluted']).to.equal(undefined);
      expect(Object.prototype.hasOwnProperty.call(result, '__proto__')).to.equal(false);
      expect(Object.getPrototypeOf(result)).to.equal(Object.prototype);
      expect(result).to.deep.equal(clinic);
    });

    it('a 302 redirect is refused', async () => {
      worker.use(
        http.get(
          `${BASE}/clinic`,
          () => new HttpResponse(null, { status: 302, headers: { Location: `${BASE}/elsewhere` } }),
        ),
      );
      const error = await rejection(client().getClinic());
      expect(error.type).to.equal('contract');
      expect(requests.map((r) => new URL(r.url).pathname)).to.deep.equal(['/api/v1/clinic']);
    });

    it('a fetch that resolves to something other than a Response', async () => {
      const bogus = (async () => ({ hello: 'world' })) as unknown as typeof fetch;
      expect((await rejection(client({ fetch: bogus }).getClinic())).type).to.equal('contract');
    });

    it('a fetch that throws a non-Error is still a PortalError', async () => {
      const bogus = (() => {
        throw 'boom';
      }) as unknown as typeof fetch;
      expect((await rejection(client({ fetch: bogus, maxRetries: 0 }).getClinic())).type).to.equal('network');
    });
  });

  describe('HTTP errors without problem+json', () => {
    it('an HTML 500 page is typed server by status, never parsed', async () => {
      worker.use(
        http.get(`${BASE}/clinic`, () => raw('<html><body>Internal error {"name":1}</body></html>', 'text/html', 500)),
      );
      const error = await rejection(client({ maxRetries: 0 }).getClinic());
      expect(error.type).to.equal('server');
      expect(error.status).to.equal(500);
    });

    it('an HTML 404 is not-found; a JSON 401 that is not a problem is unauthorized', async () => {
      worker.use(
        http.get(`${BASE}/clinic`, () => raw('<h1>Not found</h1>', 'text/html', 404)),
        http.get(`${BASE}/session`, () => json({ error: 'nope' }, { status: 401 })),
      );
      expect((await rejection(client().getClinic())).type).to.equal('not-found');
      expect((await rejection(client().getSession())).type).to.equal('unauthorized');
      expect(requests, '4xx never retried').to.have.length(2);
    });

    it('a problem+json with an unknown code falls back to the status', async () => {
      worker.use(http.post(`${BASE}/session`, () => problem(403, 'something-new')));
      const error = await rejection(client().signIn({ patientId: 'dana', password: 'x' }));
      expect(error.type).to.equal('forbidden');
      expect(error.status).to.equal(403);
    });

    it('download: non-2xx rejects with typed errors', async () => {
      worker.use(http.get(`${BASE}/attachments/:id`, () => problem(404, 'not-found')));
      expect((await rejection(client().downloadAttachment('a1'))).type).to.equal('not-found');
    });
  });

  describe('problem+json mapping', () => {
    // Same statuses as src/backend/http.ts PROBLEM_STATUS (the client maps by `code`, not status).
    const statusFor: Record<string, number> = {
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
    for (const code of ProblemCode.options) {
      it(`maps ${code}`, async () => {
        const status = statusFor[code] ?? 400;
        const fieldErrors = [{ field: 'newPassword', code: 'too-short' }];
        worker.use(
          http.post(`${BASE}/session`, () =>
            problem(status, code, {
              detail: 'Server text the patient must never see',
              retryAfterSeconds: 42,
              fieldErrors,
            }),
          ),
        );
        const error = await rejection(client().signIn({ patientId: 'dana', password: 'x' }));
        expect(error.type).to.equal(code);
        expect(error.status).to.equal(status);
        expect(error.retryAfterSeconds).to.equal(42);
        expect(error.fieldErrors).to.deep.equal(fieldErrors);
        expect(error.message).not.to.contain('Server text');
        expect(requests, 'POST without a key is never retried').to.have.length(1);
      });
    }

    it('uses the Retry-After header when the problem has no retryAfterSeconds', async () => {
      worker.use(http.post(`${BASE}/session`, () => problem(429, 'locked-out', {}, { 'Retry-After': '120' })));
      const error = await rejection(client().signIn({ patientId: 'dana', password: 'x' }));
      expect(error.type).to.equal('locked-out');
      expect(error.retryAfterSeconds).to.equal(120);
      expect(error.fieldErrors).to.deep.equal([]);
    });

    it('a problem body with hostile extras is still mapped, extras dropped', async () => {
      worker.use(
        http.post(`${BASE}/session`, () =>
          raw(
            '{"__proto__":{"polluted":1},"type":"about:blank","title":"x","status":401,"code":"invalid-credentials","extra":1}',
            'application/problem+json',
            401,
          ),
        ),
      );
      expect((await rejection(client().signIn({ patientId: 'dana', password: 'x' }))).type).to.equal(
        'invalid-credentials',
      );
      expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    });
  });

  describe('429 and Retry-After', () => {
    const once429 = (retryAfter: string) => {
      let n = 0;
      return http.get(`${BASE}/clinic`, () =>
        n++ === 0 ? raw('Too many', 'text/plain', 429, { 'Retry-After': retryAfter }) : json(clinic),
      );
    };

    it("'5' → waits 5 s, then retries and succeeds", async () => {
      worker.use(once429('5'));
      await client().getClinic();
      expect(sleeps).to.deep.equal([5000]);
      expect(requests).to.have.length(2);
    });

    for (const garbage of ['-1', 'abc', '1.5', '5, 6']) {
      it(`'${garbage}' is ignored: no retryAfterSeconds, normal backoff`, async () => {
        worker.use(http.get(`${BASE}/clinic`, () => raw('', null, 429, { 'Retry-After': garbage })));
        const error = await rejection(client({ maxRetries: 0 }).getClinic());
        expect(error.type).to.equal('rate-limited');
        expect(error.retryAfterSeconds).to.equal(undefined);
        worker.use(once429(garbage));
        await client().getClinic();
        expect(sleeps).to.deep.equal([150]); // 0.5 × 300 ms
      });
    }

    it('an HTTP-date is converted to seconds from now', async () => {
      const date = new Date(Date.now() + 20_000).toUTCString();
      worker.use(http.get(`${BASE}/clinic`, () => raw('', null, 429, { 'Retry-After': date })));
      const error = await rejection(client({ maxRetries: 0 }).getClinic());
      expect(error.retryAfterSeconds).to.be.within(18, 20);
      worker.use(once429(date));
      await client().getClinic();
      expect(sleeps).to.have.length(1);
      expect(sleeps[0]).to.be.within(18_000, 20_000);
    });

    it("'99999' → clamped to 300 s, surfaced, not retried", async () => {
      worker.use(http.get(`${BASE}/clinic`, () => raw('', null, 429, { 'Retry-After': '99999' })));
      const error = await rejection(client().getClinic());
      expect(error.type).to.equal('rate-limited');
      expect(error.retryAfterSeconds).to.equal(300);
      expect(requests).to.have.length(1);
      expect(sleeps).to.deep.equal([]);
    });

    it('a problem retryAfterSeconds over 30 s is surfaced, not retried', async () => {
      worker.use(http.get(`${BASE}/clinic`, () => problem(429, 'rate-limited', { retryAfterSeconds: 31 })));
      const error = await rejection(client().getClinic());
      expect(error.retryAfterSeconds).to.equal(31);
      expect(requests).to.have.length(1);
    });

    it('parseRetryAfter clamps and ignores garbage', () => {
      const now = Date.parse('Wed, 02 Dec 2026 12:00:00 GMT');
      expect(parseRetryAfter('0', now)).to.equal(0);
      expect(parseRetryAfter(' 7 ', now)).to.equal(7);
      expect(parseRetryAfter('301', now)).to.equal(300);
      expect(parseRetryAfter('Wed, 02 Dec 2026 12:01:00 GMT', now)).to.equal(60);
      expect(parseRetryAfter('Wed, 02 Dec 2026 11:00:00 GMT', now), 'past date').to.equal(0);
      expect(parseRetryAfter('Wed, 02 Dec 2027 12:00:00 GMT', now)).to.equal(300);
      for (const bad of [
        null,
        '',
        '-1',
        'abc',
        '1e3',
        '0x10',
        'Wed, 99 Dec 2026 12:00:00 GMT',
        '2026-12-02T12:00:00Z',
      ]) {
        expect(parseRetryAfter(bad, now), String(bad)).to.equal(undefined);
      }
    });
  });

  describe('retries', () => {
    it('503 then 200: a GET is retried with jittered backoff', async () => {
      let n = 0;
      worker.use(http.get(`${BASE}/clinic`, () => (n++ === 0 ? raw('busy', 'text/plain', 503) : json(clinic))));
      expect(await client().getClinic()).to.deep.equal(clinic);
      expect(requests).to.have.length(2);
      expect(sleeps).to.deep.equal([150]);
    });

    it('gives up after maxRetries with exponential full-jitter backoff', async () => {
      worker.use(http.get(`${BASE}/clinic`, () => raw('down', 'text/plain', 502)));
      const error = await rejection(client({ maxRetries: 3, random: () => 0.999 }).getClinic());
      expect(error.type).to.equal('server');
      expect(requests).to.have.length(4);
      expect(sleeps).to.deep.equal([299, 599, 1198]);
    });

    it('500 on a POST without an idempotency key (signIn) is not retried', async () => {
      worker.use(http.post(`${BASE}/session`, () => raw('oops', 'text/html', 500)));
      const error = await rejection(client().signIn({ patientId: 'dana', password: 'x' }));
      expect(error.type).to.equal('server');
      expect(requests).to.have.length(1);
      expect(sleeps).to.deep.equal([]);
    });

    it('a network error on a POST without a key is not retried', async () => {
      worker.use(http.post(`${BASE}/session/keep-alive`, () => HttpResponse.error()));
      expect((await rejection(client().keepAlive())).type).to.equal('network');
      expect(requests).to.have.length(1);
    });

    it('a keyed create is retried with the SAME Idempotency-Key', async () => {
      let n = 0;
      worker.use(
        http.post(`${BASE}/threads`, () => (n++ < 2 ? problem(503, 'server') : json(sendResult, { status: 201 }))),
      );
      await client().createThread(newMessage, { idempotencyKey: 'same-key-1' });
      expect(requests).to.have.length(3);
      expect(requests.map((r) => r.headers.get('idempotency-key'))).to.deep.equal([
        'same-key-1',
        'same-key-1',
        'same-key-1',
      ]);
    });

    it('4xx other than 429 is never retried, even for GET', async () => {
      worker.use(http.get(`${BASE}/consent`, () => problem(403, 'consent-required')));
      expect((await rejection(client().getConsent())).type).to.equal('consent-required');
      expect(requests).to.have.length(1);
    });

    it('does not retry after the caller aborted during the backoff', async () => {
      const controller = new AbortController();
      worker.use(http.get(`${BASE}/clinic`, () => raw('busy', 'text/plain', 503)));
      const c = client({
        sleep: async (ms, signal) => {
          sleeps.push(ms);
          controller.abort();
          if (signal?.aborted) throw signal.reason;
        },
      });
      const error = await rejection(c.getClinic({ signal: controller.signal }));
      expect(error.type).to.equal('aborted');
      expect(requests).to.have.length(1);
    });

    it('a sleep that rejects with garbage still yields a PortalError', async () => {
      worker.use(http.get(`${BASE}/clinic`, () => raw('busy', 'text/plain', 503)));
      const c = client({ sleep: () => Promise.reject(new TypeError('weird')) });
      expect(await rejection(c.getClinic())).to.be.instanceOf(PortalError);
    });
  });

  describe('timeouts, aborts, network errors', () => {
    it('a connection that never answers → timeout', async () => {
      worker.use(
        http.get(`${BASE}/clinic`, async () => {
          await delay('infinite');
          return json(clinic);
        }),
      );
      const error = await rejection(client({ timeoutMs: 100, maxRetries: 1 }).getClinic());
      expect(error.type).to.equal('timeout');
      expect(requests, 'timeouts of safe requests are retried').to.have.length(2);
    });

    it('caller abort → aborted (and not retried)', async () => {
      worker.use(
        http.get(`${BASE}/clinic`, async () => {
          await delay('infinite');
          return json(clinic);
        }),
      );
      const controller = new AbortController();
      const pending = client().getClinic({ signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      const error = await rejection(pending);
      expect(error.type).to.equal('aborted');
      expect(requests).to.have.length(1);
      expect(sleeps).to.deep.equal([]);
    });

    it('an already-aborted signal sends nothing', async () => {
      const error = await rejection(client().getClinic({ signal: AbortSignal.abort() }));
      expect(error.type).to.equal('aborted');
      expect(requests).to.have.length(0);
    });

    it('HttpResponse.error() → network (GET retried, then surfaced)', async () => {
      worker.use(http.get(`${BASE}/clinic`, () => HttpResponse.error()));
      const error = await rejection(client().getClinic());
      expect(error.type).to.equal('network');
      expect(error.status).to.equal(undefined);
      expect(requests).to.have.length(3);
    });
  });

  describe('attachments', () => {
    it('upload: XHR with headers, encoded filename, progress, validated result', async () => {
      let received = '';
      worker.use(
        http.post(`${BASE}/attachments`, async ({ request }) => {
          received = await request.text();
          return json({ ...attachment, filename: decodeURIComponent(request.headers.get('portal-filename') ?? '') });
        }),
      );
      const progress: [number, number][] = [];
      const name = 'Formulario de salud ñ "x"\r\n.pdf';
      const result = await client().uploadAttachment(new Blob(['hello'], { type: 'application/pdf' }), name, {
        idempotencyKey: 'upload-1',
        onProgress: (sent, total) => progress.push([sent, total]),
      });
      expect(result.filename).to.equal(name);
      expect(received).to.equal('hello');
      const request = requests[0]!;
      expect(new URL(request.url).pathname).to.equal('/api/v1/attachments');
      expect(new URL(request.url).search).to.equal('');
      expect(request.headers.get('portal-filename')).to.equal(encodeURIComponent(name));
      expect(request.headers.get('content-type')).to.equal('application/pdf');
      expect(request.headers.get('x-portal-csrf')).to.equal('1');
      expect(request.headers.get('idempotency-key')).to.equal('upload-1');
      expect(request.credentials).to.equal('include');
      expect(progress.at(-1)).to.deep.equal([5, 5]);
    });

    it('upload: problem+json maps; a bad 200 body is contract; 503 is retried with the same key', async () => {
      worker.use(http.post(`${BASE}/attachments`, () => problem(415, 'unsupported-media-type')));
      const file = new Blob(['x'], { type: 'application/x-msdownload' });
      expect((await rejection(client().uploadAttachment(file, 'a.exe', { idempotencyKey: 'u1' }))).type).to.equal(
        'unsupported-media-type',
      );
      worker.use(http.post(`${BASE}/attachments`, () => raw('<html>', 'text/html')));
      expect((await rejection(client().uploadAttachment(file, 'a.pdf', { idempotencyKey: 'u2' }))).type).to.equal(
        'contract',
      );
      requests = [];
      let n = 0;
      worker.use(http.post(`${BASE}/attachments`, () => (n++ === 0 ? raw('', null, 503) : json(attachment))));
      await client().uploadAttachment(file, 'a.pdf', { idempotencyKey: 'u3' });
      expect(requests.map((r) => r.headers.get('idempotency-key'))).to.deep.equal(['u3', 'u3']);
    });

    it('upload: caller abort → aborted; empty filename → validation; network error → network', async () => {
      worker.use(
        http.post(`${BASE}/attachments`, async () => {
          await delay('infinite');
          return json(attachment);
        }),
      );
      const controller = new AbortController();
      const pending = client().uploadAttachment(new Blob(['x']), 'a.pdf', {
        idempotencyKey: 'u4',
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 50);
      expect((await rejection(pending)).type).to.equal('aborted');
      expect((await rejection(client().uploadAttachment(new Blob(['x']), '', { idempotencyKey: 'u5' }))).type).to.equal(
        'validation',
      );
      worker.use(http.post(`${BASE}/attachments`, () => HttpResponse.error()));
      expect(
        (
          await rejection(
            client({ maxRetries: 0 }).uploadAttachment(new Blob(['x']), 'a.pdf', { idempotencyKey: 'u6' }),
          )
        ).type,
      ).to.equal('network');
    });

    it('upload: a 10 MB response is contract', async () => {
      worker.use(http.post(`${BASE}/attachments`, () => raw(`"${'x'.repeat(10 * 1024 * 1024)}"`, 'application/json')));
      const error = await rejection(client().uploadAttachment(new Blob(['x']), 'a.pdf', { idempotencyKey: 'u7' }));
      expect(error.type).to.equal('contract');
    });

    it('download returns a Blob; unsafe types are neutralised; HTML is refused', async () => {
      worker.use(http.get(`${BASE}/attachments/a1`, () => raw(new Uint8Array([37, 80, 68, 70]), 'application/pdf')));
      const blob = await client().downloadAttachment('a1');
      expect(blob).to.be.instanceOf(Blob);
      expect(blob.type).to.equal('application/pdf');
      expect(await blob.text()).to.equal('%PDF');
      expect(requests[0]!.headers.get('x-portal-csrf')).to.equal(null);

      worker.use(http.get(`${BASE}/attachments/a1`, () => raw('<svg onload="alert(1)"/>', 'image/svg+xml')));
      expect((await client().downloadAttachment('a1')).type).to.equal('application/octet-stream');

      worker.use(http.get(`${BASE}/attachments/a1`, () => raw('<html>', 'text/html')));
      expect((await rejection(client().downloadAttachment('a1'))).type).to.equal('contract');
    });
  });
});
