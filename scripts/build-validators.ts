/**
 * Generates `src/api/validators.generated.ts`: the zod contract compiled to
 * plain data that `src/api/validate.ts` interprets, so the browser client
 * validates exactly what zod validates without shipping zod.
 *
 *   tsx scripts/build-validators.ts          write the module
 *   tsx scripts/build-validators.ts --check  exit 1 if it is stale
 *
 * It walks every schema the operations table references (queries, bodies,
 * responses), plus `Problem` and `Id` (path parameters), through
 * `schema._zod.def`, and also emits the browser's route table and `LIMITS`.
 * Only the zod features the contract uses are understood; anything else (a
 * refinement, transform, coercion, strict object, unknown check or option...)
 * stops the build with the schema path, because skipping it would silently
 * weaken validation. Teach `validate.ts` and this script the new feature
 * together, with a differential test in `src/api/validate.test.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { operations } from '../src/api/operations.js';
import type { OperationSpec } from '../src/api/operations.js';
import * as schemas from '../src/api/schemas.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = resolve(ROOT, 'src/api/validators.generated.ts');

// ---------------------------------------------------------------- zod internals (read-only)

interface Internals {
  def: Record<string, unknown>;
  optin?: string;
  optout?: string;
  values?: Set<unknown>;
  traits: Set<string>;
}
type Schema = { _zod: Internals };

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

class UnsupportedSchema extends Error {}

function unsupported(where: string, what: string): never {
  throw new UnsupportedSchema(
    `${where}: ${what}.\nvalidate.ts does not understand this, and skipping it would weaken the browser's validation; ` +
      'extend scripts/build-validators.ts and src/api/validate.ts (with a differential test) or change the schema.',
  );
}

/** Fails on any def key outside `allowed`: a new option could change what the schema accepts. */
function onlyKeys(def: Record<string, unknown>, allowed: readonly string[], where: string): void {
  for (const key of Object.keys(def)) {
    if (!allowed.includes(key) && def[key] !== undefined)
      unsupported(where, `option \`${key}\` on the ${String(def['type'] ?? def['check'])} schema`);
  }
}

/** Default `when` of zod's length checks (run whenever the value has a length): anything else is custom. */
const DEFAULT_WHEN = (z.maxLength(1) as unknown as Schema)._zod.def['when'];

function checkDefs(def: Record<string, unknown>): Record<string, unknown>[] {
  const list = (def['checks'] as Schema[] | undefined) ?? [];
  return list.map((check) => check._zod.def);
}

