/**
 * Conformance: sign-in, the session cookie, token handling, lockout without
 * account enumeration, CSRF (custom header + Origin allowlist), CORS, and the
 * first sign-in of `newbie` (new password → policy → messaging).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LIMITS } from '../../src/api/schemas.js';
import {
  CookieJar,
  FOREIGN_ORIGIN,
  HTTPS,
  PERSONAS,
  RUN,
  SITE_ORIGIN,
  assertProblem,
  assertRefused,
  clientWith,
  key,
  message,
  raw,
  rawOp,
  signIn,
  signInAs,
} from './support.js';

describe('signing in', () => {
  it('returns the session and sets a safe session cookie', async () => {
    const jar = new CookieJar();
    const session = await clientWith(jar).signIn({ patientId: 'dana', password: PERSONAS.dana.password });
    assert.equal(session.patient.id, 'dana');
    assert.equal(session.mustChangePassword, false);
    assert.ok(session.idleExpiresAt <= session.absoluteExpiresAt);

    const [cookie] = jar.lastSetCookie;
    assert.ok(cookie, 'Set-Cookie on sign-in');
    const attrs = cookie.split(';').map((a) => a.trim().toLowerCase());
    assert.ok(attrs.includes('httponly'), 'HttpOnly');
    assert.ok(attrs.some((a) => a.startsWith('samesite=')), 'SameSite');
    assert.ok(attrs.includes('path=/'), 'Path=/');
    if (HTTPS) {
      assert.ok(attrs.includes('secure'), 'Secure over https');
      assert.match(cookie, /^__Host-/, '__Host- prefix over https');
    }
    // At least 128 bits: 22 base64url characters or 32 hex characters.
    const token = jar.sessionToken() ?? '';
    assert.ok(token.length >= 22, 'session token of at least 128 bits');
  });

  it('gives every sign-in a new token', async () => {
    const a = await signInAs('dana');
    const b = await signInAs('dana');
    assert.notEqual(a.jar.sessionToken(), b.jar.sessionToken());
  });

  it('answers a wrong password and an unknown id identically', async () => {
    const wrong = await rawOp('signIn', { csrf: true, json: { patientId: 'bea', password: `wrong-${RUN}` } });
    const unknown = await rawOp('signIn', { csrf: true, json: { patientId: `nobody-${RUN}`, password: `wrong-${RUN}` } });
    assertProblem(wrong, 401, 'invalid-credentials');
    assertProblem(unknown, 401, 'invalid-credentials');
    assert.deepEqual({ ...wrong.json, instance: undefined }, { ...unknown.json, instance: undefined });
  });

  it('locks an id out after repeated failures, even one that does not exist', async () => {
    const id = `locked-${RUN}`;
    let locked: Awaited<ReturnType<typeof rawOp>> | undefined;
    for (let i = 0; i < 12 && !locked; i++) {
      const r = await rawOp('signIn', { csrf: true, json: { patientId: id, password: `guess-${i}` } });
      if (r.status === 429) locked = r;
      else assertProblem(r, 401, 'invalid-credentials');
    }
    assert.ok(locked, 'locked out within 12 failures');
    assertProblem(locked, 429, 'locked-out');
    assert.ok((locked.json.retryAfterSeconds ?? Number(locked.headers.get('retry-after'))) > 0, 'says when to try again');
  });

  it('rejects malformed sign-in requests with 400', async () => {
    for (const body of [{}, { patientId: 'dana' }, { patientId: '', password: '' }, { patientId: 'x'.repeat(LIMITS.patientIdMax + 1), password: 'x' }, { patientId: 1, password: true }]) {
      assertProblem(await rawOp('signIn', { csrf: true, json: body }), 400, 'validation');
    }
  });
});

describe('session tokens', () => {
  it('refuses forged tokens', async () => {
    for (const forged of ['A'.repeat(43), 'forged', "' OR '1'='1", '../../../etc/passwd']) {
      const jar = new CookieJar();
      jar.cookies.set(HTTPS ? '__Host-portal_session' : 'portal_session', forged);
      const r = await rawOp('getInboxStatus', { jar });
      assert.equal(r.status, 401, `forged token ${forged.slice(0, 12)}…`);
      assert.deepEqual(await clientWith(jar).getSession(), { authenticated: false });
    }
  });

  it('invalidates the token at sign-out, so a copy cannot be replayed', async () => {
    const { client, jar } = await signInAs('bea');
    const copy = new CookieJar();
    for (const [k, v] of jar.cookies) copy.cookies.set(k, v);
    await client.signOut();
    assert.equal(jar.sessionToken(), undefined, 'the cookie is cleared');
    const replay = await rawOp('getInboxStatus', { jar: copy });
    assert.equal(replay.status, 401);
    assert.deepEqual(await clientWith(copy).getSession(), { authenticated: false });
  });

  it('extends the idle timeout on keep-alive, never past the absolute limit', async () => {
    const { client } = await signInAs('bea');
    const first = await client.getSession();
    assert.ok(first.authenticated);
    await new Promise((r) => setTimeout(r, 1100));
    const kept = await client.keepAlive();
    assert.ok(kept.idleExpiresAt > first.idleExpiresAt, 'idle expiry moved');
    assert.equal(kept.absoluteExpiresAt, first.absoluteExpiresAt, 'absolute expiry did not');
    const idleMs = Date.parse(kept.idleExpiresAt) - Date.now();
    assert.ok(idleMs <= kept.idleTimeoutSeconds * 1000 + 5000, 'idle expiry matches idleTimeoutSeconds');
    assert.ok(Date.parse(kept.absoluteExpiresAt) - Date.now() <= 12 * 3600 * 1000 + 60_000, 'absolute expiry at most 12 h');
  });
});

describe('CSRF and origins', () => {
  it('refuses a state-changing request without the CSRF header', async () => {
    const { jar, client } = await signInAs('dana');
    const before = (await client.listThreads({ limit: 100 })).total;
    const r = await rawOp('createThread', { jar, json: message('no csrf header'), headers: { 'Idempotency-Key': key('no-csrf') } });
    assertProblem(r, 403, 'csrf-rejected');
    assertProblem(await rawOp('signIn', { json: { patientId: 'dana', password: PERSONAS.dana.password } }), 403, 'csrf-rejected');
    assert.equal((await client.listThreads({ limit: 100 })).total, before, 'nothing stored');
  });

  it('refuses a state-changing request from a foreign Origin', async () => {
    const { jar, client } = await signInAs('dana');
    const before = (await client.listThreads({ limit: 100 })).total;
    const r = await rawOp('createThread', { jar, csrf: true, json: message('foreign origin'), headers: { Origin: FOREIGN_ORIGIN, 'Idempotency-Key': key('foreign') } });
    assertProblem(r, 403, 'csrf-rejected');
    const signInFromElsewhere = await rawOp('signIn', { csrf: true, json: { patientId: 'dana', password: PERSONAS.dana.password }, headers: { Origin: FOREIGN_ORIGIN } });
    assertProblem(signInFromElsewhere, 403, 'csrf-rejected');
    assert.equal(signInFromElsewhere.headers.get('set-cookie'), null, 'no session for a foreign origin');
    assert.equal((await client.listThreads({ limit: 100 })).total, before, 'nothing stored');
  });

  it('gives a foreign origin no CORS preflight approval', async () => {
    const r = await raw('OPTIONS', '/session', {
      headers: { Origin: FOREIGN_ORIGIN, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, x-portal-csrf' },
    });
    assert.equal(r.headers.get('access-control-allow-origin'), null);
    assert.notEqual(r.headers.get('access-control-allow-credentials'), 'true');
  });

  it('approves the configured site origin exactly, with credentials', { skip: SITE_ORIGIN ? false : 'set PORTAL_CONFORMANCE_SITE_ORIGIN to check' }, async () => {
    const r = await raw('OPTIONS', '/session', {
      headers: { Origin: SITE_ORIGIN!, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, x-portal-csrf' },
    });
    assert.ok(r.status === 200 || r.status === 204, `preflight status ${r.status}`);
    assert.equal(r.headers.get('access-control-allow-origin'), SITE_ORIGIN);
    assert.equal(r.headers.get('access-control-allow-credentials'), 'true');
    assert.match(r.headers.get('access-control-allow-headers') ?? '', /x-portal-csrf/i);
    const signedIn = await rawOp('signIn', { csrf: true, json: { patientId: 'dana', password: PERSONAS.dana.password }, headers: { Origin: SITE_ORIGIN! } });
    assert.equal(signedIn.status, 200);
    assert.equal(signedIn.headers.get('access-control-allow-origin'), SITE_ORIGIN);
  });
});

describe('first sign-in (newbie)', () => {
  it('requires a new password, then the policy, before messaging', async (t) => {
    const jar = new CookieJar();
    const client = clientWith(jar);
    let session;
    try {
      session = await client.signIn({ patientId: 'newbie', password: PERSONAS.newbie.password });
    } catch {
      return t.skip('newbie is already set up on this server: reset the demo data (npm run reset-demo) to check the first sign-in');
    }
    if (!session.mustChangePassword) return t.skip('newbie already chose a password: reset the demo data to check the first sign-in');

    await assertRefused(client.listThreads(), 'password-change-required', 403);
    await assertRefused(client.getConsent(), 'password-change-required', 403);

    const weak = await assertRefused(client.changePassword({ currentPassword: PERSONAS.newbie.password, newPassword: 'short' }), 'password-rejected', 422);
    assert.ok(weak.fieldErrors.some((f) => f.field === 'newPassword'));
    await assertRefused(client.changePassword({ currentPassword: PERSONAS.newbie.password, newPassword: 'newbie' }), 'password-rejected');
    await assertRefused(client.changePassword({ currentPassword: `not-it-${RUN}`, newPassword: 'a long and unusual passphrase 77' }), 'invalid-credentials', 401);

    const before = jar.sessionToken();
    const changed = await client.changePassword({ currentPassword: PERSONAS.newbie.password, newPassword: `conformance passphrase ${RUN}` });
    assert.equal(changed.mustChangePassword, false);
    assert.notEqual(jar.sessionToken(), before, 'a new session token after a password change');
    assert.equal(changed.consent.required, true);

    await assertRefused(client.listThreads(), 'consent-required', 403);
    await assertRefused(client.createThread(message('before consent'), { idempotencyKey: key('newbie-early') }), 'consent-required', 403);
    const clinic = await client.getClinic();
    await assertRefused(client.acceptConsent(`${clinic.policyVersion}-old`), 'conflict', 409);
    const consent = await client.acceptConsent(clinic.policyVersion);
    assert.equal(consent.required, false);
    assert.equal(consent.acceptedVersion, clinic.policyVersion);

    const sent = await client.createThread(message('My first message'), { idempotencyKey: key('newbie-first') });
    assert.equal(sent.message.sender.kind, 'patient');
    // The old password no longer works; the new one does.
    await assertRefused(signIn('newbie', PERSONAS.newbie.password), 'invalid-credentials');
    await signIn('newbie', `conformance passphrase ${RUN}`);
  });
});
