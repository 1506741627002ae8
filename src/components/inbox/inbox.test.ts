import { aTimeout, expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PortalError } from '../../api/errors.js';
import type { ThreadQuery } from '../../api/schemas.js';
import '../../define/inbox.js';
import type {
  PortalMessageSentEvent,
  PortalRequestComposeEvent,
  PortalThreadOpenedEvent,
  PortalUnreadChangedEvent,
} from '../../events/events.js';
import type { PortalProvider } from '../provider/provider.js';
import { mountInProvider } from '../../internal/test-helpers.js';
import type { PortalInbox } from './inbox.js';
import { InboxPoller } from './inbox-poller.js';
import { createInboxFixture, inboxSession, type InboxFixture } from './inbox-fixtures.js';

// ---------------------------------------------------------------- helpers

async function mount(fixture: InboxFixture, attrs: { threadId?: string; lang?: string; pollInterval?: number } = {}) {
  const el = await mountInProvider<PortalInbox>(
    html`<portal-inbox
      compose-href="/write.html"
      preferences-href="/preferences.html"
      thread-id=${ifDefined(attrs.threadId)}
      poll-interval=${attrs.pollInterval ?? 30000}
    ></portal-inbox>`,
    fixture.client,
    { lang: attrs.lang ?? 'en' },
  );
  return el;
}

const root = (el: PortalInbox) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: PortalInbox, selector: string) => root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: PortalInbox, selector: string) => [...root(el).querySelectorAll<T>(selector)];
const rows = (el: PortalInbox) => $$(el, '.row-button');
const row = (el: PortalInbox, index: number) => $(el, `.row-button[data-index="${index}"]`)!;
const deepActive = (): Element | null => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

async function listReady(el: PortalInbox) {
  await waitUntil(() => $(el, '.row-button:not([aria-disabled])') || $(el, '[part~="empty"]'), 'list did not load');
  await el.updateComplete;
}

/** Set `threadId` and wait for that thread (not the one still on screen). */
async function openThread(el: PortalInbox, id: string) {
  el.threadId = id;
  await el.updateComplete;
  await threadReady(el);
}

async function threadReady(el: PortalInbox) {
  await waitUntil(() => $(el, '.messages'), 'thread did not load');
  await el.updateComplete;
}

function provider(el: PortalInbox): PortalProvider {
  return el.closest('portal-provider')!;
}

/**
 * Scroll like a patient would. The browser fires `scroll` while rendering a
 * frame, which a background tab (the test runner runs files side by side)
 * never does: fire it here.
 */
function scrollTo(scroller: HTMLElement, top: number) {
  scroller.scrollTop = top;
  scroller.dispatchEvent(new Event('scroll'));
}

/** The runner's tab may be in the background, where the inbox rightly stops polling: present it as visible. */
function pretendVisible(): () => void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  return () => delete (document as unknown as Record<string, unknown>)['visibilityState'];
}

// ---------------------------------------------------------------- suite

