import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { waitFor } from 'storybook/test';
import type { MockBackend } from '../src/api/mock/handlers.js';
import { createInboxFixture } from '../src/components/inbox/inbox-fixtures.js';
import type { PortalInbox } from '../src/components/inbox/inbox.js';
import '../src/define/inbox.js';

/**
 * `<portal-inbox>` in every state. Stories run against the msw mock backend
 * (the same rules as the reference server) as the persona in
 * `parameters.portal`; the two states that backend has no persona for (a
 * patient with no conversations yet, a reply arriving while you watch) use
 * the inbox's in-memory fixture or the mock's staff tools.
 */

interface InboxArgs {
  threadId: string;
  composeHref: string;
  preferencesHref: string;
  pollInterval: number;
}

function inbox(args: InboxArgs): TemplateResult {
  return html`<portal-inbox
    thread-id=${args.threadId || nothing}
    compose-href=${args.composeHref}
    preferences-href=${args.preferencesHref}
    poll-interval=${args.pollInterval}
  ></portal-inbox>`;
}

// ---------------------------------------------------------------- play helpers

async function ready(canvas: HTMLElement, selector: string): Promise<PortalInbox> {
  const el = canvas.querySelector('portal-inbox')!;
  await waitFor(
    () => {
      if (!el.shadowRoot?.querySelector(selector)) throw new Error(`no ${selector}`);
    },
    { timeout: 10_000 },
  );
  return el;
}

function typeReply(el: PortalInbox, text: string) {
  const box = el.shadowRoot!.querySelector<HTMLTextAreaElement>('#reply-body')!;
  box.value = text;
  box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function send(el: PortalInbox) {
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
}

// ---------------------------------------------------------------- meta

const meta = {
  title: 'Widgets/Inbox',
  component: 'portal-inbox',
  args: { threadId: '', composeHref: '/write.html', preferencesHref: '/preferences.html', pollInterval: 30_000 },
  render: (args) => inbox(args),
  parameters: { portal: { persona: 'dana' } },
} satisfies Meta<InboxArgs>;

export default meta;
type Story = StoryObj<InboxArgs>;

// ---------------------------------------------------------------- ready

/** Dana's conversations, newest first; the reply from Dr. Patel is unread. Filter and search above the list. */
export const Conversations: Story = {};

/** Opened by deep link (`thread-id`): Dr. Patel's unread reply, marked read on open, with the reply form. */
export const DeepLinkToUnreadReply: Story = { args: { threadId: 'demo-dana-labs' } };

/** A conversation with an attachment to download (Bea's school form). */
export const Attachment: Story = {
  args: { threadId: 'demo-bea-form' },
  parameters: { portal: { persona: 'bea' } },
};

/** 10,000 conversations: the list renders only what is visible and pages in as you scroll. */
export const TenThousandThreads: Story = { parameters: { portal: { persona: 'dana', threads: 10_000 } } };

/** Hostile content: bidi overrides, zero-width characters, markup, `javascript:` links, 10,000-character words, RTL. All inert text. */
export const HostileContent: Story = { parameters: { portal: { persona: 'dana', hostile: true } } };

/** The same hostile threads, one opened: only the https link in a staff message is clickable. */
export const HostileThreadOpen: Story = {
  parameters: { portal: { persona: 'dana', hostile: true } },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement, '.row-button:not([aria-disabled])');
    el.shadowRoot!.querySelector<HTMLButtonElement>('.row-button')!.click();
    await ready(canvasElement, '.messages');
  },
};

/** A staff reply arrives while the list is open: it moves to the top and "1 new message" is announced. */
export const LiveUpdate: Story = {
  args: { pollInterval: 2000 },
  play: async ({ canvasElement, loaded }) => {
    await ready(canvasElement, '.row-button:not([aria-disabled])');
    const mock = (loaded as { mock: MockBackend }).mock;
    await mock.backend.staffReply(
      'demo-dana-physical',
      { name: 'Dr. Maya Patel', role: 'physician' },
      'See you Tuesday at 9:00. Please bring your medication list.',
    );
  },
};

// ---------------------------------------------------------------- replying

/** Replying: the same safety notice, business hours and draft autosave as a new message. */
export const Reply: Story = {
  args: { threadId: 'demo-dana-labs' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement, '#reply-body');
    typeReply(el, 'Thank you, Dr. Patel. I will keep walking every morning.');
  },
};

/** An emergency in a reply is stopped by the blocking dialog (call 911), as in compose. */
export const ReplyEmergency: Story = {
  args: { threadId: 'demo-dana-labs' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement, '#reply-body');
    typeReply(el, 'I have crushing chest pain and my left arm is numb');
    send(el);
    await ready(canvasElement, 'dialog[open]');
  },
};

/** The reply was sent: it appears in the conversation with when the office will read it. */
export const ReplySent: Story = {
  args: { threadId: 'demo-dana-labs' },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement, '#reply-body');
    typeReply(el, 'Thank you, Dr. Patel.');
    send(el);
    await ready(canvasElement, '#reply-sent');
  },
};

/** The session ended before Send: the reply is kept and the patient signs in again inline. */
export const ReplySessionExpired: Story = {
  args: { threadId: 'demo-dana-labs' },
  parameters: { portal: { persona: 'dana', fail: { op: 'reply', kind: 'session-expired' } } },
  play: async ({ canvasElement }) => {
    const el = await ready(canvasElement, '#reply-body');
    typeReply(el, 'Thank you, Dr. Patel.');
    send(el);
    await ready(canvasElement, '[part~="reauth"]');
  },
};

// ---------------------------------------------------------------- states

/** Loading. */
export const Loading: Story = { parameters: { portal: { persona: 'dana', latencyMs: 'infinite' } } };

/** Conversations could not be loaded: a message chosen by error type, and Try again. */
export const LoadError: Story = {
  parameters: { portal: { persona: 'dana', fail: { op: 'listThreads', kind: 'server-error', times: 3 } } },
};

/** A new patient with no conversations yet: "Write a message" (a cancelable `portal-request-compose`, then `compose-href`). */
export const Empty: Story = {
  render: (args, { globals }) => {
    const fixture = createInboxFixture({ threads: 0 });
    return html`<portal-provider .client=${fixture.client} theme=${(globals['theme'] as string) ?? 'light'}>
      ${inbox(args)}
    </portal-provider>`;
  },
};

/** The clinic published a new policy: the policy step, inline, before anything else. */
export const ConsentRequired: Story = { parameters: { portal: { persona: 'dana', policyVersion: '2027-01-01' } } };

/** Messaging revoked (Rory): history stays readable, no replies, the office phone. */
export const MessagingRevoked: Story = { parameters: { portal: { persona: 'rory' } } };

/** Rory opens a conversation: the calm notice takes the place of the reply form. */
export const MessagingRevokedThread: Story = {
  args: { threadId: 'demo-rory-refill' },
  parameters: { portal: { persona: 'rory' } },
};

/** Notification e-mail bounced (Bea): the banner shared with preferences. */
export const EmailBounced: Story = { parameters: { portal: { persona: 'bea' } } };

/** Signed out: no conversation data anywhere. */
export const SignedOut: Story = { parameters: { portal: { persona: null } } };
