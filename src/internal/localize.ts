/**
 * Localization: a Lit reactive controller in the spirit of Shoelace's.
 *
 * The language comes from, in order: the element's own `lang`, the nearest
 * ancestor with `lang` (crossing shadow roots), the provider's locale (the
 * patient's saved preference), then `<html lang>`. English is compiled in;
 * other catalogs load on demand and every element re-renders when they arrive
 * or when `<html lang>` changes.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { core, type EnglishSection, type Translation, type TranslationKey } from '../translations/en.js';

export type SupportedLocale = 'en' | 'es';
export const SUPPORTED_LOCALES: readonly SupportedLocale[] = ['en', 'es'];

/**
 * English is assembled from the sections the elements on the page register
 * (`addEnglish`), so a page carries only its widgets' strings.
 */
const en = { ...core } as Translation;
const registeredSections = new Set<EnglishSection>();

/** Add English sections (idempotent; called by each element for the strings it renders). */
export function addEnglish(...sections: readonly EnglishSection[]): void {
  for (const section of sections) {
    if (registeredSections.has(section)) continue;
    registeredSections.add(section);
    Object.assign(en, section);
  }
}

const catalogs = new Map<string, Translation>([['en', en]]);
const loading = new Map<string, Promise<void>>();
const connected = new Set<LocalizeController>();

const loaders: Record<string, () => Promise<Translation>> = {
  es: () => import('../translations/es.js').then((m) => m.es),
};

/** Reduce any BCP 47 tag to a locale we ship, falling back to English. */
export function toSupportedLocale(tag: string | null | undefined): SupportedLocale {
  const base = (tag ?? '').trim().toLowerCase().split(/[-_]/)[0];
  return (SUPPORTED_LOCALES as readonly string[]).includes(base ?? '') ? (base as SupportedLocale) : 'en';
}

/** Start loading a catalog (no-op for English or one already loaded). */
export function loadLocale(locale: SupportedLocale): Promise<void> {
  if (catalogs.has(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    const loader = loaders[locale];
    pending = loader
      ? loader().then(
          (catalog) => {
            catalogs.set(locale, catalog);
            for (const controller of connected) controller.host.requestUpdate();
          },
          () => {
            // A catalog that fails to load leaves English in place; retry next time.
            loading.delete(locale);
          },
        )
      : Promise.resolve();
    loading.set(locale, pending);
  }
  return pending;
}

/** Register a catalog (e.g. a clinic's own wording) at runtime. */
export function registerTranslation(catalog: Translation): void {
  catalogs.set(catalog.$code, catalog);
  for (const controller of connected) controller.host.requestUpdate();
}

let documentObserver: MutationObserver | undefined;
function observeDocumentLang() {
  if (documentObserver || typeof MutationObserver === 'undefined') return;
  documentObserver = new MutationObserver(() => {
    for (const controller of connected) controller.host.requestUpdate();
  });
  documentObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
}

type TermArgs<K extends TranslationKey> = Translation[K] extends (...args: infer A) => string ? A : [];

export interface LocalizeHost extends ReactiveControllerHost, HTMLElement {
  /** The provider's (patient's) preferred locale, when there is one. */
  readonly preferredLocale?: string | undefined;
}

export class LocalizeController implements ReactiveController {
  constructor(
    readonly host: LocalizeHost,
    /** The English sections this element renders (see translations/en.ts). */
    sections: readonly EnglishSection[] = [],
  ) {
    addEnglish(...sections);
    host.addController(this);
  }

  hostConnected() {
    connected.add(this);
    observeDocumentLang();
  }

  hostDisconnected() {
    connected.delete(this);
  }

  /** The locale to render in, resolved fresh each render. */
  get locale(): SupportedLocale {
    const fromTree = closestLang(this.host);
    const tag = fromTree ?? this.host.preferredLocale ?? document.documentElement.lang;
    const locale = toSupportedLocale(tag);
    if (!catalogs.has(locale)) void loadLocale(locale);
    return locale;
  }

  /** Text direction for the current locale (all shipped locales are LTR; ready for RTL ones). */
  get dir(): 'ltr' | 'rtl' {
    return (catalogs.get(this.locale) ?? en).$dir === 'rtl' ? 'rtl' : 'ltr';
  }

  /** True while the wanted catalog is still loading (English is shown meanwhile). */
  get pending(): boolean {
    return !catalogs.has(this.locale);
  }

  term<K extends TranslationKey>(key: K, ...args: TermArgs<K>): string {
    const catalog = catalogs.get(this.locale) ?? en;
    const value = (catalog[key] ?? en[key]) as unknown;
    if (value === undefined) {
      // An element rendered a key from a section it did not register (static strings).
      console.warn(`[portal-widgets] missing English text for "${key}"`);
      return key;
    }
    if (typeof value === 'function') return (value as (...a: unknown[]) => string)(...args);
    return String(value);
  }

  date(value: Date | string, options: Intl.DateTimeFormatOptions = {}): string {
    return new Intl.DateTimeFormat(this.locale, options).format(typeof value === 'string' ? new Date(value) : value);
  }

  number(value: number, options: Intl.NumberFormatOptions = {}): string {
    return new Intl.NumberFormat(this.locale, options).format(value);
  }

  relativeTime(value: number, unit: Intl.RelativeTimeFormatUnit): string {
    return new Intl.RelativeTimeFormat(this.locale, { numeric: 'auto' }).format(value, unit);
  }
}

/** The nearest `lang` attribute on the element or an ancestor, crossing shadow boundaries. */
function closestLang(start: Element): string | null {
  let node: Node | null = start;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang') && node !== document.documentElement) {
      return node.getAttribute('lang');
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return null;
}
