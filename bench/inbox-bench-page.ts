/**
 * The page the inbox benchmark drives (bench/inbox-bench.mjs builds and
 * serves it). `window.runInboxBench(n)` mounts `<portal-inbox>` in a provider
 * backed by the in-memory inbox fixture with `n` threads and measures, in ms:
 *
 * - firstRender: mount → first row of real data in the DOM, laid out;
 * - scrollToEnd: scrollTop = bottom → the last thread's row in the DOM, laid
 *   out (this includes fetching every page in between: cursor pagination);
 * - openThread: click that row → its messages rendered and the heading focused.
 *
 * Each phase ends with a forced synchronous layout, so style and layout cost
 * is included without waiting for a vsync-aligned frame (which would add up
 * to 16 ms of noise unrelated to the inbox).
 */
import '../src/define/provider.js';
import '../src/define/inbox.js';
import { createInboxFixture } from '../src/components/inbox/inbox-fixtures.js';
import type { PortalInbox } from '../src/components/inbox/inbox.js';

/** Resolve when `check()` is truthy, re-checking after every DOM change in `root` (and every task). */
function when<T>(what: string, root: Node, check: () => T | null | undefined | false, timeoutMs = 30_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const done = (value: T) => {
      observer.disconnect();
      clearInterval(poll);
      clearTimeout(timer);
      resolve(value);
    };
    const test = () => {
      const value = check();
      if (value) done(value);
    };
    const observer = new MutationObserver(test);
    observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    const poll = setInterval(test, 1);
    const timer = setTimeout(() => {
      observer.disconnect();
      clearInterval(poll);
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    test();
  });
}

const forceLayout = (el: Element) => el.getBoundingClientRect().height;

async function runInboxBench(n: number) {
  const fixture = createInboxFixture({ threads: n, unread: 3 });
  const mount = document.getElementById('mount')!;
  mount.replaceChildren();
  await new Promise((r) => setTimeout(r, 50));

  // ---- first render
  const t0 = performance.now();
  const provider = document.createElement('portal-provider');
  provider.client = fixture.client;
  provider.setAttribute('theme', 'light');
  const inbox = document.createElement('portal-inbox') as PortalInbox;
  provider.append(inbox);
  mount.append(provider);
  const root = inbox.shadowRoot!;
  await when('the first row', root, () => root.querySelector('[aria-posinset="1"] .subject'));
  forceLayout(root.querySelector('.scroller')!);
  const firstRender = performance.now() - t0;
  const domAfterFirst = root.querySelectorAll('*').length;

  await new Promise((r) => setTimeout(r, 50));

  // ---- scroll to the end
  const scroller = root.querySelector<HTMLElement>('.scroller')!;
  const t1 = performance.now();
  scroller.scrollTop = scroller.scrollHeight;
  // The browser fires `scroll` with the next frame; fire it now so frame timing is not measured.
  scroller.dispatchEvent(new Event('scroll'));
  const lastRow = await when('the last row', root, () => root.querySelector<HTMLElement>(`[aria-posinset="${n}"] .row-button:not([aria-disabled])`));
  forceLayout(scroller);
  const scrollToEnd = performance.now() - t1;
  const domAfterScroll = root.querySelectorAll('*').length;
  const pages = fixture.client.calls.filter((c) => c === 'listThreads').length;

  await new Promise((r) => setTimeout(r, 50));

  // ---- open that thread
  const t2 = performance.now();
  lastRow.focus(); // as a pointer click would
  lastRow.click();
  await when('the thread', root, () => root.querySelector('.messages') && root.activeElement?.id === 'thread-title');
  forceLayout(root.querySelector('.thread')!);
  const openThread = performance.now() - t2;

  provider.remove();
  return { n, firstRender, scrollToEnd, openThread, domAfterFirst, domAfterScroll, pages };
}

(window as unknown as { runInboxBench: typeof runInboxBench }).runInboxBench = runInboxBench;
document.documentElement.dataset['ready'] = 'true';
