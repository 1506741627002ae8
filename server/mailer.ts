/**
 * Notification e-mail over SMTP with nothing but `node:net` and `node:tls`.
 *
 * One connection per message: greeting → EHLO (HELO fallback) → STARTTLS (or
 * implicit TLS) with certificate verification → AUTH PLAIN/LOGIN, only ever over
 * TLS → MAIL FROM / RCPT TO / DATA → QUIT, each step with its own timeout.
 *
 * What goes out follows the clinic's policy: a new-message e-mail says that
 * there is a secure message and links to the portal — never the subject, body,
 * sender, category or patient name — and a verification e-mail carries the
 * code and says when it expires. A permanent refusal of the recipient calls
 * `markBounced`, so the patient sees the "undelivered" banner and can fix it.
 *
 * The log gets masked addresses and reply codes only: never a body, a code,
 * a password or a full address (servers echo addresses in replies: masked too).
 */
import { randomUUID } from 'node:crypto';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { hostname as osHostname } from 'node:os';
import { connect as tlsConnect, rootCertificates, type TLSSocket } from 'node:tls';
import { domainToASCII } from 'node:url';
import type { Locale } from '../src/api/schemas.js';
import { maskEmail, type NotificationEvent, type Notifier } from '../src/backend/service.js';

// ================================================================ configuration

export interface SmtpTimeouts {
  /** TCP connect and TLS handshake. */
  connectMs: number;
  /** Each reply: greeting, EHLO, STARTTLS, AUTH, MAIL, RCPT, DATA, QUIT. */
  commandMs: number;
  /** The reply after the message body (servers scan it first). */
  dataMs: number;
}

export const DEFAULT_SMTP_TIMEOUTS: SmtpTimeouts = { connectMs: 15_000, commandMs: 60_000, dataMs: 180_000 };

