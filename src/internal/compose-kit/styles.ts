/**
 * Styles for the compose kit's pieces; add `composeKitStyles` to the styles of
 * any widget that renders them (after `PortalElement.styles`).
 */
import { css } from 'lit';

export const composeKitStyles = css`
  /* ---- emergency dialog */
  .kit-dialog {
    max-width: min(36rem, calc(100vw - 1rem));
    width: 100%;
    max-height: calc(100dvh - 1rem);
    padding: 0;
    border: 3px solid var(--_danger);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 10px 40px rgb(0 0 0 / 0.35);
  }
  .kit-dialog::backdrop {
    background: rgb(0 0 0 / 0.6);
  }
  .kit-dialog-body {
    padding: calc(var(--_space) * 1.25);
  }
  .kit-dialog-title {
    color: var(--_danger);
  }
  .kit-quotes {
    margin: 0 0 0.75em;
    padding-inline-start: 1.25em;
    font-style: italic;
  }
  .kit-call {
    font-size: 1.125em;
    width: 100%;
  }
  .kit-dialog-actions {
    border-top: 1px solid var(--_border-subtle);
    padding-top: 1em;
  }

  /* ---- urgent notice and checkboxes */
  .kit-check {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
    min-height: var(--_target);
    padding-block: 0.5em;
    cursor: pointer;
  }
  .kit-check input {
    flex: none;
    margin-top: 0.1em;
  }
  .kit-urgent-handling {
    display: block;
    margin-top: 0.25em;
  }

  /* ---- handling notice */
  .kit-handling {
    color: var(--_text);
  }

  /* ---- character count */
  .kit-count {
    margin: 0;
  }
  .kit-count-over {
    color: var(--_danger);
    font-weight: 600;
  }

  /* ---- send status */
  .kit-send-status {
    margin-top: 1em;
  }
  .kit-send-status:focus {
    outline: 3px solid var(--_focus-ring);
    outline-offset: 2px;
  }

  /* ---- attachments */
  .kit-attach {
    margin-bottom: 1em;
  }
  .kit-attach > .label {
    margin-bottom: 0.25em;
  }
  .kit-drop {
    display: grid;
    gap: 0.5em;
    padding: 1em;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius-small);
    background: var(--_surface-alt);
  }
  .kit-drop-active {
    border-color: var(--_primary);
    border-style: solid;
    background: var(--_info-surface);
  }
  .kit-drop-label {
    font-weight: 600;
  }
  .kit-drop-hint {
    margin: 0;
  }
  input.kit-file[type='file'] {
    min-height: var(--_target);
    width: 100%;
    max-width: 100%;
    padding: 0;
    border: 0;
    background: transparent;
    font: inherit;
    color: var(--_text);
  }
  .kit-file::file-selector-button {
    min-height: var(--_target);
    margin-inline-end: 0.75em;
    padding: 0.5em 1em;
    border: 2px solid var(--_primary);
    border-radius: var(--_radius-small);
    background: var(--_surface);
    color: var(--_primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }
  .kit-refusals ul {
    margin: 0.5em 0 0;
    padding-inline-start: 1.25em;
  }
  .kit-files {
    list-style: none;
    margin: 0.75em 0 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .kit-file-item {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius-small);
  }
  .kit-file-name {
    font-weight: 600;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .kit-progress {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
  }
  .kit-progress progress {
    width: 8em;
    accent-color: var(--_primary);
  }
  .kit-file-done {
    color: var(--_success);
    font-weight: 600;
  }
  .kit-file-actions {
    margin-inline-start: auto;
    display: inline-flex;
    gap: 0.25em;
  }
`;
