/**
 * Conformance: the messaging rules a server must enforce itself, whatever the
 * UI does — categories and their fields, limits, idempotency (including
 * concurrent duplicates), revoked messaging, drafts, attachments, read state,
 * preferences, and that no patient ever sees another's data.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import type { ClinicConfig } from '../../src/api/schemas.js';
import {
  PDF,
  RUN,
  assertProblem,
  assertRefused,
  key,
  message,
  rawOp,
  signInAs,
  upload,
  type Signed,
} from './support.js';

let dana: Signed;
let bea: Signed;
let rory: Signed;
let clinic: ClinicConfig;

before(async () => {
  [dana, bea, rory] = await Promise.all([signInAs('dana'), signInAs('bea'), signInAs('rory')]);
  clinic = await dana.client.getClinic();
});

describe('threads', () => {
  it('lists threads newest first, with a working cursor and totals', async () => {
    const all = await dana.client.listThreads({ limit: 100 });
    assert.ok(all.total >= all.items.length && all.items.length > 0, 'dana has threads');
    for (let i = 1; i < all.items.length; i++) assert.ok(all.items[i - 1]!.lastActivityAt >= all.items[i]!.lastActivityAt);
    const first = await dana.client.listThreads({ limit: 1 });
    assert.equal(first.items.length, 1);
    if (all.total > 1) {
      assert.ok(first.nextCursor, 'a cursor when there is more');
      const second = await dana.client.listThreads({ limit: 1, cursor: first.nextCursor! });
      assert.notEqual(second.items[0]!.id, first.items[0]!.id);
    }
    const status = await dana.client.getInboxStatus();
    assert.equal(status.unreadTotal, all.unreadTotal);
  });

  it('sends a message and says when the office will handle it', async () => {
    const sent = await dana.client.createThread(message(`Question ${RUN}`), { idempotencyKey: key('send-1') });
    assert.equal(sent.message.sender.kind, 'patient');
    assert.ok(['open', 'after-hours', 'before-hours', 'weekend', 'closure'].includes(sent.handling.reason));
    assert.equal(sent.handling.officeOpen, sent.handling.reason === 'open');
    assert.ok(Date.parse(sent.handling.handledAt) >= Date.parse(sent.message.sentAt) - 1000, 'handled now or later');
    const thread = await dana.client.getThread(sent.threadId);
    assert.equal(thread.messages.at(-1)!.id, sent.message.id);
    assert.equal(thread.canReply, true);
    const search = await dana.client.listThreads({ q: `Question ${RUN}` });
    assert.deepEqual(search.items.map((t) => t.id), [sent.threadId]);

    const reply = await dana.client.reply(sent.threadId, { body: 'One more thing.', attachmentIds: [], triage: { level: 'routine', codes: [], acknowledged: true } }, { idempotencyKey: key('reply-1') });
    assert.equal(reply.threadId, sent.threadId);
    assert.ok(reply.handling.handledAt);
  });

  it("enforces each category's required fields on the server", async () => {
    const withFields = clinic.categories.find((c) => c.fields.some((f) => f.required));
    assert.ok(withFields, 'the demo clinic has a category with required fields');
    const error = await assertRefused(
      dana.client.createThread(message('missing fields', { category: withFields.id, fields: {} }), { idempotencyKey: key('fields') }),
      'validation',
      400,
    );
    const required = withFields.fields.filter((f) => f.required).map((f) => `fields.${f.id}`);
    for (const field of required) assert.ok(error.fieldErrors.some((e) => e.field === field), `${field} reported`);
  });

  it('enforces the clinic limits on subject and body', async () => {
    const tooLongSubject = await rawOp('createThread', {
      jar: dana.jar,
      csrf: true,
      json: message('x'.repeat(clinic.limits.subjectMax + 1)),
      headers: { 'Idempotency-Key': key('long-subject') },
    });
    assertProblem(tooLongSubject, 400, 'validation');
    const tooLongBody = await rawOp('createThread', {
      jar: dana.jar,
      csrf: true,
      json: message('long body', { body: 'x'.repeat(clinic.limits.bodyMax + 1) }),
      headers: { 'Idempotency-Key': key('long-body') },
    });
    assertProblem(tooLongBody, 400, 'validation');
    assertProblem(await rawOp('createThread', { jar: dana.jar, csrf: true, json: message('no key') }), 400, 'validation');
  });

  it('refuses an emergency that was not acknowledged', async () => {
    await assertRefused(
      dana.client.createThread(message('chest pain', { triage: { level: 'emergency', codes: ['chest-pain'], acknowledged: false } }), { idempotencyKey: key('emergency') }),
      'validation',
      400,
    );
  });

  it('marks a thread read', async () => {
    const page = await dana.client.listThreads({ limit: 100 });
    const unread = page.items.find((t) => t.unreadCount > 0);
    const target = unread ?? page.items[0]!;
    const result = await dana.client.markRead(target.id);
    assert.equal(result.unreadTotal, page.unreadTotal - target.unreadCount);
    assert.equal((await dana.client.getThread(target.id)).id, target.id);
    assert.equal((await dana.client.getInboxStatus()).unreadTotal, result.unreadTotal);
  });
});

describe('idempotency', () => {
  it('answers a repeat with the original result', async () => {
    const body = message(`Idempotent ${RUN}`);
    const first = await dana.client.createThread(body, { idempotencyKey: key('same') });
    const again = await dana.client.createThread(body, { idempotencyKey: key('same') });
    assert.deepEqual(again, first);
  });

  it('refuses the same key with a different request (422)', async () => {
    await dana.client.createThread(message(`Mismatch A ${RUN}`), { idempotencyKey: key('mismatch') });
    await assertRefused(dana.client.createThread(message(`Mismatch B ${RUN}`), { idempotencyKey: key('mismatch') }), 'idempotency-mismatch', 422);
  });

  it('turns concurrent duplicates into one message', async () => {
    const body = message(`Concurrent ${RUN}`);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => dana.client.createThread(body, { idempotencyKey: key('concurrent') })));
    const ok = results.filter((r) => r.status === 'fulfilled').map((r) => (r as PromiseFulfilledResult<{ threadId: string }>).value);
    assert.ok(ok.length >= 1, 'at least one succeeded');
    for (const r of results) {
      if (r.status === 'rejected') assert.equal((r.reason as { type: string }).type, 'conflict', 'a duplicate may only be told to retry');
    }
    assert.equal(new Set(ok.map((r) => r.threadId)).size, 1, 'all answers name one thread');
    const found = await dana.client.listThreads({ q: `Concurrent ${RUN}` });
    assert.equal(found.total, 1, 'exactly one thread was created');
  });
});

describe('revoked messaging (rory)', () => {
  it('can still sign in and read, but not write', async () => {
    const session = await rory.client.getSession();
    assert.ok(session.authenticated && session.messaging.allowed === false);
    const page = await rory.client.listThreads();
    if (page.items[0]) assert.equal((await rory.client.getThread(page.items[0].id)).canReply, false);
    await assertRefused(rory.client.createThread(message('revoked?'), { idempotencyKey: key('rory-new') }), 'messaging-revoked', 403);
    if (page.items[0]) {
      await assertRefused(
        rory.client.reply(page.items[0].id, { body: 'revoked?', attachmentIds: [], triage: { level: 'routine', codes: [], acknowledged: true } }, { idempotencyKey: key('rory-reply') }),
        'messaging-revoked',
        403,
      );
    }
    await assertRefused(rory.client.saveDraft(`d${RUN}`, { threadId: null, category: null, fields: {}, subject: 's', body: 'b', attachmentIds: [] }), 'messaging-revoked', 403);
    assertProblem(await upload(rory.jar, PDF, 'application/pdf', 'form.pdf'), 403, 'messaging-revoked');
    // Bypassing the client: the raw request is refused just the same.
    const direct = await rawOp('createThread', { jar: rory.jar, csrf: true, json: message('direct'), headers: { 'Idempotency-Key': key('rory-direct') } });
    assertProblem(direct, 403, 'messaging-revoked');
  });
});

describe('drafts', () => {
  it('keeps drafts per patient', async () => {
    const id = `draft-${RUN}`;
    const saved = await dana.client.saveDraft(id, { threadId: null, category: 'clinical', fields: {}, subject: 'Half-written', body: 'Dear doctor,', attachmentIds: [] });
    assert.equal(saved.id, id);
    assert.ok((await dana.client.listDrafts()).some((d) => d.id === id && d.body === 'Dear doctor,'));
    const replaced = await dana.client.saveDraft(id, { threadId: null, category: 'clinical', fields: {}, subject: 'Half-written', body: 'Dear doctor, more', attachmentIds: [] });
    assert.equal(replaced.body, 'Dear doctor, more');
    assert.equal((await bea.client.listDrafts()).some((d) => d.id === id), false, "not in another patient's drafts");
    await assertRefused(bea.client.deleteDraft(id), 'not-found', 404);
    await dana.client.deleteDraft(id);
    assert.equal((await dana.client.listDrafts()).some((d) => d.id === id), false);
  });

  it('deletes the draft a message was sent from', async () => {
    const id = `draft-send-${RUN}`;
    await dana.client.saveDraft(id, { threadId: null, category: 'clinical', fields: {}, subject: 'To send', body: 'Sending this', attachmentIds: [] });
    await dana.client.createThread(message('From a draft', { draftId: id }), { idempotencyKey: key('from-draft') });
    assert.equal((await dana.client.listDrafts()).some((d) => d.id === id), false);
  });
});

describe('attachments', () => {
  const formCategory = () => clinic.categories.find((c) => c.allowsAttachments);

  it('accepts an allowed file, attaches it once, and serves it only to its owner', async () => {
    const up = await upload(dana.jar, PDF, 'application/pdf', `form ${RUN}.pdf`);
    assert.equal(up.status, 201, up.text);
    assert.equal(up.json.contentType, 'application/pdf');
    assert.equal(up.json.size, PDF.byteLength);

    const down = await rawOp('downloadAttachment', { jar: dana.jar, params: { attachmentId: up.json.id } });
    assert.equal(down.status, 200);
    assert.match(down.headers.get('content-disposition') ?? '', /^attachment\b/i);
    assert.equal(down.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(down.text, new TextDecoder().decode(PDF));

    assertProblem(await rawOp('downloadAttachment', { jar: bea.jar, params: { attachmentId: up.json.id } }), 404, 'not-found');
    assertProblem(await rawOp('downloadAttachment', { params: { attachmentId: up.json.id } }), 401, 'unauthorized');

    const category = formCategory();
    if (category) {
      const fields = Object.fromEntries(category.fields.filter((f) => f.required).map((f) => [f.id, f.kind === 'date' ? '2027-01-15' : f.kind === 'number' ? '3' : f.kind === 'money' ? '10.00' : 'Conformance form']));
      const sent = await dana.client.createThread(message('With a form', { category: category.id, fields, attachmentIds: [up.json.id] }), { idempotencyKey: key('with-file') });
      assert.deepEqual(sent.message.attachments.map((a) => a.id), [up.json.id]);
      // A file goes out with one message only, and never with someone else's.
      await assertRefused(dana.client.createThread(message('Again', { category: category.id, fields, attachmentIds: [up.json.id] }), { idempotencyKey: key('file-twice') }), 'validation');
    }
  });

  it('checks the type by content, not the declared type or the name', async () => {
    const exe = new TextEncoder().encode('MZ\x90\x00\x03 a program');
    assertProblem(await upload(dana.jar, exe, 'application/pdf', 'invoice.pdf'), 415, 'unsupported-media-type');
    assertProblem(await upload(dana.jar, PDF, 'text/html', 'page.html'), 415, 'unsupported-media-type');
    assertProblem(await upload(dana.jar, PDF, 'image/png', 'photo.png'), 415, 'unsupported-media-type');
  });

  it('refuses a file over the clinic limit with 413', async () => {
    const big = new Uint8Array(clinic.attachments.maxBytes + 1);
    big.set(PDF);
    assertProblem(await upload(dana.jar, big, 'application/pdf', 'big.pdf'), 413, 'payload-too-large');
  });

  it('keeps the name but drops any path from it', async () => {
    const up = await upload(dana.jar, PDF, 'application/pdf', '../../../etc/passwd.pdf');
    if (up.status === 201) {
      assert.doesNotMatch(up.json.filename, /[/\\]|\.\./);
      const down = await rawOp('downloadAttachment', { jar: dana.jar, params: { attachmentId: up.json.id } });
      assert.doesNotMatch(down.headers.get('content-disposition') ?? '', /\.\.\/|\/etc\//);
    } else {
      assertProblem(up, 400, 'validation');
    }
  });
});

describe('isolation between patients', () => {
  it("answers another patient's thread exactly like a missing one", async () => {
    const [danaThread] = (await dana.client.listThreads({ limit: 1 })).items;
    assert.ok(danaThread);
    const foreign = await rawOp('getThread', { jar: bea.jar, params: { threadId: danaThread.id } });
    const missing = await rawOp('getThread', { jar: bea.jar, params: { threadId: `missing${RUN}` } });
    assertProblem(foreign, 404, 'not-found');
    assertProblem(missing, 404, 'not-found');
    assert.equal(foreign.json.title, missing.json.title);
    assertProblem(await rawOp('markRead', { jar: bea.jar, csrf: true, params: { threadId: danaThread.id } }), 404, 'not-found');
    const hijack = await rawOp('reply', {
      jar: bea.jar,
      csrf: true,
      params: { threadId: danaThread.id },
      json: { body: `hijack ${RUN}`, attachmentIds: [], triage: { level: 'routine', codes: [], acknowledged: true } },
      headers: { 'Idempotency-Key': key('hijack') },
    });
    assertProblem(hijack, 404, 'not-found');
    const thread = await dana.client.getThread(danaThread.id);
    assert.ok(thread.messages.every((m) => !m.body.includes(`hijack ${RUN}`)));
  });
});

describe('preferences', () => {
  it("shows bea's bounced notification address, masked", async () => {
    const session = await bea.client.getSession();
    assert.ok(session.authenticated && session.notificationEmailBounced);
    const prefs = await bea.client.getPreferences();
    assert.equal(prefs.email.status, 'bounced');
    assert.ok(prefs.email.maskedAddress && !prefs.email.maskedAddress.includes('bea@'), 'the address is masked');
  });

  it('updates the language and channels', async () => {
    const original = await dana.client.getPreferences();
    const language = original.language === 'en' ? 'es' : 'en';
    const updated = await dana.client.updatePreferences({ language });
    assert.equal(updated.language, language);
    await dana.client.updatePreferences({ language: original.language, notifications: original.notifications });
    await assertRefused(dana.client.verifyEmail({ code: '000000' }), 'conflict');
  });

  it('refuses an unknown language or channel', async () => {
    assertProblem(await rawOp('updatePreferences', { jar: dana.jar, csrf: true, json: { language: 'xx' } }), 400, 'validation');
    assertProblem(
      await rawOp('updatePreferences', { jar: dana.jar, csrf: true, json: { notifications: { labResults: 'carrier-pigeon', testResults: 'portal', appointments: 'portal' } } }),
      400,
      'validation',
    );
  });

  it('requires the password to change the notification address', async () => {
    await assertRefused(bea.client.changeEmail({ newAddress: 'bea.new@example.com', password: `wrong-${RUN}` }), 'invalid-credentials', 401);
    // A good sign-in clears the failure count again.
    await signInAs('bea');
    const r = await rawOp('changeEmail', { jar: bea.jar, csrf: true, json: { newAddress: 'not an address', password: 'x' } });
    assertProblem(r, 400, 'validation');
  });
});
