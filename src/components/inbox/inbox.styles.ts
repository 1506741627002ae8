import { css } from 'lit';

/**
 * Inbox layout. Rows have one fixed height per breakpoint (`--_row-h`, in `em`
 * so it follows zoom and font size) and clip their content, which is what lets
 * the list virtualize and what keeps hostile subjects and names from breaking
 * the layout. Breakpoints are container queries: the inbox adapts to the
 * column the clinic puts it in, not to the window.
 */
export const inboxStyles = css`
  :host {
    --_list-height: var(--portal-inbox-list-height, min(36rem, 70vh));
  }

  .inbox {
    container: inbox / inline-size;
  }

  /* The shared error/loading boxes combine .notice and .state; keep the notice's inner padding. */
  .notice.state {
    padding: 0.75em 1em;
  }
  .consent .title {
    margin-block-end: 0.5em;
  }

  .icon {
    inline-size: 1.25em;
    block-size: 1.25em;
    flex: none;
  }
  :dir(rtl) .flip-rtl {
    transform: scaleX(-1);
  }

  /* ---- header and toolbar */
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.75em 1em;
    margin-block-end: 1em;
  }
  .title {
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .badge {
    display: inline-block;
    font-size: 0.75em;
    font-weight: 700;
    line-height: 1.2;
    padding: 0.2em 0.6em;
    border-radius: 999px;
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .toolbar {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0 1em;
  }
  @container inbox (min-width: 34rem) {
    .toolbar {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1.5fr);
    }
  }
  .toolbar .field {
    margin-block-end: 0.75em;
  }
  .summary {
    display: flex;
    align-items: center;
    gap: 0.5em;
    margin: 0 0 0.5em;
  }
  .spinner.small {
    inline-size: 1em;
    block-size: 1em;
    border-width: 2px;
  }

  /* ---- the virtual list */
  .list-region {
    container: inbox-list / inline-size;
  }
  .scroller {
    --_row-h: 5.75em;
    position: relative;
    max-block-size: var(--_list-height);
    overflow-y: auto;
    overscroll-behavior: contain;
    border: 1px solid var(--_border-subtle);
    border-radius: var(--_radius-small);
    background: var(--_surface);
  }
  @container inbox-list (min-width: 34rem) {
    .scroller {
      --_row-h: 4.5em;
    }
  }
  .rows {
    position: relative;
    block-size: calc(var(--_n, 0) * var(--_row-h));
  }
  .row,
  .row-probe {
    block-size: var(--_row-h);
  }
  .row {
    position: absolute;
    inset-inline: 0;
    inset-block-start: calc(var(--_i, 0) * var(--_row-h));
    contain: strict;
  }
  .row-probe {
    position: absolute;
    inset-block-start: 0;
    inline-size: 1px;
    visibility: hidden;
    pointer-events: none;
  }
  .row-button {
    display: grid;
    grid-template-columns: 1.25em minmax(0, 1fr) auto auto;
    grid-template-rows: repeat(3, 1.5em);
    grid-template-areas:
      'dot subject subject subject'
      'dot sender sender sender'
      'dot category time badges';
    align-items: center;
    column-gap: 0.5em;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    padding: 0.5em 0.75em;
    border: 0;
    border-block-start: 1px solid var(--_border-subtle);
    border-radius: 0;
    background: var(--_surface);
    color: var(--_text);
    font: inherit;
    text-align: start;
    cursor: pointer;
    overflow: hidden;
  }
  @container inbox-list (min-width: 34rem) {
    .row-button {
      grid-template-rows: repeat(2, 1.5em);
      grid-template-columns: 1.25em minmax(0, auto) minmax(0, 1fr) auto;
      grid-template-areas:
        'dot subject subject time'
        'dot category sender badges';
    }
  }
  .row[aria-posinset='1'] .row-button {
    border-block-start-color: transparent;
  }
  .row-button:hover {
    background: var(--_surface-alt);
  }
  .row-button:focus-visible {
    outline: 3px solid var(--_focus-ring);
    outline-offset: -3px;
  }
  .row.placeholder .row-button {
    cursor: default;
    color: var(--_text-muted);
    display: flex;
    align-items: center;
  }
  .row-loading {
    padding-inline-start: 1.75em;
  }
  .row-button > * {
    min-inline-size: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .dot {
    grid-area: dot;
    align-self: start;
    margin-block-start: 0.45em;
    inline-size: 0.7em;
    block-size: 0.7em;
    border-radius: 50%;
  }
  .unread .dot {
    background: var(--_primary);
  }
  .unread .row-button {
    background: var(--_info-surface);
  }
  .unread .row-button:hover {
    background: var(--_surface-alt);
  }
  .subject {
    grid-area: subject;
  }
  .unread .subject {
    font-weight: 700;
  }
  .time {
    grid-area: time;
    color: var(--_text-muted);
    font-size: 0.875em;
    text-align: end;
  }
  .category {
    grid-area: category;
    justify-self: start;
    max-inline-size: 100%;
    font-size: 0.8125em;
    line-height: 1.4;
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    color: var(--_text-muted);
  }
  .sender {
    grid-area: sender;
    color: var(--_text-muted);
    font-size: 0.9375em;
  }
  .badges {
    grid-area: badges;
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 0.4em;
    color: var(--_text-muted);
  }
  .count {
    font-size: 0.8125em;
    font-weight: 700;
    line-height: 1.4;
    padding: 0 0.5em;
    border-radius: 999px;
    background: var(--_primary);
    color: var(--_on-primary);
  }
  .more-error {
    margin-block-start: 0.75em;
  }

  /* ---- the open conversation */
  .back {
    padding-inline: 0.25em 0.5em;
    margin-block-end: 0.5em;
  }
  .thread-title {
    margin-block-end: 0.25em;
  }
  .thread-title:focus {
    outline: none;
  }
  .thread-title:focus-visible {
    outline: 3px solid var(--_focus-ring);
    outline-offset: 2px;
  }
  .messages {
    list-style: none;
    margin: 1em 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .message {
    padding: 0.75em 1em;
    border: 1px solid var(--_border-subtle);
    border-inline-start-width: 6px;
    border-radius: var(--_radius-small);
    background: var(--_surface);
    /* Long conversations: the browser skips layout for messages far off screen. */
    content-visibility: auto;
    contain-intrinsic-size: auto 8em;
  }
  .message.staff {
    border-inline-start-color: var(--_primary);
  }
  .message.patient {
    background: var(--_surface-alt);
    border-inline-start-color: var(--_border);
  }
  .message-header {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    justify-content: space-between;
    gap: 0 1em;
    font-size: 1em;
    margin: 0 0 0.5em;
    padding-block-end: 0.4em;
    border-block-end: 1px solid var(--_border-subtle);
  }
  .message-header .sender {
    font-size: 1em;
    color: var(--_text);
    min-inline-size: 0;
  }
  .message-time {
    font-weight: 400;
    font-size: 0.875em;
    color: var(--_text-muted);
  }
  .role {
    font-weight: 400;
  }
  .flag {
    font-weight: 600;
    color: var(--_warning);
  }
  .body {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    word-break: normal;
    unicode-bidi: isolate;
    max-inline-size: 70ch;
  }
  .attachments {
    margin-block-start: 0.75em;
  }
  .attachments-title {
    font-weight: 600;
    margin-block-end: 0.25em;
  }
  .attachments ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  .attachment {
    max-inline-size: 100%;
    text-align: start;
    justify-content: flex-start;
    overflow-wrap: anywhere;
  }
  .attachment .size {
    font-weight: 400;
  }
  .reply {
    margin-block-start: 1.5em;
  }
  bdi {
    unicode-bidi: isolate;
  }

  @media (forced-colors: active) {
    .unread .dot,
    .count,
    .badge {
      background: CanvasText;
      color: Canvas;
      forced-color-adjust: none;
    }
    .row-button {
      border-block-start: 1px solid CanvasText;
    }
  }
`;
