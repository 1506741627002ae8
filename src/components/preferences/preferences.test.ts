import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { PortalClient } from '../../api/client.js';
import { PortalError } from '../../api/errors.js';
import type { EmailChangeRequest, Preferences, PreferencesUpdate } from '../../api/schemas.js';
import type { PortalProvider } from '../provider/provider.js';
import { fakeClient, mountInProvider, signedInSession } from '../../internal/test-helpers.js';
import '../../define/preferences.js';
import type { PortalPreferences } from './preferences.js';

function prefs(overrides: Partial<Preferences> = {}, email: Partial<Preferences['email']> = {}): Preferences {
  return {
    notifications: { labResults: 'portal', testResults: 'portal', appointments: 'phone' },
    email: { maskedAddress: 'd••@example.com', status: 'verified', bouncedAt: null, pendingAddress: null, ...email },
    language: 'en',
    availableChannels: ['portal', 'phone', 'mail'],
    ...overrides,
  };
}

type Overrides = Partial<PortalClient>;

/** A tiny in-memory preferences backend: what was saved is what is loaded. */
function saver(start = prefs()) {
  let current = start;
  return {
    get: async () => current,
    update: async (update: PreferencesUpdate) => {
      current = {
        ...current,
        ...(update.notifications ? { notifications: update.notifications } : {}),
        ...(update.language ? { language: update.language } : {}),
      };
      return current;
    },
  };
}

const client = (overrides: Overrides = {}) => {
  const store = saver();
  return fakeClient({ getPreferences: store.get, updatePreferences: store.update, ...overrides });
};

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector(selector) as T | null;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  [...el.shadowRoot!.querySelectorAll<T & Element>(selector)] as T[];

async function mount(c: PortalClient, options: { lang?: string; theme?: string } = {}) {
  const el = await mountInProvider<PortalPreferences>(html`<portal-preferences></portal-preferences>`, c, options);
  await waitUntil(
    () => $(el, 'h2') || $(el, '[role="alert"]') || $(el, '.state') || $(el, '[role="status"]'),
    'preferences never rendered',
  );
  await el.updateComplete;
  return el;
}

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function radio(el: PortalPreferences, name: string, value: string) {
  return $<HTMLInputElement>(el, `input[name="${name}"][value="${value}"]`)!;
}

async function submit(el: PortalPreferences, formSelector: string) {
  $<HTMLFormElement>(el, formSelector)!.requestSubmit();
  await el.updateComplete;
}

const active = (el: PortalPreferences) => el.shadowRoot!.activeElement as HTMLElement | null;

async function openEmailForm(el: PortalPreferences) {
  $<HTMLButtonElement>(el, '#email-change-button')!.click();
  await el.updateComplete;
}

