/**
 * The conformance suite's runner:
 *
 *   npm run conformance -- --base-url https://portal.clinic.example/api/v1 [--site-origin https://www.clinic.example]
 *   npm run conformance -- --start        # start this repository's reference server and check it
 *
 * The server must be seeded with the demo personas (dana, newbie, rory, bea);
 * the `newbie` first-sign-in test needs fresh demo data and is skipped otherwise.
 * With `--start`, `DATABASE_URL` (if set) is used instead of a fresh embedded database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');

function usage(message?: string): never {
  if (message) process.stderr.write(`${message}\n`);
  process.stderr.write('Usage: npm run conformance -- (--base-url <api base url> | --start) [--site-origin <origin>]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) usage(`${name} needs a value`);
  return value;
};
let baseUrl = option('--base-url');
let siteOrigin = option('--site-origin');
const start = args.includes('--start');
if (!baseUrl && !start) usage();

let server: ChildProcess | undefined;
let dataDir: string | undefined;

/** Start `server/main.ts` on a free port and resolve with its API base URL. */
function startServer(): Promise<string> {
  dataDir = mkdtempSync(join(tmpdir(), 'portal-conformance-'));
  siteOrigin ??= 'http://127.0.0.1:9';
  server = spawn(process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      PORTAL_DATA_DIR: dataDir,
      PORTAL_SERVE_DEMO: '0',
      PORTAL_STRICT_RESPONSES: '1',
      PORTAL_ALLOWED_ORIGINS: siteOrigin,
      PORTAL_SEED: 'demo', // the suite signs in as the demo personas, also on DATABASE_URL
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('The reference server did not start within 180 s.')), 180_000);
    server!.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Portal reference server: (http:\/\/\S+?)\/ /.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(`${match[1]}/api/v1`);
      }
    });
    server!.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The reference server exited (${code}) before it was ready.`));
    });
  });
}

function stopServer() {
  if (server && server.exitCode === null) server.kill('SIGTERM');
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

async function main(): Promise<number> {
  if (start) {
    baseUrl = await startServer();
    process.stdout.write(`Reference server started: ${baseUrl}\n`);
  }
  const files = readdirSync(here)
    .filter((f) => f.endsWith('.test.ts'))
    .sort()
    .map((f) => relative(root, join(here, f)));
  const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], {
    cwd: root,
    env: {
      ...process.env,
      PORTAL_CONFORMANCE_BASE_URL: baseUrl,
      ...(siteOrigin && { PORTAL_CONFORMANCE_SITE_ORIGIN: siteOrigin }),
    },
    stdio: 'inherit',
  });
  return new Promise((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
}

main()
  .then((code) => {
    stopServer();
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    stopServer();
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
