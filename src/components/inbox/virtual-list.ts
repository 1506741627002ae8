/**
 * A small windowing controller for a list of fixed-height rows.
 *
 * Every row has the same height, set in CSS (`--_row-h`, per breakpoint and in
 * `em`, so it follows zoom and the clinic's font size). A probe element with
 * that height is measured by a ResizeObserver, as is the scroll container, so
 * the window is always computed from real pixels. The list itself sizes and
 * positions rows in CSS from two custom properties (`--_n` on the list, `--_i`
 * on each row), set through the CSSOM: no style attributes, so a strict CSP
 * holds.
 *
 * Work per scroll event is a division; the host re-renders only when the first
 * visible row changes, and then only `visible + 2 × overscan` rows.
 */
import { noChange, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';

export interface VirtualRange {
  /** First row to render (inclusive). */
  start: number;
  /** Row after the last one to render (exclusive). */
  end: number;
  /** First row at least partly in view. */
  first: number;
  /** Rows that fit in the viewport. */
  visible: number;
}

/** Before anything is measured (first render): a generous guess, corrected on the next frame. */
const ESTIMATED_ROW_PX = 72;
const ESTIMATED_VIEWPORT_PX = 640;

export class VirtualWindow implements ReactiveController {
  /** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gaps. */
  overscan = 6;

  #host: ReactiveControllerHost;
  #onChange: () => void;
  #scroller: HTMLElement | null = null;
  #probe: HTMLElement | null = null;
  #observer: ResizeObserver | undefined;
  #rowHeight = 0;
  #viewport = 0;
  #scrollTop = 0;
  #renderedFirst = -1;
  #pendingScrollTop: number | undefined;

  /** `onChange` runs when a different set of rows comes into view (default: re-render the host). */
  constructor(host: ReactiveControllerHost, onChange?: () => void) {
    this.#host = host;
    this.#onChange = onChange ?? (() => host.requestUpdate());
    host.addController(this);
  }

  hostDisconnected(): void {
    this.observe(null, null);
  }

  /** Measured height of one row in CSS pixels (an estimate until measured). */
  get rowHeight(): number {
    return this.#rowHeight || ESTIMATED_ROW_PX;
  }

  get scrollTop(): number {
    return this.#scrollTop;
  }

  /** Attach to the scroll container and the row-height probe (null detaches). Idempotent. */
  observe(scroller: HTMLElement | null, probe: HTMLElement | null): void {
    if (scroller !== this.#scroller || probe !== this.#probe) {
      this.#scroller?.removeEventListener('scroll', this.#onScroll);
      this.#observer?.disconnect();
      this.#scroller = scroller;
      this.#probe = probe;
      if (scroller && probe) {
        scroller.addEventListener('scroll', this.#onScroll, { passive: true });
        this.#observer ??= new ResizeObserver(this.#onResize);
        this.#observer.observe(scroller);
        this.#observer.observe(probe);
        // Read once now so the very next render already has real numbers.
        this.#measure();
      }
    }
    this.#applyPendingScroll();
  }

  /** The rows to render for a list of `total` rows at the current scroll position. */
  range(total: number): VirtualRange {
    const rowHeight = this.rowHeight;
    const viewport = this.#viewport || ESTIMATED_VIEWPORT_PX;
    const visible = Math.max(1, Math.ceil(viewport / rowHeight));
    const first = Math.min(Math.max(0, Math.floor(this.#scrollTop / rowHeight)), Math.max(0, total - 1));
    return {
      first,
      visible,
      start: Math.max(0, first - this.overscan),
      end: Math.min(total, first + visible + 1 + this.overscan),
    };
  }

  /** The host rendered `range`: scrolling within the same first row needs no new render. */
  rendered(range: VirtualRange): void {
    this.#renderedFirst = range.first;
  }

  /** Scroll just enough that row `index` is fully visible. */
  scrollToIndex(index: number): void {
    const rowHeight = this.rowHeight;
    const viewport = this.#viewport || ESTIMATED_VIEWPORT_PX;
    const top = index * rowHeight;
    let next = this.#scrollTop;
    if (top < next) next = top;
    else if (top + rowHeight > next + viewport) next = top + rowHeight - viewport;
    this.scrollTo(next);
  }

  /** Set the scroll position (applied to the container now, or as soon as it is attached). */
  scrollTo(scrollTop: number): void {
    this.#scrollTop = Math.max(0, scrollTop);
    this.#pendingScrollTop = this.#scrollTop;
    this.#applyPendingScroll();
    this.#host.requestUpdate();
  }

  #applyPendingScroll() {
    if (this.#pendingScrollTop === undefined || !this.#scroller) return;
    this.#scroller.scrollTop = this.#pendingScrollTop;
    // The container clamps to its content; keep what it really did.
    if (this.#scroller.scrollHeight > this.#scroller.clientHeight || this.#pendingScrollTop === 0) {
      this.#scrollTop = this.#scroller.scrollTop;
      this.#pendingScrollTop = undefined;
    }
  }

  #onScroll = () => {
    if (!this.#scroller) return;
    this.#scrollTop = this.#scroller.scrollTop;
    if (Math.floor(this.#scrollTop / this.rowHeight) !== this.#renderedFirst) this.#onChange();
  };

  #onResize = () => {
    if (this.#measure()) this.#host.requestUpdate();
  };

  /** Read row and viewport heights; true when either changed. */
  #measure(): boolean {
    if (!this.#scroller || !this.#probe) return false;
    const rowHeight = this.#probe.getBoundingClientRect().height;
    const viewport = this.#scroller.clientHeight;
    const changed = (rowHeight > 0 && rowHeight !== this.#rowHeight) || (viewport > 0 && viewport !== this.#viewport);
    if (rowHeight > 0) this.#rowHeight = rowHeight;
    if (viewport > 0) this.#viewport = viewport;
    return changed;
  }
}

/**
 * Set CSS custom properties on an element through the CSSOM
 * (`element.style.setProperty`). Unlike a `style` attribute (or `styleMap`'s
 * first render), this is allowed under a strict `style-src` CSP.
 */
class CssPropsDirective extends Directive {
  #previous = new Map<string, string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssProps() must be used on an element');
  }

  render(_props: Record<string, string | number>) {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Record<string, string | number>]) {
    const style = (part.element as HTMLElement).style;
    for (const [name, value] of Object.entries(props)) {
      const text = String(value);
      if (this.#previous.get(name) === text) continue;
      style.setProperty(name, text);
      this.#previous.set(name, text);
    }
    return noChange;
  }
}

export const cssProps = directive(CssPropsDirective);