function regex(value: unknown, where: string): RegExp {
  if (!(value instanceof RegExp)) unsupported(where, 'a pattern that is not a RegExp');
  if (/[gy]/.test(value.flags)) unsupported(where, `a stateful regex flag in /${value.source}/${value.flags}`);
  return value;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------- descriptor nodes

type Part = number | string | boolean | null | RegExp | Built;
interface Built {
  parts: Part[];
  /** The fully inlined literal: identical keys are identical validators. */
  key: string;
}

const STRING = 0,
  NUMBER = 1,
  INT = 2,
  BOOLEAN = 3,
  ONE_OF = 4,
  ARRAY = 5,
  OBJECT = 6,
  OPTIONAL = 7,
  NULLABLE = 8,
  RECORD = 9,
  UNION = 10,
  DISCRIMINATED = 11;
const MIN = 0,
  MAX = 1,
  PATTERN = 2,
  EMAIL = 3,
  HTTP_URL = 4;

function isBuilt(part: Part): part is Built {
  return typeof part === 'object' && part !== null && !(part instanceof RegExp);
}

function literal(part: Exclude<Part, Built>, where: string): string {
  if (part instanceof RegExp) return `/${part.source}/${part.flags}`;
  if (typeof part === 'number' && !Number.isFinite(part)) unsupported(where, `the number ${part}`);
  return typeof part === 'string'
    ? `'${JSON.stringify(part).slice(1, -1).replace(/'/g, "\\'").replace(/\\"/g, '"')}'`
    : String(part);
}

function built(parts: Part[], where: string): Built {
  const key = `[${parts.map((p) => (isBuilt(p) ? p.key : literal(p, where))).join(',')}]`;
  return { parts, key };
}

const cache = new WeakMap<object, Built>();

/** The descriptor literal for one schema (throws UnsupportedSchema on anything validate.ts cannot check). */
export function describeSchema(schema: unknown, where = 'schema'): string {
  return build(schema, where).key;
}

function build(schema: unknown, where: string): Built {
  if (!isSchema(schema)) unsupported(where, 'a value that is not a zod schema');
  const hit = cache.get(schema);
  if (hit) return hit;
  const result = buildUncached(schema, where);
  cache.set(schema, result);
  return result;
}

function buildUncached(schema: Schema, where: string): Built {
  const def = schema._zod.def;
  const type = def['type'];
  const noChecks = () => {
    if (checkDefs(def).length > 0) unsupported(where, `checks on a ${String(type)}`);
  };
  switch (type) {
    case 'string':
      return built([STRING, ...stringChecks(def, where)], where);
    case 'number': {
      onlyKeys(def, ['type', 'checks', 'format', 'check', 'abort', 'error'], where);
      const format = def['format'];
      if (format !== undefined && format !== 'safeint') unsupported(where, `the number format ${String(format)}`);
      return built([format === 'safeint' ? INT : NUMBER, ...numberChecks(def, where)], where);
    }
    case 'boolean':
      onlyKeys(def, ['type', 'checks', 'error'], where);
      noChecks();
      return built([BOOLEAN], where);
    case 'literal':
    case 'enum': {
      onlyKeys(def, ['type', 'values', 'entries', 'checks', 'error'], where);
      noChecks();
      const values = [...(schema._zod.values ?? [])];
      if (values.length === 0) unsupported(where, `a ${type} without values`);
      for (const value of values) {
        if (!['string', 'number', 'boolean'].includes(typeof value) && value !== null) {
          unsupported(where, `the ${type} value ${String(value)}`);
        }
      }
      return built([ONE_OF, ...(values as (string | number | boolean | null)[])], where);
    }
    case 'array': {
      onlyKeys(def, ['type', 'element', 'checks', 'error'], where);
      const element = build(def['element'], `${where}[]`);
      return built([ARRAY, element, ...lengthChecks(checkDefs(def), where)], where);
    }
    case 'object': {
      onlyKeys(def, ['type', 'shape', 'checks', 'error'], where);
      noChecks();
      const shape = def['shape'] as Record<string, unknown>;
      if (Object.getOwnPropertySymbols(shape).length > 0) unsupported(where, 'a symbol key');
      const parts: Part[] = [OBJECT];
      for (const key of Object.keys(shape)) {
        if (key === '__proto__') unsupported(where, 'a `__proto__` key');
        const member = shape[key];
        const node = build(member, `${where}.${key}`);
        const internals = (member as Schema)._zod;
        // Absent keys are skipped exactly when zod skips them: optional in and out, which the runtime reads as [7, …].
        const absentOk = internals.optin === 'optional' && internals.optout === 'optional';
        if (absentOk !== (node.parts[0] === OPTIONAL) || (internals.optin !== undefined && !absentOk)) {
          unsupported(`${where}.${key}`, `optionality ${String(internals.optin)}/${String(internals.optout)}`);
        }
        parts.push(key, node);
      }
      return built(parts, where);
    }
    case 'optional': {
      onlyKeys(def, ['type', 'innerType', 'checks', 'error'], where);
      // exactOptional shares the def but refuses a present `undefined`.
      if (schema._zod.traits.has('$ZodExactOptional')) unsupported(where, 'z.exactOptional()');
      noChecks();
      const inner = build(def['innerType'], where);
      if (inner.parts[0] === OPTIONAL) return inner;
      return built([OPTIONAL, inner], where);
    }
    case 'nullable': {
      onlyKeys(def, ['type', 'innerType', 'checks', 'error'], where);
      noChecks();
      const inner = build(def['innerType'], where);
      if (inner.parts[0] === NULLABLE) return inner;
      // nullable(optional(x)) accepts what optional(nullable(x)) does; keep optional outermost for objects.
      if (inner.parts[0] === OPTIONAL) {
        const innermost = inner.parts[1] as Built;
        return built(
          [OPTIONAL, innermost.parts[0] === NULLABLE ? innermost : built([NULLABLE, innermost], where)],
          where,
        );
      }
      return built([NULLABLE, inner], where);
    }
    case 'record': {
      onlyKeys(def, ['type', 'keyType', 'valueType', 'checks', 'error'], where);
      noChecks();
      const key = build(def['keyType'], `${where}{key}`);
      if (key.parts[0] !== STRING || key.parts.includes(HTTP_URL))
        unsupported(where, 'a record key that is not a plain string schema');
      return built([RECORD, key, build(def['valueType'], `${where}{}`)], where);
    }
    case 'union': {
      const options = def['options'] as unknown[];
      const discriminator = def['discriminator'];
      if (discriminator === undefined) {
        onlyKeys(def, ['type', 'options', 'checks', 'error'], where);
        noChecks();
        const parts = options.map((option, i) => build(option, `${where}|${i}`));
        for (const [i, option] of options.entries()) {
          if ((option as Schema)._zod.optin !== undefined) unsupported(`${where}|${i}`, 'an optional union member');
        }
        return built([UNION, ...parts], where);
      }
      onlyKeys(def, ['type', 'options', 'discriminator', 'inclusive', 'checks', 'error'], where);
      noChecks();
      if (typeof discriminator !== 'string') unsupported(where, 'a non-string discriminator');
      if (def['inclusive'] !== false) unsupported(where, 'an inclusive discriminated union');
      const claimed = new Set<unknown>();
      const parts = options.map((option, i) => {
        const node = build(option, `${where}|${i}`);
        const at = node.parts.indexOf(discriminator, 1);
        const tag = node.parts[at + 1];
        if (node.parts[0] !== OBJECT || at < 1 || at % 2 !== 1 || !isBuilt(tag!) || tag.parts[0] !== ONE_OF) {
          unsupported(`${where}|${i}`, `an option without a literal \`${discriminator}\``);
        }
        for (const value of tag.parts.slice(1)) {
          if (claimed.has(value)) unsupported(where, `the discriminator value ${String(value)} twice`);
          claimed.add(value);
        }
        return node;
      });
      return built([DISCRIMINATED, discriminator, ...parts], where);
    }
    default:
      return unsupported(where, `the schema type \`${String(type)}\``);
  }
}

function stringChecks(def: Record<string, unknown>, where: string): Part[] {
  const parts: Part[] = [];
  const format = def['format'];
  // A format schema is itself the first check (zod runs it before `.check(...)`s).
  if (format === undefined) {
    onlyKeys(def, ['type', 'checks', 'error'], where);
  } else if (format === 'datetime' || format === 'date') {
    onlyKeys(
      def,
      ['type', 'format', 'check', 'abort', 'pattern', 'offset', 'local', 'precision', 'checks', 'error'],
      where,
    );
    parts.push(PATTERN, regex(def['pattern'], where));
  } else if (format === 'email') {
    onlyKeys(def, ['type', 'format', 'check', 'abort', 'pattern', 'checks', 'error'], where);
    parts.push(EMAIL, regex(def['pattern'], where));
  } else if (format === 'url') {
    onlyKeys(def, ['type', 'format', 'check', 'abort', 'protocol', 'hostname', 'checks', 'error'], where);
    // Only zod's httpUrl(): its `://` guard and http(s) protocol are built into validate.ts.
    if (!(def['protocol'] instanceof RegExp) || def['protocol'].source !== '^https?$' || def['protocol'].flags !== '') {
      unsupported(where, 'a URL schema other than z.httpUrl()');
    }
    parts.push(HTTP_URL, regex(def['hostname'], where));
  } else {
    unsupported(where, `the string format \`${String(format)}\``);
  }
  for (const check of checkDefs(def)) {
    switch (check['check']) {
      case 'min_length':
      case 'max_length':
        parts.push(...lengthChecks([check], where));
        break;
      case 'string_format':
        if (check['format'] === 'regex') {
          onlyKeys(check, ['check', 'format', 'pattern', 'abort', 'error'], where);
          parts.push(PATTERN, regex(check['pattern'], where));
        } else if (check['format'] === 'starts_with') {
          onlyKeys(check, ['check', 'format', 'prefix', 'pattern', 'abort', 'error'], where);
          parts.push(PATTERN, new RegExp(`^${escapeRegex(String(check['prefix']))}`));
        } else {
          unsupported(where, `the string check \`${String(check['format'])}\``);
        }
        break;
      default:
        unsupported(where, `the string check \`${String(check['check'])}\``);
    }
  }
  return parts;
}

function lengthChecks(checks: Record<string, unknown>[], where: string): Part[] {
  const parts: Part[] = [];
  for (const check of checks) {
    const kind = check['check'];
    if (kind !== 'min_length' && kind !== 'max_length') unsupported(where, `the check \`${String(kind)}\``);
    const bound = kind === 'min_length' ? 'minimum' : 'maximum';
    onlyKeys(check, ['check', bound, 'when', 'abort', 'error'], where);
    if (check['when'] !== DEFAULT_WHEN) unsupported(where, 'a custom `when` on a length check');
    const n = check[bound];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) unsupported(where, `the length bound ${String(n)}`);
    parts.push(kind === 'min_length' ? MIN : MAX, n);
  }
  return parts;
}

