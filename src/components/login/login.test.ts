import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import type { PortalClient } from '../../api/client.js';
import { PortalError } from '../../api/errors.js';
import type { ChangePasswordRequest, Session, SignedInSession, SignInRequest } from '../../api/schemas.js';
import '../../define/login.js';
import '../../define/provider.js';
import type { PortalSignedInEvent, PortalSignedOutEvent } from '../../events/events.js';
import { fakeClient, testClinic } from '../../internal/test-helpers.js';
import type { SessionLifecycleOptions } from '../../internal/session-lifecycle.js';
import type { PortalProvider } from '../provider/provider.js';
import { navigation, PortalLogin, safeNextUrl } from './login.js';
import { FakeClock, sessionAt, settle } from './testing.js';

// ---------------------------------------------------------------- fixtures

const PASSWORDS: Record<string, string> = {
  dana: 'dana-demo-password',
  newbie: 'welcome-newbie-2026',
  rory: 'rory-demo-password',
  bea: 'bea-demo-password',
};
const NAMES: Record<string, string> = {
  dana: 'Dana Whitfield',
  newbie: 'Noah Newbie',
  rory: 'Rory Revoked',
  bea: 'Bea Bounced',
};
const NEW_PASSWORD = 'lantern harbor violet 42';

function personaSession(clock: FakeClock, id: string, overrides: Partial<SignedInSession> = {}): SignedInSession {
  return sessionAt(clock, {
    patient: { id, displayName: NAMES[id] ?? id },
    mustChangePassword: id === 'newbie',
    consent: { currentVersion: '2026-12-01', acceptedVersion: id === 'newbie' ? null : '2026-12-01', required: id === 'newbie' },
    messaging: { allowed: id !== 'rory' },
    notificationEmailBounced: id === 'bea',
    ...overrides,
  });
}

/** A fake backend that knows the demo personas; records requests (tests only). */
function personaClient(clock: FakeClock, overrides: Partial<PortalClient> = {}, start: Session = { authenticated: false }) {
  let current: Session = start;
  const signIns: SignInRequest[] = [];
  const changes: ChangePasswordRequest[] = [];
  const client = fakeClient({
    getSession: async () => current,
    signIn: async (request) => {
      signIns.push(request);
      if (PASSWORDS[request.patientId] !== request.password) {
        throw new PortalError('invalid-credentials', 'no', { status: 401 });
      }
      current = personaSession(clock, request.patientId);
      return current;
    },
    signOut: async () => {
      current = { authenticated: false };
    },
    keepAlive: async () => {
      if (!current.authenticated) throw new PortalError('session-expired', 'gone');
      current = { ...current, idleExpiresAt: new Date(clock.now() + 900_000).toISOString() };
      return current;
    },
    changePassword: async (request) => {
      changes.push(request);
      if (!current.authenticated) throw new PortalError('session-expired', 'gone');
      current = { ...current, mustChangePassword: false };
      return current;
    },
    ...overrides,
  });
  return Object.assign(client, { signIns, changes });
}

let channels = 0;

async function mount(
  client: PortalClient,
  options: { lang?: string; theme?: string; template?: TemplateResult; clock?: FakeClock; lifecycle?: SessionLifecycleOptions } = {},
) {
  const sessionOptions: SessionLifecycleOptions = {
    channelName: `login-test-${++channels}`,
    activityTarget: null,
    ...(options.clock ? { clock: options.clock } : {}),
    ...options.lifecycle,
  };
  const provider = await fixture<PortalProvider>(
    html`<portal-provider .client=${client} .sessionOptions=${sessionOptions} lang=${options.lang ?? 'en'} theme=${options.theme ?? 'light'}
      >${options.template ?? html`<portal-login></portal-login>`}</portal-provider
    >`,
  );
  await provider.host!.load();
  await provider.host!.lifecycleReady; // the automatic-logoff code loads on first sign-in
  const el = provider.querySelector('portal-login')!; // null when the test embeds it elsewhere
  await el?.updateComplete;
  return { provider, el, host: provider.host! };
}

const shadow = (el: PortalLogin) => el.shadowRoot!;
const input = (el: PortalLogin, autocomplete: string, index = 0) =>
  el.querySelectorAll<HTMLInputElement>(`input[autocomplete="${autocomplete}"]`)[index]!;
