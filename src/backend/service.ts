/**
 * The portal backend, written once: every rule of the API contract, DOM-free and
 * runtime-neutral. The in-browser msw mock and the Node reference server both
 * run this class; they differ only in what they inject (store, password hasher,
 * notifier, clock) and in the transport adapter in front of it (`http.ts`).
 *
 * One public method per operation in `operations.ts`, each taking the caller's
 * `AuthContext` and input already validated against the operation's schema,
 * plus the staff operations used by the server's CLI and by tests.
 *
 * Failures are thrown as `BackendError` with a `ProblemCode`; the HTTP layer
 * maps codes to statuses. Error objects never carry input, stack details or
 * anyone's data — only a code, optional `retryAfterSeconds`, and `fieldErrors`
 * whose `field` names are paths of the request schema.
 *
 * Runtime APIs used directly are the ones Node 20 and browsers share:
 * `globalThis.crypto` (getRandomValues, subtle), `TextEncoder`, `btoa`,
 * `structuredClone`, `setTimeout`. Everything else comes in through `BackendDeps`.
 */
import * as z from 'zod/mini';
import { LIMITS, PolicyDocument as PolicyDocumentSchema } from '../api/schemas.js';
import type {
  AttachmentMeta,
  Category,
  ChangePasswordRequest,
  ClinicConfig,
  ConsentRecord,
  Draft,
  DraftInput,
  EmailChangeRequest,
  EmailVerifyRequest,
  FieldError,
  InboxStatus,
  Locale,
  Message,
  NewMessage,
  PolicyDocument,
  Preferences,
  PreferencesUpdate,
  ProblemCode,
  Reply,
  SendResult,
  Sender,
  Session,
  SignedInSession,
  SignInRequest,
  ThreadDetail,
  ThreadPage,
  ThreadQuery,
  ThreadSummary,
  TriageStamp,
} from '../api/schemas.js';
import { nextHandlingTime, type WeeklyHours } from '../policy/business-hours.js';
import { checkPassword } from '../policy/password-rules.js';
import {
  normalizeForSearch,
  type AttachmentRecord,
  type BlobStore,
  type DraftRecord,
  type IdempotencyRecord,
  type MessageRecord,
  type PatientRecord,
  type PortalStore,
  type PreferencesRecord,
  type SessionRecord,
  type ThreadRow,
} from './store.js';

// ================================================================ errors

export interface BackendErrorInit {
  retryAfterSeconds?: number;
  fieldErrors?: FieldError[];
}

/** A domain failure. `code` is the problem code clients switch on; nothing else leaves the server. */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  readonly code: ProblemCode;
  readonly retryAfterSeconds: number | undefined;
  readonly fieldErrors: FieldError[] | undefined;

  constructor(code: ProblemCode, init: BackendErrorInit = {}) {
    super(code);
    this.code = code;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.fieldErrors = init.fieldErrors;
  }
}

export const isBackendError = (e: unknown): e is BackendError => e instanceof BackendError;

function fail(code: ProblemCode, init?: BackendErrorInit): never {
  throw new BackendError(code, init);
}

function invalid(fieldErrors: FieldError[]): never {
  throw new BackendError('validation', { fieldErrors: fieldErrors.slice(0, 50) });
}

// ================================================================ injected dependencies

/** Who is calling. The transport fills it from the request. */
export interface AuthContext {
  /** The session token from the cookie, if any. */
  sessionToken?: string | null;
  /**
   * A stable key for the calling client (the server's remote address), used for the
   * sign-in throttle that is independent of patient id and of any session token.
   * Absent in the in-page mock (there is only one client).
   */
  clientKey?: string | null;
}

export interface PasswordHasher {
  /** A self-describing hash (algorithm, parameters and salt included). */
  hash(password: string): Promise<string>;
  /** Constant-time comparison; false (never a throw) for a malformed hash. */
  verify(password: string, hash: string): Promise<boolean>;
}

/**
 * What the backend asks to be delivered out of band. Deliberately minimal:
 * a new-message notification carries a link and nothing about the message
 * (no subject, no body, no sender), because e-mail is not a secure channel.
 */
export type NotificationEvent =
  | { kind: 'new-message'; patientId: string; to: string; link: string }
  | { kind: 'email-verification'; patientId: string; to: string; code: string };

export interface Notifier {
  /**
   * Deliver, or throw. An error with `recipientRejected: true` means the mail
   * system refused the address for good (a verification code to it becomes a
   * field error `newAddress: undeliverable`); anything else is a delivery failure.
   */
  notify(event: NotificationEvent): Promise<void>;
}

export interface BackendOptions {
  /** Idle timeout; reset by every authenticated call except passive polls. Default 900 s. */
  idleTimeoutSeconds: number;
  /** Absolute session lifetime. Default 12 h. */
  absoluteTimeoutSeconds: number;
  /** Sign-in lockout per patient id: `maxFailures` within `windowSeconds` locks for `lockSeconds`. */
  lockout: { maxFailures: number; windowSeconds: number; lockSeconds: number };
  /** Sign-in throttle per client (`AuthContext.clientKey`), across all patient ids. */
  clientThrottle: { maxFailures: number; windowSeconds: number; lockSeconds: number };
  /** E-mail change requests per patient per window. */
  emailChangeLimit: { max: number; windowSeconds: number };
  /** How long an e-mail verification code is valid, and how many wrong tries it survives. */
  emailCode: { ttlSeconds: number; maxAttempts: number };
  /** How long an idempotency key remembers its result. */
  idempotencyTtlSeconds: number;
  /** How long a duplicate waits for the original request before answering `conflict`. */
  idempotencyWaitMs: number;
  /** The portal's sign-in page: the only thing a new-message notification links to. */
  portalLink: string;
  /** Page size when the client does not ask for one. */
  defaultPageSize: number;
}

export const DEFAULT_BACKEND_OPTIONS: BackendOptions = {
  idleTimeoutSeconds: 900,
  absoluteTimeoutSeconds: 12 * 3600,
  lockout: { maxFailures: 5, windowSeconds: 900, lockSeconds: 900 },
  clientThrottle: { maxFailures: 50, windowSeconds: 900, lockSeconds: 900 },
  emailChangeLimit: { max: 5, windowSeconds: 3600 },
  emailCode: { ttlSeconds: 1800, maxAttempts: 5 },
  idempotencyTtlSeconds: 24 * 3600,
  idempotencyWaitMs: 10_000,
  portalLink: '/',
  defaultPageSize: 20,
};

export interface BackendDeps {
  store: PortalStore;
  blobs: BlobStore;
  hasher: PasswordHasher;
  notifier: Notifier;
  /** Defaults to the real time. Tests pass a controllable clock. */
  clock?: () => Date;
  /** Cryptographically secure random bytes. Defaults to `crypto.getRandomValues`. */
  randomBytes?: (length: number) => Uint8Array;
  /** Waits between polls of an in-flight idempotent request. Defaults to `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
  /** Receives failures that must not fail the request (a notification that could not be sent). */
  onError?: (error: unknown, context: string) => void;
  options?: Partial<BackendOptions>;
}

