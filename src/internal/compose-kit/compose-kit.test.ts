import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { LitElement, nothing, render as renderTemplate } from 'lit';
import type { CallOptions, PortalClient } from '../../api/client.js';
import { PortalError } from '../../api/errors.js';
import type { DraftInput } from '../../api/schemas.js';
import { DEMO_CLINIC } from '../../backend/demo-data.js';
import { LocalizeController } from '../localize.js';
import { PortalHost } from '../portal-host.js';
import { fakeClient, signedInSession } from '../test-helpers.js';
import { AttachmentPickerController, fileType, formatBytes, typeList } from './attachment-picker.js';
import { containsCardNumber, luhnValid } from './card-number.js';
import { CharacterCountController, characterLength, fitLength } from './character-count.js';
import { DraftController } from './draft-controller.js';
import { HandlingNoticeController } from './handling-notice.js';
import { SafetyGate } from './safety-gate.js';
import { SendController } from './send-controller.js';
import { composeKitStyles } from './styles.js';
import { TriageController } from './triage-controller.js';
import { bounce, kit } from '../../translations/en.js';

/** A bare Lit host for controllers. */
class KitTestHost extends LitElement {
  static override styles = composeKitStyles;
  text = '';
  localize = new LocalizeController(this, [kit, bounce]);
  override render() {
    return html``;
  }
}
customElements.define('kit-test-host', KitTestHost);

/** A host that renders a message field and the gate's dialog, as compose and the reply box do. */
class GateTestHost extends LitElement {
  static override styles = composeKitStyles;
  text = '';
  localize = new LocalizeController(this, [kit, bounce]);
  gate: SafetyGate | undefined;
  override render() {
    return html`<textarea id="message" aria-label="Message"></textarea>${this.gate?.render() ?? nothing}`;
  }
}
customElements.define('kit-gate-test-host', GateTestHost);

async function hostElement(): Promise<KitTestHost> {
  return fixture<KitTestHost>(html`<kit-test-host></kit-test-host>`);
}

