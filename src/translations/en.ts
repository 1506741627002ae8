/**
 * English: the source catalog and the compiled-in fallback. Other locales are
 * typed against it (`Translation`), so a missing key is a type error.
 *
 * One file per section (`en/<section>.ts`, plus `core`): each element registers
 * only the sections it renders (`static strings`), and separate files let the
 * bundler put each section in its widget's chunk — so a page with one widget
 * does not carry every widget's English. Spanish loads whole, on demand.
 * Values are strings or functions of their parameters (plural and date logic
 * belongs in the function, through Intl, never string concatenation in widgets).
 */
export { core } from './en/core.js';
export { bounce } from './en/bounce.js';
export { kit } from './en/kit.js';
export { compose } from './en/compose.js';
export { inbox } from './en/inbox.js';
export { login } from './en/login.js';
export { session } from './en/session.js';
export { policy } from './en/policy.js';
export { prefs } from './en/prefs.js';
import type { core } from './en/core.js';
import type { bounce } from './en/bounce.js';
import type { kit } from './en/kit.js';
import type { compose } from './en/compose.js';
import type { inbox } from './en/inbox.js';
import type { login } from './en/login.js';
import type { session } from './en/session.js';
import type { policy } from './en/policy.js';
import type { prefs } from './en/prefs.js';

type Widen<T> = T extends string ? string : T;
/** The shape every locale must provide. */
type AllSections = typeof core &
  typeof session &
  typeof bounce &
  typeof kit &
  typeof compose &
  typeof inbox &
  typeof login &
  typeof policy &
  typeof prefs;
export type Translation = { [K in keyof AllSections]: Widen<AllSections[K]> };
/** A piece of the English catalog that an element registers. */
export type EnglishSection = Partial<Translation>;
export type TranslationKey = Exclude<keyof Translation, '$code' | '$name' | '$dir'>;
