/**
 * Generates `openapi.json` (OpenAPI 3.1.0) from the one operations table and
 * the zod/mini schemas, so the document cannot drift from the client, the mock
 * backend or the reference server.
 *
 *   tsx scripts/build-openapi.ts          write openapi.json
 *   tsx scripts/build-openapi.ts --check  exit 1 if openapi.json is stale
 *
 * Every schema exported from `src/api/schemas.ts` becomes a named component and
 * is referenced with `$ref`. Schemas describe what the parsers *accept* (zod
 * `io: 'input'`). Response schemas stay open, so adding a response field is
 * backward compatible; request bodies are closed (`additionalProperties:
 * false`) because the server refuses unknown fields. The result is checked for structural
 * sanity (every `$ref` resolves, every path parameter is declared) before it is
 * written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as z from 'zod/mini';
import { operationSummaries } from '../src/api/operation-docs.js';
import { operations } from '../src/api/operations.js';
import type { OperationId, OperationSpec } from '../src/api/operations.js';
import * as schemas from '../src/api/schemas.js';
import type { ProblemCode } from '../src/api/schemas.js';
// The backend's HTTP layer owns statuses, header and cookie names: the document describes what it does.
import {
  CSRF_HEADER,
  FILENAME_HEADER,
  HOST_SESSION_COOKIE,
  IDEMPOTENCY_HEADER,
  PROBLEM_BASE,
  PROBLEM_STATUS,
  SESSION_COOKIE,
} from '../src/backend/http.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = resolve(ROOT, 'openapi.json');
const SCHEMA_REF = '#/components/schemas/';

const TAGS: { name: string; description: string; prefixes: string[] }[] = [
  {
    name: 'clinic',
    description: 'Public clinic configuration and messaging policy.',
    prefixes: ['/clinic', '/policy'],
  },
  { name: 'session', description: 'Sign-in, sign-out, idle keep-alive and password change.', prefixes: ['/session'] },
  { name: 'consent', description: "The patient's acceptance of the messaging policy.", prefixes: ['/consent'] },
  {
    name: 'messages',
    description: 'Threads, messages, read state and inbox polling.',
    prefixes: ['/threads', '/inbox'],
  },
  { name: 'drafts', description: 'Server-side drafts, so nothing typed is lost.', prefixes: ['/drafts'] },
  { name: 'attachments', description: 'File upload and download.', prefixes: ['/attachments'] },
  {
    name: 'preferences',
    description: 'Notification channels, notification email and language.',
    prefixes: ['/preferences'],
  },
];

// ---------------------------------------------------------------- named schemas

function isZodSchema(value: unknown): value is z.ZodMiniType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/** Every zod schema exported from schemas.ts, by export name (sorted for stable output). */
const named = new Map<z.ZodMiniType, string>(
  Object.entries(schemas as Record<string, unknown>)
    .filter((entry): entry is [string, z.ZodMiniType] => isZodSchema(entry[1]))
    .sort(([a], [b]) => a.localeCompare(b, 'en'))
    .map(([name, schema]) => [schema, name]),
);

/** JSON Schema `format`s that zod emits for checks but that are not formats (e.g. `startsWith`). */
const NOT_FORMATS = new Set(['starts_with', 'ends_with', 'includes', 'lowercase', 'uppercase', 'regex']);

function componentSchemas(): JsonObject {
  const registry = z.registry<{ id: string }>();
  for (const [schema, name] of named) registry.add(schema, { id: name });
  const result = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io: 'input',
    unrepresentable: 'throw',
    uri: (id) => SCHEMA_REF + id,
    override: ({ zodSchema, jsonSchema }) => {
      const format = (jsonSchema as { format?: string }).format;
      if (format !== undefined && NOT_FORMATS.has(format)) {
        const def = (zodSchema._zod as { def: { format?: string } }).def;
        if (def.format === 'url') (jsonSchema as { format?: string }).format = 'uri';
        else delete (jsonSchema as { format?: string }).format;
      }
    },
  }) as { schemas: Record<string, JsonObject> };
  const out: JsonObject = {};
  for (const name of Object.keys(result.schemas).sort()) {
    // `$id` "#/components/..." is a fragment-only id (invalid in 2020-12) and `$schema` is implied by jsonSchemaDialect.
    const { $id: _id, $schema: _schema, ...rest } = result.schemas[name]!;
    out[name] = rest;
  }
  return out;
}

