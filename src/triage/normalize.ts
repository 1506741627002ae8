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
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const APOSTROPHES = new Set(["'", '\u2019', '\u2018', '`', '\u00b4', '\u02bc']);
const KEPT_PUNCTUATION = new Set(['.', '!', '?', ';', ',', ':', '/']);

const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';

/**
 * Lowercase, strip accents/combining marks and apostrophes, turn other symbols
 * into spaces, line breaks into `.`, collapse whitespace, and shorten runs of
 * three or more identical letters to two ("helppp" → "helpp").
 */
export function basicNormalize(input: string): NormalizedText {
  const out: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let last = ''; // last emitted char ('' when none)

  const emit = (ch: string, s: number, e: number, word: boolean): void => {
    const n = out.length;
    if (word) {
      if (n >= 2 && last === ch && out[n - 2] === ch && !isDigit(ch)) {
        end[n - 1] = e; // third identical letter in a row: keep at most two
        return;
      }
    } else if (ch === ' ') {
      if (n === 0 || last === ' ' || KEPT_PUNCTUATION.has(last)) return;
    } else if (ch === '.' && (n === 0 || last === '.')) {
      return;
    } else if (last === ' ') {
      // punctuation replaces a preceding space ("pain ," → "pain,")
      out[n - 1] = ch;
      start[n - 1] = s;
      end[n - 1] = e;
      last = ch;
      return;
    }
    out.push(ch);
    start.push(s);
    end.push(e);
    last = ch;
  };

  const len = input.length;
  let i = 0;
  while (i < len) {
    const code = input.charCodeAt(i);
    const s = i;
    if (code < 128) {
      i++;
      if (code >= 97 && code <= 122) emit(input[s] as string, s, i, true);
      else if (code >= 65 && code <= 90) emit(String.fromCharCode(code + 32), s, i, true);
      else if (code >= 48 && code <= 57) emit(input[s] as string, s, i, true);
      else if (code === 10 || code === 13) emit('.', s, i, false);
      else if (code !== 39 && code !== 96) {
        const ch = input[s] as string;
        emit(KEPT_PUNCTUATION.has(ch) ? ch : ' ', s, i, false);
      }
      continue;
    }
    const cp = String.fromCodePoint(input.codePointAt(i) as number);
    i += cp.length;
    if (APOSTROPHES.has(cp)) continue;
    if (cp === '\u2028' || cp === '\u2029') {
      emit('.', s, i, false);
      continue;
    }
    const folded = cp.normalize('NFD').replace(COMBINING, '').toLowerCase();
    for (const ch of folded) {
      const c = ch.charCodeAt(0);
      if (c < 128) {
        const word = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
        emit(word ? ch : KEPT_PUNCTUATION.has(ch) ? ch : ' ', s, i, word);
      } else emit(LETTER_OR_DIGIT.test(ch) ? ch : ' ', s, i, LETTER_OR_DIGIT.test(ch));
    }
  }
  // Make sure punctuation is followed by a space so tokens stay separated ("pain,cant" → "pain, cant"),
  // except inside numbers ("101.5", "10:30") and around "/" ("190/110").
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
      ch !== '/' &&
      KEPT_PUNCTUATION.has(ch) &&
      !KEPT_PUNCTUATION.has(next) &&
      !((ch === '.' || ch === ':' || ch === ',') && isDigit(next) && isDigit(out[k - 1]))
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

/** "bleeedding" → "bleding": collapse every run of a repeated character to one. */
const collapseDoubles = (w: string): string => {
  let out = '';
  for (let i = 0; i < w.length; i++) if (w[i] !== w[i - 1]) out += w[i];
  return out;
};

/** A speller that maps misspelt key words to their canonical form. Build once at module load. */
export interface Speller {
  correct(token: string): string;
}

/**
 * How a Spanish word sounds, so spellings that sound alike meet: "braso"/"brazo",
 * "sierra"/"cierra", "bomitando"/"vomitando", "pastiyas"/"pastillas", "kiero"/"quiero",
 * "ablar"/"hablar", "convulcion"/"convulsion", "enbarazada"/"embarazada".
 */
export function spanishSoundKey(word: string): string {
  let w = word
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/c(?=[ei])/g, 's')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/ll/g, 'y')
    .replace(/nb/g, 'mb')
    .replace(/g(?=[ei])/g, 'j')
    .replace(/(^|[^c])h/g, '$1')
    .replace(/k/g, 'c')
    .replace(/c(?=[ei])/g, 'k');
  w = collapseDoubles(w);
  return w;
}

