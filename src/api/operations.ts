/**
 * Every operation of the contract, in one table: method, path, request and
 * response schemas, and whether it needs a session. The fetch client, the mock
 * backend, the reference server, the OpenAPI generator and the conformance
 * suite all read this table, so a route cannot exist in one and not another.
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
  summary: string;
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
    method: 'GET', path: '/clinic', summary: 'Clinic configuration: contact, hours, categories, limits.',
    auth: 'none', response: s.ClinicConfig,
  },
  getPolicy: {
    method: 'GET', path: '/policy', summary: "The clinic's current messaging policy document.",
    auth: 'none', query: s.PolicyQuery, response: s.PolicyDocument,
  },
  getSession: {
    method: 'GET', path: '/session', summary: 'The current session, or `authenticated: false`.',
    auth: 'none', response: s.Session,
  },
  signIn: {
    method: 'POST', path: '/session', summary: 'Sign in with the office-assigned patient ID and password.',
    auth: 'none', body: s.SignInRequest, response: s.SignedInSession,
    problems: ['invalid-credentials', 'locked-out', 'rate-limited', 'validation'],
  },
  signOut: {
    method: 'DELETE', path: '/session', summary: 'Sign out and invalidate the session token.', auth: 'none',
  },
  keepAlive: {
    method: 'POST', path: '/session/keep-alive', summary: 'Extend the idle timeout (the patient is active).',
    auth: 'session', response: s.SignedInSession, problems: ['session-expired'],
  },
  changePassword: {
    method: 'POST', path: '/session/password',
    summary: 'Change the password (required at first sign-in with the office-issued one).',
    auth: 'session', body: s.ChangePasswordRequest, response: s.SignedInSession,
    problems: ['invalid-credentials', 'password-rejected', 'session-expired', 'rate-limited'],
  },
  getConsent: {
    method: 'GET', path: '/consent', summary: "The patient's consent record for the messaging policy.",
    auth: 'patient', response: s.ConsentRecord,
  },
  acceptConsent: {
    method: 'POST', path: '/consent', summary: 'Accept a policy version (must be the current one).',
    auth: 'patient', body: s.AcceptConsentRequest, response: s.ConsentRecord, problems: ['conflict'],
  },
  listThreads: {
    // POST with a body, not GET with a query: the search text is the patient's own words
    // (PHI) and must never appear in a URL, where proxies and access logs keep it.
    method: 'POST', path: '/threads/query', summary: 'Threads, newest activity first, cursor-paginated; filter and subject search in the body.',
    auth: 'patient', body: s.ThreadQuery, response: s.ThreadPage, safe: true, problems: ['consent-required'],
  },
  getInboxStatus: {
    method: 'GET', path: '/inbox/status', summary: 'Unread total and latest activity, for cheap polling.',
    auth: 'patient', response: s.InboxStatus,
  },
  getThread: {
    method: 'GET', path: '/threads/{threadId}', summary: 'One thread with its messages.',
    auth: 'patient', response: s.ThreadDetail, problems: ['not-found', 'consent-required'],
  },
  createThread: {
    method: 'POST', path: '/threads', summary: 'Send a new message in a category (starts a thread).',
    auth: 'patient', body: s.NewMessage, response: s.SendResult, idempotent: true,
    problems: ['consent-required', 'messaging-revoked', 'validation', 'idempotency-mismatch', 'rate-limited'],
  },
  reply: {
    method: 'POST', path: '/threads/{threadId}/messages', summary: 'Reply in a thread.',
    auth: 'patient', body: s.Reply, response: s.SendResult, idempotent: true,
    problems: ['consent-required', 'messaging-revoked', 'validation', 'not-found', 'idempotency-mismatch'],
  },
  markRead: {
    method: 'POST', path: '/threads/{threadId}/read', summary: 'Mark every message of a thread read.',
    auth: 'patient', response: s.MarkReadResult, problems: ['not-found'],
  },
  listDrafts: {
    method: 'GET', path: '/drafts', summary: "The patient's saved drafts.",
    auth: 'patient', response: s.DraftList,
  },
  saveDraft: {
    method: 'PUT', path: '/drafts/{draftId}', summary: 'Create or replace a draft (client-chosen id).',
    auth: 'patient', body: s.DraftInput, response: s.Draft, problems: ['validation', 'messaging-revoked'],
  },
  deleteDraft: {
    method: 'DELETE', path: '/drafts/{draftId}', summary: 'Discard a draft.', auth: 'patient',
  },
  uploadAttachment: {
    method: 'POST', path: '/attachments',
    summary: 'Upload one file (raw body; `Content-Type` and a percent-encoded `Portal-Filename` header).',
    auth: 'patient', rawBody: true, response: s.AttachmentMeta, idempotent: true,
    problems: ['payload-too-large', 'unsupported-media-type', 'messaging-revoked', 'validation'],
  },
  downloadAttachment: {
    method: 'GET', path: '/attachments/{attachmentId}', summary: 'Download a file (only its owner).',
    auth: 'patient', binaryResponse: true, problems: ['not-found'],
  },
  getPreferences: {
    method: 'GET', path: '/preferences', summary: 'Notification channels, notification email, language.',
    auth: 'patient', response: s.Preferences,
  },
  updatePreferences: {
    method: 'PUT', path: '/preferences', summary: 'Update channels and/or language.',
    auth: 'patient', body: s.PreferencesUpdate, response: s.Preferences, problems: ['validation'],
  },
  changeEmail: {
    method: 'POST', path: '/preferences/email',
    summary: 'Start changing the notification email (password re-entry; a code is sent to the new address).',
    auth: 'patient', body: s.EmailChangeRequest, response: s.Preferences,
    problems: ['invalid-credentials', 'validation', 'conflict', 'rate-limited'],
  },
  verifyEmail: {
    method: 'POST', path: '/preferences/email/verify', summary: 'Confirm the new address with its code.',
    auth: 'patient', body: s.EmailVerifyRequest, response: s.Preferences,
    problems: ['validation', 'conflict', 'rate-limited'],
  },
} as const satisfies Record<string, OperationSpec>;

export type OperationId = keyof typeof operations;
