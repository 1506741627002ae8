/**
 * On-device triage of patient portal messages.
 *
 * `classifyMessage` reads what a patient typed (English, Spanish or a mix) and
 * says whether it looks like an emergency (call 911), something urgent (call
 * the office) or a routine portal message, with the fragments that triggered
 * it. Lexicon and context rules decide first (precise, and they can say why);
 * a small trained model (`model.ts`) backs them up on wording they do not know
 * and can only raise a message to emergency. Deterministic: pure, DOM-free, no
 * network, no clock; regular expressions and weights are prepared at load.
 *
 * It is a safety net in front of the clinic's policy ("the portal is not to be
 * used for urgent, emergent, or other time-sensitive situations"), not a
 * diagnosis: it errs towards warning.
 */
import {
  ADMIN_BEFORE,
  CARE_VISIT_BEFORE,
  FIELD_NONE_AFTER,
  FORM_LIST_BEFORE,
  ONGOING,
  PET_BEFORE,
  CLAUSE_BREAK,
  CONTEXT_SOURCES,
  HISTORY_CUE,
  HYPOTHETICAL,
  INDICATION_BEFORE,
  INFO_CLAUSE,
  INFO_AFTER,
  DENIED_IT,
  RESOLVED_AFTER,
  MED_FOR_BEFORE,
  ACTIVE_AFTER,
  MODIFIER_AFTER,
  MODIFIER_BEFORE,
  OTHER_PAST,
  OTHER_PERSON,
  PRESENT_ANY,
  PRESENT_STRONG,
  QUIET_MESSAGE,
  RECENT_OTHER,
  RECENT_PAST,
  REFILL_CONTEXT,
  RESOLUTION_CLAUSE,
  SETTLED_MESSAGE,
  SINCE_MY_BEFORE,
  UNSETTLED_MESSAGE,
  bounded,
  isNegated,
  rx,
  scan,
} from './context.js';
import { CLASS_FAMILIES, DEHYDRATION_CHILD, DEHYDRATION_LISTLESS, DEHYDRATION_SIGNS } from './lexicon-classes.js';
import { CONCEPT_FAMILIES } from './lexicon-concepts.js';
import { EN_SIGNALS } from './lexicon-en.js';
import { ES_SIGNALS } from './lexicon-es.js';
import {
  FAMILIES,
  FEVER_WORD,
  KEYWORDS,
  PREGNANCY,
  PREGNANCY_BLEEDING,
  PREGNANCY_RED_FLAGS,
  POSTPARTUM,
  REAL_WORDS,
  SHARED_SIGNALS,
  SOUND_ALIKE,
  STIFF_NECK,
  VARIANTS,
  type FamilyDef,
} from './lexicon-shared.js';
import { emergencyVerdict } from './model.js';
import { createSpeller, normalize, type NormalizedText } from './normalize.js';
import type { SignalDef, TriageLevel, TriageOptions, TriageReason, TriageResult } from './types.js';

export { TRIAGE_LEVELS } from './types.js';
export type { SignalDef, TriageLevel, TriageOptions, TriageReason, TriageResult } from './types.js';

type Alert = Exclude<TriageLevel, 'routine'>;

interface CompiledSignal {
  readonly def: SignalDef;
  readonly re: RegExp;
  readonly unless: RegExp | undefined;
  readonly escalate: RegExp | undefined;
  readonly downgrade: RegExp | undefined;
}

const compile = (def: SignalDef): CompiledSignal => ({
  def,
  re: new RegExp(bounded(def.patterns.join('|'))),
  unless: def.unless === undefined ? undefined : rx(def.unless),
  escalate: def.escalateIf === undefined ? undefined : rx(def.escalateIf),
  downgrade: def.downgradeIf === undefined ? undefined : rx(def.downgradeIf),
});

const EN = EN_SIGNALS.map(compile);
const ES = ES_SIGNALS.map(compile);
const SHARED = SHARED_SIGNALS.map(compile);
const ORDER_EN: readonly CompiledSignal[] = [...EN, ...ES, ...SHARED];
const ORDER_ES: readonly CompiledSignal[] = [...ES, ...EN, ...SHARED];

/** Phrase-pair families: the original ones, then the broad concept families (issue #5). */
const ALL_FAMILIES: readonly FamilyDef[] = [...FAMILIES, ...CONCEPT_FAMILIES, ...CLASS_FAMILIES];

/** Every literal word the lexicons and context cues use is a real word: never "correct" it into another. */
const LEXICON_WORDS = [...EN_SIGNALS, ...ES_SIGNALS, ...SHARED_SIGNALS]
  .flatMap((d) => [...d.patterns, d.unless ?? '', d.escalateIf ?? '', d.downgradeIf ?? ''])
  .concat(
    ALL_FAMILIES.flatMap((f) => [
      f.a,
      f.b ?? '',
      f.c ?? '',
      f.unless ?? '',
      f.needClause ?? '',
      f.needMessage ?? '',
      f.escalateIf ?? '',
      f.downgradeIf ?? '',
    ]),
  )
  .concat(CONTEXT_SOURCES, [DEHYDRATION_CHILD, DEHYDRATION_LISTLESS, ...DEHYDRATION_SIGNS])
  .flatMap((src) => src.replace(/\\[a-z]/g, ' ').match(/[a-z]{4,}/g) ?? []);
