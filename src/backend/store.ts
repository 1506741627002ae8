/**
 * Storage behind the portal backend: one small, async, SQL-shaped interface.
 *
 * The rules live in `service.ts`; a store only keeps rows. Two implementations
 * exist: `MemoryStore` (the in-browser mock, tests) and the reference server's
 * PostgreSQL store. Every method maps onto one or two SQL statements, so the
 * comments below say which table and which constraint each one relies on.
 *
 * Conventions
 * - Timestamps are ISO-8601 UTC strings produced by `Date#toISOString()`
 *   (`2026-12-03T15:04:05.000Z`), so they also compare correctly as text.
 *   A SQL store may keep them as `timestamptz` and format them on the way out.
 * - Every row returned is the caller's own copy: mutating it changes nothing.
 * - Patient-owned rows are always looked up *with* the patient id, so a query
 *   for another patient's thread, draft or file simply finds nothing.
 * - Methods that must be atomic under concurrency say so (`claimIdempotencyKey`,
 *   `recordFailure`): a SQL store implements them as a single statement.
 */
import type {
  AttachmentMeta,
  CategoryId,
  ClinicConfig,
  Locale,
  NotificationChannel,
  NotificationTopic,
  PolicyDocument,
  Sender,
  TriageStamp,
} from '../api/schemas.js';

// ---------------------------------------------------------------- rows

/** `patients`: identity and credentials. */
export interface PatientRecord {
  /** Office-assigned id, normalised (trimmed, lower case). Primary key. */
  id: string;
  displayName: string;
  /** Output of the injected `PasswordHasher` (algorithm and salt included). */
  passwordHash: string;
  /** The office-issued password is still in use. */
  mustChangePassword: boolean;
  /** The clinic may revoke messaging ("a privilege, not a right"). */
  messagingAllowed: boolean;
  createdAt: string;
  passwordChangedAt: string | null;
}
export type PatientPatch = Partial<Omit<PatientRecord, 'id' | 'createdAt'>>;

/** `consents`: append-only, one row per acceptance (kept as an audit trail). */
export interface ConsentRow {
  patientId: string;
  version: string;
  acceptedAt: string;
}

/** `policies`: one row per published version, with a document per locale. */
export interface PolicyRecord {
  version: string;
  publishedAt: string;
  /** One per locale; English is always present. */
  documents: PolicyDocument[];
}

/**
 * `throttles`: failure counters for sign-in lockout and rate limits.
 * Keys are namespaced strings, e.g. `signin:patient:dana`, `signin:client:203.0.113.9`.
 */
export interface ThrottleRecord {
  key: string;
  windowStartedAt: string;
  failures: number;
  /** While in the future, the key is locked. */
  lockedUntil: string | null;
}

/** `sessions`: keyed by a digest of the token, so a database leak yields no usable tokens. */
export interface SessionRecord {
  /** SHA-256 of the session token, hex. Primary key. */
  id: string;
  patientId: string;
  createdAt: string;
  lastSeenAt: string;
  idleExpiresAt: string;
  absoluteExpiresAt: string;
}
export type SessionPatch = Partial<Pick<SessionRecord, 'lastSeenAt' | 'idleExpiresAt'>>;

/** `threads`: one conversation, owned by one patient. */
export interface ThreadRecord {
  id: string;
  patientId: string;
  subject: string;
  /** `normalizeForSearch(subject)`: what subject search matches against (SQL: indexed column). */
  subjectKey: string;
  category: CategoryId;
  createdAt: string;
  lastActivityAt: string;
  lastSender: Sender;
  messageCount: number;
  hasAttachments: boolean;
}
/**
 * What the service supplies to create a thread. The other columns of `ThreadRecord`
 * (`lastActivityAt`, `lastSender`, `messageCount`, `hasAttachments`) are derived from
 * the thread's messages and kept current by the store on every `insertMessage`, in the
 * same statement or transaction (SQL: `UPDATE threads SET message_count = message_count + 1, …`),
 * so two concurrent replies can never lose a count.
 */
export type NewThread = Pick<ThreadRecord, 'id' | 'patientId' | 'subject' | 'subjectKey' | 'category' | 'createdAt'>;

/** A thread as listed: with the patient's unread count (SQL: `COUNT(*) FILTER (WHERE sender kind = staff AND read_at IS NULL)`). */
export interface ThreadRow extends ThreadRecord {
  unreadCount: number;
}

