/**
 * Differential tests: for every generated descriptor, `validate()` must agree
 * with zod's `safeParse` on the schema it came from — same verdict, the same
 * cleaned output on success, and a first issue that zod also reports — over
 * random valid values and thousands of seeded random mutations (wrong types,
 * missing and extra keys, `__proto__` from JSON, boundary lengths in UTF-16
 * and astral characters, oversized arrays, bad dates, emails and URLs…).
 *
 * A failure prints the seed, schema and input, so it can be replayed.
 */
import { expect } from '@open-wc/testing';
import type * as z from 'zod/mini';
import { DEMO_CLINIC, DEMO_POLICY_DOCUMENTS } from '../backend/demo-data.js';
import { operations } from './operations.js';
import type { OperationId, OperationSpec } from './operations.js';
import * as s from './schemas.js';
import { validate } from './validate.js';
import type { Descriptor, IssueCode, Node } from './validate.js';
import { descriptors, LIMITS, routes } from './validators.generated.js';

type Name = keyof typeof descriptors;
const NAMES = Object.keys(descriptors).sort() as Name[];
const zodSchema = (name: Name) => (s as unknown as Record<string, z.ZodMiniType>)[name]!;

// ---------------------------------------------------------------- seeded randomness

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Rng {
  constructor(readonly next: () => number) {}
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// ---------------------------------------------------------------- descriptor helpers

/** The (op, arg) checks of a string/number/array node. */
function checksOf(d: Node): { min?: number; max?: number; patterns: RegExp[]; url?: RegExp } {
  const from = d[0] === 5 ? 2 : 1;
  const out: { min?: number; max?: number; patterns: RegExp[]; url?: RegExp } = { patterns: [] };
  for (let i = from; i < d.length; i += 2) {
    const op = d[i] as number;
    const arg = d[i + 1] as number & RegExp;
    if (op === 0) out.min = arg;
    else if (op === 1) out.max = arg;
    else if (op === 4) out.url = arg;
    else out.patterns.push(arg);
  }
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** A random valid string for a patterned string node; every pattern of the contract needs one here. */
function sampleByPattern(d: Node, r: Rng): string {
  const c = checksOf(d);
  const alnum = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const chars = (pool: string, n: number) => Array.from({ length: n }, () => r.pick([...pool])).join('');
  const date = () => {
    const y = r.pick([1999, 2000, 2024, 2026, 2100]);
    const m = r.int(1, 12);
    return `${pad(y, 4)}-${pad(m)}-${pad(r.int(1, daysIn(y, m)))}`;
  };
  if (c.url)
    return `https://${r.pick(['clinic', 'pay', 'x1'])}.${r.pick(['example', 'b-c'])}.${r.pick(['org', 'io'])}${r.pick(['', '/', '/pay?x=1'])}`;
  const source = c.patterns[0]?.source;
  switch (source) {
    case '^[A-Za-z0-9_-]+$':
      return chars(`${alnum}_-`, r.int(c.min ?? 1, Math.min(c.max ?? 64, 20)));
    case '^[0-9+()\\-. ]+$':
      return `+1 (555) 01${chars('0123456789', r.int(1, 4))}`;
    case '^([01]\\d|2[0-3]):[0-5]\\d$':
      return `${pad(r.int(0, 23))}:${pad(r.int(0, 59))}`;
    case '^[a-z][a-zA-Z0-9-]{0,39}$':
      return `${r.pick([...'abcxyz'])}${chars(`${alnum}-`, r.int(0, 12))}`;
    case '^[0-9]{6}$':
      return chars('0123456789', 6);
    default:
      break;
  }
  if (c.patterns[0] && d[1] === 3)
    return `${chars(alnum, r.int(1, 8))}.${r.pick(["o'neil", 'a+b', 'x_y'])}@${r.pick(['example', 'b-c'])}.org`;
  if (source?.includes('-02-29') && source.includes('T')) {
    const fraction = r.pick(['', '.1', '.123456']);
    const zone = r.pick(['Z', '+00:00', '-05:30', '+14:00']);
    return `${date()}T${pad(r.int(0, 23))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}${fraction}${zone}`;
  }
  if (source?.includes('-02-29')) return date();
  throw new Error(`validate.test.ts has no sampler for /${source}/: add one`);
}

/** Text with BMP, accented and astral characters, exactly `n` code points long. */
function text(r: Rng, n: number, pool = ['a', 'Z', ' ', 'é', '😀', '中', '\u{1F3E5}']): string {
  return Array.from({ length: n }, () => r.pick(pool)).join('');
}

/** A random value the descriptor should accept. */
function sample(d: Node, r: Rng): unknown {
  switch (d[0]) {
    case 0: {
      const c = checksOf(d);
      if (c.patterns.length > 0 || c.url) return sampleByPattern(d, r);
      const min = c.min ?? 0;
      const max = Math.min(c.max ?? 40, min + 30);
      return text(r, r.chance(0.1) ? (c.max ?? max) : r.int(min, max));
    }
    case 1:
    case 2: {
      const c = checksOf(d);
      const min = c.min ?? -1000;
      const max = c.max ?? 1000;
      const n = r.chance(0.2) ? r.pick([min, max]) : r.int(min, max);
      return d[0] === 1 && r.chance(0.3) ? Math.min(max, n + 0.25) : n;
    }
    case 3:
      return r.chance(0.5);
    case 4:
      return r.pick(d.slice(1));
    case 5: {
      const c = checksOf(d);
      const n = r.int(c.min ?? 0, Math.min(c.max ?? 3, (c.min ?? 0) + 3));
      return Array.from({ length: n }, () => sample(d[1] as Node, r));
    }
    case 6: {
      const out: Record<string, unknown> = {};
      for (let i = 1; i < d.length; i += 2) {
        const node = d[i + 1] as Node;
        if (node[0] === 7 && r.chance(0.4)) continue;
        out[d[i] as string] = sample(node, r);
      }
      return out;
    }
    case 7:
      return r.chance(0.2) ? undefined : sample(d[1] as Node, r);
    case 8:
      return r.chance(0.3) ? null : sample(d[1] as Node, r);
    case 9: {
      const out: Record<string, unknown> = {};
      for (let i = r.int(0, 3); i > 0; i--) out[sample(d[1] as Node, r) as string] = sample(d[2] as Node, r);
      return out;
    }
    case 10:
      return sample(r.pick(d.slice(1)) as Node, r);
    case 11:
      return sample(r.pick(d.slice(2)) as Node, r);
    default:
      throw new Error(`unknown node ${JSON.stringify(d)}`);
  }
}

// ---------------------------------------------------------------- mutations

type Path = (string | number)[];
interface Site {
  path: Path;
  node: Node;
  value: unknown;
}

/** Every place in `value` a mutation can target, with the descriptor node that governs it. */
function sites(d: Node, value: unknown, path: Path = [], out: Site[] = []): Site[] {
  out.push({ path, node: d, value });
  const kind = d[0];
  if (kind === 7 || kind === 8) {
    if (value !== undefined && value !== null) sites(d[1] as Node, value, path, out);
    return out;
  }
  if (value === null || typeof value !== 'object') return out;
  if (kind === 5 && Array.isArray(value)) value.forEach((v, i) => sites(d[1] as Node, v, [...path, i], out));
  else if (kind === 6) {
    for (let i = 1; i < d.length; i += 2) {
      const key = d[i] as string;
      sites(d[i + 1] as Node, (value as Record<string, unknown>)[key], [...path, key], out);
    }
  } else if (kind === 9) {
    for (const [k, v] of Object.entries(value)) sites(d[2] as Node, v, [...path, k], out);
  } else if (kind === 11) {
    const option = (d.slice(2) as Node[]).find((o) => validate(o as Descriptor, value).ok);
    if (option) sites(option, value, path, out);
  }
  return out;
}

const withOwnProto = (object: object, proto: unknown) => {
  const copy: Record<string, unknown> = { ...object };
  Object.defineProperty(copy, '__proto__', { value: proto, enumerable: true, configurable: true, writable: true });
  return copy;
};

const BAD_DATES = [
  '2026-02-29',
  '2025-02-29',
  '2024-02-30',
  '2026-13-01',
  '2026-00-10',
  '2026-04-31',
  '26-01-01',
  '2026-1-01',
  '2026-01-01T',
  ' 2026-01-01',
  '2026-01-01\n',
  '２０２６-01-01',
  '2026/01/01',
];
const BAD_DATETIMES = [
  '2026-12-03T16:29:16',
  '2026-12-03T16:29Z',
  '2026-12-03T24:00:00Z',
  '2026-12-03T16:60:00Z',
  '2026-12-03T16:29:60Z',
  '2026-12-03 16:29:16Z',
  '2026-12-03t16:29:16z',
  '2026-12-03T16:29:16+24:00',
  '2026-12-03T16:29:16+0500',
  '2026-12-03T16:29:16.Z',
  '2026-12-03T16:29:16.123456789+05:30',
  '2026-02-29T00:00:00Z',
  '2024-02-29T00:00:00Z',
  '2026-12-03T16:29:16Z ',
  '2026-12-03',
  '2026-12-03T16:29:16-00:00',
];
const BAD_EMAILS = [
  'a@b',
  'a@b.c',
  '.a@b.co',
  'a..b@c.co',
  'a.@b.co',
  'a@-b.co',
  'a@b-.co',
  'a b@c.co',
  'a@b.co ',
  ' a@b.co',
  'a@b.co\n',
  'ä@b.co',
  'a@bü.co',
  'a@[1.2.3.4]',
  '"a"@b.co',
  'a@b.c0',
  "o'neil@x.io",
  'a+b@x.io',
  'A_B@X.IO',
  '@b.co',
  'a@.co',
  `${'a'.repeat(250)}@b.co`,
  `${'a'.repeat(243)}@b.co`,
];
const BAD_URLS = [
  'http://clinic.example.org',
  'https://localhost',
  'https://x',
  'https:/x.org',
  'https:x.org',
  'HTTPS://X.ORG/pay',
  ' https://x.org/pay ',
  'https://x.org/pay\n',
  'https://ex\tample.org/',
  '\thttps://x.org',
  'https://x.org:99999',
  'https://1.2.3.4',
  'https://[::1]/',
  'javascript:alert(1)',
  'https://exa mple.org',
  'https://xn--bcher-kva.example',
  'https://user:pw@x.org',
  'https://x.org#frag',
  'https://bücher.example',
  'https://a_b.example.org',
  `https://x.org/${'p'.repeat(480)}`,
  `https://x.org/${'p'.repeat(486)}`,
  'ftp://x.org',
  'https://.org',
  'https://x.o',
];
const BAD_IDS = ['', ' t1', 't1 ', '../x', 'a/b', '%2e', 'é', 'x'.repeat(64), 'x'.repeat(65), '__proto__', 'a\nb'];
const BAD_KEYS = [
  'Bad Key',
  '9x',
  '',
  'a'.repeat(40),
  'a'.repeat(41),
  'constructor',
  'toString',
  'hasOwnProperty',
  'x_y',
  'É',
];

/** Replacement values for a site: wrong types everywhere, plus boundary and hostile values for its node. */
function mutants(site: Site, r: Rng): unknown[] {
  const { node: d, value } = site;
  const out: unknown[] = [
    undefined,
    null,
    0,
    -0,
    1,
    -1,
    1.5,
    NaN,
    Infinity,
    -Infinity,
    '',
    'x',
    'true',
    true,
    false,
    [],
    {},
    [value],
    { value },
    Object.create(null),
    new Date(0),
  ];
  const kind = d[0];
  if (kind === 0) {
    const c = checksOf(d);
    for (const n of [c.min, c.max].filter((x): x is number => x !== undefined)) {
      for (const len of [n - 1, n, n + 1].filter((x) => x >= 0)) {
        out.push('a'.repeat(len), '😀'.repeat(len), text(r, len), `${'a'.repeat(Math.max(0, len - 1))}😀`);
      }
    }
    if (typeof value === 'string') {
      out.push(
        ` ${value}`,
        `${value} `,
        `${value}\n`,
        value.toUpperCase(),
        value.slice(1),
        value.slice(0, -1),
        `${value}x`,
      );
      out.push(`${value}\uD800`, value.replace(/./u, '\uDC00'), value + value);
    }
    if (c.patterns.length > 0 || c.url) {
      const source = c.patterns[0]?.source ?? '';
      if (c.url) out.push(...BAD_URLS);
      else if (d[1] === 3) out.push(...BAD_EMAILS);
      else if (source.includes('T(?:')) out.push(...BAD_DATETIMES, ...BAD_DATES);
      else if (source.includes('-02-29')) out.push(...BAD_DATES, ...BAD_DATETIMES.slice(0, 3));
      else out.push(...BAD_IDS, ...BAD_KEYS, '09:60', '24:00', '9:30', '123456', '12345', '1234567', '+1 555', '55');
    }
  } else if (kind === 1 || kind === 2) {
    const c = checksOf(d);
    for (const n of [c.min, c.max].filter((x): x is number => x !== undefined))
      out.push(n - 1, n, n + 1, n - 0.5, n + 0.5);
    out.push(2 ** 53, 2 ** 53 - 1, -(2 ** 53), Number.MAX_VALUE, Number.MIN_VALUE, '5', 5n);
  } else if (kind === 4) {
    out.push(
      ...d.slice(1).map((v) => (typeof v === 'string' ? v.toUpperCase() : String(v))),
      'emergency',
      'en',
      'patient',
    );
  } else if (kind === 5 && Array.isArray(value)) {
    const c = checksOf(d);
    const item = value[0] ?? sample(d[1] as Node, r);
    for (const n of [c.min, c.max].filter((x): x is number => x !== undefined)) {
      for (const len of [n - 1, n, n + 1].filter((x) => x >= 0)) out.push(Array.from({ length: len }, () => item));
    }
    out.push([...value, null], [null, ...value], new Array(1), { length: 0 }, [...value, { ...(item as object) }]);
  } else if (
    (kind === 6 || kind === 11 || kind === 9) &&
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value)
  ) {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const { [key]: _gone, ...rest } = object;
      out.push(rest, { ...object, [key]: undefined }, { ...object, [key]: null });
    }
    if (kind === 6) {
      for (let i = 1; i < d.length; i += 2) {
        const key = d[i] as string;
        if (!(key in object))
          out.push({ ...object, [key]: sample(d[i + 1] as Node, r) }, { ...object, [key]: undefined });
      }
    }
    out.push(
      { ...object, extra: 'x', constructor: 'x', toString: 1 },
      withOwnProto(object, { polluted: 'yes' }),
      JSON.parse(
        `{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},${JSON.stringify(object).slice(1)}`.replace(
          /,\}$/,
          '}',
        ),
      ),
      Object.assign(Object.create(null), object),
      Object.create(object),
      Object.freeze({ ...object }),
    );
    if (kind === 9) {
      for (const key of BAD_KEYS) out.push({ ...object, [key]: 'v' });
      out.push({ ...object, [Symbol('k')]: 'v' }, { ...object, ok: 'x'.repeat(501) });
    }
    if (kind === 11) {
      const key = d[1] as string;
      out.push({ ...object, [key]: !object[key] }, { ...object, [key]: String(object[key]) });
    }
  }
  return out;
}