const SPELLER = createSpeller(KEYWORDS, VARIANTS, [...REAL_WORDS, ...LEXICON_WORDS], SOUND_ALIKE);
const PREGNANCY_RE = rx(PREGNANCY);
const PREGNANCY_BLEEDING_RE = rx(PREGNANCY_BLEEDING);
const PREGNANCY_RED_FLAGS_RE = rx(PREGNANCY_RED_FLAGS);
const STIFF_NECK_RE = rx(STIFF_NECK);
const POSTPARTUM_RE = rx(POSTPARTUM);
const DEHYDRATION_CHILD_RE = rx(DEHYDRATION_CHILD);
const DEHYDRATION_SIGNS_RE = DEHYDRATION_SIGNS.map(rx);
const DEHYDRATION_LISTLESS_RE = rx(DEHYDRATION_LISTLESS);
/** Signs that a medication error is already poisoning someone. */
const TOXIC_CODES = ['vomiting-dehydration', 'confusion', 'near-fainting', 'unconscious', 'abnormal-heart-rate', 'dizziness'];
const TOXIC_SIGNS_RE = rx(
  'vomit[a-z]*|throwing up|threw up|drowsy|very sleepy|hard to wake|confus[a-z]*|(?:slow|weak) (?:pulse|heart ?beat)|pulse (?:is )?(?:slow|low)|seeing (?:yellow|halos)|faint[a-z]*|dizz[a-z]*|vomitando|vomito|confundid[ao]|adormilad[ao]|somnolient[ao]|(?:el )?pulso (?:[a-z]+ ){0,3}(?:lento|bajo)|ve todo amarillo|mare[a-z]*|desmay[a-z]*',
);
/** A blood-pressure reading anywhere in the message (values checked by the caller). */
const BP_READING_RE = rx(
  '(?:bp|blood pressure|pressure|presion|presion arterial|tension|cuff)(?: [a-z]+){0,4} ?(\\d{2,3}) ?(?:/|over|sobre|entre) ?(\\d{2,3})',
);
/** Signs that a very high blood pressure is hurting the brain, heart, eyes or lungs. */
const BP_ORGAN_CODES = ['severe-pain', 'worst-headache', 'chest-pain', 'confusion', 'stroke-signs', 'breathing-difficulty'];
const BP_ORGAN_RE = rx(
  'headache|head (?:is )?(?:pounding|killing)|dolor de cabeza|me duele (?:mucho )?la cabeza|blurr[a-z]*|vision|borros[ao]|chest|pecho|confus[a-z]*|confundid[ao]|numb[a-z]*|entumid[ao]|short of breath|falta de aire|nosebleed|sangrado (?:de|por) la nariz',
);
const FEVER_WORD_RE = rx(FEVER_WORD);
/** Light-headedness that, with palpitations, suggests an arrhythmia ("heart racing and I feel dizzy"). */
/** A trigger named with airway swelling ("lips blew up after the cookie, coughing"): anaphylaxis, not a cold. */
const ALLERGEN_TRIGGER_RE = rx(
  'ate|eating|eaten|after (?:eating|taking|the)|stings?|stung|peanuts?|tree nuts?|cashews?|shellfish|shrimp|bees?|wasps?|hornets?|new (?:med[a-z]*|antibiotics?|pills?)|antibiotics?|penicillin|amoxicillin|despues de (?:comer|tomar|la|el)|comio|comi|picadura|pico|abejas?|avispas?|cacahuates?|mani|nueces|mariscos|camaron(?:es)?|antibiotico[s]?',
);
const LIGHTHEADED_RE = rx(
  'dizzy|dizziness|lightheaded|light headed|woozy|faint|feel faint|mare(?:ad[ao]|o|os)|desvanec[a-z]*|se me va el mundo',
);
const MINOR_BLEEDING = rx(
  'spotting|a little|little bit|bit of|tiny|light|un poco|poquito|poquita|manchado|manchando|gums|encias|nose|nariz',
);

/** "50 units instead of 5", "50 unidades de insulina en vez de 5": the dose given and the dose meant. */
const INSULIN_MULTIPLE_RE = rx(
  '(\\d+) (?:units?|unidades|u)(?: of insulin| de insulina| de (?:su |mi )?[a-z]+)? (?:[a-z]+ ){0,3}?(?:instead of|rather than|en vez de|en lugar de) (?:the |his |her |my |sus |mis |las |los )?(\\d+)',
);

/** The wrong dose was given by mistake (not a dose the doctor changed). */
const DOSE_ERROR_RE = rx(
  'by mistake|mistakenly|accidental(?:ly)?|accidently|by accident|oops|wrong|mixed up|got confused|por error|por equivocacion|sin querer|accidentalmente|equivoc[a-z]*|me confundi|se confundio',
);

/** Shaking chills (rigors), which with a low blood pressure suggest sepsis even without a thermometer. */
const CHILLS_RE = rx(
  'chills|rigors|shaking (?:[a-z]+ )?(?:under|with|from) (?:[a-z0-9]+ )?(?:blankets?|cold|chills)|teeth (?:are )?chattering|escalofrios?|temblando de frio|tiembla de frio',
);
/** Low blood pressure in words ("bp is really low", "la presión muy baja"). */
const LOW_BP_WORDS_RE = rx(
  '(?:bp|blood pressure|pressure|presion|presion arterial)(?: (?:is|was|keeps|very|really|so|super|dropping|dropped|muy|bien|se le|le|esta|sigue|bajo|bajando))* (?:low|dropping|tanked|bottomed out|baja|bajisima|por los suelos)|low (?:blood pressure|bp)',
);

/** A live low blood-pressure reading (systolic under 90) or wording, for the sepsis rule. */
function lowPressure(doc: Doc): Hit | undefined {
  for (const m of scan(BP_READING_RE, doc.norm.text)) {
    const sys = Number(m[1]);
    const dia = Number(m[2]);
    if (!(sys > dia && sys >= 40 && sys < 90)) continue;
    const hit = isLive(doc, m.index, m.index + m[0].length, undefined);
    if (hit) return hit;
  }
  return firstLive(doc, LOW_BP_WORDS_RE);
}

/**
 * Anywhere in the message: weeks or months of the medicine are left ("I have 3 weeks left", "me
 * queda para un mes"): a refill request, not a dose about to be missed.
 */
