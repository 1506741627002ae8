/**
 * Dates for the inbox, through Intl and in the clinic's time zone. Formatters
 * are cached per locale and zone: building an `Intl.DateTimeFormat` costs far
 * more than using one, and a list row formats two dates on every render.
 */

const cache = new Map<string, Intl.DateTimeFormat | Intl.RelativeTimeFormat | Intl.NumberFormat>();

function dateFormat(locale: string, timeZone: string | undefined, kind: 'exact' | 'short' | 'shortYear' | 'message' | 'year') {
  const key = `d|${locale}|${timeZone ?? ''}|${kind}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    const zone = safeZone(timeZone);
    const options: Record<typeof kind, Intl.DateTimeFormatOptions> = {
      exact: {
        weekday: 'long', year: 'numeric', month: 'long', day: 'numeric',
        hour: 'numeric', minute: '2-digit', timeZoneName: 'short',
      },
      message: { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' },
      short: { month: 'short', day: 'numeric' },
      shortYear: { year: 'numeric', month: 'short', day: 'numeric' },
      year: { year: 'numeric' },
    };
    format = new Intl.DateTimeFormat(locale, { ...options[kind], ...(zone ? { timeZone: zone } : {}) });
    cache.set(key, format);
  }
  return format;
}

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  const key = `r|${locale}`;
  let format = cache.get(key) as Intl.RelativeTimeFormat | undefined;
  if (!format) {
    format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
    cache.set(key, format);
  }
  return format;
}

const zones = new Map<string, string | undefined>();

/** A zone Intl accepts, or undefined (the device's) — a bad clinic config must not break rendering. */
function safeZone(timeZone: string | undefined): string | undefined {
  if (!timeZone) return undefined;
  if (!zones.has(timeZone)) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      zones.set(timeZone, timeZone);
    } catch {
      zones.set(timeZone, undefined);
    }
  }
  return zones.get(timeZone);
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "just now", "5 minutes ago", "3 hours ago", "yesterday", "4 days ago", then a
 * short date ("Nov 3", or "Nov 3, 2025" in another year). `justNow` is the
 * localized word for the first minute.
 */
export function relativeTime(
  iso: string,
  now: number,
  locale: string,
  timeZone: string | undefined,
  justNow: string,
): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const diff = now - then;
  // Clock skew between server and device: a few minutes "in the future" is still "just now".
  if (diff < MINUTE && diff > -5 * MINUTE) return justNow;
  const rtf = relativeFormat(locale);
  if (diff > 0 && diff < HOUR) return rtf.format(-Math.floor(diff / MINUTE), 'minute');
  if (diff > 0 && diff < DAY) return rtf.format(-Math.floor(diff / HOUR), 'hour');
  if (diff > 0 && diff < 7 * DAY) return rtf.format(-Math.floor(diff / DAY), 'day');
  const year = dateFormat(locale, timeZone, 'year');
  const sameYear = year.format(then) === year.format(now);
  return dateFormat(locale, timeZone, sameYear ? 'short' : 'shortYear').format(then);
}

/** "Tuesday, December 1, 2026 at 3:04 PM CST": for tooltips and screen readers. */
export function exactTime(iso: string, locale: string, timeZone: string | undefined): string {
  const then = Date.parse(iso);
  return Number.isNaN(then) ? '' : dateFormat(locale, timeZone, 'exact').format(then);
}

/** "Dec 1, 2026, 3:04 PM CST": shown on each message. */
export function messageTime(iso: string, locale: string, timeZone: string | undefined): string {
  const then = Date.parse(iso);
  return Number.isNaN(then) ? '' : dateFormat(locale, timeZone, 'message').format(then);
}

/** "10,000" / "10.000": a count in the patient's language (one cached formatter per locale). */
export function formatCount(value: number, locale: string): string {
  const key = `n|${locale}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(locale);
    cache.set(key, format);
  }
  return format.format(value);
}

/** "120 KB", "2.4 MB": the compose kit's formatter, so sizes read the same everywhere. */
export { formatBytes as fileSize } from '../../internal/compose-kit/attachment-picker.js';
