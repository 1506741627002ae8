import type { ReactiveControllerHost } from 'lit';

/** A Lit element hosting kit controllers (they look up their own nodes in its render root). */
export type KitHost = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** Unique id prefixes, so two kit pieces in one shadow root (e.g. several reply boxes) never clash. */
let counter = 0;
export function nextKitId(prefix: string): string {
  counter += 1;
  return `kit-${prefix}-${counter}`;
}