const MED_PLENTY_RE = rx(
  [
    '(?:i|we|he|she) (?:still )?(?:have|has|got|ve got) (?:about |around |maybe |almost |nearly |over |more than |at least )?(?:a|one|two|three|four|five|six|\\d+|a few|several|a couple(?: of)?) (?:weeks?|months?)(?: worth| supply| of (?:it|them|pills|meds|medicine|medication|supply))?(?: (?:left|remaining))?',
    '(?:weeks?|months?)(?: worth| supply)? (?:left|remaining)|enough (?:for|to last|until|til|till) (?:about |another |the next )?(?:a|one|two|three|four|\\d+|a few|several|a couple of) (?:weeks?|months?)',
    'me (?:queda|quedan) (?:como |mas o menos |todavia |aun )?(?:para |como para )?(?:un|una|dos|tres|cuatro|\\d+|unas|varias) (?:mes|meses|semanas?)',
    'me (?:alcanza|alcanzan) (?:para|hasta) (?:un|una|dos|tres|\\d+|unas|varias|el|la) (?:mes|meses|semanas?|proxim[ao] (?:mes|semana))',
    '(?:todavia|aun) (?:me queda|me quedan|tengo) (?:para )?(?:un|una|dos|tres|\\d+|unas|varias) (?:mes|meses|semanas?)',
    '(?:have|has|got) (?:a |an |one )?(?:spare|backup|extra)|(?:tengo|tiene) (?:otr[ao]|un[ao]) (?:de repuesto|extra)',
  ].join('|'),
);
/** Anywhere in the message: the question is about insurance coverage or cost, not a dose due now. */
const MED_COVERAGE_RE = rx(
  '(?:insurance|seguro|aseguranza|medicaid|medicare|my plan)(?: [a-z]+){0,4} (?:wont|doesnt|will not|does not|dont|no longer|stopped|denied|refused|rejected|(?:ya )?no (?:me )?(?:la |lo |las |los )?(?:cubre|cubren|paga|pagan|cubrira|aprueba|aprobo|autoriza))|(?:not|no longer|isnt|arent|no esta|ya no esta|no estan) (?:being )?(?:covered|cubiert[ao]s?)|(?:ya )?no (?:la |lo |las |los )?(?:cubre|cubren) (?:el|mi|la) (?:seguro|aseguranza)|prior auth[a-z]*|pre ?auth[a-z]*|coverage|cobertura|formulary|copays?|co pays?|copagos?|deductible|deducible|cheaper|more affordable|mas barat[ao]|generic version|version generica',
);
/** Anywhere in the message: none is left for the next dose (keeps a coverage question urgent). */
const MED_NONE_LEFT_RE = rx(
  'ran out|run out|running out|(?:im|i am|is|are|all|completely|totally) out|empty|se (?:me|le|nos) (?:acab|termin)[a-z]*|me (?:quede|quedo) sin|(?:no|nada|ninguna) (?:me |le )?(?:queda|quedan)|none (?:left|for)|have none|dont have any|no (?:more|insulin|pills|doses?|meds) (?:left|for)|no tengo|last (?:dose|pill|pen|shot|one)|ultim[ao] (?:dosis|pastilla|pluma|inyeccion)|today|tonight|this evening|hoy|esta noche|missed|skipp?(?:ed|ing)?|sin (?:insulina|pastillas|medicina|medicamento)',
);

/**
 * Everyday senses of words the rules and model associate with emergencies: breastfeeding and
 * breast growth ("pecho" is also the chest), weight loss ("peso" is also a weight on the chest),
 * a toddler's speech milestones ("no habla mucho").
 */
const BENIGN_SENSE = rx(
  // a neck stiff from sleeping wrong; a smoke/CO alarm chirping for its battery
  'stiff (?:neck )?from (?:sleeping|sleep|the pillow|my pillow|the gym|work|sitting|my desk)|neck (?:is |has been |feels )?(?:stiff|sore) from (?:sleeping|sleep|the pillow|my pillow|the gym|work|sitting|my desk)|slept (?:on it |on my neck )?wrong|(?:cuello tieso|cuello rigido|torticolis|cuello adolorido) (?:por|de) (?:dormir|mala postura|la almohada)|dormi (?:chueco|mal)|(?:co|carbon monoxide|smoke|monoxido|humo) (?:alarm|detector|alarma|detector)s? (?:is |keeps |kept |was |started |esta |sigue )?(?:chirp[a-z]*|pitando|chillando)|chirp[a-z]*(?:,? [a-z]+){0,3},? batter(?:y|ies)(?: maybe)?|' +
  // idioms and an itchy scalp: "el tráfico me está matando", "le pica la cabeza"
  '(?:el trafico|la fila|la espera|el trabajo|la tarea|este calor|the traffic|this traffic|work|this line|the wait) (?:me |is )?(?:esta |is )?(?:matando|killing me)|(?:le |me )?pica (?:mucho )?(?:la cabeza|el cuero cabelludo)|itchy scalp|scalp (?:is )?itch[a-z]*|' +
  // breathing described as normal; nobody sick
  '(?<!(?:no|not|isnt|arent|wasnt|never|cant|trouble|hard|casi|nada|ni) )(?:breathing|breathes|breath) (?:is |seems |looks |sounds |has been )?(?:ok|okay|fine|normal|good|great)(?! (?:until|except|but|only))|(?<!(?:no|nunca|casi|ni) )(?:respira|respirando|respiracion) (?:bien|normal)|(?:no one|nobody|noone|nadie) (?:is |feels |seems |got |has been |se siente |se ha sentido |esta |tiene )?(?:sick|ill|bad|mal|enferm[ao]s?|nada)|' +
  '(?:dar|doy|dando|darle|le doy|toma|tomar|tomando|puro) pecho|(?:bajar|subir|perder|ganar|baje|subi|perdi|gane) (?:de )?peso|crecer(?:le)? (?:el |los )?(?:pecho|senos)|breast ?feed[a-z]*|breast milk|lactancia|no habla (?:mucho|muchas palabras)|(?:says|dice|habla) (?:como |about |only |solo )?(?:\\d+|unas|some|a few) (?:palabras|words)',
);

