/**
 * Loads the *built* bundle (dist/portal.js, what a clinic's script tag loads)
 * in a real page. Catches what only the build can break — e.g. decorators
 * left untransformed, a missing element, a chunk that fails to load.
 * This file must not import anything from src/ that defines elements.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';

const TAGS = [
  'portal-provider',
  'portal-login',
  'portal-inbox',
  'portal-compose',
  'portal-preferences',
  'portal-policy-consent',
];

describe('built bundle dist/portal.js', () => {
  before(async () => {
    // A path the bundler cannot resolve statically: the file is loaded as built.
    const url = ['', 'dist', 'portal.js'].join('/');
    await import(/* @vite-ignore */ url);
  });

  it('defines every element', () => {
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.be.a('function');
  });

  it('loading it twice is harmless (clinics paste the script tag twice)', async () => {
    const url = ['', 'dist', 'portal.js'].join('/') + '?again';
    await import(/* @vite-ignore */ url);
    for (const tag of TAGS) expect(customElements.get(tag), tag).to.be.a('function');
  });

  it('has working reactive properties (decorators were compiled)', async () => {
    const el = await fixture<HTMLElement & { theme?: string; updateComplete: Promise<unknown> }>(
      html`<portal-policy-consent theme="dark"></portal-policy-consent>`,
    );
    await el.updateComplete;
    expect(el.theme).to.equal('dark');
    expect(el.dataset['theme']).to.equal('dark');
    el.theme = 'light';
    await el.updateComplete;
    expect(el.dataset['theme']).to.equal('light');
  });

  it('tells the webmaster when a widget has no provider and no api-base', async () => {
    const el = await fixture<HTMLElement>(html`<portal-inbox></portal-inbox>`);
    await waitUntil(() => el.shadowRoot?.querySelector('[role="alert"]'), 'no misconfiguration message');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('api-base');
  });
});
