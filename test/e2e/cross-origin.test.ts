/**
 * The embed as a clinic deploys it with the API on its own origin: the demo
 * site on one loopback port, the API on another (like `www.clinic.example`
 * calling `portal.clinic.example` — same site, different origin). Proves CORS
 * with credentials, the SameSite=Lax session cookie and the CSRF header work
 * cross-origin, and that an origin the server does not know gets nothing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { operations } from '../../src/api/operations.js';
import { DEMO_PERSONAS } from '../../src/backend/demo-data.js';
import { launchBrowser, snap, startServer, type RunningServer } from './support.js';

let server: RunningServer;
let browser: Browser;
let site: string;
let api: string;

before(async () => {
  [server, browser] = await Promise.all([startServer({ site: true }), launchBrowser()]);
  site = server.siteOrigin!;
  api = `${server.origin}/api/v1`;
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newPage(): Promise<{ page: Page; apiCalls: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const apiCalls: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(api)) apiCalls.push(`${request.method()} ${new URL(request.url()).pathname}`);
  });
  return { page, apiCalls };
}

describe('demo site and API on different origins', () => {
  it('serves the site from its own origin, pointing at the API', async () => {
    assert.notEqual(new URL(site).origin, new URL(api).origin);
    const html = await (await fetch(`${site}/portal.html`)).text();
    assert.ok(html.includes(`api-base="${api}"`), 'the embed points at the API origin');
    const apiOnSite = await fetch(`${site}/api/v1/clinic`);
    assert.equal(apiOnSite.status, 404, 'the site origin has no API of its own');
  });

  it('lets dana sign in, read and reply across origins', async () => {
    const { page, apiCalls } = await newPage();
    await page.goto(`${site}/portal.html`);
    await page.getByLabel('Patient ID').fill('dana');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PERSONAS.dana.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${site}/messages.html`);

    // The session cookie belongs to the API's origin, out of the page's reach.
    const cookies = await page.context().cookies(server.origin);
    const session = cookies.find((c) => c.name === 'portal_session');
    assert.ok(session, 'session cookie set for the API origin');
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    assert.equal(await page.evaluate(() => document.cookie.includes('portal_session')), false);

    const row = page
      .getByRole('link', { name: /Question about my cholesterol results/ })
      .or(page.getByRole('button', { name: /Question about my cholesterol results/ }));
    await row.first().click();
    await page.getByLabel('Your reply').fill('Sent from the clinic site on another origin.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await page.getByText('Your reply was sent.').waitFor();
    await snap(page, 'cross-origin-dana-replied');

    assert.ok(
      apiCalls.some((c) => c.startsWith('POST') && c.endsWith('/session')),
      'signed in against the API origin',
    );
    assert.ok(
      apiCalls.some((c) => c.startsWith('POST') && /\/threads\/[^/]+\/messages$/.test(c)),
      'replied through the API origin',
    );
    const open = (await server.staff('list-open-threads')) as {
      threads: Array<{ patientId: string; subject: string }>;
    };
    assert.ok(
      open.threads.some((t) => t.patientId === 'dana' && t.subject === 'Question about my cholesterol results'),
    );
    await page.context().close();
  });

  it('gives an origin the server does not know nothing, and stores nothing from it', async () => {
    // Same pages, but from an origin that is not on the allowlist (and another site: localhost ≠ 127.0.0.1).
    const foreign = site.replace('127.0.0.1', 'localhost');
    const { page } = await newPage();
    // Sign in on the real site first, so the browser holds a session cookie for the API.
    await page.goto(`${site}/portal.html`);
    await page.getByLabel('Patient ID').fill('bea');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PERSONAS.bea.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${site}/messages.html`);

    await page.goto(`${foreign}/policy.html`);
    const before = (await server.staff('list-open-threads')) as { threads: unknown[] };
    const outcome = await page.evaluate(
      async ({ api, create }) => {
        const read = await fetch(`${api}/session`, { credentials: 'include' }).then(
          () => 'readable',
          () => 'blocked',
        );
        // A "simple" cross-site POST needs no preflight: the server must refuse it itself.
        await fetch(`${api}${create.path}`, {
          method: 'POST',
          mode: 'no-cors',
          credentials: 'include',
          headers: { 'Content-Type': 'text/plain' },
          body: JSON.stringify({
            category: 'clinical',
            fields: {},
            subject: 'forged',
            body: 'forged',
            attachmentIds: [],
            triage: { level: 'routine', codes: [], acknowledged: true },
          }),
        }).catch(() => undefined);
        const preflighted = await fetch(`${api}${create.path}`, {
          method: 'POST',
          credentials: 'include',
          headers: { 'Content-Type': 'application/json', 'X-Portal-CSRF': '1', 'Idempotency-Key': 'forged-1' },
          body: '{}',
        }).then(
          () => 'sent',
          () => 'blocked',
        );
        return { read, preflighted };
      },
      { api, create: { path: operations.createThread.path } },
    );
    assert.deepEqual(outcome, { read: 'blocked', preflighted: 'blocked' });
    const after = (await server.staff('list-open-threads')) as { threads: unknown[] };
    assert.equal(after.threads.length, before.threads.length, 'nothing was created');
    await page.context().close();
  });
});
