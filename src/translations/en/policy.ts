/** <portal-policy-consent>. */
export const policy = {
  // ---- policy-consent
  'policy.loading': 'Loading the messaging policy…',
  'policy.meta': (version: string, date: string) => `Version ${version}, published ${date}`,
  'policy.fallbackLanguage': 'This policy is shown in English because it is not yet available in your language.',
  'policy.print': 'Print the policy',
  'policy.contents': 'Sections of this policy',
  'policy.signInToAccept': 'To accept this policy, sign in to the patient portal.',
  'policy.passwordFirst': 'After you choose your own password, you can accept this policy here.',
  'policy.required.title': 'Please read and accept this policy',
  'policy.required.body':
    'Before you can send messages to the office, read this policy and accept it at the end of the page.',
  'policy.changed.title': 'The policy changed',
  'policy.changed.body': (previous: string, current: string) =>
    `You accepted version ${previous}. Version ${current} replaces it. Please read it and accept it again to keep sending messages.`,
  'policy.changed.summary': 'What changed:',
  'policy.conflict':
    'The policy was updated while you were reading it. The new version is shown now: please read it and accept it again.',
  'policy.accepted': (version: string, date: string) => `You accepted version ${version} on ${date}.`,
  'policy.acceptedNoDate': (version: string) => `You accepted version ${version}.`,
  'policy.thanks': 'Thank you, your acceptance is saved.',
  'policy.canMessage': 'You can now send messages to the office.',
  'policy.accept.title': 'Accept the policy',
  'policy.accept.checkbox': (clinic: string, version: string) =>
    `I have read and accept the ${clinic} messaging policy (version ${version}).`,
  'policy.accept.hint': 'We save the date and the version of the policy you accept.',
  'policy.accept.submit': 'Accept the policy',
  'policy.accept.submitting': 'Saving your acceptance…',
  'policy.accept.required': 'Check the box to confirm that you have read and accept the policy.',
} satisfies Record<string, unknown>;