/** Where and how to connect, from `SMTP_URL`. */
export interface SmtpServerConfig {
  host: string;
  port: number;
  /** `smtps:`: TLS from the first byte. Otherwise STARTTLS whenever the server offers it. */
  implicitTls: boolean;
  /** Plaintext is acceptable when STARTTLS is not offered: loopback relays, or `?insecure=1`. */
  plaintextAllowed: boolean;
  /** Set only by `?insecure=1` (logged loudly). */
  insecure: boolean;
  auth: { user: string; pass: string } | undefined;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1']);

/**
 * `smtps://user:pass@host:465` (implicit TLS) or `smtp://user:pass@host:587`
 * (STARTTLS required). Plaintext only to a loopback host or with `?insecure=1`.
 * Errors never repeat the URL (it holds a password).
 */
export function parseSmtpUrl(value: string): SmtpServerConfig {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('SMTP_URL is not a URL: expected smtps://user:pass@host:465 or smtp://user:pass@host:587.');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new Error('SMTP_URL must start with smtps:// or smtp://.');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (!host) throw new Error('SMTP_URL has no host.');
  if (url.pathname && url.pathname !== '/') throw new Error('SMTP_URL must not have a path.');
  for (const key of url.searchParams.keys()) {
    if (key !== 'insecure') throw new Error(`SMTP_URL: unknown parameter "${key}" (only "insecure" is understood).`);
  }
  const insecure = ['1', 'true', 'yes'].includes((url.searchParams.get('insecure') ?? '').toLowerCase());
  const implicitTls = url.protocol === 'smtps:';
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  if (user && !pass) throw new Error('SMTP_URL has a user name but no password.');
  return {
    host,
    port: url.port ? Number(url.port) : implicitTls ? 465 : 587,
    implicitTls,
    plaintextAllowed: !implicitTls && (insecure || LOOPBACK.has(host)),
    insecure: insecure && !implicitTls,
    auth: user ? { user, pass } : undefined,
  };
}

// ================================================================ addresses and headers

export interface Mailbox {
  address: string;
  name?: string | undefined;
}

/** Control characters, including CR and LF: never allowed in anything that reaches a header or a command. */
const CONTROL = /[\u0000-\u001F\u007F\u0085\u2028\u2029]/;

/**
 * A plain `local@domain` address, safe to put in a header and an SMTP command.
 * Refuses CR/LF (header injection), angle brackets, spaces, commas and quotes
 * rather than trying to be clever about RFC 5322 comments and quoted local parts.
 * The domain is converted to its ASCII (punycode) form.
 */
export function checkAddress(address: string): string {
  if (typeof address !== 'string' || CONTROL.test(address))
    throw new SmtpError('invalid address: control characters', { transient: false });
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at);
  const domain = at > 0 ? domainToASCII(address.slice(at + 1)) : '';
  if (
    at < 1 ||
    !domain ||
    local.length > 64 ||
    /[\s<>()[\],;:"\\@]/.test(local) ||
    !/^[a-z0-9.-]+$/i.test(domain) ||
    domain.startsWith('.')
  ) {
    throw new SmtpError('invalid address', { transient: false });
  }
  return `${local}@${domain}`;
}

/** `Clinic Name <portal@clinic.example>` or `portal@clinic.example`, as in `PORTAL_MAIL_FROM`. */
export function parseMailbox(value: string): Mailbox {
  if (CONTROL.test(value)) throw new Error('PORTAL_MAIL_FROM must not contain line breaks or control characters.');
  const match = /^\s*(?:(.*?)\s*<([^<>]+)>|([^<>\s]+))\s*$/.exec(value);
  if (!match)
    throw new Error('PORTAL_MAIL_FROM must be an address, optionally with a name: "Clinic <portal@clinic.example>".');
  const rawName = match[1]?.replace(/^"(.*)"$/, '$1').trim();
  try {
    return { address: checkAddress((match[2] ?? match[3])!.trim()), ...(rawName && { name: rawName }) };
  } catch {
    throw new Error('PORTAL_MAIL_FROM does not hold a valid e-mail address.');
  }
}

const isAscii = (s: string) => /^[\x20-\x7E]*$/.test(s);

/** RFC 2047 encoded words (UTF-8, base64) for non-ASCII header text, never splitting a character. */
function encodeWords(text: string): string[] {
  const words: string[] = [];
  let chunk = '';
  for (const char of text) {
    if (Buffer.byteLength(chunk + char) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += char;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`);
}

function headerText(text: string): string {
  if (CONTROL.test(text))
    throw new SmtpError('header text contains a line break or control character', { transient: false });
  return isAscii(text) && text.length <= 900 ? text : encodeWords(text).join('\r\n ');
}

function formatMailbox(mailbox: Mailbox): string {
  if (!mailbox.name) return mailbox.address;
  if (CONTROL.test(mailbox.name))
    throw new SmtpError('display name contains a control character', { transient: false });
  const name = isAscii(mailbox.name)
    ? `"${mailbox.name.replace(/["\\]/g, '\\$&')}"`
    : encodeWords(mailbox.name).join(' ');
  return `${name} <${mailbox.address}>`;
}

/** `Tue, 01 Dec 2026 16:35:00 +0000` (RFC 5322). */
function rfc5322Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, '+0000');
}

// ================================================================ body encodings

/** Lines joined with CRLF, whatever the input used. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

/** RFC 5321 §4.5.2: a line that starts with "." gets one more, so it cannot end the DATA. */
export function dotStuff(crlfText: string): string {
  return crlfText.replace(/(^|\r\n)\./g, '$1..');
}

/** Quoted-printable (RFC 2045) of UTF-8 text with CRLF lines: ≤ 76 characters a line. */
export function quotedPrintable(crlfText: string): string {
  return crlfText
    .split('\r\n')
    .map((line) => {
      const bytes = Buffer.from(line);
      let out = '';
      let current = '';
      bytes.forEach((byte, i) => {
        const last = i === bytes.length - 1;
        const printable = byte >= 33 && byte <= 126 && byte !== 61; // '=' must be encoded
        const blankInside = (byte === 32 || byte === 9) && !last; // trailing blanks would be stripped in transit
        const leadingDot = byte === 46 && current === '';
        const piece =
          (printable || blankInside) && !leadingDot
            ? String.fromCharCode(byte)
            : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
        if (current.length + piece.length > 75) {
          out += `${current}=\r\n`;
          current = '';
        }
        current += piece;
      });
      return out + current;
    })
    .join('\r\n');
}

