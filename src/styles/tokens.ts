/**
 * Design tokens, in Material's tiers:
 *   --portal-*       system tokens a clinic sets to match its site (color, radius, font)
 *   --_*             private, resolved per element from the system token or our default;
 *                    components use only these.
 *
 * Every token has a default here, on `:host`, so no global stylesheet is
 * needed. A clinic overrides `--portal-*` on any ancestor (they inherit into
 * shadow roots), or via the provider's `appearance` object.
 * Themes: light (default), dark, high-contrast, and `auto` (follows the OS).
 */
import { css, unsafeCSS } from 'lit';

/** Dark values, shared by the explicit dark theme and `auto` on a dark device (our constants, not input). */
const darkTokens = unsafeCSS(`--_primary: var(--portal-color-primary, #7cc4f2);
--_on-primary: var(--portal-color-on-primary, #06263b);
--_surface: var(--portal-color-surface, #16191d);
--_surface-alt: var(--portal-color-surface-alt, #22272d);
--_text: var(--portal-color-text, #e8ecef);
--_text-muted: var(--portal-color-text-muted, #b4bec8);
--_border: var(--portal-color-border, #7d8894);
--_border-subtle: var(--portal-color-border-subtle, #3a424b);
--_danger: var(--portal-color-danger, #ffb4ab);
--_danger-surface: var(--portal-color-danger-surface, #3b1714);
--_warning: var(--portal-color-warning, #ffd58a);
--_warning-surface: var(--portal-color-warning-surface, #352a0f);
--_success: var(--portal-color-success, #8fd9a3);
--_success-surface: var(--portal-color-success-surface, #12301b);
--_info-surface: var(--portal-color-info-surface, #13293a);
--_focus-ring: var(--portal-focus-ring-color, #9fd3ff);
--_shadow: var(--portal-shadow, 0 1px 3px rgb(0 0 0 / 0.5));
color-scheme: dark;`);

export const tokens = css`
  :host {
    --_font: var(--portal-font-family, inherit);
    --_font-size: var(--portal-font-size, 1rem);
    --_line-height: var(--portal-line-height, 1.5);
    --_radius: var(--portal-radius, 0.5rem);
    --_radius-small: var(--portal-radius-small, 0.25rem);
    --_space: var(--portal-space, 1rem);
    --_focus-ring: var(--portal-focus-ring-color, #1a5fb4);
    --_target: var(--portal-target-size, 2.75rem);

    --_primary: var(--portal-color-primary, #0b5c8a);
    --_on-primary: var(--portal-color-on-primary, #ffffff);
    --_surface: var(--portal-color-surface, #ffffff);
    --_surface-alt: var(--portal-color-surface-alt, #f4f6f8);
    --_text: var(--portal-color-text, #1d2329);
    --_text-muted: var(--portal-color-text-muted, #4f5b66);
    --_border: var(--portal-color-border, #8a96a3);
    --_border-subtle: var(--portal-color-border-subtle, #d5dbe1);
    --_danger: var(--portal-color-danger, #b3261e);
    --_danger-surface: var(--portal-color-danger-surface, #fdecea);
    --_warning: var(--portal-color-warning, #7a4b00);
    --_warning-surface: var(--portal-color-warning-surface, #fff4d6);
    --_success: var(--portal-color-success, #1e6b34);
    --_success-surface: var(--portal-color-success-surface, #e6f4ea);
    --_info-surface: var(--portal-color-info-surface, #e8f1f8);
    --_shadow: var(--portal-shadow, 0 1px 3px rgb(0 0 0 / 0.12));

    color-scheme: light;
  }

  :host([data-theme='dark']) {
    ${darkTokens}
  }

  @media (prefers-color-scheme: dark) {
    :host([data-theme='auto']) {
      ${darkTokens}
    }
  }

  :host([data-theme='high-contrast']) {
    --_primary: #0000c0;
    --_on-primary: #ffffff;
    --_surface: #ffffff;
    --_surface-alt: #ffffff;
    --_text: #000000;
    --_text-muted: #000000;
    --_border: #000000;
    --_border-subtle: #000000;
    --_danger: #a00000;
    --_danger-surface: #ffffff;
    --_warning: #000000;
    --_warning-surface: #ffffff;
    --_success: #004d00;
    --_success-surface: #ffffff;
    --_info-surface: #ffffff;
    --_focus-ring: #000000;
    --_shadow: none;
  }
`;
