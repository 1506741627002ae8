/**
 * The SMTP notifier against a scriptable fake SMTP server on 127.0.0.1 (plain,
 * STARTTLS and implicit TLS — the TLS ones with a throwaway self-signed
 * certificate from `openssl`, skipped when it is missing), and end to end
 * through the real backend: a staff reply → an e-mail with the link and no PHI;
 * 550 on RCPT → the patient's bounce banner; 4xx → no bounce.
 *
 *   node --import tsx --test server/mailer.test.ts
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createServer as createTlsServer, createSecureContext, TLSSocket } from 'node:tls';
import type { NotificationEvent } from '../src/backend/service.js';
import { createApp, type App } from './app.js';
import {
  createSmtpNotifier,
  dotStuff,
  normalizeNewlines,
  notificationContent,
  parseMailbox,
  parseSmtpUrl,
  quotedPrintable,
  sendMail,
  SmtpError,
  type OutgoingMail,
  type SmtpServerConfig,
} from './mailer.js';
import { settingsFromEnv } from './settings.js';
import { Agent, ROUTINE, testDatabaseOptions } from './test-support.js';

// ================================================================ a fake SMTP server

interface Behaviour {
  greeting?: string;
  /** `reject`: 502 to EHLO (the client must fall back to HELO). */
  ehlo?: 'reject';
  starttls?: boolean;
  /** AUTH mechanisms to advertise ('' = none). */
  auth?: string;
  /** Advertise AUTH before TLS too (a careless server: the client must still wait for TLS). */
  authInClear?: boolean;
  eightBitMime?: boolean;
  /** Reply to RCPT TO (may be several CRLF-separated lines). */
  rcpt?: string;
  /** Reply after the message body. */
  afterData?: string;
  /** Never answer this verb ('GREETING' for the banner). */
  hangOn?: string;
}

interface Line {
  from: 'client' | 'server';
  line: string;
  tls: boolean;
}

interface Session {
  transcript: Line[];
  /** Each DATA payload as received (still dot-stuffed), CRLF intact, decoded as UTF-8. */
  data: string[];
}

class FakeSmtp {
  behaviour: Behaviour = {};
  sessions: Session[] = [];
  readonly #server: Server;
  readonly #tls: { key: string; cert: string } | undefined;

  private constructor(server: Server, tls: { key: string; cert: string } | undefined) {
    this.#server = server;
    this.#tls = tls;
  }

