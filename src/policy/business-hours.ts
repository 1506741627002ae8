/**
 * Business hours: is the office open, and when will a message be handled?
 *
 * Pure and DOM-free: shared by the widgets, the in-memory mock backend and the
 * reference server. Every calculation happens in the *clinic's* time zone (an
 * IANA name), whatever the time zone of the machine or browser running it, and
 * uses only `Intl` — no date library.
 *
 * Local wall-clock times ("Monday 08:00 in America/Chicago") are turned into
 * instants with {@link zonedTimeToInstant}, which is correct across DST changes:
 * - a wall time that happens twice (fall-back) resolves to its first occurrence;
 * - a wall time that never happens (spring-forward gap) resolves to the first
 *   instant at which the wall clock reads that time or later, i.e. the moment of
 *   the jump (02:30 on 2027-03-14 in Chicago → 03:00 CDT). An office "opening at
 *   02:30" is open from the moment its clock passes 02:30; an interval lying
 *   wholly inside the gap is empty that day.
 */

/** Day of the week, 0 = Sunday … 6 = Saturday (like `Date#getDay`). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/** A local wall-clock time, 24-hour `HH:MM`. `close` may also be `24:00` (end of day). */
export type LocalTime = string;

/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

/** One opening interval on a day of the week: `[open, close)` in local time. */
export interface OpeningInterval {
  day: Weekday;
  open: LocalTime;
  close: LocalTime;
}

/** Regular weekly hours; several intervals per day are allowed (e.g. a lunch break). */
export type WeeklyHours = OpeningInterval[];

/** Everything needed to decide whether the office is open. */
export interface BusinessCalendar {
  /** IANA time zone of the clinic, e.g. `America/Chicago`. */
  timeZone: string;
  hours: WeeklyHours;
  /** Whole local dates on which the office is closed (holidays), `YYYY-MM-DD`. */
  closures: LocalDate[];
}

/**
 * Why the office is (not) open at the moment asked about:
 * - `open`: open now;
 * - `before-hours`: today has regular hours still to come (incl. after a lunch break);
 * - `after-hours`: today had regular hours and they are over;
 * - `weekend`: today's day of the week has no regular hours at all;
 * - `closure`: today is one of the calendar's closure dates.
 */
export type HandlingReason = 'open' | 'after-hours' | 'before-hours' | 'weekend' | 'closure';

export interface HandlingTime {
  officeOpen: boolean;
  /** The instant handling starts: `now` if open, else the next opening instant. */
  handledAt: Date;
  /** `handledAt` as a local date in the clinic's time zone. */
  localDate: LocalDate;
  /** `handledAt` as a local wall-clock time in the clinic's time zone. */
  localTime: LocalTime;
  reason: HandlingReason;
}

/** How far ahead {@link nextHandlingTime} searches for an opening before giving up. */
export const MAX_SEARCH_DAYS = 400;

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------
// Time-zone arithmetic (Intl only)

/** The fields of an instant as seen on a wall clock in some time zone. */
interface ZonedFields {
  year: number;
  month: number; // 1–12
  day: number;
  hour: number; // 0–23
  minute: number;
  second: number;
}

const fieldFormatters = new Map<string, Intl.DateTimeFormat>();

