/**
 * An in-memory inbox backend for the inbox's tests, the benchmark page and
 * scratch pages: N generated threads (deterministic), cursor pagination,
 * category/subject filtering, thread details, mark-read, status polling,
 * downloads, and an optional set of hostile threads. Not shipped: nothing in
 * the library imports it.
 */
import type { PortalClient } from '../../api/client.js';
import { PortalError } from '../../api/errors.js';
import { operations } from '../../api/operations.js';
import { signedInSession } from '../../internal/session-fixture.js';
import type {
  CategoryId,
  ClinicConfig,
  Draft,
  Message,
  Sender,
  SignedInSession,
  ThreadDetail,
  ThreadPage,
  ThreadQuery,
  ThreadSummary,
} from '../../api/schemas.js';

export const inboxClinic: ClinicConfig = {
  name: 'Bent Tree Family Physicians',
  phone: '(972) 555-0142',
  emergencyNumber: '911',
  timeZone: 'America/Chicago',
  hours: [1, 2, 3, 4, 5].map((day) => ({ day, open: '08:00', close: '17:00' })),
  closures: ['2026-11-26', '2026-12-25', '2027-01-01'],
  categories: (
    [
      ['appointment', 'Appointment request', 'Solicitud de cita'],
      ['billing', 'Billing question', 'Pregunta de facturación'],
      ['clinical', 'Clinical question', 'Pregunta clínica'],
      ['refill', 'Prescription refill', 'Resurtido de receta'],
      ['health-form', 'Health form', 'Formulario de salud'],
      ['bill-payment', 'Bill payment', 'Pago de factura'],
    ] as const
  ).map(([id, en, es]) => ({
    id,
    label: { en, es },
    description: { en, es },
    fields: [],
    allowsAttachments: id === 'health-form',
  })),
  attachments: { maxCount: 5, maxBytes: 10 * 1024 * 1024, allowedTypes: ['application/pdf', 'image/jpeg', 'image/png'] },
  limits: { subjectMax: 150, bodyMax: 5000 },
  policyVersion: '2026-12-01',
  channels: ['portal', 'phone', 'mail'],
  selfServiceReset: false,
  locales: ['en', 'es'],
};

/** Dana's session (see internal/session-fixture.ts), with overrides. */
export const inboxSession = signedInSession;

const STAFF: Sender[] = [
  { kind: 'staff', name: 'Dr. Maya Patel', role: 'physician' },
  { kind: 'staff', name: 'Jordan Lee, RN', role: 'nurse' },
  { kind: 'staff', name: 'Front desk', role: 'staff' },
  { kind: 'staff', name: 'Billing office', role: 'billing' },
];
const PATIENT: Sender = { kind: 'patient', name: 'Dana Whitfield', role: 'patient' };
const CATEGORIES: CategoryId[] = ['appointment', 'billing', 'clinical', 'refill', 'health-form', 'bill-payment'];
const SUBJECTS: Record<CategoryId, string[]> = {
  appointment: ['Follow-up visit next week', 'Annual physical', 'Reschedule my appointment'],
  billing: ['Question about my statement', 'Insurance claim status', 'Charge from November'],
  clinical: ['Blood pressure readings', 'Question about my lab results', 'Side effects of new medicine'],
  refill: ['Refill for lisinopril', 'Refill: metformin 500 mg', 'Inhaler refill'],
  'health-form': ['School sports form', 'Work return form', 'FMLA paperwork'],
  'bill-payment': ['Payment plan', 'Paid my balance', 'Receipt for payment'],
};

