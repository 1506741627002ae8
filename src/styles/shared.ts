/**
 * Reset and the building blocks every widget shares: layout, buttons, fields,
 * notices, focus ring, and the loading/empty/error states. Sized for older
 * patients on phones: 1rem+ text, targets at least 44px (WCAG 2.5.8 asks 24).
 */
import { css } from 'lit';

export const shared = css`
  :host {
    display: block;
    box-sizing: border-box;
    font-family: var(--_font);
    font-size: var(--_font-size);
    line-height: var(--_line-height);
    color: var(--_text);
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  [part~='base'] {
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius);
    padding: var(--_space);
    box-shadow: var(--_shadow);
  }

  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  h2 {
    font-size: 1.375em;
  }
  h3 {
    font-size: 1.125em;
  }
  p {
    margin: 0 0 0.75em;
  }

  a {
    color: var(--_primary);
    text-underline-offset: 0.15em;
  }

  :focus-visible {
    outline: 3px solid var(--_focus-ring);
    outline-offset: 2px;
  }

  .visually-hidden {
    position: absolute !important;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }

  /* ---- buttons */
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: var(--_target);
    min-width: var(--_target);
    padding: 0.5em 1.1em;
    border-radius: var(--_radius-small);
    border: 2px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  .button.secondary {
    background: transparent;
    color: var(--_primary);
  }
  .button.danger {
    background: var(--_danger);
    border-color: var(--_danger);
    color: var(--_surface);
  }
  .button.link {
    background: none;
    border-color: transparent;
    color: var(--_primary);
    text-decoration: underline;
    padding-inline: 0.25em;
  }
  .button[disabled],
  .button[aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
    margin-top: 1em;
  }

  /* ---- fields */
  .field {
    display: grid;
    gap: 0.35em;
    margin-bottom: 1em;
  }
  .field label,
  .label {
    font-weight: 600;
  }
  .hint {
    color: var(--_text-muted);
    font-size: 0.9375em;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 2px solid var(--_border);
    border-radius: var(--_radius-small);
    padding: 0.55em 0.7em;
    min-height: var(--_target);
    width: 100%;
    max-width: 100%;
  }
  input[type='checkbox'],
  input[type='radio'] {
    width: 1.5em;
    height: 1.5em;
    margin: 0;
    accent-color: var(--_primary);
  }
  [aria-invalid='true'] {
    border-color: var(--_danger) !important;
  }
  .field-error {
    color: var(--_danger);
    font-weight: 600;
  }

  /* ---- notices */
  .notice {
    border-radius: var(--_radius-small);
    padding: 0.75em 1em;
    border-inline-start: 6px solid var(--_primary);
    background: var(--_info-surface);
    margin-bottom: 1em;
  }
  .notice.warning {
    border-color: var(--_warning);
    background: var(--_warning-surface);
  }
  .notice.danger {
    border-color: var(--_danger);
    background: var(--_danger-surface);
  }
  .notice.success {
    border-color: var(--_success);
    background: var(--_success-surface);
  }
  .notice > :last-child {
    margin-bottom: 0;
  }

  /* ---- shared states */
  .state {
    display: grid;
    justify-items: start;
    gap: 0.5em;
  }
  .state:not(.notice) {
    padding: 0.5em 0;
  }
  .spinner {
    width: 1.5em;
    height: 1.5em;
    border-radius: 50%;
    border: 3px solid var(--_border-subtle);
    border-top-color: var(--_primary);
    animation: spin 0.9s linear infinite;
  }
  @keyframes spin {
    to {
      transform: rotate(360deg);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation-duration: 0.01ms !important;
      animation-iteration-count: 1 !important;
      transition-duration: 0.01ms !important;
      scroll-behavior: auto !important;
    }
  }
  @media (forced-colors: active) {
    .button {
      border: 2px solid ButtonText;
    }
    .notice {
      border: 2px solid CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