/** An uploaded file as the transport hands it over. */
export interface Upload {
  bytes: Uint8Array;
  /** The request's `Content-Type`, parameters allowed. */
  contentType: string;
  /** Already percent-decoded. */
  filename: string;
}

/** Sign-in and password change start a new session: the transport sets this token as the cookie. */
export interface SessionGrant {
  session: SignedInSession;
  token: string;
}

export interface StaffThreadSummary {
  id: string;
  patientId: string;
  subject: string;
  category: ThreadRow['category'];
  lastActivityAt: string;
  messageCount: number;
  /** Triage level of the patient's latest message, so urgent ones stand out. */
  triageLevel: TriageStamp['level'] | null;
}

export interface PolicyPublication {
  version: string;
  /** One document per locale (English required); `version`/`publishedAt` are filled in. */
  documents: Array<Omit<PolicyDocument, 'version' | 'publishedAt'>>;
}

// ================================================================ small pure helpers

const encoder = new TextEncoder();

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return hex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)));
}

/** JSON with object keys sorted, so equal requests digest equally whatever their key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Patient ids are typed by people: compare them trimmed and case-insensitively. */
export function normalizePatientId(id: string): string {
  return id.normalize('NFKC').trim().toLowerCase();
}

/** NIST 800-63B: compare passwords after Unicode normalisation, so "é" typed two ways is one password. */
function normalizePassword(password: string): string {
  return password.normalize('NFKC');
}

/** Lone surrogates become U+FFFD, so every stored string is valid UTF-8 (PostgreSQL insists). */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Text as stored: valid UTF-8, no NUL or other C0 controls (PostgreSQL rejects NUL in
 * `text`), CRLF folded to LF. Multi-line text keeps tabs and newlines; single-line text
 * loses them. Everything else — markup, bidi characters, emoji — is kept as typed:
 * rendering safely is the widgets' job, and we never lose what the patient wrote.
 */
function cleanText(text: string, multiline: boolean): string {
  const t = wellFormed(text).replace(/\r\n?/g, '\n');
  return multiline
    ? t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    : t.replace(/[\u0000-\u001F\u007F]/g, ' ');
}

/**
 * A filename safe to store and offer for download: no path, no control or bidi
 * override characters (used to disguise `exe` as `pdf`), at most 255 characters.
 */