export type TransferEncoding = '7bit' | '8bit' | 'quoted-printable';

export interface OutgoingMail {
  from: Mailbox;
  to: string;
  subject: string;
  text: string;
  /** `Content-Language`: one locale, or both for a bilingual body. */
  languages?: Locale[];
}

/**
 * The message as it goes after DATA (before dot-stuffing): headers, a blank
 * line, the body in the given transfer encoding, CRLF line ends throughout.
 */
export function buildMessage(mail: OutgoingMail, encoding: TransferEncoding, date: Date, messageId: string): string {
  const to = checkAddress(mail.to);
  const headers = [
    `From: ${formatMailbox(mail.from)}`,
    `To: ${to}`,
    `Subject: ${headerText(mail.subject)}`,
    `Date: ${rfc5322Date(date)}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Transfer-Encoding: ${encoding}`,
    ...(mail.languages?.length ? [`Content-Language: ${mail.languages.join(', ')}`] : []),
    // RFC 3834: an automatic message; out-of-office replies should not answer it.
    'Auto-Submitted: auto-generated',
  ];
  const body = normalizeNewlines(mail.text);
  return `${headers.join('\r\n')}\r\n\r\n${encoding === 'quoted-printable' ? quotedPrintable(body) : body}\r\n`;
}

// ================================================================ errors and replies

export interface SmtpReply {
  code: number;
  /** RFC 3463 enhanced status code, e.g. `5.1.1`, when the server gives one. */
  enhanced: string | undefined;
  lines: string[];
}

export class SmtpError extends Error {
  override name = 'SmtpError';
  /** The reply that caused it, if any. */
  readonly reply: SmtpReply | undefined;
  /** Worth retrying later (4xx, timeouts, connection trouble). */
  readonly transient: boolean;
  /** The recipient's address is refused for good: the notification bounced. */
  readonly recipientRejected: boolean;

  constructor(message: string, init: { reply?: SmtpReply; transient?: boolean; recipientRejected?: boolean } = {}) {
    super(message);
    this.reply = init.reply;
    this.transient = init.transient ?? (init.reply ? init.reply.code < 500 : true);
    this.recipientRejected = init.recipientRejected ?? false;
  }
}