/** Folk beliefs passed on for the clinic to confirm or debunk ("mi suegra dice que… ¿es cierto?"). */
const MYTH_QUESTION = rx('es cierto|es verdad|sera cierto|is (?:that|this|it) true|(?:a )?myth|mito|old wives|jaja[a-z]*|haha[a-z]*|lol');
/** The clause that reports what someone else claims (only blanked for the model, and only with {@link MYTH_QUESTION}). */
const HEARSAY = rx('(?:says|said|say|dice|dijo|dicen) (?:que|that|its|it|itll|it will|thats)');

/** Longest input looked at; longer text is truncated (the start of a message carries its point). */
const MAX_CHARS = 20_000;

/** The per-message view: normalised text, clause boundaries and the original for match text. */
interface Doc {
  readonly norm: NormalizedText;
  readonly original: string;
  /** [start, end) of each clause break in the normalised text, in order. */
  readonly breaks: readonly (readonly [number, number])[];
  /** Word offsets (see {@link wordBounds}), for proximity windows. */
  readonly words: readonly number[];
  /**
   * Matches the rules discounted (negated, guarded, resolved) or already
   * judged urgent: hidden from the model, which weighs only what is left.
   */
  readonly discounted: [number, number][];
  /**
   * The message says the episode is over and was reassuring (normal work-up, fine now) or is a
   * stable long-standing pattern, and nothing in it is back or worse: urgent-level signals are
   * follow-up questions, and a symptom a care visit already dealt with is history.
   */
  settled: boolean;
  /**
   * The episodes stopped weeks or months ago ("no episodes in 2 months", "ya no me ha dado") and
   * nothing is back: a symptom in a clause that says it stopped is history, even an emergency word.
   */
  quiet: boolean;
  /** Spans of {@link BENIGN_SENSE}: no rule fires on them and the model does not read them. */
  readonly benign: [number, number][];
}

function clauseOf(doc: Doc, s: number, e: number): [number, number] {
  let cs = 0;
  let ce = doc.norm.text.length;
  for (const [bs, be] of doc.breaks) {
    if (be <= s) cs = be;
    else if (bs >= e) {
      ce = bs;
      break;
    }
  }
  return [cs, ce];
}

const testOnce = (re: RegExp, text: string): boolean => re.test(text);

/** Is the symptom at [s, e) placed in the past (history, family history) rather than happening now? */
function isHistorical(text: string, cs: number, ce: number, s: number, e: number): boolean {
  const before = text.slice(cs, s);
  if (SINCE_MY_BEFORE.test(before)) return true;
  const clause = text.slice(cs, ce);
  for (const c of scan(HISTORY_CUE, clause)) {
    const hs = cs + c.index;
    const he = hs + c[0].length;
    if (he > s && hs < e) continue; // the cue overlaps the symptom itself
    const between = he <= s ? text.slice(he, s) : text.slice(e, hs);
    if (testOnce(PRESENT_ANY, between)) continue;
    if (testOnce(PRESENT_STRONG, text.slice(Math.max(he, e), ce))) continue;
    return true;
  }
  for (const o of scan(OTHER_PERSON, clause)) {
    const os = cs + o.index;
    const oe = os + o[0].length;
    if (oe > s) break;
    const between = text.slice(oe, s);
    const rest = text.slice(oe, ce);
    // a "now" cue only counts near the event: "…had a stroke in 2019 and the form needs filling out again"
    const near = text.slice(oe, Math.min(ce, e + 24));
    if (!testOnce(OTHER_PAST, rest)) continue;
    if (testOnce(PRESENT_ANY, between.replace(OTHER_PAST, ' '))) continue;
    if (testOnce(RECENT_OTHER, near)) continue;
    return true;
  }
  return false;
}

interface Hit {
  readonly s: number;
  readonly e: number;
  readonly cs: number;
  readonly ce: number;
}

/**
 * Is the match at [s, e) a live symptom: not negated, not history, not
 * hypothetical, not a modifier ("seizure medication"), not a refill indication?
 */
function isLive(doc: Doc, s: number, e: number, unless: RegExp | undefined, checkHistory = true): Hit | undefined {
  const text = doc.norm.text;
  const [cs, ce] = clauseOf(doc, s, e);
  const before = text.slice(cs, s);
  const after = text.slice(e, ce);
  const clause = text.slice(cs, ce);
  if (unless !== undefined && unless.test(clause)) return undefined;
  if (doc.benign.some(([bs, be]) => bs < e && be > s)) return undefined;
  if (isNegated(before, after)) return undefined;
  if (MODIFIER_AFTER.test(after) || MODIFIER_BEFORE.test(before)) return undefined;
  if (testOnce(HYPOTHETICAL, before) || INFO_CLAUSE.test(clause)) return undefined;
  // "shortness of breath can be a side effect of amlodipine. I don't have it": a question, not a symptom
  if (INFO_AFTER.test(after) && anyAffirmed(doc, DENIED_IT)) return undefined;
  // "send the records from my hospital stay for my heart attack": paperwork about an event, not the event
  if (ADMIN_BEFORE.test(before) && !testOnce(PRESENT_STRONG, after)) return undefined;
  if (PET_BEFORE.test(before)) return undefined; // "my dog had a seizure"
  // conditions a form lists or asks about, and form fields answered "none": paperwork, not symptoms
  if (FIELD_NONE_AFTER.test(text.slice(e, e + 16))) return undefined;
  const sentence = text.slice(Math.max(0, s - 200), s).split(/[.!?;]/).pop() ?? '';
  // (a "now" cue counts only in the list itself: "tengo que poner" is about the form, not a symptom)
  const form = FORM_LIST_BEFORE.exec(sentence);
  if (form !== null && !testOnce(PRESENT_ANY, form[1] ?? '')) return undefined;
  // "refill my inhaler for shortness of breath", "pastillas para las convulsiones": an indication, not a symptom
  if (
    (MED_FOR_BEFORE.test(before) || (INDICATION_BEFORE.test(before) && REFILL_CONTEXT.test(clause))) &&
    !ACTIVE_AFTER.test(after)
  ) {
    return undefined;
  }
  if (checkHistory && isHistorical(text, cs, ce, s, e)) return undefined;
  // "went to the ER Saturday for chest pain … everything was negative": an episode already dealt with
  if (checkHistory && doc.settled && CARE_VISIT_BEFORE.test(before)) return undefined;
  // "the fainting spells stopped once I started drinking more water, no episodes in 2 months"
  if (checkHistory && doc.quiet && stillStopped(clause)) return undefined;
  return { s, e, cs, ce };
}

