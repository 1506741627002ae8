/**
 * The state every widget on a page shares: the API client, the clinic
 * configuration and the session. `<portal-provider>` owns one; a widget used
 * on its own with an `api-base` creates its own. Widgets read it through
 * `@lit/context` and call its methods to change the session, so all widgets
 * agree on who is signed in.
 *
 * Nothing here is persisted in the browser: the session lives in the backend's
 * HttpOnly cookie and is re-read on each page load.
 *
 * While a patient is signed in, a `SessionLifecycle` runs the automatic logoff
 * (idle and absolute timeouts, the warning before it) and keeps the tabs of the
 * site in step; see `session-lifecycle.ts`.
 */
import type { PortalClient } from '../api/client.js';
import { PortalError, toPortalError } from '../api/errors.js';
import type { ClinicConfig, Session, SignedInSession } from '../api/schemas.js';
import type { SignOutReason } from '../events/events.js';
// Types only: the lifecycle's code loads once a patient is signed in (see #startLifecycle).
import type { SessionLifecycle, SessionLifecycleOptions, SessionWarning } from './session-lifecycle.js';

export type PortalStatus = 'loading' | 'ready' | 'error';
export type PortalTheme = 'light' | 'dark' | 'high-contrast' | 'auto';

/** An immutable snapshot; a new object on every change so context consumers re-render. */
export interface PortalState {
  readonly host: PortalHost;
  readonly client: PortalClient;
  readonly status: PortalStatus;
  /** Why loading failed (status `error`). */
  readonly error: PortalError | null;
  readonly clinic: ClinicConfig | null;
  readonly session: Session | null;
  /** Why the patient was last signed out, for the signed-out state's wording. */
  readonly signOutReason: SignOutReason | null;
  /**
   * The server said the session ended while the patient was mid-task (e.g. on
   * Send). Widgets keep what the patient typed and show an inline sign-in; a
   * successful sign-in as the same patient clears this and the task resumes.
   * (Idle logoff is different: it signs out and every widget drops its data.)
   */
  readonly reauthRequired: boolean;
  /** Automatic logoff is near: the dialog asks the patient to stay signed in (see `SessionLifecycle`). */
  readonly sessionWarning: SessionWarning | null;
  /** Unread messages across the inbox, when known; shared so every badge agrees. */
  readonly unreadTotal: number | null;
  /** Patient's saved language (session) — the locale fallback below an explicit `lang`. */
  readonly preferredLocale: string | undefined;
  readonly theme: PortalTheme;
  /** The backend is the in-browser mock: widgets may say so. */
  readonly mock: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface PortalHostOptions {
  theme?: PortalTheme;
  mock?: boolean;
  /** Automatic logoff and cross-tab settings (clock, channel name…); `false` turns it off (non-browser use). */
  lifecycle?: SessionLifecycleOptions | false;
}

export class PortalHost extends EventTarget {
  #state: PortalState;
  #loading: Promise<void> | undefined;
  #lifecycleOptions: SessionLifecycleOptions | false;
  #lifecycle: SessionLifecycle | undefined;
  #lifecycleLoad: Promise<void> | undefined;
  /** Cross-tab announcements made before the lifecycle's code arrived. */
  #pendingAnnouncements: Array<'signed-in' | 'signed-out'> = [];
  #sessionUiOwners: Array<{ owner: object; priority: number }> = [];

  constructor(client: PortalClient, options: PortalHostOptions = {}) {
    super();
    this.#lifecycleOptions = options.lifecycle ?? (typeof document === 'undefined' ? false : {});
    this.#state = {
      host: this,
      client,
      status: 'loading',
      error: null,
      clinic: null,
      session: null,
      signOutReason: null,
      reauthRequired: false,
      sessionWarning: null,
      unreadTotal: null,
      preferredLocale: undefined,
      theme: options.theme ?? 'auto',
      mock: options.mock ?? false,
    };
  }

  get state(): PortalState {
    return this.#state;
  }

  get client(): PortalClient {
    return this.#state.client;
  }

  /** The signed-in session, or null. */
  get signedIn(): SignedInSession | null {
    const session = this.#state.session;
    return session?.authenticated ? session : null;
  }