function refTo(schema: z.ZodMiniType, where: string): JsonObject {
  const name = named.get(schema);
  if (name === undefined)
    throw new Error(`${where} uses a schema that is not exported from schemas.ts; export it by name.`);
  return { $ref: SCHEMA_REF + name };
}

// ---------------------------------------------------------------- operations

/** `x-portal-csrf` → `X-Portal-CSRF`-style display name (HTTP header names are case-insensitive). */
function headerName(lower: string): string {
  return lower
    .split('-')
    .map((part) => (part === 'csrf' ? 'CSRF' : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('-');
}

function tagFor(path: string): string {
  const tag = TAGS.find((t) => t.prefixes.some((p) => path === p || path.startsWith(`${p}/`)));
  if (!tag) throw new Error(`No tag for path ${path}`);
  return tag.name;
}

function problemCodesFor(spec: OperationSpec): ProblemCode[] {
  const codes = new Set<ProblemCode>(spec.problems ?? []);
  if (spec.auth !== 'none') {
    codes.add('unauthorized');
    codes.add('session-expired');
  }
  if (spec.auth === 'patient') codes.add('password-change-required');
  if (spec.method !== 'GET') codes.add('csrf-rejected');
  // The backend validates path parameters, queries and bodies before anything else.
  if (spec.body || spec.query || spec.rawBody || spec.path.includes('{')) codes.add('validation');
  codes.add('rate-limited');
  codes.add('server');
  return [...codes];
}

function problemResponses(spec: OperationSpec): JsonObject {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of problemCodesFor(spec)) {
    const status = PROBLEM_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const responses: JsonObject = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const codes = byStatus.get(status)!.sort();
    const response: JsonObject = {
      description: `Problem (\`code\`: ${codes.map((c) => `\`${c}\``).join(', ')}).`,
      content: {
        'application/problem+json': {
          schema: { $ref: `${SCHEMA_REF}Problem` },
          examples: Object.fromEntries(
            codes.map((code) => [
              code,
              { value: { type: PROBLEM_BASE + code, title: code, status, code } satisfies JsonObject },
            ]),
          ),
        },
      },
    };
    if (status === 429 || status === 503) {
      response['headers'] = { 'Retry-After': { $ref: '#/components/headers/RetryAfter' } };
    }
    responses[String(status)] = response;
  }
  return responses;
}

function operationObject(id: string, spec: OperationSpec, components: JsonObject): JsonObject {
  const parameters: Json[] = [];
  for (const [, name] of spec.path.matchAll(/\{([A-Za-z]+)\}/g)) {
    parameters.push({
      name: name!,
      in: 'path',
      required: true,
      description: 'An opaque server id (never PHI).',
      schema: { $ref: `${SCHEMA_REF}Id` },
    });
  }
  if (spec.query) {
    // One parameter per property of the named query schema (each property keeps its $refs).
    const ref = refTo(spec.query, `${id} query`)['$ref'] as string;
    const query = components[ref.slice(SCHEMA_REF.length)] as JsonObject;
    const required = new Set((query['required'] as string[] | undefined) ?? []);
    for (const [name, schema] of Object.entries(query['properties'] as JsonObject)) {
      const param: JsonObject = { name, in: 'query', required: required.has(name), schema };
      const description = (schema as JsonObject)['description'];
      if (typeof description === 'string') param['description'] = description;
      parameters.push(param);
    }
  }
  if (spec.method !== 'GET') parameters.push({ $ref: '#/components/parameters/CsrfHeader' });
  if (spec.idempotent) parameters.push({ $ref: '#/components/parameters/IdempotencyKey' });
  if (spec.rawBody) parameters.push({ $ref: '#/components/parameters/PortalFilename' });

  const op: JsonObject = {
    operationId: id,
    tags: [tagFor(spec.path)],
    summary: operationSummaries[id as OperationId],
    'x-portal-auth': spec.auth,
  };
  if (spec.auth === 'none') op['security'] = [{}, { portalSession: [] }];
  if (parameters.length > 0) op['parameters'] = parameters;
  if (spec.body) {
    op['requestBody'] = {
      required: true,
      content: { 'application/json': { schema: refTo(spec.body, `${id} body`) } },
    };
  } else if (spec.rawBody) {
    op['requestBody'] = {
      required: true,
      description: 'The raw file bytes; `Content-Type` is the file type, checked by the server against the content.',
      content: { '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
    };
  }
  const responses: JsonObject = {};
  if (spec.response) {
    // Keyed creates answer 201 Created (a replay with the same key answers the same).
    responses[spec.idempotent ? '201' : '200'] = {
      description: spec.idempotent ? 'Created' : 'OK',
      content: { 'application/json': { schema: refTo(spec.response, `${id} response`) } },
    };
  } else if (spec.binaryResponse) {
    responses['200'] = {
      description: 'The file, with its stored `Content-Type` and `Content-Disposition: attachment`.',
      content: { '*/*': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } },
    };
  } else {
    responses['204'] = { description: 'No Content' };
  }
  Object.assign(responses, problemResponses(spec));
  op['responses'] = responses;
  return op;
}

// ---------------------------------------------------------------- document

export function build(): JsonObject {
  const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string; license?: string };
  const components = componentSchemas();

  const paths: Record<string, JsonObject> = {};
  for (const [id, spec] of Object.entries(operations) as [string, OperationSpec][]) {
    const op = operationObject(id, spec, components);
    const method = spec.method.toLowerCase();
    const item = (paths[spec.path] ??= {});
    if (item[method]) throw new Error(`Duplicate ${spec.method} ${spec.path}`);
    item[method] = op;
  }
  const methodOrder = ['get', 'put', 'post', 'delete'];
  const sortedPaths: JsonObject = {};
  for (const path of Object.keys(paths).sort()) {
    const item = paths[path]!;
    sortedPaths[path] = Object.fromEntries(methodOrder.filter((m) => m in item).map((m) => [m, item[m]!]));
  }

  const used = reachableSchemas([sortedPaths, { $ref: `${SCHEMA_REF}Problem` }], components);
  closeRequestSchemas(sortedPaths, components);
  const usedComponents = Object.fromEntries(Object.entries(components).filter(([name]) => used.has(name)));

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'portal-widgets patient messaging API',
      version: pkg.version,
      summary: 'The backend contract behind the portal-widgets web components.',
      description: [
        'Secure patient messaging for a clinic website. Generated from `src/api/operations.ts` and',
        '`src/api/schemas.ts` by `scripts/build-openapi.ts`; do not edit by hand.',
        '',
        '- Errors are RFC 9457 `application/problem+json` with a stable machine `code`.',
        '- Every non-GET request must carry the CSRF header `X-Portal-CSRF: 1`.',
        '- Creates carry an `Idempotency-Key`; the same key twice yields one result.',
        '- No PHI in URLs: path parameters are opaque ids; everything else travels in bodies or headers.',
        '- Clients refuse redirects and validate every response against these schemas.',
      ].join('\n'),
      license: { name: pkg.license ?? 'MIT', identifier: pkg.license ?? 'MIT' },
    },
    servers: [{ url: '/api/v1', description: 'Relative to the clinic site (or the reference server).' }],
    security: [{ portalSession: [] }],
    tags: TAGS.map(({ name, description }) => ({ name, description })),
    paths: sortedPaths,
    components: {
      schemas: usedComponents,
      parameters: {
        CsrfHeader: {
          name: headerName(CSRF_HEADER),
          in: 'header',
          required: true,
          description: 'CSRF defence: required on every non-GET request (a custom header forces a CORS preflight).',
          schema: { type: 'string', const: '1' },
        },
        IdempotencyKey: {
          name: headerName(IDEMPOTENCY_HEADER),
          in: 'header',
          required: true,
          description:
            'Client-chosen key (a UUID). Retrying with the same key returns the first result; reusing it with a different body is `idempotency-mismatch`.',
          schema: { type: 'string', minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9_.:-]+$' },
        },
        PortalFilename: {
          name: headerName(FILENAME_HEADER),
          in: 'header',
          required: true,
          description: 'The original file name, percent-encoded (UTF-8). Never sent in the URL.',
          schema: { type: 'string', minLength: 1, maxLength: 1024 },
        },
      },
      headers: {
        RetryAfter: {
          description: 'Seconds (or an HTTP-date) until retrying may succeed.',
          schema: { type: 'string' },
        },
      },
      securitySchemes: {
        portalSession: {
          type: 'apiKey',
          in: 'cookie',
          name: SESSION_COOKIE,
          description: `Opaque session token set by \`POST /session\` (HttpOnly, SameSite=Strict by default, Path=/). Over https the cookie is named \`${HOST_SESSION_COOKIE}\` (Secure, no Domain); \`${SESSION_COOKIE}\` is for plain-http development only. Clients send it with \`credentials: 'include'\`.`,
        },
      },
    },
  };
}

