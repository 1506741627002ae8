/**
 * The database connection: embedded PostgreSQL (PGlite, in a local folder) by
 * default, a real PostgreSQL through a `pg` pool when `DATABASE_URL` is set.
 * Both sit behind one small `Database` interface and run the same migrations.
 *
 * Transactions follow the async call chain (AsyncLocalStorage): inside
 * `db.transaction(fn)`, *every* `db.query` made by `fn` and whatever it awaits
 * runs on the transaction's connection. So code that reaches for the outer
 * store inside a transaction neither escapes it (pg: another connection) nor
 * deadlocks (PGlite: one connection, and the transaction holds it).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PoolClient } from 'pg';

export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted by the statement. */
  rowCount: number;
}

export interface Sql {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Database extends Sql {
  readonly kind: 'pglite' | 'postgres';
  /** Run `fn` in one transaction (joined, not nested, when already inside one). */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: a snapshot of the whole data folder (tests start new databases from one: much faster than initdb). */
  dumpDataDir?(): Promise<Blob>;
}

export interface DatabaseOptions {
  /** `postgres://…`: use a real server. Otherwise PGlite. */
  url?: string | undefined;
  /** PGlite data folder; `memory://` for a throwaway in-memory database. Default `.data/pglite`. */
  dataDir?: string | undefined;
  /** PostgreSQL schema to use (created if missing): lets tests share one server. Default `public`. */
  schema?: string | undefined;
  /** Pool size for PostgreSQL. Default 10. */
  maxConnections?: number | undefined;
  /** Run pending migrations on open. Default true. */
  migrate?: boolean | undefined;
  /** PGlite only: start from this data-folder snapshot (see `Database.dumpDataDir`) instead of an empty cluster. */
  loadDataDir?: Blob | undefined;
}

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** Retried transaction failures: serialization failure, deadlock. */
const RETRYABLE_SQLSTATE = new Set(['40001', '40P01']);

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  const schema = options.schema ?? 'public';
  if (!SCHEMA_NAME.test(schema)) throw new Error('Invalid schema name.');
  const db = options.url ? await openPostgres(options.url, schema, options.maxConnections ?? 10) : await openPglite(options.dataDir ?? '.data/pglite', schema, options.loadDataDir);
  if (options.migrate ?? true) await migrate(db);
  return db;
}

// ---------------------------------------------------------------- PGlite

async function openPglite(dataDir: string, schema: string, loadDataDir: Blob | undefined): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const memory = dataDir === 'memory://' || dataDir === '';
  if (!memory) mkdirSync(resolve(dataDir), { recursive: true, mode: 0o700 });
  const pg = await PGlite.create({ ...(!memory && { dataDir: resolve(dataDir) }), ...(loadDataDir && { loadDataDir }) });
  if (schema !== 'public') await pg.exec(`CREATE SCHEMA IF NOT EXISTS ${schema}; SET search_path TO ${schema};`);

  type Tx = Parameters<Parameters<typeof pg.transaction>[0]>[0];
  const current = new AsyncLocalStorage<Tx>();
  const run = async <R>(target: Tx | typeof pg, text: string, params?: readonly unknown[]): Promise<QueryResult<R>> => {
    const result = await target.query<R>(text, params ? [...params] : undefined);
    return { rows: result.rows, rowCount: result.affectedRows ?? 0 };
  };
  return {
    kind: 'pglite',
    query: (text, params) => run(current.getStore() ?? pg, text, params),
    async exec(text) {
      await (current.getStore() ?? pg).exec(text);
    },
    async transaction(fn) {
      if (current.getStore()) return fn();
      return pg.transaction((tx) => current.run(tx, fn));
    },
    async close() {
      await pg.close();
    },
    dumpDataDir: () => pg.dumpDataDir('none') as Promise<Blob>,
  };
}

// ---------------------------------------------------------------- PostgreSQL

async function openPostgres(url: string, schema: string, max: number): Promise<Database> {
  const { default: pg } = await import('pg');
  // timestamptz stays a Date, bigint counts come back as strings: the store casts counts to int.
  const pool = new pg.Pool({
    connectionString: url,
    max,
    statement_timeout: 15_000,
    idle_in_transaction_session_timeout: 30_000,
    connectionTimeoutMillis: 10_000,
    ...(schema !== 'public' && { options: `-c search_path=${schema}` }),
    application_name: 'portal-server',
  });
  // An idle client losing its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  if (schema !== 'public') await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);

  const current = new AsyncLocalStorage<PoolClient>();
  const run = async <R>(text: string, params?: readonly unknown[]): Promise<QueryResult<R>> => {
    const target = current.getStore() ?? pool;
    const result = await target.query(text, params ? [...params] : undefined);
    return { rows: result.rows as R[], rowCount: result.rowCount ?? 0 };
  };
  return {
    kind: 'postgres',
    query: run,
    async exec(text) {
      await (current.getStore() ?? pool).query(text);
    },
    async transaction(fn) {
      if (current.getStore()) return fn();
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect();
        let broken = false;
        try {
          await client.query('BEGIN');
          const value = await current.run(client, fn);
          await client.query('COMMIT');
          return value;
        } catch (error) {
          try {
            await client.query('ROLLBACK');
          } catch {
            broken = true; // connection is gone: do not return it to the pool
          }
          const code = (error as { code?: unknown }).code;
          if (attempt < 3 && typeof code === 'string' && RETRYABLE_SQLSTATE.has(code)) continue;
          throw error;
        } finally {
          client.release(broken);
        }
      }
    },
    async close() {
      await pool.end();
    },
  };
}

// ---------------------------------------------------------------- migrations

/** Apply `server/migrations/NNN_*.sql` in order, once each. Safe when several servers start at once. */
export async function migrate(db: Database): Promise<string[]> {
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  return db.transaction(async () => {
    // One migrator at a time across every instance sharing the database.
    await db.query(`SELECT pg_advisory_xact_lock(7242024)`);
    await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await db.query<{ version: string }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const applied: string[] = [];
    for (const file of files) {
      const version = file.slice(0, -4);
      if (done.has(version)) continue;
      await db.exec(readFileSync(join(MIGRATIONS_DIR, file), 'utf8'));
      await db.query('INSERT INTO schema_migrations (version) VALUES ($1)', [version]);
      applied.push(version);
    }
    return applied;
  });
}
