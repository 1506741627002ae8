/**
 * A live character count that helps without chattering: the visible count
 * updates on every keystroke (and is linked to the field with
 * `aria-describedby`), while the screen-reader announcement in a polite live
 * region waits until typing pauses, and only speaks near or over the limit.
 *
 * Usage: `count = new CharacterCountController(this)`; in the template,
 * `count.render({ id, value, max, localize })` under the field, add the
 * returned id to the field's `aria-describedby`, and call `count.changed(value, max)`
 * from the field's input handler.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LocalizeController } from '../localize.js';

/** Announce when this share of the limit (or more) is used. */
const ANNOUNCE_FROM = 0.8;

export interface CharacterCountRender {
  /** Id for the visible count; put it in the field's `aria-describedby`. */
  id: string;
  value: string;
  max: number;
  localize: LocalizeController;
}

/**
 * Length as the contract counts it: UTF-16 code units (a JavaScript string's
 * `length`), exactly what the server checks, so the count never says "fits"
 * for text the server would refuse. (An emoji counts as 2.)
 */
export function characterLength(value: string): number {
  return value.length;
}

/** The longest start of `value` within `max` characters as {@link characterLength} counts them, never half an emoji. */
export function fitLength(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

export class CharacterCountController implements ReactiveController {
  /** What the live region currently says (empty until worth saying). */
  #announcement = '';
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #host: ReactiveControllerHost;
  readonly #delayMs: number;

  constructor(host: ReactiveControllerHost, options: { announceDelayMs?: number } = {}) {
    this.#host = host;
    this.#delayMs = options.announceDelayMs ?? 1000;
    host.addController(this);
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
  }

  /** The field changed: schedule an announcement for when typing pauses. */
  changed(value: string, max: number, localize: LocalizeController): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const used = characterLength(value);
      const next =
        used > max
          ? localize.term('common.charactersOver', used - max)
          : used >= max * ANNOUNCE_FROM
            ? localize.term('common.charactersLeft', max - used)
            : '';
      if (next !== this.#announcement) {
        this.#announcement = next;
        this.#host.requestUpdate();
      }
    }, this.#delayMs);
  }

  render({ id, value, max, localize }: CharacterCountRender): TemplateResult {
    const used = characterLength(value);
    const over = used > max;
    const near = !over && used >= max * ANNOUNCE_FROM;
    return html`<p class="hint kit-count ${over ? 'kit-count-over' : ''}" id=${id} part="character-count">
        ${
          over
            ? localize.term('common.charactersOver', used - max)
            : near
              ? localize.term('common.charactersLeft', max - used)
              : localize.term('common.characterCount', used, max)
        }
      </p>
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcement || nothing}</div>`;
  }
}