function numberChecks(def: Record<string, unknown>, where: string): Part[] {
  const parts: Part[] = [];
  for (const check of checkDefs(def)) {
    const kind = check['check'];
    if (kind !== 'greater_than' && kind !== 'less_than') unsupported(where, `the number check \`${String(kind)}\``);
    onlyKeys(check, ['check', 'value', 'inclusive', 'abort', 'error'], where);
    if (check['inclusive'] !== true) unsupported(where, 'an exclusive bound (gt/lt)');
    const n = check['value'];
    if (typeof n !== 'number' || !Number.isFinite(n)) unsupported(where, `the bound ${String(n)}`);
    parts.push(kind === 'greater_than' ? MIN : MAX, n);
  }
  return parts;
}

// ---------------------------------------------------------------- module text

/** Export names of every schema in schemas.ts (sorted, so aliases resolve the same way every run). */
const exportNames = new Map<object, string[]>();
for (const [name, value] of Object.entries(schemas as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))) {
  if (isSchema(value)) exportNames.set(value, [...(exportNames.get(value) ?? []), name]);
}

function rootName(schema: unknown, where: string): string {
  const names = isSchema(schema) ? exportNames.get(schema) : undefined;
  if (!names) throw new Error(`${where} uses a schema that is not exported from schemas.ts; export it by name.`);
  return names[0]!;
}

