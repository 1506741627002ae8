/**
 * `PortalStore` on PostgreSQL (PGlite or a real server): rows only, no rules.
 * The rules are in `src/backend/service.ts`; this file maps each store method to
 * one or two parameterised statements. No SQL is ever built from input: the only
 * dynamic SQL is the column list of a patch, taken from fixed maps below.
 *
 * Concurrency: methods the interface marks atomic are single statements
 * (`INSERT … ON CONFLICT`), derived thread columns are updated in the same
 * statement that inserts the message, and unread counts are counted, not kept,
 * so concurrent replies and "mark read" can never drift apart.
 */
import { Buffer } from 'node:buffer';
import type { ClinicConfig } from '../src/api/schemas.js';
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
} from '../src/backend/store.js';
import type { Database } from './db.js';

type Row = Record<string, unknown>;

/** timestamptz → the store's ISO-8601 UTC form (`…T…:…:….mmmZ`). */
function iso(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}
function isoOrNull(value: unknown): string | null {
  return value === null || value === undefined ? null : iso(value);
}
/** jsonb arrives parsed from both drivers; a string here would be a driver setting, not data. */
function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}
const toJson = (value: unknown): string => JSON.stringify(value);

/** Escape LIKE wildcards so a search for `50%_off\` matches those characters literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const PATIENT_COLUMNS: Record<keyof PatientPatch, string> = {
  displayName: 'display_name',
  passwordHash: 'password_hash',
  mustChangePassword: 'must_change_password',
  messagingAllowed: 'messaging_allowed',
  passwordChangedAt: 'password_changed_at',
};
const SESSION_COLUMNS: Record<keyof SessionPatch, string> = {
  lastSeenAt: 'last_seen_at',
  idleExpiresAt: 'idle_expires_at',
};
const TIMESTAMP_COLUMNS = new Set(['password_changed_at', 'last_seen_at', 'idle_expires_at']);

/** `SET a = $2, b = $3` from a patch, with column names from a fixed map only. */
function setClause(patch: Record<string, unknown>, columns: Record<string, string>, firstParam: number) {
  const sets: string[] = [];
  const values: unknown[] = [];
  for (const [key, value] of Object.entries(patch)) {
    const column = columns[key];
    if (!column || value === undefined) continue;
    values.push(value);
    sets.push(`${column} = $${firstParam + values.length - 1}${TIMESTAMP_COLUMNS.has(column) ? '::timestamptz' : ''}`);
  }
  return { sql: sets.join(', '), values };
}

function patientRow(r: Row): PatientRecord {
  return {
    id: String(r.id),
    displayName: String(r.display_name),
    passwordHash: String(r.password_hash),
    mustChangePassword: Boolean(r.must_change_password),
    messagingAllowed: Boolean(r.messaging_allowed),
    createdAt: iso(r.created_at),
    passwordChangedAt: isoOrNull(r.password_changed_at),
  };
}

function throttleRow(r: Row): ThrottleRecord {
  return {
    key: String(r.key),
    windowStartedAt: iso(r.window_started_at),
    failures: Number(r.failures),
    lockedUntil: isoOrNull(r.locked_until),
  };
}

function sessionRow(r: Row): SessionRecord {
  return {
    id: String(r.id),
    patientId: String(r.patient_id),
    createdAt: iso(r.created_at),
    lastSeenAt: iso(r.last_seen_at),
    idleExpiresAt: iso(r.idle_expires_at),
    absoluteExpiresAt: iso(r.absolute_expires_at),
  };
}

function threadRecord(r: Row): ThreadRecord {
  return {
    id: String(r.id),
    patientId: String(r.patient_id),
    subject: String(r.subject),
    subjectKey: String(r.subject_key),
    category: String(r.category) as ThreadRecord['category'],
    createdAt: iso(r.created_at),
    lastActivityAt: iso(r.last_activity_at),
    lastSender: json(r.last_sender),
    messageCount: Number(r.message_count),
    hasAttachments: Boolean(r.has_attachments),
  };
}

function threadRow(r: Row): ThreadRow {
  return { ...threadRecord(r), unreadCount: Number(r.unread_count) };
}

