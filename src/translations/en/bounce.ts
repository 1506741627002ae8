/** The bounced-email banner (preferences, inbox, compose). */
export const bounce = {
  // ---- bounce-banner (shared by preferences, inbox, compose)
  'bounce.title': 'We could not deliver email to your notification address',
  'bounce.body':
    'Emails telling you about new messages are coming back undelivered, so you could miss a reply from the office.',
  'bounce.since': (date: string) => `The last one came back on ${date}.`,
  'bounce.policy':
    'Please update your email address, or call the office: our policy asks patients to contact the office when an email returns undelivered.',
  'bounce.fix': 'Update your email',
} satisfies Record<string, unknown>;
