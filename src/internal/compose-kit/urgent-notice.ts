/**
 * The inline warning for urgent, time-sensitive messages: call the office
 * (a `tel:` link), or tick "it can wait" to send anyway. Render it while
 * `triage.level === 'urgent'`; block Send while `triage.needsUrgentAcknowledgement`.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ClinicConfig } from '../../api/schemas.js';
import type { LocalizeController } from '../localize.js';
import { telHref } from '../portal-element.js';

export interface UrgentNoticeOptions {
  localize: LocalizeController;
  clinic: ClinicConfig | null | undefined;
  acknowledged: boolean;
  onAcknowledgeChange: (acknowledged: boolean) => void;
  /** Id of the checkbox (so an error summary can focus it). */
  checkboxId: string;
  /** When the office will read the message, e.g. from `HandlingNoticeController.sentence()`. */
  handling?: string;
  /** Validation message shown under the checkbox (Send was pressed without acknowledging). */
  error?: string | undefined;
}

export function renderUrgentNotice(o: UrgentNoticeOptions): TemplateResult {
  const t = o.localize;
  const phone = o.clinic?.phone;
  const errorId = `${o.checkboxId}-error`;
  return html`<div class="notice warning kit-urgent" part="urgent-notice" role="status">
    <p><strong>${t.term('kit.urgent.title')}</strong></p>
    <p>
      ${t.term('kit.urgent.body')}
      ${o.handling ? html`<span class="kit-urgent-handling">${o.handling}</span>` : nothing}
    </p>
    ${
      phone
        ? html`<p>
            <a class="button secondary" href=${telHref(phone)}>${t.term('common.callOffice', phone)}</a>
          </p>`
        : nothing
    }
    ${o.error ? html`<p class="field-error" id=${errorId}>${o.error}</p>` : nothing}
    <label class="kit-check">
      <input
        type="checkbox"
        id=${o.checkboxId}
        .checked=${o.acknowledged}
        aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${o.error ? errorId : nothing}
        @change=${(e: Event) => o.onAcknowledgeChange((e.target as HTMLInputElement).checked)}
      />
      <span>${t.term('kit.urgent.acknowledge')}</span>
    </label>
  </div>`;
}