const HEADER = `/**
 * GENERATED by scripts/build-validators.ts from src/api/schemas.ts and
 * src/api/operations.ts: do not edit. Regenerate with
 * \`npx tsx scripts/build-validators.ts\` (\`--check\` fails when stale).
 *
 * The zod contract as data for src/api/validate.ts (node format documented
 * there), the browser's route table and LIMITS, so the browser never loads zod.
 */
import type * as z from 'zod/mini';
import type { OperationId } from './operations.js';
import type * as s from './schemas.js';
import type { Descriptor as D } from './validate.js';

type O<T extends z.ZodMiniType> = D<z.output<T>>;

/** What the browser client needs of an operation: no schemas, summaries or server rules. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly query?: D;
  readonly body?: D;
  /** JSON response; absent for 204 and binary responses. */
  readonly response?: D;
  /** Carries an Idempotency-Key and may be retried. */
  readonly idempotent?: true;
  /** A POST that changes nothing: as safe to retry as a GET. */
  readonly safe?: true;
  /** Binary response (a download). */
  readonly binary?: true;
}
`;

/** Operation fields this script knows; the browser needs all but `auth`, `rawBody` and `problems` (server and docs only). */
const SPEC_KEYS = new Set([
  'method',
  'path',
  'auth',
  'query',
  'body',
  'rawBody',
  'response',
  'binaryResponse',
  'idempotent',
  'safe',
  'problems',
]);