/** Names of the component schemas referenced, directly or transitively, from `roots`. */
function reachableSchemas(roots: Json[], components: JsonObject): Set<string> {
  const used = new Set<string>();
  const walk = (node: Json) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node !== null && typeof node === 'object') {
      const ref = node['$ref'];
      if (typeof ref === 'string' && ref.startsWith(SCHEMA_REF)) {
        const name = ref.slice(SCHEMA_REF.length);
        if (!used.has(name) && components[name] !== undefined) {
          used.add(name);
          walk(components[name]!);
        }
      }
      Object.values(node).forEach(walk);
    }
  };
  roots.forEach(walk);
  return used;
}

/**
 * The server answers 400 `unknown-field` to a request body with a property the
 * contract does not define (a typo must not be silently dropped), so schemas
 * reached only from request bodies say `additionalProperties: false`. Schemas
 * a response also uses stay open: a server may add response fields.
 */
function closeRequestSchemas(paths: JsonObject, components: JsonObject): void {
  const requestRoots: Json[] = [];
  const responseRoots: Json[] = [{ $ref: `${SCHEMA_REF}Problem` }];
  for (const item of Object.values(paths) as JsonObject[]) {
    for (const op of Object.values(item) as JsonObject[]) {
      if (op['requestBody'] !== undefined) requestRoots.push(op['requestBody']);
      responseRoots.push(op['responses'] ?? null);
    }
  }
  const inResponses = reachableSchemas(responseRoots, components);
  const isObject = (node: Json | undefined) =>
    node !== null && typeof node === 'object' && !Array.isArray(node) && node['type'] === 'object';
  const isOpen = (node: JsonObject) => node['properties'] !== undefined && node['additionalProperties'] === undefined;
  const close = (node: Json) => {
    if (Array.isArray(node)) node.forEach(close);
    else if (node !== null && typeof node === 'object') {
      if (isObject(node) && isOpen(node as JsonObject)) {
        node['additionalProperties'] = false;
      }
      // An object schema that responses share stays open there, and is closed only where a request uses it.
      const ref = node['$ref'];
      if (typeof ref === 'string' && ref.startsWith(SCHEMA_REF)) {
        const name = ref.slice(SCHEMA_REF.length);
        const target = components[name];
        if (inResponses.has(name) && isObject(target) && isOpen(target as JsonObject)) node['unevaluatedProperties'] = false;
      }
      Object.values(node).forEach(close);
    }
  };
  for (const name of reachableSchemas(requestRoots, components)) {
    if (!inResponses.has(name)) close(components[name]!);
  }
}

