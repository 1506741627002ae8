import { expect } from '@open-wc/testing';
import { Draft, NewMessage, SignedInSession, ThreadDetail, ThreadPage } from '../api/schemas.js';
import {
  DEMO_CLINIC,
  DEMO_PERSONAS,
  DEMO_POLICY_DOCUMENTS,
  generateThreads,
  hostileThreads,
  insertSeedThreads,
  seedDemo,
  type PersonaId,
} from './demo-data.js';
import { MemoryBlobStore, MemoryStore } from './memory-store.js';
import { SCENARIO_START, STRONG_PASSWORD, refillMessage } from './scenarios.js';
import {
  BackendError,
  canonicalJson,
  decodeCursor,
  encodeCursor,
  maskEmail,
  pbkdf2Hasher,
  PortalBackend,
  sanitizeFilename,
  sha256Hex,
  sniffContentType,
  type AuthContext,
  type BackendOptions,
  type NotificationEvent,
  type PasswordHasher,
} from './service.js';
import { normalizeForSearch } from './store.js';

// ---------------------------------------------------------------- fixture

interface Fixture {
  backend: PortalBackend;
  store: MemoryStore;
  events: NotificationEvent[];
  verifyCalls: string[];
  advance(seconds: number): void;
  setTime(iso: string): void;
  signIn(persona: PersonaId, extra?: AuthContext): Promise<AuthContext>;
}

async function setup(
  options: {
    backend?: Partial<BackendOptions>;
    notify?: (e: NotificationEvent) => Promise<void>;
    onError?: (e: unknown) => void;
  } = {},
): Promise<Fixture> {
  let now = SCENARIO_START.getTime();
  const store = new MemoryStore();
  const events: NotificationEvent[] = [];
  const verifyCalls: string[] = [];
  const inner = pbkdf2Hasher({ iterations: 1000 });
  const hasher: PasswordHasher = {
    hash: (pw) => inner.hash(pw),
    verify: (pw, hash) => {
      verifyCalls.push(hash.slice(0, 20));
      return inner.verify(pw, hash);
    },
  };
  const backend = new PortalBackend({
    store,
    blobs: new MemoryBlobStore(),
    hasher,
    notifier: { notify: options.notify ?? (async (e) => void events.push(structuredClone(e))) },
    clock: () => new Date(now),
    ...(options.onError && { onError: options.onError }),
    ...(options.backend && { options: options.backend }),
  });
  await seedDemo(backend);
  return {
    backend,
    store,
    events,
    verifyCalls,
    advance: (seconds) => void (now += seconds * 1000),
    setTime: (iso) => void (now = Date.parse(iso)),
    async signIn(persona, extra = {}) {
      const grant = await backend.signIn(extra, { patientId: persona, password: DEMO_PERSONAS[persona].password });
      return { ...extra, sessionToken: grant.token };
    },
  };
}

/** The problem code a call fails with (fails the test if it succeeds). */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof BackendError) return e.code;
    throw e;
  }
  throw new Error('expected a BackendError, but the call succeeded');
}

async function errorOf(promise: Promise<unknown>): Promise<BackendError> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof BackendError) return e;
    throw e;
  }
  throw new Error('expected a BackendError, but the call succeeded');
}

const msg = (overrides: Record<string, unknown> = {}) => refillMessage(overrides) as NewMessage;
const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

// ---------------------------------------------------------------- tests

