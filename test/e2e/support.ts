/**
 * End-to-end support: the reference server exactly as `npm start` runs it
 * (`server/main.ts` on the built widgets, embedded database in a throwaway data
 * folder), Debian's Chromium through playwright-core, and the staff CLI.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

export interface RunningServer {
  /** Where the API and (same-origin) the demo site are, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** The second, site-only origin when started with `site: true`. */
  siteOrigin?: string;
  dataDir: string;
  /** Run a staff command through the CLI (`npm run staff -- …`), returning its JSON output. */
  staff(command: string, ...args: string[]): Promise<unknown>;
  stop(): Promise<void>;
}

/** `vite build` once if the bundle is missing (npm start builds first; tests may run without it). */
export async function ensureBuilt(): Promise<void> {
  if (existsSync(join(ROOT, 'dist', 'portal.js'))) return;
  await run(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build'], { cwd: ROOT });
}

async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startServer(options: { site?: boolean } = {}): Promise<RunningServer> {
  await ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'portal-e2e-'));
  const sitePort = options.site ? await freePort() : undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    PORTAL_DATA_DIR: dataDir,
    PORTAL_STRICT_RESPONSES: '1',
    ...(sitePort !== undefined && { PORTAL_SITE_PORT: String(sitePort) }),
  };
  delete env.DATABASE_URL; // the embedded database, as `npm start` has it
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in time\n${out}\n${log}`)), 180_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Portal reference server: (http:\/\/\S+?)\/ /.exec(out);
      if (match && (!sitePort || out.includes('Demo site on another origin'))) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}\n${out}\n${log}`)));
  });
  return {
    origin,
    ...(sitePort !== undefined && { siteOrigin: `http://127.0.0.1:${sitePort}` }),
    dataDir,
    async staff(command, ...args) {
      const { stdout } = await run(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'server', 'staff-cli.ts'), command, ...args, '--json'],
        {
          cwd: ROOT,
          env: { ...env, PORT: '' },
        },
      );
      return JSON.parse(stdout) as unknown;
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * One reference server and one browser for a test file: started before its
 * tests, stopped after. Read `.server` / `.browser` inside the tests.
 */
export function useServerAndBrowser(options: { site?: boolean } = {}): { server: RunningServer; browser: Browser } {
  const running = {} as { server: RunningServer; browser: Browser };
  before(async () => {
    [running.server, running.browser] = await Promise.all([startServer(options), launchBrowser()]);
  });
  after(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}

/** With `E2E_SCREENSHOT_DIR` set, keep a full-page screenshot of this step (to look at, not to compare). */
export async function snap(page: Page, name: string): Promise<void> {
  const dir = process.env.E2E_SCREENSHOT_DIR;
  if (dir) await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
