/**
 * Password rules (NIST SP 800-63B-4, §3.1.1.2 "Password Verifiers").
 *
 * Pure and DOM-free: shared by the widgets, the mock backend and the reference
 * server, so all three accept and reject exactly the same passwords.
 *
 * What NIST asks for, and how it is met here:
 * - length is what matters: at least 15 characters when the password is the only
 *   factor, and at least 64 accepted — we accept up to 128;
 * - each Unicode code point counts as one character ([...pw].length), so an
 *   emoji or a CJK character is one, whatever its UTF-16 length;
 * - no composition rules (no "one digit, one symbol"), no truncation and no
 *   trimming: spaces, leading and trailing ones included, are part of the password;
 * - reject values that are commonly used or expected: a blocklist of common long
 *   passwords (./common-passwords.ts), trivial repetitions and sequences by rule,
 *   and the patient's own id. Those comparisons are made on an NFKC-normalised,
 *   lower-cased form, so "ＰＡＳＳＷＯＲＤpassword" and "PasswordPassword" are
 *   caught too; the password itself is never altered.
 *
 * The blocklist is a static import: bundles that must not carry it should import
 * *this* module lazily (`await import('…/password-rules.js')`), which is what the
 * password widget does. The list is parsed into a Set on first use, not on import.
 */
import { COMMON_PASSWORDS } from './common-passwords.js';

/** Fewest code points accepted (NIST: 15 for a single-factor password). */
export const PASSWORD_MIN_LENGTH = 15;
/** Most code points accepted (NIST: verifiers SHOULD accept at least 64). */
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordRejection = 'too-short' | 'too-long' | 'common' | 'matches-id' | 'same-as-current';

export type PasswordCheck = { ok: true } | { ok: false; reason: PasswordRejection };

export interface PasswordContext {
  /** The patient's sign-in id; a password that is just the id (plus digits/punctuation) is rejected. */
  patientId?: string;
  /** The password being replaced, when changing it; the same password again is rejected. */
  currentPassword?: string;
}

/** Length as NIST counts it: one per Unicode code point. */
export function passwordLength(password: string): number {
  let n = 0;
  for (const _ of password) n++; // iterates by code point, without building an array
  return n;
}

/**
 * Checks a proposed new password. Rules are applied in this order, and the first
 * that fails is reported: length, same as current, matches the id, common.
 */
export function checkPassword(password: string, context: PasswordContext = {}): PasswordCheck {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return { ok: false, reason: 'too-short' };
  if (length > PASSWORD_MAX_LENGTH) return { ok: false, reason: 'too-long' };

  // Exact comparison: this guards against re-using the very same secret; how
  // the server normalises before hashing is the server's business.
  if (context.currentPassword !== undefined && password === context.currentPassword) {
    return { ok: false, reason: 'same-as-current' };
  }

  const folded = fold(password);
  if (context.patientId !== undefined && matchesId(folded, fold(context.patientId.trim()))) {
    return { ok: false, reason: 'matches-id' };
  }
  if (isCommon(folded)) return { ok: false, reason: 'common' };
  return { ok: true };
}

// ---------------------------------------------------------------------------
// Comparison helpers

