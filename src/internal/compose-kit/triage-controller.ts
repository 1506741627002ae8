/**
 * Triage as the patient types: runs the on-device `classifyMessage` over
 * everything the patient wrote (debounced, so typing stays smooth) and keeps
 * track of what the patient has acknowledged.
 *
 * An acknowledgement is bound to the reasons that were on screen when the
 * patient gave it: adding a *new* warning sign afterwards ("…and now I can't
 * breathe") asks again, while editing unrelated text does not.
 *
 * Before sending, call `evaluateNow()` (or `stamp()`): never trust a debounced
 * result that may be a few keystrokes old.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TriageStamp } from '../../api/schemas.js';
import type { TriageLevel, TriageReason } from '../../triage/types.js';

type Classifier = typeof import('../../triage/index.js');

/**
 * The classifier's lexicons are the largest part of compose, so they load in
 * their own chunk as soon as a compose or reply form appears — long before a
 * patient can finish typing. Send paths `await triage.ready` before
 * `evaluateNow()`, so nothing is ever sent unclassified.
 */
let classifier: Classifier | undefined;
let loading: Promise<Classifier> | undefined;
function loadClassifier(): Promise<Classifier> {
  loading ??= import('../../triage/index.js').then(
    (module) => (classifier = module),
    (error: unknown) => {
      loading = undefined; // a failed chunk load is retried on the next attempt
      throw error;
    },
  );
  return loading;
}

export interface TriageControllerOptions {
  /** Everything the patient wrote that staff will read (subject, body, field values). */
  text: () => string;
  /** The language the patient is writing in (both lexicons are checked anyway). */
  locale: () => string;
  /** Quiet time after the last keystroke before classifying; default 300 ms. */
  debounceMs?: number;
}

export class TriageController implements ReactiveController {
  /** The most severe level found in the text last classified. */
  level: TriageLevel = 'routine';
  /** The signals that fired, most severe first. */
  reasons: TriageReason[] = [];

  readonly #host: ReactiveControllerHost;
  readonly #options: TriageControllerOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastText = '';
  /** Reason codes the patient has acknowledged (emergency dialog or urgent checkbox). */
  readonly #acknowledged = new Set<string>();

  constructor(host: ReactiveControllerHost, options: TriageControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected() {
    // Start loading now; re-check whatever was typed (or restored) meanwhile.
    void loadClassifier().then(
      () => {
        this.#lastText = '\u0000';
        this.evaluateNow();
      },
      () => undefined,
    );
  }

  /** The classifier is loaded: `evaluateNow()` gives a real answer synchronously. */
  get loaded(): boolean {
    return classifier !== undefined;
  }

  /** Resolves when the classifier is loaded; Send awaits it. Rejects if the chunk cannot load. */
  get ready(): Promise<void> {
    return loadClassifier().then(() => undefined);
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Stable codes of the current reasons. */
  get codes(): string[] {
    return this.reasons.map((r) => r.code);
  }

  /** True when every current warning sign has been acknowledged (false for routine text). */
  get acknowledged(): boolean {
    return this.level !== 'routine' && this.reasons.every((r) => this.#acknowledged.has(r.code));
  }

  /** Emergency signs the patient has not yet answered in the dialog: sending must stop. */
  get needsEmergencyConfirmation(): boolean {
    return this.level === 'emergency' && !this.acknowledged;
  }

  /** Urgent signs not yet acknowledged with the inline checkbox: sending must wait. */
  get needsUrgentAcknowledgement(): boolean {
    return this.level === 'urgent' && !this.acknowledged;
  }

  /** The patient typed: classify after a short pause. */
  schedule(): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.evaluateNow();
    }, this.#options.debounceMs ?? 300);
  }

  /** Classify the current text right away (before Send, after a draft is restored). */
  evaluateNow(): { level: TriageLevel; reasons: TriageReason[] } {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const text = this.#options.text();
    if (!classifier) return { level: this.level, reasons: this.reasons }; // hostConnected re-runs this on load
    const { classifyMessage } = classifier;
    if (text !== this.#lastText) {
      this.#lastText = text;
      const result = text.trim()
        ? classifyMessage(text, { locale: this.#options.locale() })
        : { level: 'routine' as const, reasons: [] };
      const changed =
        result.level !== this.level ||
        result.reasons.map((r) => `${r.code}:${r.match}`).join('|') !==
          this.reasons.map((r) => `${r.code}:${r.match}`).join('|');
      this.level = result.level;
      this.reasons = result.reasons;
      if (changed) this.#host.requestUpdate();
    }
    return { level: this.level, reasons: this.reasons };
  }

  /** The patient confirmed "not an emergency" or ticked "it can wait": covers the current signs. */
  acknowledge(): void {
    for (const code of this.codes) this.#acknowledged.add(code);
    this.#host.requestUpdate();
  }

  /** The patient unticked the urgent acknowledgement. */
  unacknowledge(): void {
    for (const code of this.codes) this.#acknowledged.delete(code);
    this.#host.requestUpdate();
  }

  /** What travels with the message so staff see it flagged (classified fresh, now). */
  stamp(): TriageStamp {
    this.evaluateNow();
    return { level: this.level, codes: this.codes.slice(0, 20), acknowledged: this.acknowledged };
  }

  /** A new message (after sending, discarding, or signing out): forget text and acknowledgements. */
  reset(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#lastText = '';
    this.level = 'routine';
    this.reasons = [];
    this.#acknowledged.clear();
    this.#host.requestUpdate();
  }
}
