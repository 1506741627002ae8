/**
 * "The office is closed. Your message will be handled on Monday, December 7,
 * after 8:00 AM Central Time." — before sending and in the confirmation.
 *
 * Always computed in the clinic's time zone by the DOM-free business-hours
 * module, and re-evaluated at each minute boundary so a page left open across
 * 5:00 PM changes its wording. The clock is injectable (`now`) for tests and
 * stories.
 */
import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ClinicConfig, Handling } from '../../api/schemas.js';
import {
  describeHandlingTime,
  nextHandlingTime,
  type BusinessCalendar,
  type HandlingTime,
} from '../../policy/business-hours.js';
import type { LocalizeController } from '../localize.js';

export interface HandlingNoticeOptions {
  localize: LocalizeController;
  clinic: () => ClinicConfig | null | undefined;
  /** The current time; defaults to the device clock. */
  now?: () => Date;
}

/** The business calendar part of the clinic config. */
export function calendarOf(clinic: ClinicConfig): BusinessCalendar {
  return {
    timeZone: clinic.timeZone,
    hours: clinic.hours.map((h) => ({
      day: h.day as BusinessCalendar['hours'][number]['day'],
      open: h.open,
      close: h.close,
    })),
    closures: clinic.closures,
  };
}

export class HandlingNoticeController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: HandlingNoticeOptions;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost, options: HandlingNoticeOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostConnected() {
    this.#scheduleTick();
  }

  hostDisconnected() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Wake at the next minute boundary of the real clock and re-render. */
  #scheduleTick() {
    clearTimeout(this.#timer);
    const msToNextMinute = 60_000 - (Date.now() % 60_000) + 50;
    this.#timer = setTimeout(() => {
      this.#host.requestUpdate();
      this.#scheduleTick();
    }, msToNextMinute);
  }

  now(): Date {
    return this.#options.now?.() ?? new Date();
  }

  /** The sentence for a message sent now, or a generic one if the calendar is unusable. */
  sentence(): string {
    const clinic = this.#options.clinic();
    const t = this.#options.localize;
    if (!clinic) return t.term('kit.handling.fallback');
    try {
      const calendar = calendarOf(clinic);
      const now = this.now();
      return describeHandlingTime(nextHandlingTime(now, calendar), calendar, t.locale, now);
    } catch {
      // A misconfigured calendar must not break composing; say it plainly instead.
      return t.term('kit.handling.fallback');
    }
  }

  /** The sentence for the server's answer after sending (authoritative: the server's clock). */
  sentenceFor(handling: Handling): string {
    const clinic = this.#options.clinic();
    const t = this.#options.localize;
    if (!clinic) return t.term('kit.handling.fallback');
    try {
      const calendar = calendarOf(clinic);
      const handledAt = new Date(handling.handledAt);
      // describeHandlingTime reads only officeOpen and handledAt; the local fields are informative.
      const result: HandlingTime = {
        officeOpen: handling.officeOpen,
        handledAt,
        localDate: '',
        localTime: '',
        reason: handling.reason,
      };
      const now = handling.officeOpen ? handledAt : this.now();
      return describeHandlingTime(result, calendar, t.locale, now);
    } catch {
      return t.term('kit.handling.fallback');
    }
  }

  /** The notice shown before sending. */
  render(): TemplateResult {
    return html`<p class="kit-handling" part="handling">${this.sentence()}</p>`;
  }
}
