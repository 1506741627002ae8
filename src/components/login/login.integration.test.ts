/**
 * `<portal-login>` against the in-browser mock backend (the same rules as the
 * reference server) through the real fetch client: each demo persona, the
 * first-sign-in flow for `newbie`, lockout after repeated failures, and a
 * malformed session response.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { setupWorker, type SetupWorker } from 'msw/browser';
import { createMockBackend, type MockBackend } from '../../api/mock/handlers.js';
import '../../define/login.js';
import '../../define/provider.js';
import type { PortalProvider } from '../provider/provider.js';
import type { PortalLogin } from './login.js';

let worker: SetupWorker;
let mock: MockBackend;
let channels = 0;

before(async () => {
  worker = setupWorker();
  await worker.start({ serviceWorker: { url: '/mockServiceWorker.js' }, quiet: true, onUnhandledRequest: 'bypass' });
});

after(() => worker.stop());

beforeEach(async () => {
  mock = createMockBackend();
  worker.resetHandlers(...mock.handlers);
  await mock.ready;
});

async function mount(): Promise<{ el: PortalLogin; provider: PortalProvider }> {
  const provider = await fixture<PortalProvider>(
    html`<portal-provider api-base="/api/v1" .sessionOptions=${{ channelName: `login-int-${++channels}`, activityTarget: null }}
      ><portal-login></portal-login
    ></portal-provider>`,
  );
  await provider.host!.load();
  await provider.host!.lifecycleReady; // the automatic-logoff code loads on first sign-in
  const el = provider.querySelector('portal-login')!;
  await el.updateComplete;
  return { el, provider };
}

function fill(el: PortalLogin, selector: string, value: string, index = 0) {
  const input = el.querySelectorAll<HTMLInputElement>(selector)[index]!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true }));
}

async function submitSignIn(el: PortalLogin, id: string, password: string) {
  fill(el, 'input[autocomplete="username"]', id);
  fill(el, 'input[autocomplete="current-password"]', password);
  await submit(el);
}

/** Click submit and wait for the answer (the widget leaves its submitting state). */
async function submit(el: PortalLogin) {
  el.querySelector<HTMLButtonElement>('[part~="submit-button"]')!.click();
  await el.updateComplete;
  await waitUntil(() => !el.matches(':state(submitting)'), 'still submitting', { timeout: 5000 });
  await el.updateComplete;
}

const text = (el: PortalLogin) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

describe('<portal-login> with the mock backend', () => {
  afterEach(() => {
    expect(localStorage.length + sessionStorage.length, 'browser storage').to.equal(0);
    expect(document.cookie).not.to.match(/password|dana/i);
  });

  for (const persona of ['dana', 'rory', 'bea'] as const) {
    it(`signs in ${persona}`, async () => {
      const { el, provider } = await mount();
      await submitSignIn(el, persona, `${persona}-demo-password`);
      await waitUntil(() => el.shadowRoot!.querySelector('.greeting'), text(el));
      expect(provider.host!.signedIn?.patient.id).to.equal(persona);
    });
  }

  it('takes newbie through choosing a new password, which then works for signing in', async () => {
    const { el, provider } = await mount();
    await submitSignIn(el, 'newbie', 'welcome-newbie-2026');
    await waitUntil(() => el.querySelector('input[autocomplete="new-password"]'), text(el));
    const fresh = 'quiet orchard lantern 1987';
    fill(el, 'input[autocomplete="new-password"]', fresh, 0);
    fill(el, 'input[autocomplete="new-password"]', fresh, 1);
    await submit(el);
    await waitUntil(() => el.shadowRoot!.querySelector('.notice.success'), text(el), { timeout: 5000 });
    expect(provider.host!.signedIn?.mustChangePassword).to.equal(false);

    await provider.host!.signOut('user');
    await el.updateComplete;
    await submitSignIn(el, 'newbie', 'welcome-newbie-2026');
    expect(text(el)).to.include('The patient ID or password is not correct.');
    await submitSignIn(el, 'newbie', fresh);
    await waitUntil(() => el.shadowRoot!.querySelector('.greeting'), text(el));
  });

  it('locks out after repeated failures, saying how long to wait, the same way for unknown IDs', async () => {
    const { el } = await mount();
    for (let i = 0; i < 5; i++) await submitSignIn(el, 'dana', `wrong-${i}`);
    await submitSignIn(el, 'dana', 'dana-demo-password');
    expect(text(el)).to.include('Please wait 15 minutes');
    expect(el.shadowRoot!.querySelector('[part~="error"] a[href^="tel:"]')).to.exist;

    const other = await mount();
    for (let i = 0; i < 6; i++) await submitSignIn(other.el, 'nobody-here', `wrong-${i}`);
    expect(text(other.el)).to.include('Please wait 15 minutes');
  });

  it('explains a malformed session response', async () => {
    const { el, provider } = await mount();
    mock.failNext('signIn', 'contract');
    await submitSignIn(el, 'dana', 'dana-demo-password');
    expect(text(el)).to.include('sent something we did not expect');
    expect(provider.host!.signedIn).to.equal(null);
  });
});