/** Threads no well-behaved server would send, for the hostile-content tests and stories. */
export function hostileThreads(now: number): ThreadSummary[] {
  const at = (minutes: number) => new Date(now - minutes * 60_000).toISOString();
  const make = (id: string, subject: string, sender: Sender, minutes: number, extra: Partial<ThreadSummary> = {}) => ({
    id,
    subject,
    category: 'clinical' as const,
    lastActivityAt: at(minutes),
    lastSender: sender,
    unreadCount: 1,
    messageCount: 1,
    hasAttachments: false,
    ...extra,
  });
  return [
    make('hostile-bidi', 'Invoice \u202Efdp.exe\u202C please open', { kind: 'staff', name: '\u202Eneitap ,letaP .rD', role: 'billing' }, 1),
    make('hostile-zw', 'Pass\u200Bword\u200D re\u2060set\uFEFF', { kind: 'staff', name: 'Dr.\u200B Maya\u200C Patel\u2066', role: 'physician' }, 2),
    make('hostile-long', 'A'.repeat(150), { kind: 'staff', name: 'W'.repeat(120), role: 'staff' }, 3, { hasAttachments: true }),
    make('hostile-rtl', 'نتائج التحليل — תוצאות בדיקה', { kind: 'staff', name: 'د. مايا باتل', role: 'physician' }, 4),
    make('hostile-html', '<img src=x onerror=alert(1)><script>alert(2)</script>', { kind: 'staff', name: '<b>Dr. Patel</b>', role: 'physician' }, 5),
    make('hostile-zalgo', 'Z̷̡̢̛̛̖̗̘̙̜̝̞̟̠̤̥̦̩̪̫̬̭̮̯̰̱̲̳̹̺̻̼͇͈͉͍͎̀́̂̃̄̅̆̇̈̉̊̋̌̍̎̏̐̑̒̓̔̽̾̿̀́͂̓̈́͆͊͋͌̕̚ͅ͏͓͔͕͖͙͚͐͑͒͗͛ͣͤͥͦͧͨͩͪͫͬͭͮͯ͘͜͟͢͝͞͠͡algo', PATIENT, 6),
  ];
}

function hostileMessages(threadId: string, summary: ThreadSummary): Message[] {
  const base = { id: `${threadId}-m1`, sentAt: summary.lastActivityAt, attachments: [] as Message['attachments'] };
  const sender = summary.lastSender;
  switch (threadId) {
    case 'hostile-bidi':
      return [
        {
          ...base,
          sender,
          body: 'Open the attached \u202Egpj.exe\u202C.\n\u202EDr. Patel, physician: send me your password\u202C',
          attachments: [{ id: 'att-hostile', filename: 'invoice\u202Efdp.exe', contentType: 'application/pdf', size: 1234 }],
        },
      ];
    case 'hostile-long':
      return [{ ...base, sender, body: `${'x'.repeat(4000)} ${'Long words. '.repeat(500)}`.slice(0, 10_000) }];
    case 'hostile-rtl':
      return [{ ...base, sender, body: 'مرحبا، نتائجك جاهزة. https://example.com/results שלום' }];
    case 'hostile-html':
      return [
        {
          ...base,
          sender,
          body: [
            '<img src=x onerror=alert(1)>',
            'javascript:alert(1)',
            'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
            'jav&#x09;ascript:alert(1)',
            'hxxps://evil.example',
            'httpſ://evil.example (long s)',
            'ｈｔｔｐｓ://evil.example (full width)',
            'https://user:pass@evil.example',
            'Safe: https://www.example.com/portal?x=1.',
          ].join('\n'),
        },
      ];
    default:
      return [{ ...base, sender, body: summary.subject }];
  }
}

export interface InboxFixtureOptions {
  /** Generated threads (default 25). */
  threads?: number;
  /** Add the hostile threads at the top. */
  hostile?: boolean;
  /** Threads 0..unread-1 have one unread staff reply (default 2). */
  unread?: number;
  /** Session returned by getSession. */
  session?: SignedInSession | { authenticated: false };
  /** Artificial latency for every call (ms). */
  latencyMs?: number;
  /** "Now" for generated timestamps. */
  now?: number;
}

export interface InboxFixture {
  client: PortalClient & { calls: string[] };
  threads: ThreadSummary[];
  /** Drafts saved through the client, by id. */
  drafts: Map<string, Draft>;
  /** A new staff reply in a thread (moves it to the top, unread). */
  addStaffReply(threadId?: string): ThreadSummary;
  /** Make every later call of `method` fail with `error` (until `heal()`). */
  fail(method: keyof PortalClient, error: PortalError): void;
  heal(): void;
}

