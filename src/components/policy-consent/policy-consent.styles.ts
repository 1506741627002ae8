import { css } from 'lit';

export const policyConsentStyles = css`
  :host {
    --_measure: var(--portal-policy-measure, 46rem);
  }

  [part~='base'] {
    max-width: var(--_measure);
  }

  .policy-header {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5em 1em;
    margin-bottom: 0.5em;
  }
  .policy-header h2 {
    margin-bottom: 0.25em;
  }
  .meta {
    color: var(--_text-muted);
    margin: 0;
  }
  .nowrap {
    white-space: nowrap;
  }

  .toc {
    margin: 1em 0 1.25em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius-small);
    background: var(--_surface-alt);
  }
  .toc-title {
    font-weight: 600;
    margin: 0.25em 0;
  }
  .toc ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.5em;
  }
  .toc .button.link {
    font-weight: 400;
    text-align: start;
  }

  [part~='document'] section {
    margin-top: 1.5em;
  }
  [part~='document'] h3 {
    scroll-margin-top: 1em;
  }
  [part~='document'] h3:focus {
    outline: none;
  }
  [part~='document'] h3:focus-visible {
    outline: 3px solid var(--_focus-ring);
    outline-offset: 2px;
  }

  /* The disclaimer is never buried: boxed and set apart like a notice. */
  section.disclaimer {
    border: 2px solid var(--_border);
    border-inline-start-width: 6px;
    border-radius: var(--_radius-small);
    padding: 0.75em 1em;
    background: var(--_surface-alt);
  }
  section.disclaimer > :last-child {
    margin-bottom: 0;
  }

  .notice.accepted {
    margin-top: 2em;
  }

  .change-summary {
    white-space: pre-line;
    margin: 0;
  }

  [part~='form'] {
    margin-top: 2em;
    padding-top: 1.25em;
    border-top: 2px solid var(--_border-subtle);
  }
  .check {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.75em;
    align-items: start;
    padding: 0.5em 0.75em;
    border: 2px solid var(--_border);
    border-radius: var(--_radius-small);
    min-height: var(--_target);
    cursor: pointer;
  }
  .check input {
    margin-top: 0.1em;
    cursor: pointer;
  }
  .check.invalid {
    border-color: var(--_danger);
  }
  .check-hint,
  .check-error {
    margin: 0.5em 0 0;
  }

  .notice h3 {
    font-size: 1.0625em;
  }
  .notice:focus {
    outline: none;
  }
  .notice:focus-visible {
    outline: 3px solid var(--_focus-ring);
    outline-offset: 2px;
  }

  @media (max-width: 30rem) {
    .policy-header .button,
    [part~='submit-button'] {
      width: 100%;
    }
  }

  /* Printing shows the policy only: no buttons, no navigation, no form, plain colours. */
  @media print {
    [part~='base'] {
      border: 0;
      box-shadow: none;
      padding: 0;
      max-width: none;
      background: none;
      color: #000;
    }
    .no-print,
    .toc,
    [part~='form'],
    button {
      display: none !important;
    }
    .meta {
      color: #000;
    }
    section.disclaimer {
      background: none;
      border-color: #000;
    }
    h3 {
      break-after: avoid;
    }
    p {
      orphans: 3;
      widows: 3;
    }
  }
`;
