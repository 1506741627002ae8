/**
 * End to end, as a patient and the office would use it: Debian's Chromium
 * against the reference server as `npm start` runs it (embedded database,
 * demo site and built widgets from the same origin), plus the staff CLI.
 *
 *   npm run test:e2e
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { operations } from '../../src/api/operations.js';
import { DEMO_PERSONAS } from '../../src/backend/demo-data.js';
import { launchBrowser, snap, startServer, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

const NEW_PASSWORD = 'maple river quiet lantern 88';
const LIST = operations.listThreads.path;
const SUBJECT = 'Refill for lisinopril';

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  return page;
}

async function signIn(page: Page, origin: string, patientId: string, password: string) {
  await page.goto(`${origin}/portal.html`);
  await page.getByLabel('Patient ID').fill(patientId);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A call straight to the API from the signed-in page, bypassing every widget. */
function apiFromPage(page: Page, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  return page.evaluate(
    async ({ method, path, body, headers }) => {
      const response = await fetch(`/api/v1${path}`, {
        method,
        credentials: 'include',
        headers: { ...(body !== undefined && { 'Content-Type': 'application/json' }), ...headers },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: (await response.json().catch(() => null)) as { code?: string } | null };
    },
    { method, path, body, headers },
  );
}

describe('newbie: first sign-in to a staff reply', () => {
  let threadId: string;

  it('signs in with the office password and must choose a new one', async () => {
    const page = await newPage();
    await signIn(page, server.origin, 'newbie', DEMO_PERSONAS.newbie.password);
    await page.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    await page.getByLabel('New password', { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel('Type the new password again').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Save my new password' }).click();
    await page.waitForURL('**/messages.html');

    // The policy comes first: accept it.
    await page.getByRole('button', { name: 'Accept the policy' }).waitFor();
    await page.getByRole('checkbox', { name: /I have read and accept/ }).check();
    await page.getByRole('button', { name: 'Accept the policy' }).click();
    await page.getByText('No messages yet').waitFor();

    // Compose a refill request.
    await page.goto(`${server.origin}/write.html`);
    await page.getByRole('radio', { name: /Prescription refill/ }).check();
    await page.getByLabel('Medication name').fill('Lisinopril');
    await page.getByLabel('Dose and how often').fill('10 mg once a day');
    await page.getByLabel('Pharmacy (name and location)').fill('Main Street Pharmacy, Dallas');
    await page.getByLabel('Days of medication left').fill('5');
    await page.getByLabel('Subject').fill(SUBJECT);
    await page.getByLabel('Your message').fill('Could you please renew my prescription? Thank you.');
    await page.getByRole('button', { name: 'Send message' }).click();
    await page.getByRole('heading', { name: 'Your message was sent' }).waitFor();
    await snap(page, 'newbie-sent');

    const listed = await apiFromPage(
      page,
      operations.listThreads.method,
      LIST,
      { q: SUBJECT },
      { 'X-Portal-CSRF': '1' },
    );
    assert.equal(listed.status, 200);
    threadId = (listed.body as unknown as { items: Array<{ id: string }> }).items[0]!.id;
    assert.ok(threadId);
    await page.context().close();
  });

  it('shows up for the office, who replies with the staff tool', async () => {
    const open = (await server.staff('list-open-threads', '--category', 'refill')) as {
      threads: Array<{ id: string; patientId: string; dueAt: string }>;
    };
    const entry = open.threads.find((t) => t.id === threadId);
    assert.ok(entry, 'the new thread is open for the office');
    assert.equal(entry.patientId, 'newbie');
    assert.ok(entry.dueAt);
    await server.staff(
      'reply',
      '--thread',
      threadId,
      '--as',
      'Dr. Maya Patel',
      '--role',
      'physician',
      '--body',
      'Renewed: pick it up at Main Street Pharmacy tomorrow.',
    );
    const after = (await server.staff('list-open-threads')) as { threads: Array<{ id: string }> };
    assert.ok(!after.threads.some((t) => t.id === threadId), 'answered threads are no longer open');
  });

  it('newbie signs in with the new password and reads the reply', async () => {
    const page = await newPage();
    await signIn(page, server.origin, 'newbie', NEW_PASSWORD);
    await page.waitForURL('**/messages.html');
    const row = page
      .getByRole('link', { name: new RegExp(SUBJECT) })
      .or(page.getByRole('button', { name: new RegExp(SUBJECT) }));
    await row.first().click();
    await page.getByText('Renewed: pick it up at Main Street Pharmacy tomorrow.').waitFor();
    await page.getByText('Dr. Maya Patel').first().waitFor();
    await snap(page, 'newbie-reads-reply');
    const status = await apiFromPage(page, 'GET', operations.getInboxStatus.path);
    assert.equal(
      (status.body as unknown as { unreadTotal: number }).unreadTotal,
      0,
      'opening the thread marked it read',
    );
    await page.context().close();
  });
});

describe('dana replies to Dr. Patel', () => {
  it('opens the thread with the unread reply and answers it', async () => {
    const page = await newPage();
    await signIn(page, server.origin, 'dana', DEMO_PERSONAS.dana.password);
    await page.waitForURL('**/messages.html');
    const threads = (
      await apiFromPage(page, operations.listThreads.method, LIST, { limit: 50 }, { 'X-Portal-CSRF': '1' })
    ).body as unknown as {
      items: Array<{ id: string; subject: string; unreadCount: number }>;
    };
    const unread = threads.items.find((t) => t.unreadCount > 0);
    assert.ok(unread, 'dana has a thread with an unread reply');
    await page
      .getByRole('link', { name: new RegExp(escape(unread.subject)) })
      .or(page.getByRole('button', { name: new RegExp(escape(unread.subject)) }))
      .first()
      .click();
    const replyBox = page.getByLabel('Your reply');
    await replyBox.fill('Thank you, Dr. Patel. I will do that.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Your reply was sent.').waitFor();
    await snap(page, 'dana-replied');
    const open = (await server.staff('list-open-threads')) as { threads: Array<{ id: string }> };
    assert.ok(
      open.threads.some((t) => t.id === unread.id),
      "dana's reply waits for the office",
    );
    await page.context().close();
  });
});

describe('rory (messaging revoked)', () => {
  it('is refused by the server even when the UI is bypassed', async () => {
    const page = await newPage();
    await signIn(page, server.origin, 'rory', DEMO_PERSONAS.rory.password);
    await page.waitForURL('**/messages.html');
    const direct = await apiFromPage(
      page,
      operations.createThread.method,
      operations.createThread.path,
      {
        category: 'clinical',
        fields: {},
        subject: 'Let me in',
        body: 'Bypassing the widgets.',
        attachmentIds: [],
        triage: { level: 'routine', codes: [], acknowledged: true },
      },
      { 'X-Portal-CSRF': '1', 'Idempotency-Key': 'rory-bypass-1' },
    );
    assert.equal(direct.status, 403);
    assert.equal(direct.body?.code, 'messaging-revoked');
    const draft = await apiFromPage(
      page,
      operations.saveDraft.method,
      operations.saveDraft.path.replace('{draftId}', 'rory-draft'),
      { threadId: null, category: null, fields: {}, subject: 'x', body: 'y', attachmentIds: [] },
      { 'X-Portal-CSRF': '1' },
    );
    assert.equal(draft.status, 403);
    await snap(page, 'rory-inbox');
    // Reading is still allowed.
    const list = await apiFromPage(page, operations.listThreads.method, LIST, {}, { 'X-Portal-CSRF': '1' });
    assert.equal(list.status, 200);
    await page.context().close();
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
