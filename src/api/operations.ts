/**
 * Every operation of the contract, in one table: method, path, request and
 * response schemas, and whether it needs a session. The mock backend, the
 * reference server, the OpenAPI generator and the conformance suite read this
 * table; the browser's fetch client reads the zod-free copy that
 * `scripts/build-validators.ts` generates from it (`validators.generated.ts`),
 * so a route cannot exist in one and not another. Descriptions for the OpenAPI
 * document live in `operation-docs.ts`.
 *
 * Paths are relative to the API base URL (e.g. `https://clinic.example/api/v1`).
 * `{name}` marks a path parameter (always an `Id`).
 */
import type * as z from 'zod/mini';
import * as s from './schemas.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface OperationSpec {
  method: HttpMethod;
  path: string;
  /** `none`: public. `session`: any signed-in patient, even before the password change. `patient`: fully set up. */
  auth: 'none' | 'session' | 'patient';
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  /** Raw request body (attachment upload) instead of JSON. */
  rawBody?: true;
  /** JSON response schema; absent for 204 No Content and binary downloads. */
  response?: z.ZodMiniType;
  /** Binary response (attachment download). */
  binaryResponse?: true;
  /** Creates something: carries an Idempotency-Key and may be retried with it. */
  idempotent?: true;
  /** A POST that changes nothing (a query with a body): as safe to retry as a GET. */
  safe?: true;
  /** Problem codes this operation documents beyond the common ones. */
  problems?: readonly s.ProblemCode[];
}

export const operations = {
  getClinic: {
    method: 'GET', path: '/clinic', auth: 'none', response: s.ClinicConfig,
  },
  getPolicy: {
    method: 'GET', path: '/policy', auth: 'none', query: s.PolicyQuery, response: s.PolicyDocument,
  },
  getSession: {
    method: 'GET', path: '/session', auth: 'none', response: s.Session,
  },
  signIn: {
    method: 'POST', path: '/session', auth: 'none', body: s.SignInRequest, response: s.SignedInSession,
    problems: ['invalid-credentials', 'locked-out', 'rate-limited', 'validation'],
  },
  signOut: {
    method: 'DELETE', path: '/session', auth: 'none',
  },
  keepAlive: {
    method: 'POST', path: '/session/keep-alive',
    auth: 'session', response: s.SignedInSession, problems: ['session-expired'],
  },
  changePassword: {
    method: 'POST', path: '/session/password',
    auth: 'session', body: s.ChangePasswordRequest, response: s.SignedInSession,
    problems: ['invalid-credentials', 'password-rejected', 'session-expired', 'rate-limited'],
  },
  getConsent: {
    method: 'GET', path: '/consent', auth: 'patient', response: s.ConsentRecord,
  },
  acceptConsent: {
    method: 'POST', path: '/consent',
    auth: 'patient', body: s.AcceptConsentRequest, response: s.ConsentRecord, problems: ['conflict'],
  },
  listThreads: {
    // POST with a body, not GET with a query: the search text is the patient's own words
    // (PHI) and must never appear in a URL, where proxies and access logs keep it.
    method: 'POST', path: '/threads/query',
    auth: 'patient', body: s.ThreadQuery, response: s.ThreadPage, safe: true, problems: ['consent-required'],
  },
  getInboxStatus: {
    method: 'GET', path: '/inbox/status', auth: 'patient', response: s.InboxStatus,
  },
  getThread: {
    method: 'GET', path: '/threads/{threadId}',
    auth: 'patient', response: s.ThreadDetail, problems: ['not-found', 'consent-required'],
  },
  createThread: {
    method: 'POST', path: '/threads', auth: 'patient', body: s.NewMessage, response: s.SendResult, idempotent: true,
    problems: ['consent-required', 'messaging-revoked', 'validation', 'idempotency-mismatch', 'rate-limited'],
  },
  reply: {
    method: 'POST', path: '/threads/{threadId}/messages',
    auth: 'patient', body: s.Reply, response: s.SendResult, idempotent: true,
    problems: ['consent-required', 'messaging-revoked', 'validation', 'not-found', 'idempotency-mismatch'],
  },
  markRead: {
    method: 'POST', path: '/threads/{threadId}/read',
    auth: 'patient', response: s.MarkReadResult, problems: ['not-found'],
  },
  listDrafts: {
    method: 'GET', path: '/drafts', auth: 'patient', response: s.DraftList,
  },
  saveDraft: {
    method: 'PUT', path: '/drafts/{draftId}',
    auth: 'patient', body: s.DraftInput, response: s.Draft, problems: ['validation', 'messaging-revoked'],
  },
  deleteDraft: {
    method: 'DELETE', path: '/drafts/{draftId}', auth: 'patient',
  },
  uploadAttachment: {
    method: 'POST', path: '/attachments', auth: 'patient', rawBody: true, response: s.AttachmentMeta, idempotent: true,
    problems: ['payload-too-large', 'unsupported-media-type', 'messaging-revoked', 'validation'],
  },
  downloadAttachment: {
    method: 'GET', path: '/attachments/{attachmentId}', auth: 'patient', binaryResponse: true, problems: ['not-found'],
  },
  getPreferences: {
    method: 'GET', path: '/preferences', auth: 'patient', response: s.Preferences,
  },
  updatePreferences: {
    method: 'PUT', path: '/preferences',
    auth: 'patient', body: s.PreferencesUpdate, response: s.Preferences, problems: ['validation'],
  },
  changeEmail: {
    method: 'POST', path: '/preferences/email', auth: 'patient', body: s.EmailChangeRequest, response: s.Preferences,
    problems: ['invalid-credentials', 'validation', 'conflict', 'rate-limited'],
  },
  verifyEmail: {
    method: 'POST', path: '/preferences/email/verify',
    auth: 'patient', body: s.EmailVerifyRequest, response: s.Preferences,
    problems: ['validation', 'conflict', 'rate-limited'],
  },
} as const satisfies Record<string, OperationSpec>;

export type OperationId = keyof typeof operations;