/** `messages`. */
export interface MessageRecord {
  id: string;
  threadId: string;
  patientId: string;
  sender: Sender;
  sentAt: string;
  body: string;
  /** Snapshot of the attachments' metadata (immutable once sent; SQL: jsonb). */
  attachments: AttachmentMeta[];
  fields?: Record<string, string>;
  triage?: TriageStamp;
  /** When the patient read it; only meaningful for staff messages. */
  readAt: string | null;
}

/** `drafts`: primary key (patientId, id); the id is chosen by the client. */
export interface DraftRecord {
  patientId: string;
  id: string;
  threadId: string | null;
  category: CategoryId | null;
  fields: Record<string, string>;
  subject: string;
  body: string;
  attachmentIds: string[];
  updatedAt: string;
}

/** `attachments`: metadata only; the bytes live in the `BlobStore` under the same id. */
export interface AttachmentRecord extends AttachmentMeta {
  patientId: string;
  /** Null until sent with a message; a file is sent at most once. */
  messageId: string | null;
  sha256: string;
  createdAt: string;
}

/** `preferences`: one row per patient. */
export interface PreferencesRecord {
  patientId: string;
  notifications: Record<NotificationTopic, NotificationChannel>;
  language: Locale;
  /** The patient picked `language` (not just the default). */
  languageChosen?: boolean;
  email: {
    /** The address notifications go to (full address: never returned by the API). */
    address: string | null;
    verifiedAt: string | null;
    /** Set when a notification to `address` bounced; cleared by verifying an address. */
    bouncedAt: string | null;
    /** A change in progress: the new address and a digest of the code sent to it. */
    pending: {
      address: string;
      codeDigest: string;
      expiresAt: string;
      failedAttempts: number;
    } | null;
  };
}

/** `idempotency_keys`: primary key (patientId, key). */
export interface IdempotencyRecord {
  patientId: string;
  key: string;
  /** Digest of operation + path parameters + canonical request body. */
  requestDigest: string;
  createdAt: string;
  expiresAt: string;
  /** Null while the first request is still running. */
  result: { status: 'done'; value: unknown } | null;
}

// ---------------------------------------------------------------- queries

export interface ThreadListQuery {
  category?: CategoryId;
  /** Already normalised with `normalizeForSearch`; matched as a substring of `subjectKey`. */
  search?: string;
  /** Keyset: only threads strictly older than this position in (lastActivityAt desc, id desc). */
  before?: { lastActivityAt: string; id: string };
  limit: number;
}

export type ClaimResult = { claimed: true } | { claimed: false; existing: IdempotencyRecord };

// ---------------------------------------------------------------- interfaces

export interface PortalStore {
  /**
   * Run `fn` atomically. A SQL store opens a transaction and passes a store bound
   * to it; the memory store just runs `fn(this)` (single-threaded, nothing to isolate).
   * The backend only validates before it writes, so nothing relies on rollback for
   * correctness of the memory store.
   */
  transaction<T>(fn: (tx: PortalStore) => Promise<T>): Promise<T>;

  // clinic and policy
  getClinicConfig(): Promise<ClinicConfig | null>;
  putClinicConfig(config: ClinicConfig): Promise<void>;
  /** False (and no change) when the version already exists. */
  insertPolicy(policy: PolicyRecord): Promise<boolean>;
  /** The latest published version. */
  getCurrentPolicy(): Promise<PolicyRecord | null>;

  // patients and consent
  getPatient(id: string): Promise<PatientRecord | null>;
  /** False (and no change) when the id exists. */
  insertPatient(patient: PatientRecord): Promise<boolean>;
  updatePatient(id: string, patch: PatientPatch): Promise<void>;
  insertConsent(consent: ConsentRow): Promise<void>;
  getLatestConsent(patientId: string): Promise<ConsentRow | null>;

  // throttles
  getThrottle(key: string): Promise<ThrottleRecord | null>;
  /**
   * Atomically count one failure: start a new window at `now` when there is none or
   * the current one began more than `windowSeconds` ago, else increment. Returns the row.
   * SQL: `INSERT … ON CONFLICT (key) DO UPDATE SET failures = CASE … END RETURNING *`.
   */
  recordFailure(key: string, now: string, windowSeconds: number): Promise<ThrottleRecord>;
  lockThrottle(key: string, until: string): Promise<void>;
  clearThrottle(key: string): Promise<void>;