export function sanitizeFilename(name: string): string {
  const base = wellFormed(name).split(/[/\\]/).pop() ?? '';
  return base
    .replace(/[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, LIMITS.filenameMax);
}

/** `bea@example.com` → `b••@example.com`. The full address never leaves the backend. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 1) return '••';
  return `${Array.from(address.slice(0, at))[0]}••${address.slice(at)}`;
}

/** What the bytes actually are, by magic number; null when none of the types we know. */
export function sniffContentType(bytes: Uint8Array): string | null {
  const startsWith = (sig: number[], offset = 0) => sig.every((b, i) => bytes[offset + i] === b);
  if (startsWith([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith([0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // ISO BMFF: size(4) 'ftyp' brand(4); HEIF/HEIC brands.
  if (startsWith([0x66, 0x74, 0x79, 0x70], 4)) {
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    if (['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
  }
  return null;
}

const CURSOR_VERSION = 'v1';

/** Opaque keyset cursor: the (lastActivityAt, id) of the last item shown. */
export function encodeCursor(thread: Pick<ThreadRow, 'lastActivityAt' | 'id'>): string {
  return base64url(encoder.encode(`${CURSOR_VERSION}|${thread.lastActivityAt}|${thread.id}`));
}

export function decodeCursor(cursor: string): { lastActivityAt: string; id: string } | null {
  const bytes = fromBase64url(cursor);
  if (!bytes) return null;
  const [version, at, id, ...rest] = new TextDecoder().decode(bytes).split('|');
  if (version !== CURSOR_VERSION || rest.length || !at || !id) return null;
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(at) || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) return null;
  return { lastActivityAt: at, id };
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
const PATIENT_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
const SESSION_TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

// ================================================================ password hashing (portable default)

export interface Pbkdf2Options {
  /** OWASP 2023 recommends 600,000 for PBKDF2-HMAC-SHA256; the mock uses far fewer. */
  iterations?: number;
  randomBytes?: (length: number) => Uint8Array;
}

/**
 * PBKDF2-HMAC-SHA256 through WebCrypto: works in browsers and Node alike, so the
 * mock and tests need no native module. The reference server injects argon2id.
 * Format: `pbkdf2-sha256$<iterations>$<salt>$<hash>` (base64url).
 */
export function pbkdf2Hasher(options: Pbkdf2Options = {}): PasswordHasher {
  const iterations = options.iterations ?? 600_000;
  const random = options.randomBytes ?? defaultRandomBytes;
  async function derive(password: string, salt: Uint8Array, rounds: number): Promise<Uint8Array> {
    const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
    const bits = await crypto.subtle.deriveBits(
      { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations: rounds },
      key,
      256,
    );
    return new Uint8Array(bits);
  }
  return {
    async hash(password) {
      const salt = random(16);
      return `pbkdf2-sha256$${iterations}$${base64url(salt)}$${base64url(await derive(password, salt, iterations))}`;
    },
    async verify(password, stored) {
      const [scheme, rounds, salt, expected] = stored.split('$');
      const saltBytes = salt === undefined ? null : fromBase64url(salt);
      const expectedBytes = expected === undefined ? null : fromBase64url(expected);
      const n = Number(rounds);
      if (
        scheme !== 'pbkdf2-sha256' ||
        !saltBytes ||
        !expectedBytes ||
        !Number.isInteger(n) ||
        n < 1 ||
        n > 10_000_000
      ) {
        await derive(password, new Uint8Array(16), iterations); // same work either way
        return false;
      }
      return constantTimeEqual(await derive(password, saltBytes, n), expectedBytes);
    },
  };
}

function defaultRandomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}

// ================================================================ the backend

interface Authenticated {
  patient: PatientRecord;
  session: SessionRecord;
  now: Date;
}

const SECOND = 1000;
/** A claim this old without a result belongs to a request that died mid-way (a server restart). */
const ABANDONED_CLAIM_MS = 60_000;

export class PortalBackend {
  readonly store: PortalStore;
  readonly blobs: BlobStore;
  readonly options: BackendOptions;
  readonly clock: () => Date;
  readonly #hasher: PasswordHasher;
  readonly #notifier: Notifier;
  readonly #randomBytes: (length: number) => Uint8Array;
  readonly #sleep: (ms: number) => Promise<void>;
  readonly #onError: (error: unknown, context: string) => void;
  /** A real hash of a random secret: unknown patient ids are checked against it, so they cost the same. */
  #dummyHash: Promise<string> | undefined;

  constructor(deps: BackendDeps) {
    this.store = deps.store;
    this.blobs = deps.blobs;
    this.#hasher = deps.hasher;
    this.#notifier = deps.notifier;
    this.clock = deps.clock ?? (() => new Date());
    this.#randomBytes = deps.randomBytes ?? defaultRandomBytes;
    this.#sleep = deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.#onError = deps.onError ?? (() => {});
    this.options = {
      ...DEFAULT_BACKEND_OPTIONS,
      ...deps.options,
      lockout: { ...DEFAULT_BACKEND_OPTIONS.lockout, ...deps.options?.lockout },
      clientThrottle: { ...DEFAULT_BACKEND_OPTIONS.clientThrottle, ...deps.options?.clientThrottle },
      emailChangeLimit: { ...DEFAULT_BACKEND_OPTIONS.emailChangeLimit, ...deps.options?.emailChangeLimit },
      emailCode: { ...DEFAULT_BACKEND_OPTIONS.emailCode, ...deps.options?.emailCode },
    };
  }

  /** A random, URL-safe id with 128 bits of entropy (fits the contract's `Id`). */
  newId(): string {
    return base64url(this.#randomBytes(16));
  }

  // ============================================================ public: clinic and policy

  async getClinic(): Promise<ClinicConfig> {
    return this.#clinic();
  }

  async getPolicy(locale?: Locale): Promise<PolicyDocument> {
    const policy = (await this.store.getCurrentPolicy()) ?? fail('not-found');
    const wanted = policy.documents.find((d) => d.locale === (locale ?? 'en'));
    return wanted ?? policy.documents.find((d) => d.locale === 'en') ?? policy.documents[0] ?? fail('not-found');
  }

  // ============================================================ public: session

  /** The session if the token is valid. Does not count as activity (a status check must not keep an idle session alive). */
  async getSession(ctx: AuthContext): Promise<Session> {
    try {
      const auth = await this.#authenticate(ctx, 'session', { touch: false });
      return await this.#sessionView(auth.patient, auth.session);
    } catch (e) {
      if (isBackendError(e) && (e.code === 'unauthorized' || e.code === 'session-expired')) {
        return { authenticated: false };
      }
      throw e;
    }
  }

  async signIn(ctx: AuthContext, request: SignInRequest): Promise<SessionGrant> {
    const now = this.clock();
    const patientId = normalizePatientId(request.patientId);
    const patientKey = `signin:patient:${patientId}`;
    const clientKey = ctx.clientKey ? `signin:client:${ctx.clientKey}` : null;

    if (clientKey) await this.#assertNotLocked(clientKey, 'rate-limited', now);
    await this.#assertNotLocked(patientKey, 'locked-out', now);

    // Unknown id and wrong password take the same path, the same time and the same answer.
    const patient = await this.store.getPatient(patientId);
    const passwordOk = await this.#hasher.verify(
      normalizePassword(request.password),
      patient?.passwordHash ?? (await this.#dummy()),
    );
    if (!patient || !passwordOk) {
      // Count against the id even when it does not exist: otherwise "locks after 5" would reveal which ids are real.
      const patientLocked = await this.#countFailure(patientKey, this.options.lockout, now);
      const clientLocked = clientKey ? await this.#countFailure(clientKey, this.options.clientThrottle, now) : null;
      if (patientLocked) fail('locked-out', { retryAfterSeconds: patientLocked });
      if (clientLocked) fail('rate-limited', { retryAfterSeconds: clientLocked });
      fail('invalid-credentials');
    }

    await this.store.clearThrottle(patientKey);
    // A fresh token at every sign-in (no session fixation); the old one, if any, dies.
    if (ctx.sessionToken && SESSION_TOKEN.test(ctx.sessionToken)) {
      await this.store.deleteSession(await sha256Hex(ctx.sessionToken));
    }
    return this.#startSession(patient, now);
  }

  async signOut(ctx: AuthContext): Promise<void> {
    if (ctx.sessionToken && SESSION_TOKEN.test(ctx.sessionToken)) {
      await this.store.deleteSession(await sha256Hex(ctx.sessionToken));
    }
  }

  async keepAlive(ctx: AuthContext): Promise<SignedInSession> {
    const auth = await this.#authenticate(ctx, 'session');
    return this.#sessionView(auth.patient, auth.session);
  }

  async changePassword(ctx: AuthContext, request: ChangePasswordRequest): Promise<SessionGrant> {
    const { patient, session, now } = await this.#authenticate(ctx, 'session');
    const lockKey = `signin:patient:${patient.id}`;
    await this.#assertNotLocked(lockKey, 'locked-out', now);
    if (!(await this.#hasher.verify(normalizePassword(request.currentPassword), patient.passwordHash))) {
      // Guessing the password from a hijacked session counts like guessing it at sign-in.
      const locked = await this.#countFailure(lockKey, this.options.lockout, now);
      if (locked) fail('locked-out', { retryAfterSeconds: locked });
      fail('invalid-credentials');
    }
    // The rules see what was typed (the widget runs the same check on the same string);
    // only the hasher sees the normalised form.
    const verdict = checkPassword(request.newPassword, {
      patientId: patient.id,
      currentPassword: request.currentPassword,
    });
    if (!verdict.ok) {
      fail('password-rejected', { fieldErrors: [{ field: 'newPassword', code: verdict.reason }] });
    }
    await this.store.transaction(async (tx) => {
      await tx.updatePatient(patient.id, {
        passwordHash: await this.#hasher.hash(normalizePassword(request.newPassword)),
        mustChangePassword: false,
        passwordChangedAt: now.toISOString(),
      });
      await tx.clearThrottle(lockKey);
      if (request.signOutOtherSessions ?? true) await tx.deleteSessionsOfPatient(patient.id, session.id);
      await tx.deleteSession(session.id);
    });
    // New token (the old one may be what leaked), but no extension of the absolute lifetime.
    const updated = (await this.store.getPatient(patient.id)) ?? fail('unauthorized');
    return this.#startSession(updated, now, session.absoluteExpiresAt);
  }

  // ============================================================ public: consent

  async getConsent(ctx: AuthContext): Promise<ConsentRecord> {
    const { patient } = await this.#authenticate(ctx, 'patient');
    return this.#consentRecord(patient.id);
  }

  async acceptConsent(ctx: AuthContext, request: { version: string }): Promise<ConsentRecord> {
    const { patient, now } = await this.#authenticate(ctx, 'patient');
    const record = await this.#consentRecord(patient.id);
    // Accepting anything but the current text (e.g. a page left open across a policy update) is a conflict.
    if (request.version !== record.currentVersion) fail('conflict');
    if (record.acceptedVersion !== record.currentVersion) {
      await this.store.insertConsent({
        patientId: patient.id,
        version: request.version,
        acceptedAt: now.toISOString(),
      });
    }
    return this.#consentRecord(patient.id);
  }

  // ============================================================ public: threads

  async listThreads(ctx: AuthContext, query: ThreadQuery): Promise<ThreadPage> {
    const { patient } = await this.#authenticateForMessaging(ctx);
    const limit = query.limit ?? this.options.defaultPageSize;
    let before: { lastActivityAt: string; id: string } | undefined;
    if (query.cursor !== undefined)
      before = decodeCursor(query.cursor) ?? invalid([{ field: 'cursor', code: 'invalid' }]);
    const search = query.q === undefined ? '' : normalizeForSearch(query.q);
    const { items, total } = await this.store.listThreads(patient.id, {
      ...(query.category && { category: query.category }),
      ...(search && { search }),
      ...(before && { before }),
      limit: limit + 1, // one extra tells us whether there is a next page
    });
    const page = items.slice(0, limit);
    const last = page[page.length - 1];
    const { unreadTotal } = await this.store.inboxStatus(patient.id);
    return {
      items: page.map(threadSummary),
      nextCursor: items.length > limit && last ? encodeCursor(last) : null,
      total,
      unreadTotal,
    };
  }

  /** Passive: meant for polling, so it does not reset the idle timer (an unattended tab must still time out). */
  async getInboxStatus(ctx: AuthContext): Promise<InboxStatus> {
    const { patient } = await this.#authenticate(ctx, 'patient', { touch: false });
    return this.store.inboxStatus(patient.id);
  }

  async getThread(ctx: AuthContext, threadId: string): Promise<ThreadDetail> {
    const { patient } = await this.#authenticateForMessaging(ctx);
    const thread = (await this.store.getThread(patient.id, threadId)) ?? fail('not-found');
    const messages = await this.store.listMessages(thread.id);
    return {
      id: thread.id,
      subject: thread.subject,
      category: thread.category,
      messages: messages.map(messageView),
      canReply: patient.messagingAllowed,
    };
  }

  async createThread(ctx: AuthContext, input: NewMessage, idempotencyKey: string): Promise<SendResult> {
    const { patient } = await this.#authenticateForSending(ctx);
    return this.#idempotent(patient.id, idempotencyKey, { op: 'createThread', input }, async (tx) => {
      const clinic = await this.#clinic();
      const errors: FieldError[] = [];
      const category = clinic.categories.find((c) => c.id === input.category);
      if (!category) errors.push({ field: 'category', code: 'unknown' });
      const subject = cleanText(input.subject, false).trim();
      checkLength(errors, 'subject', subject, clinic.limits.subjectMax, true);
      const body = cleanText(input.body, true);
      checkLength(errors, 'body', body.trim(), clinic.limits.bodyMax, true);
      const fields = category ? validateFields(category, input.fields, true, errors) : {};
      checkTriage(errors, input.triage);
      const attachments = await this.#resolveAttachments(
        tx,
        patient.id,
        input.attachmentIds,
        category ?? null,
        clinic,
        errors,
      );
      if (errors.length || !category) invalid(errors);

      const now = this.clock();
      const handling = this.#handling(now, clinic); // before writing: a bad calendar must not half-send
      const threadId = this.newId();
      const message: MessageRecord = {
        id: this.newId(),
        threadId,
        patientId: patient.id,
        sender: { kind: 'patient', name: patient.displayName, role: 'patient' },
        sentAt: now.toISOString(),
        body,
        attachments,
        fields,
        triage: input.triage,
        readAt: null,
      };
      await tx.insertThread(
        {
          id: threadId,
          patientId: patient.id,
          subject,
          subjectKey: normalizeForSearch(subject),
          category: category.id,
          createdAt: message.sentAt,
        },
        message,
      );
      await this.#afterSend(tx, patient.id, message, input.draftId);
      return { threadId, message: messageView(message), handling };
    });
  }

  async reply(ctx: AuthContext, threadId: string, input: Reply, idempotencyKey: string): Promise<SendResult> {
    const { patient } = await this.#authenticateForSending(ctx);
    return this.#idempotent(patient.id, idempotencyKey, { op: 'reply', threadId, input }, async (tx) => {
      const thread = (await tx.getThread(patient.id, threadId)) ?? fail('not-found');
      if (thread.messageCount >= LIMITS.messagesPerThread) fail('conflict');
      const clinic = await this.#clinic();
      const errors: FieldError[] = [];
      const body = cleanText(input.body, true);
      checkLength(errors, 'body', body.trim(), clinic.limits.bodyMax, true);
      checkTriage(errors, input.triage);
      const category = clinic.categories.find((c) => c.id === thread.category) ?? null;
      const attachments = await this.#resolveAttachments(tx, patient.id, input.attachmentIds, category, clinic, errors);
      if (errors.length) invalid(errors);

      const now = this.clock();
      const handling = this.#handling(now, clinic);
      const message: MessageRecord = {
        id: this.newId(),
        threadId: thread.id,
        patientId: patient.id,
        sender: { kind: 'patient', name: patient.displayName, role: 'patient' },
        sentAt: now.toISOString(),
        body,
        attachments,
        triage: input.triage,
        readAt: null,
      };
      await tx.insertMessage(message);
      await this.#afterSend(tx, patient.id, message, input.draftId);
      return { threadId: thread.id, message: messageView(message), handling };
    });
  }

  async markRead(ctx: AuthContext, threadId: string): Promise<{ unreadTotal: number }> {
    const { patient, now } = await this.#authenticateForMessaging(ctx);
    if (!(await this.store.getThread(patient.id, threadId))) fail('not-found');
    await this.store.markThreadRead(patient.id, threadId, now.toISOString());
    const { unreadTotal } = await this.store.inboxStatus(patient.id);
    return { unreadTotal };
  }

  // ============================================================ public: drafts

  async listDrafts(ctx: AuthContext): Promise<{ items: Draft[] }> {
    const { patient } = await this.#authenticateForMessaging(ctx);
    const drafts = await this.store.listDrafts(patient.id);
    return { items: await Promise.all(drafts.slice(0, LIMITS.draftsMax).map((d) => this.#draftView(d))) };
  }

  async saveDraft(ctx: AuthContext, draftId: string, input: DraftInput): Promise<Draft> {
    const { patient, now } = await this.#authenticateForSending(ctx);
    const clinic = await this.#clinic();
    const errors: FieldError[] = [];
    const existing = await this.store.getDraft(patient.id, draftId);
    if (!existing && (await this.store.countDrafts(patient.id)) >= LIMITS.draftsMax) {
      errors.push({ field: 'draftId', code: 'too-many' });
    }
    if (input.threadId !== null && !(await this.store.getThread(patient.id, input.threadId))) {
      errors.push({ field: 'threadId', code: 'not-found' });
    }
    const category = input.category === null ? null : clinic.categories.find((c) => c.id === input.category);
    if (category === undefined) errors.push({ field: 'category', code: 'unknown' });
    // A draft may be incomplete, but never longer than what could be sent.
    const subject = cleanText(input.subject, false);
    checkLength(errors, 'subject', subject, clinic.limits.subjectMax, false);
    const body = cleanText(input.body, true);
    checkLength(errors, 'body', body, clinic.limits.bodyMax, false);
    const fields = category ? validateFields(category, input.fields, false, errors) : {};
    await this.#resolveAttachments(this.store, patient.id, input.attachmentIds, category ?? null, clinic, errors);
    if (errors.length) invalid(errors);

    const draft: DraftRecord = {
      patientId: patient.id,
      id: draftId,
      threadId: input.threadId,
      category: input.category,
      fields,
      subject,
      body,
      attachmentIds: [...input.attachmentIds],
      updatedAt: now.toISOString(),
    };
    await this.store.putDraft(draft);
    return this.#draftView(draft);
  }

  /** A draft with the names of its files (those still on the server and not yet sent). */
  async #draftView(d: DraftRecord): Promise<Draft> {
    const records = await Promise.all(d.attachmentIds.map((id) => this.store.getAttachment(d.patientId, id)));
    const attachments = records.filter((r): r is AttachmentRecord => r !== null && r.messageId === null).map(attachmentView);
    return { ...draftView(d), attachments };
  }

  /** Allowed even when messaging is revoked: clearing away one's own unsent text is always fine. */
  async deleteDraft(ctx: AuthContext, draftId: string): Promise<void> {
    const { patient } = await this.#authenticateForMessaging(ctx);
    if (!(await this.store.deleteDraft(patient.id, draftId))) fail('not-found');
  }

  // ============================================================ public: attachments

  async uploadAttachment(ctx: AuthContext, upload: Upload, idempotencyKey: string): Promise<AttachmentMeta> {
    const { patient } = await this.#authenticateForSending(ctx);
    const clinic = await this.#clinic();
    const declared = upload.contentType.split(';')[0]!.trim().toLowerCase();
    if (!clinic.attachments.allowedTypes.includes(declared)) fail('unsupported-media-type');
    if (upload.bytes.byteLength > clinic.attachments.maxBytes) fail('payload-too-large');
    if (upload.bytes.byteLength === 0) invalid([{ field: 'file', code: 'empty' }]);
    // The declared type must be what the bytes are: a renamed executable is not a PDF.
    if (sniffContentType(upload.bytes) !== declared) fail('unsupported-media-type');
    const filename = sanitizeFilename(upload.filename);
    if (!filename) invalid([{ field: 'filename', code: 'required' }]);
    const digest = await sha256Hex(upload.bytes);

    return this.#idempotent(
      patient.id,
      idempotencyKey,
      { op: 'uploadAttachment', filename, declared, digest },
      async (tx) => {
        const record: AttachmentRecord = {
          id: this.newId(),
          patientId: patient.id,
          filename,
          contentType: declared,
          size: upload.bytes.byteLength,
          messageId: null,
          sha256: digest,
          createdAt: this.clock().toISOString(),
        };
        await this.blobs.put(record.id, upload.bytes);
        await tx.insertAttachment(record);
        return attachmentView(record);
      },
    );
  }

  async downloadAttachment(
    ctx: AuthContext,
    attachmentId: string,
  ): Promise<{ meta: AttachmentMeta; bytes: Uint8Array }> {
    const { patient } = await this.#authenticateForMessaging(ctx);
    const record = (await this.store.getAttachment(patient.id, attachmentId)) ?? fail('not-found');
    const bytes = (await this.blobs.get(record.id)) ?? fail('not-found');
    return { meta: attachmentView(record), bytes };
  }

  // ============================================================ public: preferences

  async getPreferences(ctx: AuthContext): Promise<Preferences> {
    const { patient } = await this.#authenticate(ctx, 'patient');
    return this.#preferencesView(await this.#preferences(patient.id));
  }

  async updatePreferences(ctx: AuthContext, update: PreferencesUpdate): Promise<Preferences> {
    const { patient } = await this.#authenticate(ctx, 'patient');
    const clinic = await this.#clinic();
    const prefs = await this.#preferences(patient.id);
    if (update.notifications) {
      const errors: FieldError[] = [];
      for (const [topic, channel] of Object.entries(update.notifications)) {
        if (!clinic.channels.includes(channel)) errors.push({ field: `notifications.${topic}`, code: 'unavailable' });
      }
      if (errors.length) invalid(errors);
      prefs.notifications = { ...update.notifications };
    }
    if (update.language) {
      if (!clinic.locales.includes(update.language)) invalid([{ field: 'language', code: 'unavailable' }]);
      prefs.language = update.language;
      prefs.languageChosen = true;
    }
    await this.store.putPreferences(prefs);
    return this.#preferencesView(prefs);
  }

  async changeEmail(ctx: AuthContext, request: EmailChangeRequest): Promise<Preferences> {
    const { patient, now } = await this.#authenticate(ctx, 'patient');
    const limit = this.options.emailChangeLimit;
    const row = await this.store.recordFailure(`email-change:${patient.id}`, now.toISOString(), limit.windowSeconds);
    if (row.failures > limit.max) {
      fail('rate-limited', {
        retryAfterSeconds: secondsUntil(Date.parse(row.windowStartedAt) + limit.windowSeconds * SECOND, now),
      });
    }
    const lockKey = `signin:patient:${patient.id}`;
    await this.#assertNotLocked(lockKey, 'locked-out', now);
    if (!(await this.#hasher.verify(normalizePassword(request.password), patient.passwordHash))) {
      const locked = await this.#countFailure(lockKey, this.options.lockout, now);
      if (locked) fail('locked-out', { retryAfterSeconds: locked });
      fail('invalid-credentials');
    }
    const address = request.newAddress.trim();
    const prefs = await this.#preferences(patient.id);
    if (prefs.email.address !== null && prefs.email.address.toLowerCase() === address.toLowerCase()) fail('conflict');

    const code = this.#sixDigitCode();
    prefs.email.pending = {
      address,
      codeDigest: await sha256Hex(`${patient.id}:${code}`),
      expiresAt: new Date(now.getTime() + this.options.emailCode.ttlSeconds * SECOND).toISOString(),
      failedAttempts: 0,
    };
    await this.store.putPreferences(prefs);
    try {
      await this.#notifier.notify({ kind: 'email-verification', patientId: patient.id, to: address, code });
    } catch (error) {
      // The code never reached the patient: drop the pending change so they can try again.
      prefs.email.pending = null;
      await this.store.putPreferences(prefs);
      this.#onError(error, 'notify email-verification');
      if (recipientRejected(error)) invalid([{ field: 'newAddress', code: 'undeliverable' }]);
      throw error;
    }
    return this.#preferencesView(prefs);
  }

  async verifyEmail(ctx: AuthContext, request: EmailVerifyRequest): Promise<Preferences> {
    const { patient, now } = await this.#authenticate(ctx, 'patient');
    const prefs = await this.#preferences(patient.id);
    const pending = prefs.email.pending ?? fail('conflict');
    if (pending.expiresAt <= now.toISOString()) {
      prefs.email.pending = null;
      await this.store.putPreferences(prefs);
      fail('conflict');
    }
    const digest = await sha256Hex(`${patient.id}:${request.code}`);
    if (!constantTimeEqual(encoder.encode(digest), encoder.encode(pending.codeDigest))) {
      pending.failedAttempts += 1;
      const exhausted = pending.failedAttempts >= this.options.emailCode.maxAttempts;
      if (exhausted) prefs.email.pending = null; // six digits must not be brute-forced: start over
      await this.store.putPreferences(prefs);
      invalid([{ field: 'code', code: exhausted ? 'too-many-attempts' : 'mismatch' }]);
    }
    // A verified address replaces the old one and clears any bounce.
    prefs.email = { address: pending.address, verifiedAt: now.toISOString(), bouncedAt: null, pending: null };
    await this.store.putPreferences(prefs);
    return this.#preferencesView(prefs);
  }

  // ============================================================ staff operations (CLI, tests, seeding)

  /** Create a patient with an office-issued password they must change at first sign-in. */
  async provisionPatient(id: string, displayName: string, initialPassword: string, email?: string): Promise<void> {
    const patientId = normalizePatientId(id);
    const errors: FieldError[] = [];
    if (!PATIENT_ID.test(patientId)) errors.push({ field: 'id', code: 'invalid' });
    const name = cleanText(displayName, false).trim();
    if (!name || name.length > 120) errors.push({ field: 'displayName', code: name ? 'too-long' : 'required' });
    if (!initialPassword || initialPassword.length > LIMITS.passwordMax)
      errors.push({ field: 'initialPassword', code: 'invalid' });
    if (email !== undefined && !z.email().safeParse(email).success)
      errors.push({ field: 'email', code: 'invalid-email' });
    if (errors.length) invalid(errors);

    const now = this.clock().toISOString();
    const created = await this.store.insertPatient({
      id: patientId,
      displayName: name,
      passwordHash: await this.#hasher.hash(normalizePassword(initialPassword)),
      mustChangePassword: true,
      messagingAllowed: true,
      createdAt: now,
      passwordChangedAt: null,
    });
    if (!created) fail('conflict');
    await this.store.putPreferences({
      ...defaultPreferences(patientId),
      // An address the office took down in person counts as verified.
      email: { address: email ?? null, verifiedAt: email ? now : null, bouncedAt: null, pending: null },
    });
  }

  async setMessagingAllowed(patientId: string, allowed: boolean): Promise<void> {
    const id = normalizePatientId(patientId);
    if (!(await this.store.getPatient(id))) fail('not-found');
    await this.store.updatePatient(id, { messagingAllowed: allowed });
  }

  /** Publish a new policy version; every patient must accept it before messaging again. */
  async publishPolicy(publication: PolicyPublication): Promise<PolicyDocument> {
    const publishedAt = this.clock().toISOString();
    const documents = publication.documents.map((d) => ({ ...d, version: publication.version, publishedAt }));
    const errors: FieldError[] = [];
    documents.forEach((d, i) => {
      if (!PolicyDocumentSchema.safeParse(d).success) errors.push({ field: `documents.${i}`, code: 'invalid' });
    });
    const locales = documents.map((d) => d.locale);
    if (!locales.includes('en')) errors.push({ field: 'documents', code: 'english-required' });
    if (new Set(locales).size !== locales.length) errors.push({ field: 'documents', code: 'duplicate-locale' });
    if (errors.length) invalid(errors);
    const inserted = await this.store.insertPolicy({ version: publication.version, publishedAt, documents });
    if (!inserted) fail('conflict');
    return documents.find((d) => d.locale === 'en')!;
  }

  /** The mail system reported that a notification to this patient's address bounced. */
  async markEmailBounced(patientId: string): Promise<void> {
    const id = normalizePatientId(patientId);
    const prefs = (await this.store.getPreferences(id)) ?? fail('not-found');
    if (prefs.email.address === null) fail('conflict');
    prefs.email.bouncedAt = this.clock().toISOString();
    await this.store.putPreferences(prefs);
  }

  /** Threads waiting for the office (the patient spoke last), longest-waiting first. */
  async listOpenThreads(limit = 100): Promise<StaffThreadSummary[]> {
    const threads = await this.store.listOpenThreads(Math.min(Math.max(limit, 1), 1000));
    return Promise.all(
      threads.map(async (t) => {
        const messages = await this.store.listMessages(t.id);
        const lastFromPatient = messages.filter((m) => m.sender.kind === 'patient').pop();
        return {
          id: t.id,
          patientId: t.patientId,
          subject: t.subject,
          category: t.category,
          lastActivityAt: t.lastActivityAt,
          messageCount: t.messageCount,
          triageLevel: lastFromPatient?.triage?.level ?? null,
        };
      }),
    );
  }

  /** Staff view of one thread, to answer it. */
  async staffGetThread(threadId: string): Promise<ThreadDetail & { patientId: string }> {
    const thread = (await this.store.getThreadById(threadId)) ?? fail('not-found');
    const messages = await this.store.listMessages(thread.id);
    return {
      id: thread.id,
      patientId: thread.patientId,
      subject: thread.subject,
      category: thread.category,
      messages: messages.map(messageView),
      canReply: true,
    };
  }

  /**
   * Answer a thread as staff. The patient is notified out of band with a link only:
   * never the subject, body or sender (e-mail is not a secure channel).
   */
  async staffReply(threadId: string, author: { name: string; role: Sender['role'] }, body: string): Promise<Message> {
    const errors: FieldError[] = [];
    const name = cleanText(author.name, false).trim();
    if (!name || name.length > 120) errors.push({ field: 'name', code: name ? 'too-long' : 'required' });
    if (author.role === 'patient') errors.push({ field: 'role', code: 'invalid' });
    const text = cleanText(body, true);
    checkLength(errors, 'body', text.trim(), LIMITS.displayedBodyMax, true);
    if (errors.length) invalid(errors);
    const thread = (await this.store.getThreadById(threadId)) ?? fail('not-found');
    if (thread.messageCount >= LIMITS.messagesPerThread) fail('conflict');

    const message: MessageRecord = {
      id: this.newId(),
      threadId: thread.id,
      patientId: thread.patientId,
      sender: { kind: 'staff', name, role: author.role },
      sentAt: this.clock().toISOString(),
      body: text,
      attachments: [],
      readAt: null,
    };
    await this.store.insertMessage(message);
    await this.#notifyNewMessage(thread.patientId);
    return messageView(message);
  }

  /** Drop expired sessions, throttles and idempotency records (the server runs this periodically). */
  async housekeeping(): Promise<void> {
    await this.store.deleteExpired(this.clock().toISOString());
  }

  // ============================================================ internals: authentication

  async #authenticate(
    ctx: AuthContext,
    level: 'session' | 'patient',
    { touch = true }: { touch?: boolean } = {},
  ): Promise<Authenticated> {
    const token = ctx.sessionToken;
    if (!token || !SESSION_TOKEN.test(token)) fail('unauthorized');
    const id = await sha256Hex(token);
    const session = (await this.store.getSession(id)) ?? fail('unauthorized');
    const now = this.clock();
    const iso = now.toISOString();
    if (session.idleExpiresAt <= iso || session.absoluteExpiresAt <= iso) {
      await this.store.deleteSession(id);
      fail('session-expired');
    }
    const patient = await this.store.getPatient(session.patientId);
    if (!patient) {
      await this.store.deleteSession(id);
      fail('unauthorized');
    }
    if (touch) {
      const patch = { lastSeenAt: iso, idleExpiresAt: this.#idleExpiry(now, session.absoluteExpiresAt) };
      await this.store.updateSession(id, patch);
      Object.assign(session, patch);
    }
    if (level === 'patient' && patient.mustChangePassword) fail('password-change-required');
    return { patient, session, now };
  }

  /** Threads, drafts and files: a fully set-up patient who accepted the current policy. */
  async #authenticateForMessaging(ctx: AuthContext): Promise<Authenticated> {
    const auth = await this.#authenticate(ctx, 'patient');
    if ((await this.#consentRecord(auth.patient.id)).required) fail('consent-required');
    return auth;
  }

  /** Anything that writes a message (send, reply, draft, upload): also needs the messaging privilege. */
  async #authenticateForSending(ctx: AuthContext): Promise<Authenticated> {
    const auth = await this.#authenticateForMessaging(ctx);
    if (!auth.patient.messagingAllowed) fail('messaging-revoked');
    return auth;
  }

  async #startSession(patient: PatientRecord, now: Date, absoluteExpiresAt?: string): Promise<SessionGrant> {
    const token = base64url(this.#randomBytes(32)); // 256 bits
    const absolute =
      absoluteExpiresAt ?? new Date(now.getTime() + this.options.absoluteTimeoutSeconds * SECOND).toISOString();
    const session: SessionRecord = {
      id: await sha256Hex(token),
      patientId: patient.id,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      idleExpiresAt: this.#idleExpiry(now, absolute),
      absoluteExpiresAt: absolute,
    };
    await this.store.insertSession(session);
    return { session: await this.#sessionView(patient, session), token };
  }

  #idleExpiry(now: Date, absoluteExpiresAt: string): string {
    const idle = new Date(now.getTime() + this.options.idleTimeoutSeconds * SECOND).toISOString();
    return idle < absoluteExpiresAt ? idle : absoluteExpiresAt;
  }

  async #sessionView(patient: PatientRecord, session: SessionRecord): Promise<SignedInSession> {
    const consent = await this.#consentRecord(patient.id);
    const prefs = await this.#preferences(patient.id);
    return {
      authenticated: true,
      patient: { id: patient.id, displayName: patient.displayName },
      mustChangePassword: patient.mustChangePassword,
      consent: {
        currentVersion: consent.currentVersion,
        acceptedVersion: consent.acceptedVersion,
        required: consent.required,
      },
      messaging: { allowed: patient.messagingAllowed },
      notificationEmailBounced: prefs.email.bouncedAt !== null,
      idleExpiresAt: session.idleExpiresAt,
      absoluteExpiresAt: session.absoluteExpiresAt,
      idleTimeoutSeconds: this.options.idleTimeoutSeconds,
      language: prefs.language,
      languageChosen: prefs.languageChosen === true,
    };
  }

  async #dummy(): Promise<string> {
    this.#dummyHash ??= this.#hasher.hash(base64url(this.#randomBytes(32)));
    return this.#dummyHash;
  }

  /** Throws `code` with the remaining seconds while `key` is locked. */
  async #assertNotLocked(key: string, code: ProblemCode, now: Date): Promise<void> {
    const row = await this.store.getThrottle(key);
    if (row?.lockedUntil && Date.parse(row.lockedUntil) > now.getTime()) {
      fail(code, { retryAfterSeconds: secondsUntil(Date.parse(row.lockedUntil), now) });
    }
  }

  /** Count a failure; returns the lock's length in seconds if this failure triggered one, else null. */
  async #countFailure(
    key: string,
    rule: { maxFailures: number; windowSeconds: number; lockSeconds: number },
    now: Date,
  ): Promise<number | null> {
    const row = await this.store.recordFailure(key, now.toISOString(), rule.windowSeconds);
    if (row.failures < rule.maxFailures) return null;
    await this.store.lockThrottle(key, new Date(now.getTime() + rule.lockSeconds * SECOND).toISOString());
    return rule.lockSeconds;
  }

  // ============================================================ internals: idempotency

  /**
   * Run `work` at most once per (patient, key). A repeat with the same request gets
   * the stored result; with a different request, `idempotency-mismatch`. A duplicate
   * that arrives while the first is running waits for its result, so a double-click
   * or a retried request yields one message and both callers see it.
   */
  async #idempotent<T>(
    patientId: string,
    key: string,
    request: unknown,
    work: (tx: PortalStore) => Promise<T>,
  ): Promise<T> {
    if (!IDEMPOTENCY_KEY.test(key)) invalid([{ field: 'Idempotency-Key', code: key ? 'invalid' : 'required' }]);
    const requestDigest = await sha256Hex(canonicalJson(request));
    const deadline = Date.now() + this.options.idempotencyWaitMs;
    for (;;) {
      const now = this.clock();
      const record: IdempotencyRecord = {
        patientId,
        key,
        requestDigest,
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + this.options.idempotencyTtlSeconds * SECOND).toISOString(),
        result: null,
      };
      const claim = await this.store.claimIdempotencyKey(record, now.toISOString());
      if (claim.claimed) {
        try {
          // The result is stored in the same transaction as the writes it describes.
          return await this.store.transaction(async (tx) => {
            const value = await work(tx);
            await tx.completeIdempotencyKey(patientId, key, value);
            return value;
          });
        } catch (e) {
          await this.store.releaseIdempotencyKey(patientId, key); // a failed request may be retried
          throw e;
        }
      }
      if (claim.existing.requestDigest !== requestDigest) fail('idempotency-mismatch');
      // Same request: wait for the first one to finish, then answer with its result.
      while (Date.now() < deadline) {
        const current = await this.store.getIdempotencyRecord(patientId, key);
        if (!current || current.requestDigest !== requestDigest) break; // the first failed: try to claim again
        if (current.result) return structuredClone(current.result.value) as T;
        if (Date.parse(current.createdAt) + ABANDONED_CLAIM_MS < this.clock().getTime()) {
          // Claimed long ago and never finished: its process died. Take it over.
          await this.store.releaseIdempotencyKey(patientId, key, current.createdAt);
          break;
        }
        await this.#sleep(10);
      }
      if (Date.now() >= deadline) fail('conflict', { retryAfterSeconds: 1 });
    }
  }

  // ============================================================ internals: messages

  async #afterSend(tx: PortalStore, patientId: string, message: MessageRecord, draftId: string | undefined) {
    if (message.attachments.length) {
      await tx.linkAttachments(
        patientId,
        message.attachments.map((a) => a.id),
        message.id,
      );
    }
    if (draftId) await tx.deleteDraft(patientId, draftId);
  }

  async #resolveAttachments(
    store: PortalStore,
    patientId: string,
    ids: readonly string[],
    category: Category | null,
    clinic: ClinicConfig,
    errors: FieldError[],
  ): Promise<AttachmentMeta[]> {
    if (ids.length === 0) return [];
    if (category && !category.allowsAttachments) errors.push({ field: 'attachmentIds', code: 'not-allowed' });
    if (ids.length > clinic.attachments.maxCount) errors.push({ field: 'attachmentIds', code: 'too-many' });
    if (new Set(ids).size !== ids.length) errors.push({ field: 'attachmentIds', code: 'duplicate' });
    const metas: AttachmentMeta[] = [];
    for (const [i, id] of ids.entries()) {
      const record = await store.getAttachment(patientId, id);
      // Someone else's file, or one already sent, is simply not there for this message.
      if (!record || record.messageId !== null) errors.push({ field: `attachmentIds.${i}`, code: 'not-found' });
      else metas.push(attachmentView(record));
    }
    return metas;
  }

  #handling(now: Date, clinic: ClinicConfig): SendResult['handling'] {
    const h = nextHandlingTime(now, {
      timeZone: clinic.timeZone,
      hours: clinic.hours as WeeklyHours, // days are 0–6, checked by the ClinicConfig schema
      closures: clinic.closures,
    });
    return { officeOpen: h.officeOpen, handledAt: h.handledAt.toISOString(), reason: h.reason };
  }

  async #notifyNewMessage(patientId: string): Promise<void> {
    const prefs = await this.store.getPreferences(patientId);
    const to = prefs?.email.address;
    // No address, or a known-bad one: the message waits in the portal (the patient
    // sees the "undelivered" warning when signed in and is asked to fix it).
    if (!to || prefs.email.bouncedAt) return;
    try {
      await this.#notifier.notify({ kind: 'new-message', patientId, to, link: this.options.portalLink });
    } catch (e) {
      this.#onError(e, 'notify new-message'); // the reply is stored; a failed e-mail must not undo it
    }
  }

  // ============================================================ internals: records

  async #clinic(): Promise<ClinicConfig> {
    const config = await this.store.getClinicConfig();
    if (!config) throw new Error('Clinic is not configured: seed the store (seedDemo) or put a ClinicConfig.');
    const policy = await this.store.getCurrentPolicy();
    return policy ? { ...config, policyVersion: policy.version } : config;
  }

  async #consentRecord(patientId: string): Promise<ConsentRecord> {
    const currentVersion = (await this.#clinic()).policyVersion;
    const latest = await this.store.getLatestConsent(patientId);
    return {
      currentVersion,
      acceptedVersion: latest?.version ?? null,
      acceptedAt: latest?.acceptedAt ?? null,
      required: latest?.version !== currentVersion,
    };
  }

  async #preferences(patientId: string): Promise<PreferencesRecord> {
    return (await this.store.getPreferences(patientId)) ?? defaultPreferences(patientId);
  }

  async #preferencesView(prefs: PreferencesRecord): Promise<Preferences> {
    const { email } = prefs;
    const status: Preferences['email']['status'] = email.pending
      ? 'pending-verification'
      : email.address === null
        ? 'none'
        : email.bouncedAt
          ? 'bounced'
          : 'verified';
    return {
      notifications: { ...prefs.notifications },
      email: {
        maskedAddress: email.address && maskEmail(email.address),
        status,
        bouncedAt: email.bouncedAt,
        pendingAddress: email.pending && maskEmail(email.pending.address),
      },
      language: prefs.language,
      availableChannels: (await this.#clinic()).channels,
    };
  }

  /** Uniform over 000000–999999 (rejection sampling: no modulo bias). */
  #sixDigitCode(): string {
    for (;;) {
      const [a = 0, b = 0, c = 0] = this.#randomBytes(3);
      const n = (a << 16) | (b << 8) | c; // 0 … 16,777,215
      if (n < 16_000_000) return String(n % 1_000_000).padStart(6, '0');
    }
  }
}