function messageRow(r: Row): MessageRecord {
  const m: MessageRecord = {
    id: String(r.id),
    threadId: String(r.thread_id),
    patientId: String(r.patient_id),
    sender: json(r.sender),
    sentAt: iso(r.sent_at),
    body: String(r.body),
    attachments: json(r.attachments),
    readAt: isoOrNull(r.read_at),
  };
  if (r.fields !== null && r.fields !== undefined) m.fields = json(r.fields);
  if (r.triage !== null && r.triage !== undefined) m.triage = json(r.triage);
  return m;
}

function draftRow(r: Row): DraftRecord {
  return {
    patientId: String(r.patient_id),
    id: String(r.id),
    threadId: r.thread_id === null ? null : String(r.thread_id),
    category: r.category === null ? null : (String(r.category) as DraftRecord['category']),
    fields: json(r.fields),
    subject: String(r.subject),
    body: String(r.body),
    attachmentIds: json(r.attachment_ids),
    updatedAt: iso(r.updated_at),
  };
}

function attachmentRow(r: Row): AttachmentRecord {
  return {
    id: String(r.id),
    patientId: String(r.patient_id),
    messageId: r.message_id === null ? null : String(r.message_id),
    filename: String(r.filename),
    contentType: String(r.content_type),
    size: Number(r.size),
    sha256: String(r.sha256),
    createdAt: iso(r.created_at),
  };
}

function idempotencyRow(r: Row): IdempotencyRecord {
  const result = r.result === null || r.result === undefined ? null : json<{ value: unknown }>(r.result);
  return {
    patientId: String(r.patient_id),
    key: String(r.key),
    requestDigest: String(r.request_digest),
    createdAt: iso(r.created_at),
    expiresAt: iso(r.expires_at),
    result: result ? { status: 'done', value: result.value } : null,
  };
}

/** Thread columns plus the counted unread staff messages. */
const THREAD_SELECT = `
  SELECT t.*, (
    SELECT count(*)::int FROM messages m
     WHERE m.thread_id = t.id AND m.read_at IS NULL AND (m.sender ->> 'kind') = 'staff'
  ) AS unread_count
  FROM threads t`;

export class PgStore implements PortalStore {
  readonly db: Database;

  constructor(db: Database) {
    this.db = db;
  }

