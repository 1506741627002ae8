/** The automatic-logoff dialog the provider shows, and "Sign out" (provider and login). */
export const session = {
  'login.signOut': 'Sign out',
  'login.idle.title': 'Are you still there?',
  'login.idle.body': 'For your privacy, you will be signed out soon because there has been no activity.',
  'login.idle.timeLeft': 'Time left:',
  'login.idle.announce': (time: string) => `${time} left before you are signed out.`,
  'login.idle.stay': 'Stay signed in',
  'login.idle.extendFailed': 'We could not reach the clinic’s server. Check your connection and try again.',
  'login.absolute.title': 'Your session will end soon',
  'login.absolute.body': (time: string) =>
    `For your security, every session ends after a set time. You will be signed out at ${time}. Please finish what you are doing; you can sign in again afterwards.`,
  'login.absolute.ok': 'OK',
} satisfies Record<string, unknown>;