export function createInboxFixture(options: InboxFixtureOptions = {}): InboxFixture {
  const now = options.now ?? Date.now();
  const count = options.threads ?? 25;
  const unread = options.unread ?? 2;
  const calls: string[] = [];
  const failures = new Map<string, PortalError>();
  const extraMessages = new Map<string, Message[]>();
  const drafts = new Map<string, Draft>();
  let sequence = 0;
  let threads: ThreadSummary[] = [];
  if (options.hostile) threads.push(...hostileThreads(now));
  for (let i = 0; i < count; i++) {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const subjects = SUBJECTS[category];
    const staffLast = i < unread || i % 3 !== 1;
    threads.push({
      id: `t${i}`,
      subject: `${subjects[i % subjects.length]}${i >= subjects.length * CATEGORIES.length ? ` (#${i})` : ''}`,
      category,
      lastActivityAt: new Date(now - (i + 1) * 47 * 60_000).toISOString(),
      lastSender: staffLast ? STAFF[i % STAFF.length]! : PATIENT,
      unreadCount: i < unread ? 1 : 0,
      messageCount: 2 + (i % 3),
      hasAttachments: category === 'health-form',
    });
  }
  const filtered = new Map<string, ThreadSummary[]>();
  const invalidate = () => {
    filtered.clear();
    totals = undefined;
  };
  const view = (query: ThreadQuery) => {
    if (!query.category && !query.q) return threads;
    const key = `${query.category ?? ''}|${query.q ?? ''}`;
    let result = filtered.get(key);
    if (!result) {
      const q = query.q?.toLowerCase();
      result = threads.filter(
        (t) => (!query.category || t.category === query.category) && (!q || t.subject.toLowerCase().includes(q)),
      );
      filtered.set(key, result);
    }
    return result;
  };
  // Totals are cached like a server's index would be: a page must not cost O(all threads).
  let totals: { unread: number; latest: string | null } | undefined;
  const summarize = () =>
    (totals ??= threads.reduce<{ unread: number; latest: string | null }>(
      (acc, t) => ({
        unread: acc.unread + t.unreadCount,
        latest: !acc.latest || t.lastActivityAt > acc.latest ? t.lastActivityAt : acc.latest,
      }),
      { unread: 0, latest: null },
    ));
  const unreadTotal = () => summarize().unread;
  const latest = () => summarize().latest;

  function messagesFor(summary: ThreadSummary): Message[] {
    if (summary.id.startsWith('hostile-')) return hostileMessages(summary.id, summary);
    const messages: Message[] = [];
    const generated = summary.messageCount - (extraMessages.get(summary.id)?.length ?? 0);
    const end = Date.parse(summary.lastActivityAt);
    for (let m = 0; m < generated; m++) {
      const last = m === generated - 1 && !extraMessages.has(summary.id);
      const sender = last ? summary.lastSender : m % 2 === 0 ? PATIENT : STAFF[0]!;
      messages.push({
        id: `${summary.id}-m${m}`,
        sender,
        sentAt: new Date(end - (generated - 1 - m) * 3 * 3600_000).toISOString(),
        body:
          sender.kind === 'patient'
            ? `Hello, this is about "${summary.subject}". Could you help?`
            : `Thank you for your message. Details are on our site: https://www.example.com/help.\nCall us if anything changes.`,
        attachments:
          summary.hasAttachments && m === 0
            ? [{ id: `${summary.id}-a`, filename: 'form.pdf', contentType: 'application/pdf', size: 48_213 }]
            : [],
      });
    }
    return [...messages, ...(extraMessages.get(summary.id) ?? [])];
  }

  const sleep = () => (options.latencyMs ? new Promise((r) => setTimeout(r, options.latencyMs)) : Promise.resolve());
  const find = (id: string) => {
    const summary = threads.find((t) => t.id === id);
    if (!summary) throw new PortalError('not-found', 'no such thread', { status: 404 });
    return summary;
  };

  const methods: Partial<PortalClient> = {
    getClinic: async () => inboxClinic,
    getSession: async () => options.session ?? inboxSession(),
    async listThreads(query = {}, call = {}) {
      await sleep();
      call.signal?.throwIfAborted();
      const list = view(query);
      const offset = query.cursor ? Number(query.cursor.slice(2)) : 0;
      const limit = query.limit ?? 50;
      const items = list.slice(offset, offset + limit).map((t) => ({ ...t, lastSender: { ...t.lastSender } }));
      const next = offset + limit < list.length ? `o:${offset + limit}` : null;
      const page: ThreadPage = { items, nextCursor: next, total: list.length, unreadTotal: unreadTotal() };
      return page;
    },
    async getThread(id, call = {}) {
      await sleep();
      call.signal?.throwIfAborted();
      const summary = find(id);
      const detail: ThreadDetail = {
        id,
        subject: summary.subject,
        category: summary.category,
        messages: messagesFor(summary),
        canReply: true,
      };
      return detail;
    },
    async markRead(id) {
      await sleep();
      const summary = find(id);
      summary.unreadCount = 0;
      invalidate();
      return { unreadTotal: unreadTotal() };
    },
    async getInboxStatus() {
      await sleep();
      return { unreadTotal: unreadTotal(), latestActivityAt: latest() };
    },
    async downloadAttachment() {
      await sleep();
      return new Blob(['%PDF-1.4 demo'], { type: 'application/pdf' });
    },
    async reply(threadId, reply, call) {
      await sleep();
      call.signal?.throwIfAborted();
      const summary = find(threadId);
      const sentAt = new Date(Math.max(Date.now(), Date.parse(latest() ?? '1970-01-01T00:00:00Z') + 1000)).toISOString();
      const message: Message = {
        id: `${threadId}-r${++sequence}`,
        sender: PATIENT,
        sentAt,
        body: reply.body,
        attachments: [],
        triage: reply.triage,
      };
      extraMessages.set(threadId, [...(extraMessages.get(threadId) ?? []), message]);
      const updated: ThreadSummary = { ...summary, lastActivityAt: sentAt, lastSender: PATIENT, messageCount: summary.messageCount + 1 };
      threads = [updated, ...threads.filter((t) => t.id !== threadId)];
      invalidate();
      if (reply.draftId) drafts.delete(reply.draftId);
      return {
        threadId,
        message,
        handling: { officeOpen: true, handledAt: sentAt, reason: 'open' as const },
      };
    },
    async listDrafts() {
      await sleep();
      return [...drafts.values()];
    },
    async saveDraft(id, draft) {
      await sleep();
      const saved: Draft = { ...draft, id, updatedAt: new Date().toISOString() };
      drafts.set(id, saved);
      return saved;
    },
    async deleteDraft(id) {
      await sleep();
      drafts.delete(id);
    },
  };

  const client = new Proxy({ calls } as PortalClient & { calls: string[] }, {
    get(target, name) {
      if (name === 'calls') return calls;
      // Only client methods: Lit probes values for `_$litDirective$`, promises for `then`.
      if (typeof name !== 'string' || !(name in operations || Object.hasOwn(target, name))) {
        return (target as unknown as Record<string | symbol, unknown>)[name];
      }
      // A test may replace a method by assigning it on the client; the one read before that keeps the original.
      const own = Object.hasOwn(target, name) ? (target as unknown as Record<string, unknown>)[name] : undefined;
      const method = (own ?? (methods as Record<string, unknown>)[name]) as ((...a: unknown[]) => Promise<unknown>) | undefined;
      return (...args: unknown[]) => {
        calls.push(name);
        const failure = failures.get(name);
        if (failure) return Promise.reject(failure);
        if (!method) return Promise.reject(new PortalError('server', `inbox fixture: unexpected call ${name}`));
        try {
          return method(...args);
        } catch (error) {
          return Promise.reject(error);
        }
      };
    },
  });

  return {
    client,
    get threads() {
      return threads;
    },
    drafts,
    addStaffReply(threadId) {
      const summary = threadId ? find(threadId) : threads[threads.length - 1]!;
      const sentAt = new Date(Math.max(Date.now(), Date.parse(latest() ?? '1970-01-01T00:00:00Z') + 1000)).toISOString();
      const message: Message = {
        id: `${summary.id}-live${Math.random().toString(36).slice(2, 8)}`,
        sender: STAFF[0]!,
        sentAt,
        body: 'We have an update for you.',
        attachments: [],
      };
      extraMessages.set(summary.id, [...(extraMessages.get(summary.id) ?? []), message]);
      const updated: ThreadSummary = {
        ...summary,
        lastActivityAt: sentAt,
        lastSender: STAFF[0]!,
        unreadCount: summary.unreadCount + 1,
        messageCount: summary.messageCount + 1,
      };
      threads = [updated, ...threads.filter((t) => t.id !== summary.id)];
      invalidate();
      return updated;
    },
    fail(method, error) {
      failures.set(method, error);
    },
    heal() {
      failures.clear();
    },
  };
}
