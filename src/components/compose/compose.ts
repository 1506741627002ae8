// SCAFFOLD — replaced by the widget's own issue. Exists so the build graph is complete.
import { html } from 'lit';
import { PortalElement } from '../../internal/portal-element.js';

/**
 * @summary (scaffold)
 */
export class PortalCompose extends PortalElement {
  protected override render() {
    if (this.misconfigured) return this.renderMisconfigured();
    return html`<div part="base"></div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portal-compose': PortalCompose;
  }
}
