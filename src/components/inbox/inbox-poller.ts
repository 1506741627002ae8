/**
 * Live updates by polling a cheap status endpoint: a Lit reactive controller.
 *
 * - Polls every `interval()` ms while running; nothing while the tab is hidden
 *   (a hidden tab polls once as soon as it is shown again).
 * - Backs off exponentially after failures (2×, 4×, … capped at `maxBackoff`),
 *   so an outage is not made worse by every open tab hammering the server.
 * - One request at a time, aborted when the controller stops or its host
 *   leaves the page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PollerOptions {
  /** Milliseconds between polls while things are fine. */
  interval: () => number;
  /** One poll. Rejecting counts as a failure (backoff); `stop()` inside is allowed. */
  poll: (signal: AbortSignal) => Promise<void>;
  /** Longest wait after repeated failures. Default 5 minutes. */
  maxBackoff?: number;
  /** The page visibility source (tests pass their own). Default `document`. */
  visibility?: { readonly visibilityState: DocumentVisibilityState } & EventTarget;
}

export class InboxPoller implements ReactiveController {
  #options: PollerOptions;
  #running = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #abort: AbortController | undefined;
  #failures = 0;
  #inFlight = false;

  constructor(host: ReactiveControllerHost, options: PollerOptions) {
    this.#options = options;
    host.addController(this);
  }

  get running(): boolean {
    return this.#running;
  }

  /** Consecutive failed polls (0 when the last one worked). */
  get failures(): number {
    return this.#failures;
  }

  get #visibility() {
    return this.#options.visibility ?? document;
  }

  /** Start polling; the first poll comes after one interval. No-op when already running. */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#failures = 0;
    this.#visibility.addEventListener('visibilitychange', this.#onVisibility);
    this.#schedule(this.#options.interval());
  }

  stop(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#visibility.removeEventListener('visibilitychange', this.#onVisibility);
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
  }

  /** Poll now (e.g. the patient came back to the tab), then continue on schedule. */
  pollNow(): void {
    if (!this.#running) return;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    void this.#tick();
  }

  hostDisconnected(): void {
    this.stop();
  }

  #schedule(delay: number) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      void this.#tick();
    }, delay);
  }

  #onVisibility = () => {
    if (this.#visibility.visibilityState === 'visible' && this.#running && !this.#inFlight) this.pollNow();
  };

  async #tick() {
    if (!this.#running || this.#inFlight) return;
    // Hidden: wait for the visibilitychange listener to poll again.
    if (this.#visibility.visibilityState === 'hidden') return;
    this.#inFlight = true;
    const abort = (this.#abort = new AbortController());
    let ok = true;
    try {
      await this.#options.poll(abort.signal);
    } catch {
      ok = false;
    } finally {
      this.#inFlight = false;
    }
    if (!this.#running || abort.signal.aborted) return;
    this.#failures = ok ? 0 : this.#failures + 1;
    const interval = this.#options.interval();
    const maxBackoff = this.#options.maxBackoff ?? 5 * 60_000;
    this.#schedule(ok ? interval : Math.min(interval * 2 ** this.#failures, Math.max(maxBackoff, interval)));
  }
}