/** The form used for every "is this like X" comparison (never for storage). */
function fold(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** Digits, punctuation, symbols and spaces: what people pad an id or a word with. */
const FILLER_ONLY = /^[\p{N}\p{P}\p{S}\p{Z}\s]*$/u;

function matchesId(folded: string, id: string): boolean {
  if (id === '') return false;
  if (folded === id) return true;
  // "dana2026!!!!!!!!!", "dana.dana.dana.1": the id plus filler and nothing else.
  return folded.includes(id) && FILLER_ONLY.test(folded.split(id).join(''));
}

let blocklist: Set<string> | undefined;

function isCommon(folded: string): boolean {
  blocklist ??= new Set(COMMON_PASSWORDS.split('\n'));
  // Surrounding spaces add nothing to a listed password, so also try it trimmed
  // (for the comparison only: the password keeps its spaces).
  if (blocklist.has(folded) || blocklist.has(folded.trim())) return true;
  if (isTrivial([...folded])) return true;
  // "1234-5678-9012-3456", "a a a a a a a a": trivial once separators are gone.
  const bare = [...folded.replace(/[\s\p{P}]+/gu, '')];
  return bare.length >= 8 && isTrivial(bare);
}

// ---------------------------------------------------------------------------
// Trivial patterns, rejected by rule whether or not they are on the list

/** A string that repeats a unit of up to this many code points is trivial ("abcabcabc…"). */
const MAX_REPEATED_UNIT = 7;
/** A string made of at most this many walks along a track is trivial ("abcdefgh12345678"). */
const MAX_WALKS = 3;
/** A walk must be at least this long to count (shorter runs occur by chance in real passwords). */
const MIN_WALK = 3;

/** Ordered sequences people walk along: alphabet, digits, keyboard rows and columns (US layout). */
const TRACKS: Array<{ chars: string; cyclic: boolean }> = [
  { chars: 'abcdefghijklmnopqrstuvwxyz', cyclic: true },
  { chars: '0123456789', cyclic: true },
  { chars: '1234567890-=', cyclic: false },
  { chars: '!@#$%^&*()_+', cyclic: false },
  { chars: 'qwertyuiopasdfghjklzxcvbnm', cyclic: false },
  { chars: 'qwertyuiop[]\\', cyclic: false },
  { chars: "asdfghjkl;'", cyclic: false },
  { chars: 'zxcvbnm,./', cyclic: false },
  { chars: '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/', cyclic: false },
  { chars: 'qazwsxedcrfvtgbyhnujmikolp', cyclic: false },
];

function isTrivial(cps: string[]): boolean {
  return hasShortPeriod(cps) || fewWalks(cps);
}

/** True if cps[i] === cps[i - p] throughout for some small p (covers "aaaa…", "abab…", "abcab"). */
function hasShortPeriod(cps: string[]): boolean {
  for (let p = 1; p <= MAX_REPEATED_UNIT && p < cps.length; p++) {
    let periodic = true;
    for (let i = p; i < cps.length && periodic; i++) periodic = cps[i] === cps[i - p];
    if (periodic) return true;
  }
  return false;
}

/** Direction of the step a → b on a track (+1/−1), or 0 if not adjacent there. */
function step(track: { chars: string; cyclic: boolean }, a: string, b: string): number {
  const i = track.chars.indexOf(a);
  const j = track.chars.indexOf(b);
  if (i < 0 || j < 0) return 0;
  const n = track.chars.length;
  if (j - i === 1 || (track.cyclic && i === n - 1 && j === 0)) return 1;
  if (i - j === 1 || (track.cyclic && i === 0 && j === n - 1)) return -1;
  return 0;
}

/** Whether cps[from..to) is one walk: every step ±1 in the same direction on one track. */
function isWalk(cps: string[], from: number, to: number): boolean {
  return TRACKS.some((track) => {
    const dir = step(track, cps[from]!, cps[from + 1]!);
    if (dir === 0) return false;
    for (let k = from + 1; k < to - 1; k++) if (step(track, cps[k]!, cps[k + 1]!) !== dir) return false;
    return true;
  });
}

/** True if the whole string splits into at most MAX_WALKS walks of MIN_WALK+ code points. */
function fewWalks(cps: string[]): boolean {
  const n = cps.length;
  // fewest[i] = fewest walks covering cps[0..i); Infinity if impossible. O(n² · tracks), n ≤ 128.
  const fewest: number[] = Array<number>(n + 1).fill(Infinity);
  fewest[0] = 0;
  for (let i = MIN_WALK; i <= n; i++) {
    for (let j = 0; j <= i - MIN_WALK; j++) {
      if (fewest[j]! + 1 < fewest[i]! && fewest[j]! < MAX_WALKS && isWalk(cps, j, i)) fewest[i] = fewest[j]! + 1;
    }
  }
  return fewest[n]! <= MAX_WALKS;
}
