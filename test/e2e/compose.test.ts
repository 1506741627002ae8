/**
 * <portal-compose> end to end, the way issue #5 is checked: Debian's Chromium
 * with its clock set to chosen instants and its time zone somewhere else,
 * against the reference server (`npm start`'s embedded database).
 *
 *   npm run test:e2e
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { operations } from '../../src/api/operations.js';
import { DEMO_PERSONAS } from '../../src/backend/demo-data.js';
import { snap, useServerAndBrowser } from './support.js';

const running = useServerAndBrowser();

/** Friday 4 December 2026, 18:30 in Dallas: closed until Monday. */
const FRIDAY_EVENING = new Date('2026-12-05T00:30:00Z');
/** Thursday 24 December 2026, 17:30 in Dallas: Christmas is a closure, then the weekend. */
const CHRISTMAS_EVE_EVENING = new Date('2026-12-24T23:30:00Z');
/** Wednesday 2 December 2026, 10:00 in Dallas: open. */
const WEDNESDAY_MORNING = new Date('2026-12-02T16:00:00Z');

async function signedInPage(
  persona: keyof typeof DEMO_PERSONAS,
  options: BrowserContextOptions & { now?: Date } = {},
): Promise<Page> {
  const { now, ...contextOptions } = options;
  const context = await running.browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const page = await context.newPage();
  page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  if (now) await page.clock.setFixedTime(now);
  await page.goto(`${running.server.origin}/portal.html`);
  await page.getByLabel('Patient ID').fill(persona);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PERSONAS[persona].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'You are signed in' }).or(page.locator('portal-inbox')).first().waitFor();
  await page.goto(`${running.server.origin}/write.html`);
  return page;
}

/** Threads with this subject, straight from the API (what the office will see). */
async function threadsWithSubject(page: Page, subject: string): Promise<number> {
  return page.evaluate(
    async ({ path, method, subject }) => {
      const response = await fetch(`/api/v1${path}`, {
        method,
        credentials: 'include',
        headers: { 'Content-Type': 'application/json', 'X-Portal-CSRF': '1' },
        body: JSON.stringify({ q: subject }),
      });
      const page = (await response.json()) as { items: Array<{ subject: string }> };
      return page.items.filter((t) => t.subject === subject).length;
    },
    { path: operations.listThreads.path, method: operations.listThreads.method, subject },
  );
}

async function writeBillingQuestion(page: Page, subject: string, body: string) {
  await page.getByRole('radio', { name: /Billing question/ }).check();
  await page.getByLabel('Statement date').fill('2026-11-15');
  await page.getByLabel('Amount in question').fill('45.00');
  await page.getByLabel('Subject').fill(subject);
  await page.getByLabel('Your message').fill(body);
}

