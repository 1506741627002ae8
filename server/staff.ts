/**
 * Staff operations, as named commands with plain-object arguments, so the CLI
 * can run them against the database directly or through a running server's
 * staff API (`/staff/v1/<command>`, bearer token) with the same code path.
 *
 * The rules are the backend's (`PortalBackend.provisionPatient`, `staffReply`,
 * …); this file only parses arguments, adds the "due time" to open threads and
 * knows how to wipe and re-seed the demo.
 */
import { randomInt } from 'node:crypto';
import { CategoryId, SenderRole, type PolicyDocument } from '../src/api/schemas.js';
import { seedDemo } from '../src/backend/demo-data.js';
import type { PolicyPublication, PortalBackend } from '../src/backend/service.js';
import { nextHandlingTime, type WeeklyHours } from '../src/policy/business-hours.js';

/** A mistake in how a command was called (not a rule of the backend). */
export class StaffUsageError extends Error {
  override readonly name = 'StaffUsageError';
}

export interface StaffContext {
  backend: PortalBackend;
  /** Wipe every row and stored file (reset-demo). */
  wipe: () => Promise<void>;
}

export interface OpenThread {
  id: string;
  patientId: string;
  category: string;
  subject: string;
  lastActivityAt: string;
  /** When the office is due to handle it: the first business-hours moment at or after the patient's message. */
  dueAt: string;
  overdue: boolean;
  triageLevel: string | null;
  messageCount: number;
}

export const STAFF_COMMANDS = [
  'provision-patient',
  'list-open-threads',
  'show-thread',
  'reply',
  'revoke-messaging',
  'restore-messaging',
  'publish-policy',
  'mark-bounced',
  'reset-demo',
] as const;
export type StaffCommand = (typeof STAFF_COMMANDS)[number];

function str(args: Record<string, unknown>, name: string, required: true): string;
function str(args: Record<string, unknown>, name: string, required?: false): string | undefined;
function str(args: Record<string, unknown>, name: string, required = false): string | undefined {
  const value = args[name];
  if (value === undefined || value === null || value === '') {
    if (required) throw new StaffUsageError(`--${name} is required`);
    return undefined;
  }
  if (typeof value !== 'string') throw new StaffUsageError(`--${name} must be text`);
  return value;
}

/** An office-issued first password: 4 groups of 4 from an unambiguous alphabet (≈ 80 bits). */
export function initialPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const group = () => Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return [group(), group(), group(), group()].join('-');
}

export async function runStaffCommand(ctx: StaffContext, command: string, args: Record<string, unknown>): Promise<unknown> {
  const { backend } = ctx;
  switch (command as StaffCommand) {
    case 'provision-patient': {
      const id = str(args, 'id', true);
      const password = str(args, 'password') ?? initialPassword();
      await backend.provisionPatient(id, str(args, 'name', true), password, str(args, 'email'));
      return { id: id.trim().toLowerCase(), initialPassword: password, mustChangePassword: true };
    }

    case 'list-open-threads': {
      const category = str(args, 'category');
      if (category !== undefined && !CategoryId.safeParse(category).success) {
        throw new StaffUsageError(`--category must be one of ${CategoryId.options.join(', ')}`);
      }
      const clinic = await backend.getClinic();
      const calendar = { timeZone: clinic.timeZone, hours: clinic.hours as WeeklyHours, closures: clinic.closures };
      const now = backend.clock();
      const open = await backend.listOpenThreads(Number(args.limit ?? 500));
      const threads = open
        .filter((t) => category === undefined || t.category === category)
        .map((t): OpenThread => {
          const due = nextHandlingTime(new Date(t.lastActivityAt), calendar).handledAt;
          return {
            id: t.id,
            patientId: t.patientId,
            category: t.category,
            subject: t.subject,
            lastActivityAt: t.lastActivityAt,
            dueAt: due.toISOString(),
            overdue: due.getTime() < now.getTime(),
            triageLevel: t.triageLevel,
            messageCount: t.messageCount,
          };
        })
        .sort((a, b) => a.category.localeCompare(b.category) || a.dueAt.localeCompare(b.dueAt));
      return { timeZone: clinic.timeZone, threads };
    }

    case 'show-thread':
      return backend.staffGetThread(str(args, 'thread', true));

    case 'reply': {
      const role = str(args, 'role') ?? 'physician';
      if (!SenderRole.safeParse(role).success || role === 'patient') {
        throw new StaffUsageError('--role must be physician, nurse, staff or billing');
      }
      return backend.staffReply(
        str(args, 'thread', true),
        { name: str(args, 'as', true), role: role as 'physician' },
        str(args, 'body', true),
      );
    }

    case 'revoke-messaging':
    case 'restore-messaging': {
      const patient = str(args, 'patient', true);
      await backend.setMessagingAllowed(patient, command === 'restore-messaging');
      return { patient, messagingAllowed: command === 'restore-messaging' };
    }

    case 'publish-policy': {
      const version = str(args, 'version') ?? (await nextPolicyVersion(backend));
      const summary = str(args, 'summary');
      let documents: PolicyPublication['documents'];
      if (args.documents !== undefined) {
        // From a file (the CLI reads it): one document or a list, one per locale.
        const list = Array.isArray(args.documents) ? args.documents : [args.documents];
        documents = list.map((d) => {
          const { version: _v, publishedAt: _p, ...rest } = d as PolicyDocument;
          return { ...rest, ...(summary !== undefined && { changeSummary: summary }) };
        });
      } else if (args.bump === true) {
        // Same text, new version: every patient is asked to accept it again.
        const current = await Promise.all((await backend.getClinic()).locales.map((l) => backend.getPolicy(l)));
        const unique = current.filter((d, i) => current.findIndex((o) => o.locale === d.locale) === i);
        documents = unique.map(({ version: _v, publishedAt: _p, changeSummary: _c, ...rest }) => ({
          ...rest,
          ...(summary !== undefined && { changeSummary: summary }),
        }));
      } else {
        throw new StaffUsageError('publish-policy needs --file <policy.json> or --bump');
      }
      const published = await backend.publishPolicy({ version, documents });
      return { version: published.version, publishedAt: published.publishedAt, locales: documents.map((d) => d.locale) };
    }

    case 'mark-bounced': {
      const patient = str(args, 'patient', true);
      await backend.markEmailBounced(patient);
      return { patient, bounced: true };
    }

    case 'reset-demo':
      await ctx.wipe();
      await seedDemo(backend);
      return { reset: true };

    default:
      throw new StaffUsageError(`Unknown command. Commands: ${STAFF_COMMANDS.join(', ')}`);
  }
}

/** Today's date in the clinic's time zone, with `-2`, `-3`… when that version exists. */
async function nextPolicyVersion(backend: PortalBackend): Promise<string> {
  const clinic = await backend.getClinic();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: clinic.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(backend.clock());
  const current = clinic.policyVersion;
  if (current !== today && !current.startsWith(`${today}-`)) return today;
  const n = current === today ? 1 : Number(current.slice(today.length + 1)) || 1;
  return `${today}-${n + 1}`;
}