  async #rows(text: string, params: readonly unknown[] = []): Promise<Row[]> {
    return (await this.db.query<Row>(text, params)).rows;
  }

  async #one(text: string, params: readonly unknown[] = []): Promise<Row | null> {
    return (await this.#rows(text, params))[0] ?? null;
  }

  transaction<T>(fn: (tx: PortalStore) => Promise<T>): Promise<T> {
    // Queries follow the async context into the transaction (see db.ts), so `this` is the tx store.
    return this.db.transaction(() => fn(this));
  }

  // ------------------------------------------------------------ clinic and policy

  async getClinicConfig() {
    const r = await this.#one('SELECT config FROM clinic_config WHERE id = 1');
    return r ? json<ClinicConfig>(r.config) : null;
  }

  async putClinicConfig(config: ClinicConfig) {
    await this.db.query(
      `INSERT INTO clinic_config (id, config, updated_at) VALUES (1, $1::jsonb, now())
       ON CONFLICT (id) DO UPDATE SET config = EXCLUDED.config, updated_at = now()`,
      [toJson(config)],
    );
  }

  async insertPolicy(policy: PolicyRecord) {
    const { rowCount } = await this.db.query(
      `INSERT INTO policies (version, published_at, documents) VALUES ($1, $2::timestamptz, $3::jsonb)
       ON CONFLICT (version) DO NOTHING`,
      [policy.version, policy.publishedAt, toJson(policy.documents)],
    );
    return rowCount === 1;
  }

  async getCurrentPolicy() {
    const r = await this.#one('SELECT * FROM policies ORDER BY published_at DESC, seq DESC LIMIT 1');
    return r ? { version: String(r.version), publishedAt: iso(r.published_at), documents: json<PolicyRecord['documents']>(r.documents) } : null;
  }

  // ------------------------------------------------------------ patients and consent

  async getPatient(id: string) {
    const r = await this.#one('SELECT * FROM patients WHERE id = $1', [id]);
    return r ? patientRow(r) : null;
  }

  async insertPatient(p: PatientRecord) {
    const { rowCount } = await this.db.query(
      `INSERT INTO patients (id, display_name, password_hash, must_change_password, messaging_allowed, created_at, password_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz) ON CONFLICT (id) DO NOTHING`,
      [p.id, p.displayName, p.passwordHash, p.mustChangePassword, p.messagingAllowed, p.createdAt, p.passwordChangedAt],
    );
    return rowCount === 1;
  }

  async updatePatient(id: string, patch: PatientPatch) {
    const { sql, values } = setClause(patch, PATIENT_COLUMNS, 2);
    if (sql) await this.db.query(`UPDATE patients SET ${sql} WHERE id = $1`, [id, ...values]);
  }

  async insertConsent(c: ConsentRow) {
    await this.db.query('INSERT INTO consents (patient_id, version, accepted_at) VALUES ($1, $2, $3::timestamptz)', [
      c.patientId,
      c.version,
      c.acceptedAt,
    ]);
  }

  async getLatestConsent(patientId: string) {
    const r = await this.#one(
      'SELECT * FROM consents WHERE patient_id = $1 ORDER BY accepted_at DESC, seq DESC LIMIT 1',
      [patientId],
    );
    return r ? { patientId: String(r.patient_id), version: String(r.version), acceptedAt: iso(r.accepted_at) } : null;
  }

  // ------------------------------------------------------------ throttles

  async getThrottle(key: string) {
    const r = await this.#one('SELECT * FROM throttles WHERE key = $1', [key]);
    return r ? throttleRow(r) : null;
  }

  async recordFailure(key: string, now: string, windowSeconds: number) {
    // One statement: concurrent failures each count (row lock on conflict), none is lost.
    const r = await this.#one(
      `INSERT INTO throttles AS t (key, window_started_at, failures, locked_until)
       VALUES ($1, $2::timestamptz, 1, NULL)
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at + make_interval(secs => $3::double precision) <= $2::timestamptz
                         THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at + make_interval(secs => $3::double precision) <= $2::timestamptz
                                  THEN $2::timestamptz ELSE t.window_started_at END
       RETURNING *`,
      [key, now, windowSeconds],
    );
    return throttleRow(r!);
  }

  async lockThrottle(key: string, until: string) {
    await this.db.query(
      `INSERT INTO throttles (key, window_started_at, failures, locked_until) VALUES ($1, $2::timestamptz, 0, $2::timestamptz)
       ON CONFLICT (key) DO UPDATE SET locked_until = EXCLUDED.locked_until`,
      [key, until],
    );
  }

  async clearThrottle(key: string) {
    await this.db.query('DELETE FROM throttles WHERE key = $1', [key]);
  }

  // ------------------------------------------------------------ sessions

  async insertSession(s: SessionRecord) {
    await this.db.query(
      `INSERT INTO sessions (id, patient_id, created_at, last_seen_at, idle_expires_at, absolute_expires_at)
       VALUES ($1, $2, $3::timestamptz, $4::timestamptz, $5::timestamptz, $6::timestamptz)
       ON CONFLICT (id) DO UPDATE SET patient_id = EXCLUDED.patient_id, created_at = EXCLUDED.created_at,
         last_seen_at = EXCLUDED.last_seen_at, idle_expires_at = EXCLUDED.idle_expires_at,
         absolute_expires_at = EXCLUDED.absolute_expires_at`,
      [s.id, s.patientId, s.createdAt, s.lastSeenAt, s.idleExpiresAt, s.absoluteExpiresAt],
    );
  }

  async getSession(id: string) {
    const r = await this.#one('SELECT * FROM sessions WHERE id = $1', [id]);
    return r ? sessionRow(r) : null;
  }

  async updateSession(id: string, patch: SessionPatch) {
    const { sql, values } = setClause(patch, SESSION_COLUMNS, 2);
    if (sql) await this.db.query(`UPDATE sessions SET ${sql} WHERE id = $1`, [id, ...values]);
  }

  async deleteSession(id: string) {
    await this.db.query('DELETE FROM sessions WHERE id = $1', [id]);
  }

  async deleteSessionsOfPatient(patientId: string, exceptId?: string) {
    const { rowCount } = await this.db.query(
      'DELETE FROM sessions WHERE patient_id = $1 AND ($2::text IS NULL OR id <> $2::text)',
      [patientId, exceptId ?? null],
    );
    return rowCount;
  }

  // ------------------------------------------------------------ threads and messages

  async insertThread(thread: NewThread, first: MessageRecord) {
    await this.db.transaction(async () => {
      await this.db.query(
        `INSERT INTO threads (id, patient_id, subject, subject_key, category, created_at, last_activity_at, last_sender)
         VALUES ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz, $8::jsonb)`,
        [thread.id, thread.patientId, thread.subject, thread.subjectKey, thread.category, thread.createdAt, first.sentAt, toJson(first.sender)],
      );
      await this.insertMessage(first);
    });
  }

  async getThread(patientId: string, id: string) {
    const r = await this.#one(`${THREAD_SELECT} WHERE t.id = $1 AND t.patient_id = $2`, [id, patientId]);
    return r ? threadRow(r) : null;
  }

  async getThreadById(id: string) {
    const r = await this.#one(`${THREAD_SELECT} WHERE t.id = $1`, [id]);
    return r ? threadRow(r) : null;
  }

  async listThreads(patientId: string, query: ThreadListQuery) {
    const filter = [
      't.patient_id = $1',
      '($2::text IS NULL OR t.category = $2::text)',
      "($3::text IS NULL OR t.subject_key LIKE $3::text ESCAPE '\\')",
    ].join(' AND ');
    const params = [patientId, query.category ?? null, query.search ? likePattern(query.search) : null];
    // Sequential: inside a transaction both run on one connection.
    const items = await this.#rows(
      `${THREAD_SELECT} WHERE ${filter}
         AND ($4::timestamptz IS NULL OR (t.last_activity_at, t.id) < ($4::timestamptz, $5::text))
       ORDER BY t.last_activity_at DESC, t.id DESC LIMIT $6`,
      [...params, query.before?.lastActivityAt ?? null, query.before?.id ?? '', query.limit],
    );
    const count = await this.#one(`SELECT count(*)::int AS total FROM threads t WHERE ${filter}`, params);
    return { items: items.map(threadRow), total: Number(count?.total ?? 0) };
  }

  async listOpenThreads(limit: number) {
    const rows = await this.#rows(
      `SELECT * FROM threads WHERE (last_sender ->> 'kind') = 'patient'
       ORDER BY last_activity_at ASC, id ASC LIMIT $1`,
      [limit],
    );
    return rows.map(threadRecord);
  }

  async insertMessage(m: MessageRecord) {
    // The message and the thread's derived columns in one statement: concurrent replies cannot lose a count.
    const { rowCount } = await this.db.query(
      `WITH inserted AS (
         INSERT INTO messages (id, thread_id, patient_id, sender, sent_at, body, attachments, fields, triage, read_at)
         VALUES ($1, $2, $3, $4::jsonb, $5::timestamptz, $6, $7::jsonb, $8::jsonb, $9::jsonb, $10::timestamptz)
         RETURNING thread_id, sender, sent_at, jsonb_array_length(attachments) > 0 AS with_files
       )
       UPDATE threads t SET
         message_count = t.message_count + 1,
         has_attachments = t.has_attachments OR i.with_files,
         last_sender = CASE WHEN i.sent_at >= t.last_activity_at THEN i.sender ELSE t.last_sender END,
         last_activity_at = GREATEST(t.last_activity_at, i.sent_at)
       FROM inserted i WHERE t.id = i.thread_id`,
      [
        m.id,
        m.threadId,
        m.patientId,
        toJson(m.sender),
        m.sentAt,
        m.body,
        toJson(m.attachments),
        m.fields === undefined ? null : toJson(m.fields),
        m.triage === undefined ? null : toJson(m.triage),
        m.readAt,
      ],
    );
    if (rowCount !== 1) throw new Error('insertMessage: no such thread');
  }

  async listMessages(threadId: string) {
    const rows = await this.#rows('SELECT * FROM messages WHERE thread_id = $1 ORDER BY sent_at ASC, seq ASC', [threadId]);
    return rows.map(messageRow);
  }

  async markThreadRead(patientId: string, threadId: string, at: string) {
    await this.db.query(
      `UPDATE messages SET read_at = $3::timestamptz
       WHERE thread_id = $2 AND patient_id = $1 AND read_at IS NULL AND (sender ->> 'kind') = 'staff'`,
      [patientId, threadId, at],
    );
  }

  async inboxStatus(patientId: string) {
    const r = await this.#one(
      `SELECT
         (SELECT count(*)::int FROM messages m JOIN threads t ON t.id = m.thread_id
           WHERE t.patient_id = $1 AND m.read_at IS NULL AND (m.sender ->> 'kind') = 'staff') AS unread_total,
         (SELECT max(last_activity_at) FROM threads WHERE patient_id = $1) AS latest`,
      [patientId],
    );
    return { unreadTotal: Number(r?.unread_total ?? 0), latestActivityAt: isoOrNull(r?.latest) };
  }

  // ------------------------------------------------------------ drafts

  async listDrafts(patientId: string) {
    const rows = await this.#rows('SELECT * FROM drafts WHERE patient_id = $1 ORDER BY updated_at DESC, id ASC', [patientId]);
    return rows.map(draftRow);
  }

  async getDraft(patientId: string, id: string) {
    const r = await this.#one('SELECT * FROM drafts WHERE patient_id = $1 AND id = $2', [patientId, id]);
    return r ? draftRow(r) : null;
  }

  async countDrafts(patientId: string) {
    const r = await this.#one('SELECT count(*)::int AS n FROM drafts WHERE patient_id = $1', [patientId]);
    return Number(r?.n ?? 0);
  }

  async putDraft(d: DraftRecord) {
    await this.db.query(
      `INSERT INTO drafts (patient_id, id, thread_id, category, fields, subject, body, attachment_ids, updated_at)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::jsonb, $9::timestamptz)
       ON CONFLICT (patient_id, id) DO UPDATE SET thread_id = EXCLUDED.thread_id, category = EXCLUDED.category,
         fields = EXCLUDED.fields, subject = EXCLUDED.subject, body = EXCLUDED.body,
         attachment_ids = EXCLUDED.attachment_ids, updated_at = EXCLUDED.updated_at`,
      [d.patientId, d.id, d.threadId, d.category, toJson(d.fields), d.subject, d.body, toJson(d.attachmentIds), d.updatedAt],
    );
  }

  async deleteDraft(patientId: string, id: string) {
    const { rowCount } = await this.db.query('DELETE FROM drafts WHERE patient_id = $1 AND id = $2', [patientId, id]);
    return rowCount > 0;
  }

  // ------------------------------------------------------------ attachments

  async insertAttachment(a: AttachmentRecord) {
    await this.db.query(
      `INSERT INTO attachments (id, patient_id, message_id, filename, content_type, size, sha256, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::timestamptz)`,
      [a.id, a.patientId, a.messageId, a.filename, a.contentType, a.size, a.sha256, a.createdAt],
    );
  }

  async getAttachment(patientId: string, id: string) {
    const r = await this.#one('SELECT * FROM attachments WHERE id = $1 AND patient_id = $2', [id, patientId]);
    return r ? attachmentRow(r) : null;
  }

  async linkAttachments(patientId: string, ids: readonly string[], messageId: string) {
    if (ids.length === 0) return;
    await this.db.query(
      `UPDATE attachments SET message_id = $3
       WHERE patient_id = $1 AND id IN (SELECT jsonb_array_elements_text($2::jsonb))`,
      [patientId, toJson(ids), messageId],
    );
  }

  // ------------------------------------------------------------ preferences

  async getPreferences(patientId: string) {
    const r = await this.#one('SELECT * FROM preferences WHERE patient_id = $1', [patientId]);
    if (!r) return null;
    return {
      patientId: String(r.patient_id),
      notifications: json<PreferencesRecord['notifications']>(r.notifications),
      language: String(r.language) as PreferencesRecord['language'],
      languageChosen: r.language_chosen === true,
      email: json<PreferencesRecord['email']>(r.email),
    };
  }

  async putPreferences(p: PreferencesRecord) {
    await this.db.query(
      `INSERT INTO preferences (patient_id, notifications, language, language_chosen, email) VALUES ($1, $2::jsonb, $3, $4, $5::jsonb)
       ON CONFLICT (patient_id) DO UPDATE SET notifications = EXCLUDED.notifications,
         language = EXCLUDED.language, language_chosen = EXCLUDED.language_chosen, email = EXCLUDED.email`,
      [p.patientId, toJson(p.notifications), p.language, p.languageChosen === true, toJson(p.email)],
    );
  }

  // ------------------------------------------------------------ idempotency

  async claimIdempotencyKey(record: IdempotencyRecord, now: string): Promise<ClaimResult> {
    for (let attempt = 0; attempt < 5; attempt++) {
      // Insert, or take over an expired row; a live row makes this return nothing.
      const claimed = await this.#rows(
        `INSERT INTO idempotency_keys AS k (patient_id, key, request_digest, created_at, expires_at, result)
         VALUES ($1, $2, $3, $4::timestamptz, $5::timestamptz, NULL)
         ON CONFLICT (patient_id, key) DO UPDATE SET request_digest = EXCLUDED.request_digest,
           created_at = EXCLUDED.created_at, expires_at = EXCLUDED.expires_at, result = NULL
         WHERE k.expires_at <= $6::timestamptz
         RETURNING patient_id`,
        [record.patientId, record.key, record.requestDigest, record.createdAt, record.expiresAt, now],
      );
      if (claimed.length === 1) return { claimed: true };
      const existing = await this.getIdempotencyRecord(record.patientId, record.key);
      if (existing) return { claimed: false, existing };
      // Released between our INSERT and SELECT: try again.
    }
    throw new Error('claimIdempotencyKey: could not settle the claim');
  }

  async getIdempotencyRecord(patientId: string, key: string) {
    const r = await this.#one('SELECT * FROM idempotency_keys WHERE patient_id = $1 AND key = $2', [patientId, key]);
    return r ? idempotencyRow(r) : null;
  }

  async completeIdempotencyKey(patientId: string, key: string, value: unknown) {
    // Wrapped, so a stored `null` value is still distinguishable from "still running".
    await this.db.query('UPDATE idempotency_keys SET result = $3::jsonb WHERE patient_id = $1 AND key = $2', [
      patientId,
      key,
      toJson({ value }),
    ]);
  }

  async releaseIdempotencyKey(patientId: string, key: string, onlyIfCreatedAt?: string) {
    await this.db.query(
      `DELETE FROM idempotency_keys
       WHERE patient_id = $1 AND key = $2 AND ($3::timestamptz IS NULL OR created_at = $3::timestamptz)`,
      [patientId, key, onlyIfCreatedAt ?? null],
    );
  }

  // ------------------------------------------------------------ housekeeping

  async deleteExpired(now: string) {
    await this.db.transaction(async () => {
      await this.db.query(
        'DELETE FROM sessions WHERE idle_expires_at <= $1::timestamptz OR absolute_expires_at <= $1::timestamptz',
        [now],
      );
      await this.db.query('DELETE FROM idempotency_keys WHERE expires_at <= $1::timestamptz', [now]);
      await this.db.query(
        `DELETE FROM throttles WHERE (locked_until IS NULL OR locked_until <= $1::timestamptz)
           AND window_started_at <= $1::timestamptz - interval '1 day'`,
        [now],
      );
    });
  }
}

/** Attachment bytes in the database: the choice for several servers sharing one PostgreSQL. */
export class PgBlobStore implements BlobStore {
  readonly #db: Database;

  constructor(db: Database) {
    this.#db = db;
  }

  async put(key: string, bytes: Uint8Array) {
    await this.#db.query(
      'INSERT INTO attachment_blobs (key, bytes) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET bytes = EXCLUDED.bytes',
      [key, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)],
    );
  }

  async get(key: string) {
    const { rows } = await this.#db.query<{ bytes: Uint8Array }>('SELECT bytes FROM attachment_blobs WHERE key = $1', [key]);
    const bytes = rows[0]?.bytes;
    return bytes ? new Uint8Array(bytes) : null;
  }

  async delete(key: string) {
    await this.#db.query('DELETE FROM attachment_blobs WHERE key = $1', [key]);
  }
}
