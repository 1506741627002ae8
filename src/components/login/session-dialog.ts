/**
 * The automatic-logoff warning: a modal `<dialog>` rendered by whichever
 * element owns the session UI for a host (the provider, or a stand-alone
 * `<portal-login>`), driven by `PortalState.sessionWarning`.
 *
 * Accessibility (WCAG 2.2.1, 2.4.3, 4.1.3):
 * - `showModal()` makes the page behind inert and focus moves onto "Stay
 *   signed in"; the dialog is an `alertdialog` whose name and description are
 *   read when it opens;
 * - the time left is visible and ticks each second, but screen readers only
 *   hear it at a few thresholds (a polite live region), not every second;
 * - the warning comes at least 20 s before logoff (usually 2 min);
 * - Escape counts as "Stay signed in" (the patient is clearly there);
 * - when it closes, the browser returns focus to where it was.
 */
import { css, html, nothing, unsafeCSS, type CSSResult, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../internal/localize.js';
import type { PortalState } from '../../internal/portal-host.js';
import type { SessionWarning } from '../../internal/session-lifecycle.js';
import { shared } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

/** Seconds-left marks at which screen readers are told the time again. */
const ANNOUNCE_AT = [60, 30, 10];

export interface SessionDialogHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class SessionDialogController implements ReactiveController {
  #ticker: ReturnType<typeof setInterval> | undefined;
  #announced: string = '';
  #lastWarning: SessionWarning | null = null;

  constructor(
    private readonly host: SessionDialogHost,
    private readonly localize: LocalizeController,
    /** The state to follow, or undefined when this element does not own the session UI. */
    private readonly state: () => PortalState | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const dialog = this.host.renderRoot.querySelector<HTMLDialogElement>('dialog.session-ui');
    const warning = this.state()?.sessionWarning ?? null;
    if (warning && dialog && !dialog.open) {
      dialog.showModal();
      dialog.querySelector<HTMLButtonElement>('[data-action="stay"]')?.focus();
    } else if (!warning && dialog?.open) {
      dialog.close();
    }
    if (warning !== this.#lastWarning) {
      this.#lastWarning = warning;
      if (!warning) this.#announced = '';
    }
    if (warning && !this.#ticker) this.#ticker = setInterval(() => this.host.requestUpdate(), 1000);
    if (!warning) this.#stopTicker();
  }

  hostDisconnected(): void {
    this.#stopTicker();
  }

  #stopTicker() {
    if (this.#ticker) clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  /** The dialog element is always there (closed when there is no warning), so closing restores focus. */
  render(): TemplateResult {
    const state = this.state();
    const warning = state?.sessionWarning ?? null;
    return html`<dialog
      class="session-ui"
      part="dialog"
      role="alertdialog"
      data-theme=${state?.theme ?? 'auto'}
      aria-labelledby="session-ui-title"
      aria-describedby="session-ui-body"
      @cancel=${this.#onCancel}
    >
      ${warning && state ? this.#renderContent(state, warning) : nothing}
    </dialog>`;
  }

  #renderContent(state: PortalState, warning: SessionWarning): TemplateResult {
    const t = this.localize;
    const now = state.host.lifecycle?.clock.now() ?? Date.now();
    const secondsLeft = Math.max(0, Math.ceil((warning.logoffAt - now) / 1000));
    const time = formatDuration(secondsLeft, t.locale);
    const idle = warning.kind === 'idle';
    // Heard when the dialog opens (its description), then again only at a few marks.
    const mark = ANNOUNCE_AT.find((s) => secondsLeft <= s && secondsLeft > s - 5);
    if (mark !== undefined) this.#announced = t.term('login.idle.announce', formatDuration(mark, t.locale));
    const clockTime = new Intl.DateTimeFormat(t.locale, {
      hour: 'numeric',
      minute: '2-digit',
      ...(state.clinic?.timeZone ? { timeZone: state.clinic.timeZone } : {}),
    }).format(new Date(warning.logoffAt));
    return html`
      <h2 id="session-ui-title">${idle ? t.term('login.idle.title') : t.term('login.absolute.title')}</h2>
      <div id="session-ui-body">
        <p>${idle ? t.term('login.idle.body') : t.term('login.absolute.body', clockTime)}</p>
        <p class="countdown">${t.term('login.idle.timeLeft')} <strong class="time">${time}</strong></p>
      </div>
      <p class="visually-hidden" aria-live="polite">${this.#announced}</p>
      ${warning.error ? html`<p class="notice danger" role="alert">${t.term('login.idle.extendFailed')}</p>` : nothing}
      <div class="actions">
        <button
          class="button"
          type="button"
          data-action="stay"
          aria-disabled=${warning.extending ? 'true' : 'false'}
          @click=${this.#onStay}
        >
          ${idle ? t.term('login.idle.stay') : t.term('login.absolute.ok')}
        </button>
        <button class="button secondary" type="button" data-action="sign-out" @click=${this.#onSignOut}>
          ${t.term('login.signOut')}
        </button>
      </div>
    `;
  }

  #onStay = () => {
    const state = this.state();
    if (state?.sessionWarning?.extending) return;
    void state?.host.lifecycle?.staySignedIn();
  };

  #onSignOut = () => {
    this.state()?.host.lifecycle?.signOutNow();
  };

  #onCancel = (event: Event) => {
    // Escape: the patient is at the keyboard, which is all "Stay signed in" asks.
    event.preventDefault();
    this.#onStay();
  };
}

