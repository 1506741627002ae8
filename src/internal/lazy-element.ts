/**
 * A custom element whose code loads the first time a widget needs to show it.
 * Compose and the inbox embed `<portal-policy-consent>`, but only a patient
 * who has not accepted the current policy ever sees it, so its code stays out
 * of their first download. While it loads the widget shows its loading state;
 * if the chunk cannot load (offline, a deploy in between) it says so with a
 * Retry, never an empty gap.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { PortalError } from '../api/errors.js';

export type LazyElementState = 'loading' | 'ready' | 'failed';

export class LazyElement implements ReactiveController {
  #state: LazyElementState | 'idle' = 'idle';
  readonly #host: ReactiveControllerHost;
  readonly #tag: string;
  readonly #load: () => Promise<unknown>;

  constructor(host: ReactiveControllerHost, tag: string, load: () => Promise<unknown>) {
    this.#host = host;
    this.#tag = tag;
    this.#load = load;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Where the element stands; the first call starts loading it. */
  get state(): LazyElementState {
    if (customElements.get(this.#tag)) return 'ready';
    if (this.#state !== 'idle') return this.#state;
    this.#state = 'loading';
    this.#load().then(
      () => {
        this.#state = 'ready';
        this.#host.requestUpdate();
      },
      () => {
        this.#state = 'failed';
        this.#host.requestUpdate();
      },
    );
    return 'loading';
  }

  /** The error to show when the code could not load. */
  get error(): PortalError {
    return new PortalError('network', `Could not load <${this.#tag}>`);
  }

  /** Try loading again (the Retry button). */
  retry = (): void => {
    this.#state = 'idle';
    this.#host.requestUpdate();
  };
}
