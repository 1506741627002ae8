/**
 * The portal API contract: every request and response body, as zod/mini schemas.
 *
 * One source of truth for three consumers: the fetch client validates every
 * response with these, the mock backend and the reference server validate every
 * request with them, and `scripts/build-openapi.ts` turns them into openapi.json.
 * Every string and array is bounded, so a hostile server (or client) cannot make
 * the other side allocate without limit.
 */
import * as z from 'zod/mini';

// ---------------------------------------------------------------- primitives

/** Opaque server ids: short, URL-safe, never PHI. */
export const Id = z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_-]+$/));
export const IsoDateTime = z.iso.datetime({ offset: true });
export const IsoDate = z.iso.date();
export const LocalTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/));
export const Locale = z.enum(['en', 'es']);
export type Locale = z.infer<typeof Locale>;
export const ShortText = z.string().check(z.maxLength(200));
export const PhoneNumber = z.string().check(z.minLength(3), z.maxLength(32), z.regex(/^[0-9+()\-. ]+$/));
/** A translatable label: English is required, other locales optional. */
export const LocalizedText = z.object({
  en: z.string().check(z.minLength(1), z.maxLength(500)),
  es: z.optional(z.string().check(z.minLength(1), z.maxLength(500))),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

// ---------------------------------------------------------------- limits

/** Hard limits shared by client, mock and server. Clinic config may be stricter, never looser. */
export const LIMITS = {
  patientIdMax: 64,
  passwordMax: 1024, // far above the rule's max so the *rule* gives the reason, not a schema error
  subjectMax: 150,
  bodyMax: 5000,
  /** Messages as displayed: staff replies (letters, instructions) may be longer than what a patient may send. */
  displayedBodyMax: 20_000,
  fieldValueMax: 500,
  fieldsPerMessage: 20,
  attachmentsPerMessage: 10,
  filenameMax: 255,
  attachmentBytesMax: 25 * 1024 * 1024,
  messagesPerThread: 500,
  threadsPerPage: 100,
  searchMax: 100,
  policySections: 20,
  paragraphsPerSection: 40,
  paragraphMax: 4000,
  draftsMax: 50,
  emailMax: 254,
} as const;

// ---------------------------------------------------------------- errors (RFC 9457)

/** Stable machine codes carried in problem+json `code`. Widgets switch on these, never on text. */
export const ProblemCode = z.enum([
  'invalid-credentials',
  'locked-out',
  'password-change-required',
  'password-rejected',
  'consent-required',
  'messaging-revoked',
  'rate-limited',
  'session-expired',
  'unauthorized',
  'csrf-rejected',
  'forbidden',
  'not-found',
  'validation',
  'conflict',
  'idempotency-mismatch',
  'payload-too-large',
  'unsupported-media-type',
  'server',
]);
export type ProblemCode = z.infer<typeof ProblemCode>;

export const FieldError = z.object({
  /** Dotted path of the request field, e.g. `fields.medication` or `newPassword`. */
  field: z.string().check(z.maxLength(100)),
  /** Machine reason, e.g. `required`, `too-long`, `too-short`, `common`, `matches-id`, `invalid-email`. */
  code: z.string().check(z.maxLength(64)),
});
export type FieldError = z.infer<typeof FieldError>;

export const Problem = z.object({
  type: z.string().check(z.maxLength(300)),
  title: z.string().check(z.maxLength(300)),
  status: z.int().check(z.gte(400), z.lte(599)),
  detail: z.optional(z.string().check(z.maxLength(1000))),
  instance: z.optional(z.string().check(z.maxLength(300))),
  code: ProblemCode,
  /** Seconds until a retry may succeed (locked-out, rate-limited). */
  retryAfterSeconds: z.optional(z.int().check(z.gte(0), z.lte(86_400))),
  fieldErrors: z.optional(z.array(FieldError).check(z.maxLength(50))),
});
export type Problem = z.infer<typeof Problem>;

// ---------------------------------------------------------------- clinic configuration

export const CategoryId = z.enum([
  'appointment',
  'billing',
  'clinical',
  'refill',
  'health-form',
  'bill-payment',
]);
export type CategoryId = z.infer<typeof CategoryId>;

export const FieldKind = z.enum(['text', 'textarea', 'date', 'number', 'money', 'select']);
export const CategoryField = z.object({
  /** Stable key used in `NewMessage.fields`, e.g. `medication`. Widgets translate known ids. */
  id: z.string().check(z.regex(/^[a-z][a-zA-Z0-9-]{0,39}$/)),
  kind: FieldKind,
  required: z.boolean(),
  label: LocalizedText,
  hint: z.optional(LocalizedText),
  maxLength: z.optional(z.int().check(z.gte(1), z.lte(LIMITS.fieldValueMax))),
  /** Choices for `select` fields. */
  options: z.optional(
    z.array(z.object({ value: z.string().check(z.maxLength(64)), label: LocalizedText })).check(z.maxLength(30)),
  ),
});
export type CategoryField = z.infer<typeof CategoryField>;

export const Category = z.object({
  id: CategoryId,
  label: LocalizedText,
  description: LocalizedText,
  fields: z.array(CategoryField).check(z.maxLength(LIMITS.fieldsPerMessage)),
  /** Attachments make sense for this category (health forms). */
  allowsAttachments: z.boolean(),
});
export type Category = z.infer<typeof Category>;

export const WeeklyHours = z.array(
  z.object({ day: z.int().check(z.gte(0), z.lte(6)), open: LocalTime, close: LocalTime }),
).check(z.maxLength(28));

export const NotificationChannel = z.enum(['portal', 'phone', 'mail']);
export type NotificationChannel = z.infer<typeof NotificationChannel>;

export const ClinicConfig = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  phone: PhoneNumber,
  emergencyNumber: PhoneNumber,
  timeZone: z.string().check(z.minLength(1), z.maxLength(64)),
  hours: WeeklyHours,
  /** Local dates the office is closed, `YYYY-MM-DD`, in the clinic's time zone. */
  closures: z.array(IsoDate).check(z.maxLength(400)),
  categories: z.array(Category).check(z.minLength(1), z.maxLength(12)),
  attachments: z.object({
    maxCount: z.int().check(z.gte(0), z.lte(LIMITS.attachmentsPerMessage)),
    maxBytes: z.int().check(z.gte(1), z.lte(LIMITS.attachmentBytesMax)),
    /** MIME types accepted, checked by the server against the file's content. */
    allowedTypes: z.array(z.string().check(z.maxLength(100))).check(z.maxLength(20)),
  }),
  limits: z.object({
    subjectMax: z.int().check(z.gte(1), z.lte(LIMITS.subjectMax)),
    bodyMax: z.int().check(z.gte(1), z.lte(LIMITS.bodyMax)),
  }),
  policyVersion: z.string().check(z.minLength(1), z.maxLength(40)),
  channels: z.array(NotificationChannel).check(z.minLength(1), z.maxLength(3)),
  /** The clinic's own bill-payment page; only ever an https URL. */
  paymentUrl: z.optional(z.httpUrl().check(z.maxLength(500), z.startsWith('https://'))),
  /** True when the backend offers a self-service password reset; otherwise "call the office". */
  selfServiceReset: z.boolean(),
  locales: z.array(Locale).check(z.minLength(1), z.maxLength(10)),
});
export type ClinicConfig = z.infer<typeof ClinicConfig>;