/** `value` with the thing at `path` replaced (or deleted, for `undefined` + `remove`). */
function replaceAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    copy[head as number] = replaceAt(value[head as number], rest, replacement);
    return copy;
  }
  const object = value as Record<string, unknown>;
  return { ...object, [head!]: replaceAt(object[head!], rest, replacement) };
}

// ---------------------------------------------------------------- the comparison

interface ZodIssue {
  code: string;
  path: PropertyKey[];
  format?: string;
  input?: unknown;
}

/** What the old zod-based client called each issue (the same vocabulary validate.ts returns). */
function zodCode(issue: ZodIssue): IssueCode {
  switch (issue.code) {
    case 'too_big':
      return 'too-long';
    case 'too_small':
      return 'too-short';
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalid';
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid-email' : 'invalid';
    default:
      return 'invalid';
  }
}

const show = (value: unknown) => {
  try {
    return JSON.stringify(value, (_k, v: unknown) =>
      typeof v === 'bigint' ? `${v}n` : v === undefined ? '<undefined>' : v,
    ).slice(0, 400);
  } catch {
    return String(value);
  }
};

let compared = 0;
let accepted = 0;

/** Asserts validate() and zod agree on `input` (the failure message, which serialises the input, is built only on failure). */
function agree(name: Name, input: unknown, context: string): void {
  compared++;
  const zod = zodSchema(name).safeParse(input, { reportInput: true }) as
    { success: true; data: unknown } | { success: false; error: { issues: ZodIssue[] } };
  const ours = validate(descriptors[name] as Descriptor, input, 100);
  const where = () => `${name} ${context}: ${show(input)}`;
  if (ours.ok !== zod.success) expect.fail(`verdict for ${where()}: validate ${ours.ok}, zod ${zod.success}`);
  if (ours.ok && zod.success) {
    accepted++;
    try {
      expect(ours.value).to.deep.equal(zod.data);
      assertClean(ours.value, input);
    } catch (error) {
      throw new Error(`output for ${where()}: ${(error as Error).message}`);
    }
    return;
  }
  if (ours.ok || zod.success) return;
  // Our first issue is one zod reports too (or, where zod stopped early inside it, an ancestor of one).
  const issues = zod.error.issues;
  const key = (path: readonly PropertyKey[]) => path.map(String).join('\u0000');
  const exact = issues.filter((issue) => key(issue.path) === key(ours.path));
  if (exact.length > 0) {
    if (!exact.map(zodCode).includes(ours.code)) {
      expect.fail(`code ${ours.code} at ${show(ours.path)}, zod ${show(exact.map(zodCode))}, for ${where()}`);
    }
  } else {
    const prefix = key(ours.path);
    const below = issues.some((issue) => ours.path.length === 0 || key(issue.path).startsWith(`${prefix}\u0000`));
    if (!below) expect.fail(`path ${show(ours.path)} vs zod ${show(issues.map((i) => i.path))} for ${where()}`);
  }
  // Never the value itself.
  expect(Object.keys(ours).sort()).to.deep.equal(['code', 'issues', 'ok', 'path']);
}

