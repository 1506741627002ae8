/**
 * Automatic logoff and cross-tab coordination, on a fake clock: 15 minutes of
 * idleness take microseconds. BroadcastChannel is real (two instances on one
 * page talk to each other), with a fresh channel name per test.
 */
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { PortalError } from '../api/errors.js';
import type { Session, SignedInSession } from '../api/schemas.js';
import { FakeClock, sessionAt, settle } from '../components/login/testing.js';
import {
  SessionLifecycle,
  sameApartFromExpiry,
  type SessionLifecycleDelegate,
  type SessionWarning,
} from './session-lifecycle.js';

interface Recorder extends SessionLifecycleDelegate {
  calls: string[];
  warnings: Array<SessionWarning | null>;
  signOuts: string[];
  keepAliveResult: () => Promise<SignedInSession>;
  sessionResult: () => Promise<Session>;
}

function recorder(clock: FakeClock): Recorder {
  const r: Recorder = {
    calls: [],
    warnings: [],
    signOuts: [],
    keepAliveResult: async () => sessionAt(clock),
    sessionResult: async () => sessionAt(clock),
    keepAlive: () => {
      r.calls.push('keepAlive');
      return r.keepAliveResult();
    },
    getSession: () => {
      r.calls.push('getSession');
      return r.sessionResult();
    },
    sessionChanged: () => r.calls.push('sessionChanged'),
    warningChanged: (w) => r.warnings.push(w),
    signOut: (reason) => {
      r.signOuts.push(reason);
      lifecycles.forEach((l) => l.running && r === delegates.get(l) && l.stop());
    },
    reauthNeeded: () => r.calls.push('reauthNeeded'),
  };
  return r;
}

const lifecycles = new Set<SessionLifecycle>();
const delegates = new Map<SessionLifecycle, Recorder>();
let channel = 0;

function create(clock: FakeClock, options: { channelName?: string | null; activityTarget?: EventTarget | null } = {}) {
  const delegate = recorder(clock);
  const lifecycle = new SessionLifecycle(delegate, {
    clock,
    channelName: options.channelName === undefined ? null : options.channelName,
    activityTarget: options.activityTarget === undefined ? null : options.activityTarget,
  });
  lifecycles.add(lifecycle);
  delegates.set(lifecycle, delegate);
  return { lifecycle, delegate };
}

const MIN = 60_000;

