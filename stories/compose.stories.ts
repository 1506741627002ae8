import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { until } from 'lit/directives/until.js';
import { waitFor } from 'storybook/test';
import { createFetchClient } from '../src/api/fetch-client.js';
import type { PortalCompose } from '../src/components/compose/compose.js';
import '../src/define/compose.js';

/**
 * `<portal-compose>` in every state. The mock backend's clock (`parameters.portal.now`)
 * and the widget's clock (`.now`) are set to the same instant, so the business-hours
 * sentence matches what the server answers.
 */

interface ComposeArgs {
  category: string;
  inboxHref: string;
  draftDelay: number;
}

/** Wednesday 2 December 2026, 10:00 in Dallas: the office is open. */
const WEEKDAY_MORNING = '2026-12-02T16:00:00.000Z';
/** Friday 4 December 2026, 18:30 in Dallas: handled on Monday. */
const FRIDAY_EVENING = '2026-12-05T00:30:00.000Z';
/** Thursday 24 December 2026, 17:30 in Dallas: Christmas closure, then the weekend. */
const CHRISTMAS_EVE = '2026-12-24T23:30:00.000Z';

/** A clock that starts at `iso` and keeps running. */
function clockAt(iso: string): () => Date {
  const offset = Date.parse(iso) - Date.now();
  return () => new Date(Date.now() + offset);
}

function compose(args: ComposeArgs, now = WEEKDAY_MORNING): TemplateResult {
  return html`<portal-compose
    category=${args.category}
    inbox-href=${args.inboxHref}
    draft-delay=${args.draftDelay}
    .now=${clockAt(now)}
  ></portal-compose>`;
}

// ---------------------------------------------------------------- play helpers

async function widget(canvas: HTMLElement): Promise<PortalCompose> {
  const el = canvas.querySelector('portal-compose')!;
  await waitFor(() => {
    if (!el.shadowRoot?.querySelector('form')) throw new Error('form not ready');
  });
  return el;
}

function setValue(el: PortalCompose, selector: string, value: string) {
  const input = el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function fillRefill(el: PortalCompose, body: string) {
  el.shadowRoot!.querySelector<HTMLInputElement>('#category-refill')!.click();
  await el.updateComplete;
  setValue(el, '#field-medication', 'Lisinopril');
  setValue(el, '#field-dose', '10 mg once a day');
  setValue(el, '#field-pharmacy', 'Walgreens, Preston Rd');
  setValue(el, '#field-daysLeft', '3');
  setValue(el, '#subject', 'Refill for lisinopril');
  setValue(el, '#body', body);
  await el.updateComplete;
}

async function send(el: PortalCompose) {
  el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
  await el.updateComplete;
}

/** Pick files in the attachment picker, as the file dialog would. */
async function attach(el: PortalCompose, files: File[]) {
  await waitForPart(el, 'attachments');
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

async function waitForPart(el: PortalCompose, part: string) {
  await waitFor(
    () => {
      if (!el.shadowRoot!.querySelector(`[part~="${part}"]`)) throw new Error(`no ${part}`);
    },
    { timeout: 5000 },
  );
}

const ROUTINE = 'Could you send my usual 90-day refill to Walgreens? Thank you.';

// ---------------------------------------------------------------- meta

const meta = {
  title: 'Widgets/Compose',
  component: 'portal-compose',
  args: { category: '', inboxHref: '/inbox?thread={threadId}', draftDelay: 2000 },
  argTypes: {
    category: {
      control: 'select',
      options: ['', 'appointment', 'billing', 'clinical', 'refill', 'health-form', 'bill-payment'],
    },
  },
  render: (args) => compose(args),
  parameters: { portal: { persona: 'dana', now: WEEKDAY_MORNING } },
} satisfies Meta<ComposeArgs>;

export default meta;
type Story = StoryObj<ComposeArgs>;

// ---------------------------------------------------------------- ready

/** Category first: the six uses the clinic's policy allows, each with a description. */
export const ChooseCategory: Story = {};

/** A refill request: the category's structured fields, subject, message, handling time. */
export const Refill: Story = { args: { category: 'refill' } };

/** Appointment request. */
export const Appointment: Story = { args: { category: 'appointment' } };

/** Billing question: date and money fields. */
export const Billing: Story = { args: { category: 'billing' } };

/** Health form: the attachment picker with the clinic's limits. */
export const HealthFormWithAttachments: Story = { args: { category: 'health-form' } };

/** Clinical question: "not for diagnosing or treating new problems", with a switch to an appointment request. */
export const ClinicalQuestion: Story = { args: { category: 'clinical' } };

/** Bill payment: the clinic's (https) payment page. */
export const BillPayment: Story = { args: { category: 'bill-payment' } };

/** A payment card number in the text: warned, never saved as a draft, never sent. */
export const CardNumberWarning: Story = {
  args: { category: 'bill-payment' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    setValue(el, '#field-amount', '85.00');
    setValue(el, '#subject', 'Paying my November bill');
    setValue(el, '#body', 'Please charge my Visa 4111 1111 1111 1111, exp 08/28.');
    await waitForPart(el, 'card-warning');
  },
};

// ---------------------------------------------------------------- business hours

/** Friday evening: "handled on Monday, December 7, after 8:00 AM Central Time". */
export const AfterHours: Story = {
  args: { category: 'refill' },
  render: (args) => compose(args, FRIDAY_EVENING),
  parameters: { portal: { persona: 'dana', now: FRIDAY_EVENING } },
};

/** The evening before Christmas: the closure and the weekend are skipped. */
export const BeforeHoliday: Story = {
  args: { category: 'refill' },
  render: (args) => compose(args, CHRISTMAS_EVE),
  parameters: { portal: { persona: 'dana', now: CHRISTMAS_EVE } },
};

// ---------------------------------------------------------------- safety

/** Emergency words: the blocking dialog with 911 and nearest-ER guidance opens on Send. */
export const EmergencyDialog: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await fillRefill(el, 'I have crushing chest pain going down my left arm and I can’t breathe.');
    await send(el);
  },
};