// ---------------------------------------------------------------- structural checks

export function validate(doc: JsonObject): string[] {
  const problems: string[] = [];
  const resolvePointer = (ref: string): Json | undefined => {
    if (!ref.startsWith('#/')) return undefined;
    let node: Json | undefined = doc;
    for (const raw of ref.slice(2).split('/')) {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      if (node === null || typeof node !== 'object' || Array.isArray(node) || !(key in node)) return undefined;
      node = (node as JsonObject)[key];
    }
    return node;
  };
  const walk = (node: Json, at: string) => {
    if (Array.isArray(node)) node.forEach((child, i) => walk(child, `${at}/${i}`));
    else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === '$ref' && (typeof value !== 'string' || resolvePointer(value) === undefined)) {
          problems.push(`${at}: unresolved $ref ${JSON.stringify(value)}`);
        }
        walk(value, `${at}/${key}`);
      }
    }
  };
  walk(doc, '#');

  const operationIds = new Set<string>();
  for (const [path, item] of Object.entries(doc['paths'] as Record<string, JsonObject>)) {
    const templated = new Set([...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!));
    for (const [method, op] of Object.entries(item) as [string, JsonObject][]) {
      const where = `${method.toUpperCase()} ${path}`;
      const id = op['operationId'];
      if (typeof id !== 'string' || operationIds.has(id)) problems.push(`${where}: missing or duplicate operationId`);
      else operationIds.add(id);
      const params = ((op['parameters'] as JsonObject[] | undefined) ?? []).map((p) =>
        typeof p['$ref'] === 'string' ? (resolvePointer(p['$ref']) as JsonObject) : p,
      );
      const declared = new Set(params.filter((p) => p?.['in'] === 'path').map((p) => p['name'] as string));
      for (const name of templated)
        if (!declared.has(name)) problems.push(`${where}: path parameter {${name}} not declared`);
      for (const name of declared)
        if (!templated.has(name)) problems.push(`${where}: parameter ${name} not in the path`);
      for (const p of params) {
        if (p?.['in'] === 'path' && p['required'] !== true)
          problems.push(`${where}: path parameter ${String(p['name'])} not required`);
      }
      const seen = new Set<string>();
      for (const p of params) {
        const key = `${String(p?.['in'])}:${String(p?.['name']).toLowerCase()}`;
        if (seen.has(key)) problems.push(`${where}: duplicate parameter ${key}`);
        seen.add(key);
      }
      const responses = Object.keys((op['responses'] as JsonObject | undefined) ?? {});
      if (!responses.some((s) => /^2\d\d$/.test(s))) problems.push(`${where}: no success response`);
      if (path.includes('?') || path.includes('#')) problems.push(`${where}: query or fragment in path`);
    }
  }
  const expected = Object.keys(operations).sort().join(',');
  if ([...operationIds].sort().join(',') !== expected) problems.push('operationIds do not match the operations table');
  if (!resolvePointer(`${SCHEMA_REF}Problem`)) problems.push('components.schemas.Problem missing');
  return problems;
}

// ---------------------------------------------------------------- main

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const doc = build();
  const problems = validate(doc);
  if (problems.length > 0) {
    process.stderr.write(`openapi.json is not structurally sound:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  if (check) {
    let current = '';
    try {
      current = readFileSync(OUTPUT, 'utf8');
    } catch {
      // missing counts as stale
    }
    if (current !== text) {
      process.stderr.write('openapi.json is stale: run `npm run openapi` and commit the result.\n');
      return 1;
    }
    process.stdout.write('openapi.json is up to date.\n');
    return 0;
  }
  writeFileSync(OUTPUT, text);
  process.stdout.write(`Wrote openapi.json (${Object.keys(operations).length} operations).\n`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
