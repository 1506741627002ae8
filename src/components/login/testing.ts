/**
 * Test support for the login widget and the session lifecycle (not exported
 * from the package): a fake clock for `SessionLifecycle` and sessions timed on it.
 */
import type { SignedInSession } from '../../api/schemas.js';
import type { LifecycleClock } from '../../internal/session-lifecycle.js';

/** A clock whose timers only fire when the test advances it. */
export class FakeClock implements LifecycleClock {
  time = Date.parse('2026-12-03T15:00:00Z');
  #timers = new Map<number, { at: number; callback: () => void }>();
  #next = 1;

  now = () => this.time;
  setTimeout = (callback: () => void, ms: number) => {
    const id = this.#next++;
    this.#timers.set(id, { at: this.time + ms, callback });
    return id;
  };
  clearTimeout = (handle: unknown) => {
    this.#timers.delete(handle as number);
  };

  /** Move time forward, firing due timers in order and letting promises settle after each. */
  async advance(ms: number): Promise<void> {
    const end = this.time + ms;
    for (;;) {
      let due: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of this.#timers) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
      if (!due) break;
      this.#timers.delete(due[0]);
      this.time = Math.max(this.time, due[1].at);
      due[1].callback();
      await settle();
    }
    this.time = end;
    await settle();
  }
}

export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

export function sessionAt(clock: FakeClock, overrides: Partial<SignedInSession> = {}): SignedInSession {
  const timeout = overrides.idleTimeoutSeconds ?? 900;
  return {
    authenticated: true,
    patient: { id: 'dana', displayName: 'Dana Whitfield' },
    mustChangePassword: false,
    consent: { currentVersion: '2026-12-01', acceptedVersion: '2026-12-01', required: false },
    messaging: { allowed: true },
    notificationEmailBounced: false,
    idleExpiresAt: new Date(clock.now() + timeout * 1000).toISOString(),
    absoluteExpiresAt: new Date(clock.now() + 12 * 3600_000).toISOString(),
    idleTimeoutSeconds: timeout,
    language: 'en',
    ...overrides,
  };
}

