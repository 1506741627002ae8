/**
 * The safety gate in front of Send, written once for a new message and a reply:
 *
 * 1. Never send unclassified: while the classifier chunk is still loading,
 *    wait for it; if it cannot load (offline), show "Not sent yet" with Retry.
 * 2. Classify the text as it is now, not the debounced result.
 * 3. Emergency signs the patient has not answered → the blocking emergency
 *    dialog. "Go back to my message" (or Escape) returns focus to the message
 *    and stops; "This is not an emergency" acknowledges the signs shown.
 * 4. Urgent signs not acknowledged → `'acknowledge-urgent'`: the widget lists
 *    it with its other problems and sends nothing.
 *
 * `check()` answers synchronously when there is nothing to wait for (the
 * classifier is loaded and there is no emergency to confirm) — the usual case.
 * That is deliberate: Send then stays synchronous from the click to
 * `SendController.send()`, so a double click cannot slip in between, and the
 * error summary is on screen and focused in the same update as the click.
 * (An always-async gate delayed both by a microtask; see the README.)
 *
 * The emergency dialog is needed only when triage finds an emergency, so its
 * code (and Lit's `ref` directive) loads in its own chunk, started as soon as
 * the classifier has loaded — long before the patient can press Send.
 */
import { nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { ClinicConfig } from '../../api/schemas.js';
import type { LocalizeController } from '../localize.js';
import type { EmergencyDialogController } from './emergency-dialog.js';
import type { KitHost } from './ids.js';
import type { SendController } from './send-controller.js';
import type { TriageController } from './triage-controller.js';

/** `stop`: send nothing now. `acknowledge-urgent`: show the urgent acknowledgement as an error. `clear`: go on. */
export type SafetyVerdict = 'stop' | 'acknowledge-urgent' | 'clear';

export interface SafetyGateOptions {
  triage: TriageController;
  /** Shows "Not sent yet" + Retry when a chunk the gate needs cannot load. */
  send: SendController<unknown>;
  localize: LocalizeController;
  clinic: () => ClinicConfig | null | undefined;
  /** Id (in the host's render root) of the message field "Go back to my message" focuses. */
  messageId: string;
}

type DialogModule = typeof import('./emergency-dialog.js');

export class SafetyGate implements ReactiveController {
  readonly #host: KitHost & { readonly updateComplete: Promise<boolean> };
  readonly #options: SafetyGateOptions;
  #dialog: EmergencyDialogController | undefined;
  #dialogLoading: Promise<EmergencyDialogController> | undefined;
  /** A check is waiting (for a chunk or for the patient's answer in the dialog). */
  #waiting = false;

  constructor(host: KitHost & { readonly updateComplete: Promise<boolean> }, options: SafetyGateOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected(): void {
    // Preload the dialog once the classifier is in: an emergency can only be found after that.
    this.#options.triage.ready.then(
      () => this.#loadDialog().catch(() => undefined), // Send retries the load
      () => undefined,
    );
  }

  /** The gate is waiting for the classifier, the dialog's code, or the patient's answer: ignore Send. */
  get pending(): boolean {
    return this.#waiting || !!this.#dialog?.isOpen;
  }

  /** The emergency dialog's code is loaded (it renders nothing until needed). */
  get dialogLoaded(): boolean {
    return this.#dialog !== undefined;
  }

  /**
   * Run the gate before validating and sending. Synchronous unless something
   * has to be waited for; `stillCurrent` is asked after every wait (a reply box
   * may have moved to another conversation meanwhile).
   */
  check(stillCurrent: () => boolean = () => true): SafetyVerdict | Promise<SafetyVerdict> {
    if (this.pending) return 'stop';
    const triage = this.#options.triage;
    if (triage.loaded) {
      triage.evaluateNow();
      if (!triage.needsEmergencyConfirmation) return this.#urgentOrClear();
    }
    return this.#waitThenCheck(stillCurrent);
  }

  /** Close the dialog without sending (sign-out, reset): counts as "go back". */
  close(): void {
    this.#dialog?.close();
  }

  /** The dialog (a closed native `<dialog>` until an emergency is confirmed); nothing until its code loads. */
  render(): TemplateResult | typeof nothing {
    return this.#dialog?.render() ?? nothing;
  }

  #urgentOrClear(): SafetyVerdict {
    return this.#options.triage.needsUrgentAcknowledgement ? 'acknowledge-urgent' : 'clear';
  }

  async #waitThenCheck(stillCurrent: () => boolean): Promise<SafetyVerdict> {
    const triage = this.#options.triage;
    this.#waiting = true;
    try {
      if (!triage.loaded) {
        try {
          await triage.ready;
        } catch (error) {
          return await this.#notSentYet(error);
        }
        if (!stillCurrent()) return 'stop';
        triage.evaluateNow();
      }
      if (!triage.needsEmergencyConfirmation) return this.#urgentOrClear();

      let dialog: EmergencyDialogController;
      try {
        dialog = await this.#loadDialog();
      } catch (error) {
        return await this.#notSentYet(error);
      }
      if (!stillCurrent()) return 'stop';
      const choice = await dialog.open();
      if (!stillCurrent()) return 'stop';
      if (choice !== 'not-emergency') {
        // "Go back to my message": put the patient where they can change it.
        await this.#host.updateComplete;
        this.#host.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.#options.messageId)}`)?.focus();
        return 'stop';
      }
      triage.acknowledge();
      return this.#urgentOrClear();
    } finally {
      this.#waiting = false;
    }
  }

  /** A chunk could not load (offline?): never send unchecked. "Not sent yet" + Retry loads it again. */
  async #notSentYet(error: unknown): Promise<SafetyVerdict> {
    await this.#options.send.send(() => Promise.reject(error));
    return 'stop';
  }

  #loadDialog(): Promise<EmergencyDialogController> {
    this.#dialogLoading ??= import('./emergency-dialog.js').then(
      ({ EmergencyDialogController }: DialogModule) => {
        this.#dialog = new EmergencyDialogController(this.#host, {
          localize: this.#options.localize,
          clinic: this.#options.clinic,
          reasons: () => this.#options.triage.reasons,
        });
        this.#host.requestUpdate();
        return this.#dialog;
      },
      (error: unknown) => {
        this.#dialogLoading = undefined; // try again on the next Send
        throw error;
      },
    );
    return this.#dialogLoading;
  }
}
