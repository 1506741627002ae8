/** The three triage levels, most to least severe. */
export const TRIAGE_LEVELS = ['emergency', 'urgent', 'routine'] as const;

/** How soon a message needs a human: `emergency` → call 911, `urgent` → call the office, `routine` → portal is fine. */
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];

/** One signal that fired in the patient's text. */
export interface TriageReason {
  /** Level this signal alone implies. */
  level: Exclude<TriageLevel, 'routine'>;
  /** Stable kebab-case id, e.g. `chest-pain`, `stroke-signs`, `high-fever`. */
  code: string;
  /** The fragment of the patient's original text that triggered the signal (for highlighting). */
  match: string;
}

/** Result of {@link classifyMessage}. */
export interface TriageResult {
  level: TriageLevel;
  /** Every fired signal, deduplicated by code; emergency reasons first, then in text order. */
  reasons: TriageReason[];
}

/** Options for {@link classifyMessage}. */
export interface TriageOptions {
  /** Locale hint: `es` checks the Spanish lexicon first. Both lexicons are always checked. */
  locale?: 'en' | 'es' | string;
}

/**
 * A lexicon entry: a named signal and the phrases (regular-expression sources,
 * written against normalised text — lowercase, no accents, no apostrophes) that fire it.
 */
export interface SignalDef {
  code: string;
  level: Exclude<TriageLevel, 'routine'>;
  /** Alternatives, each a regex source; word boundaries are added around each. */
  patterns: readonly string[];
  /** If this regex source matches the match's clause, the match is an idiom / not a symptom. */
  unless?: string;
  /** If this regex source matches anywhere in the message, the signal is an emergency. */
  escalateIf?: string;
  /** If this regex source matches the match's clause, an emergency signal is only urgent. */
  downgradeIf?: string;
  /** Numeric or other validation of the regex match (e.g. a temperature ≥ 101 °F). */
  check?: (m: RegExpExecArray) => boolean;
  /** Level override decided by `check`-style logic (e.g. very low oxygen → emergency). */
  levelOf?: (m: RegExpExecArray) => Exclude<TriageLevel, 'routine'>;
  /** Skip the remote-history suppression (e.g. for signals that are never about the past). */
  ignoreHistory?: boolean;
  /** Never downgrade for "last week" style recent past (e.g. suicidal thoughts). */
  noRecentDowngrade?: boolean;
}
