/**
 * Idempotent registration: clinics paste the script tag twice, or load two
 * copies of the library. Defining the same tag again is a no-op; a different
 * version already defined only warns (it keeps working with the first one).
 */
import { ContextRoot } from '@lit/context';

export const VERSION = '0.1.0';

type Versioned = CustomElementConstructor & { portalVersion?: string };

const CONTEXT_ROOT_KEY = Symbol.for('portal-widgets/context-root');

/**
 * Widgets that upgrade before their provider (scripts in any order, a provider
 * defined later) must ask for context again when it arrives: a ContextRoot on
 * the document replays their requests. Attached once per page, by whichever
 * define file runs first.
 */
function ensureContextRoot() {
  const globals = globalThis as unknown as Record<symbol, boolean>;
  if (globals[CONTEXT_ROOT_KEY] || typeof document === 'undefined') return;
  globals[CONTEXT_ROOT_KEY] = true;
  new ContextRoot().attach(document.documentElement);
}

export function define(tag: string, constructor: CustomElementConstructor): void {
  ensureContextRoot();
  const existing = customElements.get(tag) as Versioned | undefined;
  if (existing) {
    if (existing !== constructor && existing.portalVersion && existing.portalVersion !== VERSION) {
      console.warn(`[portal-widgets] <${tag}> is already defined by version ${existing.portalVersion}; keeping it.`);
    }
    return;
  }
  (constructor as Versioned).portalVersion = VERSION;
  customElements.define(tag, constructor);
}