/** Urgent: an inline warning with the office number; Send needs the "it can wait" box. */
export const UrgentWarning: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await fillRefill(el, 'I ran out of my blood pressure medicine yesterday and have none left.');
    await waitForPart(el, 'urgent-notice');
  },
};

/** Urgent wording, acknowledged: "It can wait" is checked, so Send is allowed. */
export const UrgentAcknowledged: Story = {
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await fillRefill(el, 'I ran out of my blood pressure medicine yesterday and have none left.');
    await waitForPart(el, 'urgent-notice');
    el.shadowRoot!.querySelector<HTMLInputElement>('[part~="urgent-notice"] input[type="checkbox"]')!.click();
  },
};

/** Send with problems: the focused error summary, field messages. */
export const ValidationErrors: Story = {
  args: { category: 'billing' },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    setValue(el, '#field-amount', '12,5x');
    await send(el);
  },
};

// ---------------------------------------------------------------- sending

/** A slow server: "Sending…" (the request never answers in this story). */
export const Submitting: Story = {
  parameters: { portal: { persona: 'dana', now: WEEKDAY_MORNING, fail: { op: 'createThread', kind: 'timeout' } } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await fillRefill(el, ROUTINE);
    await send(el);
  },
};

/**
 * The connection keeps dropping (after the server stored the message): "Not sent yet". The client
 * retried twice with the same key; Retry tries again with it and creates no duplicate.
 */
export const NotSentYet: Story = {
  parameters: {
    portal: { persona: 'dana', now: WEEKDAY_MORNING, fail: { op: 'createThread', kind: 'network', times: 3 } },
  },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await fillRefill(el, ROUTINE);
    await send(el);
    await waitForPart(el, 'send-status');
  },
};

/** A server error: the message by type, Retry, text kept. */
export const ServerError: Story = {
  parameters: {
    portal: { persona: 'dana', now: WEEKDAY_MORNING, fail: { op: 'createThread', kind: 'server-error', times: 3 } },
  },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await fillRefill(el, ROUTINE);
    await send(el);
    await waitForPart(el, 'send-status');
  },
};

/** The session ended before Send: inline sign-in (dana / dana-demo-password), then the message goes. */
export const SessionExpiredOnSend: Story = {
  parameters: {
    portal: { persona: 'dana', now: WEEKDAY_MORNING, fail: { op: 'createThread', kind: 'session-expired' } },
  },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await fillRefill(el, ROUTINE);
    await send(el);
    await waitForPart(el, 'reauth');
  },
};