describe('PortalBackend', () => {
  describe('demo data', () => {
    it('seeds the clinic, the policy and the four personas as PRODUCT.md describes', async () => {
      const { backend, signIn } = await setup();
      expect(await backend.getClinic()).to.deep.equal(DEMO_CLINIC);
      const dana = await signIn('dana');
      const page = await backend.listThreads(dana, {});
      expect(page.total).to.equal(4);
      expect(page.unreadTotal).to.equal(1);
      const unread = page.items.find((t) => t.unreadCount > 0)!;
      expect(unread.lastSender).to.deep.equal({ kind: 'staff', name: 'Dr. Maya Patel', role: 'physician' });

      const newbie = await backend.getSession(await signIn('newbie'));
      expect(newbie).to.include({ mustChangePassword: true });
      expect((newbie as SignedInSession).consent.required).to.equal(true);
      const rory = (await backend.getSession(await signIn('rory'))) as SignedInSession;
      expect(rory.messaging.allowed).to.equal(false);
      const bea = (await backend.getSession(await signIn('bea'))) as SignedInSession;
      expect(bea.notificationEmailBounced).to.equal(true);
    });

    it('policy: English is the seed text verbatim, Spanish has the same sections', async () => {
      const { backend } = await setup();
      const en = await backend.getPolicy('en');
      const es = await backend.getPolicy('es');
      expect(en.title).to.equal('Email Policy and Procedures');
      expect(en.sections.map((s) => s.id)).to.deep.equal(es.sections.map((s) => s.id));
      expect(en.sections.find((s) => s.id === 'general')!.paragraphs[0]).to.contain(
        'call 911 or proceed directly to an emergency room',
      );
      expect(en.sections.find((s) => s.id === 'disclaimer')!.paragraphs[0]).to.contain('practice’s control');
      expect(es.sections.find((s) => s.id === 'general')!.paragraphs[0]).to.contain('llamará al 911');
      expect(DEMO_POLICY_DOCUMENTS.every((d) => d.version === '2026-12-01')).to.equal(true);
    });

    it('seedDemo is idempotent', async () => {
      const { backend, signIn } = await setup();
      await seedDemo(backend);
      await seedDemo(backend);
      expect((await backend.listThreads(await signIn('dana'), {})).total).to.equal(4);
      expect((await backend.listOpenThreads()).length).to.equal(1);
    });

    it('generateThreads is deterministic, and 10,000 threads page through completely and in order', async function () {
      this.timeout(60_000); // a scale test: ~2 s alone, more on a busy CI machine
      expect(JSON.stringify(generateThreads(50))).to.equal(JSON.stringify(generateThreads(50)));
      const { backend, signIn } = await setup();
      await insertSeedThreads(backend, generateThreads(10_000));
      const dana = await signIn('dana');
      const seen = new Set<string>();
      let last = '\uffff';
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await backend.listThreads(dana, { limit: 100, ...(cursor && { cursor }) });
        expect(ThreadPage.safeParse(page).success).to.equal(true);
        for (const t of page.items) {
          expect(seen.has(t.id), `duplicate ${t.id}`).to.equal(false);
          seen.add(t.id);
          const key = `${t.lastActivityAt}|${t.id}`;
          expect(key <= last, 'newest first, id tie-break').to.equal(true);
          last = key;
        }
        cursor = page.nextCursor ?? undefined;
        pages++;
      } while (cursor);
      expect(seen.size).to.equal(10_004);
      expect(pages).to.equal(101);
      const refills = await backend.listThreads(dana, { category: 'refill', q: 'METFORMIN', limit: 5 });
      expect(refills.total).to.equal(Math.ceil(10_000 / 12));
      expect(refills.items.every((t) => t.subject.startsWith('Refill: Metformin'))).to.equal(true);
    });

    it('hostile threads stay within the contract', async () => {
      const { backend, signIn } = await setup();
      await insertSeedThreads(backend, hostileThreads('dana', new Date()));
      const dana = await signIn('dana');
      const page = await backend.listThreads(dana, { limit: 100 });
      expect(ThreadPage.safeParse(page).success).to.equal(true);
      for (const id of ['hostile-script', 'hostile-bidi', 'hostile-zero-width', 'hostile-long', 'hostile-files']) {
        const detail = await backend.getThread(dana, id);
        expect(ThreadDetail.safeParse(detail).success, id).to.equal(true);
      }
      const files = await backend.getThread(dana, 'hostile-files');
      const download = await backend.downloadAttachment(dana, files.messages[0]!.attachments[0]!.id);
      expect(sniffContentType(download.bytes)).to.equal('application/pdf');
    });
  });

  describe('sign-in', () => {
    it('an unknown id costs the same real password check as a known one', async () => {
      const { backend, verifyCalls } = await setup();
      verifyCalls.length = 0;
      await codeOf(backend.signIn({}, { patientId: 'dana', password: 'wrong-password-1' }));
      await codeOf(backend.signIn({}, { patientId: 'nobody', password: 'wrong-password-1' }));
      expect(verifyCalls).to.have.length(2);
      expect(verifyCalls[1]).to.match(/^pbkdf2-sha256\$1000\$/); // a real hash, not a shortcut
    });

    it('issues 256-bit tokens, stores only their digest, and rotates on every sign-in', async () => {
      const { backend, store, signIn } = await setup();
      const first = await signIn('dana');
      expect(first.sessionToken).to.match(/^[A-Za-z0-9_-]{43}$/);
      expect(await store.getSession(first.sessionToken!)).to.equal(null);
      expect(await store.getSession(await sha256Hex(first.sessionToken!))).not.to.equal(null);
      const second = await signIn('dana', first);
      expect(second.sessionToken).not.to.equal(first.sessionToken);
      expect(await codeOf(backend.keepAlive(first))).to.equal('unauthorized');
      expect((await backend.keepAlive(second)).authenticated).to.equal(true);
    });

    it('throttles one client across many patient ids, independent of any session', async () => {
      const { backend } = await setup({
        backend: { clientThrottle: { maxFailures: 10, windowSeconds: 900, lockSeconds: 600 } },
      });
      const client = { clientKey: '203.0.113.9' };
      const codes: string[] = [];
      for (let i = 0; i < 10; i++)
        codes.push(await codeOf(backend.signIn(client, { patientId: `user${i}`, password: 'x' })));
      expect(codes.slice(0, 9).every((c) => c === 'invalid-credentials')).to.equal(true);
      expect(codes[9]).to.equal('rate-limited');
      const locked = await errorOf(backend.signIn(client, { patientId: 'dana', password: 'dana-demo-password' }));
      expect(locked.code).to.equal('rate-limited');
      expect(locked.retryAfterSeconds).to.equal(600);
      // Another client is unaffected.
      expect(
        (await backend.signIn({ clientKey: '198.51.100.1' }, { patientId: 'dana', password: 'dana-demo-password' }))
          .token,
      ).to.be.a('string');
    });

    it('patient ids are matched trimmed and case-insensitively', async () => {
      const { backend } = await setup();
      const grant = await backend.signIn({}, { patientId: '  DaNa ', password: 'dana-demo-password' });
      expect(grant.session.patient.id).to.equal('dana');
    });
  });

  describe('sessions', () => {
    it('getSession and inbox polls do not extend the idle timeout; keepAlive does', async () => {
      const { backend, signIn, advance } = await setup();
      const ctx = await signIn('dana');
      advance(800);
      const s1 = (await backend.getSession(ctx)) as SignedInSession;
      await backend.getInboxStatus(ctx);
      expect(s1.idleExpiresAt).to.equal(new Date(SCENARIO_START.getTime() + 900_000).toISOString());
      const s2 = await backend.keepAlive(ctx);
      expect(s2.idleExpiresAt).to.equal(new Date(SCENARIO_START.getTime() + 1_700_000).toISOString());
    });

    it('a password change rotates the token but keeps the absolute expiry', async () => {
      const { backend, signIn, advance } = await setup();
      const ctx = await signIn('dana');
      const before = (await backend.getSession(ctx)) as SignedInSession;
      advance(600);
      const grant = await backend.changePassword(ctx, {
        currentPassword: 'dana-demo-password',
        newPassword: STRONG_PASSWORD,
      });
      expect(grant.session.absoluteExpiresAt).to.equal(before.absoluteExpiresAt);
      expect(await codeOf(backend.keepAlive(ctx))).to.equal('unauthorized');
      expect((await backend.keepAlive({ sessionToken: grant.token })).authenticated).to.equal(true);
    });

    it('wrong current passwords count towards the lockout', async () => {
      const { backend, signIn } = await setup();
      const ctx = await signIn('dana');
      const codes: string[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push(
          await codeOf(backend.changePassword(ctx, { currentPassword: `nope-${i}`, newPassword: STRONG_PASSWORD })),
        );
      }
      expect(codes).to.deep.equal([
        'invalid-credentials',
        'invalid-credentials',
        'invalid-credentials',
        'invalid-credentials',
        'locked-out',
      ]);
      expect(await codeOf(backend.signIn({}, { patientId: 'dana', password: 'dana-demo-password' }))).to.equal(
        'locked-out',
      );
    });

    it('housekeeping removes expired sessions', async () => {
      const { backend, store, signIn, advance } = await setup();
      const ctx = await signIn('dana');
      advance(901);
      await backend.housekeeping();
      expect(await store.getSession(await sha256Hex(ctx.sessionToken!))).to.equal(null);
    });
  });

  describe('gating', () => {
    it('every fully-set-up operation answers password-change-required before the change', async () => {
      const { backend, signIn } = await setup();
      const ctx = await signIn('newbie');
      const calls: Array<Promise<unknown>> = [
        backend.getConsent(ctx),
        backend.acceptConsent(ctx, { version: '2026-12-01' }),
        backend.listThreads(ctx, {}),
        backend.getInboxStatus(ctx),
        backend.getThread(ctx, 'demo-dana-labs'),
        backend.createThread(ctx, msg(), 'k'),
        backend.reply(
          ctx,
          'demo-dana-labs',
          { body: 'x', attachmentIds: [], triage: { level: 'routine', codes: [], acknowledged: true } },
          'k2',
        ),
        backend.markRead(ctx, 'demo-dana-labs'),
        backend.listDrafts(ctx),
        backend.saveDraft(ctx, 'd', {
          threadId: null,
          category: null,
          fields: {},
          subject: '',
          body: '',
          attachmentIds: [],
        }),
        backend.deleteDraft(ctx, 'd'),
        backend.uploadAttachment(ctx, { bytes: PDF, contentType: 'application/pdf', filename: 'a.pdf' }, 'k3'),
        backend.downloadAttachment(ctx, 'x'),
        backend.getPreferences(ctx),
        backend.updatePreferences(ctx, { language: 'es' }),
        backend.changeEmail(ctx, { newAddress: 'n@example.com', password: 'welcome-newbie-2026' }),
        backend.verifyEmail(ctx, { code: '123456' }),
      ];
      for (const call of calls) expect(await codeOf(call)).to.equal('password-change-required');
    });

    it('consent gates messaging, not consent, preferences or the inbox badge', async () => {
      const { backend, signIn } = await setup();
      const ctx = await signIn('dana');
      await backend.publishPolicy({
        version: '2027-01-15',
        documents: [
          { locale: 'en', title: 'Policy', sections: [{ id: 'general', heading: 'General', paragraphs: ['New.'] }] },
        ],
      });
      for (const call of [
        backend.listThreads(ctx, {}),
        backend.getThread(ctx, 'demo-dana-labs'),
        backend.createThread(ctx, msg(), 'k'),
        backend.markRead(ctx, 'demo-dana-labs'),
        backend.listDrafts(ctx),
        backend.uploadAttachment(ctx, { bytes: PDF, contentType: 'application/pdf', filename: 'a.pdf' }, 'k3'),
      ]) {
        expect(await codeOf(call)).to.equal('consent-required');
      }
      expect((await backend.getConsent(ctx)).required).to.equal(true);
      expect((await backend.getPreferences(ctx)).language).to.equal('en');
      expect((await backend.getInboxStatus(ctx)).unreadTotal).to.equal(1);
      expect((await backend.getClinic()).policyVersion).to.equal('2027-01-15');
    });

    it('revoked patients may still read, list drafts, delete drafts and download', async () => {
      const { backend, signIn } = await setup();
      const dana = await signIn('dana');
      await backend.saveDraft(dana, 'keep', {
        threadId: null,
        category: null,
        fields: {},
        subject: 'Draft',
        body: '',
        attachmentIds: [],
      });
      await backend.setMessagingAllowed('dana', false);
      expect((await backend.getThread(dana, 'demo-dana-labs')).canReply).to.equal(false);
      expect((await backend.listDrafts(dana)).items).to.have.length(1);
      await backend.deleteDraft(dana, 'keep');
      expect(await codeOf(backend.createThread(dana, msg(), 'k'))).to.equal('messaging-revoked');
    });
  });

  describe('messages', () => {
    it('stores text safely for any database: NUL gone, CRLF folded, lone surrogates replaced', async () => {
      const { backend, signIn } = await setup();
      const ctx = await signIn('dana');
      const sent = await backend.createThread(
        ctx,
        msg({ category: 'clinical', fields: {}, subject: 'Hi\u0000\tthere', body: 'a\r\nb\u0000c\uD800d' }),
        'k',
      );
      expect(sent.message.body).to.equal('a\nbc\uFFFDd');
      expect((await backend.getThread(ctx, sent.threadId)).subject).to.equal('Hi  there');
    });

    it('the handling time follows business hours: before hours, weekend, closure', async () => {
      const { backend, signIn, setTime } = await setup();
      const send = async (at: string, key: string) => {
        setTime(at);
        return (await backend.createThread(await signIn('dana'), msg(), key)).handling;
      };
      expect(await send('2026-12-02T12:00:00.000Z', 'a')).to.deep.equal({
        officeOpen: false,
        handledAt: '2026-12-02T14:00:00.000Z',
        reason: 'before-hours',
      });
      expect(await send('2026-12-05T18:00:00.000Z', 'b')).to.deep.equal({
        officeOpen: false,
        handledAt: '2026-12-07T14:00:00.000Z',
        reason: 'weekend',
      });
      expect(await send('2026-12-25T16:00:00.000Z', 'c')).to.deep.equal({
        officeOpen: false,
        handledAt: '2026-12-28T14:00:00.000Z',
        reason: 'closure',
      });
    });

    it('sending with a draftId deletes that draft (new thread and reply)', async () => {
      const { backend, signIn } = await setup();
      const ctx = await signIn('dana');
      const empty = { threadId: null, category: null, fields: {}, subject: '', body: '', attachmentIds: [] };
      const draft = await backend.saveDraft(ctx, 'd1', empty);
      expect(Draft.safeParse(draft).success).to.equal(true);
      await backend.saveDraft(ctx, 'd2', { ...empty, threadId: 'demo-dana-labs' });
      await backend.createThread(ctx, msg({ draftId: 'd1' }), 'k1');
      await backend.reply(
        ctx,
        'demo-dana-labs',
        {
          body: 'Thanks!',
          attachmentIds: [],
          triage: { level: 'routine', codes: [], acknowledged: true },
          draftId: 'd2',
        },
        'k2',
      );
      expect((await backend.listDrafts(ctx)).items).to.deep.equal([]);
    });

    it('drafts: per patient, bounded, and only for own threads', async () => {
      const { backend, signIn } = await setup();
      const dana = await signIn('dana');
      const bea = await signIn('bea');
      const empty = { threadId: null, category: null, fields: {}, subject: '', body: '', attachmentIds: [] };
      await backend.saveDraft(dana, 'same-id', { ...empty, body: 'dana' });
      await backend.saveDraft(bea, 'same-id', { ...empty, body: 'bea' });
      expect((await backend.listDrafts(dana)).items.map((d) => d.body)).to.deep.equal(['dana']);
      const foreign = await errorOf(backend.saveDraft(bea, 'x', { ...empty, threadId: 'demo-dana-labs' }));
      expect(foreign.fieldErrors).to.deep.equal([{ field: 'threadId', code: 'not-found' }]);
      for (let i = 1; i < 50; i++) await backend.saveDraft(dana, `d${i}`, empty);
      const full = await errorOf(backend.saveDraft(dana, 'one-too-many', empty));
      expect(full.fieldErrors).to.deep.equal([{ field: 'draftId', code: 'too-many' }]);
      await backend.saveDraft(dana, 'd1', { ...empty, body: 'replacing is fine' });
    });

    it('drafts name their files, so a draft reopened on another device lists them', async () => {
      const { backend, signIn } = await setup();
      const dana = await signIn('dana');
      const file = await backend.uploadAttachment(dana, { bytes: PDF, contentType: 'application/pdf', filename: 'school-form.pdf' }, 'f1');
      const draft = { threadId: null, category: 'health-form' as const, fields: {}, subject: '', body: '', attachmentIds: [file.id] };
      expect((await backend.saveDraft(dana, 'with-file', draft)).attachments).to.deep.equal([file]);
      const elsewhere = await signIn('dana'); // a second session: another device
      const [listed] = (await backend.listDrafts(elsewhere)).items;
      expect(listed!.attachments!.map((a) => a.filename)).to.deep.equal(['school-form.pdf']);
      expect(Draft.safeParse(listed).success).to.equal(true);
    });

    it('listOpenThreads shows what waits for the office, with its triage level; staffReply answers it', async () => {
      const { backend, signIn } = await setup();
      const ctx = await signIn('dana');
      await backend.createThread(ctx, msg({ triage: { level: 'urgent', codes: ['fever'], acknowledged: true } }), 'k');
      const open = await backend.listOpenThreads();
      expect(open.map((t) => t.id)[0]).to.equal('demo-dana-billing'); // longest waiting first
      expect(open[1]).to.include({ patientId: 'dana', triageLevel: 'urgent', messageCount: 1 });
      const detail = await backend.staffGetThread(open[1]!.id);
      expect(detail.patientId).to.equal('dana');
      await backend.staffReply(open[1]!.id, { name: 'Sam Ortiz, RN', role: 'nurse' }, 'Please call us today.');
      expect((await backend.listOpenThreads()).map((t) => t.id)).to.deep.equal(['demo-dana-billing']);
      expect(await codeOf(backend.staffReply('nope', { name: 'X', role: 'nurse' }, 'x'))).to.equal('not-found');
      expect(
        (await errorOf(backend.staffReply(open[0]!.id, { name: ' ', role: 'patient' }, ''))).fieldErrors,
      ).to.deep.equal([
        { field: 'name', code: 'required' },
        { field: 'role', code: 'invalid' },
        { field: 'body', code: 'required' },
      ]);
    });
  });

  describe('idempotency', () => {
    it('a failed request releases its key: the corrected retry runs', async () => {
      const { backend, signIn } = await setup();
      const ctx = await signIn('dana');
      expect(await codeOf(backend.createThread(ctx, msg({ fields: {} }), 'retry-key'))).to.equal('validation');
      const ok = await backend.createThread(ctx, msg(), 'retry-key');
      expect(ok.threadId).to.be.a('string');
    });

    it('concurrent duplicates wait for the first and share its result', async () => {
      const { backend, signIn } = await setup();
      const ctx = await signIn('dana');
      const results = await Promise.all(Array.from({ length: 5 }, () => backend.createThread(ctx, msg(), 'dup')));
      expect(new Set(results.map((r) => r.message.id)).size).to.equal(1);
      expect((await backend.listThreads(ctx, { q: 'metformin' })).total).to.equal(1);
    });

    it('keys are per patient', async () => {
      const { backend, signIn } = await setup();
      const a = await backend.createThread(await signIn('dana'), msg(), 'shared-key');
      const b = await backend.createThread(await signIn('bea'), msg(), 'shared-key');
      expect(a.threadId).not.to.equal(b.threadId);
    });

    it('takes over a claim abandoned by a crashed request', async () => {
      const { backend, store, signIn } = await setup();
      const ctx = await signIn('dana');
      const input = msg();
      const digest = await sha256Hex(canonicalJson({ op: 'createThread', input }));
      const longAgo = new Date(SCENARIO_START.getTime() - 120_000).toISOString();
      await store.claimIdempotencyKey(
        {
          patientId: 'dana',
          key: 'crashed',
          requestDigest: digest,
          createdAt: longAgo,
          expiresAt: '2030-01-01T00:00:00.000Z',
          result: null,
        },
        longAgo,
      );
      const result = await backend.createThread(ctx, input, 'crashed');
      expect(result.threadId).to.be.a('string');
    });

    it('answers conflict when a live duplicate does not finish in time', async () => {
      const { backend, store, signIn } = await setup({ backend: { idempotencyWaitMs: 50 } });
      const ctx = await signIn('dana');
      const input = msg();
      const digest = await sha256Hex(canonicalJson({ op: 'createThread', input }));
      const now = SCENARIO_START.toISOString();
      await store.claimIdempotencyKey(
        {
          patientId: 'dana',
          key: 'busy',
          requestDigest: digest,
          createdAt: now,
          expiresAt: '2030-01-01T00:00:00.000Z',
          result: null,
        },
        now,
      );
      expect(await codeOf(backend.createThread(ctx, input, 'busy'))).to.equal('conflict');
    });

    it('uploads: same key and bytes give the same file', async () => {
      const { backend, signIn } = await setup();
      const ctx = await signIn('dana');
      const upload = { bytes: PDF, contentType: 'application/pdf; charset=binary', filename: 'form.pdf' };
      const a = await backend.uploadAttachment(ctx, upload, 'u');
      const b = await backend.uploadAttachment(ctx, upload, 'u');
      expect(b).to.deep.equal(a);
      expect(await codeOf(backend.uploadAttachment(ctx, { ...upload, filename: 'other.pdf' }, 'u'))).to.equal(
        'idempotency-mismatch',
      );
      expect(await codeOf(backend.uploadAttachment(ctx, { ...upload, filename: '\u202E' }, 'u2'))).to.equal(
        'validation',
      );
    });

    it('rejects malformed keys', async () => {
      const { backend, signIn } = await setup();
      const e = await errorOf(backend.createThread(await signIn('dana'), msg(), 'has space'));
      expect(e.fieldErrors).to.deep.equal([{ field: 'Idempotency-Key', code: 'invalid' }]);
    });
  });

  describe('notifications and e-mail', () => {
    it('a staff reply notifies with a link only; nothing goes to a bounced or missing address', async () => {
      const { backend, events } = await setup();
      await backend.staffReply(
        'demo-dana-billing',
        { name: 'Billing office', role: 'billing' },
        'The $45 was your copay.',
      );
      await backend.staffReply('demo-bea-form', { name: 'Sam', role: 'nurse' }, 'Ready.');
      expect(events).to.deep.equal([{ kind: 'new-message', patientId: 'dana', to: 'dana@example.com', link: '/' }]);
      expect(JSON.stringify(events)).not.to.match(/copay|Billing|45|Ready/);
    });

    it('a refused new address is a field error and leaves nothing pending; other failures leave nothing pending either', async () => {
      let failure: Error = Object.assign(new Error('550 no such user'), { recipientRejected: true });
      const { backend, signIn } = await setup({
        notify: async (e) => {
          if (e.kind === 'email-verification') throw failure;
        },
        onError: () => {},
      });
      const ctx = await signIn('dana');
      const request = { newAddress: 'dana.typo@exmaple.com', password: 'dana-demo-password' };
      expect((await errorOf(backend.changeEmail(ctx, request))).fieldErrors).to.deep.equal([
        { field: 'newAddress', code: 'undeliverable' },
      ]);
      expect((await backend.getPreferences(ctx)).email.pendingAddress).to.equal(null);
      failure = new Error('421 try later');
      let thrown: unknown;
      await backend.changeEmail(ctx, request).catch((e: unknown) => (thrown = e));
      expect(thrown, 'a transient failure is the server error it is').to.equal(failure);
      expect((await backend.getPreferences(ctx)).email.pendingAddress).to.equal(null);
    });

    it('a notifier failure does not fail the reply', async () => {
      const errors: unknown[] = [];
      const { backend, signIn } = await setup({
        notify: async (e) => {
          if (e.kind === 'new-message') throw new Error('SMTP down');
        },
        onError: (e) => errors.push(e),
      });
      await backend.staffReply('demo-dana-billing', { name: 'Billing office', role: 'billing' }, 'Answer');
      expect(errors).to.have.length(1);
      expect((await backend.getInboxStatus(await signIn('dana'))).unreadTotal).to.equal(2);
    });

    it('tells the widgets whether the session language was chosen or is only the default', async () => {
      const { backend, signIn } = await setup();
      const ctx = await signIn('dana');
      const before = (await backend.getSession(ctx)) as SignedInSession;
      expect([before.language, before.languageChosen]).to.deep.equal(['en', false]);
      await backend.updatePreferences(ctx, { language: 'en' }); // choosing the default is still a choice
      const after = (await backend.getSession(ctx)) as SignedInSession;
      expect([after.language, after.languageChosen]).to.deep.equal(['en', true]);
    });

    it('markEmailBounced shows in the session and preferences', async () => {
      const { backend, signIn } = await setup();
      const ctx = await signIn('dana');
      await backend.markEmailBounced('dana');
      expect(((await backend.getSession(ctx)) as SignedInSession).notificationEmailBounced).to.equal(true);
      expect((await backend.getPreferences(ctx)).email.status).to.equal('bounced');
      expect(await codeOf(backend.markEmailBounced('newbie'))).to.equal('conflict'); // no address on file
    });

    it('verification codes: five wrong tries cancel the change; codes expire', async () => {
      const { backend, signIn, events, advance } = await setup();
      const ctx = await signIn('dana');
      await backend.changeEmail(ctx, { newAddress: 'dana.new@example.com', password: 'dana-demo-password' });
      const code = (events.at(-1) as { code: string }).code;
      const wrong = code === '000000' ? '000001' : '000000';
      const reasons: string[] = [];
      for (let i = 0; i < 5; i++)
        reasons.push((await errorOf(backend.verifyEmail(ctx, { code: wrong }))).fieldErrors![0]!.code);
      expect(reasons).to.deep.equal(['mismatch', 'mismatch', 'mismatch', 'mismatch', 'too-many-attempts']);
      expect(await codeOf(backend.verifyEmail(ctx, { code }))).to.equal('conflict');

      await backend.changeEmail(ctx, { newAddress: 'dana.new@example.com', password: 'dana-demo-password' });
      const second = (events.at(-1) as { code: string }).code;
      advance(1801);
      const fresh = await signIn('dana');
      expect(await codeOf(backend.verifyEmail(fresh, { code: second }))).to.equal('conflict');
    });

    it('e-mail changes are rate limited per patient', async () => {
      const { backend, signIn } = await setup();
      const ctx = await signIn('dana');
      for (let i = 0; i < 5; i++)
        await backend.changeEmail(ctx, { newAddress: `d${i}@example.com`, password: 'dana-demo-password' });
      const e = await errorOf(
        backend.changeEmail(ctx, { newAddress: 'd9@example.com', password: 'dana-demo-password' }),
      );
      expect(e.code).to.equal('rate-limited');
      expect(e.retryAfterSeconds).to.equal(3600);
    });
  });

  describe('staff operations', () => {
    it('provisionPatient creates a patient who must change the office-issued password', async () => {
      const { backend } = await setup();
      await backend.provisionPatient('NewPatient-7', 'Pat Doe', 'office-issued-123', 'pat@example.com');
      const grant = await backend.signIn({}, { patientId: 'newpatient-7', password: 'office-issued-123' });
      expect(grant.session.mustChangePassword).to.equal(true);
      expect(await codeOf(backend.provisionPatient('newpatient-7', 'Again', 'x'))).to.equal('conflict');
      const bad = await errorOf(backend.provisionPatient('no spaces allowed', '', '', 'not-an-email'));
      expect(bad.fieldErrors!.map((f) => f.field)).to.deep.equal(['id', 'displayName', 'initialPassword', 'email']);
    });

    it('publishPolicy needs English, unique locales and a new version', async () => {
      const { backend } = await setup();
      const section = { id: 'general' as const, heading: 'G', paragraphs: ['p'] };
      expect(
        await codeOf(
          backend.publishPolicy({ version: 'v2', documents: [{ locale: 'es', title: 'T', sections: [section] }] }),
        ),
      ).to.equal('validation');
      expect(
        await codeOf(
          backend.publishPolicy({
            version: '2026-12-01',
            documents: [{ locale: 'en', title: 'T', sections: [section] }],
          }),
        ),
      ).to.equal('conflict');
      expect(await codeOf(backend.setMessagingAllowed('ghost', true))).to.equal('not-found');
    });
  });

  describe('helpers', () => {
    it('maskEmail', () => {
      expect(maskEmail('bea@example.com')).to.equal('b••@example.com');
      expect(maskEmail('b@example.com')).to.equal('b••@example.com');
      expect(maskEmail('😀x@example.com')).to.equal('😀••@example.com');
    });

    it('sanitizeFilename strips paths, controls and bidi overrides', () => {
      expect(sanitizeFilename('C:\\Users\\me\\scan.pdf')).to.equal('scan.pdf');
      expect(sanitizeFilename('../../etc/passwd')).to.equal('passwd');
      expect(sanitizeFilename('invoice\u202Efdp.exe')).to.equal('invoicefdp.exe');
      expect(sanitizeFilename('..hidden')).to.equal('hidden');
      expect(sanitizeFilename('a\u0000b\nc.png')).to.equal('abc.png');
      expect(sanitizeFilename('x'.repeat(400))).to.have.length(255);
    });

    it('sniffContentType recognises the allowed types by content', () => {
      expect(sniffContentType(new TextEncoder().encode('%PDF-1.7'))).to.equal('application/pdf');
      expect(sniffContentType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).to.equal('image/jpeg');
      expect(sniffContentType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).to.equal('image/png');
      const heic = new Uint8Array([0, 0, 0, 24, ...new TextEncoder().encode('ftypheic')]);
      expect(sniffContentType(heic)).to.equal('image/heic');
      expect(sniffContentType(new TextEncoder().encode('MZ\x90\x00'))).to.equal(null);
    });

    it('normalizeForSearch ignores case, accents and invisible characters', () => {
      expect(normalizeForSearch('  Résumé\u200B DE  Médication ')).to.equal('resume de medication');
      expect(normalizeForSearch('ＦＵＬＬ')).to.equal('full');
    });

    it('cursors round-trip and reject tampering', () => {
      const cursor = encodeCursor({ lastActivityAt: '2026-12-02T15:00:00.000Z', id: 'abc' });
      expect(decodeCursor(cursor)).to.deep.equal({ lastActivityAt: '2026-12-02T15:00:00.000Z', id: 'abc' });
      expect(decodeCursor('bm9wZQ')).to.equal(null);
      expect(decodeCursor(encodeCursor({ lastActivityAt: "x' OR 1=1", id: 'abc' }))).to.equal(null);
      expect(decodeCursor('!!!')).to.equal(null);
    });

    it('canonicalJson ignores key order', () => {
      expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).to.equal(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
    });

    it('pbkdf2Hasher verifies, rejects, and survives malformed hashes', async () => {
      const hasher = pbkdf2Hasher({ iterations: 1000 });
      const hash = await hasher.hash('pässword');
      expect(await hasher.verify('pässword', hash)).to.equal(true);
      expect(await hasher.verify('password', hash)).to.equal(false);
      expect(await hasher.verify('x', 'garbage')).to.equal(false);
      expect(await hasher.verify('x', 'pbkdf2-sha256$999999999$AA$AA')).to.equal(false);
    });
  });
});
