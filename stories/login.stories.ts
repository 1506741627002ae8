import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { userEvent, waitFor } from 'storybook/test';
import type { PortalHost } from '../src/internal/portal-host.js';
import type { PortalProvider } from '../src/components/provider/provider.js';
import type { PortalLogin } from '../src/components/login/login.js';
import '../src/define/login.js';

/**
 * `<portal-login>` in every state: sign-in with the office-issued patient ID
 * and password, the first-sign-in password change, lockout, inline
 * re-authentication, and the automatic-logoff warning. The credential form
 * renders in the light DOM so password managers can fill it.
 */

interface LoginArgs {
  next: string;
  reauth: boolean;
  resetUrl: string;
}

const render = (args: LoginArgs): TemplateResult =>
  html`<portal-login
    next=${args.next || undefined}
    ?reauth=${args.reauth}
    reset-url=${args.resetUrl || undefined}
  ></portal-login>`;

const meta = {
  title: 'Widgets/Login',
  component: 'portal-login',
  render,
  args: { next: '', reauth: false, resetUrl: '' },
  argTypes: {
    next: { control: 'text', description: 'Same-origin path to go to after signing in' },
    reauth: { control: 'boolean', description: 'Re-authentication mode (inside other widgets)' },
    resetUrl: { control: 'text', name: 'reset-url' },
  },
  parameters: { portal: { persona: null } },
} satisfies Meta<LoginArgs>;

export default meta;
type Story = StoryObj<LoginArgs>;

// ---------------------------------------------------------------- helpers

async function ready(canvas: HTMLElement): Promise<{ el: PortalLogin; host: PortalHost }> {
  const el = canvas.querySelector('portal-login')!;
  const provider = canvas.querySelector<PortalProvider>('portal-provider')!;
  await waitFor(() => {
    if (provider.host?.state.status !== 'ready') throw new Error('provider loading');
  });
  await el.updateComplete;
  return { el, host: provider.host! };
}

async function signIn(el: PortalLogin, id: string, password: string) {
  const user = el.querySelector<HTMLInputElement>('input[autocomplete="username"]')!;
  const pass = el.querySelector<HTMLInputElement>('input[autocomplete="current-password"]')!;
  await userEvent.clear(user);
  await userEvent.type(user, id);
  await userEvent.clear(pass);
  await userEvent.type(pass, password);
  await userEvent.click(el.querySelector('[part~="submit-button"]')!);
  await waitFor(() => {
    if (el.matches(':state(submitting)')) throw new Error('submitting');
  });
}

async function toPasswordStep(canvas: HTMLElement): Promise<PortalLogin> {
  const { el } = await ready(canvas);
  await signIn(el, 'newbie', 'welcome-newbie-2026');
  await waitFor(() => {
    if (!el.querySelector('input[autocomplete="new-password"]')) throw new Error('no password step');
  });
  return el;
}

// ---------------------------------------------------------------- stories

/** Nobody signed in: the empty form, with "Forgot your patient ID or password?" and the demo hint. */
export const SignedOut: Story = {};

/** ID and password typed (the password stays hidden until "Show" is pressed). */
export const Filled: Story = {
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    await userEvent.type(el.querySelector('input[autocomplete="username"]')!, 'dana');
    await userEvent.type(el.querySelector('input[autocomplete="current-password"]')!, 'dana-demo-password');
  },
};

/** Sign in pressed with empty fields: the focused error summary, errors beside each field. */
export const EmptyFieldsError: Story = {
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    await userEvent.click(el.querySelector('[part~="submit-button"]')!);
  },
};

/** Wrong password (an unknown ID gets the very same words): the ID kept, the password cleared. */
export const WrongPassword: Story = {
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    await signIn(el, 'dana', 'not-my-password');
  },
};

/** Five failures lock sign-in: how long to wait, in plain words, and the office phone. */
export const LockedOut: Story = {
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    for (let i = 0; i < 6 && !el.shadowRoot!.textContent!.includes('15'); i++) await signIn(el, 'dana', `wrong-${i}`);
  },
};

/** The clinic's server cannot be reached: the message, Retry, and what was typed kept. */
export const ServerDown: Story = {
  parameters: { portal: { persona: null, fail: { op: 'signIn', kind: 'network', times: 10 } } },
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    await signIn(el, 'dana', 'dana-demo-password');
  },
};