  /** Load clinic configuration and session once (concurrent callers share the load). */
  load(): Promise<void> {
    this.#loading ??= this.#load();
    return this.#loading;
  }

  /** Load again after a failure (the Retry button). */
  reload(): Promise<void> {
    this.#loading = undefined;
    this.#update({ status: 'loading', error: null });
    return this.load();
  }

  async #load() {
    try {
      const [clinic, session] = await Promise.all([this.client.getClinic(), this.client.getSession()]);
      this.#update({
        status: 'ready',
        clinic,
        session,
        error: null,
        preferredLocale: savedLocale(session) ?? this.#state.preferredLocale,
      });
    } catch (error) {
      this.#update({ status: 'error', error: toPortalError(error) });
    }
  }

  /** After sign-in, password change, consent or keep-alive: the server's view of the session. */
  setSession(session: Session): void {
    const previous = this.signedIn;
    const otherPatient = previous && session.authenticated && session.patient.id !== previous.patient.id;
    if (otherPatient) {
      // A different patient signed in on the re-auth form: nothing of the first may remain.
      this.dispatchEvent(new CustomEvent('signed-out', { detail: { reason: 'other-patient' } }));
    }
    // A sign-in happened here (fresh, re-auth, or someone else): other tabs check theirs.
    const signedInHere = session.authenticated && (!previous || otherPatient || this.#state.reauthRequired);
    this.#update({
      reauthRequired: session.authenticated ? false : this.#state.reauthRequired,
      session,
      signOutReason: session.authenticated ? null : this.#state.signOutReason,
      preferredLocale: savedLocale(session) ?? this.#state.preferredLocale,
      ...(session.authenticated ? {} : { unreadTotal: null }),
    });
    if (signedInHere) this.#announce('signed-in');
  }

  async refreshSession(): Promise<Session> {
    const session = await this.client.getSession();
    this.setSession(session);
    return session;
  }

  /**
   * Forget the patient locally: every widget drops its data when the session
   * becomes `authenticated: false`. `callServer` is false when the server
   * already ended the session (expiry) or another tab did.
   */
  async signOut(reason: SignOutReason, options: { callServer?: boolean } = {}): Promise<void> {
    const wasSignedIn = this.signedIn !== null;
    this.#update({
      session: { authenticated: false },
      signOutReason: reason,
      reauthRequired: false,
      unreadTotal: null,
    });
    if (wasSignedIn) this.dispatchEvent(new CustomEvent('signed-out', { detail: { reason } }));
    if (options.callServer ?? true) {
      try {
        await this.client.signOut();
      } catch {
        // Signing out locally already happened; the server session expires by itself.
      }
    }
    // After the server call, so the other tabs' check (getSession) sees the session gone.
    if (wasSignedIn && reason !== 'other-tab') this.#announce('signed-out');
  }

  /** A widget saw `session-expired`/`unauthorized` from the API while idle (loading data): sign out. */
  sessionExpired(): void {
    if (this.signedIn) void this.signOut('expired', { callServer: false });
  }

  /** A widget saw `session-expired` mid-task (Send): keep page state, ask for the password inline. */
  requireReauth(): void {
    if (!this.#state.reauthRequired) this.#update({ reauthRequired: true });
  }

  /** The automatic-logoff clock for the signed-in session (undefined before the first sign-in or when turned off). */
  get lifecycle(): SessionLifecycle | undefined {
    return this.#lifecycle;
  }

  /**
   * Settles once the automatic-logoff code has loaded and started for the
   * signed-in session (at once when nobody is signed in or it is turned off).
   * Its code loads on first sign-in, so signed-out pages never download it.
   */
  get lifecycleReady(): Promise<void> {
    return this.#lifecycleLoad ?? Promise.resolve();
  }

  /**
   * Page-level session UI (the logoff warning dialog) is shown by exactly one
   * element per host: the provider when there is one (priority 1), otherwise
   * the first `<portal-login>` that offers (priority 0).
   */
  claimSessionUi(owner: object, priority: number): void {
    if (this.#sessionUiOwners.some((o) => o.owner === owner)) return;
    const before = this.sessionUiOwner;
    this.#sessionUiOwners.push({ owner, priority });
    if (this.sessionUiOwner !== before) this.#update({});
  }

  releaseSessionUi(owner: object): void {
    const before = this.sessionUiOwner;
    this.#sessionUiOwners = this.#sessionUiOwners.filter((o) => o.owner !== owner);
    if (this.sessionUiOwner !== before) this.#update({});
  }

  /** The element that shows the session UI for this host, if any. */
  get sessionUiOwner(): object | null {
    let best: { owner: object; priority: number } | null = null;
    for (const o of this.#sessionUiOwners) if (!best || o.priority > best.priority) best = o;
    return best?.owner ?? null;
  }

  /** The provider (or widget) that owned this host is gone: stop timers and listeners. */
  dispose(): void {
    this.#lifecycle?.dispose();
    this.#lifecycle = undefined;
    this.#lifecycleOptions = false;
    this.#pendingAnnouncements = [];
  }

  setUnreadTotal(unreadTotal: number): void {
    if (unreadTotal !== this.#state.unreadTotal) this.#update({ unreadTotal });
  }

  setTheme(theme: PortalTheme): void {
    if (theme !== this.#state.theme) this.#update({ theme });
  }

  setPreferredLocale(locale: string): void {
    if (locale !== this.#state.preferredLocale) this.#update({ preferredLocale: locale });
  }

  #update(patch: Partial<Mutable<PortalState>>) {
    this.#state = Object.freeze({ ...this.#state, ...patch });
    if ('session' in patch || 'reauthRequired' in patch) this.#syncLifecycle();
    this.dispatchEvent(new Event('change'));
  }

  /** Start, update or stop the automatic-logoff clock to match the session. */
  #syncLifecycle() {
    const session = this.signedIn;
    if (!session) {
      this.#lifecycle?.stop();
      return;
    }
    if (this.#lifecycleOptions === false) return;
    if (!this.#lifecycle) {
      this.#startLifecycle();
      return;
    }
    this.#lifecycle.update(session);
    this.#lifecycle.setReauthPending(this.#state.reauthRequired);
  }

  #announce(kind: 'signed-in' | 'signed-out') {
    if (this.#lifecycle) this.#lifecycle.announce(kind);
    else if (this.#lifecycleLoad) this.#pendingAnnouncements.push(kind);
  }

  /** Load the lifecycle's code (once), then start it for whoever is signed in by then. */
  #startLifecycle() {
    this.#lifecycleLoad ??= import('./session-lifecycle.js').then(
      ({ SessionLifecycle }) => {
        const options = this.#lifecycleOptions;
        if (options === false) return; // disposed while loading
        this.#lifecycle = new SessionLifecycle(
          {
            keepAlive: () => this.client.keepAlive(),
            getSession: () => this.client.getSession(),
            sessionChanged: (fresh) => this.setSession(fresh),
            warningChanged: (sessionWarning) => this.#update({ sessionWarning }),
            signOut: (reason) => void this.signOut(reason, { callServer: reason !== 'other-tab' }),
            reauthNeeded: () => this.requireReauth(),
          },
          options,
        );
        for (const kind of this.#pendingAnnouncements.splice(0)) this.#lifecycle.announce(kind);
        this.#syncLifecycle();
      },
      () => {
        // The chunk did not load (offline, a deploy in between): try again on the next session change.
        this.#lifecycleLoad = undefined;
      },
    );
  }
}

/**
 * The patient's saved language, when it should override the page's `<html lang>`:
 * when the server says the patient chose it (`languageChosen`). A server that
 * does not say so is read the old way: English is its default, so a saved `en`
 * yields to the page (a Spanish page stays Spanish) and any other language wins.
 * Choosing a language in `<portal-preferences>` applies at once either way.
 */
function savedLocale(session: Session): string | undefined {
  if (!session.authenticated) return undefined;
  if (session.languageChosen !== undefined) return session.languageChosen ? session.language : undefined;
  return session.language !== 'en' ? session.language : undefined;
}
