/**
 * Automatic logoff (HIPAA §164.312(a)(2)(iii)) and cross-tab coordination.
 *
 * One `SessionLifecycle` runs per `PortalHost` while a patient is signed in:
 * - **Idle timeout.** The server ends a session after `idleTimeoutSeconds`
 *   without activity; real patient activity on the page (pointerdown, keydown,
 *   input — trusted events only) extends it through `client.keepAlive()`, at most
 *   once per `keepAliveIntervalMs` (trailing, so the last burst of typing still
 *   counts). Before the idle deadline a warning is raised, far enough ahead that
 *   the patient has at least 20 s to answer (WCAG 2.2.1); at the deadline the
 *   host signs out with reason `idle` and every widget drops patient data.
 * - **Absolute expiry.** At `absoluteExpiresAt` the session ends whatever the
 *   activity, with a warning first (it cannot be extended, only acknowledged).
 * - **Cross-tab.** Tabs of the same site share one server session (one cookie),
 *   so they share one clock: a `BroadcastChannel` carries event kinds and
 *   timestamps only (never ids, names or anything else about the patient):
 *   `activity`, `extended` (the new idle deadline), `signed-in`, `signed-out`.
 *   A tab never trusts `signed-in`/`signed-out` blindly: it asks the server
 *   (`getSession`) and signs out with reason `other-tab` when the session is
 *   gone or belongs to someone else.
 *
 * The server is the authority; these timers are the courtesy that makes the
 * page forget the patient no later than the server does. Clock and timers are
 * injected, so tests fast-forward through 15 minutes in microseconds.
 *
 * DOM-light on purpose: it needs an `EventTarget` for activity and, optionally,
 * `BroadcastChannel`; nothing is rendered here (see `session-dialog.ts`).
 */
import { PortalError, toPortalError } from '../api/errors.js';
import type { Session, SignedInSession } from '../api/schemas.js';

// ---------------------------------------------------------------- clock

/** Time and timers, injectable so tests can fast-forward. `now()` is epoch milliseconds. */
export interface LifecycleClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: LifecycleClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

// ---------------------------------------------------------------- public types

export type SessionWarningKind = 'idle' | 'absolute';

/** What the warning dialog shows. Immutable: a new object on every change. */
export interface SessionWarning {
  /** `idle`: "Stay signed in" extends it. `absolute`: the session's hard limit, acknowledge only. */
  readonly kind: SessionWarningKind;
  /** When the automatic sign-out happens, on the lifecycle's clock (epoch ms). */
  readonly logoffAt: number;
  /** "Stay signed in" is on its way to the server. */
  readonly extending: boolean;
  /** Why the last "Stay signed in" failed (e.g. offline); the dialog says so and offers it again. */
  readonly error: PortalError | null;
}

/** What the lifecycle asks of its host (`PortalHost` in the app, fakes in tests). */
export interface SessionLifecycleDelegate {
  keepAlive(): Promise<SignedInSession>;
  getSession(): Promise<Session>;
  /** The server's session differs from ours in more than its expiry (e.g. consent, messaging): adopt it. */
  sessionChanged(session: SignedInSession): void;
  warningChanged(warning: SessionWarning | null): void;
  signOut(reason: 'idle' | 'expired' | 'other-tab' | 'user'): void;
  /** The patient is active but the server ended the session: keep the page, ask for the password inline. */
  reauthNeeded(): void;
}

export interface SessionLifecycleOptions {
  clock?: LifecycleClock;
  /** `BroadcastChannel` name shared by the tabs of one portal; `null` turns cross-tab coordination off. */
  channelName?: string | null;
  /** Where patient activity is listened for (default `document`); `null`: only explicit `activity()` calls. */
  activityTarget?: EventTarget | null;
  /** Fewest milliseconds between two keep-alive calls (default 60 000). */
  keepAliveIntervalMs?: number;
  /** How long before logoff the warning appears (default: 2 min, or half the idle timeout if shorter; never under 20 s). */
  warningLeadMs?: number;
}

