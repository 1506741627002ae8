import { css } from 'lit';

export const preferencesStyles = css`
  :host {
    --_measure: var(--portal-preferences-measure, 44rem);
  }

  [part~='base'] {
    max-width: var(--_measure);
  }

  .page-title {
    margin-bottom: 0.75em;
  }

  [part~='section'] {
    padding: 1.25em 0;
    border-top: 1px solid var(--_border-subtle);
  }
  [part~='section']:last-child {
    padding-bottom: 0;
  }
  [part~='section'] > h3 {
    margin-bottom: 0.5em;
  }

  fieldset {
    border: 0;
    margin: 0 0 1em;
    padding: 0;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    padding: 0;
    margin-bottom: 0.35em;
  }
  fieldset .field-error {
    display: block;
    margin-bottom: 0.35em;
  }

  .choices {
    display: grid;
    gap: 0.35em;
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.65em;
    align-items: center;
    min-height: var(--_target);
    padding: 0.35em 0.75em;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius-small);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--_primary);
    background: var(--_info-surface);
  }
  .choice input {
    cursor: pointer;
  }
  fieldset[aria-invalid='true'] .choice {
    border-color: var(--_danger);
  }

  /* Three topics side by side on wide screens, stacked on phones. */
  .topics {
    display: grid;
    gap: 0 1.25em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
  }

  .language .choices {
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
  }

  .email-facts {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25em 1em;
    margin: 0 0 1em;
  }
  .email-facts dt {
    font-weight: 600;
  }
  .email-facts dd {
    margin: 0;
  }
  .badge {
    display: inline-block;
    padding: 0.05em 0.6em;
    border-radius: 0.75em;
    border: 1px solid currentColor;
    font-size: 0.9375em;
    font-weight: 600;
  }
  .badge.verified {
    color: var(--_success);
  }
  .badge.bounced {
    color: var(--_warning);
  }
  .badge.pending-verification,
  .badge.none {
    color: var(--_text-muted);
  }

  .subform {
    margin-top: 1em;
    padding: 1em;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius-small);
    background: var(--_surface-alt);
  }
  .subform input:not([type='checkbox']):not([type='radio']) {
    max-width: 28rem;
  }
  #email-code {
    max-width: 10rem !important;
    letter-spacing: 0.2em;
    font-variant-numeric: tabular-nums;
  }

  .show-passwords {
    display: inline-flex;
    align-items: center;
    gap: 0.6em;
    min-height: var(--_target);
    cursor: pointer;
    margin-bottom: 0.5em;
  }

  /* Live regions stay in the DOM (so changes are announced) but take no room while silent. */
  .status-line {
    margin: 0;
  }
  .unsaved {
    font-weight: 600;
    color: var(--_warning);
  }
  .saved {
    color: var(--_success);
    font-weight: 600;
  }

  .error-summary ul {
    margin: 0.25em 0 0;
    padding-inline-start: 1.25em;
  }
  .error-summary .button.link {
    color: var(--_danger);
    min-height: 2.75rem;
    text-align: start;
    padding-inline: 0;
  }

  .notice:focus,
  [tabindex='-1']:focus {
    outline: none;
  }
  .notice:focus-visible,
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus-ring);
    outline-offset: 2px;
  }

  .revoked h3 {
    font-size: 1.0625em;
  }

  @media (max-width: 30rem) {
    .actions .button {
      width: 100%;
    }
    .email-facts {
      grid-template-columns: 1fr;
    }
    .email-facts dd {
      margin-bottom: 0.5em;
    }
  }

  @media (forced-colors: active) {
    .choice:has(input:checked) {
      border: 2px solid Highlight;
    }
  }
`;
