/**
 * Behavioural scenarios of the portal API, over HTTP only, independent of any
 * test framework. Today they run against `handleRequest` + the memory store
 * (http.test.ts) and through msw with real `fetch` (handlers.test.ts); the
 * reference server runs the same list against itself over the network, so the
 * mock and the server are held to one set of expectations.
 *
 * To run them elsewhere, implement `ScenarioHarness` for a *fresh* backend
 * seeded with `seedDemo`, whose clock starts at `SCENARIO_START`, and call
 * `scenario.run(harness)` (it rejects with an Error describing the first
 * failed expectation). Skip scenarios whose `needs` your harness cannot meet.
 */
import type { Sender } from '../api/schemas.js';
import type { NotificationEvent, PolicyPublication } from './service.js';

/** Wednesday 2026-12-02, 09:00 in Dallas: the office is open. */
export const SCENARIO_START = new Date('2026-12-02T15:00:00.000Z');

export interface ScenarioResponse {
  status: number;
  /** Lower-case names. */
  headers: Record<string, string>;
  /** Parsed JSON, `Uint8Array` for binary responses, undefined for 204. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export interface RequestInit {
  /** JSON body (serialised by the harness, with `Content-Type: application/json`). */
  json?: unknown;
  /** Raw body bytes (uploads, malformed JSON); `Content-Type` comes from `headers`. */
  raw?: Uint8Array;
  /** Extra or overriding headers. The harness adds `X-Portal-CSRF: 1` to non-GET requests unless this sets it to ''. */
  headers?: Record<string, string>;
  /** Which "browser" (cookie jar) sends it; default `main`. */
  as?: string;
}

export interface ScenarioHarness {
  /** One request to the API, path relative to the API base. */
  request(method: string, path: string, init?: RequestInit): Promise<ScenarioResponse>;
  /** Move the backend's clock forward. */
  advanceClock(seconds: number): Promise<void>;
  staff: {
    reply(threadId: string, author: { name: string; role: Sender['role'] }, body: string): Promise<void>;
    setMessagingAllowed(patientId: string, allowed: boolean): Promise<void>;
    publishPolicy(publication: PolicyPublication): Promise<void>;
    markEmailBounced(patientId: string): Promise<void>;
  };
  /** Every notification handed to the notifier so far. */
  notifications(): Promise<NotificationEvent[]>;
}

export type ScenarioNeed = 'clock' | 'multi-session';

export interface Scenario {
  name: string;
  needs?: ScenarioNeed[];
  run(h: ScenarioHarness): Promise<void>;
}

// ================================================================ assertions (framework-free)

export class ScenarioFailure extends Error {
  override readonly name = 'ScenarioFailure';
}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ScenarioFailure(message);
}

function equal(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  check(a === e, `${what}: expected ${e}, got ${a}`);
}

function status(res: ScenarioResponse, expected: number, what: string): void {
  check(
    res.status === expected,
    `${what}: expected status ${expected}, got ${res.status} ${JSON.stringify(res.body)?.slice(0, 300)}`,
  );
}

/** A problem+json answer with this status and code, in the contract's shape. */
function isProblem(res: ScenarioResponse, expectedStatus: number, code: string, what: string): void {
  status(res, expectedStatus, what);
  check(
    res.headers['content-type']?.startsWith('application/problem+json'),
    `${what}: problem content type, got ${res.headers['content-type']}`,
  );
  equal(res.body.code, code, `${what}: problem code`);
  equal(res.body.status, expectedStatus, `${what}: problem status`);
  equal(res.body.type, `https://portal-widgets.dev/problems/${code}`, `${what}: problem type`);
  check(typeof res.body.title === 'string' && res.body.title.length > 0, `${what}: problem title`);
}

function fieldErrorOf(res: ScenarioResponse, field: string): string | undefined {
  return (res.body?.fieldErrors as Array<{ field: string; code: string }> | undefined)?.find((e) => e.field === field)
    ?.code;
}

function noEcho(res: ScenarioResponse, secret: string, what: string): void {
  check(!JSON.stringify(res.body ?? '').includes(secret), `${what}: response echoes ${JSON.stringify(secret)}`);
}

// ================================================================ fixtures

export const PASSWORDS = {
  dana: 'dana-demo-password',
  newbie: 'welcome-newbie-2026',
  rory: 'rory-demo-password',
  bea: 'bea-demo-password',
} as const;

/** Passes the password rules (15+ characters, not common, not the id). */
export const STRONG_PASSWORD = 'violet-harbor-lantern-42';

const ROUTINE = { level: 'routine', codes: [], acknowledged: true };

export function refillMessage(overrides: Record<string, unknown> = {}) {
  return {
    category: 'refill',
    fields: { medication: 'Metformin', dose: '500 mg twice a day', pharmacy: 'CVS, Campbell Rd', daysLeft: '4' },
    subject: 'Metformin refill',
    body: 'Please refill my metformin.',
    attachmentIds: [],
    triage: ROUTINE,
    ...overrides,
  };
}