// ================================================================ views and validation (pure)

function defaultPreferences(patientId: string): PreferencesRecord {
  return {
    patientId,
    notifications: { labResults: 'portal', testResults: 'portal', appointments: 'portal' },
    language: 'en',
    email: { address: null, verifiedAt: null, bouncedAt: null, pending: null },
  };
}

function secondsUntil(epochMs: number, now: Date): number {
  return Math.min(86_400, Math.max(1, Math.ceil((epochMs - now.getTime()) / SECOND)));
}

function threadSummary(t: ThreadRow): ThreadSummary {
  return {
    id: t.id,
    subject: t.subject,
    category: t.category,
    lastActivityAt: t.lastActivityAt,
    lastSender: t.lastSender,
    unreadCount: Math.min(t.unreadCount, LIMITS.messagesPerThread),
    messageCount: t.messageCount,
    hasAttachments: t.hasAttachments,
  };
}

function messageView(m: MessageRecord): Message {
  return {
    id: m.id,
    sender: m.sender,
    sentAt: m.sentAt,
    body: m.body,
    attachments: m.attachments,
    ...(m.fields && Object.keys(m.fields).length > 0 && { fields: m.fields }),
    ...(m.triage && { triage: m.triage }),
  };
}

function attachmentView(a: AttachmentRecord): AttachmentMeta {
  return { id: a.id, filename: a.filename, contentType: a.contentType, size: a.size };
}

