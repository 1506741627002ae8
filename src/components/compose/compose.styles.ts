import { css } from 'lit';

export const composeStyles = css`
  .compose > h2 {
    margin-bottom: 0.75em;
  }
  .compose > h2:focus {
    outline: none;
  }
  .compose > h2:focus-visible {
    outline: 3px solid var(--_focus-ring);
  }

  fieldset {
    border: 0;
    margin: 0 0 1.25em;
    padding: 0;
    /* A fieldset is min-content wide by default: that overflows at 320 px. */
    min-width: 0;
  }
  legend {
    font-weight: 700;
    font-size: 1.0625em;
    padding: 0;
    margin-bottom: 0.25em;
  }
  .required-marker {
    font-weight: 400;
    color: var(--_text-muted);
  }

  /* ---- category cards */
  .categories {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 15rem), 1fr));
    gap: 0.6em;
    margin-top: 0.5em;
  }
  .category {
    display: flex;
    align-items: flex-start;
    gap: 0.75em;
    min-height: var(--_target);
    padding: 0.75em;
    border: 2px solid var(--_border-subtle);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    cursor: pointer;
  }
  .category:hover {
    border-color: var(--_border);
  }
  .category:has(input:checked) {
    border-color: var(--_primary);
    background: var(--_info-surface);
  }
  .category input {
    flex: none;
    margin-top: 0.1em;
  }
  .category-text {
    display: grid;
    gap: 0.15em;
  }
  .category-label {
    font-weight: 600;
  }

  /* ---- fields */
  .field > p {
    margin: 0;
  }
  .money {
    display: flex;
    align-items: stretch;
  }
  .money-prefix {
    display: inline-flex;
    align-items: center;
    padding-inline: 0.75em;
    border: 2px solid var(--_border);
    border-inline-end: 0;
    border-radius: var(--_radius-small) 0 0 var(--_radius-small);
    background: var(--_surface-alt);
    font-weight: 600;
  }
  .money input {
    border-start-start-radius: 0 !important;
    border-end-start-radius: 0 !important;
  }
  textarea {
    min-height: 10em;
    resize: vertical;
  }
  input[type='date'] {
    max-width: 14em;
  }
  .short {
    max-width: 10em;
  }

  /* ---- error summary */
  .summary:focus {
    outline: 3px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  .summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .summary a {
    color: var(--_danger);
    font-weight: 600;
  }

  /* ---- footer */
  .footer {
    border-top: 1px solid var(--_border-subtle);
    padding-top: 1em;
    margin-top: 0.5em;
  }
  .draft-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1em;
    min-height: var(--_target);
  }
  .draft-line .hint {
    margin: 0;
  }
  .discard-confirm {
    margin-top: 0.5em;
  }
  .sent-actions {
    margin-top: 0;
  }
  .payment-link {
    display: inline-block;
    padding-block: 0.6em; /* a 44 px target without looking like a button */
    font-weight: 600;
  }

  @media (forced-colors: active) {
    .category:has(input:checked) {
      border-color: Highlight;
    }
  }
`;