describe('compose-kit', () => {
  describe('card numbers', () => {
    it('checks the Luhn digit', () => {
      expect(luhnValid('4111111111111111')).to.equal(true);
      expect(luhnValid('4111111111111112')).to.equal(false);
    });

    it('finds card numbers, grouped or not, and ignores other numbers', () => {
      expect(containsCardNumber('card 4111 1111 1111 1111 please')).to.equal(true);
      expect(containsCardNumber('amex 3782-822463-10005')).to.equal(true);
      expect(containsCardNumber('5555555555554444')).to.equal(true);
      expect(containsCardNumber('call (972) 555-0142 or 972 555 0143')).to.equal(false);
      expect(containsCardNumber('member ID 4111 1111 1111 1112')).to.equal(false);
      expect(containsCardNumber('0000 0000 0000 0000')).to.equal(false);
      // A 20-digit account number is not a card, and no card-sized slice of it is either.
      expect(containsCardNumber('account 41111111111111111111')).to.equal(false);
      expect(containsCardNumber('')).to.equal(false);
    });
  });

  describe('TriageController', () => {
    it('classifies after a pause, and right away on evaluateNow()', async () => {
      const el = await hostElement();
      const triage = new TriageController(el, { text: () => el.text, locale: () => 'en', debounceMs: 20 });
      el.text = 'crushing chest pain';
      triage.schedule();
      expect(triage.level).to.equal('routine');
      await waitUntil(() => triage.level === 'emergency');
      el.text = 'refill please';
      expect(triage.evaluateNow().level).to.equal('routine');
    });

    it('binds an acknowledgement to the warning signs shown: a new sign asks again', async () => {
      const el = await hostElement();
      const triage = new TriageController(el, { text: () => el.text, locale: () => 'en' });
      el.text = 'I ran out of my blood pressure medicine';
      triage.evaluateNow();
      expect(triage.needsUrgentAcknowledgement).to.equal(true);
      triage.acknowledge();
      expect(triage.needsUrgentAcknowledgement).to.equal(false);
      expect(triage.stamp()).to.deep.equal({ level: 'urgent', codes: ['time-sensitive-med-out'], acknowledged: true });
      el.text += ' and now I have crushing chest pain';
      triage.evaluateNow();
      expect(triage.needsEmergencyConfirmation).to.equal(true);
      expect(triage.stamp().acknowledged).to.equal(false);
      triage.acknowledge();
      expect(triage.stamp()).to.include({ level: 'emergency', acknowledged: true });
      el.text = '';
      triage.reset();
      expect(triage.stamp()).to.deep.equal({ level: 'routine', codes: [], acknowledged: false });
    });

    it('handles Spanish', async () => {
      const el = await hostElement();
      const triage = new TriageController(el, { text: () => el.text, locale: () => 'es' });
      el.text = 'no puedo respirar';
      expect(triage.evaluateNow().level).to.equal('emergency');
    });
  });

  describe('DraftController', () => {
    function setup(client: PortalClient, snapshot: () => DraftInput | null) {
      return hostElement().then((el) => ({
        el,
        draft: new DraftController(el, { client: () => client, snapshot, threadId: () => null, debounceMs: () => 20 }),
      }));
    }
    const input = (body: string): DraftInput => ({
      threadId: null,
      category: 'billing',
      fields: {},
      subject: 's',
      body,
      attachmentIds: [],
    });

    it('saves an unsaved edit at once, in a keepalive request, when the page is hidden or closed', async () => {
      const saves: Array<{ body: string; keepalive: boolean | undefined }> = [];
      const client = fakeClient({
        saveDraft: async (id: string, d: DraftInput, options?: CallOptions) => {
          saves.push({ body: d.body, keepalive: options?.keepalive });
          return { ...d, id, updatedAt: new Date().toISOString() };
        },
      });
      const el = await hostElement();
      const draft = new DraftController(el, {
        client: () => client,
        snapshot: () => input('half-written note'),
        threadId: () => null,
        debounceMs: () => 60_000,
      });
      // Nothing pending: leaving saves nothing.
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      expect(saves).to.have.length(0);
      draft.changed();
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      await waitUntil(() => saves.length === 1, 'pagehide did not save');
      expect(saves[0]).to.deep.equal({ body: 'half-written note', keepalive: true });
      // A phone switching apps: the tab becomes hidden.
      draft.changed();
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      try {
        document.dispatchEvent(new Event('visibilitychange'));
      } finally {
        delete (document as { visibilityState?: unknown }).visibilityState; // the real getter again
      }
      await waitUntil(() => saves.length === 2, 'hiding the tab did not save');
      // Back to the tab (visible): no extra save.
      document.dispatchEvent(new Event('visibilitychange'));
      await aTimeout(20);
      expect(saves).to.have.length(2);
      el.remove();
    });

    it('debounces edits into one save per pause, always with the same id', async () => {
      const saves: Array<[string, string]> = [];
      const client = fakeClient({
        saveDraft: async (id: string, d: DraftInput) => {
          saves.push([id, d.body]);
          return { ...d, id, updatedAt: new Date().toISOString() };
        },
      });
      let body = 'a';
      const { draft } = await setup(client, () => input(body));
      draft.changed();
      body = 'ab';
      draft.changed();
      body = 'abc';
      draft.changed();
      await waitUntil(() => draft.status === 'saved');
      expect(saves).to.have.length(1);
      expect(saves[0]![1]).to.equal('abc');
      body = 'abcd';
      draft.changed();
      await waitUntil(() => saves.length === 2);
      expect(saves[1]![0]).to.equal(saves[0]![0]);
    });

    it('an edit during a save is saved afterwards; settle() waits and stops autosave', async () => {
      const saves: string[] = [];
      let release!: () => void;
      const client = fakeClient({
        saveDraft: async (id: string, d: DraftInput) => {
          saves.push(d.body);
          if (saves.length === 1) await new Promise<void>((r) => (release = r));
          return { ...d, id, updatedAt: new Date().toISOString() };
        },
      });
      let body = 'first';
      const { draft } = await setup(client, () => input(body));
      void draft.flush();
      await waitUntil(() => saves.length === 1);
      body = 'second';
      void draft.flush();
      release();
      await waitUntil(() => saves.length === 2);
      expect(saves).to.deep.equal(['first', 'second']);
      await draft.settle();
      draft.changed();
      await aTimeout(50);
      expect(saves).to.have.length(2);
    });

    it('skips saving when the snapshot is null (nothing typed, or a card number)', async () => {
      const client = fakeClient({});
      const { draft } = await setup(client, () => null);
      draft.changed();
      await aTimeout(50);
      expect(client.calls).not.to.include('saveDraft');
    });

    it('restores the newest draft for its thread and discards explicitly', async () => {
      const deleted: string[] = [];
      const client = fakeClient({
        listDrafts: async () => [
          { ...input('old'), id: 'd1', updatedAt: '2026-11-01T00:00:00Z' },
          { ...input('new'), id: 'd2', updatedAt: '2026-12-01T00:00:00Z' },
          { ...input('reply'), threadId: 't1', id: 'd3', updatedAt: '2026-12-02T00:00:00Z' },
        ],
        deleteDraft: async (id: string) => {
          deleted.push(id);
        },
      });
      const { draft } = await setup(client, () => null);
      const restored = await draft.restore();
      expect(restored?.id).to.equal('d2');
      expect(draft.draftId).to.equal('d2');
      await draft.discard();
      expect(deleted).to.deep.equal(['d2']);
      expect(draft.draftId).to.equal(null);
    });
  });

  describe('SendController', () => {
    async function setup() {
      const el = await hostElement();
      const client = fakeClient({ getSession: async () => signedInSession() });
      const host = new PortalHost(client);
      await host.load();
      let resends = 0;
      const send = new SendController<string>(el, { portal: () => host.state, resend: () => (resends += 1) });
      return { el, host, send, resends: () => resends };
    }

    it('ignores a second send while one is in flight and keeps one key until success', async () => {
      const { send } = await setup();
      const keys: string[] = [];
      let release!: (v: string) => void;
      const first = send.send(async (key) => {
        keys.push(key);
        return new Promise<string>((r) => (release = r));
      });
      const second = await send.send(async (key) => {
        keys.push(key);
        return 'never';
      });
      expect(second).to.deep.equal({ ok: false, busy: true });
      release('done');
      expect(await first).to.deep.equal({ ok: true, result: 'done' });
      expect(keys).to.have.length(1);
      expect(send.idempotencyKey).to.equal(null);
    });

    it('network failure → offline, the same key on retry, and a retry when the browser is back online', async () => {
      const { send, resends } = await setup();
      const keys: string[] = [];
      const out = await send.send(async (key) => {
        keys.push(key);
        throw new PortalError('network', 'down');
      });
      expect(out.ok).to.equal(false);
      expect(send.status).to.equal('offline');
      window.dispatchEvent(new Event('online'));
      expect(resends()).to.equal(1);
      await send.send(async (key) => {
        keys.push(key);
        return 'ok';
      });
      expect(keys[0]).to.equal(keys[1]);
    });

    it('session expired → requireReauth and resend only for the same patient', async () => {
      const { send, host, resends, el } = await setup();
      await send.send(async () => {
        throw new PortalError('session-expired', 'x');
      });
      expect(send.status).to.equal('reauth');
      expect(host.state.reauthRequired).to.equal(true);
      host.setSession(signedInSession());
      el.requestUpdate();
      await el.updateComplete;
      await aTimeout(0);
      expect(resends()).to.equal(1);
    });

    it('an idempotency mismatch starts a fresh key for the edited message', async () => {
      const { send } = await setup();
      const keys: string[] = [];
      await send.send(async (key) => {
        keys.push(key);
        throw new PortalError('idempotency-mismatch', 'x');
      });
      await send.send(async (key) => {
        keys.push(key);
        return 'ok';
      });
      expect(keys[0]).not.to.equal(keys[1]);
    });
  });

  describe('SafetyGate', () => {
    async function setup() {
      const el = await fixture<GateTestHost>(html`<kit-gate-test-host></kit-gate-test-host>`);
      const host = new PortalHost(fakeClient({ getSession: async () => signedInSession() }));
      await host.load();
      const triage = new TriageController(el, { text: () => el.text, locale: () => 'en' });
      const send = new SendController<string>(el, { portal: () => host.state, resend: () => undefined });
      el.gate = new SafetyGate(el, {
        triage,
        send,
        localize: el.localize,
        clinic: () => DEMO_CLINIC,
        messageId: 'message',
      });
      await triage.ready;
      return { el, gate: el.gate, triage };
    }
    const dialogOf = (el: GateTestHost) => el.shadowRoot!.querySelector<HTMLDialogElement>('dialog');

    it('answers synchronously when there is nothing to wait for: clear, or the urgent acknowledgement', async () => {
      const { el, gate, triage } = await setup();
      el.text = 'Could you send a refill to my pharmacy?';
      expect(gate.check()).to.equal('clear');
      el.text = 'I ran out of my blood pressure medicine';
      expect(gate.check()).to.equal('acknowledge-urgent');
      triage.acknowledge();
      expect(gate.check()).to.equal('clear');
    });

    it('loads the emergency dialog after the classifier; it blocks until the patient answers', async () => {
      const { el, gate, triage } = await setup();
      // Deferred, not dropped: the dialog's code arrives once the classifier has loaded.
      await waitUntil(() => gate.dialogLoaded, 'the dialog was not preloaded after the classifier');
      await el.updateComplete;
      expect(dialogOf(el)?.open).to.equal(false);
      await expect(el).to.be.accessible();

      el.text = 'I have crushing chest pain';
      const back = gate.check();
      expect(back).to.be.instanceOf(Promise);
      await waitUntil(() => dialogOf(el)?.open, 'the emergency dialog did not open');
      expect(gate.pending).to.equal(true);
      expect(gate.check(), 'Send is ignored while the dialog is open').to.equal('stop');
      expect(dialogOf(el)!.textContent).to.contain('“crushing chest”');
      dialogOf(el)!.querySelector<HTMLButtonElement>('.button.link')!.click(); // Go back to my message
      expect(await back).to.equal('stop');
      expect(el.shadowRoot!.activeElement?.id).to.equal('message');
      expect(triage.acknowledged).to.equal(false);

      const sendIt = gate.check();
      await waitUntil(() => dialogOf(el)?.open, 'the emergency dialog did not open again');
      dialogOf(el)!.querySelector<HTMLButtonElement>('.button.secondary')!.click(); // This is not an emergency
      expect(await sendIt).to.equal('clear');
      expect(triage.stamp()).to.include({ level: 'emergency', acknowledged: true });
      expect(gate.pending).to.equal(false);
    });
  });

  describe('HandlingNoticeController', () => {
    it('describes handling in the clinic zone for the injected clock, and falls back on a bad calendar', async () => {
      const el = await hostElement();
      let clinic = DEMO_CLINIC;
      const notice = new HandlingNoticeController(el, {
        localize: el.localize,
        clinic: () => clinic,
        now: () => new Date('2026-12-05T18:00:00Z'), // Saturday noon in Dallas
      });
      expect(notice.sentence()).to.equal(
        'The office is closed. Your message will be handled on Monday, December 7, after 8:00 AM Central Time.',
      );
      clinic = { ...DEMO_CLINIC, timeZone: 'Not/AZone' };
      expect(notice.sentence()).to.equal('Messages are handled during the office’s business hours.');
    });
  });

  describe('CharacterCountController', () => {
    it('shows the count, and announces politely only near the limit after a pause', async () => {
      const el = await hostElement();
      const count = new CharacterCountController(el, { announceDelayMs: 10 });
      // Rendered synchronously into a detached box: fixture() waits for animation frames, which a loaded CI machine may starve.
      const wrapper = document.createElement('div');
      const render = (value: string) => {
        renderTemplate(count.render({ id: 'c', value, max: 10, localize: el.localize }), wrapper);
        return {
          visible: wrapper.querySelector('#c')!.textContent!.trim(),
          live: wrapper.querySelector('[role="status"][aria-live="polite"]')!.textContent!.trim(),
        };
      };
      expect(render('abc')).to.deep.equal({ visible: '3 of 10 characters', live: '' });
      count.changed('abc', 10, el.localize);
      await aTimeout(40);
      // Far from the limit: nothing is announced, even after a pause.
      expect(render('abc').live).to.equal('');
      count.changed('abcdefghi', 10, el.localize);
      // Right after the keystroke the visible count changes, the live region stays quiet.
      expect(render('abcdefghi')).to.deep.equal({ visible: '1 character left', live: '' });
      // Once typing has paused (10 ms here; a loaded machine may take longer) it speaks.
      await waitUntil(() => render('abcdefghi').live === '1 character left', 'never announced');
      count.changed('abcdefghijkl', 10, el.localize);
      await waitUntil(() => render('abcdefghijkl').live.includes('2 characters too many'), 'over not announced');
    });

    it('counts and trims as the contract does, never splitting an emoji', () => {
      expect(characterLength('héllo')).to.equal(5);
      expect(characterLength('👍')).to.equal(2);
      expect(fitLength('abc👍', 4)).to.equal('abc');
      expect(fitLength('abc👍', 5)).to.equal('abc👍');
      expect(fitLength('abcdef', 3)).to.equal('abc');
    });
  });

  describe('attachments helpers', () => {
    it('formats sizes and type lists in the patient’s language', () => {
      expect(formatBytes(10 * 1024 * 1024, 'en')).to.equal('10 MB');
      expect(formatBytes(18, 'en')).to.equal('18 bytes');
      expect(formatBytes(1, 'en')).to.equal('1 byte');
      expect(formatBytes(18, 'es')).to.equal('18 bytes');
      expect(typeList(['application/pdf', 'image/jpeg'], 'en')).to.equal('PDF or JPEG');
      expect(typeList(['application/pdf', 'image/jpeg'], 'es')).to.equal('PDF o JPEG');
      expect(fileType({ name: 'scan.PDF', type: '' })).to.equal('application/pdf');
    });

    it('uploads with one idempotency key per file, kept on retry', async () => {
      const el = await hostElement();
      const keys: string[] = [];
      let fail = true;
      const client = fakeClient({
        uploadAttachment: async (_b: Blob, filename: string, options: { idempotencyKey: string }) => {
          keys.push(options.idempotencyKey);
          if (fail) throw new PortalError('network', 'x');
          return { id: 'a1', filename, contentType: 'application/pdf', size: 3 };
        },
      });
      const picker = new AttachmentPickerController(el, {
        client: () => client,
        clinic: () => DEMO_CLINIC,
        localize: el.localize,
      });
      picker.add([new File(['pdf'], 'x.pdf', { type: 'application/pdf' })]);
      await waitUntil(() => picker.hasFailures);
      fail = false;
      picker.retry(picker.items[0]!.key);
      await waitUntil(() => picker.attachmentIds.length === 1);
      expect(keys).to.have.length(2);
      expect(keys[0]).to.equal(keys[1]);
    });
  });
});
