/**
 * The persistent, calm "not for emergencies" notice: emergencies → call 911
 * or go to the ER; urgent or time-sensitive → call the office. Both numbers
 * are `tel:` links from the clinic's configuration. Shown above every
 * message form (new message and reply).
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ClinicConfig } from '../../api/schemas.js';
import type { LocalizeController } from '../localize.js';
import { telHref } from '../portal-element.js';

export function renderSafetyNotice(
  localize: LocalizeController,
  clinic: ClinicConfig | null | undefined,
): TemplateResult {
  const t = localize;
  const emergency = clinic?.emergencyNumber ?? '911';
  return html`<aside class="notice kit-safety" part="safety-notice" aria-label=${t.term('kit.safety.label')}>
    <p>
      <strong>${t.term('kit.safety.emergencyLead')}</strong>
      <a href=${telHref(emergency)}>${t.term('common.call911', emergency)}</a>
      ${t.term('kit.safety.emergencyRest')}
    </p>
    ${
      clinic?.phone
        ? html`<p>
            <strong>${t.term('kit.safety.urgentLead')}</strong>
            <a href=${telHref(clinic.phone)}>${t.term('common.callOffice', clinic.phone)}</a>.
          </p>`
        : nothing
    }
    <p class="hint">${t.term('kit.safety.routine')}</p>
  </aside>`;
}