function fieldFormatter(timeZone: string): Intl.DateTimeFormat {
  let fmt = fieldFormatters.get(timeZone);
  if (!fmt) {
    // en-US + gregory + latn so that every part is a plain ASCII integer.
    fmt = new Intl.DateTimeFormat('en-US-u-ca-gregory-nu-latn', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    fieldFormatters.set(timeZone, fmt);
  }
  return fmt;
}

function zonedFields(epochMs: number, timeZone: string): ZonedFields {
  const f: Record<string, number> = {};
  for (const part of fieldFormatter(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') f[part.type] = Number(part.value);
  }
  return {
    year: f['year'] ?? NaN,
    month: f['month'] ?? NaN,
    day: f['day'] ?? NaN,
    // Some older engines print midnight as "24" even with h23.
    hour: (f['hour'] ?? NaN) % 24,
    minute: f['minute'] ?? NaN,
    second: f['second'] ?? NaN,
  };
}

/** The wall-clock reading of an instant, expressed as if that reading were UTC (ms). */
function wallClockMs(epochMs: number, timeZone: string): number {
  const f = zonedFields(epochMs, timeZone);
  const ms = ((epochMs % 1000) + 1000) % 1000;
  return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) + ms;
}

/** UTC offset of `timeZone` at an instant, in ms (e.g. −6 h for CST). */
function offsetAt(epochMs: number, timeZone: string): number {
  return wallClockMs(epochMs, timeZone) - epochMs;
}

/**
 * The instant at which the wall clock in `timeZone` first reads the given local
 * date and time. See the module comment for how DST gaps and overlaps resolve.
 * `minutes` may be 1440 (24:00), meaning the start of the following day.
 */
export function zonedTimeToInstant(year: number, month: number, day: number, minutes: number, timeZone: string): Date {
  const wall = Date.UTC(year, month - 1, day, 0, minutes);
  // Offsets in force half a day either side cover any transition near `wall`
  // (real zones never change offset twice within a day).
  const offsets = new Set([offsetAt(wall - DAY_MS / 2, timeZone), offsetAt(wall + DAY_MS / 2, timeZone)]);
  const exact = [...offsets]
    .map((offset) => wall - offset)
    .filter((t) => wallClockMs(t, timeZone) === wall)
    .sort((a, b) => a - b);
  if (exact[0] !== undefined) return new Date(exact[0]); // earliest: first occurrence in an overlap

  // Gap: the wall clock jumps over `wall`. Binary-search (to the second) for the
  // first instant whose wall-clock reading is at or past it: the transition.
  const bounds = [...offsets].map((offset) => wall - offset);
  let lo = Math.min(...bounds); // wall clock reads before `wall` here
  let hi = Math.max(...bounds); // … and after it here
  while (hi - lo > 1000) {
    const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
    if (wallClockMs(mid, timeZone) >= wall) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

// ---------------------------------------------------------------------------
// Calendar validation and lookup

interface DayInterval {
  open: number; // minutes after local midnight
  close: number; // minutes after local midnight, ≤ 1440
}

interface CompiledCalendar {
  timeZone: string;
  /** Intervals per weekday, sorted by opening time. */
  byDay: DayInterval[][];
  closures: Set<string>;
}

const TIME_RE = /^(\d{2}):(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseTime(value: string, allowEndOfDay: boolean): number {
  const m = TIME_RE.exec(value);
  const h = Number(m?.[1]);
  const min = Number(m?.[2]);
  if (!m || min > 59 || h > 24 || (h === 24 && (min !== 0 || !allowEndOfDay))) {
    throw new Error(
      `Invalid business-hours time "${value}": expected HH:MM (00:00–23:59${allowEndOfDay ? ', or 24:00' : ''}).`,
    );
  }
  return h * 60 + min;
}

function compile(cal: BusinessCalendar): CompiledCalendar {
  try {
    fieldFormatter(cal.timeZone);
  } catch {
    throw new Error(
      `Invalid business-calendar time zone "${cal.timeZone}": expected an IANA name such as America/Chicago.`,
    );
  }
  const byDay: DayInterval[][] = [[], [], [], [], [], [], []];
  for (const { day, open, close } of cal.hours) {
    if (!Number.isInteger(day) || day < 0 || day > 6) {
      throw new Error(`Invalid business-hours day ${String(day)}: expected 0 (Sunday) to 6 (Saturday).`);
    }
    const interval = { open: parseTime(open, false), close: parseTime(close, true) };
    if (interval.close <= interval.open) {
      throw new Error(
        `Invalid business-hours interval ${open}–${close}: close must be later than open on the same day.`,
      );
    }
    byDay[day]!.push(interval);
  }
  for (const list of byDay) list.sort((a, b) => a.open - b.open);
  for (const date of cal.closures) {
    if (!DATE_RE.test(date)) throw new Error(`Invalid closure date "${date}": expected YYYY-MM-DD.`);
  }
  return { timeZone: cal.timeZone, byDay, closures: new Set(cal.closures) };
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** A local calendar day in the clinic's zone, held as a UTC-midnight timestamp for date arithmetic. */
interface LocalDay {
  year: number;
  month: number;
  day: number;
  weekday: Weekday;
  iso: LocalDate;
}

function localDay(utcMidnightMs: number): LocalDay {
  const d = new Date(utcMidnightMs);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth() + 1;
  const day = d.getUTCDate();
  return {
    year,
    month,
    day,
    weekday: d.getUTCDay() as Weekday,
    iso: `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`,
  };
}

function localDayOf(epochMs: number, timeZone: string): LocalDay {
  const f = zonedFields(epochMs, timeZone);
  return localDay(Date.UTC(f.year, f.month - 1, f.day));
}

function addDays(day: LocalDay, n: number): LocalDay {
  return localDay(Date.UTC(day.year, day.month - 1, day.day + n));
}

/** The opening intervals of one local day as instants (empty on closures; empty intervals dropped). */
function intervalsOn(day: LocalDay, cal: CompiledCalendar): Array<{ open: Date; close: Date }> {
  if (cal.closures.has(day.iso)) return [];
  return cal.byDay[day.weekday]!.map((i) => ({
    open: zonedTimeToInstant(day.year, day.month, day.day, i.open, cal.timeZone),
    close: zonedTimeToInstant(day.year, day.month, day.day, i.close, cal.timeZone),
  })).filter((i) => i.close.getTime() > i.open.getTime()); // an interval swallowed by a DST gap
}

/** The interval containing `epochMs`, if any. Every interval lies within its own local day. */
function intervalContaining(epochMs: number, cal: CompiledCalendar): { open: Date; close: Date } | undefined {
  return intervalsOn(localDayOf(epochMs, cal.timeZone), cal).find(
    (i) => i.open.getTime() <= epochMs && epochMs < i.close.getTime(),
  );
}

function formatLocal(epochMs: number, timeZone: string): { localDate: LocalDate; localTime: LocalTime } {
  const f = zonedFields(epochMs, timeZone);
  return {
    localDate: `${String(f.year).padStart(4, '0')}-${pad2(f.month)}-${pad2(f.day)}`,
    localTime: `${pad2(f.hour)}:${pad2(f.minute)}`,
  };
}

// ---------------------------------------------------------------------------
// Public API

/** Whether the office is open at `now` (intervals are half-open: open at `open`, closed at `close`). */
export function isOfficeOpen(now: Date, cal: BusinessCalendar): boolean {
  return intervalContaining(now.getTime(), compile(cal)) !== undefined;
}

/**
 * When a message sent at `now` will start being handled.
 * @throws Error if the calendar is invalid or has no opening within {@link MAX_SEARCH_DAYS} days.
 */
export function nextHandlingTime(now: Date, cal: BusinessCalendar): HandlingTime {
  const compiled = compile(cal);
  const t = now.getTime();
  if (Number.isNaN(t)) throw new Error('nextHandlingTime: `now` is an invalid Date.');
  if (compiled.byDay.every((list) => list.length === 0)) {
    throw new Error('Business calendar has no opening hours at all: no message could ever be handled.');
  }

  if (intervalContaining(t, compiled)) {
    return { officeOpen: true, handledAt: new Date(t), ...formatLocal(t, compiled.timeZone), reason: 'open' };
  }

  const today = localDayOf(t, compiled.timeZone);
  const todays = intervalsOn(today, compiled);
  let reason: HandlingReason;
  if (compiled.closures.has(today.iso)) reason = 'closure';
  else if (compiled.byDay[today.weekday]!.length === 0) reason = 'weekend';
  else if (todays.some((i) => i.open.getTime() > t)) reason = 'before-hours';
  else reason = 'after-hours';

  for (let i = 0; i <= MAX_SEARCH_DAYS; i++) {
    const candidate = intervalsOn(i === 0 ? today : addDays(today, i), compiled).find((iv) => iv.open.getTime() > t);
    if (candidate) {
      const at = candidate.open.getTime();
      return { officeOpen: false, handledAt: new Date(at), ...formatLocal(at, compiled.timeZone), reason };
    }
  }
  throw new Error(
    `Business calendar has no opening in the ${MAX_SEARCH_DAYS} days after ${now.toISOString()} (every day closed?).`,
  );
}

/**
 * The end of the continuous open period containing `now` (adjacent intervals,
 * including ones running past midnight, are joined), or `null` if the office is
 * closed at `now` or does not close within two weeks (open around the clock).
 */
export function openUntil(now: Date, cal: BusinessCalendar): Date | null {
  const compiled = compile(cal);
  let current = intervalContaining(now.getTime(), compiled);
  if (!current) return null;
  for (let hops = 0; hops < 14 * 24; hops++) {
    const next = intervalContaining(current.close.getTime(), compiled);
    if (!next) return current.close;
    current = next;
  }
  return null;
}

// ---------------------------------------------------------------------------
// The sentence a patient reads

/**
 * Bare language tags get this region, because the product serves US clinics:
 * `es` alone would format times the Spain way (24-hour "8:00"), while US Spanish
 * speakers expect "8:00 a.m.". Pass a full tag (`es-MX`, `en-GB`) to override.
 */
const DEFAULT_REGION = 'US';

function resolveLocale(locale: string): Intl.Locale {
  try {
    const tag = new Intl.Locale(locale);
    return tag.region ? tag : new Intl.Locale(tag.language, { region: DEFAULT_REGION });
  } catch {
    return new Intl.Locale('en-US');
  }
}

interface SentenceParts {
  /** "Monday, December 7" (with the year when not the current local year). */
  date: string;
  /** "8:00 AM" */
  time: string;
  /** The hour field as displayed ("8"), for Spanish "la 1:00" vs "las 8:00". */
  hour: string;
  /** "Central Time" */
  zone: string;
}

interface Sentences {
  open(until: SentenceParts | null): string;
  closedToday(at: SentenceParts): string;
  closedLater(at: SentenceParts): string;
}

const SENTENCES: Record<'en' | 'es', Sentences> = {
  en: {
    open: (until) =>
      'The office is open now. Your message will be handled today during business hours' +
      (until ? ` (until ${until.time} ${until.zone}).` : '.'),
    closedToday: (at) => `The office is closed. Your message will be handled today after ${at.time} ${at.zone}.`,
    closedLater: (at) =>
      `The office is closed. Your message will be handled on ${at.date}, after ${at.time} ${at.zone}.`,
  },
  es: {
    open: (until) =>
      'La oficina está abierta ahora. Su mensaje se atenderá hoy durante el horario de atención' +
      (until ? ` (hasta ${article(until)} ${until.time}, ${until.zone}).` : '.'),
    closedToday: (at) =>
      `La oficina está cerrada. Su mensaje se atenderá hoy después de ${article(at)} ${at.time}, ${at.zone}.`,
    closedLater: (at) =>
      `La oficina está cerrada. Su mensaje se atenderá el ${at.date}, después de ${article(at)} ${at.time}, ${at.zone}.`,
  },
};

/** Spanish: "la 1:00" but "las 8:00" / "las 13:00". */
function article(p: SentenceParts): string {
  return p.hour === '1' ? 'la' : 'las';
}

function zoneName(epochMs: number, timeZone: string, locale: Intl.Locale): string {
  // `longGeneric` ("Central Time", not "Central Standard Time") reads right all year;
  // fall back to `long` on engines that predate it.
  for (const timeZoneName of ['longGeneric', 'long'] as const) {
    try {
      const part = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName })
        .formatToParts(epochMs)
        .find((p) => p.type === 'timeZoneName');
      if (part) return part.value;
    } catch {
      // try the next style
    }
  }
  return timeZone;
}

function sentenceParts(epochMs: number, nowMs: number, timeZone: string, locale: Intl.Locale): SentenceParts {
  const sameYear = zonedFields(epochMs, timeZone).year === zonedFields(nowMs, timeZone).year;
  const date = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'long',
    month: 'long',
    day: 'numeric',
    ...(sameYear ? {} : { year: 'numeric' }),
  }).format(epochMs);
  const timeParts = new Intl.DateTimeFormat(locale, { timeZone, hour: 'numeric', minute: '2-digit' }).formatToParts(
    epochMs,
  );
  return {
    date,
    time: timeParts.map((p) => p.value).join(''),
    hour: timeParts.find((p) => p.type === 'hour')?.value ?? '',
    zone: zoneName(epochMs, timeZone, locale),
  };
}

/**
 * The sentence a patient reads about when their message will be handled,
 * always in the clinic's time zone. English and Spanish wording; other
 * languages fall back to English.
 *
 * @param now the moment "today" and "this year" are judged from; defaults to
 *   `result.handledAt` when the office is open, else the current time.
 */
export function describeHandlingTime(
  result: HandlingTime,
  cal: BusinessCalendar,
  locale: 'en' | 'es' | (string & Record<never, never>),
  now: Date = result.officeOpen ? result.handledAt : new Date(),
): string {
  const loc = resolveLocale(locale);
  const lang = loc.language === 'es' ? 'es' : 'en';
  const fmtLocale = lang === loc.language ? loc : new Intl.Locale('en-US');
  const sentences = SENTENCES[lang];
  const { timeZone } = cal;
  const nowMs = now.getTime();
  const at = result.handledAt.getTime();

  if (result.officeOpen) {
    const until = openUntil(result.handledAt, cal);
    return sentences.open(until ? sentenceParts(until.getTime(), nowMs, timeZone, fmtLocale) : null);
  }
  const parts = sentenceParts(at, nowMs, timeZone, fmtLocale);
  return localDayOf(at, timeZone).iso === localDayOf(nowMs, timeZone).iso
    ? sentences.closedToday(parts)
    : sentences.closedLater(parts);
}