/** A slow server: "Signing in…" on the button, then "still working". */
export const SlowServer: Story = {
  parameters: { portal: { persona: null, latencyMs: 8000 } },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('portal-login')!;
    await waitFor(
      () => {
        if (!el.querySelector('input[autocomplete="username"]')) throw new Error('loading');
      },
      { timeout: 25_000 },
    );
    await userEvent.type(el.querySelector('input[autocomplete="username"]')!, 'dana');
    await userEvent.type(el.querySelector('input[autocomplete="current-password"]')!, 'dana-demo-password');
    await userEvent.click(el.querySelector('[part~="submit-button"]')!);
  },
};

/** Clinic configuration and session still loading. */
export const Loading: Story = {
  parameters: { portal: { persona: null, latencyMs: 'infinite' } },
};

/** `newbie` signed in with the office-issued password: choose your own, with live rules. */
export const FirstSignIn: Story = {
  play: async ({ canvasElement }) => {
    await toPasswordStep(canvasElement);
  },
};

/** A common password and a mismatch: the reasons, in plain words. */
export const FirstSignInRejected: Story = {
  play: async ({ canvasElement }) => {
    const el = await toPasswordStep(canvasElement);
    const [fresh, again] = el.querySelectorAll<HTMLInputElement>('input[autocomplete="new-password"]');
    await userEvent.type(fresh!, 'password password');
    await userEvent.type(again!, 'password passwor');
    await userEvent.click(el.querySelector('[part~="submit-button"]')!);
  },
};

/** A good new password, shown, with every rule met. */
export const FirstSignInReady: Story = {
  play: async ({ canvasElement }) => {
    const el = await toPasswordStep(canvasElement);
    const [fresh, again] = el.querySelectorAll<HTMLInputElement>('input[autocomplete="new-password"]');
    await userEvent.type(fresh!, 'lantern harbor violet 42');
    await userEvent.type(again!, 'lantern harbor violet 42');
    await userEvent.click(el.querySelector('.toggle')!);
  },
};

/** `dana` is signed in: greeting and Sign out. */
export const SignedIn: Story = {
  parameters: { portal: { persona: 'dana' } },
};

/** Signed in on a multi-page site: a Continue link to `next`. */
export const SignedInWithNextPage: Story = {
  args: { next: '/messages.html' },
  parameters: { portal: { persona: 'dana' } },
};

/** Signed out automatically after inactivity: the reason, then the form. */
export const SignedOutAfterInactivity: Story = {
  parameters: { portal: { persona: 'dana' } },
  play: async ({ canvasElement }) => {
    const { host } = await ready(canvasElement);
    await host.signOut('idle');
  },
};

/** The automatic-logoff warning (shown here at once; normally 2 minutes before a 15-minute idle logoff). */
export const IdleWarning: Story = {
  parameters: { portal: { persona: 'dana' } },
  play: async ({ canvasElement }) => {
    const { host } = await ready(canvasElement);
    host.lifecycle?.warnNow('idle');
  },
};

/** The session's absolute limit (12 h) is near: acknowledge only. */
export const SessionEndingSoon: Story = {
  parameters: { portal: { persona: 'dana' } },
  play: async ({ canvasElement }) => {
    const { host } = await ready(canvasElement);
    host.lifecycle?.warnNow('absolute');
  },
};

/** Inline re-authentication, as compose embeds it when the session ended mid-task. */
export const Reauthenticate: Story = {
  args: { reauth: true },
  parameters: { portal: { persona: 'dana' } },
  play: async ({ canvasElement }) => {
    const { host } = await ready(canvasElement);
    host.requireReauth();
  },
};

/** "Forgot your patient ID or password?" opened: credentials come from the office, so call it. */
export const ForgotPasswordOpen: Story = {
  play: async ({ canvasElement }) => {
    const { el } = await ready(canvasElement);
    await userEvent.click(el.shadowRoot!.querySelector('[part~="help"] summary')!);
  },
};

/** Spanish. */
export const Spanish: Story = {
  globals: { locale: 'es' },
  play: EmptyFieldsError.play!,
};

/** Dark theme. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: WrongPassword.play!,
};
