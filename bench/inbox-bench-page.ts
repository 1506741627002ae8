/**
 * The page the inbox benchmark drives (bench/inbox-bench.mjs builds and
 * serves it). The runner calls, in order, and reads Chromium's main-thread
 * CPU time around each step:
 *
 * - `bench.prepare(n)`: an in-memory fake client with `n` threads (not timed);
 * - `bench.firstRender()`: mount `<portal-inbox>` in a provider → first row of
 *   real data in the DOM, laid out;
 * - `bench.scrollToEnd()`: scrollTop = bottom → the last thread's row in the
 *   DOM with its data, laid out (includes fetching every page in between:
 *   the contract paginates by cursor);
 * - `bench.openThread()`: click that row → its messages rendered, heading focused.
 *
 * Each step returns its wall-clock time in ms and ends with a forced
 * synchronous layout, so style and layout are included without waiting for a
 * vsync-aligned frame (up to 16 ms of noise unrelated to the inbox).
 */
import '../src/define/provider.js';
import '../src/define/inbox.js';
import { createInboxFixture, type InboxFixture } from '../src/components/inbox/inbox-fixtures.js';
import type { PortalInbox } from '../src/components/inbox/inbox.js';

/** Resolve when `check()` is truthy, re-checking after every DOM change in `root`. */
function when<T>(what: string, root: Node, check: () => T | null | undefined | false, timeoutMs = 60_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = check();
    if (first) return resolve(first);
    const observer = new MutationObserver(() => {
      const value = check();
      if (!value) return;
      observer.disconnect();
      clearTimeout(timer);
      resolve(value);
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
  });
}

const forceLayout = (el: Element) => el.getBoundingClientRect().height;

let fixture: InboxFixture;
let n = 0;
let inbox: PortalInbox;
let lastRow: HTMLElement;
let domNodes = 0;

const bench = {
  prepare(size: number) {
    n = size;
    fixture = createInboxFixture({ threads: size, unread: 3 });
    document.getElementById('mount')!.replaceChildren();
  },

  async firstRender() {
    const t0 = performance.now();
    const provider = document.createElement('portal-provider');
    provider.client = fixture.client;
    provider.setAttribute('theme', 'light');
    inbox = document.createElement('portal-inbox') as PortalInbox;
    provider.append(inbox);
    document.getElementById('mount')!.append(provider);
    const root = inbox.shadowRoot!;
    await when('the first row', root, () => root.querySelector('[aria-posinset="1"] .subject'));
    forceLayout(root.querySelector('.scroller')!);
    return performance.now() - t0;
  },

  async scrollToEnd() {
    const root = inbox.shadowRoot!;
    const scroller = root.querySelector<HTMLElement>('.scroller')!;
    const t0 = performance.now();
    scroller.scrollTop = scroller.scrollHeight;
    // The browser fires `scroll` with the next frame; fire it now so frame timing is not measured.
    scroller.dispatchEvent(new Event('scroll'));
    lastRow = await when('the last row', root, () =>
      root.querySelector<HTMLElement>(`[aria-posinset="${n}"] .row-button:not([aria-disabled])`),
    );
    forceLayout(scroller);
    const elapsed = performance.now() - t0;
    domNodes = root.querySelectorAll('*').length;
    return elapsed;
  },

  async openThread() {
    const root = inbox.shadowRoot!;
    const t0 = performance.now();
    lastRow.focus(); // as a pointer click would
    lastRow.click();
    await when('the thread', root, () => root.querySelector('.messages') && root.activeElement?.id === 'thread-title');
    forceLayout(root.querySelector('.thread')!);
    return performance.now() - t0;
  },

  stats() {
    return {
      /** Elements in the inbox's shadow root with the last rows on screen. */
      domNodes,
      pages: fixture.client.calls.filter((c) => c === 'listThreads').length,
    };
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
document.documentElement.dataset['ready'] = 'true';