const submitButton = (el: PortalLogin) => el.querySelector<HTMLButtonElement>('[part~="submit-button"]')!;
const alertText = (el: PortalLogin) => shadow(el).querySelector('[part~="error"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

async function type(field: HTMLInputElement, text: string) {
  field.focus();
  await sendKeys({ type: text });
}

/** Put a value in as a paste would (one input event), for long or exotic text. */
function paste(field: HTMLInputElement, text: string) {
  field.value = text;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function signIn(el: PortalLogin, id: string, password: string) {
  paste(input(el, 'username'), id);
  paste(input(el, 'current-password'), password);
  submitButton(el).click();
  await settle();
  await el.updateComplete;
}

const originalAssign = navigation.assign;
const consoleCalls: unknown[][] = [];
/** Every console method a leak could use; the suite fails if any is called. */
const CONSOLE_METHODS = ['log', 'error', 'warn', 'info', 'debug'] as const;
const consoleObject = console as unknown as Record<string, (...args: unknown[]) => void>;
const originalConsole = Object.fromEntries(CONSOLE_METHODS.map((k) => [k, consoleObject[k]]));

// ---------------------------------------------------------------- suite

describe('<portal-login>', () => {
  let clock: FakeClock;
  let startUrl: string;

  beforeEach(() => {
    clock = new FakeClock();
    startUrl = location.href;
    consoleCalls.length = 0;
    for (const k of CONSOLE_METHODS) {
      consoleObject[k] = (...args: unknown[]) => {
        const text = args.join(' ');
        if (!text.includes('Lit is in dev mode')) consoleCalls.push(args);
      };
    }
    navigation.assign = () => {
      throw new Error('unexpected navigation');
    };
  });

  afterEach(async () => {
    Object.assign(console, originalConsole);
    navigation.assign = originalAssign;
    PortalLogin.slowAfterMs = 6000;
    await setViewport({ width: 800, height: 600 });
    // Nothing about the patient may be left in the browser, the URL or the console.
    expect(localStorage.length, 'localStorage').to.equal(0);
    expect(sessionStorage.length, 'sessionStorage').to.equal(0);
    expect(location.href, 'URL').to.equal(startUrl);
    expect(consoleCalls, 'console output').to.deep.equal([]);
  });

  describe('accessibility (axe) in every state', () => {
    it('signed out, empty form', async () => {
      const { el } = await mount(personaClient(clock));
      await expect(el).to.be.accessible();
    });

    it('signed out, dark theme at 320 px', async () => {
      await setViewport({ width: 320, height: 640 });
      const { el } = await mount(personaClient(clock), { theme: 'dark' });
      await expect(el).to.be.accessible();
      expect(el.scrollWidth).to.be.at.most(320);
    });

    it('error summary', async () => {
      const { el } = await mount(personaClient(clock));
      submitButton(el).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('wrong password', async () => {
      const { el } = await mount(personaClient(clock));
      await signIn(el, 'dana', 'nope');
      await expect(el).to.be.accessible();
    });

    it('locked out', async () => {
      const client = personaClient(clock, {
        signIn: () => Promise.reject(new PortalError('locked-out', 'x', { retryAfterSeconds: 900 })),
      });
      const { el } = await mount(client);
      await signIn(el, 'dana', 'nope');
      await expect(el).to.be.accessible();
    });

    it('server unreachable, with Retry', async () => {
      const client = personaClient(clock, { signIn: () => Promise.reject(new PortalError('network', 'x')) });
      const { el } = await mount(client);
      await signIn(el, 'dana', 'x');
      await expect(el).to.be.accessible();
    });

    it('first sign-in: choose your own password', async () => {
      const { el } = await mount(personaClient(clock));
      await signIn(el, 'newbie', PASSWORDS['newbie']!);
      await waitUntil(() => input(el, 'new-password'));
      paste(input(el, 'new-password', 0), 'short');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('signed in', async () => {
      const { el } = await mount(personaClient(clock, {}, personaSession(clock, 'dana')));
      await expect(el).to.be.accessible();
    });

    it('signed out after inactivity (reason shown)', async () => {
      const { el, host } = await mount(personaClient(clock, {}, personaSession(clock, 'dana')));
      await host.signOut('idle');
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('re-auth inline', async () => {
      const { el, host } = await mount(personaClient(clock, {}, personaSession(clock, 'dana')), {
        template: html`<portal-login reauth></portal-login>`,
      });
      host.requireReauth();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('idle warning dialog', async () => {
      const { provider } = await mount(personaClient(clock, {}, personaSession(clock, 'dana')), { clock });
      await clock.advance(13 * 60_000);
      await provider.updateComplete;
      const dialog = provider.shadowRoot!.querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      await expect(dialog).to.be.accessible();
    });

    it('high contrast', async () => {
      const { el } = await mount(personaClient(clock), { theme: 'high-contrast' });
      submitButton(el).click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('Spanish', async () => {
      const { el } = await mount(personaClient(clock), { lang: 'es' });
      await waitUntil(() => shadow(el).querySelector('h2')?.textContent?.includes('Inicie sesión'));
      await expect(el).to.be.accessible();
    });
  });

  describe('documented defaults', () => {
    it('is a sign-in form when nobody is signed in, not in re-auth mode, with no next page', async () => {
      const { el } = await mount(personaClient(clock));
      expect(el.reauth).to.equal(false);
      expect(el.next).to.equal(undefined);
      expect(shadow(el).querySelector('h2')!.textContent).to.equal('Sign in to your patient portal');
      expect(el.matches(':state(ready)')).to.equal(true);
      const help = shadow(el).querySelector<HTMLDetailsElement>('[part~="help"]')!;
      expect(help.open).to.equal(false);
    });
  });

  describe('autofill: the form lives in the light DOM', () => {
    it('renders native inputs in the document (not a shadow root), with autocomplete, name and id', async () => {
      const { el } = await mount(personaClient(clock));
      const form = el.querySelector('form')!;
      expect(form.getRootNode()).to.equal(document);
      expect(form.method).to.equal('post');
      const user = input(el, 'username');
      const pass = input(el, 'current-password');
      for (const field of [user, pass]) {
        expect(field.getRootNode(), 'in the document tree').to.equal(document);
        expect(el.shadowRoot!.contains(field)).to.equal(false);
        expect(document.getElementById(field.id)).to.equal(field);
        expect(document.querySelector(`label[for="${field.id}"]`)).to.exist;
      }
      expect(user).to.include({ name: 'username', type: 'text' });
      expect(user.id).to.match(/^portal-login-\d+-patient-id$/);
      expect(pass).to.include({ name: 'password', type: 'password' });
      expect(pass.id).to.match(/^portal-login-\d+-password$/);
      expect(pass.hasAttribute('maxlength'), 'never truncates').to.equal(false);
      // Projected into the card through the shadow root's slot.
      expect(form.assignedSlot).to.equal(el.shadowRoot!.querySelector('slot'));
    });

    it('prevents navigation on submit (no credentials in a URL, no page load)', async () => {
      const { el } = await mount(personaClient(clock));
      let prevented = false;
      const spy = (e: Event) => (prevented = e.defaultPrevented);
      document.addEventListener('submit', spy);
      await signIn(el, 'dana', 'wrong password');
      document.removeEventListener('submit', spy);
      expect(prevented).to.equal(true);
      expect(location.href).to.equal(startUrl);
    });

    it('styles the light DOM with one adopted stylesheet, however many logins there are', async () => {
      const { el } = await mount(personaClient(clock), {
        template: html`<portal-login></portal-login><portal-login></portal-login>`,
      });
      const ours = document.adoptedStyleSheets.filter((s) => [...s.cssRules].some((r) => r.cssText.startsWith('portal-login')));
      expect(ours).to.have.length(1);
      expect(parseFloat(getComputedStyle(submitButton(el)).minHeight)).to.be.at.least(44);
      expect(parseFloat(getComputedStyle(input(el, 'username')).minHeight)).to.be.at.least(44);
    });

    it('uses new-password for both new-password fields and tells managers whose password it is', async () => {
      const { el } = await mount(personaClient(clock));
      await signIn(el, 'newbie', PASSWORDS['newbie']!);
      const fields = el.querySelectorAll<HTMLInputElement>('input[autocomplete="new-password"]');
      expect(fields).to.have.length(2);
      expect([...fields].map((f) => f.getRootNode())).to.deep.equal([document, document]);
      const user = input(el, 'username');
      expect(user.hidden).to.equal(true);
      expect(user.value).to.equal('newbie');
      expect(el.querySelector('input[autocomplete="current-password"]'), 'office password kept in memory').to.equal(null);
    });
  });

  describe('signing in', () => {
    for (const persona of ['dana', 'rory', 'bea']) {
      it(`signs in ${persona} and greets them by name`, async () => {
        const client = personaClient(clock);
        const { el, host } = await mount(client);
        const event = oneEvent(el, 'portal-signed-in') as Promise<PortalSignedInEvent>;
        await signIn(el, persona, PASSWORDS[persona]!);
        const { detail } = await event;
        expect(detail).to.deep.equal({ mustChangePassword: false, consentRequired: false });
        await el.updateComplete;
        expect(host.signedIn?.patient.id).to.equal(persona);
        expect(shadow(el).querySelector('.greeting')!.textContent).to.include(NAMES[persona]);
        expect(el.querySelector('form'), 'the form is gone').to.equal(null);
        expect(shadow(el).activeElement?.getAttribute('part')).to.equal('title');
      });
    }

    it('says the same thing for an unknown ID and a wrong password, keeps the ID and clears the password', async () => {
      const { el } = await mount(personaClient(clock));
      await signIn(el, 'nobody', 'whatever-password');
      const unknown = alertText(el);
      await signIn(el, 'dana', 'wrong-password');
      expect(alertText(el)).to.equal(unknown);
      expect(unknown).to.include('The patient ID or password is not correct.');
      expect(input(el, 'username').value).to.equal('dana');
      expect(input(el, 'current-password').value).to.equal('');
      expect(shadow(el).activeElement?.getAttribute('part')).to.equal('error');
    });

    it('focuses an error summary for empty fields, linked to each field', async () => {
      const client = personaClient(clock);
      const { el } = await mount(client);
      submitButton(el).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(client.signIns).to.have.length(0);
      const summary = shadow(el).querySelector('.error-summary')!;
      expect(shadow(el).activeElement).to.equal(summary);
      expect(summary.getAttribute('role')).to.equal('alert');
      expect(summary.textContent).to.include('There are 2 problems to fix');
      const user = input(el, 'username');
      expect(user.getAttribute('aria-invalid')).to.equal('true');
      const describedBy = user.getAttribute('aria-describedby')!.split(' ');
      expect(describedBy.map((id) => document.getElementById(id)?.textContent)).to.include('Enter your patient ID.');
      // The summary's link takes the patient to the field, without touching the URL.
      summary.querySelector('a')!.click();
      expect(document.activeElement).to.equal(user);
    });

    it('handles a 10,000-character password without a request', async () => {
      const client = personaClient(clock);
      const { el } = await mount(client);
      await signIn(el, 'dana', 'x'.repeat(10_000));
      expect(client.signIns).to.have.length(0);
      expect(alertText(el)).to.include('longer than any portal password');
    });

    it('sends the password exactly as typed — spaces, emoji, right-to-left text — and trims only the ID', async () => {
      const client = personaClient(clock);
      const { el } = await mount(client);
      const password = '  שלום 🔐 mot de passe  ';
      await signIn(el, '  dana  ', password);
      expect(client.signIns[0]).to.deep.equal({ patientId: 'dana', password });
    });

    it('sends one request for a double submit', async () => {
      let resolve!: (s: SignedInSession) => void;
      const client = personaClient(clock, { signIn: () => new Promise((r) => (resolve = r)) });
      const { el } = await mount(client);
      paste(input(el, 'username'), 'dana');
      paste(input(el, 'current-password'), PASSWORDS['dana']!);
      submitButton(el).click();
      submitButton(el).click();
      await el.updateComplete;
      submitButton(el).click();
      expect(client.calls.filter((c) => c === 'signIn')).to.have.length(1);
      expect(submitButton(el).getAttribute('aria-disabled')).to.equal('true');
      expect(el.matches(':state(submitting)')).to.equal(true);
      resolve(personaSession(clock, 'dana'));
      await waitUntil(() => shadow(el).querySelector('.greeting'));
    });

    it('says it is still working when the server is slow', async () => {
      PortalLogin.slowAfterMs = 50;
      const client = personaClient(clock, { signIn: () => new Promise(() => {}) });
      const { el } = await mount(client);
      await signIn(el, 'dana', 'x');
      expect(shadow(el).querySelector('[role="status"]:not([part])')!.textContent).to.equal('Signing in…');
      await aTimeout(80);
      await el.updateComplete;
      expect(shadow(el).querySelector('p[role="status"]')!.textContent).to.include('slow to answer');
    });

    it('offers Retry when the server is down, keeping what was typed', async () => {
      let down = true;
      const client = personaClient(clock);
      const realSignIn = client.signIn;
      client.signIn = (r, o) => (down ? Promise.reject(new PortalError('network', 'offline')) : realSignIn(r, o));
      const { el } = await mount(client);
      await signIn(el, 'dana', PASSWORDS['dana']!);
      expect(alertText(el)).to.include('could not reach');
      expect(input(el, 'username').value).to.equal('dana');
      expect(input(el, 'current-password').value).to.equal(PASSWORDS['dana']);
      down = false;
      shadow(el).querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitUntil(() => shadow(el).querySelector('.greeting'), 'retry did not sign in');
    });

    it('explains a malformed session response as a contract error', async () => {
      const client = personaClient(clock, {
        signIn: async () => ({ authenticated: true, patient: { id: 'dana' } }) as unknown as SignedInSession,
      });
      const { el, host } = await mount(client);
      await signIn(el, 'dana', 'x');
      expect(alertText(el)).to.include('sent something we did not expect');
      expect(host.signedIn).to.equal(null);
    });

    it('says plainly how long to wait when locked out, with the office phone, and does not retry meanwhile', async () => {
      const client = personaClient(clock, {
        signIn: () => Promise.reject(new PortalError('locked-out', 'x', { retryAfterSeconds: 900 })),
      });
      const { el } = await mount(client);
      await signIn(el, 'dana', 'x');
      expect(alertText(el)).to.include('Please wait 15 minutes');
      const tel = shadow(el).querySelector<HTMLAnchorElement>('[part~="error"] a[href^="tel:"]')!;
      expect(tel.href).to.equal('tel:9725550142');
      expect(alertText(el)).not.to.match(/password is|ID is/i);
      submitButton(el).click();
      await el.updateComplete;
      expect(client.calls.filter((c) => c === 'signIn')).to.have.length(1);
    });

    it('handles a 429 with Retry-After', async () => {
      const client = personaClient(clock, {
        signIn: () => Promise.reject(new PortalError('rate-limited', 'x', { status: 429, retryAfterSeconds: 30 })),
      });
      const { el } = await mount(client);
      await signIn(el, 'dana', 'x');
      expect(alertText(el)).to.include('Please wait 30 seconds');
    });

    it('goes to the same-origin next page after signing in', async () => {
      const visited: string[] = [];
      navigation.assign = (url) => visited.push(url);
      const { el } = await mount(personaClient(clock), { template: html`<portal-login next="/messages.html"></portal-login>` });
      await signIn(el, 'dana', PASSWORDS['dana']!);
      expect(visited).to.deep.equal(['/messages.html']);
    });

    it('ignores a next page on another site', async () => {
      const { el } = await mount(personaClient(clock), {
        template: html`<portal-login next="https://evil.example/phish"></portal-login>`,
      });
      await signIn(el, 'dana', PASSWORDS['dana']!); // navigation.assign would throw
      expect(shadow(el).querySelector('[part~="continue-button"]')).to.equal(null);
    });

    it('accepts only same-origin paths for next', () => {
      const base = 'https://clinic.example/portal.html';
      expect(safeNextUrl('/messages.html', base)).to.equal('/messages.html');
      expect(safeNextUrl('messages.html?tab=1#top', base)).to.equal('/messages.html?tab=1#top');
      for (const bad of [
        'https://evil.example/',
        '//evil.example/x',
        '/\\evil.example',
        'javascript:alert(1)',
        ' JavaScript:alert(1)',
        'data:text/html,x',
        '/a\nb',
        '',
        undefined,
      ]) {
        expect(safeNextUrl(bad, base), String(bad)).to.equal(null);
      }
    });

    it('tells the patient to call the office when they forgot their ID or password', async () => {
      const { el } = await mount(personaClient(clock));
      const help = shadow(el).querySelector<HTMLDetailsElement>('[part~="help"]')!;
      help.querySelector('summary')!.click();
      expect(help.open).to.equal(true);
      expect(help.textContent).to.include('come from the office');
      expect(help.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.textContent).to.include('(972) 555-0142');
    });

    it('links the reset page only when the backend offers self-service reset', async () => {
      const client = personaClient(clock, { getClinic: async () => ({ ...testClinic, selfServiceReset: true }) });
      const { el } = await mount(client, { template: html`<portal-login reset-url="/reset.html"></portal-login>` });
      const link = shadow(el).querySelector<HTMLAnchorElement>('[part~="help"] a')!;
      expect(link.getAttribute('href')).to.equal('/reset.html');
    });

    it('toggles password visibility with a pressed-state button', async () => {
      const { el } = await mount(personaClient(clock));
      const toggle = el.querySelector<HTMLButtonElement>('.toggle')!;
      expect(toggle.getAttribute('aria-pressed')).to.equal('false');
      expect(toggle.getAttribute('aria-label')).to.equal('Show password');
      toggle.click();
      await el.updateComplete;
      expect(toggle.getAttribute('aria-pressed')).to.equal('true');
      expect(el.querySelector<HTMLInputElement>('input[name="password"]')!.type).to.equal('text');
    });

    it('signs in with the keyboard alone', async () => {
      const { el } = await mount(personaClient(clock));
      await type(input(el, 'username'), 'dana');
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: PASSWORDS['dana']! });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => shadow(el).querySelector('.greeting'), 'not signed in');
    });
  });

  describe('first sign-in with the office-issued password', () => {
    it('asks for a new password with live rules, then saves it using the office password from memory', async () => {
      const client = personaClient(clock);
      const { el, host } = await mount(client);
      const signedIn = oneEvent(el, 'portal-signed-in') as Promise<PortalSignedInEvent>;
      await signIn(el, 'newbie', PASSWORDS['newbie']!);
      expect((await signedIn).detail).to.deep.equal({ mustChangePassword: true, consentRequired: true });
      await el.updateComplete;
      expect(shadow(el).querySelector('h2')!.textContent).to.equal('Choose your own password');

      const fresh = input(el, 'new-password', 0);
      await type(fresh, 'newbie');
      await el.updateComplete;
      const rules = () => [...el.querySelectorAll('.rules li')].map((li) => `${li.className}:${li.textContent!.replace(/\s+/g, ' ').trim()}`);
      expect(rules()[0]).to.match(/^pending:.*at least 15 characters \(6 so far\)/);
      await waitUntil(() => el.querySelector('.rules'), 'rules');

      // Submitting a weak password gives the reason, in plain words.
      paste(fresh, 'password password');
      paste(input(el, 'new-password', 1), 'password password');
      submitButton(el).click();
      await waitUntil(() => alertText(el).includes('too common'), alertText(el));
      expect(client.changes).to.have.length(0);
      expect(rules().find((r) => r.includes('common'))).to.match(/^unmet/);

      // Mismatch.
      paste(fresh, NEW_PASSWORD);
      paste(input(el, 'new-password', 1), `${NEW_PASSWORD}!`);
      submitButton(el).click();
      await el.updateComplete;
      expect(alertText(el)).to.include('The two passwords are not the same');

      paste(input(el, 'new-password', 1), NEW_PASSWORD);
      await el.updateComplete;
      expect(rules().every((r) => r.startsWith('met'))).to.equal(true);
      const changed = oneEvent(el, 'portal-password-changed');
      submitButton(el).click();
      await changed;
      expect(client.changes).to.deep.equal([{ currentPassword: PASSWORDS['newbie'], newPassword: NEW_PASSWORD }]);
      await el.updateComplete;
      expect(host.signedIn?.mustChangePassword).to.equal(false);
      expect(shadow(el).querySelector('.notice.success')!.textContent).to.include('new password is saved');
    });

    it('shows the server’s reason when it rejects the new password', async () => {
      const client = personaClient(clock, {
        changePassword: () =>
          Promise.reject(
            new PortalError('password-rejected', 'x', { status: 422, fieldErrors: [{ field: 'newPassword', code: 'common' }] }),
          ),
      });
      const { el } = await mount(client);
      await signIn(el, 'newbie', PASSWORDS['newbie']!);
      paste(input(el, 'new-password', 0), NEW_PASSWORD);
      paste(input(el, 'new-password', 1), NEW_PASSWORD);
      submitButton(el).click();
      await waitUntil(() => alertText(el).includes('too common'), alertText(el));
      const field = input(el, 'new-password', 0);
      expect(field.getAttribute('aria-invalid')).to.equal('true');
      expect(field.value, 'kept').to.equal(NEW_PASSWORD);
    });

    it('rejects a 10,000-character new password with the reason', async () => {
      const client = personaClient(clock);
      const { el } = await mount(client);
      await signIn(el, 'newbie', PASSWORDS['newbie']!);
      paste(input(el, 'new-password', 0), 'x'.repeat(10_000));
      paste(input(el, 'new-password', 1), 'x'.repeat(10_000));
      submitButton(el).click();
      await waitUntil(() => alertText(el).includes('at most 128'), alertText(el));
      expect(client.changes).to.have.length(0);
    });

    it('asks for the office password when it is not in memory (page reloaded), and says when it is wrong', async () => {
      const client = personaClient(
        clock,
        { changePassword: () => Promise.reject(new PortalError('invalid-credentials', 'x', { status: 401 })) },
        personaSession(clock, 'newbie'),
      );
      const { el } = await mount(client);
      const current = input(el, 'current-password');
      expect(current).to.exist;
      paste(current, 'not-it');
      paste(input(el, 'new-password', 0), NEW_PASSWORD);
      paste(input(el, 'new-password', 1), NEW_PASSWORD);
      submitButton(el).click();
      await waitUntil(() => alertText(el).includes('not the password the office gave you'), alertText(el));
    });

    it('goes back to sign-in if the session expired meanwhile', async () => {
      const client = personaClient(clock, { changePassword: () => Promise.reject(new PortalError('session-expired', 'x')) });
      const { el } = await mount(client);
      await signIn(el, 'newbie', PASSWORDS['newbie']!);
      paste(input(el, 'new-password', 0), NEW_PASSWORD);
      paste(input(el, 'new-password', 1), NEW_PASSWORD);
      submitButton(el).click();
      await waitUntil(() => shadow(el).querySelector('[part~="signed-out"]'));
      expect(shadow(el).querySelector('[part~="signed-out"]')!.textContent).to.include('Your session ended');
    });
  });

  describe('signed in', () => {
    it('signs out, forgets the patient and says so; the provider announces it', async () => {
      const client = personaClient(clock, {}, personaSession(clock, 'dana'));
      const { el, provider } = await mount(client);
      expect(shadow(el).textContent).to.include('Dana Whitfield');
      const event = oneEvent(provider, 'portal-signed-out') as Promise<PortalSignedOutEvent>;
      shadow(el).querySelector<HTMLButtonElement>('[part~="sign-out-button"]')!.click();
      expect((await event).detail).to.deep.equal({ reason: 'user' });
      await el.updateComplete;
      expect(client.calls).to.include('signOut');
      expect(shadow(el).querySelector('[part~="signed-out"]')!.textContent).to.include('You have signed out');
      expect(document.body.innerHTML + shadow(el).innerHTML).not.to.include('Dana Whitfield');
      expect(shadow(el).activeElement?.getAttribute('part')).to.equal('title');
    });

    it('links to next when already signed in', async () => {
      const { el } = await mount(personaClient(clock, {}, personaSession(clock, 'dana')), {
        template: html`<portal-login next="/messages.html"></portal-login>`,
      });
      const link = shadow(el).querySelector<HTMLAnchorElement>('[part~="continue-button"]')!;
      expect(link.getAttribute('href')).to.equal('/messages.html');
    });
  });

  describe('re-authentication inline', () => {
    it('renders nothing until the session needs the password again', async () => {
      const { el } = await mount(personaClient(clock, {}, personaSession(clock, 'dana')), {
        template: html`<portal-login reauth></portal-login>`,
      });
      expect(el.querySelector('form')).to.equal(null);
      expect(shadow(el).querySelector('[part~="base"]')).to.equal(null);
    });

    it('asks only for the password and resumes without dropping anyone’s state', async () => {
      const client = personaClient(clock, {}, personaSession(clock, 'dana'));
      const { el, host, provider } = await mount(client, {
        template: html`<label>Draft <textarea>half-written message</textarea></label><portal-login reauth></portal-login>`,
      });
      const sessionBefore = host.signedIn;
      host.requireReauth();
      await el.updateComplete;
      expect(shadow(el).querySelector('h2')!.textContent).to.equal('Please sign in again');
      expect(shadow(el).activeElement, 'focus moves to the form that appeared').to.equal(shadow(el).querySelector('h2'));
      expect(el.querySelector('.patient-id')!.textContent).to.include('dana');
      expect(input(el, 'username').hidden).to.equal(true);

      paste(input(el, 'current-password'), 'wrong');
      submitButton(el).click();
      await waitUntil(() => alertText(el).includes('not correct'));

      paste(input(el, 'current-password'), PASSWORDS['dana']!);
      const event = oneEvent(el, 'portal-signed-in');
      submitButton(el).click();
      await event;
      await el.updateComplete;
      expect(host.state.reauthRequired).to.equal(false);
      expect(host.signedIn?.patient.id).to.equal(sessionBefore?.patient.id);
      expect(provider.querySelector('textarea')!.value).to.equal('half-written message');
      expect(client.signIns.at(-1)).to.deep.equal({ patientId: 'dana', password: PASSWORDS['dana'] });
      expect(el.querySelector('form')).to.equal(null);
    });

    it('works inside another widget’s shadow root (as compose embeds it), styled there', async () => {
      class Host extends HTMLElement {
        constructor() {
          super();
          this.attachShadow({ mode: 'open' }).innerHTML = '<portal-login reauth></portal-login>';
        }
      }
      if (!customElements.get('login-embed-test')) customElements.define('login-embed-test', Host);
      const { provider, host } = await mount(personaClient(clock, {}, personaSession(clock, 'dana')), {
        template: html`<login-embed-test></login-embed-test>`,
      });
      const shadowRoot = provider.querySelector('login-embed-test')!.shadowRoot!;
      const el = shadowRoot.querySelector('portal-login')!;
      host.requireReauth();
      await waitUntil(() => el.querySelector('form'), 'no re-auth form');
      expect(shadowRoot.adoptedStyleSheets.some((sheet) => [...sheet.cssRules].some((r) => r.cssText.startsWith('portal-login')))).to.equal(true);
      expect(parseFloat(getComputedStyle(submitButton(el)).minHeight)).to.be.at.least(44);
      await expect(el).to.be.accessible();
    });

    it('shows the re-auth form in the page’s own login too', async () => {
      const { el, host } = await mount(personaClient(clock, {}, personaSession(clock, 'dana')));
      host.requireReauth();
      await el.updateComplete;
      expect(shadow(el).querySelector('h2')!.textContent).to.equal('Please sign in again');
    });
  });

  describe('automatic logoff (fake clock)', () => {
    it('loads its code only once someone signs in, and still tells the other tabs about that sign-in', async () => {
      const client = personaClient(clock);
      const { el, host } = await mount(client, { clock, lifecycle: { channelName: 'login-test-announce' } });
      expect(host.lifecycle, 'no automatic-logoff clock while signed out').to.equal(undefined);
      const seen: string[] = [];
      const otherTab = new BroadcastChannel('login-test-announce');
      otherTab.onmessage = (e: MessageEvent<{ kind: string }>) => seen.push(e.data.kind);
      try {
        await signIn(el, 'dana', PASSWORDS.dana!);
        await host.lifecycleReady;
        expect(host.lifecycle, 'started after sign-in').to.exist;
        await waitUntil(() => seen.includes('signed-in'), `other tab saw ${seen.join(', ') || 'nothing'}`);
      } finally {
        otherTab.close();
      }
    });

    it('warns in a modal dialog with focus on "Stay signed in", which keeps the patient signed in', async () => {
      const client = personaClient(clock, {}, personaSession(clock, 'dana'));
      const { provider, el } = await mount(client, { clock });
      await clock.advance(13 * 60_000 - 1000);
      await provider.updateComplete;
      const dialog = provider.shadowRoot!.querySelector('dialog')!;
      expect(dialog.open).to.equal(false);
      await clock.advance(1000);
      await provider.updateComplete;
      expect(dialog.open).to.equal(true);
      expect(dialog.getAttribute('role')).to.equal('alertdialog');
      expect(dialog.textContent).to.include('Are you still there?');
      expect(dialog.textContent).to.include('2 minutes');
      const stay = provider.shadowRoot!.activeElement as HTMLButtonElement;
      expect(stay.textContent!.trim()).to.equal('Stay signed in');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => !dialog.open, 'dialog still open');
      expect(client.calls).to.include('keepAlive');
      await clock.advance(14 * 60_000);
      expect(shadow(el).querySelector('.greeting')).to.exist;
    });

    it('treats Escape as "Stay signed in"', async () => {
      const client = personaClient(clock, {}, personaSession(clock, 'dana'));
      const { provider } = await mount(client, { clock });
      await clock.advance(13 * 60_000);
      await provider.updateComplete;
      await sendKeys({ press: 'Escape' });
      const dialog = provider.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => !dialog.open);
      expect(client.calls).to.include('keepAlive');
    });

    it('signs out at the deadline: patient data leaves the page and the reason is shown', async () => {
      const client = personaClient(clock, {}, personaSession(clock, 'dana'));
      const { provider, el } = await mount(client, { clock });
      const event = oneEvent(provider, 'portal-signed-out') as Promise<PortalSignedOutEvent>;
      await clock.advance(15 * 60_000);
      expect((await event).detail).to.deep.equal({ reason: 'idle' });
      await el.updateComplete;
      await provider.updateComplete;
      expect(provider.shadowRoot!.querySelector('dialog')!.open).to.equal(false);
      expect(shadow(el).querySelector('[part~="signed-out"]')!.textContent).to.include('no activity');
      expect(shadow(el).innerHTML + el.innerHTML).not.to.include('Dana');
      expect(el.querySelector('input[autocomplete="username"]')).to.exist;
    });

    it('"Sign out" in the dialog signs out now', async () => {
      const client = personaClient(clock, {}, personaSession(clock, 'dana'));
      const { provider, host } = await mount(client, { clock });
      await clock.advance(13 * 60_000);
      await provider.updateComplete;
      provider.shadowRoot!.querySelector<HTMLButtonElement>('[data-action="sign-out"]')!.click();
      await settle();
      expect(host.signedIn).to.equal(null);
      expect(host.state.signOutReason).to.equal('user');
    });
  });

  describe('Spanish', () => {
    it('speaks Spanish: labels, errors and the help text', async () => {
      const { el } = await mount(personaClient(clock), { lang: 'es' });
      await waitUntil(() => el.querySelector('label')?.textContent === 'Número de paciente');
      submitButton(el).click();
      await el.updateComplete;
      expect(alertText(el)).to.include('Escriba su número de paciente.');
      await signIn(el, 'dana', 'mal');
      expect(alertText(el)).to.include('no son correctos');
      expect(shadow(el).querySelector('[part~="help"] summary')!.textContent).to.include('¿Olvidó');
    });

    it('warns in Spanish', async () => {
      const { provider } = await mount(personaClient(clock, {}, personaSession(clock, 'dana')), { clock, lang: 'es' });
      await clock.advance(13 * 60_000);
      await provider.updateComplete;
      const dialog = provider.shadowRoot!.querySelector('dialog')!;
      await waitUntil(() => dialog.textContent!.includes('¿Sigue ahí?'));
      expect(dialog.textContent).to.include('Seguir conectado');
    });
  });
});
