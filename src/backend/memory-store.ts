/**
 * In-memory `PortalStore` and `BlobStore`: the in-browser mock backend and the
 * unit tests use these. Same observable behaviour as the SQL store, nothing more:
 * rows are copied in and out (so callers cannot mutate stored state, as with a
 * database), and the atomic operations are atomic because each runs to
 * completion without an `await` in the middle (JavaScript is single-threaded).
 */
import type { ClinicConfig } from '../api/schemas.js';
import type {
  AttachmentRecord,
  BlobStore,
  ClaimResult,
  ConsentRow,
  DraftRecord,
  IdempotencyRecord,
  MessageRecord,
  NewThread,
  PatientPatch,
  PatientRecord,
  PolicyRecord,
  PortalStore,
  PreferencesRecord,
  SessionPatch,
  SessionRecord,
  ThreadListQuery,
  ThreadRecord,
  ThreadRow,
  ThrottleRecord,
} from './store.js';

const copy = <T>(value: T): T => structuredClone(value);
const pairKey = (patientId: string, id: string) => `${patientId}\u0000${id}`;

/** Newest activity first, then id descending: the one order every listing and cursor uses. */
function byActivityDesc(a: ThreadRecord, b: ThreadRecord): number {
  if (a.lastActivityAt !== b.lastActivityAt) return a.lastActivityAt < b.lastActivityAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

export class MemoryStore implements PortalStore {
  #clinic: ClinicConfig | null = null;
  #policies: PolicyRecord[] = [];
  #patients = new Map<string, PatientRecord>();
  #consents: ConsentRow[] = [];
  #throttles = new Map<string, ThrottleRecord>();
  #sessions = new Map<string, SessionRecord>();
  #threads = new Map<string, ThreadRecord>();
  #threadsByPatient = new Map<string, Set<string>>();
  #messagesByThread = new Map<string, MessageRecord[]>();
  /** Unread staff messages per thread and per patient: kept up to date instead of counted on every call. */
  #unreadByThread = new Map<string, number>();
  #unreadByPatient = new Map<string, number>();
  #latestActivityByPatient = new Map<string, string>();
  /** Each patient's threads in listing order, rebuilt lazily after a change (10,000-thread inboxes page fast). */
  #sortedByPatient = new Map<string, ThreadRecord[]>();
  #drafts = new Map<string, DraftRecord>();
  #attachments = new Map<string, AttachmentRecord>();
  #preferences = new Map<string, PreferencesRecord>();
  #idempotency = new Map<string, IdempotencyRecord>();

  async transaction<T>(fn: (tx: PortalStore) => Promise<T>): Promise<T> {
    return fn(this);
  }

  // ------------------------------------------------------------ clinic and policy

  async getClinicConfig() {
    return this.#clinic && copy(this.#clinic);
  }

  async putClinicConfig(config: ClinicConfig) {
    this.#clinic = copy(config);
  }

  async insertPolicy(policy: PolicyRecord) {
    if (this.#policies.some((p) => p.version === policy.version)) return false;
    this.#policies.push(copy(policy));
    return true;
  }

  async getCurrentPolicy() {
    let latest: PolicyRecord | null = null;
    for (const p of this.#policies) if (!latest || p.publishedAt >= latest.publishedAt) latest = p;
    return latest && copy(latest);
  }

  // ------------------------------------------------------------ patients and consent

  async getPatient(id: string) {
    const p = this.#patients.get(id);
    return p ? copy(p) : null;
  }

  async insertPatient(patient: PatientRecord) {
    if (this.#patients.has(patient.id)) return false;
    this.#patients.set(patient.id, copy(patient));
    return true;
  }

  async updatePatient(id: string, patch: PatientPatch) {
    const p = this.#patients.get(id);
    if (p) Object.assign(p, copy(patch));
  }

  async insertConsent(consent: ConsentRow) {
    this.#consents.push(copy(consent));
  }

  async getLatestConsent(patientId: string) {
    let latest: ConsentRow | null = null;
    for (const c of this.#consents) {
      if (c.patientId === patientId && (!latest || c.acceptedAt >= latest.acceptedAt)) latest = c;
    }
    return latest && copy(latest);
  }

  // ------------------------------------------------------------ throttles

  async getThrottle(key: string) {
    const t = this.#throttles.get(key);
    return t ? copy(t) : null;
  }

  async recordFailure(key: string, now: string, windowSeconds: number) {
    const existing = this.#throttles.get(key);
    const windowOver = !existing || Date.parse(existing.windowStartedAt) + windowSeconds * 1000 <= Date.parse(now);
    const row: ThrottleRecord = windowOver
      ? { key, windowStartedAt: now, failures: 1, lockedUntil: existing?.lockedUntil ?? null }
      : { ...existing, failures: existing.failures + 1 };
    this.#throttles.set(key, row);
    return copy(row);
  }

  async lockThrottle(key: string, until: string) {
    const t = this.#throttles.get(key);
    if (t) t.lockedUntil = until;
    else this.#throttles.set(key, { key, windowStartedAt: until, failures: 0, lockedUntil: until });
  }

  async clearThrottle(key: string) {
    this.#throttles.delete(key);
  }

  // ------------------------------------------------------------ sessions

  async insertSession(session: SessionRecord) {
    this.#sessions.set(session.id, copy(session));
  }

  async getSession(id: string) {
    const s = this.#sessions.get(id);
    return s ? copy(s) : null;
  }

  async updateSession(id: string, patch: SessionPatch) {
    const s = this.#sessions.get(id);
    if (s) Object.assign(s, copy(patch));
  }

  async deleteSession(id: string) {
    this.#sessions.delete(id);
  }

  async deleteSessionsOfPatient(patientId: string, exceptId?: string) {
    let deleted = 0;
    for (const [id, s] of this.#sessions) {
      if (s.patientId === patientId && id !== exceptId) {
        this.#sessions.delete(id);
        deleted++;
      }
    }
    return deleted;
  }

  // ------------------------------------------------------------ threads and messages

  async insertThread(thread: NewThread, firstMessage: MessageRecord) {
    if (this.#threads.has(thread.id)) throw new Error(`insertThread: duplicate id ${thread.id}`);
    this.#threads.set(thread.id, {
      ...copy(thread),
      lastActivityAt: firstMessage.sentAt,
      lastSender: copy(firstMessage.sender),
      messageCount: 0,
      hasAttachments: false,
    });
    let ids = this.#threadsByPatient.get(thread.patientId);
    if (!ids) this.#threadsByPatient.set(thread.patientId, (ids = new Set()));
    ids.add(thread.id);
    this.#messagesByThread.set(thread.id, []);
    this.#unreadByThread.set(thread.id, 0);
    this.#sortedByPatient.delete(thread.patientId);
    await this.insertMessage(firstMessage);
  }

  #row(t: ThreadRecord): ThreadRow {
    return { ...copy(t), unreadCount: this.#unreadByThread.get(t.id) ?? 0 };
  }

  async getThread(patientId: string, id: string) {
    const t = this.#threads.get(id);
    return t && t.patientId === patientId ? this.#row(t) : null;
  }

  async getThreadById(id: string) {
    const t = this.#threads.get(id);
    return t ? this.#row(t) : null;
  }

  async listThreads(patientId: string, query: ThreadListQuery) {
    const { category, search, before } = query;
    const all = this.#sorted(patientId);
    const matches =
      category || search
        ? all.filter((t) => (!category || t.category === category) && (!search || t.subjectKey.includes(search)))
        : all;
    // Keyset: binary-search the first thread strictly older than the cursor (the order is total).
    let start = 0;
    if (before) {
      let hi = matches.length;
      while (start < hi) {
        const mid = (start + hi) >>> 1;
        const t = matches[mid]!;
        const older =
          t.lastActivityAt < before.lastActivityAt || (t.lastActivityAt === before.lastActivityAt && t.id < before.id);
        if (older) hi = mid;
        else start = mid + 1;
      }
    }
    const page = matches.slice(start, start + query.limit);
    return { items: page.map((t) => this.#row(t)), total: matches.length };
  }

  async listOpenThreads(limit: number) {
    return [...this.#threads.values()]
      .filter((t) => t.lastSender.kind === 'patient')
      .sort((a, b) => byActivityDesc(b, a))
      .slice(0, limit)
      .map(copy);
  }

  async insertMessage(message: MessageRecord) {
    const thread = this.#threads.get(message.threadId);
    const list = this.#messagesByThread.get(message.threadId);
    if (!thread || !list) throw new Error(`insertMessage: no thread ${message.threadId}`);
    list.push(copy(message));
    // Derived columns, as the SQL store's UPDATE does in the same transaction.
    if (message.sentAt >= thread.lastActivityAt) {
      thread.lastActivityAt = message.sentAt;
      thread.lastSender = copy(message.sender);
    }
    thread.messageCount += 1;
    thread.hasAttachments ||= message.attachments.length > 0;
    if (message.sender.kind === 'staff' && message.readAt === null) {
      this.#unreadByThread.set(message.threadId, (this.#unreadByThread.get(message.threadId) ?? 0) + 1);
      this.#unreadByPatient.set(thread.patientId, (this.#unreadByPatient.get(thread.patientId) ?? 0) + 1);
    }
    const latest = this.#latestActivityByPatient.get(thread.patientId);
    if (latest === undefined || thread.lastActivityAt > latest) {
      this.#latestActivityByPatient.set(thread.patientId, thread.lastActivityAt);
    }
    this.#sortedByPatient.delete(thread.patientId);
  }

  #sorted(patientId: string): ThreadRecord[] {
    let sorted = this.#sortedByPatient.get(patientId);
    if (!sorted) {
      sorted = [...(this.#threadsByPatient.get(patientId) ?? [])]
        .map((id) => this.#threads.get(id)!)
        .sort(byActivityDesc);
      this.#sortedByPatient.set(patientId, sorted);
    }
    return sorted;
  }

  async listMessages(threadId: string) {
    return copy(this.#messagesByThread.get(threadId) ?? []);
  }

  async markThreadRead(patientId: string, threadId: string, at: string) {
    const t = this.#threads.get(threadId);
    if (!t || t.patientId !== patientId) return;
    for (const m of this.#messagesByThread.get(threadId) ?? []) {
      if (m.sender.kind === 'staff' && m.readAt === null) m.readAt = at;
    }
    const wasUnread = this.#unreadByThread.get(threadId) ?? 0;
    this.#unreadByThread.set(threadId, 0);
    this.#unreadByPatient.set(patientId, (this.#unreadByPatient.get(patientId) ?? 0) - wasUnread);
  }

  async inboxStatus(patientId: string) {
    return {
      unreadTotal: this.#unreadByPatient.get(patientId) ?? 0,
      latestActivityAt: this.#latestActivityByPatient.get(patientId) ?? null,
    };
  }

  // ------------------------------------------------------------ drafts

  async listDrafts(patientId: string) {
    return [...this.#drafts.values()]
      .filter((d) => d.patientId === patientId)
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
      .map(copy);
  }

  async getDraft(patientId: string, id: string) {
    const d = this.#drafts.get(pairKey(patientId, id));
    return d ? copy(d) : null;
  }

  async countDrafts(patientId: string) {
    let n = 0;
    for (const d of this.#drafts.values()) if (d.patientId === patientId) n++;
    return n;
  }

  async putDraft(draft: DraftRecord) {
    this.#drafts.set(pairKey(draft.patientId, draft.id), copy(draft));
  }

  async deleteDraft(patientId: string, id: string) {
    return this.#drafts.delete(pairKey(patientId, id));
  }

  // ------------------------------------------------------------ attachments

  async insertAttachment(attachment: AttachmentRecord) {
    this.#attachments.set(attachment.id, copy(attachment));
  }

  async getAttachment(patientId: string, id: string) {
    const a = this.#attachments.get(id);
    return a && a.patientId === patientId ? copy(a) : null;
  }

  async linkAttachments(patientId: string, ids: readonly string[], messageId: string) {
    for (const id of ids) {
      const a = this.#attachments.get(id);
      if (a && a.patientId === patientId) a.messageId = messageId;
    }
  }

  // ------------------------------------------------------------ preferences

  async getPreferences(patientId: string) {
    const p = this.#preferences.get(patientId);
    return p ? copy(p) : null;
  }

  async putPreferences(preferences: PreferencesRecord) {
    this.#preferences.set(preferences.patientId, copy(preferences));
  }

  // ------------------------------------------------------------ idempotency

  async claimIdempotencyKey(record: IdempotencyRecord, now: string): Promise<ClaimResult> {
    // Check-and-set with no await in between: atomic on a single thread.
    const k = pairKey(record.patientId, record.key);
    const existing = this.#idempotency.get(k);
    if (existing && existing.expiresAt > now) return { claimed: false, existing: copy(existing) };
    this.#idempotency.set(k, copy(record));
    return { claimed: true };
  }

  async getIdempotencyRecord(patientId: string, key: string) {
    const r = this.#idempotency.get(pairKey(patientId, key));
    return r ? copy(r) : null;
  }

  async completeIdempotencyKey(patientId: string, key: string, value: unknown) {
    const r = this.#idempotency.get(pairKey(patientId, key));
    if (r) r.result = { status: 'done', value: copy(value) };
  }

  async releaseIdempotencyKey(patientId: string, key: string, onlyIfCreatedAt?: string) {
    const k = pairKey(patientId, key);
    if (onlyIfCreatedAt === undefined || this.#idempotency.get(k)?.createdAt === onlyIfCreatedAt)
      this.#idempotency.delete(k);
  }

  // ------------------------------------------------------------ housekeeping

  async deleteExpired(now: string) {
    for (const [id, s] of this.#sessions) {
      if (s.idleExpiresAt <= now || s.absoluteExpiresAt <= now) this.#sessions.delete(id);
    }
    for (const [k, r] of this.#idempotency) if (r.expiresAt <= now) this.#idempotency.delete(k);
    // A throttle row is dead once its lock is over and its window is (generously) past.
    const dayAgo = new Date(Date.parse(now) - 86_400_000).toISOString();
    for (const [k, t] of this.#throttles) {
      if ((t.lockedUntil === null || t.lockedUntil <= now) && t.windowStartedAt <= dayAgo) this.#throttles.delete(k);
    }
  }
}

export class MemoryBlobStore implements BlobStore {
  #blobs = new Map<string, Uint8Array>();

  async put(key: string, bytes: Uint8Array) {
    this.#blobs.set(key, bytes.slice());
  }

  async get(key: string) {
    const b = this.#blobs.get(key);
    return b ? b.slice() : null;
  }

  async delete(key: string) {
    this.#blobs.delete(key);
  }
}