/** The clause says its symptom stopped, and nothing in it is happening now. */
function stillStopped(clause: string): boolean {
  return RESOLUTION_CLAUSE.test(clause) && !testOnce(PRESENT_STRONG, clause) && !testOnce(ONGOING, clause);
}

/** First live match of `re` in the document. */
function firstLive(doc: Doc, re: RegExp, unless?: RegExp): Hit | undefined {
  for (const m of scan(re, doc.norm.text)) {
    const hit = isLive(doc, m.index, m.index + m[0].length, unless);
    if (hit) return hit;
  }
  return undefined;
}

/** Any non-negated occurrence of `re` anywhere in the message. */
function anyAffirmed(doc: Doc, re: RegExp): boolean {
  const text = doc.norm.text;
  for (const m of scan(re, text)) {
    const [cs] = clauseOf(doc, m.index, m.index + m[0].length);
    if (!isNegated(text.slice(cs, m.index), text.slice(m.index + m[0].length))) return true;
  }
  return false;
}

function originalFragment(doc: Doc, s: number, e: number): string {
  const os = doc.norm.start[s];
  const oe = doc.norm.end[e - 1];
  if (os === undefined || oe === undefined) return '';
  return doc.original.slice(os, oe);
}

interface Found extends TriageReason {
  readonly at: number;
}

function evaluate(doc: Doc, sig: CompiledSignal): Found | undefined {
  const { def } = sig;
  const text = doc.norm.text;
  for (const m of scan(sig.re, text)) {
    if (def.check && !def.check(m)) continue;
    const s = m.index;
    const e = s + m[0].length;
    const hit = isLive(doc, s, e, sig.unless, def.ignoreHistory !== true);
    if (!hit) {
      doc.discounted.push([s, e]);
      continue;
    }
    let level: Alert = def.levelOf ? def.levelOf(m) : def.level;
    if (level === 'urgent' && (doc.settled || RESOLVED_AFTER.test(text.slice(e, hit.ce)))) {
      doc.discounted.push([s, e]); // "the rash is healed", "feel normal now"
      continue;
    }
    const clause = text.slice(hit.cs, hit.ce);
    if (level === 'urgent' && sig.escalate && anyAffirmed(doc, sig.escalate)) level = 'emergency';
    if (level === 'emergency') {
      const recent =
        !def.noRecentDowngrade &&
        testOnce(RECENT_PAST, clause) &&
        !testOnce(PRESENT_STRONG, clause) &&
        !testOnce(ONGOING, clause);
      if (recent || (sig.downgrade !== undefined && sig.downgrade.test(clause))) {
        level = 'urgent';
      }
    }
    if (level === 'urgent') doc.discounted.push([s, e]);
    return { level, code: def.code, match: originalFragment(doc, s, e), at: s };
  }
  return undefined;
}

// ───────────────────────────── concept families ─────────────────────────────

interface CompiledFamily {
  readonly def: FamilyDef;
  readonly a: RegExp;
  readonly b: RegExp | undefined;
  readonly c: RegExp | undefined;
  readonly unless: RegExp | undefined;
  readonly needClause: RegExp | undefined;
  readonly needMessage: RegExp | undefined;
  readonly escalate: RegExp | undefined;
  readonly downgrade: RegExp | undefined;
}

const opt = (src: string | undefined): RegExp | undefined => (src === undefined ? undefined : rx(src));
const FAMILY: readonly CompiledFamily[] = ALL_FAMILIES.map((def) => ({
  def,
  a: rx(def.a),
  b: opt(def.b),
  c: opt(def.c),
  unless: opt(def.unless),
  needClause: opt(def.needClause),
  needMessage: opt(def.needMessage),
  escalate: opt(def.escalateIf),
  downgrade: opt(def.downgradeIf),
}));

const DEFAULT_WINDOW = 4;

/** Flat `[start, end, start, end, …]` offsets of the words (runs of a-z0-9) in normalised text. */
function wordBounds(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      const s = i;
      i++;
      for (; i < n; i++) {
        const d = text.charCodeAt(i);
        if (!((d >= 97 && d <= 122) || (d >= 48 && d <= 57))) break;
      }
      out.push(s, i);
    } else i++;
  }
  return out;
}

/** Character range covering `w` words either side of [s, e), clipped to the clause [cs, ce). */
function windowAround(
  words: readonly number[],
  s: number,
  e: number,
  w: number,
  cs: number,
  ce: number,
): [number, number] {
  const n = words.length / 2;
  let first = 0;
  while (first < n && (words[2 * first + 1] as number) <= s) first++;
  let last = first;
  while (last + 1 < n && (words[2 * (last + 1)] as number) < e) last++;
  const lo = words[2 * Math.max(0, first - w)] ?? s;
  const hi = words[2 * Math.min(n - 1, last + w) + 1] ?? e;
  return [Math.max(lo, cs), Math.min(hi, ce)];
}

interface Near {
  readonly s: number;
  readonly e: number;
  readonly m: RegExpExecArray;
}

/** Number of words in `text` (runs of a-z0-9). */
function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const w = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (w && !inWord) n++;
    inWord = w;
  }
  return n;
}

