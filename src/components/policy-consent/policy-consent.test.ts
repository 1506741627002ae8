import { expect, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PortalError } from '../../api/errors.js';
import type { ConsentRecord, Locale, PolicyDocument } from '../../api/schemas.js';
import type { PortalProvider } from '../provider/provider.js';
import { fakeClient, mountInProvider, signedInSession } from '../../internal/test-helpers.js';
import '../../define/policy-consent.js';
import type { PortalPolicyConsent } from './policy-consent.js';

function policy(version = '2026-12-01', overrides: Partial<PolicyDocument> = {}): PolicyDocument {
  return {
    version,
    publishedAt: '2026-12-01T15:00:00.000Z',
    title: 'Email Policy and Procedures',
    locale: 'en',
    sections: [
      {
        id: 'introduction',
        heading: '',
        paragraphs: ['At Bent Tree Family Physicians we strive to be patient centered.'],
      },
      { id: 'allowable-uses', heading: 'Allowable Uses', paragraphs: ['Request non-emergent appointments.'] },
      {
        id: 'non-allowable-uses',
        heading: 'Non-Allowable Uses',
        paragraphs: ['Not for urgent or emergent situations.'],
      },
      { id: 'general', heading: 'General', paragraphs: ['Call 911 in an emergency.'] },
      {
        id: 'disclaimer',
        heading: 'Disclaimer',
        paragraphs: ['We cannot guarantee that unencrypted information will not be intercepted.'],
      },
      { id: 'secure-messaging', heading: 'What is Secure Messaging?', paragraphs: ['Similar to online banking.'] },
    ],
    ...overrides,
  };
}

function record(overrides: Partial<ConsentRecord> = {}): ConsentRecord {
  return {
    currentVersion: '2026-12-01',
    acceptedVersion: '2026-12-01',
    acceptedAt: '2026-12-02T16:30:00.000Z',
    required: false,
    ...overrides,
  };
}

/** A patient who has not accepted any version yet. */
const newPatient = () =>
  signedInSession({
    patient: { id: 'newbie', displayName: 'Nell Newbie' },
    consent: { currentVersion: '2026-12-01', acceptedVersion: null, required: true },
  });

const q = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T & Element>(selector) as T | null;

async function mount(
  client: ReturnType<typeof fakeClient>,
  template = html`<portal-policy-consent></portal-policy-consent>`,
  lang = 'en',
) {
  const el = await mountInProvider<PortalPolicyConsent>(template, client, { lang });
  await waitUntil(() => el.shadowRoot!.querySelector('article'), 'policy never rendered');
  await el.updateComplete;
  return el;
}

function hasState(el: PortalPolicyConsent, name: string) {
  return el.matches(`:state(${name})`);
}

