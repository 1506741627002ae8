/**
 * Styles for `<portal-login>`, in two halves:
 *
 * - `loginStyles`: the shadow root (card, headings, notices, error summary,
 *   signed-in view), like every other widget.
 * - `loginLightSheet()`: the credential form, which lives in the element's
 *   light DOM so password managers can see it (see login.ts). Shadow styles
 *   cannot reach it, so one constructable stylesheet is adopted by the
 *   document (or the shadow root the element sits in): CSP-safe (no `<style>`
 *   or `style=` attributes) and added once however many logins a page has.
 *   Every rule is nested under the `portal-login` tag so nothing leaks into the
 *   host page, and it reads the same `--_*` tokens, which the light children
 *   inherit from the element's `:host` rules.
 */
import { css, type CSSResult } from 'lit';
import { shared } from '../../styles/shared.js';

export const loginStyles = css`
  .intro {
    color: var(--_text-muted);
  }
  [part~='title']:focus {
    outline: none;
  }
  [part~='title']:focus-visible {
    outline: 3px solid var(--_focus-ring);
  }
  .error-summary ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
  }
  .error-summary li + li {
    margin-top: 0.25em;
  }
  .error-summary a {
    color: inherit;
    font-weight: 600;
  }
  [part~='error']:focus-visible,
  [part~='error']:focus {
    outline: 3px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  .greeting bdi {
    font-weight: 700;
  }
  details.help {
    margin-top: 1em;
    border-top: 1px solid var(--_border-subtle);
    padding-top: 0.5em;
  }
  details.help summary {
    display: flex;
    align-items: center;
    min-height: var(--_target);
    cursor: pointer;
    color: var(--_primary);
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
  details.help[open] summary {
    margin-bottom: 0.25em;
  }
  .demo {
    font-size: 0.9375em;
  }
  .demo,
  details.help:last-of-type {
    margin-bottom: 0;
  }
  .patient-id bdi {
    font-weight: 700;
  }
`;

/** Rules for the light-DOM form (plain selectors; scoped under `portal-login` by `scopeTo`). */
const lightRules = css`
  form {
    margin: 0;
  }
  /* Host pages style bare inputs, labels and buttons; keep ours predictable. */
  input,
  button,
  label {
    text-transform: none;
    letter-spacing: normal;
    text-shadow: none;
    box-shadow: none;
    margin: 0;
    float: none;
  }
  label {
    display: block;
    font-size: inherit;
    color: inherit;
  }
  .field > .hint,
  .field > .field-error {
    margin: 0;
  }
  .password-row {
    display: flex;
    gap: 0.5em;
    align-items: stretch;
  }
  .password-row input {
    flex: 1 1 auto;
    min-width: 0;
  }
  .password-row .toggle {
    flex: none;
    padding-inline: 0.8em;
  }
  .toggle[aria-pressed='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .rules-title {
    margin: 0 0 0.25em;
    font-weight: 600;
  }
  .rules {
    list-style: none;
    padding: 0;
    margin: 0 0 0.5em;
    display: grid;
    gap: 0.2em;
  }
  .rules li {
    display: flex;
    gap: 0.5em;
    align-items: baseline;
  }
  .rules .mark {
    flex: none;
    inline-size: 1.25em;
    text-align: center;
    font-weight: 700;
  }
  .rules .met .mark {
    color: var(--_success);
  }
  .rules .unmet .mark {
    color: var(--_danger);
  }
  .rules .pending {
    color: var(--_text-muted);
  }
  .tip {
    margin: 0 0 1em;
  }
  .patient-id {
    margin: 0 0 1em;
  }
  .patient-id bdi {
    font-weight: 700;
  }
  .spinner.inline {
    width: 1em;
    height: 1em;
    border-width: 2px;
  }
  .button[aria-disabled='true'] {
    cursor: progress;
  }
`;

/**
 * Nest every rule of `sheets` under `scope` (CSS nesting), dropping `:host`
 * rules (the element's own box is styled from its shadow root, and a page
 * rule for the tag must keep winning) and hoisting `@keyframes` (which cannot
 * nest) under prefixed names so they cannot clash with the page's.
 */
export function scopeTo(scope: string, ...sheets: CSSResult[]): string {
  let body = sheets.map((s) => s.cssText).join('\n');
  const names: string[] = [];
  const keyframes: string[] = [];
  body = body.replace(/@keyframes\s+([\w-]+)\s*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}/g, (block, name: string) => {
    names.push(name);
    keyframes.push(block.replace(name, `${scope}-${name}`));
    return '';
  });
  for (const name of names) {
    body = body.replace(new RegExp(`(animation(?:-name)?\\s*:[^;}]*?)\\b${name}\\b`, 'g'), `$1${scope}-${name}`);
  }
  body = body.replace(/:host[^{]*\{[^{}]*\}/g, '');
  return `${keyframes.join('\n')}\n${scope} {\n${body}\n}\n`;
}

let sheet: CSSStyleSheet | undefined;

/** The one stylesheet for every `<portal-login>`'s light-DOM form (built on first use). */
export function loginLightSheet(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(scopeTo('portal-login', shared, lightRules));
  }
  return sheet;
}

/** Adopt the light-DOM sheet where `element` lives: the document, or the shadow root that contains it. */
export function adoptLoginSheet(element: Element): void {
  const root = element.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  const light = loginLightSheet();
  if (!root.adoptedStyleSheets.includes(light)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, light];
}
