/**
 * The banner every widget shows when the patient's notification email bounced
 * (the backend reports it as undeliverable): preferences at its top, and the
 * inbox and compose through the shared session (`session.notificationEmailBounced`).
 *
 * It is calm (warning colours, not an error), prominent (first thing in the
 * widget) and tells the patient the two ways out the clinic's policy gives:
 * update the address, or call the office ("Patients must contact the office if
 * an e-mail returns undelivered or if an e-mail address is changed").
 *
 * A render function, not an element, so it lives in the caller's shadow root
 * and uses the shared `.notice` styles; add `bounceBannerStyles` to the
 * widget's `static styles` for the layout of its actions.
 *
 *   ${session.notificationEmailBounced
 *     ? renderBounceBanner({ localize: this.localize, clinic: this.portal?.clinic, fixHref: this.preferencesHref })
 *     : nothing}
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { ClinicConfig } from '../api/schemas.js';
import type { LocalizeController } from './localize.js';
import { telHref } from './portal-element.js';

export interface BounceBannerOptions {
  localize: LocalizeController;
  /** For the office phone (`tel:` link). */
  clinic: ClinicConfig | null | undefined;
  /** "Update your email" as a button that runs this (preferences: open and focus the email form). */
  onFix?: () => void;
  /** "Update your email" as a link to the host page's preferences page (inbox, compose). */
  fixHref?: string;
  /** When the last notification bounced, if known (shown as a date in the clinic's time zone). */
  bouncedAt?: string | null;
  /** Heading level for the banner title, to fit the widget's outline (default 3). */
  headingLevel?: 2 | 3 | 4;
}

/** Styles for the banner's action row; the notice itself uses the shared `.notice.warning`. */
export const bounceBannerStyles = css`
  .bounce-banner {
    border-inline-start-width: 8px;
  }
  .bounce-banner .bounce-title {
    font-size: 1.125em;
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  .bounce-banner .bounce-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    margin: 0.75em 0 0;
  }
  .bounce-banner .bounce-call {
    /* inline-block, not flex: the sentence must wrap as one text run on a phone */
    display: inline-block;
    min-height: var(--_target);
    padding-block: 0.6em;
    font-weight: 600;
  }
  .bounce-banner .nowrap {
    white-space: nowrap;
  }
  @media print {
    .bounce-banner {
      display: none;
    }
  }
`;

export function renderBounceBanner(options: BounceBannerOptions): TemplateResult {
  const { localize: t, clinic, onFix, bouncedAt } = options;
  const fixHref = safeHref(options.fixHref);
  const level = options.headingLevel ?? 3;
  const title = t.term('bounce.title');
  const heading =
    level === 2
      ? html`<h2 class="bounce-title">${title}</h2>`
      : level === 4
        ? html`<h4 class="bounce-title">${title}</h4>`
        : html`<h3 class="bounce-title">${title}</h3>`;
  const when = bouncedAt
    ? t.date(bouncedAt, { dateStyle: 'long', ...(clinic ? { timeZone: clinic.timeZone } : {}) })
    : null;

  return html`<div class="notice warning bounce-banner" part="bounce-banner" role="status">
    ${heading}
    <p>${t.term('bounce.body')}${when ? html` ${t.term('bounce.since', when)}` : nothing}</p>
    <p>${t.term('bounce.policy')}</p>
    <div class="bounce-actions">
      ${
        onFix
          ? html`<button class="button" part="bounce-fix-button" type="button" @click=${onFix}>
              ${t.term('bounce.fix')}
            </button>`
          : fixHref
            ? html`<a class="button" part="bounce-fix-button" href=${fixHref}>${t.term('bounce.fix')}</a>`
            : nothing
      }
      ${
        clinic?.phone
          ? html`<a class="bounce-call" href=${telHref(clinic.phone)}
              >${keepTogether(t.term('common.callOffice', clinic.phone), [clinic.phone])}</a
            >`
          : nothing
      }
    </div>
  </div>`;
}

/**
 * A translated sentence with some of the values it contains kept on one line
 * (a phone number or a version broken at a hyphen is hard to read). The
 * sentence stays one text run for screen readers; only spans are added.
 */
export function keepTogether(sentence: string, values: readonly string[]): TemplateResult {
  const parts: Array<string | TemplateResult> = [];
  let rest = sentence;
  for (const value of values) {
    const at = value ? rest.indexOf(value) : -1;
    if (at < 0) continue;
    parts.push(rest.slice(0, at), html`<span class="nowrap">${value}</span>`);
    rest = rest.slice(at + value.length);
  }
  parts.push(rest);
  return html`${parts}`;
}

/** Only web links (absolute http(s) or relative): never `javascript:` or `data:` from an attribute. */
function safeHref(href: string | undefined): string | undefined {
  if (!href) return undefined;
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(href)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'http' || scheme === 'https' ? href : undefined;
}