/** Sent: the handling time from the server and "View in inbox". */
export const Sent: Story = {
  render: (args) => compose(args, FRIDAY_EVENING),
  parameters: { portal: { persona: 'dana', now: FRIDAY_EVENING } },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await fillRefill(el, ROUTINE);
    await send(el);
    await waitForPart(el, 'sent');
  },
};

// ---------------------------------------------------------------- drafts

/** A draft saved earlier (on any device) comes back, with "Discard draft". */
export const DraftRestored: Story = {
  render: (args) =>
    html`${until(
      createFetchClient({ baseUrl: '/api/v1' })
        .saveDraft('story-draft-1', {
          threadId: null,
          category: 'appointment',
          fields: { reason: 'Yearly physical', preferredTimes: 'Tuesday or Thursday mornings' },
          subject: 'Yearly physical',
          body: 'I started this on my phone. Any morning next week works for me.',
          attachmentIds: [],
        })
        .then(() => compose(args))
        .catch(() => compose(args)),
      html`<p>Preparing a saved draft…</p>`,
    )}`,
};

/** "Discard draft?": the explicit question before a saved draft is deleted. */
export const DiscardQuestion: Story = {
  args: { draftDelay: 50 },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await fillRefill(el, ROUTINE);
    await waitForPart(el, 'draft-status');
    await waitFor(() => {
      const discard = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent?.includes('Discard'));
      if (!discard) throw new Error('no Discard button yet');
      discard.click();
    });
  },
};

/** Health form files: one uploaded, one the server could not store (Retry / Remove), one refused by the limits. */
export const AttachmentProblems: Story = {
  args: { category: 'health-form' },
  parameters: {
    portal: { persona: 'dana', now: WEEKDAY_MORNING, fail: { op: 'uploadAttachment', kind: 'server-error', times: 4 } },
  },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await attach(el, [
      new File(['%PDF-1.4 school form'], 'school-physical.pdf', { type: 'application/pdf' }),
      new File(['PK'], 'notes.docx', { type: 'application/msword' }),
    ]);
  },
};

/** The session ended while a file uploaded: the inline sign-in; the file uploads again after it. */
export const SessionExpiredDuringUpload: Story = {
  args: { category: 'health-form' },
  parameters: {
    portal: { persona: 'dana', now: WEEKDAY_MORNING, fail: { op: 'uploadAttachment', kind: 'session-expired' } },
  },
  play: async ({ canvasElement }) => {
    const el = await widget(canvasElement);
    await attach(el, [new File(['%PDF-1.4 lab order'], 'lab-order.pdf', { type: 'application/pdf' })]);
    await waitForPart(el, 'reauth');
  },
};

/** A 320 px wide phone (WCAG reflow): the form with a category, in one column. */
export const Phone320: Story = {
  args: { category: 'refill' },
  parameters: {
    viewport: { options: { phone320: { name: '320 px phone', styles: { width: '320px', height: '720px' } } } },
  },
  globals: { viewport: { value: 'phone320', isRotated: false } },
};

// ---------------------------------------------------------------- other states

/** Loading clinic configuration and session (the server never answers). */
export const Loading: Story = {
  parameters: { portal: { persona: 'dana', latencyMs: 'infinite' } },
};

/** The clinic configuration could not be loaded: error with Retry. */
export const LoadError: Story = {
  parameters: { portal: { persona: 'dana', fail: { op: 'getClinic', kind: 'server-error', times: 3 } } },
};

/** The patient has not accepted the current policy: the consent step inline. */
export const ConsentRequired: Story = {
  parameters: { portal: { persona: 'dana', now: WEEKDAY_MORNING, policyVersion: '2027-01-15' } },
};

/** Messaging revoked by the clinic (`rory`): a calm notice with the office phone, no form. */
export const Revoked: Story = {
  parameters: { portal: { persona: 'rory', now: WEEKDAY_MORNING } },
};

/** Signed out: nothing of the patient is shown. */
export const SignedOut: Story = {
  parameters: { portal: { persona: null } },
};