export function generate(): string {
  const roots: { name: string; schema: unknown }[] = [];
  const routeLines: string[] = [];
  const rootFor = (schema: unknown, where: string) => {
    const name = rootName(schema, where);
    if (!roots.some((r) => r.name === name)) roots.push({ name, schema });
    return name;
  };
  for (const [id, spec] of Object.entries(operations) as [string, OperationSpec][]) {
    for (const key of Object.keys(spec)) {
      if (!SPEC_KEYS.has(key))
        unsupported(id, `the operation field \`${key}\` (decide whether the browser's route table needs it)`);
    }
    const fields = [`method: ${literal(spec.method, id)}`, `path: ${literal(spec.path, id)}`];
    if (spec.query) fields.push(`query: ${rootFor(spec.query, `${id} query`)}`);
    if (spec.body) fields.push(`body: ${rootFor(spec.body, `${id} body`)}`);
    if (spec.response) fields.push(`response: ${rootFor(spec.response, `${id} response`)}`);
    if (spec.idempotent) fields.push('idempotent: true');
    if (spec.safe) fields.push('safe: true');
    if (spec.binaryResponse) fields.push('binary: true');
    routeLines.push(`  ${id}: { ${fields.join(', ')} },`);
  }
  rootFor(schemas.Problem, 'Problem');
  rootFor(schemas.Id, 'path parameters');

  // Build every node, then count how often each distinct node is used, so shared ones become consts.
  const builtRoots = roots.map((r) => ({ ...r, node: build(r.schema, r.name) }));
  const uses = new Map<string, number>();
  const visited = new Set<string>();
  const count = (node: Built) => {
    if (visited.has(node.key)) return;
    visited.add(node.key);
    for (const part of node.parts) {
      if (!isBuilt(part)) continue;
      uses.set(part.key, (uses.get(part.key) ?? 0) + 1);
      count(part);
    }
  };
  builtRoots.forEach((r) => count(r.node));

  // Named consts for schemas exported from schemas.ts (by identity), in first-use order.
  const namedKeys = new Map<string, string>();
  const namesByKey = (node: Built, schema: unknown) => {
    const names = isSchema(schema) ? exportNames.get(schema) : undefined;
    if (names && !namedKeys.has(node.key)) namedKeys.set(node.key, names[0]!);
  };
  const seen = new WeakSet<object>();
  const nameWalk = (schema: unknown) => {
    if (!isSchema(schema) || seen.has(schema)) return;
    seen.add(schema);
    const node = cache.get(schema);
    if (node) namesByKey(node, schema);
    const def = schema._zod.def;
    for (const child of [
      def['element'],
      def['innerType'],
      def['keyType'],
      def['valueType'],
      ...((def['options'] as unknown[]) ?? []),
    ]) {
      nameWalk(child);
    }
    if (def['type'] === 'object') Object.values(def['shape'] as Record<string, unknown>).forEach(nameWalk);
  };
  builtRoots.forEach((r) => nameWalk(r.schema));

  const lines: string[] = [];
  const constFor = new Map<string, string>();
  const exported: string[] = [];
  let anonymous = 0;
  const ref = (node: Built): string => {
    const done = constFor.get(node.key);
    if (done) return done;
    const text = `[${node.parts.map((p) => (isBuilt(p) ? ref(p) : literal(p, 'emit'))).join(', ')}]`;
    const named = namedKeys.get(node.key);
    const shared = (uses.get(node.key) ?? 0) > 1 && text.length > 12;
    if (!named && !shared) return text;
    const name = named ?? `_${++anonymous}`;
    lines.push(named ? `export const ${name}: O<typeof s.${name}> = ${text};` : `const ${name}: D = ${text};`);
    if (named) exported.push(name);
    constFor.set(node.key, name);
    return name;
  };
  for (const root of builtRoots) {
    const target = ref(root.node);
    if (target !== root.name) {
      // Same validator as another export: alias it.
      lines.push(`export const ${root.name}: O<typeof s.${root.name}> = ${target};`);
      exported.push(root.name);
      constFor.set(`name:${root.name}`, root.name);
    }
  }

  const limits = Object.entries(schemas.LIMITS).map(([key, value]) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`LIMITS.${key} is not a finite number`);
    return `  ${key}: ${value},`;
  });

  return [
    HEADER,
    '// ---------------------------------------------------------------- descriptors',
    '',
    ...lines,
    '',
    '/** Every exported descriptor by schema name. */',
    `export const descriptors = { ${[...exported].sort().join(', ')} } as const;`,
    '',
    '// ---------------------------------------------------------------- routes',
    '',
    'export const routes: { readonly [K in OperationId]: Route } = {',
    ...routeLines,
    '};',
    '',
    '/** `LIMITS` from schemas.ts, without zod. */',
    'export const LIMITS = {',
    ...limits,
    '} as const;',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------- main

function main(argv: readonly string[]): number {
  let text: string;
  try {
    text = generate();
  } catch (error) {
    if (!(error instanceof UnsupportedSchema)) throw error;
    process.stderr.write(`build-validators: ${error.message}\n`);
    return 1;
  }
  if (argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(OUTPUT, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      process.stderr.write(
        'src/api/validators.generated.ts is stale: run `npx tsx scripts/build-validators.ts` and commit the result.\n',
      );
      return 1;
    }
    process.stdout.write('src/api/validators.generated.ts is up to date.\n');
    return 0;
  }
  writeFileSync(OUTPUT, text);
  process.stdout.write(`Wrote src/api/validators.generated.ts (${Object.keys(operations).length} routes).\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