describe('SessionLifecycle', () => {
  afterEach(() => {
    for (const l of lifecycles) l.dispose();
    lifecycles.clear();
    delegates.clear();
  });

  describe('idle timeout', () => {
    it('warns two minutes before the idle deadline, then signs out with reason idle', async () => {
      const clock = new FakeClock();
      const { lifecycle, delegate } = create(clock);
      lifecycle.update(sessionAt(clock));
      expect(lifecycle.idleDeadline - clock.now()).to.equal(15 * MIN);

      await clock.advance(13 * MIN - 1000);
      expect(lifecycle.warning).to.equal(null);
      await clock.advance(1000);
      expect(lifecycle.warning).to.include({ kind: 'idle', extending: false });
      expect(lifecycle.warning!.logoffAt - clock.now()).to.equal(2 * MIN);
      expect(delegate.signOuts).to.deep.equal([]);

      await clock.advance(2 * MIN);
      expect(delegate.signOuts).to.deep.equal(['idle']);
      expect(delegate.warnings.at(-1)).to.equal(null);
    });

    it('always leaves at least 20 seconds to answer, even with a one-minute timeout (WCAG 2.2.1)', async () => {
      const clock = new FakeClock();
      const { lifecycle } = create(clock);
      lifecycle.update(sessionAt(clock, { idleTimeoutSeconds: 60 }));
      expect(lifecycle.warningLeadMs).to.be.at.least(20_000);
      await clock.advance(30_000);
      expect(lifecycle.warning?.kind).to.equal('idle');
      expect(lifecycle.warning!.logoffAt - clock.now()).to.be.at.least(20_000);
    });

    it('"Stay signed in" calls keep-alive once, closes the warning and starts a new idle period', async () => {
      const clock = new FakeClock();
      const { lifecycle, delegate } = create(clock);
      lifecycle.update(sessionAt(clock));
      await clock.advance(13 * MIN);
      expect(lifecycle.warning).to.exist;
      const staying = lifecycle.staySignedIn();
      expect(lifecycle.warning?.extending).to.equal(true);
      await staying;
      expect(delegate.calls.filter((c) => c === 'keepAlive')).to.have.length(1);
      expect(lifecycle.warning).to.equal(null);
      expect(lifecycle.idleDeadline - clock.now()).to.equal(15 * MIN);
      await clock.advance(12 * MIN);
      expect(delegate.signOuts).to.deep.equal([]);
    });

    it('keeps the warning up with a message when "Stay signed in" cannot reach the server, and still signs out on time', async () => {
      const clock = new FakeClock();
      const { lifecycle, delegate } = create(clock);
      delegate.keepAliveResult = () => Promise.reject(new PortalError('network', 'offline'));
      lifecycle.update(sessionAt(clock));
      await clock.advance(13 * MIN);
      await lifecycle.staySignedIn();
      expect(lifecycle.warning?.error?.type).to.equal('network');
      expect(lifecycle.warning?.extending).to.equal(false);
      await clock.advance(2 * MIN);
      expect(delegate.signOuts).to.deep.equal(['idle']);
    });

    it('asks for the password inline (not a sign-out) when keep-alive says the session is gone', async () => {
      const clock = new FakeClock();
      const { lifecycle, delegate } = create(clock);
      delegate.keepAliveResult = () => Promise.reject(new PortalError('session-expired', 'gone'));
      lifecycle.update(sessionAt(clock));
      await clock.advance(2 * MIN);
      lifecycle.activity();
      await settle();
      expect(delegate.calls).to.include('reauthNeeded');
      expect(delegate.signOuts).to.deep.equal([]);

      // While waiting for the password, activity keeps the page alive locally, without calls.
      lifecycle.setReauthPending(true);
      const before = delegate.calls.length;
      await clock.advance(10 * MIN);
      lifecycle.activity();
      await clock.advance(10 * MIN);
      expect(delegate.calls.length).to.equal(before);
      expect(delegate.signOuts).to.deep.equal([]);
      // …and an unattended page still forgets the patient.
      await clock.advance(15 * MIN);
      expect(delegate.signOuts).to.deep.equal(['idle']);
    });
  });

  describe('activity and keep-alive', () => {
    it('sends at most one keep-alive per minute, trailing the last activity', async () => {
      const clock = new FakeClock();
      const { lifecycle, delegate } = create(clock);
      lifecycle.update(sessionAt(clock));
      const keepAlives = () => delegate.calls.filter((c) => c === 'keepAlive').length;

      for (let i = 0; i < 20; i++) {
        lifecycle.activity();
        await clock.advance(2000);
      }
      // 40 s of typing inside the first minute: nothing yet, one call when the minute is up.
      expect(keepAlives()).to.equal(0);
      await clock.advance(20_000);
      expect(keepAlives()).to.equal(1);

      for (let i = 0; i < 60; i++) {
        lifecycle.activity();
        await clock.advance(2000);
      }
      expect(keepAlives()).to.equal(3);
      // Two minutes of activity extended the deadline each time: no warning, no logoff.
      await clock.advance(12 * MIN);
      expect(lifecycle.warning).to.equal(null);
      expect(delegate.signOuts).to.deep.equal([]);
    });

    it('extends instead of warning when the patient was active since the last keep-alive', async () => {
      const clock = new FakeClock();
      const { lifecycle, delegate } = create(clock);
      lifecycle.update(sessionAt(clock));
      await clock.advance(12 * MIN);
      lifecycle.activity(); // sends at once (more than a minute since the last extension)
      await settle();
      expect(delegate.calls).to.deep.equal(['keepAlive']);
      await clock.advance(12 * MIN + 59_000);
      expect(lifecycle.warning).to.equal(null);
    });

    it('uses recent activity at warning time to extend, without showing the warning', async () => {
      const clock = new FakeClock();
      const { lifecycle, delegate } = create(clock);
      delegate.keepAliveResult = async () => sessionAt(clock, { idleTimeoutSeconds: 120 });
      lifecycle.update(sessionAt(clock, { idleTimeoutSeconds: 120 })); // warning 60 s before logoff
      await clock.advance(30_000);
      lifecycle.activity(); // inside the keep-alive minute: held back…
      expect(delegate.calls).to.deep.equal([]);
      await clock.advance(30_000); // …until warning time, when it is sent instead of the warning
      expect(delegate.calls).to.deep.equal(['keepAlive']);
      expect(delegate.warnings.filter(Boolean)).to.deep.equal([]);
    });

    it('counts only trusted events: a script dispatching keydown is not a patient', async () => {
      const clock = new FakeClock();
      const target = new EventTarget();
      const { lifecycle, delegate } = create(clock, { activityTarget: target });
      lifecycle.update(sessionAt(clock));
      await clock.advance(2 * MIN);
      target.dispatchEvent(new KeyboardEvent('keydown'));
      await settle();
      expect(delegate.calls).to.deep.equal([]);
    });

    it('counts real key presses on the page', async () => {
      const clock = new FakeClock();
      const { lifecycle, delegate } = create(clock, { activityTarget: document });
      lifecycle.update(sessionAt(clock));
      await clock.advance(2 * MIN);
      const input = document.createElement('input');
      input.setAttribute('aria-label', 'test');
      document.body.append(input);
      input.focus();
      await sendKeys({ type: 'a' });
      await settle();
      input.remove();
      expect(delegate.calls).to.include('keepAlive');
    });

    it('ignores activity while the warning is up: only an explicit answer counts', async () => {
      const clock = new FakeClock();
      const { lifecycle, delegate } = create(clock);
      lifecycle.update(sessionAt(clock));
      await clock.advance(13 * MIN);
      lifecycle.activity();
      await clock.advance(MIN);
      expect(delegate.calls).to.deep.equal([]);
      expect(lifecycle.warning).to.exist;
    });
  });

  describe('absolute expiry', () => {
    it('warns before the absolute expiry (acknowledge only) and signs out with reason expired', async () => {
      const clock = new FakeClock();
      const { lifecycle, delegate } = create(clock);
      lifecycle.update(
        sessionAt(clock, { absoluteExpiresAt: new Date(clock.now() + 10 * MIN).toISOString() }),
      );
      await clock.advance(8 * MIN);
      expect(lifecycle.warning?.kind).to.equal('absolute');
      await lifecycle.staySignedIn();
      expect(lifecycle.warning).to.equal(null);
      expect(delegate.calls).to.deep.equal([]); // nothing to extend
      await clock.advance(2 * MIN);
      expect(delegate.signOuts).to.deep.equal(['expired']);
    });
  });

  describe('server timestamps and device clock skew', () => {
    it('never trusts more idle time than the timeout, and treats an already-past expiry as skew', () => {
      const clock = new FakeClock();
      const { lifecycle } = create(clock);
      lifecycle.update(sessionAt(clock, { idleExpiresAt: new Date(clock.now() + 3 * 3600_000).toISOString() }));
      expect(lifecycle.idleDeadline - clock.now()).to.equal(15 * MIN);
      lifecycle.update(sessionAt(clock, { idleExpiresAt: new Date(clock.now() - 5 * MIN).toISOString() }));
      expect(lifecycle.idleDeadline - clock.now()).to.equal(15 * MIN);
      lifecycle.update(sessionAt(clock, { idleExpiresAt: new Date(clock.now() + 4 * MIN).toISOString() }));
      expect(lifecycle.idleDeadline - clock.now()).to.equal(4 * MIN);
    });

    it('tells a plain keep-alive from a session that really changed', () => {
      const clock = new FakeClock();
      const a = sessionAt(clock);
      clock.time += 60_000;
      expect(sameApartFromExpiry(a, sessionAt(clock))).to.equal(true);
      expect(sameApartFromExpiry(a, sessionAt(clock, { messaging: { allowed: false } }))).to.equal(false);
    });
  });

  describe('across tabs', () => {
    it('activity in one tab extends the other, and closes its warning', async () => {
      const name = `test-tabs-${++channel}`;
      const clock = new FakeClock();
      const a = create(clock, { channelName: name });
      const b = create(clock, { channelName: name });
      a.lifecycle.update(sessionAt(clock));
      b.lifecycle.update(sessionAt(clock));
      await clock.advance(13 * MIN);
      expect(b.lifecycle.warning).to.exist;

      await a.lifecycle.staySignedIn();
      await waitUntil(() => b.lifecycle.warning === null, 'tab B still warns');
      expect(b.lifecycle.idleDeadline).to.equal(a.lifecycle.idleDeadline);
      expect(b.delegate.calls).to.deep.equal([]); // B did not call the server itself
      await clock.advance(14 * MIN);
      expect(b.delegate.signOuts).to.deep.equal([]);
    });

    it('a sign-out in one tab signs the other out (reason other-tab) once the server confirms', async () => {
      const name = `test-tabs-${++channel}`;
      const clock = new FakeClock();
      const a = create(clock, { channelName: name });
      const b = create(clock, { channelName: name });
      a.lifecycle.update(sessionAt(clock));
      b.lifecycle.update(sessionAt(clock));
      b.delegate.sessionResult = async () => ({ authenticated: false });
      a.lifecycle.stop();
      a.lifecycle.announce('signed-out');
      await waitUntil(() => b.delegate.signOuts.length > 0, 'tab B was not signed out');
      expect(b.delegate.signOuts).to.deep.equal(['other-tab']);
      expect(b.delegate.calls).to.deep.equal(['getSession']);
    });

    it('stays signed in when the server says this tab’s patient is still signed in', async () => {
      const name = `test-tabs-${++channel}`;
      const clock = new FakeClock();
      const a = create(clock, { channelName: name });
      const b = create(clock, { channelName: name });
      a.lifecycle.update(sessionAt(clock));
      b.lifecycle.update(sessionAt(clock));
      a.lifecycle.announce('signed-out');
      await waitUntil(() => b.delegate.calls.includes('getSession'));
      await settle();
      expect(b.delegate.signOuts).to.deep.equal([]);
    });

    it('a different patient signing in elsewhere signs this tab out', async () => {
      const name = `test-tabs-${++channel}`;
      const clock = new FakeClock();
      const a = create(clock, { channelName: name });
      const b = create(clock, { channelName: name });
      b.lifecycle.update(sessionAt(clock));
      b.delegate.sessionResult = async () => sessionAt(clock, { patient: { id: 'bea', displayName: 'Bea' } });
      a.lifecycle.announce('signed-in');
      await waitUntil(() => b.delegate.signOuts.length > 0);
      expect(b.delegate.signOuts).to.deep.equal(['other-tab']);
    });

    it('puts only kinds and timestamps on the channel — never ids or names', async () => {
      const name = `test-tabs-${++channel}`;
      const clock = new FakeClock();
      const seen: unknown[] = [];
      const spy = new BroadcastChannel(name);
      spy.onmessage = (e) => seen.push(e.data);
      const a = create(clock, { channelName: name });
      a.lifecycle.update(sessionAt(clock));
      await clock.advance(2 * MIN);
      a.lifecycle.activity();
      await settle();
      a.lifecycle.announce('signed-in');
      a.lifecycle.announce('signed-out');
      await waitUntil(() => seen.length >= 4, `saw ${seen.length}`);
      spy.close();
      const kinds = seen.map((m) => (m as { kind: string }).kind);
      expect(kinds).to.include.members(['activity', 'extended', 'signed-in', 'signed-out']);
      for (const message of seen) {
        expect(Object.keys(message as object)).to.satisfy((keys: string[]) =>
          keys.every((k) => ['v', 'at', 'kind', 'idleDeadline'].includes(k)),
        );
        expect(JSON.stringify(message)).not.to.match(/dana|whitfield/i);
      }
    });

    it('ignores messages it did not send', async () => {
      const name = `test-tabs-${++channel}`;
      const clock = new FakeClock();
      const b = create(clock, { channelName: name });
      b.lifecycle.update(sessionAt(clock));
      const other = new BroadcastChannel(name);
      other.postMessage({ kind: 'signed-out' }); // no version: not ours
      other.postMessage({ v: 1, kind: 'extended', idleDeadline: 'soon' });
      other.postMessage('signed-out');
      await new Promise((r) => setTimeout(r, 50));
      other.close();
      expect(b.delegate.calls).to.deep.equal([]);
      expect(b.lifecycle.idleDeadline - clock.now()).to.equal(15 * MIN);
    });
  });
});