/** The output is a fresh tree of plain objects and arrays without `__proto__` keys or foreign prototypes. */
function assertClean(out: unknown, input: unknown): void {
  if (out === null || typeof out !== 'object') return;
  if (out === input) expect.fail('the output is the input, not a copy');
  const proto: unknown = Object.getPrototypeOf(out);
  if (proto !== Object.prototype && proto !== Array.prototype) expect.fail('the output has a foreign prototype');
  if (Object.prototype.hasOwnProperty.call(out, '__proto__')) expect.fail('the output has an own __proto__');
  for (const key of Object.keys(out)) {
    assertClean((out as Record<string, unknown>)[key], (input as Record<string, unknown> | null)?.[key]);
  }
}

// ---------------------------------------------------------------- suites

const SEED = 0x5eed_2026;

describe('validate() against zod, for every generated descriptor', () => {
  after(() => {
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
    expect(Object.prototype).not.to.have.property('polluted');
  });

  it('covers every exported schema of the contract that a route, Problem or a path parameter uses', () => {
    expect(NAMES.length).to.be.greaterThan(40);
    for (const name of NAMES) expect(zodSchema(name), name).to.have.property('_zod');
  });

  for (const [index, name] of NAMES.entries()) {
    it(`${name}: random valid values and their mutations agree with zod`, () => {
      const r = new Rng(mulberry32(SEED + index));
      const d = descriptors[name] as unknown as Node;
      const before = { compared, accepted };
      const valid: unknown[] = [];
      for (let i = 0; i < 25; i++) valid.push(sample(d, r));
      if (name === 'ClinicConfig') valid.push(DEMO_CLINIC);
      if (name === 'PolicyDocument') valid.push(...DEMO_POLICY_DOCUMENTS);
      for (const [i, value] of valid.entries()) {
        agree(name, value, `sample #${i}`);
        agree(name, JSON.parse(JSON.stringify(value)), `sample #${i} via JSON`);
      }
      const validSeen = accepted - before.accepted;
      expect(validSeen, `${name}: most samples should be valid`).to.be.greaterThan(valid.length);

      // Every mutant at the root, then random mutants at random depths.
      const root = valid[0];
      for (const mutant of mutants({ path: [], node: d, value: root }, r)) agree(name, mutant, 'root mutant');
      // Sites and their mutants are computed once per valid value (they are the expensive part).
      const siteLists = valid.map((value) => sites(d, value));

      // Every mutant at every patterned string (dates, emails, URLs, ids), record, union and bounded array of one value.
      const rich = valid[valid.length - 1];
      for (const site of siteLists[valid.length - 1]!) {
        const k = site.node[0];
        const c = k === 0 || k === 5 ? checksOf(site.node) : undefined;
        if (
          (k === 0 && (c!.patterns.length > 0 || c!.url)) ||
          k === 9 ||
          k === 11 ||
          (k === 5 && c!.max !== undefined)
        ) {
          for (const replacement of mutants(site, r))
            agree(name, replaceAt(rich, site.path, replacement), `site ${show(site.path)}`);
        }
      }

      const mutantLists = new Map<Site, unknown[]>();
      for (let i = 0; i < 300; i++) {
        const index = r.int(0, valid.length - 1);
        const site = r.pick(siteLists[index]!);
        if (!mutantLists.has(site)) mutantLists.set(site, mutants(site, r));
        const mutant = replaceAt(valid[index], site.path, r.pick(mutantLists.get(site)!));
        agree(name, mutant, `mutant #${i} at ${show(site.path)}`);
        if (r.chance(0.3)) {
          let json: string | undefined;
          try {
            json = JSON.stringify(mutant);
          } catch {
            json = undefined; // BigInt
          }
          if (json !== undefined) agree(name, JSON.parse(json), `mutant #${i} via JSON`);
        }
      }
      expect(compared - before.compared).to.be.greaterThan(350);
    });
  }

  it('ran thousands of comparisons, both verdicts well represented', () => {
    expect(compared).to.be.greaterThan(20_000);
    expect(accepted).to.be.greaterThan(3_000);
    expect(compared - accepted).to.be.greaterThan(10_000);
  });
});