/** Server text for our log: addresses masked, control characters dropped, short. */
function redact(text: string): string {
  return text
    .replace(/[^\s<>"'@,;:]+@[^\s<>"',;:]+/g, (address) => maskEmail(address))
    .replace(/[\u0000-\u001F\u007F]/g, ' ')
    .slice(0, 160);
}

function describeReply(reply: SmtpReply): string {
  return `${reply.code}${reply.enhanced ? ` ${reply.enhanced}` : ''} ${redact(reply.lines.join(' ').replace(/^\d\.\d{1,3}\.\d{1,3}\s*/, ''))}`.trim();
}

/** Is a 5xx to RCPT TO about this address (not our relay, credentials or the protocol)? */
function rcptRefusesAddress(reply: SmtpReply): boolean {
  if (reply.code < 500) return false;
  const subject = reply.enhanced?.split('.')[1];
  if (subject) return subject === '1' || subject === '2'; // X.1 addressing, X.2 mailbox
  if (/relay|authenticat|not permitted/i.test(reply.lines.join(' '))) return false; // our set-up, not the patient's address
  return reply.code >= 550 && reply.code <= 553;
}

/** Is a 5xx after the body about the recipient (5.1.x / 5.2.x, or it names the address)? */
function dataRefusesRecipient(reply: SmtpReply, recipient: string): boolean {
  if (reply.code < 500) return false;
  const subject = reply.enhanced?.split('.')[1];
  return subject === '1' || subject === '2' || reply.lines.join(' ').toLowerCase().includes(recipient.toLowerCase());
}

const MAX_LINE = 4096;
const MAX_REPLY_LINES = 200;

/** One SMTP conversation: reads replies (multi-line aware) and writes commands, with timeouts. */
class SmtpConnection {
  #socket: Socket | TLSSocket;
  #buffer = Buffer.alloc(0);
  #partial: string[] = [];
  #replies: SmtpReply[] = [];
  #failure: Error | undefined;
  #waiter: { resolve: (reply: SmtpReply) => void; reject: (error: Error) => void } | undefined;
  secure: boolean;

  private constructor(socket: Socket | TLSSocket, secure: boolean) {
    this.#socket = socket;
    this.secure = secure;
    this.#attach(socket);
  }

  static async open(
    config: SmtpServerConfig,
    ca: string | Buffer | undefined,
    timeoutMs: number,
  ): Promise<SmtpConnection> {
    const socket = config.implicitTls
      ? tlsConnect({ port: config.port, ...tlsOptions(config.host, ca) })
      : netConnect({ host: config.host, port: config.port });
    await settle(socket, config.implicitTls ? 'secureConnect' : 'connect', timeoutMs, 'connect');
    return new SmtpConnection(socket, config.implicitTls);
  }

  get localAddress(): string | undefined {
    return this.#socket.localAddress;
  }

  #attach(socket: Socket) {
    socket.on('data', this.#onData);
    socket.on('error', this.#onError);
    socket.on('close', this.#onClose);
  }

  #detach(socket: Socket) {
    socket.off('data', this.#onData);
    socket.off('error', this.#onError);
    socket.off('close', this.#onClose);
  }

  #onData = (chunk: Buffer) => {
    this.#buffer = Buffer.concat([this.#buffer, chunk]);
    let newline: number;
    while ((newline = this.#buffer.indexOf(10)) !== -1) {
      const line = this.#buffer.subarray(0, newline).toString('utf8').replace(/\r$/, '');
      this.#buffer = this.#buffer.subarray(newline + 1);
      this.#line(line);
      if (this.#failure) return;
    }
    if (this.#buffer.length > MAX_LINE) this.#fail(new SmtpError('protocol error: reply line too long'));
  };

  #onError = (error: Error) =>
    this.#fail(new SmtpError(`connection error: ${(error as NodeJS.ErrnoException).code ?? error.message}`));
  #onClose = () => this.#fail(new SmtpError('connection closed by the server'));

  #line(line: string) {
    const match = /^(\d{3})([ -]|$)(.*)$/.exec(line);
    if (!match || line.length > MAX_LINE || this.#partial.length >= MAX_REPLY_LINES) {
      this.#fail(new SmtpError('protocol error: malformed reply'));
      return;
    }
    this.#partial.push(match[3]!);
    if (match[2] === '-') return;
    const code = Number(match[1]);
    const enhanced = new RegExp(`^(${match[1]![0]}\\.\\d{1,3}\\.\\d{1,3})(?:\\s|$)`).exec(this.#partial[0]!)?.[1];
    const reply: SmtpReply = { code, enhanced, lines: this.#partial };
    this.#partial = [];
    if (this.#waiter) {
      const { resolve } = this.#waiter;
      this.#waiter = undefined;
      resolve(reply);
    } else {
      this.#replies.push(reply);
    }
  }

  #fail(error: Error) {
    this.#failure ??= error;
    this.#socket.destroy();
    if (this.#waiter) {
      const { reject } = this.#waiter;
      this.#waiter = undefined;
      reject(this.#failure);
    }
  }

  /** The next complete reply, or a transient error after `timeoutMs`. */
  read(timeoutMs: number, step: string): Promise<SmtpReply> {
    const queued = this.#replies.shift();
    if (queued) return Promise.resolve(queued);
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.#fail(new SmtpError(`timed out waiting for the reply to ${step}`)),
        timeoutMs,
      );
      this.#waiter = {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
    });
  }

  write(data: string): void {
    if (this.#failure) throw this.#failure;
    this.#socket.write(data);
  }

  /** Send one command line and read its reply. `step` names it in errors (never the arguments). */
  async command(line: string, timeoutMs: number, step: string): Promise<SmtpReply> {
    if (/[\r\n]/.test(line)) throw new SmtpError('refusing a command with a line break', { transient: false });
    this.write(`${line}\r\n`);
    return this.read(timeoutMs, step);
  }

  /** After `220` to STARTTLS: the same socket, now TLS with a verified certificate. */
  async upgrade(host: string, ca: string | Buffer | undefined, timeoutMs: number): Promise<void> {
    // Anything the server sent after its 220 was sent in clear and could be injected: refuse it.
    if (this.#buffer.length || this.#replies.length || this.#partial.length)
      throw new SmtpError('protocol error: data after the STARTTLS reply');
    const plain = this.#socket;
    this.#detach(plain);
    plain.on('error', () => undefined); // errors surface on the TLS socket
    const secure = tlsConnect({ socket: plain, ...tlsOptions(host, ca) });
    this.#socket = secure; // so a failure below destroys the right socket
    try {
      await settle(secure, 'secureConnect', timeoutMs, 'TLS handshake');
    } catch (error) {
      this.#failure ??= error as Error;
      throw error;
    }
    this.#attach(secure); // data waits in the stream until a listener is attached
    this.secure = true;
  }

  /** Polite goodbye; failures here do not matter (the message is already accepted or refused). */
  async quit(timeoutMs: number): Promise<void> {
    try {
      if (!this.#failure) await this.command('QUIT', Math.min(timeoutMs, 5000), 'QUIT');
    } catch {
      // ignore
    } finally {
      this.close();
    }
  }

  close(): void {
    this.#failure ??= new SmtpError('connection closed');
    this.#socket.destroy();
  }
}

function tlsOptions(host: string, ca: string | Buffer | undefined) {
  return {
    host,
    ...(isIP(host) === 0 && { servername: host }), // SNI takes names only; IPs are checked against the certificate's IP SANs
    ...(ca && { ca: [...rootCertificates, ca.toString()] }),
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2' as const,
  };
}

/** Wait for `event` on a fresh socket; destroy it on error or timeout. */
function settle(socket: Socket, event: 'connect' | 'secureConnect', timeoutMs: number, step: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new SmtpError(`${step} timed out`)), timeoutMs);
    const onError = (error: NodeJS.ErrnoException) =>
      done(new SmtpError(`${step} failed: ${error.code ?? error.message}`));
    const onClose = () => done(new SmtpError(`${step} failed: connection closed`));
    const onEvent = () => done();
    function done(error?: Error) {
      clearTimeout(timer);
      socket.off('error', onError);
      socket.off('close', onClose);
      socket.off(event, onEvent);
      if (error) {
        socket.on('error', () => undefined);
        socket.destroy();
        reject(error);
      } else resolve();
    }
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.once(event, onEvent);
  });
}

function expect(reply: SmtpReply, ok: number[], step: string): SmtpReply {
  if (!ok.includes(reply.code)) throw new SmtpError(`${step} refused: ${describeReply(reply)}`, { reply });
  return reply;
}

/** EHLO keywords (upper case) → parameters. Empty after a HELO fallback. */
type Extensions = Map<string, string[]>;

// ================================================================ sending

export interface SendOptions {
  /** Extra CA (PEM) to trust besides the system ones: a private relay, or the tests. */
  ca?: string | Buffer | undefined;
  timeouts?: Partial<SmtpTimeouts>;
  /** EHLO name. Default: this host's name when it is a dotted domain, else its address literal. */
  heloName?: string;
  clock?: () => Date;
}

export interface SendResult {
  messageId: string;
  encoding: TransferEncoding;
}

/** Sends one message on its own connection. Throws `SmtpError` (see `transient`/`recipientRejected`). */
export async function sendMail(
  config: SmtpServerConfig,
  mail: OutgoingMail,
  options: SendOptions = {},
): Promise<SendResult> {
  const timeouts = { ...DEFAULT_SMTP_TIMEOUTS, ...options.timeouts };
  // Everything that reaches a header or command is checked before we connect.
  const to = checkAddress(mail.to);
  const from = { ...mail.from, address: checkAddress(mail.from.address) };
  headerText(mail.subject);
  formatMailbox(from);
  const messageId = `<${randomUUID()}@${from.address.slice(from.address.lastIndexOf('@') + 1)}>`;
  const date = (options.clock ?? (() => new Date()))();

  const conn = await SmtpConnection.open(config, options.ca, timeouts.connectMs);
  try {
    expect(await conn.read(timeouts.commandMs, 'the greeting'), [220], 'greeting');
    const helo = options.heloName ?? defaultHeloName(conn.localAddress);
    let ext = await hello(conn, helo, timeouts.commandMs);

    if (!conn.secure) {
      if (ext.has('STARTTLS')) {
        expect(await conn.command('STARTTLS', timeouts.commandMs, 'STARTTLS'), [220], 'STARTTLS');
        await conn.upgrade(config.host, options.ca, timeouts.connectMs);
        ext = await hello(conn, helo, timeouts.commandMs); // capabilities from before TLS are forgotten (RFC 3207)
      } else if (!config.plaintextAllowed) {
        throw new SmtpError('the server does not offer STARTTLS: refusing to send without TLS', { transient: false });
      }
    }

    if (config.auth) {
      // Never a password in clear, whatever the URL or the server says.
      if (!conn.secure) throw new SmtpError('refusing to authenticate without TLS', { transient: false });
      await authenticate(conn, ext, config.auth, timeouts.commandMs);
    }

    const utf8Address = !isAscii(to) || !isAscii(from.address);
    if (utf8Address && !ext.has('SMTPUTF8'))
      throw new SmtpError('the server cannot take a non-ASCII address (no SMTPUTF8)', { transient: false });
    const ascii = isAscii(normalizeNewlines(mail.text).replace(/\r\n/g, ''));
    const longLine = normalizeNewlines(mail.text)
      .split('\r\n')
      .some((l) => Buffer.byteLength(l) > 900);
    const encoding: TransferEncoding = longLine
      ? 'quoted-printable'
      : ascii
        ? '7bit'
        : ext.has('8BITMIME')
          ? '8bit'
          : 'quoted-printable';
    const data = `${dotStuff(buildMessage({ ...mail, from, to }, encoding, date, messageId))}.\r\n`;

    const params = [
      ...(encoding === '8bit' ? ['BODY=8BITMIME'] : []),
      ...(utf8Address ? ['SMTPUTF8'] : []),
      ...(ext.has('SIZE') ? [`SIZE=${Buffer.byteLength(data)}`] : []),
    ];
    expect(
      await conn.command(
        `MAIL FROM:<${from.address}>${params.map((p) => ` ${p}`).join('')}`,
        timeouts.commandMs,
        'MAIL FROM',
      ),
      [250],
      'MAIL FROM',
    );

    const rcpt = await conn.command(`RCPT TO:<${to}>`, timeouts.commandMs, 'RCPT TO');
    if (rcpt.code !== 250 && rcpt.code !== 251) {
      throw new SmtpError(`recipient ${maskEmail(to)} refused: ${describeReply(rcpt)}`, {
        reply: rcpt,
        recipientRejected: rcptRefusesAddress(rcpt),
      });
    }

    expect(await conn.command('DATA', timeouts.commandMs, 'DATA'), [354], 'DATA');
    conn.write(data);
    const accepted = await conn.read(timeouts.dataMs, 'the message');
    if (accepted.code !== 250) {
      throw new SmtpError(`message to ${maskEmail(to)} refused: ${describeReply(accepted)}`, {
        reply: accepted,
        recipientRejected: dataRefusesRecipient(accepted, to),
      });
    }
    await conn.quit(timeouts.commandMs);
    return { messageId, encoding };
  } catch (error) {
    await conn.quit(timeouts.commandMs);
    throw error;
  }
}

async function hello(conn: SmtpConnection, name: string, timeoutMs: number): Promise<Extensions> {
  const ehlo = await conn.command(`EHLO ${name}`, timeoutMs, 'EHLO');
  if (ehlo.code === 250) {
    const ext: Extensions = new Map();
    for (const line of ehlo.lines.slice(1)) {
      const [keyword = '', ...params] = line.trim().split(/[\s=]+/);
      if (keyword)
        ext.set(
          keyword.toUpperCase(),
          params.map((p) => p.toUpperCase()),
        );
    }
    return ext;
  }
  // An old server without ESMTP: HELO, and no extensions (so no STARTTLS, no AUTH).
  if (![500, 501, 502, 504, 550].includes(ehlo.code)) expect(ehlo, [250], 'EHLO');
  expect(await conn.command(`HELO ${name}`, timeoutMs, 'HELO'), [250], 'HELO');
  return new Map();
}

async function authenticate(
  conn: SmtpConnection,
  ext: Extensions,
  auth: { user: string; pass: string },
  timeoutMs: number,
) {
  const mechanisms = ext.get('AUTH') ?? [];
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
  // Errors name the step only: the lines sent carry the credentials.
  if (mechanisms.includes('PLAIN')) {
    expect(
      await conn.command(`AUTH PLAIN ${b64(`\0${auth.user}\0${auth.pass}`)}`, timeoutMs, 'AUTH'),
      [235],
      'AUTH PLAIN',
    );
  } else if (mechanisms.includes('LOGIN')) {
    expect(await conn.command('AUTH LOGIN', timeoutMs, 'AUTH'), [334], 'AUTH LOGIN');
    expect(await conn.command(b64(auth.user), timeoutMs, 'AUTH'), [334], 'AUTH LOGIN');
    expect(await conn.command(b64(auth.pass), timeoutMs, 'AUTH'), [235], 'AUTH LOGIN');
  } else {
    throw new SmtpError('the server offers neither AUTH PLAIN nor AUTH LOGIN', { transient: false });
  }
}

function defaultHeloName(localAddress: string | undefined): string {
  const name = osHostname();
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(name)) return name;
  if (!localAddress) return '[127.0.0.1]';
  const v4 = localAddress.replace(/^::ffff:/, '');
  return isIP(v4) === 4 ? `[${v4}]` : `[IPv6:${localAddress}]`;
}

// ================================================================ notification content

export interface MailContent {
  subject: string;
  text: string;
  languages: Locale[];
}

const NEW_MESSAGE: Record<Locale, { subject: string; text: (link: string) => string }> = {
  en: {
    subject: 'You have a new secure message',
    text: (link) =>
      [
        'You have a new secure message in your patient portal.',
        '',
        'To read it, sign in to the portal:',
        link,
        '',
        'For your privacy, this e-mail does not contain the message.',
        'Please do not reply to this e-mail.',
      ].join('\n'),
  },
  es: {
    subject: 'Tiene un mensaje seguro nuevo',
    text: (link) =>
      [
        'Tiene un mensaje seguro nuevo en su portal del paciente.',
        '',
        'Para leerlo, inicie sesión en el portal:',
        link,
        '',
        'Por su privacidad, este correo no incluye el mensaje.',
        'Por favor, no responda a este correo.',
      ].join('\n'),
  },
};

const VERIFICATION: Record<Locale, { subject: string; text: (code: string, minutes: number) => string }> = {
  en: {
    subject: 'Your verification code',
    text: (code, minutes) =>
      [
        'Your code to confirm this e-mail address for the patient portal:',
        '',
        `    ${code}`,
        '',
        `It expires in ${minutes} minutes.`,
        'If you did not ask for it, ignore this e-mail: the address will not be added.',
      ].join('\n'),
  },
  es: {
    subject: 'Su código de verificación',
    text: (code, minutes) =>
      [
        'Su código para confirmar esta dirección de correo en el portal del paciente:',
        '',
        `    ${code}`,
        '',
        `Caduca en ${minutes} minutos.`,
        'Si no lo solicitó, ignore este correo: la dirección no se añadirá.',
      ].join('\n'),
  },
};

/** The link must be an absolute http(s) URL: a relative one is useless in a mail client. */
function checkLink(link: string): string {
  let url: URL | undefined;
  try {
    url = new URL(link);
  } catch {
    url = undefined;
  }
  if (!url || !['https:', 'http:'].includes(url.protocol) || /[\s\u0000-\u001F\u007F]/.test(link)) {
    throw new SmtpError('the portal link is not an absolute http(s) URL: set PORTAL_PUBLIC_URL', { transient: false });
  }
  return url.href;
}

/**
 * What a notification says, in the patient's language or in both. By design it
 * can only ever contain the link or the code: the event carries nothing else.
 */
export function notificationContent(
  event: NotificationEvent,
  language: Locale | undefined,
  codeTtlSeconds: number,
): MailContent {
  const languages: Locale[] = language ? [language] : ['en', 'es'];
  const parts = languages.map((l) =>
    event.kind === 'new-message'
      ? { subject: NEW_MESSAGE[l].subject, text: NEW_MESSAGE[l].text(checkLink(event.link)) }
      : {
          subject: VERIFICATION[l].subject,
          text: VERIFICATION[l].text(event.code, Math.max(1, Math.round(codeTtlSeconds / 60))),
        },
  );
  return {
    subject: parts.map((p) => p.subject).join(' / '),
    text: parts.map((p) => p.text).join('\n\n- - -\n\n'),
    languages,
  };
}

// ================================================================ the notifier

export interface SmtpNotifierOptions extends SendOptions {
  /** `SMTP_URL`, or an already parsed configuration. */
  url: string | SmtpServerConfig;
  /** `PORTAL_MAIL_FROM`: `Clinic <portal@clinic.example>` or a bare address. */
  from: string | Mailbox;
  /** Operational log (masked addresses and reply codes only). */
  log?: (line: string) => void;
  /** The patient's saved language; undefined (or a failure) → a bilingual e-mail. */
  languageOf?: (patientId: string) => Promise<Locale | undefined>;
  /** Called when the server refuses the recipient for good (the backend's `markEmailBounced`). */
  markBounced?: (patientId: string, address: string) => Promise<void>;
  /** How long a verification code lasts, for the e-mail's wording. Default 1800 s. */
  codeTtlSeconds?: number;
}

/** A `Notifier` that sends real e-mail. Configuration errors throw here, at start-up. */
export function createSmtpNotifier(options: SmtpNotifierOptions): Notifier {
  const config = typeof options.url === 'string' ? parseSmtpUrl(options.url) : options.url;
  const from =
    typeof options.from === 'string'
      ? parseMailbox(options.from)
      : { ...options.from, address: checkAddress(options.from.address) };
  const log = options.log ?? (() => undefined);
  if (config.insecure) {
    log('WARNING ************************************************************');
    log(`WARNING SMTP_URL has insecure=1: if ${config.host} does not offer STARTTLS, notification e-mail`);
    log('WARNING (and any verification code) crosses the network UNENCRYPTED. Use this only for testing.');
    log('WARNING ************************************************************');
  }
  return {
    async notify(event: NotificationEvent) {
      const masked = maskEmail(event.to);
      let language: Locale | undefined;
      try {
        language = await options.languageOf?.(event.patientId);
      } catch {
        language = undefined; // fall back to both languages rather than not notifying
      }
      const content = notificationContent(event, language, options.codeTtlSeconds ?? 1800);
      try {
        await sendMail(config, { from, to: event.to, ...content }, options);
        log(`mail: ${event.kind} sent to ${masked}`);
      } catch (error) {
        if (error instanceof SmtpError && error.recipientRejected) {
          log(
            `mail: ${event.kind} to ${masked} refused permanently (${error.reply ? describeReply(error.reply) : 'no reply'}): marking the address bounced`,
          );
          try {
            await options.markBounced?.(event.patientId, event.to);
          } catch (markError) {
            log(
              `mail: could not mark ${masked} as bounced: ${markError instanceof Error ? markError.message : String(markError)}`,
            );
          }
        }
        throw error;
      }
    },
  };
}