describe('<portal-preferences>', () => {
  describe('accessibility', () => {
    it('is accessible while loading', async () => {
      const el = await mountInProvider<PortalPreferences>(
        html`<portal-preferences></portal-preferences>`,
        client({ getPreferences: () => new Promise(() => {}) }),
      );
      await el.updateComplete;
      expect($(el, '[part~="loading"]')).to.exist;
      expect(el.matches(':state(loading)')).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('is accessible when ready', async () => {
      const el = await mount(client());
      expect(el.matches(':state(ready)')).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('is accessible with the bounce banner and the email form open', async () => {
      const el = await mount(
        client({
          getSession: async () => signedInSession({ notificationEmailBounced: true }),
          getPreferences: async () => prefs({}, { status: 'bounced', bouncedAt: '2026-12-01T12:00:00.000Z' }),
        }),
      );
      $<HTMLButtonElement>(el, '[part~="bounce-fix-button"]')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('is accessible with error summaries showing', async () => {
      const el = await mount(client());
      await openEmailForm(el);
      await submit(el, 'form:has(#new-email)');
      expect($(el, '#email-summary')).to.exist;
      await expect(el).to.be.accessible();
      // One summary at a time (the form just submitted); the other form keeps its field errors.
      await submit(el, 'form:has(#new-password)');
      expect($(el, '#password-summary')).to.exist;
      expect($(el, '#new-email-error')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is accessible while waiting for the email code', async () => {
      const el = await mount(
        client({
          getPreferences: async () => prefs({}, { status: 'pending-verification', pendingAddress: 'n••@example.com' }),
        }),
      );
      expect($(el, '#email-code')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is accessible for a revoked patient', async () => {
      const el = await mount(client({ getSession: async () => signedInSession({ messaging: { allowed: false } }) }));
      await expect(el).to.be.accessible();
    });

    it('is accessible in the error and signed-out states', async () => {
      const failing = await mountInProvider<PortalPreferences>(
        html`<portal-preferences></portal-preferences>`,
        client({ getPreferences: async () => Promise.reject(new PortalError('server', 'x')) }),
      );
      await waitUntil(() => $(failing, '[role="alert"]'));
      await expect(failing).to.be.accessible();
      const signedOut = await mount(client({ getSession: async () => ({ authenticated: false }) }));
      await expect(signedOut).to.be.accessible();
    });

    it('is accessible in Spanish, dark theme', async () => {
      const el = await mount(client(), { lang: 'es', theme: 'dark' });
      await waitUntil(() => $(el, 'h2')!.textContent === 'Sus preferencias');
      await expect(el).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('shows the saved choices, with nothing unsaved', async () => {
      const el = await mount(client());
      expect(el.hasUnsavedChanges).to.be.false;
      expect(radio(el, 'topic-labResults', 'portal').checked).to.be.true;
      expect(radio(el, 'topic-appointments', 'phone').checked).to.be.true;
      expect(radio(el, 'language', 'en').checked).to.be.true;
      expect($(el, '.unsaved')).to.be.null;
    });

    it('groups each topic in a fieldset with a legend, offering the clinic’s channels', async () => {
      const el = await mount(client({ getPreferences: async () => prefs({ availableChannels: ['portal', 'mail'] }) }));
      const legends = $$(el, 'fieldset[id^="topic-"] legend').map((l) => l.textContent!.trim());
      expect(legends).to.deep.equal(['Lab results', 'Test results', 'Appointment notifications']);
      expect($$<HTMLInputElement>(el, 'input[name="topic-labResults"]').map((i) => i.value)).to.deep.equal([
        'portal',
        'mail',
      ]);
      // A saved channel the clinic no longer offers is still shown, so nothing silently changes.
      expect($$<HTMLInputElement>(el, 'input[name="topic-appointments"]').map((i) => i.value)).to.deep.equal([
        'portal',
        'mail',
        'phone',
      ]);
    });

    it('explains that notification emails never contain message content', async () => {
      const el = await mount(client());
      expect(el.shadowRoot!.textContent).to.contain('never contains your messages or results, only a link to sign in');
      expect(el.shadowRoot!.textContent).to.contain('d••@example.com');
    });
  });

  describe('contact choices', () => {
    it('marks unsaved changes, guards leaving, saves and announces', async () => {
      let sent: PreferencesUpdate | undefined;
      const store = saver();
      const el = await mount(client({ updatePreferences: (u: PreferencesUpdate) => ((sent = u), store.update(u)) }));
      radio(el, 'topic-labResults', 'mail').click();
      await el.updateComplete;
      expect(el.hasUnsavedChanges).to.be.true;
      expect($(el, '.unsaved')!.textContent).to.contain('You have unsaved changes.');
      const leaving = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(leaving);
      expect(leaving.defaultPrevented).to.be.true;

      const saved = oneEvent(el, 'portal-preferences-saved');
      await submit(el, 'form:has(#topic-labResults)');
      expect((await saved).detail).to.deep.equal({ language: 'en' });
      await el.updateComplete;
      expect(sent).to.deep.equal({
        notifications: { labResults: 'mail', testResults: 'portal', appointments: 'phone' },
      });
      expect(el.hasUnsavedChanges).to.be.false;
      const status = $(el, 'form:has(#topic-labResults) [role="status"]')!;
      expect(status.textContent).to.contain('Your contact choices are saved.');
      const again = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(again);
      expect(again.defaultPrevented).to.be.false;
    });

    it('keeps the choices on a network failure and offers to try again', async () => {
      let fail = true;
      const store = saver();
      const el = await mount(
        client({
          updatePreferences: (u: PreferencesUpdate) =>
            fail ? Promise.reject(new PortalError('network', 'x')) : store.update(u),
        }),
      );
      radio(el, 'topic-testResults', 'mail').click();
      await submit(el, 'form:has(#topic-labResults)');
      await waitUntil(() => $(el, '#notify-error'));
      const alert = $(el, '#notify-error')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(alert.textContent).to.contain('Your changes were not saved');
      expect(alert.textContent).to.contain('could not reach');
      expect(active(el)).to.equal(alert);
      expect(radio(el, 'topic-testResults', 'mail').checked).to.be.true;
      expect(el.hasUnsavedChanges).to.be.true;
      fail = false;
      await submit(el, 'form:has(#topic-labResults)');
      await waitUntil(() => !el.hasUnsavedChanges);
      expect($(el, '#notify-error')).to.be.null;
    });

    it('shows a server validation error next to the one field, with a focused summary', async () => {
      const el = await mount(
        client({
          updatePreferences: async () =>
            Promise.reject(
              new PortalError('validation', 'x', {
                fieldErrors: [{ field: 'notifications.testResults', code: 'unavailable' }],
              }),
            ),
        }),
      );
      radio(el, 'topic-testResults', 'mail').click();
      await submit(el, 'form:has(#topic-labResults)');
      await waitUntil(() => $(el, '#notify-summary'));
      await el.updateComplete;
      expect(active(el)?.id).to.equal('notify-summary');
      const fieldset = $(el, '#topic-testResults')!;
      expect(fieldset.getAttribute('aria-invalid')).to.equal('true');
      expect($(el, '#topic-testResults-error')!.textContent).to.contain('This choice is not available');
      expect($(el, '#topic-labResults')!.getAttribute('aria-invalid')).to.equal('false');
      // The summary entry leads to the field.
      $<HTMLButtonElement>(el, '#notify-summary button')!.click();
      expect(active(el)?.getAttribute('name')).to.equal('topic-testResults');
    });

    it('is keyboard-only: arrows choose, Tab reaches Save, Enter saves', async () => {
      const c = client();
      const el = await mount(c);
      radio(el, 'topic-labResults', 'portal').focus();
      await sendKeys({ press: 'ArrowDown' });
      expect(radio(el, 'topic-labResults', 'phone').checked).to.be.true;
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(active(el)?.getAttribute('part')).to.equal('submit-button');
      const saved = oneEvent(el, 'portal-preferences-saved');
      await sendKeys({ press: 'Enter' });
      await saved;
      expect(c.calls).to.include('updatePreferences');
    });
  });

  describe('language', () => {
    it('applies the language to every widget at once, then saves it', async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const store = saver();
      const c = client({ updatePreferences: async (u: PreferencesUpdate) => (await gate, store.update(u)) });
      // No lang attribute on the provider: the patient's saved language decides.
      const provider = await fixture<PortalProvider>(
        html`<portal-provider .client=${c} theme="light"><portal-preferences></portal-preferences></portal-provider>`,
      );
      await provider.host!.load();
      const el = provider.querySelector('portal-preferences')!;
      await waitUntil(() => $(el, 'h2'));
      radio(el, 'language', 'es').click();
      // Applied before the save finishes.
      expect(provider.host!.state.preferredLocale).to.equal('es');
      await waitUntil(() => $(el, 'h2')!.textContent === 'Sus preferencias', 'not re-rendered in Spanish');
      const saved = oneEvent(el, 'portal-preferences-saved');
      release();
      expect((await saved).detail).to.deep.equal({ language: 'es' });
      expect(provider.host!.signedIn!.language).to.equal('es');
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).to.contain('Idioma guardado: Español.');
    });

    it('on a Spanish page, a patient who chose English reads English; one who never chose reads Spanish', async () => {
      const page = document.documentElement.lang;
      document.documentElement.lang = 'es';
      try {
        for (const [languageChosen, heading] of [
          [true, 'Your preferences'],
          [false, 'Sus preferencias'],
        ] as const) {
          const c = client({ getSession: async () => signedInSession({ language: 'en', languageChosen }) });
          const provider = await fixture<PortalProvider>(
            html`<portal-provider .client=${c} theme="light"><portal-preferences></portal-preferences></portal-provider>`,
          );
          await provider.host!.load();
          const el = provider.querySelector('portal-preferences')!;
          await waitUntil(() => $(el, 'h2')?.textContent === heading, `languageChosen ${languageChosen}: ${$(el, 'h2')?.textContent}`);
        }
      } finally {
        document.documentElement.lang = page;
      }
    });

    it('keeps the language on this page and explains when saving it fails', async () => {
      const el = await mount(
        client({ updatePreferences: async () => Promise.reject(new PortalError('network', 'x')) }),
      );
      const provider = el.parentElement as PortalProvider;
      radio(el, 'language', 'es').click();
      await waitUntil(() => $(el, '.language [role="alert"]'));
      expect(provider.host!.state.preferredLocale).to.equal('es');
      expect(radio(el, 'language', 'es').checked).to.be.true;
      expect($(el, '.language [role="alert"]')!.textContent).to.contain('could not save it for next time');
      expect($(el, '.language [part~="retry-button"]')).to.exist;
    });
  });

  describe('notification email', () => {
    const emailClient = (changeEmail: (r: EmailChangeRequest) => Promise<Preferences>, extra: Overrides = {}) =>
      client({ changeEmail, ...extra });

    it('requires both fields and says so in a focused summary', async () => {
      const c = emailClient(async () => prefs());
      const el = await mount(c);
      await openEmailForm(el);
      expect(active(el)?.id).to.equal('new-email');
      await submit(el, 'form:has(#new-email)');
      await el.updateComplete;
      expect(active(el)?.id).to.equal('email-summary');
      expect($(el, '#email-summary')!.textContent).to.contain('There are 2 problems to fix');
      expect($(el, '#new-email-error')!.textContent).to.contain('Enter your new email address.');
      expect($(el, '#email-password-error')!.textContent).to.contain('Enter your current password.');
      expect($(el, '#new-email')!.getAttribute('aria-describedby')).to.contain('new-email-error');
      expect(c.calls).not.to.include('changeEmail');
    });

    it('rejects an invalid address before sending anything', async () => {
      const c = emailClient(async () => prefs());
      const el = await mount(c);
      await openEmailForm(el);
      type($<HTMLInputElement>(el, '#new-email')!, 'dana@');
      type($<HTMLInputElement>(el, '#email-password')!, 'dana-demo-password');
      await submit(el, 'form:has(#new-email)');
      expect($(el, '#new-email-error')!.textContent).to.contain('like name@example.com');
      expect($<HTMLInputElement>(el, '#new-email')!.value).to.equal('dana@');
      expect(c.calls).not.to.include('changeEmail');
    });

    it('says when the address is already the notification email (conflict)', async () => {
      const el = await mount(emailClient(async () => Promise.reject(new PortalError('conflict', 'same'))));
      await openEmailForm(el);
      type($<HTMLInputElement>(el, '#new-email')!, 'dana@example.com');
      type($<HTMLInputElement>(el, '#email-password')!, 'dana-demo-password');
      await submit(el, 'form:has(#new-email)');
      await waitUntil(() => $(el, '#new-email-error'));
      expect($(el, '#new-email-error')!.textContent).to.contain('already your notification email');
      expect($<HTMLInputElement>(el, '#new-email')!.value).to.equal('dana@example.com');
    });

    it('says when the mail system refused the new address, and keeps what was typed', async () => {
      const refused = new PortalError('validation', 'x', { fieldErrors: [{ field: 'newAddress', code: 'undeliverable' }] });
      const el = await mount(emailClient(async () => Promise.reject(refused)));
      await openEmailForm(el);
      type($<HTMLInputElement>(el, '#new-email')!, 'dana@exmaple.com');
      type($<HTMLInputElement>(el, '#email-password')!, 'dana-demo-password');
      await submit(el, 'form:has(#new-email)');
      await waitUntil(() => $(el, '#new-email-error'));
      expect($(el, '#new-email-error')!.textContent).to.contain('refused that address');
      expect($<HTMLInputElement>(el, '#new-email')!.value).to.equal('dana@exmaple.com');
    });

    it('says when the password is wrong, next to the password', async () => {
      const el = await mount(emailClient(async () => Promise.reject(new PortalError('invalid-credentials', 'x'))));
      await openEmailForm(el);
      type($<HTMLInputElement>(el, '#new-email')!, 'dana.new@example.com');
      type($<HTMLInputElement>(el, '#email-password')!, 'wrong-password');
      await submit(el, 'form:has(#new-email)');
      await waitUntil(() => $(el, '#email-password-error'));
      expect($(el, '#email-password-error')!.textContent).to.contain('That password is not correct.');
      expect($(el, '#new-email-error')).to.be.null;
    });

    it('keeps what was typed on a network failure', async () => {
      const el = await mount(emailClient(async () => Promise.reject(new PortalError('network', 'x'))));
      await openEmailForm(el);
      type($<HTMLInputElement>(el, '#new-email')!, 'dana.new@example.com');
      type($<HTMLInputElement>(el, '#email-password')!, 'dana-demo-password');
      await submit(el, 'form:has(#new-email)');
      await waitUntil(() => $(el, '#email-error'));
      expect($(el, '#email-error')!.getAttribute('role')).to.equal('alert');
      expect($<HTMLInputElement>(el, '#new-email')!.value).to.equal('dana.new@example.com');
      expect(el.hasUnsavedChanges).to.be.true;
    });

    it('changes the address with password re-entry and a 6-digit code', async () => {
      let request: EmailChangeRequest | undefined;
      const pending = prefs({}, { status: 'pending-verification', pendingAddress: 'n••@example.com' });
      const c = client({
        getSession: async () => signedInSession({ notificationEmailBounced: true }),
        getPreferences: async () => prefs({}, { status: 'bounced', bouncedAt: '2026-12-01T12:00:00.000Z' }),
        changeEmail: async (r: EmailChangeRequest) => ((request = r), pending),
        verifyEmail: async ({ code }: { code: string }) => {
          if (code !== '123456')
            throw new PortalError('validation', 'x', { fieldErrors: [{ field: 'code', code: 'mismatch' }] });
          return prefs({}, { maskedAddress: 'n••@example.com' });
        },
      });
      const el = await mount(c);
      const provider = el.parentElement as PortalProvider;
      await openEmailForm(el);
      type($<HTMLInputElement>(el, '#new-email')!, ' nell@example.com ');
      type($<HTMLInputElement>(el, '#email-password')!, 'dana-demo-password');
      await submit(el, 'form:has(#new-email)');
      await waitUntil(() => active(el)?.id === 'email-code', 'code field not focused');
      expect(request).to.deep.equal({ newAddress: 'nell@example.com', password: 'dana-demo-password' });
      expect($(el, '#code-sent')!.textContent).to.contain('We sent a 6-digit code to n••@example.com');

      type($<HTMLInputElement>(el, '#email-code')!, '12');
      await submit(el, 'form:has(#email-code)');
      expect($(el, '#email-code-error')!.textContent).to.contain('Enter the 6 digits');
      expect(c.calls.filter((x) => x === 'verifyEmail')).to.have.length(0);

      type($<HTMLInputElement>(el, '#email-code')!, '654321');
      await submit(el, 'form:has(#email-code)');
      await waitUntil(() => $(el, '#email-code-error')?.textContent?.includes('not correct'));

      type($<HTMLInputElement>(el, '#email-code')!, '123 456');
      await submit(el, 'form:has(#email-code)');
      await waitUntil(() => active(el)?.id === 'email-verified');
      expect($(el, '#email-verified')!.textContent).to.contain('Your new notification email is confirmed.');
      expect($(el, '[part~="bounce-banner"]')).to.be.null;
      expect(provider.host!.signedIn!.notificationEmailBounced).to.be.false;
    });

    it('explains an expired code and lets the patient start over', async () => {
      const el = await mount(
        client({
          getPreferences: async () => prefs({}, { status: 'pending-verification', pendingAddress: 'n••@example.com' }),
          verifyEmail: async () => Promise.reject(new PortalError('conflict', 'expired')),
        }),
      );
      type($<HTMLInputElement>(el, '#email-code')!, '123456');
      await submit(el, 'form:has(#email-code)');
      await waitUntil(() => $(el, '#email-code-error'));
      expect($(el, '#email-code-error')!.textContent).to.contain('can no longer be used');
      $<HTMLButtonElement>(el, 'form:has(#email-code) .actions .button.link')!.click();
      await el.updateComplete;
      expect(active(el)?.id).to.equal('new-email');
    });
  });

  describe('bounced notification email', () => {
    it('shows a calm banner with the office phone, the policy, and a way to fix it', async () => {
      const el = await mount(client({ getSession: async () => signedInSession({ notificationEmailBounced: true }) }));
      const banner = $(el, '[part~="bounce-banner"]')!;
      expect(banner.getAttribute('role')).to.equal('status');
      expect(banner.classList.contains('warning')).to.be.true;
      expect(banner.textContent).to.contain('We could not deliver email to your notification address');
      expect(banner.textContent).to.contain('call the office');
      expect(banner.querySelector('a[href="tel:9725550142"]')).to.exist;
      // It is the first thing after the title.
      expect($(el, 'h2')!.nextElementSibling).to.equal(banner);
      $<HTMLButtonElement>(el, '[part~="bounce-fix-button"]')!.click();
      await waitUntil(() => active(el)?.id === 'new-email');
    });

    it('also shows for a bounced status from the preferences, with the date', async () => {
      const el = await mount(
        client({ getPreferences: async () => prefs({}, { status: 'bounced', bouncedAt: '2026-12-01T18:00:00.000Z' }) }),
      );
      expect($(el, '[part~="bounce-banner"]')!.textContent).to.contain('December 1, 2026');
    });
  });

  describe('password', () => {
    async function fill(el: PortalPreferences, current: string, next: string, confirm: string) {
      type($<HTMLInputElement>(el, '#current-password')!, current);
      type($<HTMLInputElement>(el, '#new-password')!, next);
      type($<HTMLInputElement>(el, '#confirm-password')!, confirm);
      await submit(el, 'form:has(#new-password)');
      await el.updateComplete;
    }

    it('checks the shared rules before sending', async () => {
      const c = client();
      const el = await mount(c);
      await fill(el, 'old-password', 'short', 'different');
      await waitUntil(() => $(el, '#password-summary'));
      expect($(el, '#new-password-error')!.textContent).to.contain('Use at least 15 characters.');
      expect($(el, '#confirm-password-error')!.textContent).to.contain('not the same');
      await fill(el, 'old-password', 'dana2026!!!!!!!!!!', 'dana2026!!!!!!!!!!');
      await waitUntil(() => $(el, '#new-password-error')?.textContent?.includes('patient ID'));
      expect(c.calls).not.to.include('changePassword');
    });

    it('shows the server’s reasons next to the fields', async () => {
      let answer: PortalError = new PortalError('invalid-credentials', 'x');
      const el = await mount(client({ changePassword: async () => Promise.reject(answer) }));
      await fill(el, 'not-my-password', 'maple river lantern quietly', 'maple river lantern quietly');
      await waitUntil(() => $(el, '#current-password-error'));
      expect($(el, '#current-password-error')!.textContent).to.contain('not correct');
      answer = new PortalError('password-rejected', 'x', { fieldErrors: [{ field: 'newPassword', code: 'common' }] });
      await fill(el, 'my-password', 'maple river lantern quietly', 'maple river lantern quietly');
      await waitUntil(() => $(el, '#new-password-error'));
      expect($(el, '#new-password-error')!.textContent).to.contain('too common');
      expect($(el, '#current-password-error')).to.be.null;
      expect($<HTMLInputElement>(el, '#new-password')!.value).to.equal('maple river lantern quietly');
    });

    it('changes the password, updates the session and fires portal-password-changed', async () => {
      const c = client({ changePassword: async () => signedInSession({ language: 'en' }) });
      const el = await mount(c);
      const changed = oneEvent(el, 'portal-password-changed');
      await fill(el, 'my-old-password', 'maple river lantern quietly', 'maple river lantern quietly');
      const event = await changed;
      expect(event.detail).to.deep.equal({});
      await waitUntil(() => active(el)?.id === 'password-changed');
      expect($(el, '#password-changed')!.textContent).to.contain('Your password was changed.');
      expect($<HTMLInputElement>(el, '#current-password')!.value).to.equal('');
      expect(el.hasUnsavedChanges).to.be.false;
    });

    it('can show the passwords', async () => {
      const el = await mount(client());
      expect($<HTMLInputElement>(el, '#new-password')!.type).to.equal('password');
      $<HTMLInputElement>(el, '.show-passwords input')!.click();
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#new-password')!.type).to.equal('text');
    });
  });

  describe('session', () => {
    it('lets a revoked patient manage preferences', async () => {
      const el = await mount(client({ getSession: async () => signedInSession({ messaging: { allowed: false } }) }));
      expect($(el, '[part~="revoked"]')).to.exist;
      expect($(el, 'form:has(#topic-labResults)')).to.exist;
      expect($(el, '#email-change-button')).to.exist;
    });

    it('drops the patient’s data when the session ends', async () => {
      const el = await mount(client());
      radio(el, 'topic-labResults', 'mail').click();
      await el.updateComplete;
      const provider = el.parentElement as PortalProvider;
      await provider.host!.signOut('idle', { callServer: false });
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).not.to.contain('d••@example.com');
      expect($(el, 'form')).to.be.null;
      expect(el.shadowRoot!.textContent).to.contain('You are signed out.');
      expect(el.hasUnsavedChanges).to.be.false;
    });

    it('drops an answer that arrives after the session ended', async () => {
      let answer!: (p: Preferences) => void;
      const el = await mount(client({ changeEmail: () => new Promise<Preferences>((resolve) => (answer = resolve)) }));
      await openEmailForm(el);
      type($<HTMLInputElement>(el, '#new-email')!, 'dana.new@example.com');
      type($<HTMLInputElement>(el, '#email-password')!, 'dana-demo-password');
      await submit(el, 'form:has(#new-email)');
      await (el.parentElement as PortalProvider).host!.signOut('idle', { callServer: false });
      answer(prefs({}, { status: 'pending-verification', pendingAddress: 'n••@example.com' }));
      await new Promise((resolve) => setTimeout(resolve));
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).not.to.contain('n••@example.com');
      expect($(el, 'form')).to.be.null;
    });

    it('waits for the office-issued password to be changed', async () => {
      const c = client({ getSession: async () => signedInSession({ mustChangePassword: true }) });
      const el = await mount(c);
      expect(el.shadowRoot!.textContent).to.contain('choose your own password');
      expect(c.calls).not.to.include('getPreferences');
    });

    it('reports a load failure with Retry', async () => {
      let fail = true;
      const store = saver();
      const c = client({
        getPreferences: () => (fail ? Promise.reject(new PortalError('timeout', 'x')) : store.get()),
      });
      const loadError = new Promise<CustomEvent>((resolve) =>
        document.addEventListener('portal-load-error', (e) => resolve(e as CustomEvent), { once: true }),
      );
      const el = await mountInProvider<PortalPreferences>(html`<portal-preferences></portal-preferences>`, c);
      expect((await loadError).detail).to.deep.equal({ element: 'portal-preferences', type: 'timeout' });
      await waitUntil(() => $(el, '[role="alert"]'));
      expect(el.matches(':state(error)')).to.be.true;
      fail = false;
      $<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
      await waitUntil(() => $(el, 'h2'));
      expect(el.matches(':state(ready)')).to.be.true;
    });
  });

  describe('Spanish', () => {
    it('speaks Spanish throughout', async () => {
      const el = await mount(client({ getSession: async () => signedInSession({ notificationEmailBounced: true }) }), {
        lang: 'es',
      });
      await waitUntil(() => $(el, 'h2')!.textContent === 'Sus preferencias');
      expect($$(el, 'fieldset[id^="topic-"] legend').map((l) => l.textContent!.trim())).to.deep.equal([
        'Resultados de laboratorio',
        'Resultados de estudios',
        'Avisos de citas',
      ]);
      expect($(el, '[part~="bounce-fix-button"]')!.textContent!.trim()).to.equal('Actualizar su correo');
      expect($(el, '[part~="bounce-banner"]')!.textContent).to.contain('Llame a la oficina al (972) 555-0142');
      await submit(el, 'form:has(#new-password)');
      expect($(el, '#password-summary')!.textContent).to.contain('Hay 3 problemas que corregir');
    });
  });
});
