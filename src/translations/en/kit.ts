/** The message-safety kit (compose and inbox replies). */
export const kit = {
  // ---- compose-kit (shared by compose and inbox replies)
  'kit.safety.label': 'Not for emergencies',
  'kit.safety.emergencyLead': 'Emergency?',
  'kit.safety.emergencyRest': 'or go to the nearest emergency room.',
  'kit.safety.urgentLead': 'Urgent or time-sensitive?',
  'kit.safety.routine': 'Messages are for questions that can wait until the office reads them during business hours.',
  'kit.emergency.title': 'This may be an emergency',
  'kit.emergency.youWrote': 'Your message mentions:',
  'kit.emergency.body':
    'Do not wait for a reply. Messages are read only during office hours, and it may be hours or days before anyone sees yours.',
  'kit.emergency.call': (number: string) => `Call ${number} now`,
  'kit.emergency.er': (number: string) =>
    `Or go to the nearest emergency room now. If you cannot get there safely, call ${number} — do not drive yourself.`,
  'kit.emergency.office': 'Not sure? Call the office:',
  'kit.emergency.notEmergency': 'This is not an emergency — send my message',
  'kit.emergency.back': 'Go back to my message',
  'kit.emergency.inline': (number: string) =>
    `What you wrote may describe an emergency. Call ${number} or go to the nearest emergency room now — do not wait for a reply.`,
  'kit.urgent.title': 'This may need attention sooner than a message allows',
  'kit.urgent.body': 'If it cannot wait, please call the office instead of sending a message.',
  'kit.urgent.acknowledge': 'I understand. It can wait until the office reads my message.',
  'kit.handling.fallback': 'Messages are handled during the office’s business hours.',
  'kit.send.sending': 'Sending your message…',
  'kit.send.notSentYet': 'Not sent yet',
  'kit.send.offlineBody':
    'We could not reach the clinic’s server. Your message and files are kept here. We will try again when your connection is back, or you can try now.',
  'kit.send.failedTitle': 'Your message was not sent',
  'kit.send.kept': 'What you wrote is kept here.',
  'kit.send.reauthTitle': 'Sign in again to send your message',
  'kit.send.reauthBody': 'What you wrote is kept. After you sign in, your message will be sent.',
  'kit.send.reauthUploadTitle': 'Sign in again to attach your file',
  'kit.send.reauthUploadBody':
    'Your session ended while the file was uploading. What you wrote is kept, and the upload starts again after you sign in.',
  'kit.attach.label': 'Attachments (optional)',
  'kit.attach.limits': (count: number, size: string, types: string) =>
    `Up to ${count} ${count === 1 ? 'file' : 'files'}, ${size} each at most: ${types}.`,
  'kit.attach.choose': 'Choose files to attach',
  'kit.attach.full': (count: number) =>
    `You have attached the most files allowed (${count}). Remove one to add another.`,
  'kit.attach.drop': 'You can also drag files here.',
  'kit.attach.listLabel': 'Attached files',
  'kit.attach.tooMany': (name: string, count: number) =>
    `“${name}” was not added: you can attach up to ${count} ${count === 1 ? 'file' : 'files'}.`,
  'kit.attach.wrongType': (name: string, types: string) =>
    `“${name}” was not added: that type of file is not accepted. You can attach ${types} files.`,
  'kit.attach.tooLarge': (name: string, size: string, max: string) =>
    `“${name}” was not added: it is ${size}, and each file can be at most ${max}.`,
  'kit.attach.empty': (name: string) => `“${name}” was not added: the file is empty.`,
  'kit.attach.uploading': (name: string) => `Uploading ${name}`,
  'kit.attach.percent': (percent: number) => `${percent}%`,
  'kit.attach.uploaded': 'Uploaded',
  'kit.attach.failed': (kind: 'too-large' | 'type' | 'network' | 'other'): string =>
    kind === 'too-large'
      ? 'Not uploaded: the file is too large.'
      : kind === 'type'
        ? 'Not uploaded: this type of file is not accepted.'
        : kind === 'network'
          ? 'Not uploaded: we could not reach the server.'
          : 'Not uploaded.',
  'kit.attach.remove': 'Remove',
  'kit.attach.restoredName': (n: number) => `Attached file ${n}`,
  'kit.attach.unavailable':
    'Attaching files is not available right now. You can send your message without them, or try again.',
  'kit.draft.saving': 'Saving draft…',
  'kit.draft.saved': (time: string) => `Draft saved at ${time}`,
  'kit.draft.error': 'Your draft could not be saved right now. What you typed is still here.',
  'kit.draft.restored': (when: string) => `We brought back the message you started (saved ${when}).`,
  'kit.card.warning':
    'This looks like a payment card number. For your safety, please remove it: never send card numbers by message. To pay a bill, use the payment page or call the office.',
} satisfies Record<string, unknown>;
