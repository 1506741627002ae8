/**
 * Human descriptions of the operations, for the OpenAPI document only
 * (`scripts/build-openapi.ts`). Kept out of `operations.ts` so they never ship
 * to a browser.
 */
import type { OperationId } from './operations.js';

export const operationSummaries: Readonly<Record<OperationId, string>> = {
  getClinic: 'Clinic configuration: contact, hours, categories, limits.',
  getPolicy: "The clinic's current messaging policy document.",
  getSession: 'The current session, or `authenticated: false`.',
  signIn: 'Sign in with the office-assigned patient ID and password.',
  signOut: 'Sign out and invalidate the session token.',
  keepAlive: 'Extend the idle timeout (the patient is active).',
  changePassword: 'Change the password (required at first sign-in with the office-issued one).',
  getConsent: "The patient's consent record for the messaging policy.",
  acceptConsent: 'Accept a policy version (must be the current one).',
  listThreads: 'Threads, newest activity first, cursor-paginated; filter and subject search in the body.',
  getInboxStatus: 'Unread total and latest activity, for cheap polling.',
  getThread: 'One thread with its messages.',
  createThread: 'Send a new message in a category (starts a thread).',
  reply: 'Reply in a thread.',
  markRead: 'Mark every message of a thread read.',
  listDrafts: "The patient's saved drafts.",
  saveDraft: 'Create or replace a draft (client-chosen id).',
  deleteDraft: 'Discard a draft.',
  uploadAttachment: 'Upload one file (raw body; `Content-Type` and a percent-encoded `Portal-Filename` header).',
  downloadAttachment: 'Download a file (only its owner).',
  getPreferences: 'Notification channels, notification email, language.',
  updatePreferences: 'Update channels and/or language.',
  changeEmail: 'Start changing the notification email (password re-entry; a code is sent to the new address).',
  verifyEmail: 'Confirm the new address with its code.',
};
