/**
 * The base suite every widget passes (Spectrum/Shoelace style): defined,
 * accessible in its loading and error states, reports load failures on the
 * one typed channel, explains a broken embed to the webmaster, and prints no
 * console errors or Lit dev-mode warnings.
 */
import { expect, fixture, oneEvent, waitUntil } from '@open-wc/testing';
import { unsafeStatic, html as staticHtml } from 'lit/static-html.js';
import { PortalError } from '../src/api/errors.js';
import '../src/portal.js';
import type { PortalLoadErrorEvent } from '../src/events/events.js';
import { fakeClient, mountInProvider } from '../src/internal/test-helpers.js';

const WIDGETS = ['portal-login', 'portal-inbox', 'portal-compose', 'portal-preferences', 'portal-policy-consent'];

for (const tag of WIDGETS) {
  describe(`<${tag}> base behaviour`, () => {
    const consoleMessages: string[] = [];
    const original = { error: console.error, warn: console.warn };

    beforeEach(() => {
      consoleMessages.length = 0;
      console.error = (...args: unknown[]) => consoleMessages.push(`error: ${args.join(' ')}`);
      console.warn = (...args: unknown[]) => {
        const text = args.join(' ');
        // Printed once per page by Lit's development build; not about our code.
        if (!text.includes('Lit is in dev mode')) consoleMessages.push(`warn: ${text}`);
      };
    });

    afterEach(() => {
      console.error = original.error;
      console.warn = original.warn;
      expect(consoleMessages, 'console errors or Lit warnings').to.deep.equal([]);
    });

    it('is defined', () => {
      expect(customElements.get(tag)).to.be.a('function');
    });

    it('explains a missing provider/api-base to the webmaster and reports it', async () => {
      const container = document.createElement('div');
      document.body.append(container);
      const event = oneEvent(container, 'portal-load-error') as Promise<PortalLoadErrorEvent>;
      const el = document.createElement(tag);
      container.append(el);
      const { detail } = await event;
      expect(detail).to.deep.equal({ element: tag, type: 'misconfigured' });
      await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'));
      await expect(el).to.be.accessible();
      container.remove();
    });

    it('is accessible while loading', async () => {
      const never = new Promise<never>(() => {});
      const client = fakeClient({ getClinic: () => never, getSession: () => never });
      const el = await fixture(staticHtml`<portal-provider .client=${client}><${unsafeStatic(tag)}></${unsafeStatic(tag)}></portal-provider>`);
      const widget = el.firstElementChild as HTMLElement;
      await expect(widget).to.be.accessible();
    });

    it('shows a retryable error and reports it when the backend is unreachable', async () => {
      const client = fakeClient({
        getClinic: () => Promise.reject(new PortalError('network', 'offline')),
        getSession: () => Promise.reject(new PortalError('network', 'offline')),
      });
      const widget = await mountInProvider<HTMLElement>(staticHtml`<${unsafeStatic(tag)}></${unsafeStatic(tag)}>`, client);
      await waitUntil(() => widget.shadowRoot?.querySelector('[role="alert"]'), 'no error alert');
      const alert = widget.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.match(/could not reach/i);
      expect(alert.querySelector('button'), 'Retry button').to.exist;
      await expect(widget).to.be.accessible();
    });
  });
}
