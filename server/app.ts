/**
 * Assembles the reference server from its parts: database (PGlite or
 * PostgreSQL) → `PgStore` + a blob store → `PortalBackend` (with argon2id) →
 * node:http server. `main.ts` calls this with settings from the environment;
 * the tests call it with their own.
 */
import { readdir, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { ClinicConfig } from '../src/api/schemas.js';
import { seedDemo } from '../src/backend/demo-data.js';
import {
  DEFAULT_BACKEND_OPTIONS,
  maskEmail,
  PortalBackend,
  type BackendOptions,
  type NotificationEvent,
  type Notifier,
} from '../src/backend/service.js';
import type { BlobStore } from '../src/backend/store.js';
import { FileBlobStore } from './attachments.js';
import { openDatabase, type Database, type DatabaseOptions } from './db.js';
import { createPortalServer, type ServerConfig } from './http-server.js';
import { createSmtpNotifier, type SmtpNotifierOptions } from './mailer.js';
import { argon2Hasher, type Argon2Params } from './passwords.js';
import { PgBlobStore, PgStore } from './pg-store.js';
import { runStaffCommand, StaffUsageError, type StaffContext } from './staff.js';

export interface AppOptions {
  database: DatabaseOptions;
  /** Folder for attachment files; unset → bytes in the database (several servers can share it). */
  attachmentsDir?: string | undefined;
  /** `demo`: clinic, policy, personas and history. `clinic`: clinic + policy only. Default `demo`. */
  seed?: 'demo' | 'clinic' | 'none';
  /** A ClinicConfig (JSON) that replaces the demo clinic's at start-up. */
  clinicConfig?: unknown;
  server?: Partial<ServerConfig>;
  backend?: Partial<BackendOptions>;
  argon2?: Partial<Argon2Params>;
  clock?: () => Date;
  /** Where operational messages go (never PHI). Default: stderr. */
  log?: (line: string) => void;
  /** Print e-mail verification codes in the log (demo only: there is no mail server). */
  logVerificationCodes?: boolean;
  /** Also receives every notification (tests). */
  notifier?: Notifier;
  /** Send notifications by e-mail (`SMTP_URL`, `PORTAL_MAIL_FROM`); unset → they are only logged. */
  smtp?: Pick<SmtpNotifierOptions, 'url' | 'from' | 'ca' | 'timeouts' | 'heloName'>;
}

export interface App {
  db: Database;
  backend: PortalBackend;
  blobs: BlobStore;
  server: Server;
  staff: (command: string, args: Record<string, unknown>) => Promise<unknown>;
  /** Stop housekeeping and close the database (the caller closes the HTTP server). */
  close(): Promise<void>;
}

/** Every table with data (not the migration log), for reset-demo. */
const DATA_TABLES = [
  'clinic_config',
  'policies',
  'patients',
  'consents',
  'throttles',
  'sessions',
  'threads',
  'messages',
  'drafts',
  'attachments',
  'attachment_blobs',
  'preferences',
  'idempotency_keys',
];

/**
 * Without `SMTP_URL` there is no mail server: notifications are logged with a
 * masked address. The new-message notification carries a link only, never the message.
 */
function logNotifier(log: (line: string) => void, showCodes: boolean, also?: Notifier): Notifier {
  return {
    async notify(event: NotificationEvent) {
      if (event.kind === 'new-message') log(`notify: new message for ${maskEmail(event.to)} (link ${event.link})`);
      else log(`notify: verification code for ${maskEmail(event.to)}${showCodes ? `: ${event.code}` : ''}`);
      await also?.notify(event);
    },
  };
}

/** `primary` delivers; `also` (tests) hears about every notification, delivered or not. */
function withAlso(primary: Notifier, also?: Notifier): Notifier {
  if (!also) return primary;
  return {
    async notify(event: NotificationEvent) {
      try {
        await primary.notify(event);
      } finally {
        await also.notify(event);
      }
    },
  };
}

export async function createApp(options: AppOptions): Promise<App> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // Built first: a bad mail configuration fails start-up before the database opens.
  const notifier: Notifier = options.smtp
    ? withAlso(
        createSmtpNotifier({
          ...options.smtp,
          log,
          codeTtlSeconds: options.backend?.emailCode?.ttlSeconds ?? DEFAULT_BACKEND_OPTIONS.emailCode.ttlSeconds,
          languageOf: async (patientId) => (await store.getPreferences(patientId))?.language,
          // Only if the refused address is still the patient's: a refused *pending* address
          // (verification code) or one changed meanwhile says nothing about the current one.
          markBounced: async (patientId, address) => {
            const current = (await store.getPreferences(patientId))?.email.address;
            if (current?.toLowerCase() === address.toLowerCase()) await backend.markEmailBounced(patientId);
          },
        }),
        options.notifier,
      )
    : logNotifier(log, options.logVerificationCodes ?? false, options.notifier);
  const db = await openDatabase(options.database);
  const store = new PgStore(db);
  const files = options.attachmentsDir ? new FileBlobStore(options.attachmentsDir) : undefined;
  const blobs: BlobStore = files ?? new PgBlobStore(db);
  const backend = new PortalBackend({
    store,
    blobs,
    hasher: argon2Hasher(options.argon2),
    notifier,
    ...(options.clock && { clock: options.clock }),
    onError: (error, context) => log(`error (${context}): ${describe(error)}`),
    options: options.backend ?? {},
  });

  // Seeding is idempotent; the advisory lock keeps several instances starting at once from racing.
  await db.transaction(async () => {
    await db.query('SELECT pg_advisory_xact_lock(7242025)');
    if (options.clinicConfig !== undefined) {
      const parsed = ClinicConfig.safeParse(options.clinicConfig);
      if (!parsed.success) throw new Error('The clinic configuration file does not match the ClinicConfig schema.');
      await store.putClinicConfig(parsed.data);
    }
    const seed = options.seed ?? 'demo';
    if (seed !== 'none') await seedDemo(backend, { personas: seed === 'demo' });
  });

  const wipe = async () => {
    if ((options.seed ?? 'demo') !== 'demo') {
      throw new StaffUsageError('reset-demo deletes every patient and message: it only runs on a demo database (PORTAL_SEED=demo).');
    }
    await db.exec(`TRUNCATE ${DATA_TABLES.join(', ')} RESTART IDENTITY CASCADE`);
    if (files) {
      for (const entry of await readdir(files.dir)) {
        if (entry !== '.name-key') await rm(`${files.dir}/${entry}`, { recursive: true, force: true });
      }
    }
  };
  const staffContext: StaffContext = { backend, wipe };
  const staff = (command: string, args: Record<string, unknown>) => runStaffCommand(staffContext, command, args);

  const server = createPortalServer({
    backend,
    config: options.server ?? {},
    staff,
    healthCheck: async () => {
      await db.query('SELECT 1');
    },
    onError: (error, context) => log(`error (${context}): ${describe(error)}`),
  });

  // Expired sessions, idempotency keys and throttles go away on their own.
  const housekeeping = setInterval(() => {
    backend.housekeeping().catch((error: unknown) => log(`error (housekeeping): ${describe(error)}`));
  }, 10 * 60_000);
  housekeeping.unref();

  return {
    db,
    backend,
    blobs,
    server,
    staff,
    async close() {
      clearInterval(housekeeping);
      await db.close();
    },
  };
}

/** For the server log: the stack (it never reaches a client). */
function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
