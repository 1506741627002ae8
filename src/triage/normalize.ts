/**
 * Text normalisation for the triage classifier.
 *
 * Produces a lowercase, accent-free, whitespace-collapsed copy of the patient's
 * text in which common misspellings of key words have been corrected, together
 * with a map from every normalised character back to the original text, so a
 * match found in the normalised text can be highlighted in the original.
 *
 * Pure: no module state is mutated after load.
 */

/** Normalised text plus, per character, the original `[start, end)` it came from. */
export interface NormalizedText {
  /** Lowercase, accent-free, apostrophe-free text; `.` also marks line breaks. */
  readonly text: string;
  /** Original index of the first code unit behind each normalised character. */
  readonly start: readonly number[];
  /** Original index just past the last code unit behind each normalised character. */
  readonly end: readonly number[];
}

const COMBINING = /\p{M}/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '`', '\u00b4', '\u02bc']);
const KEPT_PUNCTUATION = new Set(['.', '!', '?', ';', ',', ':', '/']);

/**
 * Lowercase, strip accents/combining marks and apostrophes, turn other symbols
 * into spaces, line breaks into `.`, collapse whitespace, and shorten runs of
 * three or more identical letters to two ("helppp" → "helpp").
 */
export function basicNormalize(input: string): NormalizedText {
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const push = (ch: string, s: number, e: number): void => {
    out.push(ch);
    start.push(s);
    end.push(e);
  };
  let i = 0;
  for (const cp of input) {
    const s = i;
    const e = i + cp.length;
    i = e;
    if (cp === '\n' || cp === '\r') {
      const last = out[out.length - 1];
      if (out.length > 0 && last !== '.') {
        if (last === ' ') {
          out[out.length - 1] = '.';
          start[start.length - 1] = s;
          end[end.length - 1] = e;
        } else push('.', s, e);
      }
      continue;
    }
    if (APOSTROPHES.has(cp)) continue;
    const folded = cp.normalize('NFD').replace(COMBINING, '').toLowerCase();
    for (const ch of folded) {
      if (LETTER_OR_DIGIT.test(ch)) {
        const n = out.length;
        if (n >= 2 && out[n - 1] === ch && out[n - 2] === ch && /\p{L}/u.test(ch)) {
          // Third identical letter in a row ("helppp", "pleeease"): keep at most two.
          end[n - 1] = e;
          continue;
        }
        push(ch, s, e);
      } else if (KEPT_PUNCTUATION.has(ch)) {
        if (out[out.length - 1] === ' ') {
          out[out.length - 1] = ch;
          start[start.length - 1] = s;
          end[end.length - 1] = e;
        } else push(ch, s, e);
      } else if (out.length > 0 && out[out.length - 1] !== ' ') {
        push(' ', s, e);
      }
    }
  }
  // Make sure punctuation is followed by a space so tokens stay separated ("pain,cant" -> "pain, cant").
  const text: string[] = [];
  const st: number[] = [];
  const en: number[] = [];
  for (let k = 0; k < out.length; k++) {
    const ch = out[k] as string;
    text.push(ch);
    st.push(start[k] as number);
    en.push(end[k] as number);
    const next = out[k + 1];
    if (
      next !== undefined &&
      next !== ' ' &&
      KEPT_PUNCTUATION.has(ch) &&
      ch !== '/' &&
      !(ch === '.' && /\d/.test(next) && /\d/.test(out[k - 1] ?? '')) &&
      !(ch === ':' && /\d/.test(next)) &&
      !KEPT_PUNCTUATION.has(next)
    ) {
      text.push(' ');
      st.push(end[k] as number);
      en.push(end[k] as number);
    }
  }
  while (text.length > 0 && text[text.length - 1] === ' ') {
    text.pop();
    st.pop();
    en.pop();
  }
  return { text: text.join(''), start: st, end: en };
}

/**
 * True when `a` and `b` are within Damerau–Levenshtein distance 1 (one insert,
 * delete, substitute or swap) and, if `maxEditAt` is given, the edit happens
 * at or before that index (so inflected endings — "orina"/"orinar",
 * "pastilla"/"pastillas", "medicina"/"medicine" — are not treated as typos).
 */
export function withinOneEdit(a: string, b: string, maxEditAt = Infinity): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (i > maxEditAt) return false;
  if (la === lb) {
    // substitution or adjacent transposition
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  // insertion / deletion
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

const collapseDoubles = (w: string): string => w.replace(/(\p{L})\1+/gu, '$1');

/** A speller that maps misspelt key words to their canonical form. Build once at module load. */
export interface Speller {
  correct(token: string): string;
}

/**
 * Build a speller.
 * @param keywords canonical words the lexicons rely on
 * @param variants explicit misspelling → canonical word map (for short words and multi-edit typos)
 * @param realWords ordinary words that are one edit away from a keyword and must NOT be corrected
 */
export function createSpeller(
  keywords: readonly string[],
  variants: Readonly<Record<string, string>>,
  realWords: readonly string[],
): Speller {
  const known = new Set<string>([...keywords, ...realWords]);
  const variantMap = new Map<string, string>(Object.entries(variants));
  const dedup = new Map<string, string>();
  for (const k of keywords) {
    const c = collapseDoubles(k);
    if (!dedup.has(c)) dedup.set(c, k);
  }
  const byLength = new Map<number, string[]>();
  for (const k of keywords) {
    if (k.length < 5) continue;
    const list = byLength.get(k.length) ?? [];
    list.push(k);
    byLength.set(k.length, list);
  }
  return {
    correct(token: string): string {
      if (known.has(token)) return token;
      const v = variantMap.get(token);
      if (v !== undefined) return v;
      if (token.length < 4 || /\d/.test(token)) return token;
      const d = dedup.get(collapseDoubles(token));
      if (d !== undefined) return d;
      if (token.endsWith('in') && known.has(`${token}g`)) return `${token}g`; // "bleedin", "breathin"
      if (token.length < 5) return token;
      for (const len of [token.length, token.length - 1, token.length + 1]) {
        const list = byLength.get(len);
        if (!list) continue;
        for (const k of list) {
          // Typos rarely change the first letter, and edits in the last two letters are
          // usually inflections of another real word; excluding both keeps false corrections down.
          if (k[0] === token[0] && withinOneEdit(token, k, k.length - 3)) return k;
        }
      }
      return token;
    },
  };
}

/** Basic normalisation followed by per-word spelling correction, keeping the map to the original. */
export function normalize(input: string, speller: Speller): NormalizedText {
  const base = basicNormalize(input);
  const text: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const src = base.text;
  const word = /\p{L}+/gu;
  let last = 0;
  let m: RegExpExecArray | null;
  const copy = (from: number, to: number): void => {
    for (let k = from; k < to; k++) {
      text.push(src[k] as string);
      start.push(base.start[k] as number);
      end.push(base.end[k] as number);
    }
  };
  while ((m = word.exec(src)) !== null) {
    const tok = m[0];
    const s = m.index;
    const e = s + tok.length;
    copy(last, s);
    const fixed = speller.correct(tok);
    if (fixed === tok) copy(s, e);
    else {
      const os = base.start[s] as number;
      const oe = base.end[e - 1] as number;
      for (const ch of fixed) {
        text.push(ch);
        start.push(os);
        end.push(oe);
      }
    }
    last = e;
  }
  copy(last, src.length);
  return { text: text.join(''), start, end };
}