describe('<portal-policy-consent>', () => {
  describe('accessibility', () => {
    it('is accessible while loading', async () => {
      const client = fakeClient({ getPolicy: () => new Promise(() => {}) });
      const el = await mountInProvider<PortalPolicyConsent>(
        html`<portal-policy-consent></portal-policy-consent>`,
        client,
      );
      expect(q(el, '[part~="loading"]')).to.exist;
      expect(hasState(el, 'loading')).to.be.true;
      await expect(el).to.be.accessible();
    });

    it('is accessible when the patient must accept', async () => {
      const el = await mount(
        fakeClient({
          getSession: async () => newPatient(),
          getPolicy: async () => policy(),
          getConsent: async () => record({ acceptedVersion: null, acceptedAt: null, required: true }),
        }),
      );
      expect(q(el, 'form')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is accessible with the checkbox error showing', async () => {
      const el = await mount(
        fakeClient({
          getSession: async () => newPatient(),
          getPolicy: async () => policy(),
          getConsent: async () => record({ acceptedVersion: null, acceptedAt: null, required: true }),
        }),
      );
      q<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      await el.updateComplete;
      expect(q(el, '#agree-error')).to.exist;
      await expect(el).to.be.accessible();
    });

    it('is accessible when accepted', async () => {
      const el = await mount(fakeClient({ getPolicy: async () => policy(), getConsent: async () => record() }));
      await expect(el).to.be.accessible();
    });

    it('is accessible when the policy changed', async () => {
      const el = await mount(
        fakeClient({
          getSession: async () =>
            signedInSession({
              consent: { currentVersion: '2027-01-15', acceptedVersion: '2026-12-01', required: true },
            }),
          getPolicy: async () => policy('2027-01-15', { changeSummary: 'The disclaimer now names text messages.' }),
          getConsent: async () => record({ currentVersion: '2027-01-15', required: true }),
        }),
      );
      await expect(el).to.be.accessible();
    });

    it('is accessible signed out (read-only)', async () => {
      const el = await mount(
        fakeClient({ getSession: async () => ({ authenticated: false }), getPolicy: async () => policy() }),
      );
      await expect(el).to.be.accessible();
    });

    it('is accessible in the error state', async () => {
      const el = await mountInProvider<PortalPolicyConsent>(
        html`<portal-policy-consent></portal-policy-consent>`,
        fakeClient({ getPolicy: async () => Promise.reject(new PortalError('network', 'x')) }),
      );
      await waitUntil(() => q(el, '[role="alert"]'));
      await expect(el).to.be.accessible();
    });

    it('is accessible in Spanish and in dark theme', async () => {
      const client = fakeClient({
        getSession: async () => newPatient(),
        getPolicy: async () => policy(),
        getConsent: async () => record({ acceptedVersion: null, acceptedAt: null }),
      });
      const el = await mountInProvider<PortalPolicyConsent>(
        html`<portal-policy-consent></portal-policy-consent>`,
        client,
        { lang: 'es', theme: 'dark' },
      );
      await waitUntil(() => q(el, 'article'));
      await expect(el).to.be.accessible();
    });
  });

  describe('defaults', () => {
    it('is not read-only and the checkbox is never pre-checked', async () => {
      const el = await mount(
        fakeClient({
          getSession: async () => newPatient(),
          getPolicy: async () => policy(),
          getConsent: async () => record({ acceptedVersion: null, acceptedAt: null }),
        }),
      );
      expect(el.readOnly).to.be.false;
      expect(q<HTMLInputElement>(el, '#agree')!.checked).to.be.false;
      expect(hasState(el, 'ready')).to.be.true;
    });
  });

  describe('the document', () => {
    it('renders every section with a linkable heading id and asks for the page language', async () => {
      const client = fakeClient({ getPolicy: async () => policy(), getConsent: async () => record() });
      const el = await mount(client);
      for (const id of ['allowable-uses', 'non-allowable-uses', 'general', 'disclaimer', 'secure-messaging']) {
        expect(q(el, `h3#policy-${id}`), id).to.exist;
      }
      expect(q(el, 'h2')!.textContent).to.equal('Email Policy and Procedures');
      expect(q(el, '[part~="document"]')!.textContent).to.contain('Version 2026-12-01, published December 1, 2026');
    });

    it('shows the disclaimer in full, never collapsed', async () => {
      const el = await mount(fakeClient({ getPolicy: async () => policy(), getConsent: async () => record() }));
      const disclaimer = q(el, '[part~="disclaimer"]')!;
      expect(disclaimer.closest('details')).to.be.null;
      expect(disclaimer.textContent).to.contain('cannot guarantee');
      expect(disclaimer.getBoundingClientRect().height).to.be.greaterThan(40);
    });

    it('moves to a section from the section list without touching the page URL', async () => {
      const el = await mount(fakeClient({ getPolicy: async () => policy(), getConsent: async () => record() }));
      const before = location.href;
      const toc = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="toc"] button')];
      expect(toc.map((b) => b.textContent!.trim())).to.include('Disclaimer');
      toc.find((b) => b.textContent!.trim() === 'Disclaimer')!.click();
      expect(el.shadowRoot!.activeElement?.id).to.equal('policy-disclaimer');
      expect(location.href).to.equal(before);
    });

    it('follows a #policy-<section> link in the host page', async () => {
      history.replaceState(null, '', '#policy-general');
      try {
        const el = await mount(fakeClient({ getPolicy: async () => policy(), getConsent: async () => record() }));
        await waitUntil(() => el.shadowRoot!.activeElement?.id === 'policy-general', 'section not focused');
        history.replaceState(null, '', '#policy-disclaimer');
        window.dispatchEvent(new HashChangeEvent('hashchange'));
        expect(el.shadowRoot!.activeElement?.id).to.equal('policy-disclaimer');
      } finally {
        history.replaceState(null, '', location.pathname + location.search);
      }
    });

    it('prints the policy alone and cleans up afterwards', async () => {
      const el = await mount(fakeClient({ getPolicy: async () => policy(), getConsent: async () => record() }));
      const original = window.print;
      let printingDuringPrint = false;
      let pathMarked = false;
      window.print = () => {
        printingDuringPrint = el.hasAttribute('data-portal-printing');
        pathMarked = document.body.hasAttribute('data-portal-print-path');
      };
      try {
        const sheetsBefore = document.adoptedStyleSheets.length;
        q<HTMLButtonElement>(el, '[part~="print-button"]')!.click();
        expect(printingDuringPrint).to.be.true;
        expect(pathMarked).to.be.true;
        expect(document.adoptedStyleSheets.length).to.equal(sheetsBefore + 1);
        window.dispatchEvent(new Event('afterprint'));
        expect(el.hasAttribute('data-portal-printing')).to.be.false;
        expect(document.body.hasAttribute('data-portal-print-path')).to.be.false;
        expect(document.adoptedStyleSheets.length).to.equal(sheetsBefore);
      } finally {
        window.print = original;
      }
    });

    it('says so when the policy is not available in the patient’s language', async () => {
      const el = await mount(
        fakeClient({ getPolicy: async () => policy(), getConsent: async () => record() }),
        html`<portal-policy-consent></portal-policy-consent>`,
        'es',
      );
      await waitUntil(() => q(el, '[part~="document"]')!.textContent!.includes('inglés'));
    });

    it('shows a typed error with Retry and reports portal-load-error', async () => {
      let calls = 0;
      const client = fakeClient({
        getPolicy: async () => {
          calls++;
          if (calls === 1) throw new PortalError('network', 'offline');
          return policy();
        },
        getConsent: async () => record(),
      });
      const loadError = new Promise<CustomEvent>((resolve) =>
        document.addEventListener('portal-load-error', (e) => resolve(e as CustomEvent), { once: true }),
      );
      const el = await mountInProvider<PortalPolicyConsent>(
        html`<portal-policy-consent></portal-policy-consent>`,
        client,
      );
      expect((await loadError).detail).to.deep.equal({ element: 'portal-policy-consent', type: 'network' });
      await waitUntil(() => q(el, '[role="alert"]'));
      expect(hasState(el, 'error')).to.be.true;
      expect(q(el, '[role="alert"]')!.textContent).to.contain('could not reach');
      q<HTMLButtonElement>(el, '[part~="retry-button"]')!.click();
      await waitUntil(() => q(el, 'article'));
      expect(hasState(el, 'ready')).to.be.true;
    });
  });

  describe('accepting', () => {
    const client = (overrides: Parameters<typeof fakeClient>[0] = {}) =>
      fakeClient({
        getSession: async () => newPatient(),
        getPolicy: async () => policy(),
        getConsent: async () => record({ acceptedVersion: null, acceptedAt: null, required: true }),
        acceptConsent: async (version: string) =>
          record({ acceptedVersion: version, acceptedAt: '2026-12-03T17:05:00.000Z' }),
        ...overrides,
      });

    it('asks first-time patients to read and accept', async () => {
      const el = await mount(client());
      expect(q(el, '[part~="status"]')!.textContent).to.contain('Please read and accept this policy');
      expect(q(el, 'label[part~="field"]')!.textContent).to.contain(
        'I have read and accept the Bent Tree Family Physicians messaging policy (version 2026-12-01).',
      );
    });

    it('does not accept without the checkbox, and says why next to it', async () => {
      const c = client();
      const el = await mount(c);
      q<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      await el.updateComplete;
      const box = q<HTMLInputElement>(el, '#agree')!;
      expect(el.shadowRoot!.activeElement).to.equal(box);
      expect(box.getAttribute('aria-invalid')).to.equal('true');
      expect(box.getAttribute('aria-describedby')).to.contain('agree-error');
      expect(q(el, '#agree-error')!.textContent).to.contain('Check the box');
      expect(c.calls).not.to.include('acceptConsent');
    });

    it('records the version, updates the shared session and fires portal-consent-changed', async () => {
      const c = client();
      const el = await mount(c);
      const provider = el.parentElement as PortalProvider;
      q<HTMLInputElement>(el, '#agree')!.click();
      const changed = oneEvent(el, 'portal-consent-changed');
      q<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      const event = await changed;
      expect(event.detail).to.deep.equal({ version: '2026-12-01', accepted: true });
      expect(event.bubbles && event.composed).to.be.true;
      await el.updateComplete;
      const session = provider.host!.signedIn!;
      expect(session.consent).to.deep.equal({
        currentVersion: '2026-12-01',
        acceptedVersion: '2026-12-01',
        required: false,
      });
      const thanks = q(el, '#accepted')!;
      expect(el.shadowRoot!.activeElement).to.equal(thanks);
      expect(thanks.getAttribute('role')).to.equal('status');
      expect(thanks.textContent).to.contain('You accepted version 2026-12-01 on December 3, 2026');
      expect(thanks.textContent).to.contain('You can now send messages');
      expect(q(el, 'form')).to.be.null;
    });

    it('shows the acceptance date for a patient who already accepted', async () => {
      const el = await mount(fakeClient({ getPolicy: async () => policy(), getConsent: async () => record() }));
      await waitUntil(() => q(el, '[part~="status"]'));
      expect(q(el, '[part~="status"]')!.textContent).to.contain('You accepted version 2026-12-01 on December 2, 2026');
      expect(q(el, 'form')).to.be.null;
    });

    it('asks again when a new version was published, with what changed', async () => {
      const c = fakeClient({
        getSession: async () =>
          signedInSession({ consent: { currentVersion: '2027-01-15', acceptedVersion: '2026-12-01', required: true } }),
        getPolicy: async () => policy('2027-01-15', { changeSummary: 'The disclaimer now names text messages.' }),
        getConsent: async () => record({ currentVersion: '2027-01-15', required: true }),
        acceptConsent: async (version: string) =>
          record({ currentVersion: version, acceptedVersion: version, acceptedAt: '2027-01-16T10:00:00.000Z' }),
      });
      const el = await mount(c);
      const status = q(el, '[part~="status"]')!;
      expect(status.textContent).to.contain('The policy changed');
      expect(status.textContent).to.contain('You accepted version 2026-12-01. Version 2027-01-15 replaces it.');
      expect(status.textContent).to.contain('The disclaimer now names text messages.');
      expect(q<HTMLInputElement>(el, '#agree')!.checked).to.be.false;
      q<HTMLInputElement>(el, '#agree')!.click();
      q<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      await waitUntil(() => q(el, '#accepted'));
      expect(q(el, '#accepted')!.textContent).to.contain('version 2027-01-15');
    });

    it('reloads and explains when the version changed while reading (conflict)', async () => {
      let version = '2026-12-01';
      const c = client({
        getPolicy: async () => policy(version, version === '2026-12-01' ? {} : { changeSummary: 'New wording.' }),
        acceptConsent: async () => {
          version = '2027-01-15';
          throw new PortalError('conflict', 'stale');
        },
      });
      const el = await mount(c);
      q<HTMLInputElement>(el, '#agree')!.click();
      q<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      await waitUntil(
        () => q(el, '[part~="document"]')!.textContent!.includes('Version 2027-01-15'),
        'new version not loaded',
      );
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'version-changed', 'notice not focused');
      const notice = q(el, '#version-changed')!;
      expect(notice.getAttribute('role')).to.equal('alert');
      expect(notice.textContent).to.contain('updated while you were reading');
      expect(notice.textContent).to.contain('New wording.');
      expect(q<HTMLInputElement>(el, '#agree')!.checked).to.be.false;
      expect(q(el, 'label[part~="field"]')!.textContent).to.contain('version 2027-01-15');
    });

    it('keeps the checkbox and offers the message on a network failure', async () => {
      let fail = true;
      const c = client({
        acceptConsent: async (version: string) => {
          if (fail) throw new PortalError('network', 'offline');
          return record({ acceptedVersion: version });
        },
      });
      const el = await mount(c);
      q<HTMLInputElement>(el, '#agree')!.click();
      q<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      await waitUntil(() => q(el, '#accept-error'));
      expect(q(el, '#accept-error')!.getAttribute('role')).to.equal('alert');
      expect(q(el, '#accept-error')!.textContent).to.contain('could not reach');
      expect(q<HTMLInputElement>(el, '#agree')!.checked).to.be.true;
      fail = false;
      q<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      await waitUntil(() => q(el, '#accepted'));
    });

    it('asks for sign-in again (keeping the checkbox) when the session ended mid-task', async () => {
      const c = client({ acceptConsent: async () => Promise.reject(new PortalError('session-expired', 'x')) });
      const el = await mount(c);
      const provider = el.parentElement as PortalProvider;
      q<HTMLInputElement>(el, '#agree')!.click();
      q<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
      await waitUntil(() => q(el, '#accept-error'));
      expect(provider.host!.state.reauthRequired).to.be.true;
      expect(q<HTMLInputElement>(el, '#agree')!.checked).to.be.true;
    });

    it('is keyboard-only: Space checks the box, Enter accepts', async () => {
      const c = client();
      const el = await mount(c);
      q<HTMLInputElement>(el, '#agree')!.focus();
      await sendKeys({ press: 'Space' });
      expect(q<HTMLInputElement>(el, '#agree')!.checked).to.be.true;
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(q(el, '[part~="submit-button"]'));
      const changed = oneEvent(el, 'portal-consent-changed');
      await sendKeys({ press: 'Enter' });
      await changed;
      await waitUntil(() => el.shadowRoot!.activeElement?.id === 'accepted');
    });

    it('drops the patient’s consent from the DOM when the session ends', async () => {
      const el = await mount(fakeClient({ getPolicy: async () => policy(), getConsent: async () => record() }));
      await waitUntil(() => q(el, '.notice.success'));
      const provider = el.parentElement as PortalProvider;
      await provider.host!.signOut('user', { callServer: false });
      await el.updateComplete;
      expect(el.shadowRoot!.textContent).not.to.contain('You accepted');
      expect(q(el, 'form')).to.be.null;
      expect(el.shadowRoot!.textContent).to.contain('To accept this policy, sign in');
      expect(q(el, 'h3#policy-disclaimer')).to.exist; // the public policy stays
    });
  });

  describe('read-only and signed out', () => {
    it('shows only the policy with read-only, even when signed in', async () => {
      const c = fakeClient({ getPolicy: async () => policy() });
      const el = await mount(c, html`<portal-policy-consent read-only></portal-policy-consent>`);
      expect(el.readOnly).to.be.true;
      expect(q(el, 'form')).to.be.null;
      expect(q(el, '[part~="status"]')).to.be.null;
      expect(c.calls).not.to.include('getConsent');
    });

    it('works signed out (public page) and invites sign-in', async () => {
      const c = fakeClient({ getSession: async () => ({ authenticated: false }), getPolicy: async () => policy() });
      const el = await mount(c);
      expect(q(el, 'form')).to.be.null;
      expect(el.shadowRoot!.textContent).to.contain('To accept this policy, sign in to the patient portal.');
      expect(c.calls).not.to.include('getConsent');
    });

    it('waits for the password change before offering acceptance', async () => {
      const c = fakeClient({
        getSession: async () => ({ ...newPatient(), mustChangePassword: true }),
        getPolicy: async () => policy(),
      });
      const el = await mount(c);
      expect(q(el, 'form')).to.be.null;
      expect(q(el, '[part~="status"]')!.textContent).to.contain('After you choose your own password');
      expect(c.calls).not.to.include('getConsent');
    });
  });

  describe('Spanish', () => {
    it('asks for the Spanish policy and speaks Spanish', async () => {
      const locales: Array<Locale | undefined> = [];
      const c = fakeClient({
        getSession: async () => newPatient(),
        getPolicy: async (locale?: Locale) => {
          locales.push(locale);
          return policy('2026-12-01', { locale: 'es', title: 'Política y procedimientos de correo electrónico' });
        },
        getConsent: async () => record({ acceptedVersion: null, acceptedAt: null }),
      });
      const el = await mount(c, html`<portal-policy-consent></portal-policy-consent>`, 'es');
      await waitUntil(() => q(el, '[part~="submit-button"]')!.textContent!.includes('Aceptar la política'));
      expect(locales).to.include('es');
      expect(q(el, '[part~="print-button"]')!.textContent!.trim()).to.equal('Imprimir la política');
      expect(q(el, 'label[part~="field"]')!.textContent).to.contain('He leído y acepto');
      expect(q(el, '[part~="document"]')!.textContent).not.to.contain('inglés');
    });
  });
});