describe('<portal-inbox>', () => {
  // Lit dev-mode warnings (e.g. an update scheduled after an update) and console errors fail the test.
  const consoleMessages: string[] = [];
  // eslint-disable-next-line no-console
  const original = { error: console.error, warn: console.warn };
  beforeEach(() => {
    consoleMessages.length = 0;
    // eslint-disable-next-line no-console
    console.error = (...args: unknown[]) => consoleMessages.push(`error: ${args.join(' ')}`);
    console.warn = (...args: unknown[]) => {
      const text = args.join(' ');
      if (!text.includes('Lit is in dev mode')) consoleMessages.push(`warn: ${text}`);
    };
  });
  afterEach(async () => {
    // eslint-disable-next-line no-console
    console.error = original.error;
    console.warn = original.warn;
    await setViewport({ width: 800, height: 600 });
    expect(consoleMessages, 'console errors or Lit warnings').to.deep.equal([]);
  });

  describe('accessibility in every state', () => {
    it('loading', async () => {
      const el = await mount(createInboxFixtureWithPendingList());
      await waitUntil(() => $(el, '[part~="loading"]'));
      await expect(el).to.be.accessible();
    });

    it('ready (list)', async () => {
      const el = await mount(createInboxFixture({ threads: 30 }));
      await listReady(el);
      await expect(el).to.be.accessible();
    });

    it('empty', async () => {
      const el = await mount(createInboxFixture({ threads: 0 }));
      await listReady(el);
      expect($(el, '[part~="empty"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('error with retry', async () => {
      const fixture = createInboxFixture();
      fixture.fail('listThreads', new PortalError('server', 'boom', { status: 500 }));
      const el = await mount(fixture);
      await waitUntil(() => $(el, '[role="alert"]'));
      expect($(el, '[part~="retry-button"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('thread view with the reply form', async () => {
      const el = await mount(createInboxFixture(), { threadId: 't0' });
      await threadReady(el);
      expect($(el, '#reply-body')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('consent required', async () => {
      const fixture = createInboxFixture({
        session: inboxSession({ consent: { currentVersion: '2026-12-01', acceptedVersion: null, required: true } }),
      });
      const el = await mount(fixture);
      await waitUntil(() => $(el, 'portal-policy-consent'));
      expect(fixture.client.calls).not.to.include('listThreads');
      await expect(el).to.be.accessible();
    });

    it('messaging revoked (list and thread)', async () => {
      const el = await mount(createInboxFixture({ session: inboxSession({ messaging: { allowed: false } }) }));
      await listReady(el);
      await expect(el).to.be.accessible();
      row(el, 0).click();
      await threadReady(el);
      await expect(el).to.be.accessible();
    });

    it('notification email bounced', async () => {
      const el = await mount(createInboxFixture({ session: inboxSession({ notificationEmailBounced: true }) }));
      await listReady(el);
      expect($(el, '[part~="bounce-banner"]')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('signed out', async () => {
      const el = await mount(createInboxFixture({ session: { authenticated: false } }));
      await waitUntil(() => root(el).textContent?.includes('signed out'));
      await expect(el).to.be.accessible();
    });

    it('hostile content (list and thread)', async () => {
      const el = await mount(createInboxFixture({ hostile: true }));
      await listReady(el);
      await expect(el).to.be.accessible();
      await openThread(el, 'hostile-html');
      await expect(el).to.be.accessible();
    });

    it('Spanish', async () => {
      const el = await mount(createInboxFixture(), { lang: 'es' });
      await listReady(el);
      await waitUntil(() => $(el, '.title')?.textContent?.includes('Mensajes'));
      await expect(el).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('has documented defaults', () => {
      const el = document.createElement('portal-inbox');
      expect(el.threadId).to.equal(null);
      expect(el.pollInterval).to.equal(30000);
      expect(el.composeHref).to.equal(undefined);
      expect(el.preferencesHref).to.equal(undefined);
      expect(el.unreadTotal).to.equal(null);
    });
  });

  describe('list (part="list")', () => {
    it('shows subject, category, last sender with role, time, unread count and attachments, newest first', async () => {
      const fixture = createInboxFixture({ threads: 12, unread: 1 });
      const el = await mount(fixture);
      await listReady(el);
      const first = row(el, 0);
      expect(first.querySelector('.subject')!.textContent).to.equal(fixture.threads[0]!.subject);
      expect(first.querySelector('.category')!.textContent).to.contain('Appointment request');
      expect(first.querySelector('.sender')!.textContent).to.contain('Dr. Maya Patel, physician');
      expect(first.querySelector('.sender bdi')!.textContent).to.equal('Dr. Maya Patel');
      const time = first.querySelector('time')!;
      expect(time.getAttribute('datetime')).to.equal(fixture.threads[0]!.lastActivityAt);
      expect(time.getAttribute('title')).to.match(/2026|20\d\d/);
      expect(time.textContent).to.match(/minutes? ago|hour/);
      expect(first.closest('.row')!.classList.contains('unread')).to.equal(true);
      expect(first.textContent).to.contain('1 unread message');
      expect(row(el, 1).closest('.row')!.classList.contains('unread')).to.equal(false);
      // health-form threads (index 4) carry attachments
      expect(row(el, 4).textContent).to.contain('Has attachments');
      // The patient's own messages say "You", never a name the server sent.
      const own = fixture.threads.findIndex((t) => t.lastSender.kind === 'patient');
      expect(row(el, own).querySelector('.sender')!.textContent).to.contain('You');
      expect($(el, '.badge')!.textContent).to.contain('1 unread');
    });

    it('gives every row its real position and the list its real size', async () => {
      const el = await mount(createInboxFixture({ threads: 250 }));
      await listReady(el);
      const items = $$(el, '[part~="list"] > [role="listitem"]');
      expect(items[0]!.getAttribute('aria-setsize')).to.equal('250');
      expect(items[0]!.getAttribute('aria-posinset')).to.equal('1');
      expect($(el, '[part~="list"]')!.getAttribute('aria-label')).to.equal('Conversations');
    });

    it('keeps the DOM small with 10,000 threads and loads pages as the patient scrolls', async () => {
      const fixture = createInboxFixture({ threads: 10_000 });
      const el = await mount(fixture);
      await listReady(el);
      const countRows = () => $$(el, '[part~="list"] > [role="listitem"]').length;
      expect(countRows()).to.be.lessThan(40);
      expect(root(el).querySelectorAll('*').length).to.be.lessThan(800);
      expect(fixture.client.calls.filter((c) => c === 'listThreads').length).to.equal(1);

      // Jump to the very end: pages chain in, the last row renders, the DOM stays small.
      const scroller = $(el, '.scroller')!;
      scrollTo(scroller, scroller.scrollHeight);
      await waitUntil(() => $(el, '[aria-posinset="10000"] .subject'), 'last row did not load', { timeout: 10000 });
      expect(countRows()).to.be.lessThan(40);
      expect(root(el).querySelectorAll('*').length).to.be.lessThan(800);
      const last = $(el, '[aria-posinset="10000"] .subject')!;
      expect(last.textContent).to.equal(fixture.threads[9999]!.subject);
    });

    it('loads the next page before the patient reaches the end of the loaded ones', async () => {
      const fixture = createInboxFixture({ threads: 450 });
      const el = await mount(fixture);
      await listReady(el);
      const scroller = $(el, '.scroller')!;
      const rowHeight = row(el, 0).getBoundingClientRect().height;
      scrollTo(scroller, rowHeight * 80);
      await waitUntil(() => fixture.client.calls.filter((c) => c === 'listThreads').length >= 2);
      await el.updateComplete;
      expect($$(el, '.row.placeholder').length).to.equal(0);
    });
  });

  describe('keyboard', () => {
    it('has one tab stop; arrows, Home and End move between rows; Enter opens', async () => {
      const fixture = createInboxFixture({ threads: 300 });
      const el = await mount(fixture);
      await listReady(el);
      expect(rows(el).filter((b) => b.tabIndex === 0).length).to.equal(1);
      row(el, 0).focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(deepActive()).to.equal(row(el, 1));
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'ArrowUp' });
      await el.updateComplete;
      expect(deepActive()).to.equal(row(el, 1));
      expect(rows(el).filter((b) => b.tabIndex === 0)).to.deep.equal([row(el, 1)]);

      await sendKeys({ press: 'End' });
      await waitUntil(() => deepActive() === $(el, '.row-button[data-index="299"]'), 'End did not reach the last row');
      await waitUntil(() => $(el, '[aria-posinset="300"] .subject'));
      await sendKeys({ press: 'Home' });
      await waitUntil(() => deepActive() === row(el, 0));

      const opened = oneEvent(el, 'portal-thread-opened') as Promise<PortalThreadOpenedEvent>;
      await sendKeys({ press: 'Enter' });
      expect((await opened).detail).to.deep.equal({ threadId: fixture.threads[0]!.id });
    });
  });

  describe('filter and search (part="toolbar")', () => {
    it('filters by category', async () => {
      const fixture = createInboxFixture({ threads: 60 });
      const queries: ThreadQuery[] = [];
      const list = fixture.client.listThreads.bind(fixture.client);
      fixture.client.listThreads = (query, options) => {
        queries.push(query ?? {});
        return list(query, options);
      };
      const el = await mount(fixture);
      await listReady(el);
      const select = $<HTMLSelectElement>(el, '#inbox-category')!;
      select.value = 'refill';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => queries.some((q) => q.category === 'refill'));
      await waitUntil(() => rows(el).every((b) => b.querySelector('.category')?.textContent?.includes('Prescription refill')));
      expect($(el, '.summary')!.textContent).to.contain('10 conversations');
      await waitUntil(() => root(el).querySelector('[role="status"][aria-live]')?.textContent?.includes('10 conversations found'));
    });

    it('searches subjects after a pause and aborts stale requests', async () => {
      const fixture = createInboxFixture({ threads: 60 });
      const signals: AbortSignal[] = [];
      const list = fixture.client.listThreads.bind(fixture.client);
      fixture.client.listThreads = async (query, options) => {
        if (query?.q) {
          signals.push(options!.signal!);
          await aTimeout(query.q === 'ref' ? 1500 : 0);
        }
        return list(query, options);
      };
      const el = await mount(fixture);
      await listReady(el);
      const input = $<HTMLInputElement>(el, '#inbox-search')!;
      input.focus();
      await sendKeys({ type: 'ref' });
      await aTimeout(350);
      expect(signals.length).to.equal(1, 'one request after the debounce, not one per key');
      await sendKeys({ type: 'ill' });
      await waitUntil(() => signals.length === 2);
      expect(signals[0]!.aborted).to.equal(true);
      await waitUntil(() => rows(el).length > 0 && rows(el).every((b) => /refill/i.test(b.querySelector('.subject')?.textContent ?? '')));
      expect(deepActive()).to.equal(input, 'focus stays in the search box');
    });

    it('shows a no-match state that clears search and filter', async () => {
      const el = await mount(createInboxFixture({ threads: 20 }));
      await listReady(el);
      const input = $<HTMLInputElement>(el, '#inbox-search')!;
      input.value = 'zzz-nothing';
      input.dispatchEvent(new Event('input'));
      await waitUntil(() => $(el, '[part~="empty"]'));
      expect($(el, '[part~="empty"]')!.textContent).to.contain('No conversations match');
      $<HTMLButtonElement>(el, '[part~="empty"] button')!.click();
      await listReady(el);
      await waitUntil(() => rows(el).length > 0);
      expect(input.value).to.equal('');
    });
  });

  describe('empty state (part="empty")', () => {
    it('offers "Write a message": a cancelable portal-request-compose, then the compose-href link', async () => {
      const el = await mount(createInboxFixture({ threads: 0 }));
      await listReady(el);
      const link = $<HTMLAnchorElement>(el, '[part~="empty"] [part~="compose-button"]')!;
      expect(link.getAttribute('href')).to.equal('/write.html');
      // The host page routes it itself: the link must not navigate.
      const listener = (e: Event) => e.preventDefault();
      el.addEventListener('portal-request-compose', listener);
      const event = oneEvent(el, 'portal-request-compose') as Promise<PortalRequestComposeEvent>;
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      link.dispatchEvent(click);
      const request = await event;
      expect(request.cancelable).to.equal(true);
      expect(request.detail).to.deep.equal({ category: null });
      expect(click.defaultPrevented).to.equal(true);
      el.removeEventListener('portal-request-compose', listener);
    });

    it('never uses a javascript: compose-href', async () => {
      const el = await mount(createInboxFixture({ threads: 0 }));
      el.composeHref = 'javascript:alert(1)';
      await listReady(el);
      const action = $(el, '[part~="empty"] [part~="compose-button"]')!;
      expect(action.tagName).to.equal('BUTTON');
    });
  });

  describe('thread view (part="thread")', () => {
    it('opens a thread: event, heading focused, messages in order with sender and time, marked read', async () => {
      const fixture = createInboxFixture({ threads: 10, unread: 2 });
      const el = await mount(fixture);
      await listReady(el);
      const unreadEvents: number[] = [];
      el.addEventListener('portal-unread-changed', (e) => unreadEvents.push((e as PortalUnreadChangedEvent).detail.unreadTotal));
      expect(el.unreadTotal).to.equal(2);

      const opened = oneEvent(el, 'portal-thread-opened') as Promise<PortalThreadOpenedEvent>;
      row(el, 0).focus();
      row(el, 0).click();
      expect((await opened).detail).to.deep.equal({ threadId: 't0' });
      await threadReady(el);
      expect(el.threadId).to.equal('t0');
      expect(el.getAttribute('thread-id')).to.equal('t0');
      expect(deepActive()).to.equal($(el, '#thread-title'));
      const messages = $$(el, '[part~="message"]');
      expect(messages.length).to.equal(fixture.threads.find((t) => t.id === 't0')!.messageCount);
      const times = messages.map((m) => Date.parse(m.querySelector('time')!.getAttribute('datetime')!));
      expect([...times].sort((a, b) => a - b)).to.deep.equal(times);
      expect(messages[0]!.querySelector('.sender')!.textContent).to.contain('You');

      await waitUntil(() => el.unreadTotal === 1, 'unread count did not update');
      expect(fixture.client.calls).to.include('markRead');
      expect(unreadEvents).to.deep.equal([1]);
      expect(provider(el).host!.state.unreadTotal).to.equal(1);
    });

    it('goes back to the list with the scroll position, filter and focus restored', async () => {
      const fixture = createInboxFixture({ threads: 200 });
      const el = await mount(fixture);
      await listReady(el);
      const select = $<HTMLSelectElement>(el, '#inbox-category')!;
      select.value = 'billing';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => rows(el).every((b) => b.querySelector('.category')?.textContent?.includes('Billing')));
      const scroller = $(el, '.scroller')!;
      const rowHeight = row(el, 0).getBoundingClientRect().height;
      scrollTo(scroller, rowHeight * 12);
      await waitUntil(() => $(el, '.row-button[data-index="14"]'));
      const target = row(el, 14);
      const id = fixture.threads.filter((t) => t.category === 'billing')[14]!.id;
      target.focus();
      target.click();
      await threadReady(el);

      const closed = oneEvent(el, 'portal-thread-opened') as Promise<PortalThreadOpenedEvent>;
      $<HTMLButtonElement>(el, '[part~="back-button"]')!.click();
      expect((await closed).detail).to.deep.equal({ threadId: null });
      await listReady(el);
      await waitUntil(() => deepActive() === $(el, '.row-button[data-index="14"]'), 'focus did not return to the row');
      expect($(el, '.scroller')!.scrollTop).to.be.closeTo(rowHeight * 12, 2);
      expect($<HTMLSelectElement>(el, '#inbox-category')!.value).to.equal('billing');
      expect(el.threadId).to.equal(null);
      expect(id).to.be.a('string');
    });

    it('downloads an attachment through the client and revokes the object URL', async () => {
      const fixture = createInboxFixture({ threads: 6 });
      const created: string[] = [];
      const revoked: string[] = [];
      const { createObjectURL, revokeObjectURL } = URL;
      URL.createObjectURL = (blob: Blob) => {
        const url = createObjectURL(blob);
        created.push(url);
        return url;
      };
      URL.revokeObjectURL = (url: string) => {
        revoked.push(url);
        revokeObjectURL(url);
      };
      try {
        const el = await mount(fixture, { threadId: 't4' });
        await threadReady(el);
        const button = $<HTMLButtonElement>(el, '.attachment')!;
        expect(button.textContent).to.contain('form.pdf');
        button.click();
        await waitUntil(() => created.length === 1);
        expect(fixture.client.calls).to.include('downloadAttachment');
        await waitUntil(() => revoked.includes(created[0]!), 'object URL not revoked', { timeout: 3000 });
      } finally {
        URL.createObjectURL = createObjectURL;
        URL.revokeObjectURL = revokeObjectURL;
      }
    });

    it('shows a not-found thread with a way back', async () => {
      const el = await mount(createInboxFixture(), { threadId: 'no-such-thread' });
      await waitUntil(() => $(el, '[role="alert"]'));
      expect($(el, '[role="alert"]')!.textContent).to.contain('could not find');
      expect($(el, '[part~="back-button"]')).to.exist;
    });
  });

  describe('deep link (thread-id)', () => {
    it('opens the thread from the attribute, follows changes, and closes when removed', async () => {
      const fixture = createInboxFixture({ threads: 10 });
      const el = await mount(fixture, { threadId: 't3' });
      await threadReady(el);
      expect($(el, '#thread-title')!.textContent).to.contain(fixture.threads[3]!.subject);
      el.setAttribute('thread-id', 't5');
      await waitUntil(() => $(el, '#thread-title')?.textContent?.includes(fixture.threads[5]!.subject));
      el.removeAttribute('thread-id');
      await listReady(el);
      expect($(el, '[part~="list"]')).to.exist;
    });

    it('never shows a late answer for a thread that is no longer wanted', async () => {
      const fixture = createInboxFixture({ threads: 10 });
      const getThread = fixture.client.getThread.bind(fixture.client);
      // A client that ignores the abort signal and answers late.
      fixture.client.getThread = async (id) => {
        if (id === 't1') await aTimeout(300);
        return getThread(id);
      };
      const el = await mount(fixture, { threadId: 't1' });
      await el.updateComplete;
      await openThread(el, 't2');
      await aTimeout(400);
      expect($(el, '#thread-title')!.textContent).to.contain(fixture.threads.find((t) => t.id === 't2')!.subject);
    });

    it('does not echo host-driven changes as portal-thread-opened (no URL loops)', async () => {
      const el = await mount(createInboxFixture());
      await listReady(el);
      let events = 0;
      el.addEventListener('portal-thread-opened', () => events++);
      await openThread(el, 't1');
      el.threadId = null;
      await listReady(el);
      expect(events).to.equal(0);
    });
  });

  describe('reply (part="reply")', () => {
    it('sends a reply once, with an idempotency key and triage stamp, and shows it in the thread', async () => {
      const fixture = createInboxFixture({ threads: 5 });
      const keys: string[] = [];
      const reply = fixture.client.reply.bind(fixture.client);
      fixture.client.reply = (threadId, body, options) => {
        keys.push(options.idempotencyKey);
        expect(body.triage.level).to.equal('routine');
        return reply(threadId, body, options);
      };
      const el = await mount(fixture, { threadId: 't2' });
      await threadReady(el);
      const before = $$(el, '[part~="message"]').length;
      const textarea = $<HTMLTextAreaElement>(el, '#reply-body')!;
      textarea.focus();
      await sendKeys({ type: 'Thank you, Tuesday works.' });
      const sent = oneEvent(el, 'portal-message-sent') as Promise<PortalMessageSentEvent>;
      $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      const event = await sent;
      expect(event.detail.threadId).to.equal('t2');
      expect(event.detail.reply).to.equal(true);
      expect(Object.keys(event.detail).sort()).to.deep.equal(['category', 'messageId', 'reply', 'threadId']);
      await waitUntil(() => $$(el, '[part~="message"]').length === before + 1);
      expect(keys.length).to.equal(1);
      expect($<HTMLTextAreaElement>(el, '#reply-body')!.value).to.equal('');
      await waitUntil(() => deepActive() === $(el, '#reply-sent'));
    });

    it('loads the reply box with the conversation, and its attachment picker only where the category takes files', async () => {
      const fixture = createInboxFixture({ threads: 6 });
      const el = await mount(fixture, { threadId: 't0' });
      await threadReady(el);
      // Deferred code, there by the time the conversation is: the box and its safety notice.
      expect($(el, '#reply-body')).to.exist;
      expect($(el, '[part~="reply"] [part~="safety-notice"]')).to.exist;
      expect($(el, '[part~="attachments"]')).to.equal(null);
      el.threadId = 't4'; // a health form: files allowed
      await waitUntil(() => $(el, '[part~="attachments"] input[type="file"]'), 'the reply attachment picker did not appear');
      expect($(el, '[part~="attachments"]')!.textContent).to.contain('Up to 5 files');
      await expect(el).to.be.accessible();
    });

    it('does not send an empty reply: the error summary takes focus', async () => {
      const fixture = createInboxFixture({ threads: 3 });
      const el = await mount(fixture, { threadId: 't0' });
      await threadReady(el);
      $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      await waitUntil(() => deepActive() === $(el, '[part~="error-summary"]'));
      expect(fixture.client.calls).not.to.include('reply');
      expect($(el, '#reply-body')!.getAttribute('aria-invalid')).to.equal('true');
    });

    it('stops an emergency at the blocking dialog (shared compose-kit rule)', async () => {
      const fixture = createInboxFixture({ threads: 3 });
      const el = await mount(fixture, { threadId: 't0' });
      await threadReady(el);
      const textarea = $<HTMLTextAreaElement>(el, '#reply-body')!;
      textarea.value = 'I have crushing chest pain and cannot breathe';
      textarea.dispatchEvent(new Event('input'));
      $<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'emergency dialog did not open');
      expect(fixture.client.calls).not.to.include('reply');
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !$<HTMLDialogElement>(el, 'dialog')?.open);
      await waitUntil(() => deepActive() === $(el, '#reply-body'), 'focus did not return to the reply');
      expect(fixture.client.calls).not.to.include('reply');
      expect($<HTMLTextAreaElement>(el, '#reply-body')!.value).to.contain('chest pain');
    });
  });

  describe('live updates', () => {
    let restoreVisibility: () => void;
    beforeEach(() => {
      restoreVisibility = pretendVisible();
    });
    afterEach(() => restoreVisibility());

    it('polls, refreshes the list, announces the count only, and updates the unread total', async () => {
      const fixture = createInboxFixture({ threads: 20, unread: 0 });
      const el = await mount(fixture, { pollInterval: 1000 });
      await listReady(el);
      const unread = oneEvent(el, 'portal-unread-changed') as Promise<PortalUnreadChangedEvent>;
      const updated = fixture.addStaffReply('t7');
      const live = $(el, '[role="status"][aria-live="polite"]')!;
      await waitUntil(() => live.textContent?.includes('1 new message'), 'no announcement', { timeout: 4000 });
      expect(live.textContent!.trim()).to.equal('1 new message');
      expect((await unread).detail).to.deep.equal({ unreadTotal: 1 });
      expect(el.unreadTotal).to.equal(1);
      await waitUntil(() => row(el, 0).querySelector('.subject')?.textContent === updated.subject);
      expect(row(el, 0).closest('.row')!.classList.contains('unread')).to.equal(true);
    });

    it('keeps keyboard focus on the same conversation when a new one arrives above it', async () => {
      const fixture = createInboxFixture({ threads: 20, unread: 0 });
      const el = await mount(fixture, { pollInterval: 1000 });
      await listReady(el);
      const focusedId = fixture.threads[3]!.id;
      row(el, 3).focus();
      fixture.addStaffReply('t12');
      await waitUntil(() => row(el, 0).querySelector('.subject')?.textContent === fixture.threads[0]!.subject && fixture.threads[0]!.id === 't12');
      await waitUntil(() => deepActive() === row(el, 4), 'focus did not follow the conversation', { timeout: 4000 });
      expect(fixture.threads[4]!.id).to.equal(focusedId);
    });

    it('InboxPoller pauses while the tab is hidden and backs off after errors', async () => {
      const visibility = Object.assign(new EventTarget(), { visibilityState: 'visible' as DocumentVisibilityState });
      const times: number[] = [];
      let fail = true;
      const host = { addController() {}, requestUpdate() {} } as never;
      const poller = new InboxPoller(host, {
        interval: () => 40,
        maxBackoff: 1000,
        visibility,
        poll: async () => {
          times.push(performance.now());
          if (fail) throw new Error('offline');
        },
      });
      poller.start();
      await waitUntil(() => times.length >= 3, 'polls', { timeout: 2000 });
      poller.stop();
      // 40 → then 80 → then 160 (exponential backoff)
      const gap1 = times[1]! - times[0]!;
      const gap2 = times[2]! - times[1]!;
      expect(gap1).to.be.greaterThan(70);
      expect(gap2).to.be.greaterThan(150);
      expect(poller.failures).to.be.at.least(2);

      fail = false;
      times.length = 0;
      visibility.visibilityState = 'hidden';
      poller.start();
      await aTimeout(150);
      expect(times.length).to.equal(0, 'no polls while hidden');
      visibility.visibilityState = 'visible';
      visibility.dispatchEvent(new Event('visibilitychange'));
      await waitUntil(() => times.length >= 1);
      poller.stop();
      expect(poller.failures).to.equal(0);
    });

    it('signs out when the session expired while idle', async () => {
      const fixture = createInboxFixture({ threads: 5 });
      const el = await mount(fixture, { pollInterval: 1000 });
      await listReady(el);
      fixture.fail('getInboxStatus', new PortalError('session-expired', 'expired', { status: 401 }));
      await waitUntil(() => root(el).textContent?.includes('signed out'), 'not signed out', { timeout: 4000 });
      expect($(el, '[part~="list"]')).to.equal(null);
    });
  });

  describe('safe with any content', () => {
    it('renders hostile subjects, names and bodies as inert text', async () => {
      const el = await mount(createInboxFixture({ hostile: true }));
      await listReady(el);
      const text = root(el).textContent ?? '';
      expect(text).not.to.match(/[\u202A-\u202E\u2066-\u2069\u200B\u200C\uFEFF]/);
      expect(root(el).querySelector('img, script, b, iframe')).to.equal(null);
      const bidi = row(el, 0);
      expect(bidi.querySelector('.sender bdi')!.textContent).to.equal('neitap ,letaP .rD');
      expect(bidi.querySelector('.sender')!.textContent).to.contain('billing office');

      await openThread(el, 'hostile-html');
      const body = $(el, '.message .body')!;
      const links = [...body.querySelectorAll('a')];
      expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(['https://www.example.com/portal?x=1']);
      expect(links[0]!.getAttribute('rel')).to.equal('noopener noreferrer');
      expect(links[0]!.getAttribute('target')).to.equal('_blank');
      expect(body.textContent).to.contain('javascript:alert(1)');
      expect(body.textContent).to.contain('jav&#x09;ascript:alert(1)');
      expect(root(el).querySelector('img, script')).to.equal(null);
    });

    it('does not linkify URLs in the patient’s own messages', async () => {
      const fixture = createInboxFixture({ threads: 3 });
      const el = await mount(fixture, { threadId: 't0' });
      await threadReady(el);
      const patient = $$(el, '.message.patient');
      expect(patient.length).to.be.greaterThan(0);
      for (const message of patient) expect(message.querySelector('.body a')).to.equal(null);
    });

    it('keeps 10,000-character bodies, long words and RTL inside the layout at 320 px', async () => {
      await setViewport({ width: 320, height: 640 });
      const el = await mount(createInboxFixture({ hostile: true }));
      await listReady(el);
      const base = $(el, '[part~="base"]')!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      for (const id of ['hostile-long', 'hostile-rtl', 'hostile-bidi', 'hostile-zalgo']) {
        await openThread(el, id);
        expect(base.scrollWidth, id).to.be.at.most(base.clientWidth + 1);
        expect(document.documentElement.scrollWidth, id).to.be.at.most(320);
      }
      // The sender of a bidi-override name cannot swallow its role.
      await openThread(el, 'hostile-bidi');
      const header = $(el, '.message-header .sender')!;
      expect(header.querySelector('bdi')!.textContent).to.equal('neitap ,letaP .rD');
      expect(header.textContent).to.contain(', billing office');
      const file = $(el, '.attachment bdi')!;
      expect(file.textContent).to.equal('invoicefdp.exe');
    });
  });

  describe('signed out', () => {
    it('drops every conversation from the DOM and memory', async () => {
      const fixture = createInboxFixture({ threads: 30 });
      const el = await mount(fixture, { threadId: 't1' });
      await threadReady(el);
      const subject = fixture.threads[1]!.subject;
      expect(root(el).textContent).to.contain(subject);
      const textarea = $<HTMLTextAreaElement>(el, '#reply-body')!;
      textarea.value = 'private words';
      textarea.dispatchEvent(new Event('input'));
      await provider(el).host!.signOut('user');
      await el.updateComplete;
      expect(root(el).textContent).not.to.contain(subject);
      expect(root(el).textContent).to.contain('signed out');
      expect(el.unreadTotal).to.equal(null);
      // Sign back in: nothing of before is shown until loaded again, and the reply text is gone.
      provider(el).host!.setSession(inboxSession());
      await threadReady(el);
      expect($<HTMLTextAreaElement>(el, '#reply-body')!.value).to.equal('');
    });
  });

  describe('another patient', () => {
    it('closes the previous patient’s conversation when someone else signs in', async () => {
      const el = await mount(createInboxFixture({ threads: 5 }), { threadId: 't1' });
      await threadReady(el);
      await provider(el).host!.signOut('user');
      await el.updateComplete;
      const closed = oneEvent(el, 'portal-thread-opened') as Promise<PortalThreadOpenedEvent>;
      provider(el).host!.setSession(inboxSession({ patient: { id: 'rory', displayName: 'Rory Chen' } }));
      expect((await closed).detail).to.deep.equal({ threadId: null });
      expect(el.threadId).to.equal(null);
      await listReady(el);
    });
  });

  describe('states', () => {
    it('revoked: reads history, cannot reply, sees the office phone', async () => {
      const el = await mount(createInboxFixture({ session: inboxSession({ messaging: { allowed: false } }) }));
      await listReady(el);
      expect($(el, '[part~="compose-button"]')).to.equal(null);
      expect($(el, '[part~="revoked"]')!.textContent).to.contain('(972) 555-0142');
      row(el, 0).click();
      await threadReady(el);
      expect($(el, '#reply-body')).to.equal(null);
      const notice = $(el, '[part~="reply"] [part~="revoked"]')!;
      expect(notice.querySelector('a[href="tel:9725550142"]')).to.exist;
    });

    it('bounced: shows the shared banner linking to preferences', async () => {
      const el = await mount(createInboxFixture({ session: inboxSession({ notificationEmailBounced: true }) }));
      await listReady(el);
      const banner = $(el, '[part~="bounce-banner"]')!;
      expect(banner.querySelector('a[href="/preferences.html"]')).to.exist;
    });

    it('error: retry loads again', async () => {
      const fixture = createInboxFixture({ threads: 4 });
      fixture.fail('listThreads', new PortalError('network', 'offline'));
      const el = await mount(fixture);
      await waitUntil(() => $(el, '[part~="retry-button"]'));
      fixture.heal();
      $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
      await listReady(el);
      expect(rows(el).length).to.equal(4);
    });
  });

  describe('Spanish', () => {
    it('translates the inbox, category labels and roles', async () => {
      const el = await mount(createInboxFixture({ threads: 5 }), { lang: 'es' });
      await listReady(el);
      await waitUntil(() => $(el, '.title')?.textContent?.includes('Mensajes'));
      expect($(el, 'label[for="inbox-category"]')!.textContent).to.contain('Categoría');
      expect(row(el, 0).querySelector('.category')!.textContent).to.contain('Solicitud de cita');
      expect(row(el, 0).querySelector('.sender')!.textContent).to.contain('médico');
      expect(row(el, 0).querySelector('time')!.textContent).to.match(/hace|ahora/);
    });
  });
});

/** A fixture whose thread list never answers (the loading state). */
function createInboxFixtureWithPendingList(): InboxFixture {
  const fixture = createInboxFixture();
  const client = new Proxy(fixture.client, {
    get(target, name) {
      if (name === 'listThreads') return () => new Promise(() => {});
      return (target as unknown as Record<string | symbol, unknown>)[name];
    },
  });
  return { ...fixture, client } as InboxFixture;
}