  static async start(options: { tls?: { key: string; cert: string }; implicit?: boolean } = {}): Promise<FakeSmtp> {
    const holder: { fake?: FakeSmtp } = {};
    const onSocket = (socket: Socket) => holder.fake!.handle(socket, options.implicit === true);
    const server = options.implicit
      ? createTlsServer({ key: options.tls!.key, cert: options.tls!.cert }, onSocket)
      : createServer(onSocket);
    const fake = (holder.fake = new FakeSmtp(server, options.tls));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  get last(): Session {
    return this.sessions.at(-1)!;
  }

  /** Everything the client sent, in order. */
  clientLines(session = this.last): string[] {
    return session.transcript.filter((l) => l.from === 'client').map((l) => l.line);
  }

  reset(behaviour: Behaviour = {}) {
    this.behaviour = behaviour;
    this.sessions = [];
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.#server.close(() => resolve()));
  }

  handle(socket: Socket, implicitTls: boolean) {
    const b = this.behaviour;
    const session: Session = { transcript: [], data: [] };
    this.sessions.push(session);
    let sock: Socket = socket;
    let secure = implicitTls;
    let buffer = '';
    let inData = false;
    let authLogin = 0;
    sock.on('error', () => undefined);
    const send = (reply: string) => {
      for (const line of reply.split('\r\n')) session.transcript.push({ from: 'server', line, tls: secure });
      sock.write(`${reply}\r\n`);
    };

    const onCommand = (line: string) => {
      session.transcript.push({ from: 'client', line, tls: secure });
      const verb = line.split(' ')[0]!.toUpperCase();
      if (b.hangOn === verb) return;
      if (authLogin === 1) {
        authLogin = 2;
        return send('334 UGFzc3dvcmQ6');
      }
      if (authLogin === 2) {
        authLogin = 0;
        return send('235 2.7.0 Authentication successful');
      }
      switch (verb) {
        case 'EHLO': {
          if (b.ehlo === 'reject') return send('502 5.5.2 Error: command not recognized');
          const ext = ['PIPELINING', 'SIZE 10240000'];
          if (b.starttls && !secure && this.#tls) ext.push('STARTTLS');
          if (b.auth && (secure || b.authInClear)) ext.push(`AUTH ${b.auth}`);
          if (b.eightBitMime !== false) ext.push('8BITMIME');
          return send(
            ['250-fake.example Hello', ...ext.map((e) => `250-${e}`), '250 ENHANCEDSTATUSCODES'].join('\r\n'),
          );
        }
        case 'HELO':
          return send('250 fake.example');
        case 'STARTTLS': {
          send('220 2.0.0 Ready to start TLS');
          sock.removeAllListeners('data');
          const upgraded = new TLSSocket(sock, { isServer: true, secureContext: createSecureContext(this.#tls!) });
          upgraded.on('error', () => undefined);
          upgraded.on('data', onData);
          sock = upgraded;
          secure = true;
          buffer = '';
          return;
        }
        case 'AUTH':
          if (line.toUpperCase().startsWith('AUTH LOGIN')) {
            authLogin = 1;
            return send('334 VXNlcm5hbWU6');
          }
          return send('235 2.7.0 Authentication successful');
        case 'MAIL':
          return send('250 2.1.0 Ok');
        case 'RCPT':
          return send(b.rcpt ?? '250 2.1.5 Ok');
        case 'DATA':
          inData = true;
          return send('354 End data with <CR><LF>.<CR><LF>');
        case 'QUIT':
          send('221 2.0.0 Bye');
          sock.end();
          return;
        default:
          return send('502 5.5.2 Error: command not recognized');
      }
    };

    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end === -1) return;
          session.data.push(Buffer.from(buffer.slice(0, end + 2), 'latin1').toString('utf8'));
          buffer = buffer.slice(end + 5);
          inData = false;
          if (b.hangOn !== 'BODY') send(b.afterData ?? '250 2.0.0 Ok: queued as ABC123');
          continue;
        }
        const newline = buffer.indexOf('\r\n');
        if (newline === -1) return;
        const line = Buffer.from(buffer.slice(0, newline), 'latin1').toString('utf8');
        buffer = buffer.slice(newline + 2);
        onCommand(line);
      }
    };

    sock.on('data', onData);
    if (b.hangOn !== 'GREETING') send(b.greeting ?? '220 fake.example ESMTP ready');
  }
}

/** Undo dot-stuffing and split headers from body. */
function parseData(raw: string) {
  const unstuffed = raw.replace(/(^|\r\n)\.\./g, '$1.');
  const split = unstuffed.indexOf('\r\n\r\n');
  const headerBlock = unstuffed.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers = new Map<string, string>();
  for (const line of headerBlock.split('\r\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  let body = unstuffed.slice(split + 4);
  if (headers.get('content-transfer-encoding') === 'quoted-printable') body = decodeQuotedPrintable(body);
  return { headers, body };
}

function decodeQuotedPrintable(text: string): string {
  const bytes = text
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodeHeader(value: string): string {
  return value
    .replace(/=\?UTF-8\?B\?([^?]*)\?=\s*/g, (_m, b64: string) => Buffer.from(b64, 'base64').toString('utf8'))
    .trim();
}

/** A self-signed certificate for 127.0.0.1 / localhost, or undefined without openssl. */
function makeCertificate(): { key: string; cert: string } | undefined {
  if (!existsSync('/usr/bin/openssl')) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'smtp-test-cert-'));
  try {
    execFileSync(
      '/usr/bin/openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:prime256v1',
        '-nodes',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ].concat(['-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost']),
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem'), 'utf8'), cert: readFileSync(join(dir, 'cert.pem'), 'utf8') };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const FAST = { connectMs: 2000, commandMs: 2000, dataMs: 2000 };
const FROM = { address: 'portal@bent-tree.example', name: 'Bent Tree Family Physicians' };
const mail = (overrides: Partial<OutgoingMail> = {}): OutgoingMail => ({
  from: FROM,
  to: 'pat@example.com',
  subject: 'Test',
  text: 'Hello.\nSecond line.',
  ...overrides,
});
const local = (port: number, extra = ''): SmtpServerConfig => parseSmtpUrl(`smtp://${extra}127.0.0.1:${port}`);

// ================================================================ configuration

describe('SMTP configuration', () => {
  it('parses smtps:// (implicit TLS) and smtp:// (STARTTLS required off loopback)', () => {
    const s = parseSmtpUrl('smtps://mailer%40clinic.example:p%40ss%3Aword@smtp.clinic.example');
    assert.deepEqual(s, {
      host: 'smtp.clinic.example',
      port: 465,
      implicitTls: true,
      plaintextAllowed: false,
      insecure: false,
      auth: { user: 'mailer@clinic.example', pass: 'p@ss:word' },
    });
    const p = parseSmtpUrl('smtp://u:pw@smtp.clinic.example');
    assert.equal(p.port, 587);
    assert.equal(p.implicitTls, false);
    assert.equal(p.plaintextAllowed, false, 'a remote smtp:// server must do STARTTLS');
    for (const host of ['localhost', '127.0.0.1', '[::1]'])
      assert.equal(parseSmtpUrl(`smtp://${host}:25`).plaintextAllowed, true, host);
    const insecure = parseSmtpUrl('smtp://relay.internal:25?insecure=1');
    assert.equal(insecure.plaintextAllowed, true);
    assert.equal(insecure.insecure, true);
  });

  it('refuses bad URLs without echoing the password', () => {
    for (const bad of [
      'http://u:secret-pw@host',
      'not a url secret-pw',
      'smtp://u:secret-pw@host/path',
      'smtp://u:secret-pw@host?tls=off',
      'smtp://user-only@host',
    ]) {
      assert.throws(
        () => parseSmtpUrl(bad),
        (e: Error) => !e.message.includes('secret-pw'),
        bad,
      );
    }
  });

  it('parses PORTAL_MAIL_FROM and refuses line breaks', () => {
    assert.deepEqual(parseMailbox('Bent Tree <portal@bent-tree.example>'), {
      address: 'portal@bent-tree.example',
      name: 'Bent Tree',
    });
    assert.deepEqual(parseMailbox('"Clínica Sol" <portal@sol.example>'), {
      address: 'portal@sol.example',
      name: 'Clínica Sol',
    });
    assert.deepEqual(parseMailbox('portal@bent-tree.example'), { address: 'portal@bent-tree.example' });
    assert.throws(() => parseMailbox('Bent Tree <portal@bent-tree.example>\r\nBcc: x@evil.example'));
    assert.throws(() => parseMailbox('nobody'));
  });

  it('settings: SMTP_URL needs PORTAL_MAIL_FROM (and PORTAL_PUBLIC_URL); unset → the logging notifier', () => {
    assert.equal(settingsFromEnv({}).app.smtp, undefined);
    assert.throws(
      () =>
        settingsFromEnv({
          SMTP_URL: 'smtps://u:p@smtp.clinic.example',
          PORTAL_PUBLIC_URL: 'https://portal.clinic.example',
        }),
      /PORTAL_MAIL_FROM is required/,
    );
    assert.throws(
      () => settingsFromEnv({ SMTP_URL: 'smtps://u:p@smtp.clinic.example', PORTAL_MAIL_FROM: 'portal@clinic.example' }),
      /PORTAL_PUBLIC_URL is required/,
    );
    const ok = settingsFromEnv({
      SMTP_URL: 'smtps://u:p@smtp.clinic.example',
      PORTAL_MAIL_FROM: 'Clinic <portal@clinic.example>',
      PORTAL_PUBLIC_URL: 'https://portal.clinic.example',
    });
    assert.equal((ok.app.smtp?.url as SmtpServerConfig).host, 'smtp.clinic.example');
    assert.equal(ok.app.backend?.portalLink, 'https://portal.clinic.example/portal.html');
  });

  it('logs a loud warning for ?insecure=1, never the password', () => {
    const logs: string[] = [];
    createSmtpNotifier({
      url: 'smtp://u:hunter2-pw@relay.internal:25?insecure=1',
      from: 'portal@clinic.example',
      log: (l) => logs.push(l),
    });
    assert.ok(logs.some((l) => /WARNING.*insecure=1/.test(l)));
    assert.ok(logs.some((l) => /UNENCRYPTED/.test(l)));
    assert.ok(!logs.join('\n').includes('hunter2'));
  });
});

describe('message content and encoding', () => {
  const link = 'https://portal.bent-tree.example/portal.html';

  it('a new-message e-mail has the link and nothing else to say', () => {
    const c = notificationContent({ kind: 'new-message', patientId: 'dana', to: 'dana@example.com', link }, 'en', 1800);
    assert.equal(c.subject, 'You have a new secure message');
    assert.ok(c.text.includes(link));
    assert.deepEqual(c.languages, ['en']);
    const es = notificationContent(
      { kind: 'new-message', patientId: 'dana', to: 'dana@example.com', link },
      'es',
      1800,
    );
    assert.match(es.subject, /mensaje seguro/);
    assert.match(es.text, /inicie sesión/);
    const both = notificationContent(
      { kind: 'new-message', patientId: 'dana', to: 'dana@example.com', link },
      undefined,
      1800,
    );
    assert.deepEqual(both.languages, ['en', 'es']);
    assert.match(both.text, /new secure message[\s\S]*mensaje seguro/);
    assert.throws(
      () => notificationContent({ kind: 'new-message', patientId: 'd', to: 'd@example.com', link: '/' }, 'en', 1800),
      /absolute/,
    );
  });

  it('a verification e-mail has the code and says it expires', () => {
    const c = notificationContent(
      { kind: 'email-verification', patientId: 'dana', to: 'new@example.com', code: '042917' },
      'en',
      1800,
    );
    assert.match(c.text, /042917/);
    assert.match(c.text, /expires in 30 minutes/);
    assert.ok(!c.subject.includes('042917'), 'the code stays out of the subject (lock-screen previews)');
    assert.match(
      notificationContent({ kind: 'email-verification', patientId: 'd', to: 'n@example.com', code: '1' }, 'es', 600)
        .text,
      /Caduca en 10 minutos/,
    );
  });

  it('normalises line ends and dot-stuffs', () => {
    assert.equal(normalizeNewlines('a\nb\rc\r\nd'), 'a\r\nb\r\nc\r\nd');
    assert.equal(dotStuff('.a\r\nb\r\n..c\r\n.\r\nd.'), '..a\r\nb\r\n...c\r\n..\r\nd.');
  });

  it('quoted-printable keeps lines ≤ 76 and round-trips UTF-8', () => {
    const text = `${'Señora Ñandú, '.repeat(12)}\r\n.leading dot\r\ntrailing space \r\nx=y`;
    const qp = quotedPrintable(text);
    for (const line of qp.split('\r\n')) assert.ok(line.length <= 76, line);
    assert.ok(!/^\./m.test(qp));
    assert.equal(decodeQuotedPrintable(qp), text);
  });
});

// ================================================================ over the wire

describe('SMTP over the wire (plain, 127.0.0.1)', () => {
  let fake: FakeSmtp;
  before(async () => {
    fake = await FakeSmtp.start();
  });
  after(() => fake.close());

  it('multi-line EHLO: reads the extensions, sends a complete MIME message, QUITs', async () => {
    fake.reset();
    const result = await sendMail(
      local(fake.port),
      mail({ subject: 'Su código de verificación', text: 'Señora: ñandú.\n' }),
      {
        timeouts: FAST,
        heloName: 'portal.test',
        clock: () => new Date('2026-12-03T16:35:00Z'),
      },
    );
    assert.equal(result.encoding, '8bit', '8BITMIME was advertised in the multi-line EHLO');
    const sent = fake.clientLines();
    assert.equal(sent[0], 'EHLO portal.test');
    assert.match(sent[1]!, /^MAIL FROM:<portal@bent-tree\.example> BODY=8BITMIME SIZE=\d+$/);
    assert.equal(sent[2], 'RCPT TO:<pat@example.com>');
    assert.equal(sent[3], 'DATA');
    assert.equal(sent.at(-1), 'QUIT');
    const { headers, body } = parseData(fake.last.data[0]!);
    assert.equal(headers.get('from'), '"Bent Tree Family Physicians" <portal@bent-tree.example>');
    assert.equal(headers.get('to'), 'pat@example.com');
    assert.equal(decodeHeader(headers.get('subject')!), 'Su código de verificación');
    assert.equal(headers.get('date'), 'Thu, 03 Dec 2026 16:35:00 +0000');
    assert.match(headers.get('message-id')!, /^<[0-9a-f-]{36}@bent-tree\.example>$/);
    assert.equal(headers.get('message-id'), result.messageId);
    assert.equal(headers.get('mime-version'), '1.0');
    assert.equal(headers.get('content-type'), 'text/plain; charset=utf-8');
    assert.equal(headers.get('content-transfer-encoding'), '8bit');
    assert.equal(body, 'Señora: ñandú.\r\n\r\n');
  });

  it('falls back to HELO, and to quoted-printable without 8BITMIME', async () => {
    fake.reset({ ehlo: 'reject' });
    const result = await sendMail(local(fake.port), mail({ text: 'Año nuevo.' }), {
      timeouts: FAST,
      heloName: 'portal.test',
    });
    assert.deepEqual(fake.clientLines().slice(0, 3), [
      'EHLO portal.test',
      'HELO portal.test',
      'MAIL FROM:<portal@bent-tree.example>',
    ]);
    assert.equal(result.encoding, 'quoted-printable');
    const { headers, body } = parseData(fake.last.data[0]!);
    assert.equal(headers.get('content-transfer-encoding'), 'quoted-printable');
    assert.equal(body.trim(), 'Año nuevo.');
  });

  it('dot-stuffs and normalises line ends on the wire', async () => {
    fake.reset();
    const text = '.hidden\n..two\n.\nbare\rcr\r\nend';
    await sendMail(local(fake.port), mail({ text }), { timeouts: FAST });
    const raw = fake.last.data[0]!;
    assert.ok(raw.includes('\r\n..hidden\r\n...two\r\n..\r\nbare\r\ncr\r\nend\r\n'), raw);
    assert.ok(!/[^\r]\n/.test(raw) && !/\r[^\n]/.test(raw), 'only CRLF line ends');
    assert.equal(parseData(raw).body, `${normalizeNewlines(text)}\r\n`);
  });

  it('refuses header injection before connecting', async () => {
    fake.reset();
    const config = local(fake.port);
    const attempts: OutgoingMail[] = [
      mail({ to: 'pat@example.com\r\nBcc: spy@evil.example' }),
      mail({ to: 'pat@example.com>\nRCPT TO:<spy@evil.example' }),
      mail({ to: 'Pat <pat@example.com>' }),
      mail({ subject: 'Hi\r\nBcc: spy@evil.example' }),
      mail({ subject: 'Hi\nX-Injected: 1' }),
      mail({ from: { address: 'portal@bent-tree.example\r\nBcc: spy@evil.example' } }),
      mail({ from: { address: 'portal@bent-tree.example', name: 'Clinic\r\nBcc: spy@evil.example' } }),
    ];
    for (const m of attempts) await assert.rejects(sendMail(config, m, { timeouts: FAST }), SmtpError);
    assert.equal(fake.sessions.length, 0, 'nothing was sent');
    assert.throws(() => createSmtpNotifier({ url: config, from: 'portal@clinic.example\r\nBcc: spy@evil.example' }));
  });

  it('never sends AUTH without TLS, even when the server offers it in clear', async () => {
    fake.reset({ auth: 'PLAIN LOGIN', authInClear: true });
    await assert.rejects(
      sendMail(local(fake.port, 'mailer:s3cret-pw@'), mail(), { timeouts: FAST }),
      /refusing to authenticate without TLS/,
    );
    const sent = fake.clientLines();
    assert.ok(!sent.some((l) => /^AUTH/i.test(l)), sent.join(' | '));
    assert.ok(
      !sent.some((l) => l.includes(Buffer.from('s3cret-pw').toString('base64').slice(0, 8)) || l.includes('s3cret-pw')),
    );
    assert.ok(!sent.some((l) => l.startsWith('MAIL')));
  });

  it('requires STARTTLS for a non-loopback server', async () => {
    fake.reset();
    const config = { ...local(fake.port), plaintextAllowed: false };
    await assert.rejects(sendMail(config, mail(), { timeouts: FAST }), /does not offer STARTTLS/);
    assert.ok(!fake.clientLines().some((l) => l.startsWith('MAIL')));
  });

  it('times out a silent server, per command', async () => {
    for (const hangOn of ['GREETING', 'EHLO', 'RCPT', 'BODY']) {
      fake.reset({ hangOn });
      const started = Date.now();
      await assert.rejects(
        sendMail(local(fake.port), mail(), { timeouts: { connectMs: 2000, commandMs: 300, dataMs: 300 } }),
        (e: SmtpError) => e instanceof SmtpError && /timed out/.test(e.message) && e.transient && !e.recipientRejected,
        hangOn,
      );
      assert.ok(Date.now() - started < 1500, `${hangOn} took ${Date.now() - started} ms`);
    }
  });

  it('times out an unreachable connect', async () => {
    // 192.0.2.0/24 is TEST-NET-1: nothing answers (or the network refuses at once).
    await assert.rejects(
      sendMail(parseSmtpUrl('smtp://192.0.2.1:25?insecure=1'), mail(), { timeouts: { connectMs: 300 } }),
      SmtpError,
    );
  });

  it('classifies refusals: permanent recipient failures vs everything else', async () => {
    const cases: Array<[Behaviour, boolean, boolean]> = [
      // behaviour, recipientRejected, transient
      [{ rcpt: '550 5.1.1 <pat@example.com>: Recipient address rejected: User unknown' }, true, false],
      [
        { rcpt: '550-5.1.1 The email account that you tried to reach does not exist.\r\n550 5.1.1 Please try again.' },
        true,
        false,
      ],
      [{ rcpt: '553 mailbox name not allowed' }, true, false],
      [{ rcpt: '451 4.3.0 Temporary lookup failure' }, false, true],
      [{ rcpt: '450 4.2.1 Mailbox busy' }, false, true],
      [{ rcpt: '554 5.7.1 <pat@example.com>: Relay access denied' }, false, false],
      [{ rcpt: '550 relaying denied' }, false, false],
      [{ afterData: '550 5.1.1 mailbox unavailable' }, true, false],
      [{ afterData: '554 delivery to pat@example.com failed permanently' }, true, false],
      [{ afterData: '554 5.6.0 Message content rejected' }, false, false],
      [{ afterData: '452 4.3.1 Insufficient system storage' }, false, true],
      [{ greeting: '421 4.3.2 Service not available' }, false, true],
    ];
    for (const [behaviour, rejected, transient] of cases) {
      fake.reset(behaviour);
      await assert.rejects(sendMail(local(fake.port), mail(), { timeouts: FAST }), (e: SmtpError) => {
        assert.ok(e instanceof SmtpError);
        assert.equal(e.recipientRejected, rejected, JSON.stringify(behaviour));
        assert.equal(e.transient, transient, JSON.stringify(behaviour));
        assert.ok(!e.message.includes('pat@example.com'), `the error masks the address: ${e.message}`);
        return true;
      });
    }
  });

  it('the notifier marks a bounce on a permanent refusal only, and logs no address, code or body', async () => {
    const logs: string[] = [];
    const bounced: string[] = [];
    const notifier = createSmtpNotifier({
      url: local(fake.port),
      from: FROM,
      timeouts: FAST,
      log: (l) => logs.push(l),
      languageOf: async () => 'en',
      markBounced: async (id) => {
        bounced.push(id);
      },
    });
    const verification: NotificationEvent = {
      kind: 'email-verification',
      patientId: 'dana',
      to: 'dana@example.com',
      code: '904512',
    };
    fake.reset();
    await notifier.notify(verification);
    assert.match(parseData(fake.last.data[0]!).body, /904512/);
    fake.reset({ rcpt: '451 4.7.1 Try again later' });
    await assert.rejects(notifier.notify(verification), SmtpError);
    assert.deepEqual(bounced, []);
    fake.reset({ rcpt: '550 5.1.1 <dana@example.com> User unknown' });
    await assert.rejects(notifier.notify(verification), (e: SmtpError) => e.recipientRejected);
    assert.deepEqual(bounced, ['dana']);
    const text = logs.join('\n');
    assert.ok(!text.includes('dana@example.com') && !text.includes('904512'), text);
    assert.match(text, /d••@example\.com/);
  });
});

// ================================================================ TLS

describe('SMTP over TLS (self-signed certificate from openssl)', () => {
  const cert = makeCertificate();
  const skip = cert ? false : 'needs /usr/bin/openssl';
  let starttls: FakeSmtp;
  let implicit: FakeSmtp;
  before(async () => {
    if (!cert) return;
    starttls = await FakeSmtp.start({ tls: cert });
    implicit = await FakeSmtp.start({ tls: cert, implicit: true });
  });
  after(async () => {
    await starttls?.close();
    await implicit?.close();
  });

  it('STARTTLS, then EHLO again, then AUTH PLAIN — never AUTH before TLS', { skip }, async () => {
    starttls.reset({ starttls: true, auth: 'LOGIN PLAIN', authInClear: true });
    await sendMail(local(starttls.port, 'mailer%40clinic.example:s3cret-pw@'), mail(), {
      timeouts: FAST,
      ca: cert!.cert,
      heloName: 'portal.test',
    });
    const t = starttls.last.transcript.filter((l) => l.from === 'client');
    assert.deepEqual(
      t.map((l) => `${l.tls ? 'tls' : 'clear'} ${l.line.split(' ').slice(0, 2).join(' ')}`).slice(0, 4),
      ['clear EHLO portal.test', 'clear STARTTLS', 'tls EHLO portal.test', 'tls AUTH PLAIN'],
    );
    const auth = t.find((l) => l.line.startsWith('AUTH'))!;
    assert.equal(Buffer.from(auth.line.split(' ')[2]!, 'base64').toString(), '\0mailer@clinic.example\0s3cret-pw');
    assert.ok(t.filter((l) => !l.tls).every((l) => !/AUTH|MAIL|RCPT|DATA/.test(l.line)));
  });

  it('AUTH LOGIN when PLAIN is not offered', { skip }, async () => {
    starttls.reset({ starttls: true, auth: 'LOGIN' });
    await sendMail(local(starttls.port, 'mailer:s3cret-pw@'), mail(), { timeouts: FAST, ca: cert!.cert });
    const t = starttls.clientLines();
    const i = t.indexOf('AUTH LOGIN');
    assert.ok(i > t.indexOf('STARTTLS'));
    assert.equal(Buffer.from(t[i + 1]!, 'base64').toString(), 'mailer');
    assert.equal(Buffer.from(t[i + 2]!, 'base64').toString(), 's3cret-pw');
  });

  it('verifies the certificate: an untrusted one stops everything after STARTTLS', { skip }, async () => {
    starttls.reset({ starttls: true, auth: 'PLAIN' });
    await assert.rejects(
      sendMail(local(starttls.port, 'mailer:s3cret-pw@'), mail(), { timeouts: FAST }),
      /TLS handshake failed/,
    );
    assert.deepEqual(
      starttls.clientLines().map((l) => l.split(' ')[0]),
      ['EHLO', 'STARTTLS'],
    );
  });

  it('smtps:// implicit TLS with AUTH', { skip }, async () => {
    implicit.reset({ auth: 'PLAIN' });
    await sendMail(parseSmtpUrl(`smtps://mailer:s3cret-pw@127.0.0.1:${implicit.port}`), mail(), {
      timeouts: FAST,
      ca: cert!.cert,
    });
    const t = implicit.last.transcript.filter((l) => l.from === 'client');
    assert.ok(t.every((l) => l.tls));
    assert.ok(t.some((l) => l.line.startsWith('AUTH PLAIN')));
    await assert.rejects(
      sendMail(parseSmtpUrl(`smtps://127.0.0.1:${implicit.port}`), mail(), { timeouts: FAST }),
      /connect failed/,
    );
  });
});

// ================================================================ through the real backend

describe('notifications through the reference server', () => {
  const LINK = 'https://portal.bent-tree.example/portal.html';
  let fake: FakeSmtp;
  let app: App;
  let agent: Agent;
  let threadId: string;
  const logs: string[] = [];
  const events: NotificationEvent[] = [];

  before(async () => {
    fake = await FakeSmtp.start();
    const database = await testDatabaseOptions(false);
    app = await createApp({
      database,
      seed: 'demo',
      log: (line) => logs.push(line),
      logVerificationCodes: true,
      backend: { portalLink: LINK },
      server: { strictResponses: true },
      smtp: {
        url: `smtp://127.0.0.1:${fake.port}`,
        from: 'Bent Tree Family Physicians <portal@bent-tree.example>',
        timeouts: FAST,
      },
      notifier: {
        async notify(event) {
          events.push(event);
        },
      },
    });
    await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
    agent = new Agent(`http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/v1`);
    await agent.signIn('dana', 'dana-demo-password');
    const sent = await agent.request('POST', '/threads', {
      json: {
        category: 'clinical',
        fields: {},
        subject: 'Zebrafish rash question',
        body: 'Quetzal-7781: my rash spread to my elbow.',
        attachmentIds: [],
        triage: ROUTINE,
      },
      headers: { 'idempotency-key': 'mailer-test-thread-1' },
    });
    assert.equal(sent.status, 201, sent.text);
    threadId = sent.json.threadId as string;
  });

  after(async () => {
    app.server.closeAllConnections();
    await new Promise((resolve) => app.server.close(resolve));
    await app.close();
    await fake.close();
  });

  const reply = (body: string) =>
    app.staff('reply', { thread: threadId, as: 'Dr. Ximena Ocelot', role: 'physician', body });
  const bounced = async () => (await agent.request('GET', '/session')).json.notificationEmailBounced as boolean;

  it('a staff reply e-mails the link and nothing of the message', async () => {
    fake.reset();
    await reply('Ocelot-9090: please start the cream twice daily.');
    assert.equal(fake.sessions.length, 1);
    const wire = fake.last.transcript.map((l) => l.line).join('\n') + fake.last.data.join('');
    assert.ok(fake.clientLines().includes('RCPT TO:<dana@example.com>'));
    const { headers, body } = parseData(fake.last.data[0]!);
    assert.ok(body.includes(LINK), body);
    assert.equal(headers.get('subject'), 'You have a new secure message', 'dana saved English');
    assert.equal(headers.get('content-language'), 'en');
    for (const phi of [
      'Zebrafish',
      'rash',
      'Quetzal',
      '7781',
      'elbow',
      'Ocelot',
      '9090',
      'cream',
      'Ximena',
      'physician',
      'Dana',
      'Morales',
      'clinical',
      'Clinical',
    ]) {
      assert.ok(!wire.includes(phi), `"${phi}" is on the wire`);
    }
    assert.ok(logs.some((l) => l === 'mail: new-message sent to d••@example.com'));
    assert.ok(!logs.join('\n').includes('dana@example.com'));
  });

  it('uses the patient’s saved language', async () => {
    const r = await agent.request('PUT', '/preferences', { json: { language: 'es' } });
    assert.equal(r.status, 200, r.text);
    fake.reset();
    await reply('Second reply.');
    const { headers, body } = parseData(fake.last.data[0]!);
    assert.equal(decodeHeader(headers.get('subject')!), 'Tiene un mensaje seguro nuevo');
    assert.equal(headers.get('content-language'), 'es');
    assert.match(body, /inicie sesión/);
    assert.ok(body.includes(LINK));
    await agent.request('PUT', '/preferences', { json: { language: 'en' } });
  });

  it('a verification e-mail carries the code, which is never logged', async () => {
    fake.reset();
    const r = await agent.request('POST', '/preferences/email', {
      json: { newAddress: 'dana.new@example.com', password: 'dana-demo-password' },
    });
    assert.equal(r.status, 200, r.text);
    const event = events.at(-1)!;
    assert.equal(event.kind, 'email-verification');
    const code = event.kind === 'email-verification' ? event.code : '';
    assert.ok(fake.clientLines().includes('RCPT TO:<dana.new@example.com>'));
    const { body } = parseData(fake.last.data[0]!);
    assert.ok(body.includes(code));
    assert.match(body, /expires in 30 minutes/);
    assert.ok(!logs.join('\n').includes(code), 'the code is not in the log');
  });

  it('a refused *pending* address does not mark the current one bounced', async () => {
    fake.reset({ rcpt: '550 5.1.1 User unknown' });
    const r = await agent.request('POST', '/preferences/email', {
      json: { newAddress: 'typo@example.com', password: 'dana-demo-password' },
    });
    assert.equal(r.status, 400, r.text);
    assert.deepEqual(r.json.fieldErrors, [{ field: 'newAddress', code: 'undeliverable' }], 'the patient is told which field');
    assert.equal(await bounced(), false);
  });

  it('421 and 451 are transient: logged, the reply stored, no bounce', async () => {
    for (const behaviour of [
      { greeting: '421 4.3.2 Service shutting down' },
      { rcpt: '451 4.3.0 Temporary lookup failure' },
    ]) {
      fake.reset(behaviour);
      logs.length = 0;
      const message = (await reply('A transient attempt.')) as { id: string };
      assert.ok(message.id, 'the reply is stored despite the mail failure');
      assert.ok(
        logs.some((l) => l.startsWith('error (notify new-message): SmtpError')),
        logs.join('\n'),
      );
      assert.equal(await bounced(), false);
    }
  });

  it('550 on RCPT TO marks the address bounced: the patient sees it', async () => {
    fake.reset({
      rcpt: '550 5.1.1 <dana@example.com>: Recipient address rejected: User unknown in virtual mailbox table',
    });
    logs.length = 0;
    await reply('This one bounces.');
    assert.equal(await bounced(), true);
    const prefs = await agent.request('GET', '/preferences');
    assert.ok(prefs.json.email.bouncedAt, 'preferences show when it bounced');
    assert.ok(logs.some((l) => /refused permanently.*marking the address bounced/.test(l)));
    assert.ok(!logs.join('\n').includes('dana@example.com'), logs.join('\n'));
    // Known-bad address: later replies wait in the portal without trying again.
    fake.reset();
    await reply('After the bounce.');
    assert.equal(fake.sessions.length, 0);
  });
});
