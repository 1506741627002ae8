/**
 * A small linear model that backs up the triage rules on wording they have
 * never seen.
 *
 * The rules (lexicons + context) are precise and explainable but only know the
 * phrasings someone wrote down; patients describe the same emergency in endless
 * ways ("everything went black", "isn't answering when we call her name"). This
 * model scores the normalised text for "reads like an emergency" from hashed
 * words, word pairs and 5-letter fragments, learnt from every labelled set in
 * `dataset/` by `scripts/train-triage-model.ts` (deterministic: same data, same
 * weights). It only ever raises a message to `emergency`; the rules' own
 * verdicts are never lowered, so it adds recall without hiding a rule's reason.
 *
 * Pure and DOM-free like the rest of the classifier: the weights are a
 * generated constant, decoded once at module load.
 */
import { EMERGENCY_MODEL } from './model-weights.generated.js';

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Hash buckets; a power of two so `& (DIMS - 1)` replaces the modulo. */
export const MODEL_DIMS = 1 << 16;

/** 32-bit FNV-1a of a feature name, folded into `MODEL_DIMS` buckets. */
function bucket(feature: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < feature.length; i++) {
    h ^= feature.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (MODEL_DIMS - 1);
}

/** A word of the normalised text and where it sits. */
export interface ModelWord {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[a-z0-9]+/g;

/**
 * Words that say who or how, not what is happening: left out so the model
 * learns symptoms, not that emergencies in the data often start "my baby is…"
 * (which made "my baby is teething" look alarming).
 */
const IGNORED = new Set(
  (
    'a an the and or but so to of in on at for with is are was were be been am im i me my we our you your he she it ' +
    'his her him they them their this that just really very also pls please hi hello dr doctor thanks thank ' +
    'baby babys son daughter kid kids child wife husband mom mother dad father grandma grandpa mama papa ' +
    'y o de del la las el los un una unos unas en con por para que es son esta estan mi mis su sus tu yo ' +
    'le lo se me nos ella el hola gracias doctora bebe nino nina hijo hija esposo esposa mama papa abuela abuelo'
  ).split(' '),
);

/** The words of normalised text (lowercase, accent-free) with their offsets. */
export function modelWords(text: string): ModelWord[] {
  const words: ModelWord[] = [];
  // Digits become 0: "bp 210" and "bp 190" look alike, and an age or a pill count is not evidence by itself.
  for (const m of text.matchAll(WORD)) {
    if (IGNORED.has(m[0])) continue;
    words.push({ word: m[0].replace(/[0-9]/g, '0'), start: m.index, end: m.index + m[0].length });
  }
  return words;
}

/**
 * The features of each word: the word itself, the pair it starts, and the
 * 5-letter fragments that start inside it (fragments catch typos and word
 * forms: "breathing"/"breathe"/"breatheing" share "breat").
 */
export function wordFeatures(words: readonly ModelWord[]): number[][] {
  const joined = ` ${words.map((w) => w.word).join(' ')} `;
  const out: number[][] = [];
  let offset = 0; // index in `joined` of the space before this word
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.word;
    const ids = [bucket(`w:${word}`)];
    if (i + 1 < words.length) ids.push(bucket(`b:${word} ${words[i + 1]!.word}`));
    for (let c = offset; c <= offset + word.length && c + 5 <= joined.length; c++) ids.push(bucket(`c:${joined.slice(c, c + 5)}`));
    out.push(ids);
    offset += word.length + 1;
  }
  return out;
}

/** Every feature of a text once (the model looks at presence, not counts). */
export function featureSet(text: string): number[] {
  return [...new Set(wordFeatures(modelWords(text)).flat())];
}

/** Logistic score from a weight lookup; features are scaled by 1/√n so long messages do not drown short ones. */
export function scoreWith(features: readonly number[], weight: (id: number) => number, bias: number): number {
  let z = 0;
  for (const id of features) z += weight(id);
  z = bias + z / Math.sqrt(Math.max(1, features.length));
  return 1 / (1 + Math.exp(-z));
}

/** The generated weights, as a sparse map from bucket to weight. */
const WEIGHTS: ReadonlyMap<number, number> = decode(EMERGENCY_MODEL.data, EMERGENCY_MODEL.scale);

function decode(data: string, scale: number): Map<number, number> {
  // Pairs of (bucket delta as base-128 varint, weight as signed byte), base64 encoded.
  const bytes = base64Bytes(data);
  const map = new Map<number, number>();
  let id = 0;
  for (let i = 0; i < bytes.length; ) {
    let delta = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[i++]!;
      delta |= (b & 0x7f) << shift;
      shift += 7;
      if (b < 0x80) break;
    }
    id += delta;
    const q = bytes[i++]!;
    map.set(id, ((q << 24) >> 24) * scale);
  }
  return map;
}

/** Base64 without `atob` or `Buffer`, so it runs the same in browsers, Node and workers. */
function base64Bytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const ch of clean) {
    value = (value << 6) | BASE64.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** What the model thinks of a message. */
export interface ModelVerdict {
  /** Probability-like score in [0, 1] that the text describes an emergency. */
  readonly score: number;
  /** True when the score reaches the threshold (higher when the rules already called it urgent). */
  readonly emergency: boolean;
  /** Normalised-text offsets of the words that pushed the score up most (for the patient to see what was read). */
  readonly span: readonly [number, number] | null;
}

/**
 * Fewer words than this left for the model (after the rules blanked what they
 * explained) is thin evidence: it then needs the higher threshold, like
 * overruling an urgent call ("my dad is 80" after a question about stroke signs).
 */
export const SHORT_VIEW_WORDS = 4;

/** Longest run of words the evidence span may cover. */
const SPAN_WORDS = 8;

/**
 * Score normalised text (see `normalize.ts`) with the generated emergency model.
 * `rulesSaidUrgent`: the rules already judged the message urgent, so raising it
 * to emergency takes stronger evidence (the rules' urgent calls are usually right);
 * so does a view of fewer than `SHORT_VIEW_WORDS` words.
 */
export function emergencyVerdict(text: string, rulesSaidUrgent = false): ModelVerdict {
  const words = modelWords(text);
  const perWord = wordFeatures(words);
  const weight = (id: number) => WEIGHTS.get(id) ?? 0;
  const score = scoreWith([...new Set(perWord.flat())], weight, EMERGENCY_MODEL.bias);
  const strict = rulesSaidUrgent || words.length < SHORT_VIEW_WORDS;
  const threshold = strict ? EMERGENCY_MODEL.upgradeThreshold : EMERGENCY_MODEL.threshold;
  if (score < threshold) return { score, emergency: false, span: null };
  // The evidence: the window of up to SPAN_WORDS words with the largest positive weight.
  const contribution = perWord.map((ids) => ids.reduce((sum, id) => sum + weight(id), 0));
  let best = -Infinity;
  let span: [number, number] | null = null;
  for (let i = 0; i < words.length; i++) {
    let sum = 0;
    for (let j = i; j < Math.min(words.length, i + SPAN_WORDS); j++) {
      sum += contribution[j]!;
      if (sum > best) {
        best = sum;
        span = [words[i]!.start, words[j]!.end];
      }
    }
  }
  return { score, emergency: true, span };
}