describe('compose, checked in a real browser against the reference server', () => {
  it('a browser in Tokyo on Friday evening in Dallas reads Monday 8:00 AM Central Time', async () => {
    const page = await signedInPage('dana', { timezoneId: 'Asia/Tokyo', now: FRIDAY_EVENING });
    // In Tokyo it is already Saturday morning; the clinic's zone is what counts.
    assert.equal(await page.evaluate(() => new Date().getDay()), 6);
    await page.getByRole('radio', { name: /Billing question/ }).check();
    await page
      .getByText(
        'The office is closed. Your message will be handled on Monday, December 7, after 8:00 AM Central Time.',
      )
      .waitFor();
    await snap(page, 'compose-after-hours-tokyo');
    await page.context().close();
  });

  it('before Christmas, in Los Angeles: the holiday and the weekend are skipped', async () => {
    const page = await signedInPage('dana', { timezoneId: 'America/Los_Angeles', now: CHRISTMAS_EVE_EVENING });
    await page.getByRole('radio', { name: /Billing question/ }).check();
    await page
      .getByText(
        'The office is closed. Your message will be handled on Monday, December 28, after 8:00 AM Central Time.',
      )
      .waitFor();
    await page.context().close();
  });

  it('in Spanish, during office hours', async () => {
    const page = await signedInPage('dana', { timezoneId: 'Europe/Madrid', now: WEDNESDAY_MORNING, locale: 'es' });
    await page.evaluate(() => document.documentElement.setAttribute('lang', 'es'));
    await page.getByRole('radio', { name: /Pregunta de facturación/ }).check();
    await page.getByText(/La oficina está abierta ahora\. Su mensaje se atenderá hoy/).waitFor();
    await page.context().close();
  });

  it('emergency wording opens a blocking dialog with 911; going back sends nothing', async () => {
    const page = await signedInPage('dana');
    const subject = 'Question about my chest';
    await writeBillingQuestion(page, subject, 'I have crushing chest pain and my left arm went numb 10 minutes ago');
    await page.getByRole('button', { name: 'Send message' }).click();
    const dialog = page.getByRole('dialog', { name: 'This may be an emergency' });
    await dialog.waitFor();
    assert.equal(await dialog.getByRole('link', { name: 'Call 911 now' }).getAttribute('href'), 'tel:911');
    await snap(page, 'compose-emergency-dialog');
    await dialog.getByRole('button', { name: 'Go back to my message' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.equal(
      await page.getByLabel('Your message').inputValue(),
      'I have crushing chest pain and my left arm went numb 10 minutes ago',
    );
    assert.equal(await threadsWithSubject(page, subject), 0);
    await page.context().close();
  });

  it('urgent wording needs an acknowledgement before it is sent, with the office number', async () => {
    const page = await signedInPage('dana');
    const subject = 'Burning when I pee';
    await writeBillingQuestion(page, subject, 'It burns when I pee and I have a fever of 101 since this morning');
    const warning = page.locator('portal-compose [part~="urgent-notice"]');
    await warning.waitFor();
    assert.match((await warning.textContent()) ?? '', /\(972\) 555-0142/);
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.locator('portal-compose [part~="error-summary"]').waitFor();
    assert.equal(await threadsWithSubject(page, subject), 0);
    await page.getByRole('checkbox', { name: 'I understand. It can wait until the office reads my message.' }).check();
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByRole('heading', { name: 'Your message was sent' }).waitFor();
    assert.equal(await threadsWithSubject(page, subject), 1);
    await page.context().close();
  });

  it('a double click sends once', async () => {
    const page = await signedInPage('dana');
    const subject = 'Statement from November';
    await writeBillingQuestion(page, subject, 'Why was I charged twice for the same visit?');
    await page.getByRole('button', { name: 'Send message' }).dblclick();
    await page.getByRole('heading', { name: 'Your message was sent' }).waitFor();
    assert.equal(await threadsWithSubject(page, subject), 1);
    await page.context().close();
  });

  it('offline on Send: "not sent yet", the text stays, and it goes once the connection is back', async () => {
    const page = await signedInPage('dana');
    const subject = 'Insurance card update';
    const body = 'I have a new insurance card, can I send a photo?';
    await writeBillingQuestion(page, subject, body);
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByText('Not sent yet').first().waitFor();
    assert.equal(await page.getByLabel('Your message').inputValue(), body);
    assert.equal(await page.getByLabel('Subject').inputValue(), subject);
    await page.context().setOffline(false);
    await page.getByRole('heading', { name: 'Your message was sent' }).waitFor();
    assert.equal(await threadsWithSubject(page, subject), 1);
    await page.context().close();
  });

  it('the session ends before Send: inline sign-in, then the message is sent once', async () => {
    const page = await signedInPage('dana');
    const subject = 'Payment plan';
    await writeBillingQuestion(page, subject, 'Can I pay my balance in three parts?');
    // The server forgets the session (as after the idle timeout); the page still shows the form.
    await page.evaluate(
      async ({ path, method }) => {
        await fetch(`/api/v1${path}`, { method, credentials: 'include', headers: { 'X-Portal-CSRF': '1' } });
      },
      { path: operations.signOut.path, method: operations.signOut.method },
    );
    await page.getByRole('button', { name: 'Send message' }).click();
    const reauth = page.locator('portal-compose portal-login[reauth]');
    await reauth.waitFor();
    assert.equal(await page.getByLabel('Your message').inputValue(), 'Can I pay my balance in three parts?');
    await reauth.getByRole('heading', { name: 'Please sign in again' }).waitFor();
    await reauth.getByLabel('Password', { exact: true }).fill(DEMO_PERSONAS.dana.password);
    await reauth.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Your message was sent' }).waitFor();
    assert.equal(await threadsWithSubject(page, subject), 1);
    await page.context().close();
  });

  it('rory (messaging revoked) sees a calm notice with the office phone and no form', async () => {
    const page = await signedInPage('rory');
    await page.getByText('Messaging is turned off for your account').waitFor();
    assert.equal(await page.locator('portal-compose form').count(), 0);
    const phone = page.locator('portal-compose a[href^="tel:"]').filter({ hasText: '(972) 555-0142' });
    assert.ok((await phone.count()) >= 1);
    await snap(page, 'compose-revoked');
    await page.context().close();
  });
});