async function signIn(h: ScenarioHarness, patientId: keyof typeof PASSWORDS, as = 'main'): Promise<ScenarioResponse> {
  const res = await h.request('POST', '/session', { json: { patientId, password: PASSWORDS[patientId] }, as });
  status(res, 200, `sign in ${patientId}`);
  return res;
}

/** `listThreads` is a POST (search text is PHI and stays out of URLs). */
async function listThreads(
  h: ScenarioHarness,
  query: Record<string, unknown> = {},
  as = 'main',
): Promise<ScenarioResponse> {
  return h.request('POST', '/threads/query', { json: query, as });
}

async function send(h: ScenarioHarness, key: string, message: unknown, as = 'main'): Promise<ScenarioResponse> {
  return h.request('POST', '/threads', { json: message, headers: { 'Idempotency-Key': key }, as });
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

// ================================================================ the scenarios

export const scenarios: Scenario[] = [
  {
    name: 'public clinic configuration is the demo clinic',
    async run(h) {
      const res = await h.request('GET', '/clinic');
      status(res, 200, 'GET /clinic');
      equal(res.body.name, 'Bent Tree Family Physicians', 'name');
      equal(res.body.phone, '(972) 555-0142', 'phone');
      equal(res.body.timeZone, 'America/Chicago', 'time zone');
      equal(res.body.policyVersion, '2026-12-01', 'policy version');
      equal(
        res.body.categories.map((c: { id: string }) => c.id),
        ['appointment', 'billing', 'clinical', 'refill', 'health-form', 'bill-payment'],
        'categories',
      );
      equal(res.headers['cache-control'], 'no-store', 'cache-control');
    },
  },
  {
    name: 'the policy is served in English and Spanish',
    async run(h) {
      const en = await h.request('GET', '/policy');
      status(en, 200, 'GET /policy');
      equal(en.body.locale, 'en', 'default locale');
      equal(en.body.sections.length, 6, 'six sections');
      const es = await h.request('GET', '/policy?locale=es');
      equal(es.body.locale, 'es', 'Spanish');
      equal(es.body.version, en.body.version, 'same version');
    },
  },
  {
    name: 'sign-in sets an HttpOnly session cookie and the session reflects the patient',
    async run(h) {
      const before = await h.request('GET', '/session');
      equal(before.body, { authenticated: false }, 'signed out at first');
      const res = await signIn(h, 'dana');
      equal(res.body.patient.id, 'dana', 'patient id');
      equal(res.body.consent.required, false, 'dana has consented');
      equal(res.body.idleTimeoutSeconds, 900, 'idle timeout');
      if (res.headers['set-cookie'] !== undefined) {
        check(/HttpOnly/i.test(res.headers['set-cookie']), 'cookie is HttpOnly');
        check(/SameSite=Strict/i.test(res.headers['set-cookie']), 'cookie is SameSite=Strict');
      }
      const after = await h.request('GET', '/session');
      equal(after.body.authenticated, true, 'signed in');
      noEcho(res, PASSWORDS.dana, 'sign-in response');
    },
  },
  {
    name: 'unknown patient id and wrong password get the same answer',
    async run(h) {
      const wrong = await h.request('POST', '/session', { json: { patientId: 'dana', password: 'not-her-password' } });
      const unknown = await h.request('POST', '/session', {
        json: { patientId: 'nobody-here', password: 'not-her-password' },
      });
      isProblem(wrong, 401, 'invalid-credentials', 'wrong password');
      isProblem(unknown, 401, 'invalid-credentials', 'unknown id');
      equal(wrong.body, unknown.body, 'identical problem bodies');
      noEcho(unknown, 'nobody-here', 'unknown id');
    },
  },
  {
    name: 'five failures lock the patient id for fifteen minutes',
    needs: ['clock'],
    async run(h) {
      for (let i = 1; i <= 4; i++) {
        const r = await h.request('POST', '/session', { json: { patientId: 'dana', password: `guess-${i}` } });
        isProblem(r, 401, 'invalid-credentials', `failure ${i}`);
      }
      const fifth = await h.request('POST', '/session', { json: { patientId: 'dana', password: 'guess-5' } });
      isProblem(fifth, 429, 'locked-out', 'fifth failure');
      equal(fifth.body.retryAfterSeconds, 900, 'retryAfterSeconds');
      equal(fifth.headers['retry-after'], '900', 'Retry-After header');
      // Even the right password, and even from another browser (no cookie), is refused while locked.
      const right = await h.request('POST', '/session', {
        json: { patientId: 'DANA', password: PASSWORDS.dana },
        as: 'other',
      });
      isProblem(right, 429, 'locked-out', 'right password while locked');
      await h.advanceClock(10 * 60);
      const later = await h.request('POST', '/session', { json: { patientId: 'dana', password: PASSWORDS.dana } });
      isProblem(later, 429, 'locked-out', 'still locked after 10 minutes');
      check(later.body.retryAfterSeconds <= 300 && later.body.retryAfterSeconds > 0, 'retry after counts down');
      await h.advanceClock(5 * 60 + 1);
      await signIn(h, 'dana');
    },
  },
  {
    name: 'unknown ids lock out too, so lockout does not reveal which ids exist',
    async run(h) {
      let last: ScenarioResponse | undefined;
      for (let i = 1; i <= 5; i++) {
        last = await h.request('POST', '/session', { json: { patientId: 'ghost', password: `guess-${i}` } });
      }
      isProblem(last!, 429, 'locked-out', 'fifth failure for an unknown id');
    },
  },
  {
    name: 'non-GET requests without X-Portal-CSRF are rejected',
    async run(h) {
      const res = await h.request('POST', '/session', {
        json: { patientId: 'dana', password: PASSWORDS.dana },
        headers: { 'X-Portal-CSRF': '' },
      });
      isProblem(res, 403, 'csrf-rejected', 'sign-in without CSRF header');
      const session = await h.request('GET', '/session');
      equal(session.body.authenticated, false, 'not signed in');
    },
  },
  {
    name: 'first sign-in: password change required, then consent, then messaging',
    async run(h) {
      const signedIn = await signIn(h, 'newbie');
      equal(signedIn.body.mustChangePassword, true, 'mustChangePassword');
      isProblem(await listThreads(h), 403, 'password-change-required', 'threads before change');
      isProblem(await h.request('GET', '/preferences'), 403, 'password-change-required', 'preferences before change');
      status(await h.request('POST', '/session/keep-alive'), 200, 'keep-alive is allowed');

      const weak = await h.request('POST', '/session/password', {
        json: { currentPassword: PASSWORDS.newbie, newPassword: 'qz7hunter' },
      });
      isProblem(weak, 422, 'password-rejected', 'weak password');
      equal(weak.body.fieldErrors, [{ field: 'newPassword', code: 'too-short' }], 'reason');
      noEcho(weak, 'qz7hunter', 'rejected password');

      const wrongCurrent = await h.request('POST', '/session/password', {
        json: { currentPassword: 'not-the-password', newPassword: STRONG_PASSWORD },
      });
      isProblem(wrongCurrent, 401, 'invalid-credentials', 'wrong current password');

      const changed = await h.request('POST', '/session/password', {
        json: { currentPassword: PASSWORDS.newbie, newPassword: STRONG_PASSWORD },
      });
      status(changed, 200, 'strong password');
      equal(changed.body.mustChangePassword, false, 'no longer required');
      equal(changed.body.consent.required, true, 'consent still required');

      isProblem(await listThreads(h), 403, 'consent-required', 'threads before consent');
      isProblem(await send(h, 'k-newbie-1', refillMessage()), 403, 'consent-required', 'compose before consent');
      const stale = await h.request('POST', '/consent', { json: { version: '2025-01-01' } });
      isProblem(stale, 409, 'conflict', 'accepting an old version');
      const accepted = await h.request('POST', '/consent', { json: { version: '2026-12-01' } });
      status(accepted, 200, 'accept current');
      equal(accepted.body.required, false, 'consent recorded');
      const threads = await listThreads(h);
      status(threads, 200, 'threads after consent');
      equal(threads.body.total, 0, 'newbie has no threads');

      // The new password works; the office-issued one no longer does.
      status(
        await h.request('POST', '/session', { json: { patientId: 'newbie', password: STRONG_PASSWORD }, as: 'other' }),
        200,
        'sign in with new password',
      );
      isProblem(
        await h.request('POST', '/session', { json: { patientId: 'newbie', password: PASSWORDS.newbie }, as: 'third' }),
        401,
        'invalid-credentials',
        'old password',
      );
    },
  },
  {
    name: 'a new policy version requires consent again',
    async run(h) {
      await signIn(h, 'dana');
      status(await listThreads(h), 200, 'before');
      await h.staff.publishPolicy({
        version: '2027-02-01',
        documents: [
          {
            locale: 'en',
            title: 'Email Policy and Procedures',
            sections: [{ id: 'general', heading: 'General', paragraphs: ['Updated.'] }],
          },
        ],
      });
      isProblem(await listThreads(h), 403, 'consent-required', 'after publishing');
      const session = await h.request('GET', '/session');
      equal(
        session.body.consent,
        { currentVersion: '2027-02-01', acceptedVersion: '2026-12-01', required: true },
        'session consent',
      );
      status(await h.request('POST', '/consent', { json: { version: '2027-02-01' } }), 200, 'accept');
      status(await listThreads(h), 200, 'after accepting');
    },
  },
  {
    name: 'revoked messaging: can sign in and read, cannot send, reply, draft or upload',
    async run(h) {
      const session = await signIn(h, 'rory');
      equal(session.body.messaging, { allowed: false }, 'session says revoked');
      const threads = await listThreads(h);
      status(threads, 200, 'list threads');
      check(threads.body.total >= 1, 'rory has history');
      const thread = await h.request('GET', `/threads/${threads.body.items[0].id}`);
      status(thread, 200, 'read thread');
      equal(thread.body.canReply, false, 'canReply');
      isProblem(await send(h, 'k-rory-1', refillMessage()), 403, 'messaging-revoked', 'createThread');
      isProblem(
        await h.request('POST', `/threads/${thread.body.id}/messages`, {
          json: { body: 'Hello?', attachmentIds: [], triage: ROUTINE },
          headers: { 'Idempotency-Key': 'k-rory-2' },
        }),
        403,
        'messaging-revoked',
        'reply',
      );
      isProblem(
        await h.request('PUT', '/drafts/d1', {
          json: { threadId: null, category: null, fields: {}, subject: '', body: 'x', attachmentIds: [] },
        }),
        403,
        'messaging-revoked',
        'saveDraft',
      );
      isProblem(
        await h.request('POST', '/attachments', {
          raw: PDF,
          headers: { 'Content-Type': 'application/pdf', 'Portal-Filename': 'a.pdf', 'Idempotency-Key': 'k-rory-3' },
        }),
        403,
        'messaging-revoked',
        'upload',
      );
      await h.staff.setMessagingAllowed('rory', true);
      status(await send(h, 'k-rory-4', refillMessage()), 201, 'allowed again');
    },
  },
  {
    name: 'category fields, limits and triage acknowledgement are validated',
    async run(h) {
      await signIn(h, 'dana');
      const missing = await send(h, 'k-v1', refillMessage({ fields: { medication: 'Metformin', daysLeft: 'many' } }));
      isProblem(missing, 400, 'validation', 'missing fields');
      equal(fieldErrorOf(missing, 'fields.dose'), 'required', 'dose required');
      equal(fieldErrorOf(missing, 'fields.pharmacy'), 'required', 'pharmacy required');
      equal(fieldErrorOf(missing, 'fields.daysLeft'), 'invalid-number', 'daysLeft is a number');
      const tooLong = await send(h, 'k-v2', refillMessage({ subject: 'x'.repeat(121), body: 'y'.repeat(4001) }));
      equal(fieldErrorOf(tooLong, 'subject'), 'too-long', 'clinic subject limit (120)');
      equal(fieldErrorOf(tooLong, 'body'), 'too-long', 'clinic body limit (4000)');
      const blank = await send(h, 'k-v3', refillMessage({ subject: '   ', body: ' \n ' }));
      equal(fieldErrorOf(blank, 'subject'), 'required', 'blank subject');
      equal(fieldErrorOf(blank, 'body'), 'required', 'blank body');
      const urgent = await send(
        h,
        'k-v4',
        refillMessage({ triage: { level: 'urgent', codes: ['chest-pain'], acknowledged: false } }),
      );
      equal(fieldErrorOf(urgent, 'triage.acknowledged'), 'required', 'urgent needs acknowledgement');
      const clinical = await send(h, 'k-v5', refillMessage({ category: 'clinical', fields: {} }));
      status(clinical, 201, 'clinical has no required fields');
      const unknownCategory = await send(h, 'k-v6', refillMessage({ category: 'gossip' }));
      isProblem(unknownCategory, 400, 'validation', 'unknown category');
      noEcho(unknownCategory, 'gossip', 'unknown category');
    },
  },
  {
    name: 'sending returns the handling time from business hours',
    needs: ['clock'],
    async run(h) {
      await signIn(h, 'dana');
      const open = await send(h, 'k-h1', refillMessage());
      status(open, 201, 'send while open');
      equal(open.body.handling, { officeOpen: true, handledAt: '2026-12-02T15:00:00.000Z', reason: 'open' }, 'open');
      // Friday 17:30 in Dallas: handled Monday 08:00.
      await h.advanceClock(2 * 86_400 + 8.5 * 3600);
      await signIn(h, 'dana');
      const late = await send(h, 'k-h2', refillMessage());
      equal(
        late.body.handling,
        { officeOpen: false, handledAt: '2026-12-07T14:00:00.000Z', reason: 'after-hours' },
        'after hours',
      );
    },
  },
  {
    name: 'idempotency: same key and body replays, different body is a mismatch, no key is invalid',
    async run(h) {
      await signIn(h, 'dana');
      const first = await send(h, 'key-123', refillMessage());
      status(first, 201, 'first send');
      const again = await send(h, 'key-123', refillMessage());
      status(again, 201, 'replay');
      equal(again.body, first.body, 'same result');
      const other = await send(h, 'key-123', refillMessage({ body: 'Something else.' }));
      isProblem(other, 422, 'idempotency-mismatch', 'different body');
      const noKey = await h.request('POST', '/threads', { json: refillMessage() });
      isProblem(noKey, 400, 'validation', 'no key');
      equal(fieldErrorOf(noKey, 'Idempotency-Key'), 'required', 'key required');
      const threads = await listThreads(h, { q: 'metformin' });
      equal(threads.body.total, 1, 'one thread');
    },
  },
  {
    name: 'concurrent duplicates create one message',
    async run(h) {
      await signIn(h, 'dana');
      const results = await Promise.all([1, 2, 3].map(() => send(h, 'same-key', refillMessage())));
      results.forEach((r, i) => status(r, 201, `duplicate ${i}`));
      equal(new Set(results.map((r) => r.body.message.id)).size, 1, 'one message id');
      equal((await listThreads(h, { q: 'metformin' })).body.total, 1, 'one thread');
    },
  },
  {
    name: 'staff replies are unread until marked read; notifications carry no content',
    async run(h) {
      await signIn(h, 'dana');
      const sent = await send(h, 'k-n1', refillMessage({ subject: 'Secret subject', body: 'Secret body' }));
      const threadId = sent.body.threadId;
      const before = (await h.request('GET', '/inbox/status')).body.unreadTotal;
      await h.staff.reply(threadId, { name: 'Dr. Maya Patel', role: 'physician' }, 'Confidential answer');
      const status1 = await h.request('GET', '/inbox/status');
      equal(status1.body.unreadTotal, before + 1, 'one more unread');
      const threads = await listThreads(h);
      equal(threads.body.items[0].id, threadId, 'newest activity first');
      equal(threads.body.items[0].unreadCount, 1, 'thread unread count');
      equal(
        threads.body.items[0].lastSender,
        { kind: 'staff', name: 'Dr. Maya Patel', role: 'physician' },
        'last sender',
      );
      const read = await h.request('POST', `/threads/${threadId}/read`);
      status(read, 200, 'mark read');
      equal(read.body.unreadTotal, before, 'back to before');

      const events = (await h.notifications()).filter((e) => e.kind === 'new-message');
      equal(events.length, 1, 'one notification');
      equal(Object.keys(events[0]!).sort(), ['kind', 'link', 'patientId', 'to'], 'notification fields');
      equal(events[0]!.patientId, 'dana', 'for dana');
      const text = JSON.stringify(events);
      for (const secret of ['Secret subject', 'Secret body', 'Confidential answer', 'Patel', 'Metformin']) {
        check(!text.includes(secret), `notification leaks ${secret}`);
      }
    },
  },
  {
    name: 'replies append to the thread; other patients cannot see it',
    needs: ['multi-session'],
    async run(h) {
      await signIn(h, 'dana');
      const sent = await send(h, 'k-r1', refillMessage());
      const threadId = sent.body.threadId;
      const reply = await h.request('POST', `/threads/${threadId}/messages`, {
        json: { body: 'One more thing.', attachmentIds: [], triage: ROUTINE },
        headers: { 'Idempotency-Key': 'k-r2' },
      });
      status(reply, 201, 'reply');
      const thread = await h.request('GET', `/threads/${threadId}`);
      equal(thread.body.messages.length, 2, 'two messages');
      await signIn(h, 'bea', 'bea');
      isProblem(
        await h.request('GET', `/threads/${threadId}`, { as: 'bea' }),
        404,
        'not-found',
        "bea reads dana's thread",
      );
      isProblem(
        await h.request('POST', `/threads/${threadId}/messages`, {
          json: { body: 'Hi', attachmentIds: [], triage: ROUTINE },
          headers: { 'Idempotency-Key': 'k-r3' },
          as: 'bea',
        }),
        404,
        'not-found',
        "bea replies to dana's thread",
      );
      isProblem(
        await h.request('POST', `/threads/${threadId}/read`, { as: 'bea' }),
        404,
        'not-found',
        'bea marks read',
      );
    },
  },
  {
    name: 'pagination: stable cursor, newest first, category filter, accent-insensitive search',
    async run(h) {
      await signIn(h, 'dana');
      const seen: string[] = [];
      let cursor: string | null = null;
      let total = 0;
      do {
        const page: ScenarioResponse = await listThreads(h, cursor ? { limit: 2, cursor } : { limit: 2 });
        status(page, 200, 'page');
        check(page.body.items.length <= 2, 'page size');
        seen.push(...page.body.items.map((t: { id: string }) => t.id));
        cursor = page.body.nextCursor;
        total = page.body.total;
      } while (cursor);
      equal(seen.length, total, 'every thread once');
      equal(new Set(seen).size, seen.length, 'no duplicates');
      equal(seen[0], 'demo-dana-billing', 'newest first');
      const refills = await listThreads(h, { category: 'refill' });
      equal(
        refills.body.items.map((t: { id: string }) => t.id),
        ['demo-dana-refill'],
        'category filter',
      );
      equal(refills.body.unreadTotal, 1, 'unreadTotal counts every thread');
      await send(h, 'k-p1', refillMessage({ category: 'clinical', fields: {}, subject: 'Résumé of my MEDICATIONS' }));
      const search = await listThreads(h, { q: 'resume of my medications' });
      equal(search.body.total, 1, 'accent- and case-insensitive search');
      isProblem(await listThreads(h, { cursor: 'not-a-cursor' }), 400, 'validation', 'bad cursor');
      isProblem(await listThreads(h, { limit: 1000 }), 400, 'validation', 'limit too large');
    },
  },
  {
    name: 'drafts: save, list, replace, delete; sending with draftId deletes it',
    async run(h) {
      await signIn(h, 'dana');
      const draft = {
        threadId: null,
        category: 'refill',
        fields: { medication: 'Metf' },
        subject: 'Refill',
        body: 'Half-writ',
        attachmentIds: [],
      };
      const saved = await h.request('PUT', '/drafts/draft-1', { json: draft });
      status(saved, 200, 'save');
      equal(saved.body.id, 'draft-1', 'client-chosen id');
      status(await h.request('PUT', '/drafts/draft-1', { json: { ...draft, body: 'Half-written' } }), 200, 'replace');
      const list = await h.request('GET', '/drafts');
      equal(
        list.body.items.map((d: { body: string }) => d.body),
        ['Half-written'],
        'one draft, replaced',
      );
      status(await h.request('PUT', '/drafts/draft-2', { json: draft }), 200, 'second draft');
      status(await h.request('DELETE', '/drafts/draft-2'), 204, 'delete');
      isProblem(await h.request('DELETE', '/drafts/draft-2'), 404, 'not-found', 'delete twice');
      status(await send(h, 'k-d1', refillMessage({ draftId: 'draft-1' })), 201, 'send from draft');
      equal((await h.request('GET', '/drafts')).body.items, [], 'draft gone after send');
    },
  },
  {
    name: 'uploads: type checked against content, size limit, owner-only download, attach to health form',
    needs: ['multi-session'],
    async run(h) {
      await signIn(h, 'dana');
      const up = (bytes: Uint8Array, type: string, name: string, key: string) =>
        h.request('POST', '/attachments', {
          raw: bytes,
          headers: { 'Content-Type': type, 'Portal-Filename': encodeURIComponent(name), 'Idempotency-Key': key },
        });
      isProblem(await up(PDF, 'application/x-msdownload', 'x.exe', 'u1'), 415, 'unsupported-media-type', 'exe');
      isProblem(await up(PDF, 'image/png', 'fake.png', 'u2'), 415, 'unsupported-media-type', 'pdf bytes as png');
      isProblem(
        await up(new Uint8Array(10 * 1024 * 1024 + 1).fill(0x25), 'application/pdf', 'big.pdf', 'u3'),
        413,
        'payload-too-large',
        '10 MB + 1',
      );
      const ok = await up(PNG, 'image/png', '../../x-ray résumé.png', 'u4');
      status(ok, 201, 'png');
      equal(ok.body.filename, 'x-ray résumé.png', 'path stripped, name kept');
      equal(ok.body.size, PNG.byteLength, 'size');
      const download = await h.request('GET', `/attachments/${ok.body.id}`);
      status(download, 200, 'download');
      equal(download.headers['content-type'], 'image/png', 'content type');
      check(download.headers['content-disposition']?.startsWith('attachment;'), 'download, never inline');
      equal(Array.from(download.body as Uint8Array), Array.from(PNG), 'same bytes');

      const wrongCategory = await send(h, 'k-u1', refillMessage({ attachmentIds: [ok.body.id] }));
      equal(fieldErrorOf(wrongCategory, 'attachmentIds'), 'not-allowed', 'refills take no attachments');
      const form = await send(h, 'k-u2', {
        category: 'health-form',
        fields: { formName: 'Camp form', dueDate: '2026-12-20' },
        subject: 'Camp form',
        body: 'Attached.',
        attachmentIds: [ok.body.id],
        triage: ROUTINE,
      });
      status(form, 201, 'health form with attachment');
      equal(form.body.message.attachments[0].id, ok.body.id, 'attached');
      const reuse = await send(h, 'k-u3', {
        category: 'health-form',
        fields: { formName: 'Camp form', dueDate: '2026-12-20' },
        subject: 'Again',
        body: 'The same file again.',
        attachmentIds: [ok.body.id],
        triage: ROUTINE,
      });
      equal(fieldErrorOf(reuse, 'attachmentIds.0'), 'not-found', 'a file is sent once');

      await signIn(h, 'bea', 'bea');
      isProblem(
        await h.request('GET', `/attachments/${ok.body.id}`, { as: 'bea' }),
        404,
        'not-found',
        "bea downloads dana's file",
      );
    },
  },
  {
    name: 'preferences: masked e-mail, change with password and code, bounce fixed by verifying',
    async run(h) {
      await signIn(h, 'bea');
      const prefs = await h.request('GET', '/preferences');
      status(prefs, 200, 'get');
      equal(prefs.body.email.maskedAddress, 'b••@example.com', 'masked');
      equal(prefs.body.email.status, 'bounced', 'bounced');
      noEcho(prefs, 'bea@example.com', 'preferences');
      const session = await h.request('GET', '/session');
      equal(session.body.notificationEmailBounced, true, 'session shows the bounce');

      isProblem(
        await h.request('POST', '/preferences/email', {
          json: { newAddress: 'bea.new@example.org', password: 'wrong-password' },
        }),
        401,
        'invalid-credentials',
        'wrong password',
      );
      isProblem(
        await h.request('POST', '/preferences/email', {
          json: { newAddress: 'BEA@example.com', password: PASSWORDS.bea },
        }),
        409,
        'conflict',
        'same address',
      );
      isProblem(
        await h.request('POST', '/preferences/email', {
          json: { newAddress: 'not an address', password: PASSWORDS.bea },
        }),
        400,
        'validation',
        'invalid address',
      );
      const started = await h.request('POST', '/preferences/email', {
        json: { newAddress: 'bea.new@example.org', password: PASSWORDS.bea },
      });
      status(started, 200, 'start change');
      equal(started.body.email.status, 'pending-verification', 'pending');
      equal(started.body.email.pendingAddress, 'b••@example.org', 'pending masked');
      const codeEvent = (await h.notifications()).filter((e) => e.kind === 'email-verification').pop();
      check(codeEvent && codeEvent.kind === 'email-verification', 'a code was sent');
      equal(codeEvent.to, 'bea.new@example.org', 'to the new address');
      check(/^\d{6}$/.test(codeEvent.code), 'six digits');
      const wrongCode = codeEvent.code === '000000' ? '111111' : '000000';
      const bad = await h.request('POST', '/preferences/email/verify', { json: { code: wrongCode } });
      isProblem(bad, 400, 'validation', 'wrong code');
      equal(fieldErrorOf(bad, 'code'), 'mismatch', 'mismatch');
      const verified = await h.request('POST', '/preferences/email/verify', { json: { code: codeEvent.code } });
      status(verified, 200, 'verify');
      equal(
        verified.body.email,
        { maskedAddress: 'b••@example.org', status: 'verified', bouncedAt: null, pendingAddress: null },
        'fixed',
      );
      equal((await h.request('GET', '/session')).body.notificationEmailBounced, false, 'bounce cleared');
      isProblem(
        await h.request('POST', '/preferences/email/verify', { json: { code: codeEvent.code } }),
        409,
        'conflict',
        'nothing pending',
      );
    },
  },
  {
    name: 'preferences: channels and language',
    async run(h) {
      await signIn(h, 'dana');
      const updated = await h.request('PUT', '/preferences', {
        json: { notifications: { labResults: 'phone', testResults: 'mail', appointments: 'portal' }, language: 'es' },
      });
      status(updated, 200, 'update');
      equal(
        updated.body.notifications,
        { labResults: 'phone', testResults: 'mail', appointments: 'portal' },
        'channels',
      );
      equal(updated.body.language, 'es', 'language');
      equal((await h.request('GET', '/session')).body.language, 'es', 'session language');
      isProblem(
        await h.request('PUT', '/preferences', {
          json: { notifications: { labResults: 'pigeon', testResults: 'mail', appointments: 'portal' } },
        }),
        400,
        'validation',
        'unknown channel',
      );
    },
  },
  {
    name: 'idle timeout: 15 minutes, reset by activity but not by status polls',
    needs: ['clock'],
    async run(h) {
      await signIn(h, 'dana');
      await h.advanceClock(899);
      status(await listThreads(h), 200, 'active at 899 s');
      await h.advanceClock(600);
      status(await h.request('GET', '/inbox/status'), 200, 'poll');
      status(await h.request('POST', '/session/keep-alive'), 200, 'keep-alive');
      await h.advanceClock(600);
      status(await h.request('GET', '/inbox/status'), 200, 'poll does not extend');
      await h.advanceClock(301);
      isProblem(await listThreads(h), 401, 'session-expired', 'idle 901 s');
      equal((await h.request('GET', '/session')).body, { authenticated: false }, 'signed out');
    },
  },
  {
    name: 'absolute timeout: 12 hours whatever the activity',
    needs: ['clock'],
    async run(h) {
      const session = await signIn(h, 'dana');
      equal(
        Date.parse(session.body.absoluteExpiresAt) - Date.parse(session.body.idleExpiresAt),
        12 * 3600_000 - 900_000,
        'expiries',
      );
      for (let elapsed = 0; elapsed < 42_500; elapsed += 850) {
        await h.advanceClock(850);
        status(await h.request('POST', '/session/keep-alive'), 200, `keep-alive at ${elapsed + 850} s`);
      }
      await h.advanceClock(43_200 - 42_500 + 1);
      isProblem(await h.request('POST', '/session/keep-alive'), 401, 'session-expired', 'after 12 h');
    },
  },
  {
    name: 'sign-out invalidates the session',
    async run(h) {
      await signIn(h, 'dana');
      status(await h.request('DELETE', '/session'), 204, 'sign out');
      equal((await h.request('GET', '/session')).body, { authenticated: false }, 'signed out');
      isProblem(await listThreads(h), 401, 'unauthorized', 'threads');
    },
  },
  {
    name: 'changing the password signs out other sessions (unless asked not to)',
    needs: ['multi-session'],
    async run(h) {
      await signIn(h, 'dana', 'phone');
      await signIn(h, 'dana', 'laptop');
      await signIn(h, 'dana', 'tablet');
      const changed = await h.request('POST', '/session/password', {
        json: { currentPassword: PASSWORDS.dana, newPassword: STRONG_PASSWORD, signOutOtherSessions: false },
        as: 'laptop',
      });
      status(changed, 200, 'change, keep others');
      status(await listThreads(h, {}, 'phone'), 200, 'phone still signed in');
      const again = await h.request('POST', '/session/password', {
        json: { currentPassword: STRONG_PASSWORD, newPassword: 'amber-meadow-compass-77' },
        as: 'laptop',
      });
      status(again, 200, 'change, sign out others');
      isProblem(await listThreads(h, {}, 'phone'), 401, 'unauthorized', 'phone signed out');
      isProblem(await listThreads(h, {}, 'tablet'), 401, 'unauthorized', 'tablet signed out');
      status(await listThreads(h, {}, 'laptop'), 200, 'laptop keeps going');
    },
  },
  {
    name: 'SQL and markup metacharacters are just data',
    async run(h) {
      await signIn(h, 'dana');
      const subject = `Robert'); DROP TABLE threads;-- 100% _x_ \\ "q" <b>`;
      const body = `' OR '1'='1'; -- /* */ \u0000 <script>alert(1)</script>`;
      const sent = await send(h, 'k-sql', refillMessage({ category: 'clinical', fields: {}, subject, body }));
      status(sent, 201, 'send');
      const thread = await h.request('GET', `/threads/${sent.body.threadId}`);
      equal(thread.body.subject, subject, 'subject verbatim');
      equal(thread.body.messages[0].body, body.replace('\u0000', ''), 'body verbatim (NUL removed)');
      for (const q of ['100%', '_x_', "'); drop", '\\']) {
        const r = await listThreads(h, { q });
        equal(r.body.total, 1, `search ${JSON.stringify(q)} is literal`);
      }
      equal((await listThreads(h, { q: "' OR '1'='1" })).body.total, 0, 'no injection');
      equal((await listThreads(h)).body.total, 5, 'nothing dropped');
    },
  },
  {
    name: 'malformed JSON and schema violations are 400 validation without echo',
    async run(h) {
      const malformed = await h.request('POST', '/session', {
        raw: new TextEncoder().encode('{"patientId": "dana", "password": '),
        headers: { 'Content-Type': 'application/json' },
      });
      isProblem(malformed, 400, 'validation', 'malformed JSON');
      const wrongType = await h.request('POST', '/session', { json: { patientId: 42, password: ['<script>'] } });
      isProblem(wrongType, 400, 'validation', 'wrong types');
      noEcho(wrongType, '<script>', 'wrong types');
      const notJson = await h.request('POST', '/session', {
        raw: new TextEncoder().encode('patientId=dana'),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      isProblem(notJson, 415, 'unsupported-media-type', 'form-encoded body');
      const extra = await h.request('POST', '/session', {
        raw: new TextEncoder().encode(
          `{"patientId":"dana","password":"${PASSWORDS.dana}","isAdmin":true,"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}`,
        ),
        headers: { 'Content-Type': 'application/json' },
      });
      isProblem(extra, 400, 'validation', 'unknown fields are named, not ignored');
      check(!JSON.stringify(extra.body).includes('polluted'), 'values are not echoed');
      check(!('polluted' in {}), 'no prototype pollution');
    },
  },
  {
    name: 'unknown routes and ids are 404 problems',
    async run(h) {
      await signIn(h, 'dana');
      isProblem(await h.request('GET', '/nope'), 404, 'not-found', 'unknown path');
      isProblem(await h.request('PATCH', '/threads'), 404, 'not-found', 'unknown method');
      isProblem(
        await h.request('GET', '/threads?q=private'),
        404,
        'not-found',
        'no GET listing (search text stays out of URLs)',
      );
      isProblem(await h.request('GET', '/threads/does-not-exist'), 404, 'not-found', 'unknown thread');
      isProblem(
        await h.request('GET', `/threads/${encodeURIComponent('../../etc/passwd')}`),
        404,
        'not-found',
        'not an id',
      );
    },
  },
];
