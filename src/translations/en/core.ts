/** Every widget: common words, errors by type, shared states. */
export const core = {
  $code: 'en',
  $name: 'English',
  $dir: 'ltr',
  // ---- common
  'common.loading': 'Loading…',
  'common.retry': 'Try again',
  'common.close': 'Close',
  'common.cancel': 'Cancel',
  'common.save': 'Save',
  'common.saving': 'Saving…',
  'common.saved': 'Saved',
  'common.required': 'required',
  'common.optional': 'optional',
  'common.callOffice': (phone: string) => `Call the office at ${phone}`,
  'common.call911': (number: string) => `Call ${number}`,
  'common.errorSummary': (count: number) =>
    count === 1 ? 'There is 1 problem to fix:' : `There are ${count} problems to fix:`,
  'common.characterCount': (used: number, max: number) => `${used} of ${max} characters`,
  'common.charactersLeft': (left: number) => (left === 1 ? '1 character left' : `${left} characters left`),
  'common.charactersOver': (over: number) => (over === 1 ? '1 character too many' : `${over} characters too many`),
  // ---- errors, chosen by PortalError.type
  'error.title': 'Something went wrong',
  'error.network': 'We could not reach the clinic’s server. Check your internet connection and try again.',
  'error.timeout': 'The clinic’s server is taking too long to answer. Please try again.',
  'error.aborted': 'The request was cancelled.',
  'error.contract':
    'The clinic’s server sent something we did not expect. Please try again; if it keeps happening, call the office.',
  'error.misconfigured':
    'This portal widget is not set up yet: it needs an api-base attribute or a surrounding <portal-provider>. (A message for the website administrator.)',
  'error.unauthorized': 'Please sign in to continue.',
  'error.forbidden': 'You do not have access to this.',
  'error.not-found': 'We could not find that. It may have been removed.',
  'error.validation': 'Some information needs to be corrected.',
  'error.rate-limited': (seconds?: number) =>
    seconds
      ? `Too many attempts. Please wait ${formatWait(seconds)} and try again.`
      : 'Too many attempts. Please wait a moment and try again.',
  'error.conflict': 'This changed in the meantime. Please reload and try again.',
  'error.payload-too-large': 'That file or message is too large.',
  'error.unsupported-media-type': 'That type of file is not accepted.',
  'error.server': 'The clinic’s server had a problem. Please try again in a few minutes.',
  'error.invalid-credentials': 'The patient ID or password is not correct.',
  'error.locked-out': (seconds?: number) =>
    seconds
      ? `Sign-in is paused after too many attempts. Please wait ${formatWait(seconds)} before trying again.`
      : 'Sign-in is paused after too many attempts. Please wait before trying again.',
  'error.password-change-required': 'Please choose your own password before continuing.',
  'error.password-rejected': 'That password cannot be used.',
  'error.consent-required': 'Please read and accept the messaging policy first.',
  'error.messaging-revoked': 'Sending messages is turned off for your account.',
  'error.session-expired': 'Your session has ended. Please sign in again.',
  'error.csrf-rejected': 'Your request could not be verified. Please reload the page.',
  'error.idempotency-mismatch': 'This message was already sent with different content. Please review and send again.',
  // ---- provider / shared states
  'provider.mockNotice': 'Demo mode: this page talks to a simulated clinic server in your browser.',
  'state.signedOut': 'You are signed out.',
  'state.revoked.title': 'Messaging is turned off for your account',
  'state.revoked.body': (clinic: string) =>
    `${clinic} has turned off online messaging for your account. You can still read your past messages. To talk with the office, please call.`,
  'state.bounced.title': 'We could not deliver email to your notification address',
  'state.bounced.body':
    'Email notifications about new messages are not reaching you. Please update your email address in your preferences, or call the office.',
} satisfies Record<string, unknown>;

/** "30 seconds", "5 minutes", "1 hour". */
function formatWait(seconds: number): string {
  const fmt = (value: number, unit: 'second' | 'minute' | 'hour') =>
    new Intl.NumberFormat('en', { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  if (seconds < 60) return fmt(Math.max(1, Math.ceil(seconds)), 'second');
  if (seconds < 3600) return fmt(Math.ceil(seconds / 60), 'minute');
  return fmt(Math.ceil(seconds / 3600), 'hour');
}