/** A notifier error that says the mail system refused the address for good (see `Notifier`). */
function recipientRejected(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { recipientRejected?: unknown }).recipientRejected === true;
}

function draftView(d: DraftRecord): Draft {
  return {
    id: d.id,
    threadId: d.threadId,
    category: d.category,
    fields: d.fields,
    subject: d.subject,
    body: d.body,
    attachmentIds: d.attachmentIds,
    updatedAt: d.updatedAt,
  };
}

function checkLength(errors: FieldError[], field: string, value: string, max: number, required: boolean): void {
  if (required && value.length === 0) errors.push({ field, code: 'required' });
  else if (value.length > max) errors.push({ field, code: 'too-long' });
}

/** An emergency or urgent message may only be sent once the patient acknowledged the warning. */
function checkTriage(errors: FieldError[], triage: TriageStamp): void {
  if (triage.level !== 'routine' && !triage.acknowledged)
    errors.push({ field: 'triage.acknowledged', code: 'required' });
}

const FIELD_FORMATS: Partial<Record<Category['fields'][number]['kind'], { pattern: RegExp; code: string }>> = {
  number: { pattern: /^\d{1,9}$/, code: 'invalid-number' },
  money: { pattern: /^\d{1,9}(\.\d{1,2})?$/, code: 'invalid-amount' },
  date: { pattern: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, code: 'invalid-date' },
};

/**
 * A category's structured fields, checked against the clinic's configuration.
 * Keys the category does not define are dropped (like unknown JSON fields);
 * `requireAll` is false for drafts, which may be unfinished.
 */
function validateFields(
  category: Category,
  input: Record<string, string>,
  requireAll: boolean,
  errors: FieldError[],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of category.fields) {
    const raw = Object.hasOwn(input, field.id) ? input[field.id]! : '';
    const value = cleanText(raw, field.kind === 'textarea').trim();
    const path = `fields.${field.id}`;
    if (!value) {
      if (requireAll && field.required) errors.push({ field: path, code: 'required' });
      continue;
    }
    if (value.length > (field.maxLength ?? LIMITS.fieldValueMax)) errors.push({ field: path, code: 'too-long' });
    const format = FIELD_FORMATS[field.kind];
    if (format && !format.pattern.test(value)) errors.push({ field: path, code: format.code });
    if (field.kind === 'select' && !field.options?.some((o) => o.value === value)) {
      errors.push({ field: path, code: 'invalid-option' });
    }
    out[field.id] = value;
  }
  return out;
}
