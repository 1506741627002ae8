import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement } from 'lit';
import { LazyElement } from './lazy-element.js';

let n = 0;

describe('LazyElement', () => {
  it('loads the element on first need, says when loading failed, and loads again on Retry', async () => {
    const tag = `lazy-test-${++n}`;
    let attempts = 0;
    class Host extends LitElement {
      readonly lazy = new LazyElement(this, tag, async () => {
        attempts += 1;
        if (attempts === 1) throw new TypeError('Failed to fetch dynamically imported module');
        customElements.define(tag, class extends HTMLElement {});
      });
      override render() {
        return html`${this.lazy.state}`;
      }
    }
    customElements.define(`${tag}-host`, Host);
    const host = await fixture<Host>(`<${tag}-host></${tag}-host>`);
    await waitUntil(() => host.shadowRoot!.textContent === 'failed', `state ${host.shadowRoot!.textContent}`);
    expect(host.lazy.error.type).to.equal('network');
    expect(host.lazy.error.retryable).to.equal(true);
    host.lazy.retry();
    await waitUntil(() => host.shadowRoot!.textContent === 'ready', `state ${host.shadowRoot!.textContent}`);
    expect(attempts).to.equal(2);
    expect(customElements.get(tag)).to.exist;
  });
});
