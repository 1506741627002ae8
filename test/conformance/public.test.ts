/**
 * Conformance: the public operations, the error format and the headers every
 * answer must carry. (Schemas are checked by the real fetch client, which
 * rejects any response that does not match the contract.)
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ClinicConfig, PolicyDocument, Session } from '../../src/api/schemas.js';
import { CookieJar, FOREIGN_ORIGIN, assertProblem, clientWith, raw } from './support.js';

describe('public operations', () => {
  const client = clientWith(new CookieJar());

  it('serves the clinic configuration', async () => {
    const clinic = await client.getClinic();
    assert.ok(clinic.categories.length > 0);
    assert.ok(clinic.locales.includes('en'));
    const r = await raw('GET', '/clinic');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
    assert.ok(ClinicConfig.safeParse(r.json).success);
  });

  it('serves the current policy in every clinic locale, English by default', async () => {
    const clinic = await client.getClinic();
    const english = await client.getPolicy();
    assert.equal(english.locale, 'en');
    assert.equal(english.version, clinic.policyVersion, 'the policy served is the version patients must accept');
    for (const locale of clinic.locales) {
      const doc = await client.getPolicy(locale);
      assert.equal(doc.version, clinic.policyVersion);
      assert.ok(PolicyDocument.safeParse(doc).success);
    }
  });

  it('reports a signed-out session without failing', async () => {
    assert.deepEqual(await client.getSession(), { authenticated: false });
    const r = await raw('GET', '/session');
    assert.equal(r.status, 200);
    assert.ok(Session.safeParse(r.json).success);
  });

  it('answers unknown routes with 404 problem+json', async () => {
    for (const path of ['/no-such-route', '/threads/a/b/c', '/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd']) {
      assertProblem(await raw('GET', path), 404, 'not-found');
    }
  });
});

describe('headers on every answer', () => {
  it('marks personal data as not cacheable and not sniffable', async () => {
    for (const path of ['/clinic', '/session', '/no-such-route']) {
      const r = await raw('GET', path);
      assert.match(r.headers.get('cache-control') ?? '', /no-store/, `${path}: Cache-Control`);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', `${path}: nosniff`);
    }
  });

  it('never allows any origin with credentials', async () => {
    for (const path of ['/clinic', '/session']) {
      const r = await raw('GET', path, { headers: { Origin: FOREIGN_ORIGIN } });
      const allowed = r.headers.get('access-control-allow-origin');
      assert.notEqual(allowed, '*', 'Access-Control-Allow-Origin: * is never right for this API');
      assert.notEqual(allowed, FOREIGN_ORIGIN, 'a foreign origin is not reflected');
    }
  });
});