/** Longest multi-word phrase a concept may be; widens the search so the window counts words *between* concepts. */
const PHRASE_SLACK = 6;

/**
 * Matches of `re` near the anchor [s, e): same clause, at most `window` words between them,
 * nearest first, skipping any whose gap to the anchor holds a negation ("throat is not swelling").
 */
function near(doc: Doc, re: RegExp, s: number, e: number, fam: CompiledFamily, cs: number, ce: number): Near[] {
  const text = doc.norm.text;
  const w = fam.def.window ?? DEFAULT_WINDOW;
  const [lo, hi] = windowAround(doc.words, s, e, w + PHRASE_SLACK, cs, ce);
  if (hi <= lo) return [];
  const out: Near[] = [];
  for (const m of scan(re, text.slice(lo, hi))) {
    const bs = lo + m.index;
    const be = bs + m[0].length;
    if (be > s && bs < e) continue; // overlaps the anchor
    if (fam.def.bAfter && bs < e) continue;
    const gap = bs >= e ? text.slice(e, bs) : text.slice(be, s);
    if (wordCount(gap) > w) continue;
    if (isNegated(gap, text.slice(Math.max(e, be), ce))) continue;
    out.push({ s: bs, e: be, m });
  }
  const dist = (x: Near): number => (x.s >= e ? x.s - e : s - x.e);
  return out.sort((x, y) => dist(x) - dist(y));
}

/** The strongest live hit of one family in the message. */
function evaluateFamily(doc: Doc, fam: CompiledFamily): Found | undefined {
  const { def } = fam;
  const text = doc.norm.text;
  if (fam.needMessage && !anyAffirmed(doc, fam.needMessage)) return undefined;
  let best: Found | undefined;
  for (const am of scan(fam.a, text)) {
    const s = am.index;
    const e = s + am[0].length;
    const [cs, ce] = clauseOf(doc, s, e);
    let span: [number, number] | undefined;
    if (fam.b === undefined) {
      if (!def.check || def.check(am, undefined)) span = [s, e];
    } else {
      for (const b of near(doc, fam.b, s, e, fam, cs, ce)) {
        if (def.check && !def.check(am, b.m)) continue;
        let ss = Math.min(s, b.s);
        let se = Math.max(e, b.e);
        if (fam.c !== undefined) {
          const c = near(doc, fam.c, s, e, fam, cs, ce).find((x) => x.s !== b.s);
          if (c === undefined) continue;
          ss = Math.min(ss, c.s);
          se = Math.max(se, c.e);
        }
        span = [ss, se];
        break;
      }
    }
    if (span === undefined) continue;
    const [ss, se] = span;
    const hit = isLive(doc, ss, se, fam.unless);
    if (!hit) {
      doc.discounted.push([ss, se]);
      continue;
    }
    const clause = text.slice(hit.cs, hit.ce);
    if (fam.needClause && !fam.needClause.test(clause)) continue;
    let level: Alert = def.level;
    if (level === 'urgent' && (doc.settled || RESOLVED_AFTER.test(text.slice(se, hit.ce)))) {
      doc.discounted.push([ss, se]);
      continue;
    }
    if (level === 'urgent' && fam.escalate && anyAffirmed(doc, fam.escalate)) level = 'emergency';
    if (level === 'emergency') {
      const recent =
        !def.noRecentDowngrade &&
        testOnce(RECENT_PAST, clause) &&
        !testOnce(PRESENT_STRONG, clause) &&
        !testOnce(ONGOING, clause);
      if (recent || (fam.downgrade !== undefined && fam.downgrade.test(clause))) {
        level = 'urgent';
      }
    }
    if (level === 'urgent') doc.discounted.push([ss, se]);
    if (best === undefined || RANK[level] > RANK[best.level]) {
      best = { level, code: def.code, match: originalFragment(doc, ss, se), at: ss };
      if (level === 'emergency') break;
    }
  }
  return best;
}

/** Rules that need two facts in one message (pregnancy + bleeding, stiff neck + fever). */
function combinations(doc: Doc): Found[] {
  const out: Found[] = [];
  const preg = firstLive(doc, PREGNANCY_RE);
  // preeclampsia does not end at delivery: red flags (headache, spots, swelling) or 160/110 after a birth
  const postpartum = preg ? undefined : firstLive(doc, POSTPARTUM_RE);
  if (postpartum) {
    const flag = firstLive(doc, PREGNANCY_RED_FLAGS_RE);
    if (flag) out.push({ level: 'emergency', code: 'pregnancy-warning', match: originalFragment(doc, flag.s, flag.e), at: flag.s });
  }
  if (preg || postpartum) {
    const bp = firstLive(doc, BP_READING_RE);
    if (bp) {
      const m = BP_READING_RE.exec(doc.norm.text.slice(bp.s, bp.e));
      const sys = Number(m?.[1]);
      const dia = Number(m?.[2]);
      if (sys > dia && (sys >= 160 || dia >= 110)) {
        out.push({ level: 'emergency', code: 'pregnancy-warning', match: originalFragment(doc, bp.s, bp.e), at: bp.s });
      }
    }
  }
  if (preg) {
    const flag = firstLive(doc, PREGNANCY_RED_FLAGS_RE);
    if (flag)
      out.push({
        level: 'emergency',
        code: 'pregnancy-warning',
        match: originalFragment(doc, flag.s, flag.e),
        at: flag.s,
      });
    const bleed = firstLive(doc, PREGNANCY_BLEEDING_RE);
    if (bleed) {
      const minor = MINOR_BLEEDING.test(doc.norm.text.slice(bleed.cs, bleed.ce));
      out.push({
        level: minor ? 'urgent' : 'emergency',
        code: 'pregnancy-bleeding',
        match: originalFragment(doc, bleed.s, bleed.e),
        at: bleed.s,
      });
    }
  }
  // a child with two independent signs of dehydration (no wet diaper, no tears, sunken eyes, dry mouth), or one and listless
  if (anyAffirmed(doc, DEHYDRATION_CHILD_RE)) {
    const signs = DEHYDRATION_SIGNS_RE.map((re) => firstLive(doc, re)).filter((h): h is Hit => h !== undefined);
    const listless = signs.length === 1 ? firstLive(doc, DEHYDRATION_LISTLESS_RE) : undefined;
    if (signs.length >= 2 || listless) {
      const first = signs[0]!;
      out.push({ level: 'emergency', code: 'severe-dehydration', match: originalFragment(doc, first.s, first.e), at: first.s });
    } else {
      // one sign alone ("cries without tears, is that normal at 3 weeks?") was judged: not for the model to re-weigh
      for (const h of signs) doc.discounted.push([h.s, h.e]);
    }
  }
  const neck = firstLive(doc, STIFF_NECK_RE);
  if (neck && firstLive(doc, FEVER_WORD_RE)) {
    out.push({
      level: 'emergency',
      code: 'fever-stiff-neck',
      match: originalFragment(doc, neck.s, neck.e),
      at: neck.s,
    });
  }
  return out;
}