/** "1 minute, 45 seconds" / "1 minuto y 45 segundos" (Intl.DurationFormat where available). */
export function formatDuration(totalSeconds: number, locale: string): string {
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  const DurationFormat = (Intl as unknown as { DurationFormat?: new (l: string, o: object) => { format(d: object): string } })
    .DurationFormat;
  if (DurationFormat) {
    return new DurationFormat(locale, { style: 'long' }).format(minutes > 0 ? { minutes, seconds } : { seconds });
  }
  const unit = (value: number, u: 'minute' | 'second') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: u, unitDisplay: 'long' }).format(value);
  return minutes > 0 ? `${unit(minutes, 'minute')} ${unit(seconds, 'second')}` : unit(seconds, 'second');
}

/**
 * Rewrite `:host` rules for an ordinary element (here the dialog, class
 * `session-ui`), so the dialog carries the same tokens and building blocks in
 * any shadow root — notably the provider's, whose own `:host` must stay
 * `display: contents` and must not restyle the page inside it. Our own static
 * CSS, never data.
 */
export function hostRulesFor(selector: string, sheet: CSSResult): CSSResult {
  const text = sheet.cssText.replace(/:host\(([^()]*)\)/g, `${selector}$1`).replace(/:host\b/g, selector);
  return unsafeCSS(text);
}

export const sessionDialogStyles = [
  hostRulesFor('.session-ui', tokens),
  hostRulesFor('.session-ui', shared),
  css`
    dialog.session-ui {
      width: min(34rem, calc(100vw - 2rem));
      max-height: calc(100dvh - 2rem);
      overflow: auto;
      padding: calc(var(--_space) * 1.5);
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      box-shadow: 0 12px 40px rgb(0 0 0 / 0.3);
    }
    /* The shared :host rules (rewritten for .session-ui) say display: block; a closed dialog stays hidden. */
    dialog.session-ui:not([open]) {
      display: none;
    }
    dialog.session-ui::backdrop {
      background: rgb(0 0 0 / 0.55);
    }
    dialog.session-ui .countdown .time {
      font-size: 1.25em;
      font-variant-numeric: tabular-nums;
    }
    dialog.session-ui .actions {
      justify-content: flex-start;
    }
    @media (forced-colors: active) {
      dialog.session-ui {
        border: 2px solid CanvasText;
      }
    }
  `,
];
