import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import type { MockBackend } from '../src/api/mock/handlers.js';
import type { PortalPreferences } from '../src/components/preferences/preferences.js';
import '../src/define/preferences.js';

/**
 * `<portal-preferences>` in every state: contact choices per topic, language,
 * notification email (change, code, bounced) and password.
 */

const meta = {
  title: 'Widgets/Preferences',
  component: 'portal-preferences',
  render: () => html`<portal-preferences></portal-preferences>`,
  parameters: { portal: { persona: 'dana' } },
} satisfies Meta;

export default meta;
type Story = StoryObj;

// ---------------------------------------------------------------- helpers

async function widget(canvas: HTMLElement): Promise<PortalPreferences> {
  const el = canvas.querySelector('portal-preferences')!;
  await waitFor(() => {
    if (!el.shadowRoot?.querySelector('h2')) throw new Error('preferences not ready');
  });
  return el;
}

function find<T extends HTMLElement>(el: PortalPreferences, selector: string): T {
  return el.shadowRoot!.querySelector<T>(selector)!;
}

function type(el: PortalPreferences, selector: string, value: string) {
  const input = find<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function startEmailChange(el: PortalPreferences, address: string, password: string) {
  find<HTMLButtonElement>(el, '#email-change-button').click();
  await el.updateComplete;
  type(el, '#new-email', address);
  type(el, '#email-password', password);
  find<HTMLInputElement>(el, '#new-email').form!.requestSubmit();
}

// ---------------------------------------------------------------- stories

/** `dana`: her saved choices, a confirmed email, nothing unsaved. */
export const Default: Story = {};

/** A choice changed but not saved: "You have unsaved changes" (leaving the page asks first). */
export const UnsavedChanges: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    find<HTMLInputElement>(el, 'input[name="topic-labResults"][value="phone"]').click();
  },
};

/** Saved: the polite "Your contact choices are saved." */
export const Saved: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    find<HTMLInputElement>(el, 'input[name="topic-appointments"][value="mail"]').click();
    find<HTMLInputElement>(el, 'input[name="topic-appointments"]').form!.requestSubmit();
  },
};

/** Saving fails (network): the alert, the choices kept, "Try again". */
export const SaveFails: Story = {
  parameters: { portal: { persona: 'dana', fail: { op: 'updatePreferences', kind: 'network', times: 5 } } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    find<HTMLInputElement>(el, 'input[name="topic-labResults"][value="mail"]').click();
    find<HTMLInputElement>(el, 'input[name="topic-labResults"]').form!.requestSubmit();
  },
};

/** `bea`: her notification email bounced — the calm banner at the top, with the office phone. */
export const Bounced: Story = {
  parameters: { portal: { persona: 'bea' } },
};

/** `bea` pressed "Update your email": the email form, open and focused. */
export const BouncedFixing: Story = {
  parameters: { portal: { persona: 'bea' } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    find<HTMLButtonElement>(el, '[part~="bounce-fix-button"]').click();
  },
};

/** The email form sent with problems: the focused error summary and the messages next to the fields. */
export const EmailErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await startEmailChange(el, 'dana@', '');
  },
};

/** The new address is the current one: the server's `conflict`, next to the field. */
export const SameEmail: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await startEmailChange(el, 'dana@example.com', 'dana-demo-password');
  },
};

/** Code sent to the new address: the 6-digit code entry. */
export const VerifyCode: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await startEmailChange(el, 'dana.whitfield@example.com', 'dana-demo-password');
  },
};

/** Code entered (read from the mock's outbox): the address is confirmed. */
export const EmailConfirmed: Story = {
  parameters: { portal: { persona: 'bea' } },
  play: async ({ canvasElement, loaded }) => {
    const el = await widget(canvasElement);
    await startEmailChange(el, 'bea.new@example.com', 'bea-demo-password');
    await waitFor(() => {
      if (!el.shadowRoot!.querySelector('#email-code')) throw new Error('code form not shown');
    });
    type(el, '#email-code', (loaded['mock'] as MockBackend).lastVerificationCode('bea') ?? '');
    find<HTMLInputElement>(el, '#email-code').form!.requestSubmit();
  },
};

/** The password form with the shared rules' messages. */
export const PasswordErrors: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    type(el, '#current-password', 'dana-demo-password');
    type(el, '#new-password', 'short');
    type(el, '#confirm-password', 'shorter');
    find<HTMLInputElement>(el, '#new-password').form!.requestSubmit();
  },
};

/** Messaging revoked (`rory`): the notice, and every preference still manageable. */
export const Revoked: Story = {
  parameters: { portal: { persona: 'rory' } },
};

/** `newbie` before choosing a password: preferences wait for it. */
export const PasswordFirst: Story = {
  parameters: { portal: { persona: 'newbie' } },
};

export const SignedOut: Story = {
  parameters: { portal: { persona: null } },
};

export const Loading: Story = {
  parameters: { portal: { persona: 'dana', latencyMs: 'infinite' } },
};

/** The preferences could not be loaded: error with Retry. */
export const LoadError: Story = {
  parameters: { portal: { persona: 'dana', fail: { op: 'getPreferences', kind: 'server-error', times: 3 } } },
};

export const Spanish: Story = {
  parameters: { portal: { persona: 'bea' } },
  globals: { locale: 'es' },
};

export const Dark: Story = {
  parameters: { portal: { persona: 'bea' } },
  globals: { theme: 'dark' },
};
