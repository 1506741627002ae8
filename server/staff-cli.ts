/**
 * The clinic staff's tool: `npm run staff -- <command> [options]`.
 *
 *   provision-patient --id <id> --name "<name>" [--email <address>] [--password <first password>]
 *   list-open-threads [--category <id>] [--limit <n>]
 *   show-thread --thread <id>
 *   reply --thread <id> --as "<clinician name>" [--role physician|nurse|staff|billing] (--body "<text>" | --body-file <file>)
 *   revoke-messaging --patient <id>        restore-messaging --patient <id>
 *   publish-policy (--file <policy.json> | --bump) [--version <v>] [--summary "<what changed>"]
 *   mark-bounced --patient <id>
 *   reset-demo
 *
 * Add `--json` for machine-readable output. With the embedded database the
 * command goes through the running server's staff API when `npm start` is up
 * (PGlite is single-process); otherwise it opens the database itself.
 */
import { readFileSync } from 'node:fs';
import { createApp } from './app.js';
import { acquireLock, lockHolder, readServerInfo, releaseLock, staffToken } from './local-state.js';
import { settingsFromEnv } from './settings.js';
import { STAFF_COMMANDS, StaffUsageError, type OpenThread } from './staff.js';

const USAGE = `Usage: npm run staff -- <command> [options] [--json]
Commands:
  provision-patient --id <id> --name "<name>" [--email <address>] [--password <first password>]
  list-open-threads [--category <id>] [--limit <n>]
  show-thread --thread <id>
  reply --thread <id> --as "<clinician>" [--role physician|nurse|staff|billing] (--body "<text>" | --body-file <file>)
  revoke-messaging --patient <id>
  restore-messaging --patient <id>
  publish-policy (--file <policy.json> | --bump) [--version <v>] [--summary "<what changed>"]
  mark-bounced --patient <id>
  reset-demo`;

const BOOLEAN_FLAGS = new Set(['json', 'bump', 'help']);

function parseArgs(argv: string[]): { command: string; args: Record<string, unknown>; json: boolean } {
  const [command = 'help', ...rest] = argv;
  const args: Record<string, unknown> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith('--')) throw new StaffUsageError(`Unexpected argument: ${arg}`);
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq > 0 ? eq : undefined);
    if (BOOLEAN_FLAGS.has(name)) {
      args[name] = true;
    } else if (eq > 0) {
      args[name] = arg.slice(eq + 1);
    } else {
      const value = rest[++i];
      if (value === undefined) throw new StaffUsageError(`--${name} needs a value`);
      args[name] = value;
    }
  }
  if (typeof args['body-file'] === 'string') args.body = readFileSync(args['body-file'], 'utf8');
  if (typeof args.file === 'string') {
    const parsed = JSON.parse(readFileSync(args.file, 'utf8')) as { documents?: unknown };
    args.documents = parsed.documents ?? parsed;
  }
  if (typeof args.limit === 'string') args.limit = Number(args.limit);
  const json = args.json === true;
  delete args.json;
  delete args['body-file'];
  delete args.file;
  return { command, args, json };
}

/** Through the running server (embedded database in use), or against the database directly. */
async function execute(command: string, args: Record<string, unknown>): Promise<unknown> {
  const settings = settingsFromEnv();
  const running = settings.embedded ? readServerInfo() : null;
  if (running || (settings.embedded && lockHolder())) {
    const token = staffToken(false);
    if (!running || !token) throw new Error('The embedded database is in use by another process; stop it or run this with the server up.');
    const response = await fetch(`${running.url}/staff/v1/${command}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(args),
    });
    const payload = (await response.json()) as { result?: unknown; code?: string; detail?: string; fieldErrors?: unknown };
    if (!response.ok) {
      const error = new Error(payload.detail ?? payload.code ?? `HTTP ${response.status}`) as Error & { code?: string; fieldErrors?: unknown };
      error.code = payload.code;
      error.fieldErrors = payload.fieldErrors;
      throw error;
    }
    return payload.result;
  }
  if (settings.embedded) acquireLock();
  const app = await createApp({ ...settings.app, log: () => undefined });
  try {
    return await app.staff(command, args);
  } finally {
    await app.close();
    releaseLock();
  }
}

function formatLocal(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(new Date(iso));
}

function print(command: string, result: unknown): void {
  const out = (line = ''): void => void process.stdout.write(`${line}\n`);
  const r = result as Record<string, unknown>;
  switch (command) {
    case 'list-open-threads': {
      const { timeZone, threads } = r as { timeZone: string; threads: OpenThread[] };
      if (threads.length === 0) return out('No open threads: every conversation has an answer.');
      out(`${threads.length} open thread(s), by category; due times in ${timeZone}`);
      let category = '';
      for (const t of threads) {
        if (t.category !== category) out(`\n${(category = t.category)}`);
        const flags = [t.overdue ? 'OVERDUE' : '', t.triageLevel && t.triageLevel !== 'routine' ? t.triageLevel.toUpperCase() : ''].filter(Boolean).join(' ');
        out(`  due ${formatLocal(t.dueAt, timeZone).padEnd(24)} ${flags.padEnd(16)} ${t.patientId.padEnd(10)} ${JSON.stringify(t.subject)}  [thread ${t.id}]`);
      }
      return;
    }
    case 'show-thread': {
      const thread = r as { subject: string; patientId: string; category: string; messages: Array<{ sender: { name: string; role: string }; sentAt: string; body: string }> };
      out(`${JSON.stringify(thread.subject)} — ${thread.category}, patient ${thread.patientId}`);
      for (const m of thread.messages) out(`\n[${m.sentAt}] ${m.sender.name} (${m.sender.role}):\n${m.body}`);
      return;
    }
    case 'provision-patient':
      out(`Patient ${String(r.id)} created. First password (give it to the patient; they must change it at first sign-in):`);
      return out(`  ${String(r.initialPassword)}`);
    case 'reply':
      return out(`Reply sent (message ${String(r.id)}) as ${String((r.sender as { name: string }).name)}.`);
    case 'publish-policy':
      return out(`Policy ${String(r.version)} published (${(r.locales as string[]).join(', ')}). Patients must accept it before messaging again.`);
    case 'reset-demo':
      return out('Demo data reset: clinic, policy, the four personas and their threads are back as new.');
    default:
      return out(JSON.stringify(result, null, 2));
  }
}

async function run(): Promise<number> {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { command, args, json } = parsed;
  if (command === 'help' || args.help || !(STAFF_COMMANDS as readonly string[]).includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    return command === 'help' || args.help ? 0 : 2;
  }
  try {
    const result = await execute(command, args);
    if (json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else print(command, result);
    return 0;
  } catch (error) {
    const e = error as Error & { code?: string; fieldErrors?: Array<{ field: string; code: string }> };
    const details = e.fieldErrors?.map((f) => `${f.field}: ${f.code}`).join(', ');
    process.stderr.write(`${command} failed: ${e.code ?? e.message}${details ? ` (${details})` : ''}\n`);
    return e instanceof StaffUsageError ? 2 : 1;
  }
}

process.exitCode = await run();
