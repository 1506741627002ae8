/**
 * Server settings from the environment (documented in server/README.md).
 * Shared by `main.ts` and the staff CLI so both open the same database.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppOptions } from './app.js';
import { DATA_DIR } from './local-state.js';
import { parseMailbox, parseSmtpUrl } from './mailer.js';

export interface Settings {
  host: string;
  port: number;
  /** Serve only the demo site on this port too, pointing at the API on `port` (cross-origin demo). */
  sitePort: number | undefined;
  app: AppOptions;
  /** True when the database is the embedded one (single process). */
  embedded: boolean;
}

function flag(name: string, fallback: boolean): boolean {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function port(name: string, fallback: number | undefined): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65_535) throw new Error(`${name} must be a port number.`);
  return n;
}

/**
 * `SMTP_URL` + `PORTAL_MAIL_FROM` (+ optional `SMTP_CA_FILE`), checked now so a
 * mistake stops start-up with a clear message. No `SMTP_URL` → notifications are logged.
 */
function smtpFromEnv(env: NodeJS.ProcessEnv): AppOptions['smtp'] {
  const url = env.SMTP_URL || undefined;
  if (!url) return undefined;
  const server = parseSmtpUrl(url);
  const from = env.PORTAL_MAIL_FROM || undefined;
  if (!from) {
    throw new Error('PORTAL_MAIL_FROM is required when SMTP_URL is set, e.g. PORTAL_MAIL_FROM="Bent Tree Family Physicians <portal@clinic.example>".');
  }
  if (!env.PORTAL_PUBLIC_URL) throw new Error('PORTAL_PUBLIC_URL is required when SMTP_URL is set: new-message e-mails link to the portal there.');
  return {
    url: server,
    from: parseMailbox(from),
    ...(env.SMTP_CA_FILE && { ca: readFileSync(env.SMTP_CA_FILE, 'utf8') }),
  };
}

export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): Settings {
  const url = env.DATABASE_URL || undefined;
  const sameSite = (env.COOKIE_SAMESITE ?? 'Lax').toLowerCase();
  if (!['lax', 'strict', 'none'].includes(sameSite)) throw new Error('COOKIE_SAMESITE must be Lax, Strict or None.');
  // Demo personas have published passwords: never seed them into a real database unless asked.
  const seed = env.PORTAL_SEED || (url ? 'clinic' : 'demo');
  if (!['demo', 'clinic', 'none'].includes(seed)) throw new Error('PORTAL_SEED must be demo, clinic or none.');
  const attachmentsDir = env.PORTAL_ATTACHMENTS_DIR || (url ? undefined : join(DATA_DIR, 'attachments'));
  const smtp = smtpFromEnv(env);
  const secure = env.COOKIE_SECURE === undefined || env.COOKIE_SECURE === '' ? undefined : flag('COOKIE_SECURE', false);

  return {
    host: env.HOST || '127.0.0.1',
    port: port('PORT', 8080)!,
    sitePort: port('PORTAL_SITE_PORT', undefined),
    embedded: !url,
    app: {
      database: url ? { url } : { dataDir: env.PGLITE_DIR || join(DATA_DIR, 'pglite') },
      attachmentsDir,
      seed: seed as 'demo',
      ...(env.PORTAL_CLINIC_FILE && { clinicConfig: JSON.parse(readFileSync(env.PORTAL_CLINIC_FILE, 'utf8')) as unknown }),
      logVerificationCodes: seed === 'demo',
      ...(smtp && { smtp }),
      server: {
        publicUrl: env.PORTAL_PUBLIC_URL || undefined,
        allowedOrigins: (env.PORTAL_ALLOWED_ORIGINS ?? '')
          .split(',')
          .map((o) => o.trim())
          .filter(Boolean),
        cookieSameSite: (sameSite[0]!.toUpperCase() + sameSite.slice(1)) as 'Lax',
        cookieSecure: secure,
        trustProxy: flag('TRUST_PROXY', false),
        serveDemo: flag('PORTAL_SERVE_DEMO', true),
        strictResponses: flag('PORTAL_STRICT_RESPONSES', false),
      },
      backend: {
        ...(env.PORTAL_IDLE_TIMEOUT_SECONDS && { idleTimeoutSeconds: Number(env.PORTAL_IDLE_TIMEOUT_SECONDS) }),
        ...(env.PORTAL_PUBLIC_URL && { portalLink: new URL('/portal.html', env.PORTAL_PUBLIC_URL).href }),
      },
    },
  };
}