  // sessions
  insertSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  updateSession(id: string, patch: SessionPatch): Promise<void>;
  deleteSession(id: string): Promise<void>;
  /** Returns how many were deleted. */
  deleteSessionsOfPatient(patientId: string, exceptId?: string): Promise<number>;

  // threads and messages
  /** Create a thread with its first message. */
  insertThread(thread: NewThread, firstMessage: MessageRecord): Promise<void>;
  /** Null when the thread does not exist *or belongs to someone else*. */
  getThread(patientId: string, id: string): Promise<ThreadRow | null>;
  /** Staff view: any patient's thread. */
  getThreadById(id: string): Promise<ThreadRow | null>;
  /** Newest activity first; `total` counts every match of the filter (ignoring `before`/`limit`). */
  listThreads(patientId: string, query: ThreadListQuery): Promise<{ items: ThreadRow[]; total: number }>;
  /** Threads whose last message is from the patient (waiting for staff), oldest first. */
  listOpenThreads(limit: number): Promise<ThreadRecord[]>;
  /** Append to an existing thread and update its derived columns (see `NewThread`). */
  insertMessage(message: MessageRecord): Promise<void>;
  /** Oldest first. */
  listMessages(threadId: string): Promise<MessageRecord[]>;
  /** Set `readAt` on the thread's unread staff messages. */
  markThreadRead(patientId: string, threadId: string, at: string): Promise<void>;
  inboxStatus(patientId: string): Promise<{ unreadTotal: number; latestActivityAt: string | null }>;

  // drafts
  listDrafts(patientId: string): Promise<DraftRecord[]>;
  getDraft(patientId: string, id: string): Promise<DraftRecord | null>;
  countDrafts(patientId: string): Promise<number>;
  /** Insert or replace by (patientId, id). */
  putDraft(draft: DraftRecord): Promise<void>;
  deleteDraft(patientId: string, id: string): Promise<boolean>;

  // attachments (metadata; bytes are in the BlobStore)
  insertAttachment(attachment: AttachmentRecord): Promise<void>;
  getAttachment(patientId: string, id: string): Promise<AttachmentRecord | null>;
  /** Attach files to a sent message (`UPDATE … SET message_id = $1 WHERE patient_id = $2 AND id = ANY($3)`). */
  linkAttachments(patientId: string, ids: readonly string[], messageId: string): Promise<void>;

  // preferences
  getPreferences(patientId: string): Promise<PreferencesRecord | null>;
  putPreferences(preferences: PreferencesRecord): Promise<void>;

  // idempotency
  /**
   * Atomically claim `(patientId, key)`. Exactly one of any number of concurrent
   * callers gets `claimed: true`; the others get the existing row (whose `result`
   * is null while the first is still running). An expired row counts as absent.
   * SQL: `INSERT … ON CONFLICT (patient_id, key) DO NOTHING RETURNING` then `SELECT`.
   */
  claimIdempotencyKey(record: IdempotencyRecord, now: string): Promise<ClaimResult>;
  getIdempotencyRecord(patientId: string, key: string): Promise<IdempotencyRecord | null>;
  completeIdempotencyKey(patientId: string, key: string, value: unknown): Promise<void>;
  /**
   * Forget a claim whose request failed, so a retry runs again. With `onlyIfCreatedAt`,
   * only that exact claim is removed (taking over an abandoned claim must not remove
   * a fresh one another caller just made).
   */
  releaseIdempotencyKey(patientId: string, key: string, onlyIfCreatedAt?: string): Promise<void>;

  /** Housekeeping: drop expired sessions, throttles and idempotency rows. */
  deleteExpired(now: string): Promise<void>;
}

/** Attachment bytes, kept apart from rows (a bucket, a bytea table, a Map). */
export interface BlobStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

// ---------------------------------------------------------------- shared helpers

/**
 * The form subjects are searched in: case-, accent- and invisible-character-
 * insensitive ("Résumé" ≈ "resume", zero-width spaces and bidi controls ignored).
 * Stored in `ThreadRecord.subjectKey` and applied to the query the same way, so
 * a SQL store only needs a plain `LIKE` (escape `%`, `_` and `\` in the query).
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '') // combining marks (accents)
    .replace(/\p{Cf}/gu, '') // format characters: zero-width, bidi controls, soft hyphen
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}
