import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, render } from 'lit';
import { property } from 'lit/decorators.js';
import { shared } from '../styles/shared.js';
import { tokens } from '../styles/tokens.js';
import { testClinic } from './test-helpers.js';
import { bounceBannerStyles, keepTogether, renderBounceBanner, type BounceBannerOptions } from './bounce-banner.js';
import { LocalizeController } from './localize.js';
import { bounce } from '../translations/en.js';

/** A minimal host, as a widget would be: the banner renders into its shadow root. */
class BannerHost extends LitElement {
  static override styles = [tokens, shared, bounceBannerStyles];
  @property({ attribute: false }) options: Partial<BounceBannerOptions> = {};
  readonly localize = new LocalizeController(this, [bounce]);
  protected override render() {
    return html`${renderBounceBanner({ localize: this.localize, clinic: testClinic, ...this.options })}`;
  }
}
customElements.define('bounce-banner-host', BannerHost);

async function banner(options: Partial<BounceBannerOptions> = {}, lang = 'en') {
  const el = await fixture<BannerHost>(
    html`<bounce-banner-host lang=${lang} .options=${options}></bounce-banner-host>`,
  );
  return el.shadowRoot!.querySelector<HTMLElement>('[part~="bounce-banner"]')!;
}

describe('renderBounceBanner', () => {
  it('is accessible', async () => {
    const el = await fixture<BannerHost>(
      html`<bounce-banner-host .options=${{ onFix: () => {} }}></bounce-banner-host>`,
    );
    await expect(el).to.be.accessible();
  });

  it('is a calm status with the policy line and the office phone', async () => {
    const b = await banner();
    expect(b.getAttribute('role')).to.equal('status');
    expect(b.classList.contains('warning')).to.be.true;
    expect(b.querySelector('h3')!.textContent).to.equal('We could not deliver email to your notification address');
    expect(b.textContent).to.contain('contact the office when an email returns undelivered');
    const call = b.querySelector<HTMLAnchorElement>('a[href="tel:9725550142"]')!;
    expect(call.textContent).to.equal('Call the office at (972) 555-0142');
    expect(call.querySelector('.nowrap')!.textContent).to.equal('(972) 555-0142');
    expect(b.querySelector('[part~="bounce-fix-button"]')).to.be.null;
  });

  it('offers "Update your email" as a button or as a link', async () => {
    let fixed = 0;
    const withButton = await banner({ onFix: () => fixed++ });
    withButton.querySelector<HTMLButtonElement>('button[part~="bounce-fix-button"]')!.click();
    expect(fixed).to.equal(1);
    const withLink = await banner({ fixHref: '/preferences.html' });
    expect(withLink.querySelector('a[part~="bounce-fix-button"]')!.getAttribute('href')).to.equal('/preferences.html');
  });

  it('never links to a script URL from an attribute', async () => {
    for (const href of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x']) {
      const b = await banner({ fixHref: href });
      expect(b.querySelector('[part~="bounce-fix-button"]'), href).to.be.null;
    }
    const absolute = await banner({ fixHref: 'https://clinic.example/preferences' });
    expect(absolute.querySelector('a[part~="bounce-fix-button"]')).to.exist;
  });

  it('dates the last bounce in the clinic’s time zone, and speaks Spanish', async () => {
    const en = await banner({ bouncedAt: '2026-12-02T03:00:00.000Z' }); // 9 pm on 1 December in Dallas
    expect(en.textContent).to.contain('The last one came back on December 1, 2026.');
    const es = await banner({ bouncedAt: '2026-12-02T03:00:00.000Z' }, 'es');
    const host = (es.getRootNode() as ShadowRoot).host as BannerHost;
    // The Spanish catalog loads on demand; the banner re-renders when it arrives.
    await waitUntil(() => host.shadowRoot!.textContent!.includes('Llame a la oficina'), 'no Spanish');
    const spanish = host.shadowRoot!.querySelector('[part~="bounce-banner"]')!;
    expect(spanish.textContent).to.contain('Llame a la oficina al (972) 555-0142');
  });
});

describe('keepTogether', () => {
  // Rendered synchronously: a plain element's fixture() waits for an animation frame,
  // which a background tab (parallel test files) may never get.
  const paragraph = (content: unknown) => {
    const el = document.createElement('p');
    render(content, el);
    return el;
  };

  it('wraps each value once, in order, and keeps the sentence', () => {
    const el = paragraph(keepTogether('Version 2026-12-01 replaces 2026-11-01.', ['2026-12-01', '2026-11-01']));
    expect(el.textContent).to.equal('Version 2026-12-01 replaces 2026-11-01.');
    expect([...el.querySelectorAll('.nowrap')].map((s) => s.textContent)).to.deep.equal(['2026-12-01', '2026-11-01']);
  });

  it('leaves the sentence alone when a value is not in it', () => {
    const el = paragraph(keepTogether('Nothing here.', ['missing', '']));
    expect(el.textContent).to.equal('Nothing here.');
    expect(el.querySelector('.nowrap')).to.be.null;
  });
});