export const DEFAULT_CHANNEL_NAME = 'portal-widgets:session';
const DEFAULT_KEEP_ALIVE_INTERVAL_MS = 60_000;
const DEFAULT_WARNING_LEAD_MS = 120_000;
/** WCAG 2.2.1: at least 20 seconds to answer a timeout warning. */
export const MIN_RESPONSE_MS = 20_000;
/** Tell other tabs about activity at most this often (they only need to know someone is there). */
const ACTIVITY_BROADCAST_MS = 15_000;
/** Longest single timer; the schedule is simply recomputed when it fires (also dodges 2^31 ms overflow). */
const MAX_TIMER_MS = 10 * 60_000;
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input'] as const;

type ChannelMessage =
  | { kind: 'activity' }
  | { kind: 'extended'; idleDeadline: number }
  | { kind: 'signed-in' }
  | { kind: 'signed-out' };

// ---------------------------------------------------------------- lifecycle

export class SessionLifecycle {
  readonly clock: LifecycleClock;
  readonly #delegate: SessionLifecycleDelegate;
  readonly #channelName: string | null;
  readonly #activityTarget: EventTarget | null;
  readonly #intervalMs: number;
  readonly #leadOverride: number | undefined;

  #session: SignedInSession | null = null;
  #timeoutMs = 0;
  #idleDeadline = Infinity;
  #absoluteDeadline = Infinity;
  /** When the server last extended the session (a keep-alive was sent, or any tab extended it). */
  #lastExtendedAt = -Infinity;
  #lastActivityAt = -Infinity;
  #remoteActivityAt = -Infinity;
  #lastActivityBroadcastAt = -Infinity;
  #inFlight: Promise<void> | null = null;
  #warning: SessionWarning | null = null;
  #absoluteAcknowledged = false;
  #reauthPending = false;
  #timer: unknown = undefined;
  #channel: BroadcastChannel | null = null;
  #listening = false;
  #disposed = false;

  constructor(delegate: SessionLifecycleDelegate, options: SessionLifecycleOptions = {}) {
    this.#delegate = delegate;
    this.clock = options.clock ?? systemClock;
    this.#channelName = options.channelName === undefined ? DEFAULT_CHANNEL_NAME : options.channelName;
    this.#activityTarget =
      options.activityTarget === undefined ? (typeof document === 'undefined' ? null : document) : options.activityTarget;
    this.#intervalMs = Math.max(1_000, options.keepAliveIntervalMs ?? DEFAULT_KEEP_ALIVE_INTERVAL_MS);
    this.#leadOverride = options.warningLeadMs;
  }

  /** A session is being watched. */
  get running(): boolean {
    return this.#session !== null;
  }

  /** The current warning, or null. */
  get warning(): SessionWarning | null {
    return this.#warning;
  }

  /** When an idle patient will be signed out (epoch ms on `clock`). */
  get idleDeadline(): number {
    return this.#idleDeadline;
  }

  /** When the session ends regardless of activity (epoch ms on `clock`). */
  get absoluteDeadline(): number {
    return this.#absoluteDeadline;
  }

  /** How long before logoff the warning appears, for this session's idle timeout. */
  get warningLeadMs(): number {
    const wanted = this.#leadOverride ?? Math.min(DEFAULT_WARNING_LEAD_MS, this.#timeoutMs / 2);
    return Math.max(MIN_RESPONSE_MS, wanted);
  }

