/**
 * Conformance: hostile and broken input. Each gets the right 4xx problem+json,
 * nothing is stored, nothing leaks, and the server keeps serving.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PERSONAS, RUN, assertNoLeak, assertProblem, key, message, raw, rawOp, signInAs, type Signed } from './support.js';

let dana: Signed;
let threadsBefore: number;

before(async () => {
  dana = await signInAs('dana');
  threadsBefore = (await dana.client.listThreads({ limit: 100 })).total;
});

after(async () => {
  // Nothing any of these requests sent was stored, and the server still answers.
  const now = await dana.client.listThreads({ limit: 100 });
  const hostile = now.items.filter((t) => t.subject.includes(`bad-input ${RUN}`));
  assert.deepEqual(hostile.map((t) => t.subject), [], 'no hostile request created a thread');
  assert.equal((await raw('GET', '/clinic')).status, 200);
  assert.ok(now.total >= threadsBefore);
});

const create = (init: Parameters<typeof rawOp>[1]) =>
  rawOp('createThread', { jar: dana.jar, csrf: true, ...init, headers: { 'Idempotency-Key': key(`bad-${Math.random()}`), ...init?.headers } });

describe('malformed and mistyped bodies', () => {
  it('answers malformed JSON with 400', async () => {
    for (const body of ['{"category": "clinical",', '{category: clinical}', '[1,2', '\u0000', '{"a":1}}', '']) {
      const r = await create({ body, headers: { 'Content-Type': 'application/json' } });
      assertProblem(r, 400, 'validation');
    }
  });

  it('answers a body that is not JSON with 415', async () => {
    const json = JSON.stringify(message(`bad-input ${RUN} type`));
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'text/html', 'application/xml']) {
      assertProblem(await create({ body: json, headers: { 'Content-Type': type } }), 415, 'unsupported-media-type');
    }
    const form = await rawOp('signIn', { csrf: true, body: `patientId=dana&password=${PERSONAS.dana.password}`, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    assertProblem(form, 415, 'unsupported-media-type');
  });

  it('answers an oversized body with 413', async () => {
    const r = await create({ json: message(`bad-input ${RUN} huge`, { body: 'x'.repeat(2 * 1024 * 1024) }) });
    assertProblem(r, 413, 'payload-too-large');
  });

  it('answers wrong types and missing fields with 400 and field names, never the values', async () => {
    const r = await create({ json: { category: 'no-such-category', fields: 'Lisinopril-secret', subject: 5, body: null, attachmentIds: {}, triage: 'x' } });
    assertProblem(r, 400, 'validation');
    assert.ok(Array.isArray(r.json.fieldErrors) && r.json.fieldErrors.length > 0, 'fieldErrors say what is wrong');
    assert.doesNotMatch(r.text, /Lisinopril-secret|no-such-category/);
  });

  it('ignores or refuses unknown fields, and never lets them act', async () => {
    const r = await create({
      json: { ...message(`unknown-fields ${RUN}`), sender: { kind: 'staff', name: 'Dr. Forged', role: 'physician' }, patientId: 'bea', id: 'chosen', isAdmin: true },
    });
    if (r.status === 201) {
      assert.equal(r.json.message.sender.kind, 'patient');
      assert.notEqual(r.json.message.sender.name, 'Dr. Forged');
      assert.notEqual(r.json.threadId, 'chosen');
      const bea = await signInAs('bea');
      assert.equal((await bea.client.listThreads({ q: `unknown-fields ${RUN}` })).total, 0, 'not filed under another patient');
    } else {
      assertProblem(r, 400, 'validation');
    }
  });
});

describe('SQL metacharacters', () => {
  const NASTY = ["' OR '1'='1", "'; DROP TABLE threads; --", '%', '_', '\\', '"; SELECT pg_sleep(10); --', '${jndi:x}', '{{7*7}}'];

  it('never sign anyone in', async () => {
    for (const s of NASTY) assertProblem(await rawOp('signIn', { csrf: true, json: { patientId: s, password: s } }), 401, 'invalid-credentials');
  });

  it('are stored and searched as plain text', async () => {
    const subject = `meta ${RUN} ${NASTY.join(' ')}`.slice(0, 120);
    const sent = await dana.client.createThread(message(subject, { body: NASTY.join('\n') }), { idempotencyKey: key('meta') });
    const thread = await dana.client.getThread(sent.threadId);
    assert.equal(thread.subject, subject);
    assert.equal(thread.messages[0]!.body, NASTY.join('\n'));
    for (const q of ['%', '_', "' OR '1'='1"]) {
      const hits = await dana.client.listThreads({ q, limit: 100 });
      for (const t of hits.items) assert.ok(t.subject.toLowerCase().includes(q.toLowerCase()), `search ${q} matched only literal hits`);
    }
    const started = Date.now();
    await dana.client.listThreads({ q: '"; SELECT pg_sleep(10); --' });
    assert.ok(Date.now() - started < 8000, 'nothing was executed');
  });

  it('in an idempotency key are a key like any other, or refused with 400', async () => {
    const r = await create({ json: message(`meta-key ${RUN}`), headers: { 'Idempotency-Key': `${RUN}' OR '1'='1; --` } });
    assert.ok(r.status === 201 || r.status === 400, `status ${r.status}`);
    if (r.status === 400) assertProblem(r, 400, 'validation');
  });

  it('never reach a path parameter as anything but an id', async () => {
    for (const s of ["1' OR '1'='1", "x'; DROP TABLE threads;--", '..', '%00']) {
      const r = await raw('GET', `/threads/${encodeURIComponent(s)}`, { jar: dana.jar });
      assertProblem(r, 404, 'not-found');
    }
  });
});

describe('path traversal', () => {
  it('is not possible through ids or routes', async () => {
    for (const path of ['/attachments/..%2F..%2Fetc%2Fpasswd', '/attachments/../../../../etc/passwd', '/drafts/..%2f..%2fsession']) {
      const r = await raw('GET', path, { jar: dana.jar });
      assert.ok(r.status === 404 || r.status === 400, `${path} → ${r.status}`);
      assertNoLeak(r.text);
      assert.doesNotMatch(r.text, /root:x:0:0/);
    }
  });
});

describe('the server keeps serving', () => {
  it('after all of the above', async () => {
    const r = await raw('GET', '/clinic');
    assert.equal(r.status, 200);
    const session = await dana.client.getSession();
    assert.ok(session.authenticated);
  });
});
