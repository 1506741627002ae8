/**
 * Untrusted text (message bodies, subjects, names, filenames) rendered safely.
 *
 * - Text only ever becomes Lit text nodes; nothing is parsed as HTML, and
 *   entities like `&#x09;` stay literally what they are.
 * - Invisible characters that can reorder or hide text are removed for display:
 *   bidi embeddings/overrides/isolates (a "gpj.exe" filename shown as
 *   "exe.jpg", a name that flips the role printed after it), zero-width
 *   characters, byte-order marks, blank "filler" letters and C0/C1 controls.
 *   A zero-width joiner survives only inside emoji sequences, where it is
 *   harmless and meaningful.
 * - Runs of combining marks are capped, so "Zalgo" text cannot paint over the
 *   lines around it.
 * - Links are made clickable only for plain ASCII `http://` / `https://` URLs
 *   that parse, carry no credentials, and then only where the caller asks
 *   (staff messages). Everything else — `javascript:`, `data:`, look-alike or
 *   full-width schemes — stays inert text.
 * - Names and filenames are wrapped in `<bdi>` so right-to-left text cannot
 *   pull the surrounding words (", physician") into its own direction.
 */
import { html, type TemplateResult } from 'lit';

/**
 * Removed everywhere: C0/C1 controls except tab and newline, soft hyphen,
 * Arabic letter mark, Hangul/Khmer/Mongolian fillers, LRM/RLM, zero-width
 * space/non-joiner, bidi embeddings + overrides (U+202A–U+202E), invisible
 * operators, isolates (U+2066–U+2069), deprecated format chars, BOM, and the
 * interlinear annotation controls.
 */
const INVISIBLE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\u3164\uFEFF\uFFA0\uFFF9-\uFFFB]/g;
/** Tag characters and supplementary variation selectors: invisible, and used to smuggle hidden text. */
const INVISIBLE_ASTRAL = /[\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]/gu;
/** A zero-width joiner is kept only between two emoji (👩‍⚕️); anywhere else it can hide text. */
const STRAY_ZWJ = /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}\uFE0F])\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
/** More than four stacked combining marks on one letter is never real writing. */
const MARK_RUN = /(\p{M}{4})\p{M}+/gu;

/** Text safe to display: invisible and direction-changing characters removed, newlines normalised. */
export function cleanText(value: string | null | undefined): string {
  if (!value) return '';
  return value
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(INVISIBLE, '')
    .replace(INVISIBLE_ASTRAL, '')
    .replace(STRAY_ZWJ, '')
    .replace(MARK_RUN, '$1');
}

/** One line of safe text (subjects, names, filenames): whitespace runs collapse to one space. */
export function cleanLine(value: string | null | undefined): string {
  return cleanText(value).replace(/\s+/g, ' ').trim();
}

/** A filename for the `download` attribute: one clean line, no path separators. */
export function safeFilename(value: string | null | undefined, fallback = 'attachment'): string {
  const name = cleanLine(value).replace(/[\\/:*?"<>|]/g, '_').replace(/^\.+/, '');
  return name || fallback;
}

/**
 * The link target for a candidate URL, or null when it must stay text: only
 * `http:`/`https:` (checked on the parsed URL, not the raw string), a real
 * host, and no `user:password@` part (a classic "https://bank.com@evil.example").
 */
export function safeHttpUrl(candidate: string): URL | null {
  // ASCII scheme only: no case folding, so "httpſ://" (long s) or full-width letters never qualify.
  if (!/^[hH][tT][tT][pP][sS]?:\/\//.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname || url.username || url.password) return null;
  return url;
}

/** A piece of displayable text, with `href` when it is a link. */
export interface TextPart {
  text: string;
  href?: string;
}

/** Candidate URLs: an ASCII http(s) scheme at a word start, up to whitespace or an angle/quote character. */
const URL_CANDIDATE = /(?<![\p{L}\p{N}_])[hH][tT][tT][pP][sS]?:\/\/[^\s<>"'`\u00A0\u2000-\u200A\u3000]+/gu;
const TRAILING_PUNCTUATION = /[.,;:!?'"»”’]$/;

/** Trim sentence punctuation a URL is unlikely to end with; keep a `)` that closes a `(` inside it. */
function trimUrl(candidate: string): string {
  let url = candidate;
  for (;;) {
    if (TRAILING_PUNCTUATION.test(url)) {
      url = url.slice(0, -1);
      continue;
    }
    const last = url.at(-1);
    const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
    const open = last ? pairs[last] : undefined;
    if (open && count(url, last!) > count(url, open)) {
      url = url.slice(0, -1);
      continue;
    }
    return url;
  }
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n++;
  return n;
}

/** Split clean text into plain parts and, when `linkify`, safe http(s) links. Pure, for tests. */
export function textParts(value: string | null | undefined, options: { linkify?: boolean } = {}): TextPart[] {
  const text = cleanText(value);
  if (!options.linkify) return text ? [{ text }] : [];
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const candidate = trimUrl(match[0]);
    const url = safeHttpUrl(candidate);
    if (!url) continue;
    const start = match.index;
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: candidate, href: url.href });
    last = start + candidate.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/**
 * Untrusted text as Lit text nodes; with `linkify`, safe http(s) URLs become
 * links that open in a new tab without giving that tab a handle on this page.
 * The link's tooltip shows the parsed address (an internationalised host
 * appears in its `xn--` form, exposing look-alike letters).
 */
export function renderText(
  value: string | null | undefined,
  options: { linkify?: boolean; newTabLabel?: string } = {},
): Array<TemplateResult | string> {
  return textParts(value, options).map((part) =>
    part.href
      ? html`<a href=${part.href} rel="noopener noreferrer" target="_blank" title=${part.href}
          >${part.text}${options.newTabLabel
            ? html`<span class="visually-hidden"> ${options.newTabLabel}</span>`
            : ''}</a
        >`
      : part.text,
  );
}

/** A name or filename isolated from the text around it, so its direction cannot leak. */
export function isolate(value: string | null | undefined): TemplateResult {
  return html`<bdi>${cleanLine(value)}</bdi>`;
}

/**
 * An href from the embedding page (an attribute such as `compose-href`): only
 * relative URLs or absolute http(s) ones, never `javascript:` / `data:`.
 */
export function safeLinkHref(href: string | null | undefined): string | undefined {
  const value = href?.trim();
  if (!value) return undefined;
  try {
    const url = new URL(value, document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? value : undefined;
  } catch {
    return undefined;
  }
}
