/**
 * The blocking emergency step before Send: a native modal `<dialog>` (focus is
 * trapped and the page behind is inert, for free and for screen readers) that
 * says to call 911 or go to the nearest emergency room. The patient can only
 * go on by stating that it is not an emergency; Escape or "Go back" returns
 * to the message without sending.
 *
 * Usage: render `controller.render()` somewhere in the template, then
 * `if ((await controller.open()) !== 'not-emergency') return;` before sending.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { createRef, ref } from 'lit/directives/ref.js';
import type { ClinicConfig } from '../../api/schemas.js';
import type { TriageReason } from '../../triage/types.js';
import type { LocalizeController } from '../localize.js';
import { telHref } from '../portal-element.js';
import { nextKitId } from './ids.js';

export type EmergencyChoice = 'not-emergency' | 'cancel';

export interface EmergencyDialogOptions {
  localize: LocalizeController;
  clinic: () => ClinicConfig | null | undefined;
  /** The emergency signals to quote back to the patient (their own words). */
  reasons: () => readonly TriageReason[];
}

export class EmergencyDialogController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: EmergencyDialogOptions;
  readonly #dialog = createRef<HTMLDialogElement>();
  readonly #id = nextKitId('emergency');
  #resolve: ((choice: EmergencyChoice) => void) | undefined;
  #isOpen = false;

  constructor(host: ReactiveControllerHost, options: EmergencyDialogOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected() {
    this.#finish('cancel');
  }

  get isOpen(): boolean {
    return this.#isOpen;
  }

  /** Show the dialog; resolves with the patient's choice. A second call while open shares the first. */
  async open(): Promise<EmergencyChoice> {
    if (this.#isOpen && this.#resolve) {
      return new Promise((resolve) => {
        const previous = this.#resolve!;
        this.#resolve = (choice) => {
          previous(choice);
          resolve(choice);
        };
      });
    }
    this.#isOpen = true;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const dialog = this.#dialog.value;
    if (!dialog) {
      // Not rendered: fail safe — nothing is sent.
      this.#isOpen = false;
      return 'cancel';
    }
    return new Promise<EmergencyChoice>((resolve) => {
      this.#resolve = resolve;
      if (!dialog.open) dialog.showModal();
    });
  }

  /** Close without a choice (the patient signed out, the form was reset): counts as "go back". */
  close(): void {
    this.#finish('cancel');
  }

  #finish(choice: EmergencyChoice) {
    const dialog = this.#dialog.value;
    if (dialog?.open) dialog.close(choice);
    const resolve = this.#resolve;
    this.#resolve = undefined;
    if (this.#isOpen) {
      this.#isOpen = false;
      this.#host.requestUpdate();
    }
    resolve?.(choice);
  }

  #onCancel = (event: Event) => {
    // Escape: back to the message (never "continue").
    event.preventDefault();
    this.#finish('cancel');
  };

  render(): TemplateResult {
    const t = this.#options.localize;
    const clinic = this.#options.clinic();
    const emergencyNumber = clinic?.emergencyNumber ?? '911';
    const matches = [
      ...new Set(
        this.#options
          .reasons()
          .filter((r) => r.level === 'emergency')
          .map((r) => r.match.trim())
          .filter(Boolean),
      ),
    ].slice(0, 3);
    const id = this.#id;
    return html`<dialog
      ${ref(this.#dialog)}
      class="kit-dialog"
      part="emergency-dialog"
      aria-labelledby="${id}-title"
      aria-describedby="${id}-body"
      @cancel=${this.#onCancel}
    >
      ${
        this.#isOpen
          ? html`<div class="kit-dialog-body">
              <h2 id="${id}-title" class="kit-dialog-title">${t.term('kit.emergency.title')}</h2>
              <div id="${id}-body">
                ${
                  matches.length
                    ? html`<p>${t.term('kit.emergency.youWrote')}</p>
                        <ul class="kit-quotes">
                          ${matches.map((m) => html`<li>“${m}”</li>`)}
                        </ul>`
                    : nothing
                }
                <p><strong>${t.term('kit.emergency.body')}</strong></p>
              </div>
              <p>
                <a class="button danger kit-call" href=${telHref(emergencyNumber)}
                  >${t.term('kit.emergency.call', emergencyNumber)}</a
                >
              </p>
              <p>${t.term('kit.emergency.er', emergencyNumber)}</p>
              ${
                clinic?.phone
                  ? html`<p>
                      ${t.term('kit.emergency.office')}
                      <a href=${telHref(clinic.phone)}>${clinic.phone}</a>
                    </p>`
                  : nothing
              }
              <div class="actions kit-dialog-actions">
                <button class="button secondary" type="button" @click=${() => this.#finish('not-emergency')}>
                  ${t.term('kit.emergency.notEmergency')}
                </button>
                <button class="button link" type="button" @click=${() => this.#finish('cancel')}>
                  ${t.term('kit.emergency.back')}
                </button>
              </div>
            </div>`
          : nothing
      }
    </dialog>`;
  }
}