describe('validate() semantics', () => {
  it('returns a clean copy: unknown keys, __proto__ and constructor dropped', () => {
    const input = JSON.parse(
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"en":"Hi","es":"Hola","extra":true}',
    );
    const result = validate(descriptors.LocalizedText, input);
    expect(result).to.deep.equal({ ok: true, value: { en: 'Hi', es: 'Hola' } });
    if (result.ok) {
      expect(Object.getPrototypeOf(result.value)).to.equal(Object.prototype);
      expect(Object.keys(result.value)).to.deep.equal(['en', 'es']);
    }
    expect(({} as Record<string, unknown>)['polluted']).to.equal(undefined);
  });

  it('records skip an own __proto__ key, like zod', () => {
    const result = validate(descriptors.FieldValues, JSON.parse('{"__proto__":{"x":1},"medication":"Ibuprofen"}'));
    expect(result.ok && Object.keys(result.value)).to.deep.equal(['medication']);
    expect(result.ok && Object.getPrototypeOf(result.value)).to.equal(Object.prototype);
  });

  it('reports the first failing path and a machine code, never the value', () => {
    const result = validate(descriptors.SignInRequest, { patientId: '', password: 'secret-value' });
    expect(result).to.deep.equal({
      ok: false,
      path: ['patientId'],
      code: 'too-short',
      issues: [{ path: ['patientId'], code: 'too-short' }],
    });
    expect(JSON.stringify(result)).not.to.contain('secret');
  });

  it('collects up to maxIssues issues across members', () => {
    const input = { newAddress: 'not-an-email', password: '' };
    const one = validate(descriptors.EmailChangeRequest, input);
    const all = validate(descriptors.EmailChangeRequest, input, 50);
    expect(one.ok || one.issues).to.deep.equal([{ path: ['newAddress'], code: 'invalid-email' }]);
    expect(all.ok || all.issues).to.deep.equal([
      { path: ['newAddress'], code: 'invalid-email' },
      { path: ['password'], code: 'too-short' },
    ]);
  });

  it('missing is "required", a wrong type is "invalid", bounds are too-short / too-long', () => {
    const codes = (input: unknown) => {
      const r = validate(descriptors.Problem, input, 50);
      return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}:${i.code}`);
    };
    expect(codes({ type: 1, title: 't', code: 'server' })).to.deep.equal(['type:invalid', 'status:required']);
    expect(codes({ type: 't', title: 't', status: 600, code: 'nope' })).to.deep.equal([
      'status:too-long',
      'code:invalid',
    ]);
    expect(codes({ type: 't', title: 't', status: 400.5, code: 'server' })).to.deep.equal(['status:invalid']);
    expect(codes({ type: 't', title: 't', status: 2 ** 53, code: 'server' })).to.deep.equal(['status:too-long']);
  });

  it('counts string length in code points, like zod', () => {
    const id = (value: string) => validate(descriptors.SignInRequest, { patientId: value, password: 'x' }).ok;
    expect(id('😀'.repeat(64))).to.equal(true); // 128 UTF-16 units
    expect(id('😀'.repeat(65))).to.equal(false);
    expect(id('\uD800'.repeat(64))).to.equal(true); // lone surrogates count one each
  });

  it('trims an https URL like zod and keeps it trimmed', () => {
    const url = validate(descriptors.ClinicConfig, { ...DEMO_CLINIC, paymentUrl: '  https://pay.example.org/x \n' });
    expect(url.ok && url.value.paymentUrl).to.equal('https://pay.example.org/x');
    expect(validate(descriptors.ClinicConfig, { ...DEMO_CLINIC, paymentUrl: 'http://pay.example.org' }).ok).to.equal(
      false,
    );
  });

  it('an oversized array is refused before its items are looked at', () => {
    let reads = 0;
    const item = new Proxy(
      {},
      {
        get: () => {
          reads++;
          return undefined;
        },
      },
    );
    const result = validate(descriptors.ThreadPage, {
      items: Array(101).fill(item),
      nextCursor: null,
      total: 0,
      unreadTotal: 0,
    });
    expect(result.ok || [result.path, result.code]).to.deep.equal([['items'], 'too-long']);
    expect(reads).to.equal(0);
  });

  it('a discriminated union picks its option by the discriminator', () => {
    expect(validate(descriptors.Session, { authenticated: false, extra: 1 })).to.deep.equal({
      ok: true,
      value: { authenticated: false },
    });
    const unknown = validate(descriptors.Session, { authenticated: 'yes' });
    expect(unknown.ok || [unknown.path, unknown.code]).to.deep.equal([['authenticated'], 'invalid']);
    const inner = validate(descriptors.Session, { authenticated: true });
    expect(inner.ok || inner.path).to.deep.equal(['patient']);
  });
});

describe('the generated module', () => {
  const nameOf = new Map<unknown, string>(Object.entries(s).map(([name, value]) => [value, name]));
  const descriptorFor = (schema: unknown) => {
    const name = nameOf.get(schema);
    return name === undefined ? undefined : (descriptors as Record<string, unknown>)[name];
  };

  it('routes mirror the operations table (method, path, flags, schemas)', () => {
    expect(Object.keys(routes)).to.deep.equal(Object.keys(operations));
    for (const id of Object.keys(operations) as OperationId[]) {
      const route = routes[id];
      const spec: OperationSpec = operations[id];
      const o = spec as unknown as Partial<Record<string, unknown>>;
      expect(route.method, id).to.equal(spec.method);
      expect(route.path, id).to.equal(spec.path);
      expect(route.query, `${id} query`).to.equal(o['query'] ? descriptorFor(o['query']) : undefined);
      expect(route.body, `${id} body`).to.equal(o['body'] ? descriptorFor(o['body']) : undefined);
      expect(route.response, `${id} response`).to.equal(o['response'] ? descriptorFor(o['response']) : undefined);
      expect(route.idempotent, `${id} idempotent`).to.equal(o['idempotent']);
      expect(route.safe, `${id} safe`).to.equal(o['safe']);
      expect(route.binary, `${id} binary`).to.equal(o['binaryResponse']);
    }
  });

  it('LIMITS equal the contract', () => {
    expect(LIMITS).to.deep.equal(s.LIMITS);
  });
});
