/**
 * One `PortalStore` contract, three stores: the in-memory reference, PostgreSQL
 * through PGlite, and (when `TEST_DATABASE_URL` is set) a real PostgreSQL server,
 * each in a throwaway schema. Same inputs, same observable results.
 *
 *   node --import tsx --test server/store.test.ts
 *   TEST_DATABASE_URL=postgres://… node --import tsx --test server/store.test.ts
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { MemoryBlobStore, MemoryStore } from '../src/backend/memory-store.js';
import type {
  BlobStore,
  IdempotencyRecord,
  MessageRecord,
  PatientRecord,
  PortalStore,
  ThreadRecord,
} from '../src/backend/store.js';
import { normalizeForSearch } from '../src/backend/store.js';
import type { ClinicConfig } from '../src/api/schemas.js';
import { FileBlobStore } from './attachments.js';
import { openDatabase } from './db.js';
import { PgBlobStore, PgStore } from './pg-store.js';
import { testDatabaseOptions } from './test-support.js';

interface Target {
  name: string;
  sql: boolean;
  open(): Promise<{ store: PortalStore; blobs: BlobStore; close(): Promise<void> }>;
}

const targets: Target[] = [
  {
    name: 'MemoryStore',
    sql: false,
    open: async () => ({ store: new MemoryStore(), blobs: new MemoryBlobStore(), close: async () => {} }),
  },
  {
    name: 'PgStore on PGlite',
    sql: true,
    open: async () => {
      const db = await openDatabase(await testDatabaseOptions(false));
      return { store: new PgStore(db), blobs: new PgBlobStore(db), close: () => db.close() };
    },
  },
];
if (process.env.TEST_DATABASE_URL) {
  targets.push({
    name: 'PgStore on PostgreSQL',
    sql: true,
    open: async () => {
      const schema = `store_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`;
      const db = await openDatabase({ url: process.env.TEST_DATABASE_URL, schema });
      return {
        store: new PgStore(db),
        blobs: new PgBlobStore(db),
        close: async () => {
          await db.query(`DROP SCHEMA ${schema} CASCADE`);
          await db.close();
        },
      };
    },
  });
}

const T0 = Date.parse('2026-12-03T15:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function patient(id: string, overrides: Partial<PatientRecord> = {}): PatientRecord {
  return {
    id,
    displayName: `Patient ${id}`,
    passwordHash: '$argon2id$fake',
    mustChangePassword: false,
    messagingAllowed: true,
    createdAt: at(0),
    passwordChangedAt: null,
    ...overrides,
  };
}

const patientSender = { kind: 'patient', name: 'Dana', role: 'patient' } as const;
const staffSender = { kind: 'staff', name: 'Dr. Patel', role: 'physician' } as const;

function message(id: string, threadId: string, patientId: string, sentAt: string, staff = false): MessageRecord {
  return {
    id,
    threadId,
    patientId,
    sender: staff ? staffSender : patientSender,
    sentAt,
    body: `body of ${id}`,
    attachments: [],
    readAt: null,
  };
}

async function newThread(store: PortalStore, id: string, patientId: string, subject: string, sentAt: string, category: ThreadRecord['category'] = 'clinical') {
  await store.insertThread(
    { id, patientId, subject, subjectKey: normalizeForSearch(subject), category, createdAt: sentAt },
    message(`${id}-m1`, id, patientId, sentAt),
  );
}

const clinic = { name: 'Test Clinic', policyVersion: 'v1' } as unknown as ClinicConfig;

for (const target of targets) {
  describe(target.name, () => {
    let store: PortalStore;
    let blobs: BlobStore;
    let close: () => Promise<void>;

    before(async () => {
      ({ store, blobs, close } = await target.open());
      for (const id of ['dana', 'eve', 'newbie']) assert.equal(await store.insertPatient(patient(id)), true);
    });
    after(async () => close());

    it('keeps one clinic configuration', async () => {
      assert.equal(await store.getClinicConfig(), null);
      await store.putClinicConfig(clinic);
      await store.putClinicConfig({ ...clinic, name: 'Renamed' });
      assert.deepEqual(await store.getClinicConfig(), { ...clinic, name: 'Renamed' });
    });

    it('publishes policies once per version; the latest is current', async () => {
      const doc = (version: string) => ({ version, documents: [], publishedAt: '' });
      assert.equal(await store.insertPolicy({ ...doc('v1'), publishedAt: at(0) }), true);
      assert.equal(await store.insertPolicy({ ...doc('v1'), publishedAt: at(5) }), false);
      assert.equal(await store.insertPolicy({ ...doc('v2'), publishedAt: at(10) }), true);
      assert.equal((await store.getCurrentPolicy())?.version, 'v2');
      assert.equal((await store.getCurrentPolicy())?.publishedAt, at(10));
    });

    it('stores patients, refuses duplicates and applies patches', async () => {
      assert.equal(await store.insertPatient(patient('dana', { displayName: 'Impostor' })), false);
      assert.equal((await store.getPatient('dana'))?.displayName, 'Patient dana');
      await store.updatePatient('newbie', { mustChangePassword: false, passwordChangedAt: at(60), passwordHash: 'h2' });
      assert.deepEqual(await store.getPatient('newbie'), {
        ...patient('newbie'),
        mustChangePassword: false,
        passwordChangedAt: at(60),
        passwordHash: 'h2',
      });
      assert.equal(await store.getPatient('nobody'), null);
      // A patch key that is not a column must not reach SQL.
      await store.updatePatient('dana', { id: "x'; DROP TABLE patients; --" } as never);
      assert.ok(await store.getPatient('dana'));
    });

    it('returns the latest consent', async () => {
      assert.equal(await store.getLatestConsent('dana'), null);
      await store.insertConsent({ patientId: 'dana', version: 'v1', acceptedAt: at(1) });
      await store.insertConsent({ patientId: 'dana', version: 'v2', acceptedAt: at(2) });
      assert.deepEqual(await store.getLatestConsent('dana'), { patientId: 'dana', version: 'v2', acceptedAt: at(2) });
      assert.equal(await store.getLatestConsent('eve'), null);
    });

    it('counts throttle failures in a window, locks and clears', async () => {
      assert.equal((await store.recordFailure('k', at(0), 60)).failures, 1);
      assert.equal((await store.recordFailure('k', at(30), 60)).failures, 2);
      const fresh = await store.recordFailure('k', at(61), 60);
      assert.equal(fresh.failures, 1);
      assert.equal(fresh.windowStartedAt, at(61));
      await store.lockThrottle('k', at(600));
      assert.equal((await store.getThrottle('k'))?.lockedUntil, at(600));
      await store.lockThrottle('other', at(600));
      assert.equal((await store.getThrottle('other'))?.failures, 0);
      await store.clearThrottle('k');
      assert.equal(await store.getThrottle('k'), null);
    });

    it('counts every one of many concurrent failures', async () => {
      await Promise.all(Array.from({ length: 25 }, () => store.recordFailure('burst', at(0), 900)));
      assert.equal((await store.getThrottle('burst'))?.failures, 25);
    });

    it('stores, patches and deletes sessions', async () => {
      const s = (id: string, patientId: string) => ({
        id,
        patientId,
        createdAt: at(0),
        lastSeenAt: at(0),
        idleExpiresAt: at(900),
        absoluteExpiresAt: at(43_200),
      });
      await store.insertSession(s('s1', 'dana'));
      await store.insertSession(s('s2', 'dana'));
      await store.insertSession(s('s3', 'dana'));
      await store.insertSession(s('e1', 'eve'));
      await store.updateSession('s1', { lastSeenAt: at(100), idleExpiresAt: at(1000) });
      assert.deepEqual(await store.getSession('s1'), { ...s('s1', 'dana'), lastSeenAt: at(100), idleExpiresAt: at(1000) });
      assert.equal(await store.deleteSessionsOfPatient('dana', 's1'), 2);
      assert.ok(await store.getSession('s1'));
      assert.equal(await store.getSession('s2'), null);
      await store.deleteSession('s1');
      assert.equal(await store.getSession('s1'), null);
      assert.equal(await store.deleteSessionsOfPatient('dana'), 0);
      assert.ok(await store.getSession('e1'));
    });

    it('keeps thread columns derived from their messages', async () => {
      await newThread(store, 't1', 'dana', 'Refill please', at(100), 'refill');
      let t = await store.getThread('dana', 't1');
      assert.equal(t?.messageCount, 1);
      assert.equal(t?.lastActivityAt, at(100));
      assert.deepEqual(t?.lastSender, patientSender);
      assert.equal(t?.unreadCount, 0);
      assert.equal(t?.hasAttachments, false);

      await store.insertMessage(message('t1-m2', 't1', 'dana', at(200), true));
      await store.insertMessage({
        ...message('t1-m3', 't1', 'dana', at(300), true),
        attachments: [{ id: 'a1', filename: 'x.pdf', contentType: 'application/pdf', size: 10 }],
      });
      t = await store.getThread('dana', 't1');
      assert.equal(t?.messageCount, 3);
      assert.equal(t?.lastActivityAt, at(300));
      assert.deepEqual(t?.lastSender, staffSender);
      assert.equal(t?.unreadCount, 2);
      assert.equal(t?.hasAttachments, true);
      assert.deepEqual(await store.inboxStatus('dana'), { unreadTotal: 2, latestActivityAt: at(300) });

      // Another patient cannot see it, and marking it read as them changes nothing.
      assert.equal(await store.getThread('eve', 't1'), null);
      await store.markThreadRead('eve', 't1', at(400));
      assert.equal((await store.getThread('dana', 't1'))?.unreadCount, 2);

      await store.markThreadRead('dana', 't1', at(400));
      assert.equal((await store.getThread('dana', 't1'))?.unreadCount, 0);
      const messages = await store.listMessages('t1');
      assert.deepEqual(messages.map((m) => m.id), ['t1-m1', 't1-m2', 't1-m3']);
      assert.equal(messages[0]!.readAt, null); // the patient's own message is not "read" by them
      assert.equal(messages[2]!.readAt, at(400));
      assert.equal((await store.getThreadById('t1'))?.patientId, 'dana');
    });

    it('round-trips message fields, triage and every kind of text', async () => {
      const body = "Emoji 🩺, RTL \u202Eevil\u202C, quotes ' \" \\ %_ and <script>alert(1)</script>\nline 2";
      await store.insertThread(
        { id: 't-text', patientId: 'eve', subject: "Robert'); DROP TABLE threads;--", subjectKey: 'x', category: 'billing', createdAt: at(5) },
        {
          ...message('t-text-m1', 't-text', 'eve', at(5)),
          body,
          fields: { amount: '12.50', 'invoice-number': "1' OR '1'='1" },
          triage: { level: 'routine', codes: [], acknowledged: false },
        },
      );
      const [m] = await store.listMessages('t-text');
      assert.equal(m?.body, body);
      assert.deepEqual(m?.fields, { amount: '12.50', 'invoice-number': "1' OR '1'='1" });
      assert.deepEqual(m?.triage, { level: 'routine', codes: [], acknowledged: false });
      assert.equal((await store.getThread('eve', 't-text'))?.subject, "Robert'); DROP TABLE threads;--");
      const plain = (await store.listMessages('t1'))[0]!;
      assert.equal('fields' in plain, false);
      assert.equal('triage' in plain, false);
    });

    it('counts every one of many concurrent replies', async () => {
      await newThread(store, 't-busy', 'eve', 'Busy', at(10));
      await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.insertMessage(message(`busy-${i}`, 't-busy', 'eve', at(11 + i), i % 2 === 0))),
      );
      const t = await store.getThread('eve', 't-busy');
      assert.equal(t?.messageCount, 21);
      assert.equal(t?.unreadCount, 10);
      assert.equal(t?.lastActivityAt, at(30));
    });

    it('lists threads newest first with filters, search and a keyset cursor', async () => {
      for (let i = 0; i < 7; i++) {
        // Pairs share a timestamp: order falls back to id, descending.
        await newThread(store, `p${i}`, 'newbie', i === 3 ? 'Résumé 100%_done' : `Question ${i}`, at(1000 + Math.floor(i / 2)), i < 2 ? 'billing' : 'clinical');
      }
      const all = await store.listThreads('newbie', { limit: 50 });
      assert.equal(all.total, 7);
      assert.deepEqual(all.items.map((t) => t.id), ['p6', 'p5', 'p4', 'p3', 'p2', 'p1', 'p0']);

      const page1 = await store.listThreads('newbie', { limit: 3 });
      assert.deepEqual(page1.items.map((t) => t.id), ['p6', 'p5', 'p4']);
      assert.equal(page1.total, 7);
      const last = page1.items.at(-1)!;
      const page2 = await store.listThreads('newbie', { limit: 3, before: { lastActivityAt: last.lastActivityAt, id: last.id } });
      assert.deepEqual(page2.items.map((t) => t.id), ['p3', 'p2', 'p1']);
      assert.equal(page2.total, 7);

      const billing = await store.listThreads('newbie', { limit: 50, category: 'billing' });
      assert.deepEqual(billing.items.map((t) => t.id), ['p1', 'p0']);
      assert.equal(billing.total, 2);

      const search = async (q: string) => (await store.listThreads('newbie', { limit: 50, search: normalizeForSearch(q) })).items.map((t) => t.id);
      assert.deepEqual(await search('resume'), ['p3']);
      assert.deepEqual(await search('100%_'), ['p3']);
      assert.deepEqual(await search('%'), ['p3']); // a wildcard is a literal percent sign
      assert.deepEqual(await search('_'), ['p3']);
      assert.deepEqual(await search('\\'), []);
      assert.deepEqual(await search("' OR 1=1 --"), []);
      assert.equal((await store.listThreads('newbie', { limit: 50, search: 'nothing' })).total, 0);
      assert.deepEqual((await store.listThreads('nobody', { limit: 50 })).items, []);
    });

    it('lists threads waiting for the office, longest-waiting first', async () => {
      const open = await store.listOpenThreads(100);
      const ids = open.map((t) => t.id);
      assert.ok(!ids.includes('t1'), 'staff spoke last');
      assert.ok(ids.includes('p0') && ids.includes('t-text'));
      for (let i = 1; i < open.length; i++) assert.ok(open[i - 1]!.lastActivityAt <= open[i]!.lastActivityAt);
      assert.equal((await store.listOpenThreads(2)).length, 2);
    });

    it('keeps drafts per patient', async () => {
      const draft = (id: string, patientId: string, updatedAt: string) => ({
        patientId,
        id,
        threadId: null,
        category: 'refill' as const,
        fields: { medication: 'Lisinopril' },
        subject: 'Draft',
        body: 'text',
        attachmentIds: ['a1'],
        updatedAt,
      });
      await store.putDraft(draft('d1', 'dana', at(1)));
      await store.putDraft(draft('d2', 'dana', at(2)));
      await store.putDraft(draft('d1', 'eve', at(3))); // same id, other patient: another draft
      await store.putDraft({ ...draft('d1', 'dana', at(4)), body: 'replaced', threadId: 't1', category: null });
      assert.deepEqual((await store.listDrafts('dana')).map((d) => [d.id, d.body]), [['d1', 'replaced'], ['d2', 'text']]);
      assert.equal(await store.countDrafts('dana'), 2);
      assert.deepEqual(await store.getDraft('dana', 'd1'), { ...draft('d1', 'dana', at(4)), body: 'replaced', threadId: 't1', category: null });
      assert.equal(await store.deleteDraft('eve', 'd2'), false);
      assert.equal(await store.deleteDraft('dana', 'd2'), true);
      assert.equal(await store.getDraft('dana', 'd2'), null);
      assert.equal((await store.getDraft('eve', 'd1'))?.body, 'text');
    });

    it('keeps attachment metadata per owner and links it once sent', async () => {
      const a = (id: string, patientId: string) => ({
        id,
        patientId,
        filename: 'scan ☃.pdf',
        contentType: 'application/pdf',
        size: 1234,
        messageId: null,
        sha256: 'ab'.repeat(32),
        createdAt: at(0),
      });
      await store.insertAttachment(a('f1', 'dana'));
      await store.insertAttachment(a('f2', 'dana'));
      await store.insertAttachment(a('f3', 'eve'));
      assert.deepEqual(await store.getAttachment('dana', 'f1'), a('f1', 'dana'));
      assert.equal(await store.getAttachment('eve', 'f1'), null);
      await store.linkAttachments('dana', ['f1', 'f3'], 'msg-1'); // f3 is not dana's: untouched
      assert.equal((await store.getAttachment('dana', 'f1'))?.messageId, 'msg-1');
      assert.equal((await store.getAttachment('dana', 'f2'))?.messageId, null);
      assert.equal((await store.getAttachment('eve', 'f3'))?.messageId, null);
      await store.linkAttachments('dana', [], 'msg-2');
    });

    it('round-trips preferences', async () => {
      const prefs = {
        patientId: 'dana',
        notifications: { labResults: 'portal', testResults: 'mail', appointments: 'phone' } as const,
        language: 'es' as const,
        languageChosen: true,
        email: {
          address: 'dana@example.com',
          verifiedAt: at(1),
          bouncedAt: null,
          pending: { address: 'new@example.com', codeDigest: 'c0de', expiresAt: at(1800), failedAttempts: 1 },
        },
      };
      assert.equal(await store.getPreferences('dana'), null);
      await store.putPreferences(prefs);
      await store.putPreferences({ ...prefs, language: 'en' });
      assert.deepEqual(await store.getPreferences('dana'), { ...prefs, language: 'en' });
    });

    it('claims an idempotency key exactly once, even concurrently', async () => {
      const rec = (key: string, digest = 'd1', createdAt = at(0), ttl = 3600): IdempotencyRecord => ({
        patientId: 'dana',
        key,
        requestDigest: digest,
        createdAt,
        expiresAt: new Date(Date.parse(createdAt) + ttl * 1000).toISOString(),
        result: null,
      });
      assert.deepEqual(await store.claimIdempotencyKey(rec('k1'), at(0)), { claimed: true });
      const second = await store.claimIdempotencyKey(rec('k1', 'd2'), at(1));
      assert.equal(second.claimed, false);
      assert.equal(second.claimed === false && second.existing.requestDigest, 'd1');
      assert.equal(second.claimed === false && second.existing.result, null);

      await store.completeIdempotencyKey('dana', 'k1', { threadId: 't1', nested: { n: 1 } });
      assert.deepEqual((await store.getIdempotencyRecord('dana', 'k1'))?.result, { status: 'done', value: { threadId: 't1', nested: { n: 1 } } });
      // The same key belongs to each patient separately.
      assert.deepEqual(await store.claimIdempotencyKey({ ...rec('k1'), patientId: 'eve' }, at(0)), { claimed: true });

      const results = await Promise.all(Array.from({ length: 12 }, () => store.claimIdempotencyKey(rec('race'), at(0))));
      assert.equal(results.filter((r) => r.claimed).length, 1);

      // Releasing someone else's (newer) claim by its creation time does nothing.
      await store.releaseIdempotencyKey('dana', 'race', at(-1));
      assert.ok(await store.getIdempotencyRecord('dana', 'race'));
      await store.releaseIdempotencyKey('dana', 'race', at(0));
      assert.equal(await store.getIdempotencyRecord('dana', 'race'), null);
      await store.claimIdempotencyKey(rec('race'), at(0));
      await store.releaseIdempotencyKey('dana', 'race');
      assert.equal(await store.getIdempotencyRecord('dana', 'race'), null);
      assert.deepEqual(await store.claimIdempotencyKey(rec('race'), at(0)), { claimed: true });

      // An expired claim counts as absent.
      await store.claimIdempotencyKey(rec('old', 'd1', at(0), 10), at(0));
      assert.deepEqual(await store.claimIdempotencyKey(rec('old', 'd9', at(20)), at(20)), { claimed: true });
      assert.equal((await store.getIdempotencyRecord('dana', 'old'))?.requestDigest, 'd9');
    });

    it('drops expired sessions, idempotency keys and dead throttles', async () => {
      const now = at(100_000);
      await store.insertSession({ id: 'old', patientId: 'dana', createdAt: at(0), lastSeenAt: at(0), idleExpiresAt: at(900), absoluteExpiresAt: at(43_200) });
      await store.insertSession({ id: 'live', patientId: 'dana', createdAt: at(0), lastSeenAt: at(0), idleExpiresAt: at(100_900), absoluteExpiresAt: at(143_200) });
      await store.recordFailure('stale', at(0), 60);
      await store.recordFailure('recent', at(99_000), 60);
      await store.deleteExpired(now);
      assert.equal(await store.getSession('old'), null);
      assert.ok(await store.getSession('live'));
      assert.equal(await store.getIdempotencyRecord('dana', 'k1'), null);
      assert.equal(await store.getThrottle('stale'), null);
      assert.ok(await store.getThrottle('recent'));
    });

    it('keeps blobs by key', async () => {
      const bytes = new Uint8Array([0, 1, 2, 255, 0x25, 0x50]);
      await blobs.put('blob-1', bytes);
      assert.deepEqual(await blobs.get('blob-1'), bytes);
      assert.equal(await blobs.get('missing'), null);
      await blobs.delete('blob-1');
      assert.equal(await blobs.get('blob-1'), null);
    });

    if (target.sql) {
      it('rolls a failed transaction back completely', async () => {
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.putDraft({ patientId: 'eve', id: 'rolled-back', threadId: null, category: null, fields: {}, subject: '', body: '', attachmentIds: [], updatedAt: at(0) });
            await tx.insertMessage(message('orphan', 'no-such-thread', 'eve', at(0)));
          }),
        );
        assert.equal(await store.getDraft('eve', 'rolled-back'), null);
      });

      it('lets code inside a transaction use the outer store without deadlock', async () => {
        const value = await store.transaction(async (tx) => {
          await tx.putDraft({ patientId: 'eve', id: 'inner', threadId: null, category: null, fields: {}, subject: 's', body: '', attachmentIds: [], updatedAt: at(0) });
          return (await store.getDraft('eve', 'inner'))?.subject; // the outer store sees the transaction's writes
        });
        assert.equal(value, 's');
      });
    }
  });
}

describe('FileBlobStore', () => {
  const dir = mkdtempSync(join(tmpdir(), 'portal-blobs-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stores bytes under server-made names, private to the server user', async () => {
    const store = new FileBlobStore(dir);
    await store.put('abcDEF_123-x', new Uint8Array([1, 2, 3]));
    assert.deepEqual(await store.get('abcDEF_123-x'), new Uint8Array([1, 2, 3]));
    const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.bin'));
    assert.equal(files.length, 1);
    assert.ok(!files[0]!.includes('abcDEF'), 'the name does not reveal the id');
    assert.equal(statSync(join(dir, files[0]!)).mode & 0o777, 0o600);
    assert.equal(statSync(dir).mode & 0o077, 0);
    // The same folder opened again (a restart) finds the same file.
    assert.deepEqual(await new FileBlobStore(dir).get('abcDEF_123-x'), new Uint8Array([1, 2, 3]));
    await store.delete('abcDEF_123-x');
    assert.equal(await store.get('abcDEF_123-x'), null);
  });

  it('refuses keys that could name a path', async () => {
    const store = new FileBlobStore(dir);
    for (const key of ['../../etc/passwd', 'a/b', '..', '', 'x'.repeat(65)]) {
      await assert.rejects(store.put(key, new Uint8Array([1])));
    }
  });
});
