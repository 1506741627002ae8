/**
 * The typed client contract. Widgets depend on this interface only; the fetch
 * client is one implementation, a clinic's own backend adapter can be another,
 * and component tests inject small fakes.
 *
 * Every method rejects with a `PortalError` (never anything else) and accepts an
 * `AbortSignal` so a widget that goes away cancels what it started.
 */
import type {
  AttachmentMeta,
  ChangePasswordRequest,
  ClinicConfig,
  ConsentRecord,
  Draft,
  DraftInput,
  EmailChangeRequest,
  EmailVerifyRequest,
  InboxStatus,
  Locale,
  NewMessage,
  PolicyDocument,
  Preferences,
  PreferencesUpdate,
  Reply,
  SendResult,
  Session,
  SignedInSession,
  SignInRequest,
  ThreadDetail,
  ThreadPage,
  ThreadQuery,
} from './schemas.js';

export interface CallOptions {
  signal?: AbortSignal;
  /**
   * Let the request finish after the page is gone (`fetch(..., { keepalive })`):
   * a draft saved as the patient closes the tab. Used by `saveDraft`; ignored for
   * bodies over 60 KB, which browsers refuse to keep alive.
   */
  keepalive?: boolean;
}

/** Creates carry an idempotency key: the same key twice yields one result. */
export interface CreateOptions extends CallOptions {
  idempotencyKey: string;
}

export interface UploadOptions extends CreateOptions {
  /** Called with bytes sent so far and the total. */
  onProgress?: (sent: number, total: number) => void;
}

export interface PortalClient {
  getClinic(options?: CallOptions): Promise<ClinicConfig>;
  getPolicy(locale?: Locale, options?: CallOptions): Promise<PolicyDocument>;

  getSession(options?: CallOptions): Promise<Session>;
  signIn(request: SignInRequest, options?: CallOptions): Promise<SignedInSession>;
  signOut(options?: CallOptions): Promise<void>;
  keepAlive(options?: CallOptions): Promise<SignedInSession>;
  changePassword(request: ChangePasswordRequest, options?: CallOptions): Promise<SignedInSession>;

  getConsent(options?: CallOptions): Promise<ConsentRecord>;
  acceptConsent(version: string, options?: CallOptions): Promise<ConsentRecord>;

  listThreads(query?: ThreadQuery, options?: CallOptions): Promise<ThreadPage>;
  getInboxStatus(options?: CallOptions): Promise<InboxStatus>;
  getThread(threadId: string, options?: CallOptions): Promise<ThreadDetail>;
  createThread(message: NewMessage, options: CreateOptions): Promise<SendResult>;
  reply(threadId: string, reply: Reply, options: CreateOptions): Promise<SendResult>;
  markRead(threadId: string, options?: CallOptions): Promise<{ unreadTotal: number }>;

  listDrafts(options?: CallOptions): Promise<Draft[]>;
  saveDraft(draftId: string, draft: DraftInput, options?: CallOptions): Promise<Draft>;
  deleteDraft(draftId: string, options?: CallOptions): Promise<void>;

  uploadAttachment(file: Blob, filename: string, options: UploadOptions): Promise<AttachmentMeta>;
  downloadAttachment(attachmentId: string, options?: CallOptions): Promise<Blob>;

  getPreferences(options?: CallOptions): Promise<Preferences>;
  updatePreferences(update: PreferencesUpdate, options?: CallOptions): Promise<Preferences>;
  changeEmail(request: EmailChangeRequest, options?: CallOptions): Promise<Preferences>;
  verifyEmail(request: EmailVerifyRequest, options?: CallOptions): Promise<Preferences>;
}

/** A fresh random key for `Idempotency-Key` (and client-chosen draft ids). */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