  /**
   * Watch `session` (start), or take a newer copy of it from the server.
   * Server timestamps are on the server's clock, so only two things are trusted
   * from them: the idle time left, clamped to (0, idleTimeout], and the gap
   * between the idle and absolute expiries. A skewed device clock can then make
   * the page sign out early, never late.
   */
  update(session: SignedInSession): void {
    if (this.#disposed) return;
    const now = this.clock.now();
    const starting = this.#session === null || this.#session.patient.id !== session.patient.id;
    this.#session = session;
    this.#timeoutMs = session.idleTimeoutSeconds * 1000;

    const serverIdle = Date.parse(session.idleExpiresAt);
    const serverAbsolute = Date.parse(session.absoluteExpiresAt);
    let idleLeft = serverIdle - now;
    if (!(idleLeft > 0) || idleLeft > this.#timeoutMs) idleLeft = this.#timeoutMs;
    this.#idleDeadline = now + idleLeft;
    const gap = serverAbsolute - serverIdle;
    this.#absoluteDeadline = Number.isFinite(gap) ? Math.max(now, this.#idleDeadline + gap) : Infinity;

    if (starting) {
      // The session just came from the server, which counts that request as activity.
      this.#lastExtendedAt = now;
      this.#lastActivityAt = -Infinity;
      this.#remoteActivityAt = -Infinity;
      this.#absoluteAcknowledged = false;
      this.#reauthPending = false;
      this.#listen();
      this.#openChannel();
    }
    this.#reconsiderWarning(now);
    this.#schedule();
  }

  /** Signed out: forget the session, stop the timers and the activity listeners. */
  stop(): void {
    this.#session = null;
    this.#reauthPending = false;
    this.#clearTimer();
    this.#unlisten();
    this.#setWarning(null);
  }

  /** The host is going away: stop and close the channel. */
  dispose(): void {
    this.stop();
    this.#disposed = true;
    this.#channel?.close();
    this.#channel = null;
  }

  /**
   * The server said the session ended while the patient was mid-task: keep-alive
   * calls stop (they would fail) and activity extends the local idle clock only,
   * so an unattended page still forgets the patient on time.
   */
  setReauthPending(pending: boolean): void {
    if (this.#reauthPending === pending) return;
    this.#reauthPending = pending;
    if (pending && this.#session) this.#extendLocally(this.clock.now());
  }

  /** The patient did something on this page. Trusted DOM events arrive here; tests may call it directly. */
  activity(): void {
    if (!this.#session || this.#warning) return; // while warned, only an explicit answer counts
    const now = this.clock.now();
    this.#lastActivityAt = now;
    if (this.#reauthPending) {
      this.#extendLocally(now);
      return;
    }
    if (now - this.#lastActivityBroadcastAt >= ACTIVITY_BROADCAST_MS) {
      this.#lastActivityBroadcastAt = now;
      this.#post({ kind: 'activity' });
    }
    if (now - this.#lastExtendedAt >= this.#intervalMs) void this.#sendKeepAlive();
    else this.#schedule();
  }

  /** "Stay signed in" (idle) or "Continue" (absolute) in the warning dialog; also Escape. */
  async staySignedIn(): Promise<void> {
    const warning = this.#warning;
    if (!warning || !this.#session) return;
    const now = this.clock.now();
    if (warning.kind === 'absolute') {
      this.#absoluteAcknowledged = true;
      this.#setWarning(null);
      this.#schedule();
      return;
    }
    if (this.#reauthPending) {
      this.#setWarning(null);
      this.#extendLocally(now);
      return;
    }
    this.#setWarning({ ...warning, extending: true, error: null });
    await this.#sendKeepAlive(true);
  }

  /** "Sign out" in the warning dialog. */
  signOutNow(): void {
    if (!this.#session) return;
    this.#setWarning(null);
    this.#delegate.signOut('user');
  }

  /** Raise the warning at once, as if the patient had been idle (Storybook and demos). */
  warnNow(kind: SessionWarningKind = 'idle'): void {
    if (!this.#session) return;
    const logoffAt = this.clock.now() + this.warningLeadMs;
    if (kind === 'idle') this.#idleDeadline = Math.min(this.#idleDeadline, logoffAt);
    else this.#absoluteDeadline = Math.min(this.#absoluteDeadline, logoffAt);
    this.#lastActivityAt = -Infinity;
    this.#remoteActivityAt = -Infinity;
    this.#tick();
  }

  /** Tell the other tabs (kinds only). Called by the host after sign-in and after sign-out. */
  announce(kind: 'signed-in' | 'signed-out'): void {
    this.#openChannel();
    this.#post({ kind });
  }

  // ------------------------------------------------------------ scheduling

  #schedule(): void {
    this.#clearTimer();
    if (!this.#session || this.#disposed) return;
    const now = this.clock.now();
    const lead = this.warningLeadMs;
    const logoffAt = Math.min(this.#idleDeadline, this.#absoluteDeadline);
    const times = [logoffAt];
    // Warning time; skipped while one is shown or a keep-alive is on its way (it will reschedule).
    // Times already past were just handled by #tick, so only future ones are waited for.
    if (!this.#warning && !this.#inFlight) times.push(logoffAt - lead);
    if (this.#pendingLocal() && !this.#inFlight && !this.#reauthPending) times.push(this.#lastExtendedAt + this.#intervalMs);
    const next = Math.min(...times.filter((t, i) => Number.isFinite(t) && (i === 0 || t > now)));
    if (!Number.isFinite(next)) return;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, next - now));
    this.#timer = this.clock.setTimeout(() => {
      this.#timer = undefined;
      this.#tick();
    }, delay);
  }

  #clearTimer(): void {
    if (this.#timer !== undefined) this.clock.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Decide what is due now. Idempotent: called by timers, on visibility, and after every change. */
  #tick(): void {
    if (!this.#session) return;
    const now = this.clock.now();
    if (now >= this.#absoluteDeadline) return this.#logoff('expired');
    if (now >= this.#idleDeadline) return this.#logoff('idle');

    if (!this.#inFlight && !this.#reauthPending && this.#pendingLocal() && now >= this.#lastExtendedAt + this.#intervalMs) {
      void this.#sendKeepAlive();
      return;
    }
    this.#reconsiderWarning(now);
    this.#schedule();
  }

  /** Show, update or clear the warning for the current deadlines. */
  #reconsiderWarning(now: number): void {
    const lead = this.warningLeadMs;
    const absoluteFirst = this.#absoluteDeadline <= this.#idleDeadline;
    const kind: SessionWarningKind = absoluteFirst ? 'absolute' : 'idle';
    const logoffAt = absoluteFirst ? this.#absoluteDeadline : this.#idleDeadline;
    const due = now >= logoffAt - lead;
    if (!due || (kind === 'absolute' && this.#absoluteAcknowledged)) {
      if (this.#warning && !this.#warning.extending) this.#setWarning(null);
      return;
    }
    if (this.#warning?.kind === kind && this.#warning.logoffAt === logoffAt) return;
    if (kind === 'idle' && !this.#warning && !this.#inFlight && !this.#reauthPending && (this.#pendingLocal() || this.#pendingRemote())) {
      // Someone was active since the last extension: extend instead of interrupting them.
      void this.#sendKeepAlive(true);
      return;
    }
    if (this.#inFlight && !this.#warning) return; // the answer decides
    this.#setWarning({ kind, logoffAt, extending: this.#warning?.extending ?? false, error: this.#warning?.error ?? null });
  }

  #pendingLocal(): boolean {
    return this.#lastActivityAt > this.#lastExtendedAt;
  }

  #pendingRemote(): boolean {
    return this.#remoteActivityAt > this.#lastExtendedAt;
  }

  #extendLocally(now: number): void {
    this.#idleDeadline = now + this.#timeoutMs;
    this.#reconsiderWarning(now);
    this.#schedule();
  }

  #logoff(reason: 'idle' | 'expired'): void {
    this.#clearTimer();
    this.#setWarning(null);
    this.#delegate.signOut(reason);
  }

  #setWarning(warning: SessionWarning | null): void {
    if (warning === this.#warning) return;
    this.#warning = warning;
    this.#delegate.warningChanged(warning);
  }

  // ------------------------------------------------------------ keep-alive

  #sendKeepAlive(force = false): Promise<void> {
    if (this.#inFlight) return this.#inFlight;
    if (!this.#session || this.#reauthPending) return Promise.resolve();
    const sentAt = this.clock.now();
    if (!force && sentAt - this.#lastExtendedAt < this.#intervalMs) return Promise.resolve();
    const patientId = this.#session.patient.id;
    this.#lastExtendedAt = sentAt;
    this.#clearTimer();
    this.#inFlight = (async () => {
      try {
        const fresh = await this.#delegate.keepAlive();
        if (!this.#session || this.#session.patient.id !== patientId) return; // signed out meanwhile
        const changed = !sameApartFromExpiry(this.#session, fresh);
        this.#inFlight = null;
        if (this.#warning?.extending) this.#setWarning(null);
        this.update(fresh);
        if (changed) this.#delegate.sessionChanged(fresh);
        this.#post({ kind: 'extended', idleDeadline: this.#idleDeadline });
      } catch (error) {
        const failure = toPortalError(error);
        this.#inFlight = null;
        if (!this.#session || failure.type === 'aborted') return;
        if (failure.needsSignIn) {
          this.#setWarning(null);
          this.#delegate.reauthNeeded();
          return;
        }
        // Offline or server trouble: the dialog says so; otherwise the next activity tries again.
        this.#lastActivityAt = -Infinity;
        this.#remoteActivityAt = -Infinity;
        if (this.#warning) this.#setWarning({ ...this.#warning, extending: false, error: failure });
      } finally {
        this.#inFlight = null;
        if (this.#session) this.#tick();
      }
    })();
    return this.#inFlight;
  }

  // ------------------------------------------------------------ DOM activity

  #onActivity = (event: Event) => {
    // Script-made events (analytics, other widgets) are not a person at the keyboard.
    if (event.isTrusted) this.activity();
  };

  #onVisibility = () => {
    // Background tabs' timers are throttled or frozen; catch up as soon as the tab is seen.
    if (typeof document !== 'undefined' && document.visibilityState === 'visible') this.#tick();
  };

  #listen(): void {
    if (this.#listening || !this.#activityTarget) return;
    this.#listening = true;
    for (const type of ACTIVITY_EVENTS) {
      this.#activityTarget.addEventListener(type, this.#onActivity, { capture: true, passive: true });
    }
    this.#activityTarget.addEventListener('visibilitychange', this.#onVisibility);
  }

  #unlisten(): void {
    if (!this.#listening || !this.#activityTarget) return;
    this.#listening = false;
    for (const type of ACTIVITY_EVENTS) {
      this.#activityTarget.removeEventListener(type, this.#onActivity, { capture: true });
    }
    this.#activityTarget.removeEventListener('visibilitychange', this.#onVisibility);
  }

  // ------------------------------------------------------------ cross-tab

  #openChannel(): void {
    if (this.#channel || this.#disposed || !this.#channelName || typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(this.#channelName);
    this.#channel.addEventListener('message', this.#onMessage);
  }

  #post(message: ChannelMessage): void {
    // Kinds and timestamps only: the channel reaches every tab and frame of this origin.
    try {
      this.#channel?.postMessage({ v: 1, at: this.clock.now(), ...message });
    } catch {
      // A closed channel (page unloading) is not worth an error.
    }
  }

  #onMessage = (event: MessageEvent) => {
    const message = parseMessage(event.data);
    if (!message || !this.#session) return;
    const now = this.clock.now();
    switch (message.kind) {
      case 'activity':
        this.#remoteActivityAt = now;
        break;
      case 'extended': {
        // Another tab extended the shared server session; never beyond one timeout from now.
        const deadline = Math.min(message.idleDeadline, now + this.#timeoutMs);
        if (deadline > this.#idleDeadline) {
          this.#idleDeadline = deadline;
          this.#lastExtendedAt = now;
          this.#remoteActivityAt = -Infinity;
          if (this.#warning?.kind === 'idle') this.#setWarning(null);
          this.#reconsiderWarning(now);
          this.#schedule();
        }
        break;
      }
      case 'signed-in':
      case 'signed-out':
        void this.#verifyWithServer();
        break;
    }
  };

  /** Another tab signed in or out: ask the server whether this tab's patient is still signed in. */
  async #verifyWithServer(): Promise<void> {
    const expectedId = this.#session?.patient.id;
    let session: Session | null = null;
    try {
      session = await this.#delegate.getSession();
    } catch (error) {
      if (toPortalError(error).type === 'aborted') return;
      // Cannot confirm: forgetting the patient is the safe side.
    }
    if (!this.#session || this.#session.patient.id !== expectedId) return; // changed meanwhile
    if (session?.authenticated && session.patient.id === expectedId) {
      // Still us. If this tab was waiting for the password, the other tab's sign-in resumes it.
      if (this.#reauthPending) this.#delegate.sessionChanged(session);
      return;
    }
    this.#setWarning(null);
    this.#delegate.signOut('other-tab');
  }
}

// ---------------------------------------------------------------- helpers

/** Accept only the messages we send; anything else on the channel is ignored. */
function parseMessage(data: unknown): ChannelMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const { v, kind, idleDeadline } = data as Record<string, unknown>;
  if (v !== 1) return null;
  if (kind === 'activity' || kind === 'signed-in' || kind === 'signed-out') return { kind };
  if (kind === 'extended' && typeof idleDeadline === 'number' && Number.isFinite(idleDeadline)) {
    return { kind, idleDeadline };
  }
  return null;
}

/** True when two sessions differ only in their expiry times (a plain keep-alive). */
export function sameApartFromExpiry(a: SignedInSession, b: SignedInSession): boolean {
  const strip = ({ idleExpiresAt: _i, absoluteExpiresAt: _a, ...rest }: SignedInSession) => rest;
  return JSON.stringify(strip(a)) === JSON.stringify(strip(b));
}