const RANK: Readonly<Record<Alert, number>> = { emergency: 2, urgent: 1 };

/** The lexicon and context rules over one message: the signals found, and the context (for the model). */
function runRules(text: string, options?: TriageOptions): { doc: Doc; byCode: Map<string, Found>; add: (f: Found) => void } {
  const raw = typeof text === 'string' ? text.slice(0, MAX_CHARS) : '';
  const norm = normalize(raw, SPELLER);
  const breaks: [number, number][] = [];
  for (const b of scan(CLAUSE_BREAK, norm.text)) breaks.push([b.index, b.index + b[0].length]);
  const doc: Doc = {
    norm,
    original: raw,
    breaks,
    words: wordBounds(norm.text),
    discounted: [],
    settled: false,
    quiet: false,
    benign: [],
  };
  const quietCue = anyAffirmed(doc, QUIET_MESSAGE);
  if ((quietCue || anyAffirmed(doc, SETTLED_MESSAGE)) && !anyAffirmed(doc, UNSETTLED_MESSAGE)) {
    doc.settled = true;
    doc.quiet = quietCue;
  }
  // everyday senses of alarming words ("dando pecho" = breastfeeding): neither the rules nor the model read them as symptoms
  for (const m of scan(BENIGN_SENSE, norm.text)) {
    doc.benign.push([m.index, m.index + m[0].length]);
    doc.discounted.push([m.index, m.index + m[0].length]);
  }

  const order = options?.locale?.toLowerCase().startsWith('es') ? ORDER_ES : ORDER_EN;
  const byCode = new Map<string, Found>();
  const add = (f: Found): void => {
    const prev = byCode.get(f.code);
    if (prev === undefined || RANK[f.level] > RANK[prev.level]) byCode.set(f.code, f);
  };
  if (norm.text.length > 0) {
    for (const sig of order) {
      const f = evaluate(doc, sig);
      if (f) add(f);
    }
    for (const fam of FAMILY) {
      const f = evaluateFamily(doc, fam);
      if (f) add(f);
    }
    for (const f of combinations(doc)) add(f);
    // Weeks of medicine left, or a coverage question with a dose still at hand: a refill, not an urgent gap.
    const medOut = byCode.get('time-sensitive-med-out');
    if (
      medOut &&
      (anyAffirmed(doc, MED_PLENTY_RE) || (anyAffirmed(doc, MED_COVERAGE_RE) && !anyAffirmed(doc, MED_NONE_LEFT_RE)))
    ) {
      byCode.delete('time-sensitive-med-out');
    }
    // A racing heart with near-fainting is a possible arrhythmia: an emergency.
    const heart = byCode.get('palpitations') ?? byCode.get('abnormal-heart-rate');
    if (heart && (byCode.has('near-fainting') || anyAffirmed(doc, LIGHTHEADED_RE))) add({ ...heart, level: 'emergency', code: 'cardiac-warning' });
    // Hives or an allergic reaction plus wheezing or faintness is anaphylaxis until proven otherwise.
    // Fever with new confusion (or shock-level blood pressure) is sepsis until proven otherwise.
    const fever = byCode.get('fever') ?? byCode.get('high-fever');
    if (fever && byCode.has('confusion')) add({ ...fever, level: 'emergency', code: 'sepsis-warning' });
    // Fever or chills with a low blood pressure (systolic under 90, "82/45", "presión muy baja"): septic shock.
    if (fever || (CHILLS_RE.test(norm.text) && anyAffirmed(doc, CHILLS_RE))) {
      const low = lowPressure(doc);
      if (low) add({ level: 'emergency', code: 'sepsis-warning', match: originalFragment(doc, low.s, low.e), at: low.s });
    }
    // A crisis-level blood pressure (≥ 200/120) with headache, chest pain, vision or brain signs: hypertensive emergency.
    const bp = byCode.get('abnormal-blood-pressure');
    if (bp && bp.level === 'urgent') {
      const m = /(\d{2,3}) ?(?:\/|over|sobre|entre) ?(\d{2,3})/.exec(normalizeForMatch(bp.match));
      const high = m !== null && (Number(m[1]) >= 200 || Number(m[2]) >= 120);
      if (high && (BP_ORGAN_CODES.some((c) => byCode.has(c)) || anyAffirmed(doc, BP_ORGAN_RE))) {
        add({ ...bp, level: 'emergency', code: 'hypertensive-crisis' });
      }
    }
    // Too much of a medicine and already symptomatic (vomiting, drowsy, slow pulse, confused): poisoning.
    const error = byCode.get('medication-error');
    if (error && (TOXIC_CODES.some((c) => byCode.has(c)) || anyAffirmed(doc, TOXIC_SIGNS_RE))) {
      add({ ...error, level: 'emergency', code: 'overdose' });
    }
    // Several times the insulin dose ("50 unidades en vez de 5"): severe low sugar is coming even if they feel fine now.
    const doseError = DOSE_ERROR_RE.test(norm.text) && anyAffirmed(doc, DOSE_ERROR_RE);
    for (const m of doseError ? scan(INSULIN_MULTIPLE_RE, norm.text) : []) {
      const s = m.index;
      const e = s + m[0].length;
      if (Number(m[2]) > 0 && Number(m[1]) >= 3 * Number(m[2]) && isLive(doc, s, e, undefined)) {
        add({ level: 'emergency', code: 'overdose', match: originalFragment(doc, s, e), at: s });
        break;
      }
    }
    // Severe pain with faintness may be internal bleeding or shock.
    const pain = byCode.get('severe-pain');
    if (pain && byCode.has('near-fainting')) add({ ...pain, level: 'emergency', code: 'pain-with-faintness' });
    const airway = byCode.get('severe-allergic-reaction');
    if (airway && airway.level === 'urgent' && anyAffirmed(doc, ALLERGEN_TRIGGER_RE)) add({ ...airway, level: 'emergency' });
    const allergy = byCode.get('allergic-reaction');
    if (allergy && ['asthma-attack', 'near-fainting', 'dizziness', 'vomiting-dehydration'].some((c) => byCode.has(c))) {
      add({ ...allergy, level: 'emergency', code: 'severe-allergic-reaction' });
    }
  }
  return { doc, byCode, add };
}

