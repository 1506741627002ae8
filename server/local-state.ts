/**
 * Files in the local data folder (`.data/` by default) that let the staff CLI
 * and the server share an embedded (PGlite) database safely: PGlite is a
 * single-process database, so exactly one process may open the folder. The
 * server holds `pglite.lock` while running and advertises itself in
 * `server.json`; the CLI then talks to it over the staff API with the token in
 * `staff-token` (mode 0600) instead of opening the database itself.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const DATA_DIR = resolve(process.env.PORTAL_DATA_DIR ?? '.data');

const lockFile = () => join(DATA_DIR, 'pglite.lock');
const serverFile = () => join(DATA_DIR, 'server.json');
const tokenFile = () => join(DATA_DIR, 'staff-token');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid holding the embedded database, if that process is still running. */
export function lockHolder(): number | null {
  try {
    const pid = Number(readFileSync(lockFile(), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : null;
  } catch {
    return null;
  }
}

/** Take the embedded database for this process, or explain who has it. */
export function acquireLock(): void {
  mkdirSync(DATA_DIR, { recursive: true, mode: 0o700 });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile(), String(process.pid), { flag: 'wx', mode: 0o600 });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = lockHolder();
      if (holder) throw new Error(`The embedded database in ${DATA_DIR} is in use by process ${holder}.`);
      rmSync(lockFile(), { force: true }); // left behind by a process that died
    }
  }
  throw new Error(`Could not lock ${lockFile()}.`);
}

export function releaseLock(): void {
  try {
    if (Number(readFileSync(lockFile(), 'utf8').trim()) === process.pid) rmSync(lockFile(), { force: true });
  } catch {
    // already gone
  }
}

export interface ServerInfo {
  pid: number;
  /** Base URL of the running server, e.g. `http://127.0.0.1:8080`. */
  url: string;
}

export function writeServerInfo(info: ServerInfo): void {
  writeFileSync(serverFile(), JSON.stringify(info), { mode: 0o600 });
}

export function readServerInfo(): ServerInfo | null {
  try {
    const info = JSON.parse(readFileSync(serverFile(), 'utf8')) as ServerInfo;
    return typeof info.url === 'string' && alive(info.pid) ? info : null;
  } catch {
    return null;
  }
}

export function removeServerInfo(): void {
  try {
    const info = JSON.parse(readFileSync(serverFile(), 'utf8')) as ServerInfo;
    if (info.pid === process.pid) rmSync(serverFile(), { force: true });
  } catch {
    // already gone
  }
}

/** The staff API token: from the environment, else the one in the data folder (created once). */
export function staffToken(create: boolean): string | undefined {
  if (process.env.PORTAL_STAFF_TOKEN) return process.env.PORTAL_STAFF_TOKEN;
  try {
    return readFileSync(tokenFile(), 'utf8').trim();
  } catch {
    if (!create) return undefined;
    mkdirSync(DATA_DIR, { recursive: true, mode: 0o700 });
    const token = randomBytes(32).toString('base64url');
    writeFileSync(tokenFile(), token, { mode: 0o600 });
    return token;
  }
}