/**
 * Build a speller.
 * @param keywords canonical words the lexicons rely on
 * @param variants explicit misspelling → canonical word map (for short words and multi-edit typos)
 * @param realWords ordinary words that are one edit away from a keyword and must NOT be corrected
 * @param soundAlike Spanish words matched by how they sound ({@link spanishSoundKey})
 */
export function createSpeller(
  keywords: readonly string[],
  variants: Readonly<Record<string, string>>,
  realWords: readonly string[],
  soundAlike: readonly string[] = [],
): Speller {
  const keywordSet = new Set(keywords);
  const bySound = new Map<string, string>();
  for (const k of soundAlike) {
    const key = spanishSoundKey(k);
    if (!bySound.has(key)) bySound.set(key, k);
  }
  const known = new Set<string>([...keywords, ...realWords]);
  const variantMap = new Map<string, string>(Object.entries(variants));
  const dedup = new Map<string, string>();
  for (const k of keywords) {
    const c = collapseDoubles(k);
    if (!dedup.has(c)) dedup.set(c, k);
  }
  // Fuzzy candidates indexed by first letter + length.
  const buckets = new Map<string, string[]>();
  for (const k of keywords) {
    if (k.length < 5) continue;
    const key = `${k[0]}${k.length}`;
    const list = buckets.get(key) ?? [];
    list.push(k);
    buckets.set(key, list);
  }
  return {
    correct(token: string): string {
      if (known.has(token)) return token;
      const v = variantMap.get(token);
      if (v !== undefined) return v;
      if (token.length < 4 || isDigit(token[0])) return token;
      const d = dedup.get(collapseDoubles(token));
      if (d !== undefined) return d;
      if (token.endsWith('in') && known.has(`${token}g`)) return `${token}g`; // "bleedin", "breathin"
      // "swallowd", "overdosd": a dropped e in a past tense
      if (token.endsWith('d') && !token.endsWith('ed') && keywordSet.has(`${token.slice(0, -1)}ed`)) {
        return `${token.slice(0, -1)}ed`;
      }
      // "hurst": the last two letters swapped
      const swapped = `${token.slice(0, -2)}${token.slice(-1)}${token.slice(-2, -1)}`;
      if (keywordSet.has(swapped)) return swapped;
      const sound = bySound.get(spanishSoundKey(token));
      if (sound !== undefined) return sound;
      if (token.length < 5) return token;
      const first = token[0] as string;
      for (const len of [token.length, token.length - 1, token.length + 1]) {
        const list = buckets.get(`${first}${len}`);
        if (!list) continue;
        for (const k of list) {
          // Typos rarely change the first letter, and edits in the last two letters are
          // usually inflections of another real word; excluding both keeps false corrections down.
          if (withinOneEdit(token, k, k.length - 3)) return k;
        }
      }
      return token;
    },
  };
}

/** Basic normalisation followed by per-word spelling correction, keeping the map to the original. */
export function normalize(input: string, speller: Speller): NormalizedText {
  const base = basicNormalize(input);
  const src = base.text;
  // Find the corrections first; most messages need none, and then the base result is returned as is.
  const fixes: [s: number, e: number, fixed: string][] = [];
  const word = /[a-z]+/g;
  for (let m = word.exec(src); m !== null; m = word.exec(src)) {
    const fixed = speller.correct(m[0]);
    if (fixed !== m[0]) fixes.push([m.index, m.index + m[0].length, fixed]);
  }
  if (fixes.length === 0) return base;
  const parts: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let last = 0;
  for (const [s, e, fixed] of fixes) {
    parts.push(src.slice(last, s), fixed);
    for (let k = last; k < s; k++) {
      start.push(base.start[k] as number);
      end.push(base.end[k] as number);
    }
    const os = base.start[s] as number;
    const oe = base.end[e - 1] as number;
    for (let k = 0; k < fixed.length; k++) {
      start.push(os);
      end.push(oe);
    }
    last = e;
  }
  parts.push(src.slice(last));
  for (let k = last; k < src.length; k++) {
    start.push(base.start[k] as number);
    end.push(base.end[k] as number);
  }
  return { text: parts.join(''), start, end };
}