// ---------------------------------------------------------------- session

export const SignInRequest = z.object({
  patientId: z.string().check(z.minLength(1), z.maxLength(LIMITS.patientIdMax)),
  password: z.string().check(z.minLength(1), z.maxLength(LIMITS.passwordMax)),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

export const ChangePasswordRequest = z.object({
  currentPassword: z.string().check(z.minLength(1), z.maxLength(LIMITS.passwordMax)),
  newPassword: z.string().check(z.minLength(1), z.maxLength(LIMITS.passwordMax)),
  /** Sign out every other session of this patient (default true). */
  signOutOtherSessions: z.optional(z.boolean()),
});
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;

export const SignedOutSession = z.object({ authenticated: z.literal(false) });

export const SignedInSession = z.object({
  authenticated: z.literal(true),
  patient: z.object({
    id: z.string().check(z.minLength(1), z.maxLength(LIMITS.patientIdMax)),
    displayName: z.string().check(z.minLength(1), z.maxLength(120)),
  }),
  /** Office-issued password still in use: every other call answers `password-change-required`. */
  mustChangePassword: z.boolean(),
  consent: z.object({
    currentVersion: z.string().check(z.maxLength(40)),
    acceptedVersion: z.nullable(z.string().check(z.maxLength(40))),
    required: z.boolean(),
  }),
  messaging: z.object({ allowed: z.boolean() }),
  notificationEmailBounced: z.boolean(),
  /** Server-enforced expiry: idle (reset by activity) and absolute. */
  idleExpiresAt: IsoDateTime,
  absoluteExpiresAt: IsoDateTime,
  idleTimeoutSeconds: z.int().check(z.gte(60), z.lte(86_400)),
  language: Locale,
  /**
   * True when the patient chose `language` in their preferences; false or absent
   * when it is only the server's default, which the page's own language may override.
   */
  languageChosen: z.optional(z.boolean()),
});
export type SignedInSession = z.infer<typeof SignedInSession>;

export const Session = z.discriminatedUnion('authenticated', [SignedOutSession, SignedInSession]);
export type Session = z.infer<typeof Session>;

// ---------------------------------------------------------------- policy and consent

export const PolicySectionId = z.enum([
  'introduction',
  'allowable-uses',
  'non-allowable-uses',
  'general',
  'disclaimer',
  'secure-messaging',
]);
export const PolicyDocument = z.object({
  version: z.string().check(z.minLength(1), z.maxLength(40)),
  publishedAt: IsoDateTime,
  title: z.string().check(z.minLength(1), z.maxLength(200)),
  locale: Locale,
  sections: z
    .array(
      z.object({
        id: PolicySectionId,
        heading: z.string().check(z.maxLength(200)),
        paragraphs: z
          .array(z.string().check(z.maxLength(LIMITS.paragraphMax)))
          .check(z.maxLength(LIMITS.paragraphsPerSection)),
      }),
    )
    .check(z.minLength(1), z.maxLength(LIMITS.policySections)),
  /** What changed since the previous version, shown when asking again. */
  changeSummary: z.optional(z.string().check(z.maxLength(2000))),
});
export type PolicyDocument = z.infer<typeof PolicyDocument>;

export const ConsentRecord = z.object({
  currentVersion: z.string().check(z.maxLength(40)),
  acceptedVersion: z.nullable(z.string().check(z.maxLength(40))),
  acceptedAt: z.nullable(IsoDateTime),
  required: z.boolean(),
});
export type ConsentRecord = z.infer<typeof ConsentRecord>;

export const AcceptConsentRequest = z.object({ version: z.string().check(z.minLength(1), z.maxLength(40)) });

// ---------------------------------------------------------------- triage

export const TriageLevel = z.enum(['emergency', 'urgent', 'routine']);
export type TriageLevel = z.infer<typeof TriageLevel>;
/** The on-device triage result sent with a message, so staff see it flagged. */
export const TriageStamp = z.object({
  level: TriageLevel,
  codes: z.array(z.string().check(z.maxLength(64))).check(z.maxLength(20)),
  /** The patient confirmed it is not an emergency / acknowledged the urgent warning. */
  acknowledged: z.boolean(),
});
export type TriageStamp = z.infer<typeof TriageStamp>;

// ---------------------------------------------------------------- attachments

export const AttachmentMeta = z.object({
  id: Id,
  filename: z.string().check(z.minLength(1), z.maxLength(LIMITS.filenameMax)),
  contentType: z.string().check(z.maxLength(100)),
  size: z.int().check(z.gte(0), z.lte(LIMITS.attachmentBytesMax)),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

// ---------------------------------------------------------------- threads and messages

export const SenderRole = z.enum(['patient', 'physician', 'nurse', 'staff', 'billing']);
export const Sender = z.object({
  kind: z.enum(['patient', 'staff']),
  name: z.string().check(z.minLength(1), z.maxLength(120)),
  role: SenderRole,
});
export type Sender = z.infer<typeof Sender>;

export const FieldValues = z.record(
  z.string().check(z.regex(/^[a-z][a-zA-Z0-9-]{0,39}$/)),
  z.string().check(z.maxLength(LIMITS.fieldValueMax)),
);

export const Message = z.object({
  id: Id,
  sender: Sender,
  sentAt: IsoDateTime,
  body: z.string().check(z.maxLength(LIMITS.displayedBodyMax)),
  attachments: z.array(AttachmentMeta).check(z.maxLength(LIMITS.attachmentsPerMessage)),
  fields: z.optional(FieldValues),
  triage: z.optional(TriageStamp),
});
export type Message = z.infer<typeof Message>;

export const ThreadSummary = z.object({
  id: Id,
  subject: z.string().check(z.maxLength(LIMITS.subjectMax)),
  category: CategoryId,
  lastActivityAt: IsoDateTime,
  lastSender: Sender,
  unreadCount: z.int().check(z.gte(0), z.lte(LIMITS.messagesPerThread)),
  messageCount: z.int().check(z.gte(1), z.lte(LIMITS.messagesPerThread)),
  hasAttachments: z.boolean(),
});
export type ThreadSummary = z.infer<typeof ThreadSummary>;

export const ThreadPage = z.object({
  items: z.array(ThreadSummary).check(z.maxLength(LIMITS.threadsPerPage)),
  /** Opaque cursor for the next (older) page; null at the end. */
  nextCursor: z.nullable(z.string().check(z.maxLength(200))),
  /** Threads matching the filter, for "showing N of M" and list sizing. */
  total: z.int().check(z.gte(0), z.lte(1_000_000)),
  unreadTotal: z.int().check(z.gte(0), z.lte(1_000_000)),
});
export type ThreadPage = z.infer<typeof ThreadPage>;

export const ThreadQuery = z.object({
  cursor: z.optional(z.string().check(z.maxLength(200))),
  limit: z.optional(z.int().check(z.gte(1), z.lte(LIMITS.threadsPerPage))),
  category: z.optional(CategoryId),
  /** Search in subjects. */
  q: z.optional(z.string().check(z.maxLength(LIMITS.searchMax))),
});
export type ThreadQuery = z.infer<typeof ThreadQuery>;

export const ThreadDetail = z.object({
  id: Id,
  subject: z.string().check(z.maxLength(LIMITS.subjectMax)),
  category: CategoryId,
  messages: z.array(Message).check(z.minLength(1), z.maxLength(LIMITS.messagesPerThread)),
  /** False when messaging is revoked: history stays readable. */
  canReply: z.boolean(),
});
export type ThreadDetail = z.infer<typeof ThreadDetail>;

/** Cheap poll for live updates. */
export const InboxStatus = z.object({
  unreadTotal: z.int().check(z.gte(0), z.lte(1_000_000)),
  /** Changes whenever any thread of this patient changes. */
  latestActivityAt: z.nullable(IsoDateTime),
});
export type InboxStatus = z.infer<typeof InboxStatus>;

export const NewMessage = z.object({
  category: CategoryId,
  fields: FieldValues,
  subject: z.string().check(z.minLength(1), z.maxLength(LIMITS.subjectMax)),
  body: z.string().check(z.minLength(1), z.maxLength(LIMITS.bodyMax)),
  attachmentIds: z.array(Id).check(z.maxLength(LIMITS.attachmentsPerMessage)),
  triage: TriageStamp,
  /** The draft this message came from; the server deletes it on send. */
  draftId: z.optional(Id),
});
export type NewMessage = z.infer<typeof NewMessage>;

export const Reply = z.object({
  body: z.string().check(z.minLength(1), z.maxLength(LIMITS.bodyMax)),
  attachmentIds: z.array(Id).check(z.maxLength(LIMITS.attachmentsPerMessage)),
  triage: TriageStamp,
  draftId: z.optional(Id),
});
export type Reply = z.infer<typeof Reply>;

/** When the office will handle what was just sent (business hours, clinic time zone). */
export const Handling = z.object({
  officeOpen: z.boolean(),
  handledAt: IsoDateTime,
  reason: z.enum(['open', 'after-hours', 'before-hours', 'weekend', 'closure']),
});
export type Handling = z.infer<typeof Handling>;

export const SendResult = z.object({
  threadId: Id,
  message: Message,
  handling: Handling,
});
export type SendResult = z.infer<typeof SendResult>;

export const MarkReadResult = z.object({ unreadTotal: z.int().check(z.gte(0), z.lte(1_000_000)) });

// ---------------------------------------------------------------- drafts

export const DraftInput = z.object({
  /** Null for a new conversation; a thread id for a reply. */
  threadId: z.nullable(Id),
  category: z.nullable(CategoryId),
  fields: FieldValues,
  subject: z.string().check(z.maxLength(LIMITS.subjectMax)),
  body: z.string().check(z.maxLength(LIMITS.bodyMax)),
  attachmentIds: z.array(Id).check(z.maxLength(LIMITS.attachmentsPerMessage)),
});
export type DraftInput = z.infer<typeof DraftInput>;
export const Draft = z.extend(DraftInput, {
  id: Id,
  updatedAt: IsoDateTime,
  /**
   * Name, type and size of each file in `attachmentIds` that is still on the
   * server, so a draft reopened on another device lists its files by name.
   */
  attachments: z.optional(z.array(AttachmentMeta).check(z.maxLength(LIMITS.attachmentsPerMessage))),
});
export type Draft = z.infer<typeof Draft>;
export const DraftList = z.object({ items: z.array(Draft).check(z.maxLength(LIMITS.draftsMax)) });

// ---------------------------------------------------------------- preferences

export const NotificationTopic = z.enum(['labResults', 'testResults', 'appointments']);
export type NotificationTopic = z.infer<typeof NotificationTopic>;

export const EmailStatus = z.enum(['verified', 'pending-verification', 'bounced', 'none']);
export const Preferences = z.object({
  notifications: z.object({
    labResults: NotificationChannel,
    testResults: NotificationChannel,
    appointments: NotificationChannel,
  }),
  email: z.object({
    /** Masked for display, e.g. `b••@example.com`. The full address is never returned. */
    maskedAddress: z.nullable(z.string().check(z.maxLength(LIMITS.emailMax))),
    status: EmailStatus,
    bouncedAt: z.nullable(IsoDateTime),
    /** Masked address awaiting verification, if a change is in progress. */
    pendingAddress: z.nullable(z.string().check(z.maxLength(LIMITS.emailMax))),
  }),
  language: Locale,
  availableChannels: z.array(NotificationChannel).check(z.minLength(1), z.maxLength(3)),
});
export type Preferences = z.infer<typeof Preferences>;

export const PreferencesUpdate = z.object({
  notifications: z.optional(
    z.object({
      labResults: NotificationChannel,
      testResults: NotificationChannel,
      appointments: NotificationChannel,
    }),
  ),
  language: z.optional(Locale),
});
export type PreferencesUpdate = z.infer<typeof PreferencesUpdate>;

export const EmailChangeRequest = z.object({
  newAddress: z.email().check(z.maxLength(LIMITS.emailMax)),
  password: z.string().check(z.minLength(1), z.maxLength(LIMITS.passwordMax)),
});
export type EmailChangeRequest = z.infer<typeof EmailChangeRequest>;
export const EmailVerifyRequest = z.object({ code: z.string().check(z.regex(/^[0-9]{6}$/)) });
export type EmailVerifyRequest = z.infer<typeof EmailVerifyRequest>;

export const Empty = z.object({});
export const PolicyQuery = z.object({ locale: z.optional(Locale) });
