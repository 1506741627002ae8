import { aTimeout, expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { CreateOptions, UploadOptions } from '../../api/client.js';
import { PortalError } from '../../api/errors.js';
import type { CategoryId, ClinicConfig, Draft, DraftInput, NewMessage, SendResult } from '../../api/schemas.js';
import { DEMO_CLINIC, DEMO_POLICY_DOCUMENTS } from '../../backend/demo-data.js';
import '../../define/compose.js';
import { PortalSignedInEvent } from '../../events/events.js';
import { fakeClient, mountInProvider, signedInSession } from '../../internal/test-helpers.js';
import type { PortalProvider } from '../provider/provider.js';
import type { PortalCompose } from './compose.js';

// ------------------------------------------------------------------ fixtures

/** Wednesday 2 December 2026, 10:00 in Dallas (CST, UTC−6): the office is open. */
const WEDNESDAY_MORNING = new Date('2026-12-02T16:00:00Z');
/** Friday 4 December 2026, 18:30 in Dallas: closed until Monday. */
const FRIDAY_EVENING = new Date('2026-12-05T00:30:00Z');
/** Thursday 24 December 2026, 17:30 in Dallas: Christmas (a closure) is next, then the weekend. */
const CHRISTMAS_EVE_EVENING = new Date('2026-12-24T23:30:00Z');
/** Wednesday 2 December 2026, 07:00 in Dallas: opens later today. */
const WEDNESDAY_EARLY = new Date('2026-12-02T13:00:00Z');

function result(
  message: NewMessage,
  handling: SendResult['handling'] = { officeOpen: true, handledAt: WEDNESDAY_MORNING.toISOString(), reason: 'open' },
): SendResult {
  return {
    threadId: 'thread-1',
    message: {
      id: 'message-1',
      sender: { kind: 'patient', name: 'Dana Whitfield', role: 'patient' },
      sentAt: WEDNESDAY_MORNING.toISOString(),
      body: message.body,
      attachments: [],
      fields: message.fields,
      triage: message.triage,
    },
    handling,
  };
}

type Sent = { message: NewMessage; options: CreateOptions };

function makeClient(overrides: Parameters<typeof fakeClient>[0] = {}, clinic: ClinicConfig = DEMO_CLINIC) {
  const sent: Sent[] = [];
  const drafts: Array<{ id: string; draft: DraftInput }> = [];
  const client = fakeClient({
    getClinic: async () => clinic,
    listDrafts: async () => [],
    saveDraft: async (id: string, draft: DraftInput) => {
      drafts.push({ id, draft });
      return { ...draft, id, updatedAt: new Date().toISOString() };
    },
    deleteDraft: async () => undefined,
    createThread: async (message: NewMessage, options: CreateOptions) => {
      sent.push({ message, options });
      return result(message);
    },
    ...overrides,
  });
  return { client, sent, drafts };
}

/** A server whose answer to Send is held back (a slow connection) until `release()`. */
function heldBackSend() {
  let releaseAnswer: (() => void) | undefined;
  const held = makeClient({
    createThread: async (message: NewMessage, options: CreateOptions) => {
      held.sent.push({ message, options });
      await new Promise<void>((resolve) => (releaseAnswer = resolve));
      return result(message);
    },
  });
  return { ...held, release: () => releaseAnswer?.() };
}

/** Uploads fail with an expired session until `signInAgain(el)` signs the same patient in on the inline form. */
function uploadsUntilSignedIn(attachmentId: string) {
  let expired = true;
  const uploads: string[] = [];
  const made = makeClient({
    uploadAttachment: async (_file: Blob, filename: string) => {
      uploads.push(filename);
      if (expired) throw new PortalError('session-expired', 'expired');
      return { id: attachmentId, filename, contentType: 'application/pdf', size: 13 };
    },
  });
  const signInAgain = (el: PortalCompose) => {
    expired = false;
    host(el).setSession(signedInSession());
    $(el, 'portal-login[part~="reauth-login"]')!.dispatchEvent(
      new PortalSignedInEvent({ mustChangePassword: false, consentRequired: false }),
    );
  };
  return { ...made, uploads, signInAgain };
}

async function mount(
  client: ReturnType<typeof fakeClient>,
  options: { lang?: string; now?: Date; inboxHref?: string; draftDelay?: number; category?: string } = {},
): Promise<PortalCompose> {
  const now = options.now ?? WEDNESDAY_MORNING;
  const el = await mountInProvider<PortalCompose>(
    html`<portal-compose
      .now=${() => now}
      inbox-href=${options.inboxHref ?? '/inbox#{threadId}'}
      draft-delay=${options.draftDelay ?? 60_000}
      category=${(options.category ?? '') as CategoryId}
    ></portal-compose>`,
    client,
    { lang: options.lang ?? 'en', theme: 'light' },
  );
  await waitUntil(
    () =>
      el.shadowRoot!.querySelector('form, [part~="revoked"], [part~="empty"], portal-policy-consent, [part~="error"]'),
    'widget did not settle',
  );
  return el;
}

const $ = <T extends Element = HTMLElement>(el: PortalCompose, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = (el: PortalCompose, selector: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
const host = (el: PortalCompose) => (el.closest('portal-provider') as PortalProvider).host!;

function type(el: PortalCompose, selector: string, value: string) {
  const input = $<HTMLInputElement | HTMLTextAreaElement>(el, selector)!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

async function chooseCategory(el: PortalCompose, id: string) {
  $<HTMLInputElement>(el, `#category-${id}`)!.click();
  await el.updateComplete;
  // The attachment picker's code loads when a category that takes attachments is chosen.
  if (host(el).state.clinic?.categories.find((c) => c.id === id)?.allowsAttachments) {
    await waitUntil(() => $(el, '[part~="attachments"]'), 'the attachment picker did not appear');
  }
}

/** A complete, routine refill request. */
async function fillRefill(el: PortalCompose, body = 'Could you send a refill to my usual pharmacy? Thank you.') {
  await chooseCategory(el, 'refill');
  type(el, '#field-medication', 'Lisinopril');
  type(el, '#field-dose', '10 mg once a day');
  type(el, '#field-pharmacy', 'Walgreens on Preston Rd');
  type(el, '#field-daysLeft', '5');
  type(el, '#subject', 'Refill for lisinopril');
  type(el, '#body', body);
  await el.updateComplete;
}

/** A complete health-form request with one attached PDF, sports-form.pdf (its upload starts at once). */
async function fillHealthForm(el: PortalCompose) {
  await chooseCategory(el, 'health-form');
  type(el, '#field-formName', 'School sports physical');
  type(el, '#field-dueDate', '2026-12-20');
  type(el, '#subject', 'Sports form');
  type(el, '#body', 'Please fill in the attached form.');
  addFiles(el, [new File(['%PDF-1.4 form'], 'sports-form.pdf', { type: 'application/pdf' })]);
}

async function clickSend(el: PortalCompose) {
  $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
  await el.updateComplete;
}

/** The emergency dialog: its code loads once the classifier has, so it may not be in the DOM yet. */
const dialogOf = (el: PortalCompose) => $<HTMLDialogElement>(el, 'dialog');

function buttonByText(root: ParentNode, text: string): HTMLButtonElement {
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes(text));
  if (!button) throw new Error(`no button "${text}"`);
  return button;
}

// ------------------------------------------------------------------ suites

describe('<portal-compose>', () => {
  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  describe('accessibility in each state', () => {
    it('form (no category yet)', async () => {
      const el = await mount(makeClient().client);
      await expect(el).to.be.accessible();
    });

    it('form with a category, fields and attachments', async () => {
      const el = await mount(makeClient().client);
      await chooseCategory(el, 'health-form');
      await expect(el).to.be.accessible();
      await chooseCategory(el, 'billing');
      await expect(el).to.be.accessible();
    });

    it('in Spanish: the form with fields, and the urgent warning', async () => {
      const el = await mount(makeClient().client, { lang: 'es' });
      await chooseCategory(el, 'refill');
      // Spanish loads on demand.
      await waitUntil(() => $(el, 'h2')!.textContent === 'Escribir a la oficina', 'never switched to Spanish');
      await expect(el).to.be.accessible();
      type(el, '#body', 'me arde al orinar y tengo fiebre desde ayer');
      await waitUntil(() => $(el, '[part~="urgent-notice"]'), 'no urgent warning in Spanish');
      await expect(el).to.be.accessible();
    });

    it('loading', async () => {
      const { client } = makeClient({ listDrafts: () => new Promise<Draft[]>(() => undefined) });
      const el = await mountInProvider<PortalCompose>(html`<portal-compose></portal-compose>`, client);
      await waitUntil(() => $(el, '[part~="loading"]'));
      expect(el.matches(':state(loading)')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('error (clinic configuration failed) with Retry', async () => {
      const { client } = makeClient({ getClinic: async () => Promise.reject(new PortalError('network', 'x')) });
      const el = await mount(client);
      expect($(el, '[part~="error"]')).to.exist;
      expect($(el, '[part~="retry-button"]')).to.exist;
      expect(el.matches(':state(error)')).to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('signed out', async () => {
      const { client } = makeClient({ getSession: async () => ({ authenticated: false }) });
      const el = await mount(client);
      expect($(el, 'form')).to.equal(null);
      expect(el.shadowRoot!.textContent).to.contain('Please sign in');
      await expect(el).to.be.accessible();
    });

    it('consent not given: the policy step inline', async () => {
      const { client } = makeClient({
        getSession: async () =>
          signedInSession({ consent: { currentVersion: '2026-12-01', acceptedVersion: null, required: true } }),
        getPolicy: () => new Promise(() => undefined),
      });
      const el = await mount(client);
      expect($(el, 'portal-policy-consent')).to.exist;
      expect($(el, 'form')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('consent not given: accepting the policy inline brings the form', async () => {
      let accepted = false;
      const consent = () => ({
        currentVersion: '2026-12-01',
        acceptedVersion: accepted ? '2026-12-01' : null,
        required: !accepted,
      });
      const { client } = makeClient({
        getSession: async () => signedInSession({ consent: consent() }),
        getPolicy: async () => DEMO_POLICY_DOCUMENTS[0]!,
        getConsent: async () => ({ ...consent(), acceptedAt: accepted ? '2026-12-02T16:05:00.000Z' : null }),
        acceptConsent: async () => {
          accepted = true;
          return { ...consent(), acceptedAt: '2026-12-02T16:05:00.000Z' };
        },
      });
      const el = await mount(client);
      const step = $(el, 'portal-policy-consent')!;
      await waitUntil(() => step.shadowRoot?.querySelector('#agree'), 'the policy did not render');
      step.shadowRoot!.querySelector<HTMLInputElement>('#agree')!.click();
      step.shadowRoot!.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
      await waitUntil(() => $(el, 'form'), 'the form did not follow the accepted policy');
      expect(client.calls).to.include('acceptConsent');
      expect($(el, 'portal-policy-consent')).to.equal(null);
      expect($(el, '#category-refill')).to.exist;
    });

    it('revoked: calm notice with the office phone, no form', async () => {
      const { client } = makeClient({ getSession: async () => signedInSession({ messaging: { allowed: false } }) });
      const el = await mount(client);
      expect($(el, 'form')).to.equal(null);
      const notice = $(el, '[part~="revoked"]')!;
      expect(notice.textContent).to.contain('turned off');
      expect(notice.querySelector('a[href="tel:9725550142"]')).to.exist;
      expect(el.matches(':state(empty)')).to.equal(true);
      expect(client.calls).not.to.include('listDrafts');
      await expect(el).to.be.accessible();
    });

    it('sent, with the handling time and "View in inbox"', async () => {
      const el = await mount(makeClient().client);
      await fillRefill(el);
      await clickSend(el);
      await waitUntil(() => $(el, '[part~="sent"]'));
      await expect(el).to.be.accessible();
    });

    it('emergency dialog open', async () => {
      const el = await mount(makeClient().client);
      await fillRefill(el, 'I have crushing chest pain and I cannot breathe');
      await clickSend(el);
      await waitUntil(() => dialogOf(el)?.open);
      await expect(el).to.be.accessible();
      dialogOf(el)!.querySelector<HTMLButtonElement>('.button.link')!.click();
    });

    it('urgent warning, error summary, not sent yet, re-auth', async () => {
      let fail: PortalError | null = new PortalError('network', 'x');
      const { client } = makeClient({
        createThread: async (message: NewMessage) => {
          if (fail) throw fail;
          return result(message);
        },
      });
      const el = await mount(client);
      await fillRefill(el, 'I have had a fever of 103 since yesterday');
      await waitUntil(() => $(el, '[part~="urgent-notice"]'));
      await clickSend(el);
      await waitUntil(() => $(el, '[part~="error-summary"]'));
      await expect(el).to.be.accessible();
      $<HTMLInputElement>(el, '#urgent-ack')!.click();
      await clickSend(el);
      await waitUntil(() => $(el, '[part~="send-status"]'));
      await expect(el).to.be.accessible();
      fail = new PortalError('session-expired', 'x');
      buttonByText(el.shadowRoot!, 'Try again').click();
      await waitUntil(() => $(el, '[part~="reauth"]'));
      await expect(el).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('has documented defaults', () => {
      const el = document.createElement('portal-compose');
      expect(el.draftDelay).to.equal(2000);
      expect(el.inboxHref).to.equal(undefined);
      expect(el.category).to.equal(undefined);
      expect(el.now()).to.be.instanceOf(Date);
    });

    it('shows the category choice first, each with its description', async () => {
      const el = await mount(makeClient().client);
      const radios = $$(el, 'input[type="radio"][name="category"]');
      expect(radios).to.have.length(6);
      expect($(el, '#subject')).to.equal(null);
      const refill = $(el, '#category-refill')!;
      const description = $(el, `#${refill.getAttribute('aria-describedby')}`)!;
      expect(description.textContent).to.contain('refill of a medication');
    });

    it('always shows the calm safety notice with tel: links to 911 and the office', async () => {
      const el = await mount(makeClient().client);
      const notice = $(el, '[part~="safety-notice"]')!;
      expect(notice.querySelector('a[href="tel:911"]')).to.exist;
      expect(notice.querySelector('a[href="tel:9725550142"]')).to.exist;
      await fillRefill(el);
      expect($(el, '[part~="safety-notice"]')).to.exist;
    });

    it('preselects the category given by the attribute', async () => {
      const el = await mount(makeClient().client, { category: 'billing' });
      expect($<HTMLInputElement>(el, '#category-billing')!.checked).to.equal(true);
      expect($(el, '#field-statementDate')).to.exist;
    });
  });

  describe('category fields', () => {
    it('renders each kind with required markers and validates on Send', async () => {
      const { client, sent } = makeClient();
      const el = await mount(client);
      await chooseCategory(el, 'billing');
      expect($<HTMLInputElement>(el, '#field-statementDate')!.type).to.equal('date');
      expect($(el, '#field-amount')!.getAttribute('inputmode')).to.equal('decimal');
      expect($(el, 'label[for="field-amount"]')!.textContent).to.contain('required');
      type(el, '#field-amount', '12,5x');
      type(el, '#subject', 'Question about my statement');
      type(el, '#body', 'Why was I charged twice?');
      await clickSend(el);
      const summary = $(el, '[part~="error-summary"]')!;
      expect(summary.textContent).to.contain('Statement date');
      expect(summary.textContent).to.contain('Enter an amount in dollars');
      // Compare nodes as a boolean: a failing equality between DOM nodes makes wtr hang (see the kit README).
      expect(el.shadowRoot!.activeElement === summary, 'the error summary has focus').to.equal(true);
      expect($(el, '#field-amount')!.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#field-amount')!.getAttribute('aria-describedby')).to.contain('field-amount-error');
      // A summary link moves focus to its field.
      summary.querySelector<HTMLAnchorElement>('a')!.click();
      expect(el.shadowRoot!.activeElement?.id).to.equal('field-statementDate');
      type(el, '#field-statementDate', '2026-11-15');
      type(el, '#field-amount', '$1,250.50');
      await clickSend(el);
      await waitUntil(() => sent.length === 1);
      expect(sent[0]!.message.fields).to.deep.equal({ statementDate: '2026-11-15', amount: '1250.50' });
      expect(sent[0]!.message.category).to.equal('billing');
    });

    it('an appointment request sends the reason and the days and times that work', async () => {
      const { client, sent } = makeClient();
      const el = await mount(client);
      await chooseCategory(el, 'appointment');
      type(el, '#subject', 'Annual physical');
      type(el, '#body', 'I would like to book my yearly checkup.');
      await clickSend(el);
      const summary = $(el, '[part~="error-summary"]')!.textContent!;
      expect(summary).to.contain('Reason for the visit');
      expect(summary).to.contain('Days and times that work for you');
      expect(sent).to.have.length(0);
      type(el, '#field-reason', 'Yearly physical and blood work');
      type(el, '#field-preferredTimes', 'Tuesday or Thursday mornings');
      await clickSend(el);
      await waitUntil(() => sent.length === 1);
      expect(sent[0]!.message.category).to.equal('appointment');
      expect(sent[0]!.message.fields).to.deep.equal({
        reason: 'Yearly physical and blood work',
        preferredTimes: 'Tuesday or Thursday mornings',
      });
    });

    it('a clinical question says it is not for new problems and can switch to an appointment request', async () => {
      const el = await mount(makeClient().client);
      await chooseCategory(el, 'clinical');
      type(el, '#subject', 'Question about my results');
      await el.updateComplete;
      const notice = $(el, '[part~="clinical-notice"]')!;
      expect(notice.textContent).to.contain('not for diagnosing or treating new problems');
      buttonByText(notice, 'Request an appointment instead').click();
      await el.updateComplete;
      await aTimeout(0);
      expect($<HTMLInputElement>(el, '#category-appointment')!.checked).to.equal(true);
      expect(el.shadowRoot!.activeElement?.id).to.equal('category-appointment');
      expect($<HTMLInputElement>(el, '#subject')!.value).to.equal('Question about my results');
      expect($(el, '#field-reason')).to.exist;
    });

    it('bill payment links to the clinic payment page only when it is https', async () => {
      let el = await mount(makeClient().client);
      await chooseCategory(el, 'bill-payment');
      const link = $<HTMLAnchorElement>(el, '[part~="payment-notice"] a')!;
      expect(link.href).to.equal('https://payments.example.com/bent-tree-family-physicians');
      expect(link.rel).to.contain('noopener');

      const insecure = { ...DEMO_CLINIC, paymentUrl: 'http://payments.example.com/pay' };
      el = await mount(makeClient({}, insecure).client);
      await chooseCategory(el, 'bill-payment');
      expect($(el, '[part~="payment-notice"] a[href^="http:"]')).to.equal(null);
      expect($(el, '[part~="payment-notice"]')!.textContent).to.contain('call the office');
    });

    it('warns about a payment card number, never saves or sends it', async () => {
      const { client, sent, drafts } = makeClient();
      const el = await mount(client, { draftDelay: 20 });
      await chooseCategory(el, 'bill-payment');
      type(el, '#field-amount', '40');
      type(el, '#subject', 'Paying my bill');
      type(el, '#body', 'Please charge my card 4111 1111 1111 1111 exp 12/29');
      await el.updateComplete;
      expect($(el, '[part~="card-warning"]')!.textContent).to.contain('payment card number');
      await aTimeout(80);
      expect(drafts).to.have.length(0);
      await clickSend(el);
      expect($(el, '[part~="error-summary"]')!.textContent).to.contain('Remove the payment card number');
      expect(sent).to.have.length(0);
      // A number that fails the Luhn check is not a card.
      type(el, '#body', 'My account number is 4111 1111 1111 1112');
      await el.updateComplete;
      expect($(el, '[part~="card-warning"]')).to.equal(null);
    });
  });

  describe('business hours (clinic time zone, injected clock)', () => {
    it('weekday during hours: open now, until 5:00 PM Central Time', async () => {
      const el = await mount(makeClient().client, { now: WEDNESDAY_MORNING });
      await chooseCategory(el, 'refill');
      expect($(el, '[part~="handling"]')!.textContent).to.equal(
        'The office is open now. Your message will be handled today during business hours (until 5:00 PM Central Time).',
      );
    });

    it('weekday before opening: today after 8:00 AM', async () => {
      const el = await mount(makeClient().client, { now: WEDNESDAY_EARLY });
      await chooseCategory(el, 'refill');
      expect($(el, '[part~="handling"]')!.textContent).to.equal(
        'The office is closed. Your message will be handled today after 8:00 AM Central Time.',
      );
    });

    it('Friday evening: Monday, December 7, after 8:00 AM Central Time', async () => {
      const el = await mount(makeClient().client, { now: FRIDAY_EVENING });
      await chooseCategory(el, 'refill');
      expect($(el, '[part~="handling"]')!.textContent).to.equal(
        'The office is closed. Your message will be handled on Monday, December 7, after 8:00 AM Central Time.',
      );
    });

    it('before a holiday: skips the closure and the weekend', async () => {
      const el = await mount(makeClient().client, { now: CHRISTMAS_EVE_EVENING });
      await chooseCategory(el, 'refill');
      expect($(el, '[part~="handling"]')!.textContent).to.contain('Monday, December 28, after 8:00 AM Central Time');
    });

    it('in Spanish', async () => {
      const el = await mount(makeClient().client, { now: FRIDAY_EVENING, lang: 'es' });
      await chooseCategory(el, 'refill');
      await waitUntil(() => $(el, '[part~="handling"]')!.textContent!.includes('cerrada'));
      const text = $(el, '[part~="handling"]')!.textContent!;
      expect(text).to.contain('lunes, 7 de diciembre');
      expect(text).to.contain('8:00');
    });

    it('the confirmation repeats the server’s handling time', async () => {
      const { client } = makeClient({
        createThread: async (message: NewMessage) =>
          result(message, { officeOpen: false, handledAt: '2026-12-07T14:00:00.000Z', reason: 'after-hours' }),
      });
      const el = await mount(client, { now: FRIDAY_EVENING });
      await fillRefill(el);
      await clickSend(el);
      await waitUntil(() => $(el, '[part~="sent"]'));
      expect($(el, '[part~="sent"]')!.textContent).to.contain(
        'Your message will be handled on Monday, December 7, after 8:00 AM Central Time.',
      );
    });
  });

  describe('triage', () => {
    it('emergency (English): blocking dialog before sending; "not an emergency" sends it flagged', async () => {
      const { client, sent } = makeClient();
      const el = await mount(client);
      await fillRefill(el, 'I have crushing chest pain and I cannot breathe');
      await clickSend(el);
      await waitUntil(() => dialogOf(el)?.open);
      const dialog = dialogOf(el)!;
      expect(dialog.querySelector('a[href="tel:911"]')).to.exist;
      expect(dialog.textContent).to.contain('nearest emergency room');
      expect(dialog.textContent).to.contain('crushing chest');
      expect(sent).to.have.length(0);
      buttonByText(dialog, 'This is not an emergency').click();
      await waitUntil(() => sent.length === 1);
      expect(sent[0]!.message.triage.level).to.equal('emergency');
      expect(sent[0]!.message.triage.acknowledged).to.equal(true);
      expect(sent[0]!.message.triage.codes).to.include('chest-pain');
    });

    it('emergency: Escape goes back to the message and sends nothing', async () => {
      const { client, sent } = makeClient();
      const el = await mount(client);
      await fillRefill(el, 'my husband is unconscious and not breathing');
      await clickSend(el);
      await waitUntil(() => dialogOf(el)?.open);
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialogOf(el)!.open);
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'body', 'focus did not return to the message');
      expect(sent).to.have.length(0);
      expect($<HTMLTextAreaElement>(el, '#body')!.value).to.contain('unconscious');
    });

    it('emergency (Spanish): the dialog speaks Spanish', async () => {
      const { client, sent } = makeClient();
      const el = await mount(client, { lang: 'es' });
      await fillRefill(el, 'tengo dolor de pecho muy fuerte y no puedo respirar');
      await clickSend(el);
      await waitUntil(() => dialogOf(el)?.open);
      const dialog = dialogOf(el)!;
      expect(dialog.textContent).to.contain('Esto podría ser una emergencia');
      expect(dialog.querySelector('a[href="tel:911"]')!.textContent).to.contain('Llame al 911');
      buttonByText(dialog, 'No es una emergencia').click();
      await waitUntil(() => sent.length === 1);
      expect(sent[0]!.message.triage).to.include({ level: 'emergency', acknowledged: true });
    });

    it('shows an inline emergency alert while typing', async () => {
      const el = await mount(makeClient().client);
      await fillRefill(el, 'I think I am having a stroke, my face is drooping');
      await waitUntil(() => $(el, '[part~="emergency-notice"]'), 'no inline emergency alert');
      expect($(el, '[part~="emergency-notice"] a[href="tel:911"]')).to.exist;
    });

    it('urgent (English): inline warning with the office number; sends after acknowledging', async () => {
      const { client, sent } = makeClient();
      const el = await mount(client);
      await fillRefill(el, 'I ran out of my blood pressure medicine and have none left');
      await waitUntil(() => $(el, '[part~="urgent-notice"]'));
      const notice = $(el, '[part~="urgent-notice"]')!;
      expect(notice.querySelector('a[href="tel:9725550142"]')).to.exist;
      await clickSend(el);
      expect(sent).to.have.length(0);
      expect($(el, '[part~="error-summary"]')!.textContent).to.contain('tick the box');
      $<HTMLInputElement>(el, '#urgent-ack')!.click();
      await clickSend(el);
      await waitUntil(() => sent.length === 1);
      expect(sent[0]!.message.triage).to.deep.equal({
        level: 'urgent',
        codes: ['time-sensitive-med-out'],
        acknowledged: true,
      });
    });

    it('urgent (Spanish)', async () => {
      const { client, sent } = makeClient();
      const el = await mount(client, { lang: 'es' });
      await fillRefill(el, 'Tengo fiebre de 39.5 desde ayer');
      await waitUntil(() => $(el, '[part~="urgent-notice"]'));
      expect($(el, '[part~="urgent-notice"]')!.textContent).to.contain('Llame a la oficina');
      $<HTMLInputElement>(el, '#urgent-ack')!.click();
      await clickSend(el);
      await waitUntil(() => sent.length === 1);
      expect(sent[0]!.message.triage.level).to.equal('urgent');
    });

    it('routine text is sent as routine, unacknowledged', async () => {
      const { client, sent } = makeClient();
      const el = await mount(client);
      await fillRefill(el, 'Please refill. My father had a heart attack in 2010, so I keep taking it.');
      await clickSend(el);
      await waitUntil(() => sent.length === 1);
      expect(sent[0]!.message.triage).to.deep.equal({ level: 'routine', codes: [], acknowledged: false });
    });
  });

  describe('sending', () => {
    it('sends once on a double click, and fires portal-message-sent with ids only', async () => {
      const { client, release } = heldBackSend();
      const el = await mount(client);
      await fillRefill(el);
      const button = $<HTMLButtonElement>(el, '[part~="submit-button"]')!;
      button.click();
      button.click();
      await el.updateComplete;
      expect(el.matches(':state(submitting)')).to.equal(true);
      expect(button.textContent).to.contain('Sending');
      button.click();
      await aTimeout(20);
      expect(client.calls.filter((c) => c === 'createThread')).to.have.length(1);
      const event = oneEvent(el, 'portal-message-sent');
      release();
      const { detail } = await event;
      expect(detail).to.deep.equal({ threadId: 'thread-1', messageId: 'message-1', category: 'refill', reply: false });
      await waitUntil(() => $(el, '[part~="sent"]'));
      expect(el.shadowRoot!.activeElement?.id).to.equal('sent-title');
      expect($<HTMLAnchorElement>(el, '[part~="inbox-link"]')!.getAttribute('href')).to.equal('/inbox#thread-1');
    });

    it('without inbox-href the confirmation still says where the message is; unsafe links are dropped', async () => {
      for (const inboxHref of ['', 'javascript:alert(1)']) {
        const { client, sent } = makeClient();
        const el = await mountInProvider<PortalCompose>(
          html`<portal-compose .now=${() => WEDNESDAY_MORNING} inbox-href=${inboxHref}></portal-compose>`,
          client,
        );
        await waitUntil(() => $(el, 'form'));
        await fillRefill(el);
        await clickSend(el);
        await waitUntil(() => $(el, '[part~="sent"]'));
        expect(sent).to.have.length(1);
        expect($(el, '[part~="inbox-link"]'), inboxHref).to.equal(null);
        expect($(el, '[part~="inbox-text"]')!.textContent).to.contain('with your messages in the patient portal');
        el.closest('portal-provider')!.remove();
      }
    });

    it('Enter held in a one-line field does not send; Enter held on Send sends once', async () => {
      const { client, sent, release } = heldBackSend();
      const el = await mount(client);
      await fillRefill(el);
      $<HTMLInputElement>(el, '#subject')!.focus();
      await sendKeys({ press: 'Enter' });
      await aTimeout(20);
      expect(sent).to.have.length(0);
      const button = $<HTMLButtonElement>(el, '[part~="submit-button"]')!;
      button.focus();
      await sendKeys({ down: 'Enter' });
      await waitUntil(() => sent.length === 1, 'the first Enter did not send');
      // Auto-repeat: more keydowns while the first send is still in flight, focus still on Send.
      expect(el.shadowRoot!.activeElement).to.equal(button);
      await sendKeys({ down: 'Enter' });
      await sendKeys({ down: 'Enter' });
      await sendKeys({ down: 'Enter' });
      await sendKeys({ up: 'Enter' });
      await aTimeout(20);
      expect(client.calls.filter((c) => c === 'createThread')).to.have.length(1);
      release();
      await waitUntil(() => $(el, '[part~="sent"]'));
      expect(sent).to.have.length(1);
    });

    it('network failure keeps text and attachments; Retry succeeds with the same idempotency key', async () => {
      let attempt = 0;
      const keys: string[] = [];
      const { client, sent } = makeClient({
        uploadAttachment: async (_file: Blob, filename: string, options: UploadOptions) => {
          options.onProgress?.(5, 10);
          return { id: 'att-1', filename, contentType: 'application/pdf', size: 10 };
        },
        createThread: async (message: NewMessage, options: CreateOptions) => {
          keys.push(options.idempotencyKey);
          attempt += 1;
          if (attempt === 1) throw new PortalError('network', 'offline');
          sent.push({ message, options });
          return result(message);
        },
      });
      const el = await mount(client);
      await fillHealthForm(el);
      await waitUntil(() => $(el, '.kit-file-done'));
      await clickSend(el);
      await waitUntil(() => $(el, '[part~="send-status"]'));
      expect($(el, '[part~="send-status"]')!.textContent).to.contain('Not sent yet');
      expect($<HTMLTextAreaElement>(el, '#body')!.value).to.equal('Please fill in the attached form.');
      expect($<HTMLInputElement>(el, '#subject')!.value).to.equal('Sports form');
      expect($(el, '.kit-file-name')!.textContent).to.equal('sports-form.pdf');
      buttonByText($(el, '[part~="send-status"]')!, 'Try again').click();
      await waitUntil(() => $(el, '[part~="sent"]'));
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
      expect(sent[0]!.message.attachmentIds).to.deep.equal(['att-1']);
    });

    it('server error: message by type, Retry, text kept', async () => {
      let fail = true;
      const { client, sent } = makeClient({
        createThread: async (message: NewMessage, options: CreateOptions) => {
          if (fail) throw new PortalError('server', 'boom <b>internal</b>');
          sent.push({ message, options });
          return result(message);
        },
      });
      const el = await mount(client);
      await fillRefill(el);
      await clickSend(el);
      await waitUntil(() => $(el, '[part~="send-status"]'));
      const status = $(el, '[part~="send-status"]')!;
      expect(status.getAttribute('role')).to.equal('alert');
      expect(status.textContent).to.contain('had a problem');
      expect(status.textContent).not.to.contain('internal');
      fail = false;
      buttonByText(status, 'Try again').click();
      await waitUntil(() => sent.length === 1);
    });

    it('session expired on Send: inline sign-in, then the send completes with the same key', async () => {
      const keys: string[] = [];
      let expired = true;
      const { client, sent } = makeClient({
        createThread: async (message: NewMessage, options: CreateOptions) => {
          keys.push(options.idempotencyKey);
          if (expired) throw new PortalError('session-expired', 'expired');
          sent.push({ message, options });
          return result(message);
        },
      });
      const el = await mount(client);
      await fillRefill(el);
      await clickSend(el);
      await waitUntil(() => $(el, 'portal-login[part~="reauth-login"]'));
      const login = $(el, 'portal-login[part~="reauth-login"]')!;
      expect(login.hasAttribute('reauth')).to.equal(true);
      expect(host(el).state.reauthRequired).to.equal(true);
      expect($<HTMLTextAreaElement>(el, '#body')!.value).to.contain('refill');
      // The login widget signs the same patient in again.
      expired = false;
      host(el).setSession(signedInSession());
      login.dispatchEvent(new PortalSignedInEvent({ mustChangePassword: false, consentRequired: false }));
      await waitUntil(() => $(el, '[part~="sent"]'));
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
    });

    it('session expired during an upload: inline sign-in, the file uploads again, then Send completes', async () => {
      const { client, sent, uploads, signInAgain } = uploadsUntilSignedIn('att-7');
      const el = await mount(client);
      await fillHealthForm(el);
      await waitUntil(() => $(el, 'portal-login[part~="reauth-login"]'), 'no inline sign-in after the upload failed');
      expect($(el, '[part~="reauth"]')!.textContent).to.contain('Sign in again to attach your file');
      expect(host(el).state.reauthRequired).to.equal(true);
      // Send while the sign-in is showing: nothing goes out yet, nothing is lost.
      await clickSend(el);
      expect(sent).to.have.length(0);
      expect($<HTMLTextAreaElement>(el, '#body')!.value).to.equal('Please fill in the attached form.');
      expect($(el, '.kit-file-name')!.textContent).to.equal('sports-form.pdf');
      signInAgain(el);
      await waitUntil(() => $(el, '[part~="sent"]'), 'the send did not complete after signing in');
      expect(uploads).to.deep.equal(['sports-form.pdf', 'sports-form.pdf']);
      expect(sent).to.have.length(1);
      expect(sent[0]!.message.attachmentIds).to.deep.equal(['att-7']);
    });

    it('session expired during an upload, Send not pressed: after signing in the file uploads and nothing is sent', async () => {
      const { client, sent, signInAgain } = uploadsUntilSignedIn('att-8');
      const el = await mount(client);
      await chooseCategory(el, 'health-form');
      addFiles(el, [new File(['%PDF-1.4 form'], 'lab-order.pdf', { type: 'application/pdf' })]);
      await waitUntil(() => $(el, 'portal-login[part~="reauth-login"]'));
      signInAgain(el);
      await waitUntil(() => $(el, '.kit-file-done'), 'the file was not uploaded again');
      expect($(el, 'portal-login[part~="reauth-login"]')).to.equal(null);
      await aTimeout(20);
      expect(sent).to.have.length(0);
    });

    it('never sends the message as a different patient who signs in on the re-auth form', async () => {
      let expired = true;
      const { client, sent } = makeClient({
        createThread: async (message: NewMessage, options: CreateOptions) => {
          if (expired) throw new PortalError('session-expired', 'expired');
          sent.push({ message, options });
          return result(message);
        },
      });
      const el = await mount(client);
      await fillRefill(el);
      await clickSend(el);
      await waitUntil(() => $(el, 'portal-login[part~="reauth-login"]'));
      expired = false;
      const login = $(el, 'portal-login[part~="reauth-login"]')!;
      host(el).setSession(signedInSession({ patient: { id: 'bea', displayName: 'Bea' } }));
      login.dispatchEvent(new PortalSignedInEvent({ mustChangePassword: false, consentRequired: false }));
      await aTimeout(30);
      expect(sent).to.have.length(0);
      expect($<HTMLInputElement>(el, '#category-refill')!.checked).to.equal(false);
      expect(el.shadowRoot!.textContent).not.to.contain('Lisinopril');
    });

    it('messaging revoked on Send: shows the revoked notice', async () => {
      let revoked = false;
      const { client } = makeClient({
        getSession: async () => signedInSession({ messaging: { allowed: !revoked } }),
        createThread: async () => {
          revoked = true;
          throw new PortalError('messaging-revoked', 'no');
        },
      });
      const el = await mount(client);
      await fillRefill(el);
      await clickSend(el);
      await waitUntil(() => $(el, '[part~="revoked"]'));
      expect($(el, 'form')).to.equal(null);
    });
  });

  describe('drafts', () => {
    it('autosaves to the backend after a pause, with one client-chosen id, and announces it', async () => {
      const { client, drafts } = makeClient();
      const el = await mount(client, { draftDelay: 30 });
      const saved = oneEvent(el, 'portal-draft-saved');
      await fillRefill(el);
      const { detail } = await saved;
      expect(drafts.length).to.be.greaterThan(0);
      const last = drafts[drafts.length - 1]!;
      expect(last.id).to.equal(detail.draftId);
      expect(last.draft).to.deep.include({ threadId: null, category: 'refill', subject: 'Refill for lisinopril' });
      expect(last.draft.fields).to.deep.include({ medication: 'Lisinopril' });
      type(el, '#body', 'Changed my mind about the wording.');
      await waitUntil(() => drafts[drafts.length - 1]!.draft.body === 'Changed my mind about the wording.');
      expect(new Set(drafts.map((d) => d.id)).size).to.equal(1);
      expect($(el, '[part~="draft-status"]')!.textContent).to.contain('Draft saved');
      expect(localStorage.length).to.equal(0);
      expect(sessionStorage.length).to.equal(0);
    });

    it('restores the latest draft and sends it with its id; discard is explicit', async () => {
      const draft: Draft = {
        id: 'draft-7',
        threadId: null,
        category: 'refill',
        fields: { medication: 'Metformin', dose: '500 mg', pharmacy: 'CVS', daysLeft: '3' },
        subject: 'Metformin refill',
        body: 'Started on my phone.',
        attachmentIds: [],
        updatedAt: '2026-12-02T15:00:00.000Z',
      };
      const older = { ...draft, id: 'draft-1', subject: 'Old', updatedAt: '2026-11-01T15:00:00.000Z' };
      const reply = { ...draft, id: 'draft-9', threadId: 'thread-3', updatedAt: '2026-12-02T15:30:00.000Z' };
      const { client, sent } = makeClient({ listDrafts: async () => [older, draft, reply] });
      const el = await mount(client);
      expect($<HTMLInputElement>(el, '#category-refill')!.checked).to.equal(true);
      expect($<HTMLInputElement>(el, '#field-medication')!.value).to.equal('Metformin');
      expect($<HTMLTextAreaElement>(el, '#body')!.value).to.equal('Started on my phone.');
      expect($(el, '[part~="restored"]')!.textContent).to.contain('brought back');
      await clickSend(el);
      await waitUntil(() => sent.length === 1);
      expect(sent[0]!.message.draftId).to.equal('draft-7');
    });

    it('discard asks first, deletes the draft on the server and empties the form', async () => {
      const deleted: string[] = [];
      const draft: Draft = {
        id: 'draft-7',
        threadId: null,
        category: 'billing',
        fields: {},
        subject: 'Statement',
        body: 'Question',
        attachmentIds: [],
        updatedAt: '2026-12-02T15:00:00.000Z',
      };
      const { client } = makeClient({
        listDrafts: async () => [draft],
        deleteDraft: async (id: string) => {
          deleted.push(id);
        },
      });
      const el = await mount(client);
      buttonByText(el.shadowRoot!, 'Discard draft').click();
      await el.updateComplete;
      expect(deleted).to.have.length(0);
      expect(el.shadowRoot!.activeElement?.id).to.equal('discard-yes');
      buttonByText(el.shadowRoot!, 'Yes, discard it').click();
      await waitUntil(() => deleted.length === 1);
      expect(deleted).to.deep.equal(['draft-7']);
      await el.updateComplete;
      expect($(el, '#subject')).to.equal(null);
      expect($<HTMLInputElement>(el, '#category-billing')!.checked).to.equal(false);
    });

    it('a draft load failure does not block writing', async () => {
      const { client } = makeClient({ listDrafts: async () => Promise.reject(new PortalError('server', 'x')) });
      const el = await mount(client);
      expect($(el, 'form')).to.exist;
      expect(el.shadowRoot!.textContent).to.contain('could not check for a message you started');
    });
  });

  describe('attachments', () => {
    it('loads the picker only for a category that takes attachments, and keeps a restored draft’s files', async () => {
      const draft: Draft = {
        id: 'draft-3',
        threadId: null,
        category: 'health-form',
        fields: {},
        subject: 'School form',
        body: 'The form is attached.',
        attachmentIds: ['att-41'],
        updatedAt: '2026-12-02T15:00:00.000Z',
      };
      const { client, sent } = makeClient({ listDrafts: async () => [draft] });
      const el = await mount(client);
      // Sent with the message even if Send comes before the picker is on screen.
      await waitUntil(() => $(el, '[part~="attachments"]'), 'the attachment picker did not appear');
      expect($(el, '.kit-file-name')!.textContent).to.equal('Attached file 1');
      await expect(el).to.be.accessible();
      await chooseCategory(el, 'refill');
      expect($(el, '[part~="attachments"]')).to.equal(null);
      await chooseCategory(el, 'health-form');
      type(el, '#field-formName', 'Sports physical');
      type(el, '#field-dueDate', '2026-12-20');
      await clickSend(el);
      await waitUntil(() => sent.length === 1, 'not sent');
      expect(sent[0]!.message.attachmentIds).to.deep.equal(['att-41']);
    });

    it('lists a restored draft’s files by name, and leaves out any the server no longer has', async () => {
      const draft: Draft = {
        id: 'draft-4',
        threadId: null,
        category: 'health-form',
        fields: { formName: 'Sports physical', dueDate: '2026-12-20' },
        subject: 'School form',
        body: 'The form is attached.',
        attachmentIds: ['att-41', 'att-expired'],
        attachments: [{ id: 'att-41', filename: 'sports-physical.pdf', contentType: 'application/pdf', size: 48_000 }],
        updatedAt: '2026-12-02T15:00:00.000Z',
      };
      const { client, sent } = makeClient({ listDrafts: async () => [draft] });
      const el = await mount(client);
      await waitUntil(() => $(el, '.kit-file-name'), 'no file listed');
      expect([...el.shadowRoot!.querySelectorAll('.kit-file-name')].map((n) => n.textContent)).to.deep.equal([
        'sports-physical.pdf',
      ]);
      await clickSend(el);
      await waitUntil(() => sent.length === 1, 'not sent');
      expect(sent[0]!.message.attachmentIds).to.deep.equal(['att-41']);
    });

    it('takes files dropped on the drop zone, with the same checks', async () => {
      const uploads: string[] = [];
      const { client } = makeClient({
        uploadAttachment: async (_file: Blob, filename: string) => {
          uploads.push(filename);
          return { id: `att-${uploads.length}`, filename, contentType: 'application/pdf', size: 4 };
        },
      });
      const el = await mount(client);
      await chooseCategory(el, 'health-form');
      const zone = $(el, '[part~="drop-zone"]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File(['%PDF'], 'school-form.pdf', { type: 'application/pdf' }));
      transfer.items.add(new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }));
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      await el.updateComplete;
      expect(zone.classList.contains('kit-drop-active')).to.equal(true);
      const drop = new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true });
      zone.dispatchEvent(drop);
      expect(drop.defaultPrevented, 'the browser would open the file instead').to.equal(true);
      await waitUntil(() => $(el, '.kit-file-done'), 'the dropped file was not uploaded');
      expect(uploads).to.deep.equal(['school-form.pdf']);
      expect($(el, '.kit-refusals')!.textContent).to.contain('“setup.exe” was not added');
      expect(zone.classList.contains('kit-drop-active')).to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('checks count, size and type before uploading, with specific messages', async () => {
      const uploads: string[] = [];
      const { client } = makeClient({
        uploadAttachment: async (_file: Blob, filename: string, options: UploadOptions) => {
          uploads.push(filename);
          options.onProgress?.(1, 2);
          return { id: `att-${uploads.length}`, filename, contentType: 'application/pdf', size: 2 };
        },
      });
      const el = await mount(client);
      await chooseCategory(el, 'health-form');
      const hint = $(el, '[part~="attachments"] .hint')!.textContent!;
      expect(hint).to.contain('Up to 5 files');
      expect(hint).to.contain('10 MB');
      const big = new File([new Uint8Array(11 * 1024 * 1024)], 'scan.pdf', { type: 'application/pdf' });
      addFiles(el, [
        big,
        new File(['x'], 'notes.docx', {
          type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
        new File(['<img src=x onerror=alert(1)>'], '<img src=x onerror=alert(1)>.png', { type: 'image/png' }),
      ]);
      await el.updateComplete;
      const refusals = $(el, '.kit-refusals')!.textContent!;
      expect(refusals).to.contain('“scan.pdf” was not added: it is 11 MB, and each file can be at most 10 MB.');
      expect(refusals).to.contain(
        '“notes.docx” was not added: that type of file is not accepted. You can attach PDF, JPEG, PNG, or HEIC files.',
      );
      await waitUntil(() => uploads.length === 1);
      // Hostile file names are text, never markup.
      expect($(el, '.kit-file-name')!.textContent).to.equal('<img src=x onerror=alert(1)>.png');
      expect($(el, '[part~="attachments"] img')).to.equal(null);
      addFiles(
        el,
        [1, 2, 3, 4, 5].map((n) => new File(['%PDF'], `page-${n}.pdf`, { type: 'application/pdf' })),
      );
      await el.updateComplete;
      expect($(el, '.kit-refusals')!.textContent).to.contain(
        '“page-5.pdf” was not added: you can attach up to 5 files.',
      );
      await waitUntil(() => uploads.length === 5);
      expect($$(el, '.kit-file-item')).to.have.length(5);
      expect($<HTMLInputElement>(el, 'input[type="file"]')!.disabled).to.equal(true);
    });

    it('shows progress, and Remove takes a file out', async () => {
      let finish!: () => void;
      const { client, sent } = makeClient({
        uploadAttachment: async (_file: Blob, filename: string, options: UploadOptions) => {
          options.onProgress?.(4, 10);
          await new Promise<void>((resolve) => (finish = resolve));
          return { id: 'att-1', filename, contentType: 'application/pdf', size: 10 };
        },
      });
      const el = await mount(client);
      await chooseCategory(el, 'health-form');
      addFiles(el, [new File(['0123456789'], 'form.pdf', { type: 'application/pdf' })]);
      await waitUntil(() => $(el, 'progress'));
      expect($<HTMLProgressElement>(el, 'progress')!.value).to.equal(40);
      expect($(el, 'progress')!.getAttribute('aria-label')).to.equal('Uploading form.pdf');
      // Send waits for uploads.
      type(el, '#field-formName', 'FMLA');
      type(el, '#field-dueDate', '2026-12-20');
      type(el, '#subject', 'FMLA form');
      type(el, '#body', 'Attached.');
      await clickSend(el);
      expect($(el, '[part~="error-summary"]')!.textContent).to.contain('finish uploading');
      expect(sent).to.have.length(0);
      finish();
      await waitUntil(() => $(el, '.kit-file-done'));
      buttonByText($(el, '.kit-file-item')!, 'Remove').click();
      await el.updateComplete;
      expect($$(el, '.kit-file-item')).to.have.length(0);
    });
  });

  describe('session', () => {
    it('signing out drops everything the patient wrote', async () => {
      const el = await mount(makeClient().client);
      await fillRefill(el, 'A private note about my medication');
      await host(el).signOut('user', { callServer: false });
      await el.updateComplete;
      expect($(el, 'form')).to.equal(null);
      expect(el.shadowRoot!.textContent).not.to.contain('private note');
      host(el).setSession(signedInSession());
      await waitUntil(() => $(el, 'form'));
      await el.updateComplete;
      expect($(el, '#body')).to.equal(null);
      expect($<HTMLInputElement>(el, '#category-refill')!.checked).to.equal(false);
    });
  });

  describe('keyboard and small screens', () => {
    it('can be completed with the keyboard only', async () => {
      const { client, sent } = makeClient();
      const el = await mount(client);
      await tabTo(el, (a) => a instanceof HTMLInputElement && a.type === 'radio');
      await sendKeys({ press: 'Space' }); // appointment
      await sendKeys({ press: 'ArrowDown' }); // billing
      await sendKeys({ press: 'ArrowDown' }); // clinical
      await sendKeys({ press: 'ArrowDown' }); // refill
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#category-refill')!.checked).to.equal(true);
      for (const [id, text] of [
        ['field-medication', 'Lisinopril'],
        ['field-dose', '10 mg'],
        ['field-pharmacy', 'CVS'],
        ['field-daysLeft', '4'],
        ['subject', 'Refill please'],
        ['body', 'Thank you'],
      ] as const) {
        await tabTo(el, (a) => a.id === id);
        await sendKeys({ type: text });
      }
      await tabTo(el, (a) => a.getAttribute('part') === 'submit-button');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => sent.length === 1);
      expect(sent[0]!.message.fields).to.deep.equal({
        medication: 'Lisinopril',
        dose: '10 mg',
        pharmacy: 'CVS',
        daysLeft: '4',
      });
      expect(sent[0]!.message.body).to.equal('Thank you');
    });

    it('fits a 320 px wide screen without horizontal scrolling', async () => {
      await setViewport({ width: 320, height: 700 });
      const el = await mount(makeClient().client);
      await chooseCategory(el, 'health-form');
      type(el, '#body', 'A long word: pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(3));
      addFiles(el, [new File(['x'], `${'very-long-file-name-'.repeat(8)}.pdf`, { type: 'text/csv' })]);
      await el.updateComplete;
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      for (const node of $$(el, '*')) {
        const rect = node.getBoundingClientRect();
        if (rect.width === 0 || node.classList.contains('visually-hidden') || node.closest('dialog:not([open])'))
          continue;
        expect(rect.right, `${node.tagName}.${node.className} overflows`).to.be.at.most(320.5);
      }
    });
  });
});

// ------------------------------------------------------------------ helpers

function addFiles(el: PortalCompose, files: File[]) {
  const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** Press Tab until the focused element (inside the widget) matches. */
async function tabTo(el: PortalCompose, match: (active: Element) => boolean) {
  for (let i = 0; i < 40; i++) {
    const active = el.shadowRoot!.activeElement;
    if (active && match(active)) return;
    await sendKeys({ press: 'Tab' });
  }
  throw new Error('focus never reached the target');
}