/**
 * Classify one patient message.
 *
 * @param text what the patient typed (any length; non-strings are treated as empty)
 * @param options `locale` hint: `'es'` checks the Spanish lexicon first; both are always checked
 * @returns the overall level and every signal that fired (deduplicated by code, emergency first)
 */
export function classifyMessage(text: string, options?: TriageOptions): TriageResult {
  const { doc, byCode, add } = runRules(text, options);
  const { norm, original: raw } = doc;

  // Wording the rules do not know may still read like an emergency: the trained model backs them up
  // (it can only raise the level). Its reason quotes the words that weighed most.
  if (norm.text.length > 0 && ![...byCode.values()].some((f) => f.level === 'emergency')) {
    const verdict = emergencyVerdict(modelView(doc), byCode.size > 0);
    if (verdict.emergency && verdict.span) {
      const [from, to] = verdict.span;
      const match = raw.slice(norm.start[from], norm.end[to - 1]);
      add({ level: 'emergency', code: 'emergency-wording', match, at: norm.start[from]! });
    }
  }

  const found = [...byCode.values()].sort(
    (a, b) => RANK[b.level] - RANK[a.level] || a.at - b.at || (a.code < b.code ? -1 : 1),
  );
  const reasons: TriageReason[] = found.map(({ level, code, match }) => ({ level, code, match }));
  const level: TriageLevel = reasons.some((r) => r.level === 'emergency')
    ? 'emergency'
    : reasons.length > 0
      ? 'urgent'
      : 'routine';
  return { level, reasons };
}

/**
 * What the model reads: the normalised text with the parts the context rules
 * already discount blanked out (same length, so offsets still point into the
 * original): whatever the rules matched and then discounted (negated,
 * guarded, resolved) or judged urgent ("chest is sore from coughing" is the
 * rules' call), negated words ("no chest pain"), and whole clauses that are
 * history, hypotheticals or information requests ("my father had a heart
 * attack in 2010", "how do I know if I'm having a stroke"). A bag of words
 * cannot read negation; the rules can, so the model never has to.
 */
function modelView(doc: Doc): string {
  const text = doc.norm.text;
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let i = from; i < to; i++) out[i] = ' ';
  };
  let clauseStart = 0;
  const clauses: [number, number][] = [];
  for (const [bs, be] of doc.breaks) {
    clauses.push([clauseStart, bs]);
    clauseStart = be;
  }
  clauses.push([clauseStart, text.length]);
  for (const [ds, de] of doc.discounted) blank(ds, de);
  const myth = anyAffirmed(doc, MYTH_QUESTION);
  for (const [cs, ce] of clauses) {
    const clause = text.slice(cs, ce);
    if (
      HISTORY_CUE.test(clause) ||
      HYPOTHETICAL.test(clause) ||
      INFO_CLAUSE.test(clause) ||
      (myth && HEARSAY.test(clause)) ||
      // "ya se me quitó el sangrado después del parto": an episode the message says is over
      (doc.settled && stillStopped(clause))
    ) {
      blank(cs, ce);
      continue;
    }
    for (let w = 0; w < doc.words.length; w += 2) {
      const ws = doc.words[w]!;
      const we = doc.words[w + 1]!;
      if (ws < cs || we > ce) continue;
      // A wider window than the rules use: "no chest pain or shortness of breath" negates the whole list.
      // (Bounded slices: isNegated reads a few words each side, and whole-clause slices per word are quadratic.)
      if (isNegated(text.slice(Math.max(cs, ws - 160), ws), text.slice(we, Math.min(ce, we + 80)), 8)) blank(ws, we);
    }
  }
  return out.join('');
}

/** The text the emergency model scores, for `scripts/train-triage-model.ts` (training must see what runtime sees). */
export function modelViewForTriage(text: string, options?: TriageOptions): { text: string; rules: TriageLevel } {
  const { doc, byCode } = runRules(text, options);
  const found = [...byCode.values()];
  const rules = found.some((f) => f.level === 'emergency') ? 'emergency' : found.length > 0 ? 'urgent' : 'routine';
  return { text: modelView(doc), rules };
}

/** Lowercase, accent-free copy of a matched fragment (for reading the numbers back). */
function normalizeForMatch(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ');
}

/** Normalise text the way the classifier sees it (exposed for debugging and tests). */
export function normalizeForTriage(text: string): string {
  return normalize(typeof text === 'string' ? text.slice(0, MAX_CHARS) : '', SPELLER).text;
}
