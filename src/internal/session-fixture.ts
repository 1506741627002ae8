/**
 * A signed-in session for tests, stories and benchmark pages (dana by default).
 * Dependency-free, so non-test pages (the inbox benchmark) can use it without
 * pulling in the test framework.
 */
import type { SignedInSession } from '../api/schemas.js';

export function signedInSession(overrides: Partial<SignedInSession> = {}): SignedInSession {
  const now = Date.now();
  return {
    authenticated: true,
    patient: { id: 'dana', displayName: 'Dana Whitfield' },
    mustChangePassword: false,
    consent: { currentVersion: '2026-12-01', acceptedVersion: '2026-12-01', required: false },
    messaging: { allowed: true },
    notificationEmailBounced: false,
    idleExpiresAt: new Date(now + 15 * 60_000).toISOString(),
    absoluteExpiresAt: new Date(now + 12 * 3600_000).toISOString(),
    idleTimeoutSeconds: 900,
    language: 'en',
    ...overrides,
  };
}
