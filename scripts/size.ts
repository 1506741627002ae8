/**
 * Size budgets for the built bundle. Builds nothing: run `vite build` first.
 *
 *   tsx scripts/size.ts                 print the table
 *   tsx scripts/size.ts --check         also exit 1 when over budget
 *   tsx scripts/size.ts --dist <dir>    measure another output directory
 *   tsx scripts/size.ts --self-test     check the import scanner on a temporary fixture
 *
 * An entry's cost is every file in its static import graph (`import … from`,
 * `import "…"`, `export … from`), found by scanning the minified output; dynamic
 * `import()` targets load on demand and are not counted. Each file is gzipped
 * on its own at zlib level 9 and the sizes are summed, because that is what a
 * browser downloads. 1 KB = 1000 bytes.
 *
 * Dependency-free on purpose (node:fs, node:path, node:zlib, node:os).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const BUDGETS = {
  /** dist/portal.js and everything it statically imports. */
  fullBundle: 40_000,
  /** dist/define/provider.js + one dist/define/<widget>.js, union of both graphs. */
  providerPlusWidget: 20_000,
} as const;

/**
 * What `--check` enforces today: regression ceilings a few percent above the
 * measured sizes. The issue's targets above are NOT met yet (see the README's
 * size section); these guards stop the gap from growing while it is closed.
 * Lower them whenever a change shrinks a bundle; never raise one silently.
 */
export const GUARDS: Record<string, number> = {
  'portal.js (full bundle)': 86_500,
  'define/provider': 23_500,
  'provider + define/compose': 46_400,
  'provider + define/inbox': 44_400,
  'provider + define/login': 33_800,
  'provider + define/policy-consent': 33_400,
  'provider + define/preferences': 38_200,
};

// ---------------------------------------------------------------- import scanner

type Token =
  | { t: 'id' | 'num' | 're' | 'tpl'; v: string; depth: number }
  | { t: 'str'; v: string; depth: number }
  | { t: 'p'; v: string; depth: number };

const REGEX_AFTER_KEYWORD = new Set([
  'return',
  'typeof',
  'instanceof',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'case',
  'do',
  'else',
  'yield',
  'await',
]);
const CONTROL_KEYWORD = new Set(['if', 'while', 'for', 'with']);

/**
 * A small JavaScript tokenizer: enough to tell code from strings, template
 * literals, comments and regular expressions, and to know the brace depth.
 */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  const stack: string[] = []; // '{' '(' '[' '${'
  const parenBefore: (Token | undefined)[] = []; // token before each open '('
  let lastCloseParenBefore: Token | undefined; // for a ')' token: the token before its '('
  let i = 0;
  const n = src.length;
  const push = (token: Token) => tokens.push(token);
  const prev = () => tokens[tokens.length - 1];

  const regexAllowed = (): boolean => {
    const p = prev();
    if (!p) return true;
    if (p.t === 'id') return REGEX_AFTER_KEYWORD.has(p.v);
    if (p.t !== 'p') return false; // after a number, string, regex or template: division
    if (p.v === ')') return lastCloseParenBefore?.t === 'id' && CONTROL_KEYWORD.has(lastCloseParenBefore.v);
    if (p.v === ']') return false;
    return true; // after '}' (a block) or any operator
  };

  /** Scans template text from i (just after '`' or after a '${…}' expression). */
  const templateChunk = () => {
    const start = i;
    while (i < n) {
      const c = src[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        i++;
        push({ t: 'tpl', v: src.slice(start, i - 1), depth: stack.length });
        return;
      } else if (c === '$' && src[i + 1] === '{') {
        i += 2;
        push({ t: 'tpl', v: src.slice(start, i - 2), depth: stack.length });
        stack.push('${');
        return;
      } else {
        i++;
      }
    }
    throw new Error('unterminated template literal');
  };

  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u2028' || c === '\u2029' || c === '\uFEFF') {
      i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) throw new Error('unterminated comment');
      i = end + 2;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let value = '';
      while (j < n && src[j] !== c) {
        if (src[j] === '\\') {
          value += src[j + 1] ?? '';
          j += 2;
        } else if (src[j] === '\n') {
          throw new Error('unterminated string');
        } else {
          value += src[j];
          j++;
        }
      }
      if (j >= n) throw new Error('unterminated string');
      push({ t: 'str', v: value, depth: stack.length });
      i = j + 1;
      continue;
    }
    if (c === '`') {
      i++;
      templateChunk();
      continue;
    }
    if (/[A-Za-z_$\u0080-\uFFFF\\]/.test(c)) {
      let j = i + 1;
      while (j < n && /[\w$\u0080-\uFFFF\\]/.test(src[j]!)) j++;
      push({ t: 'id', v: src.slice(i, j), depth: stack.length });
      i = j;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      let j = i + 1;
      while (
        j < n &&
        (/[\w.]/.test(src[j]!) ||
          ((src[j] === '+' || src[j] === '-') && /[eE]/.test(src[j - 1]!) && !/^0[xX]/.test(src.slice(i, j))))
      )
        j++;
      push({ t: 'num', v: src.slice(i, j), depth: stack.length });
      i = j;
      continue;
    }
    if (c === '/' && regexAllowed()) {
      let j = i + 1;
      let inClass = false;
      while (j < n) {
        const d = src[j];
        if (d === '\\') j += 2;
        else if (d === '\n') throw new Error('unterminated regular expression');
        else {
          if (d === '[') inClass = true;
          else if (d === ']') inClass = false;
          else if (d === '/' && !inClass) break;
          j++;
        }
      }
      j++;
      while (j < n && /[a-z]/i.test(src[j]!)) j++;
      push({ t: 're', v: src.slice(i, j), depth: stack.length });
      i = j;
      continue;
    }
    // punctuators
    if (c === '{' || c === '[') {
      push({ t: 'p', v: c, depth: stack.length });
      stack.push(c);
    } else if (c === '(') {
      parenBefore.push(prev());
      push({ t: 'p', v: c, depth: stack.length });
      stack.push(c);
    } else if (c === '}') {
      const top = stack.pop();
      if (top === '${') {
        i++;
        templateChunk();
        continue;
      }
      push({ t: 'p', v: c, depth: stack.length });
    } else if (c === ')') {
      stack.pop();
      lastCloseParenBefore = parenBefore.pop();
      push({ t: 'p', v: c, depth: stack.length });
    } else if (c === ']') {
      stack.pop();
      push({ t: 'p', v: c, depth: stack.length });
    } else {
      push({ t: 'p', v: c, depth: stack.length });
    }
    i++;
  }
  return tokens;
}

export interface ModuleImports {
  /** Specifiers of static `import` / `export … from` declarations, in source order. */
  static: string[];
  /** String-literal specifiers of `import()` expressions (not followed). */
  dynamic: string[];
}

export function scanImports(src: string): ModuleImports {
  const tokens = tokenize(src);
  const result: ModuleImports = { static: [], dynamic: [] };
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (tok.t !== 'id' || (tok.v !== 'import' && tok.v !== 'export')) continue;
    const before = tokens[k - 1];
    if (before?.t === 'p' && before.v === '.') continue; // obj.import
    const next = tokens[k + 1];
    if (tok.v === 'import' && next?.t === 'p' && (next.v === '(' || next.v === '.')) {
      const arg = tokens[k + 2];
      if (next.v === '(' && arg?.t === 'str') result.dynamic.push(arg.v);
      continue;
    }
    if (tok.depth !== 0) continue; // declarations only exist at the top level
    // Walk the clause: names, `as`, `from`, `*`, `,`, `{ … }`, until the specifier string.
    for (let j = k + 1; j < tokens.length; j++) {
      const t = tokens[j]!;
      if (t.depth > 0) continue; // inside `{ … }` (names may be strings)
      if (t.t === 'str') {
        const prevTok = tokens[j - 1]!;
        const sideEffect = tok.v === 'import' && j === k + 1;
        if (sideEffect || (prevTok.t === 'id' && prevTok.v === 'from')) result.static.push(t.v);
        break;
      }
      if (t.t === 'id' || (t.t === 'p' && (t.v === '*' || t.v === ',' || t.v === '{' || t.v === '}'))) continue;
      break; // `;`, `=`, `(`, …: not a declaration with a specifier
    }
  }
  return result;
}

// ---------------------------------------------------------------- graph

export interface Graph {
  /** Absolute paths of every file in the static closure, entry first. */
  files: string[];
  /** Bare or out-of-tree specifiers that could not be measured. */
  external: string[];
}

export function staticClosure(dist: string, entries: readonly string[]): Graph {
  const root = resolve(dist);
  const seen = new Set<string>();
  const external = new Set<string>();
  const queue = entries.map((e) => resolve(e));
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    if (!existsSync(file)) throw new Error(`${relative(root, file) || file}: imported but missing`);
    seen.add(file);
    const { static: specifiers } = scanImports(readFileSync(file, 'utf8'));
    for (const spec of specifiers) {
      if (!spec.startsWith('./') && !spec.startsWith('../')) {
        external.add(spec);
        continue;
      }
      const target = resolve(dirname(file), spec.replace(/[?#].*$/, ''));
      if (target !== root && !target.startsWith(root + sep)) {
        external.add(spec);
        continue;
      }
      queue.push(target);
    }
  }
  return { files: [...seen], external: [...external].sort() };
}

export function gzipSize(bytes: Uint8Array): number {
  return gzipSync(bytes, { level: 9 }).length;
}

// ---------------------------------------------------------------- report

interface Row {
  name: string;
  files: number;
  raw: number;
  gzip: number;
  budget: number | undefined;
  external: string[];
}

function measure(dist: string, name: string, entries: string[], budget: number | undefined): Row {
  const graph = staticClosure(dist, entries);
  let raw = 0;
  let gzip = 0;
  for (const file of graph.files) {
    const bytes = readFileSync(file);
    raw += bytes.length;
    gzip += gzipSize(bytes);
  }
  return { name, files: graph.files.length, raw, gzip, budget, external: graph.external };
}

export function report(dist: string): Row[] {
  const portal = join(dist, 'portal.js');
  if (!existsSync(portal)) throw new Error(`${portal} not found: run \`vite build\` first.`);
  const rows: Row[] = [measure(dist, 'portal.js (full bundle)', [portal], BUDGETS.fullBundle)];
  const defineDir = join(dist, 'define');
  const provider = join(defineDir, 'provider.js');
  const widgets = existsSync(defineDir)
    ? readdirSync(defineDir)
        .filter((f) => f.endsWith('.js') && f !== 'provider.js' && statSync(join(defineDir, f)).isFile())
        .sort()
    : [];
  if (existsSync(provider)) rows.push(measure(dist, 'define/provider', [provider], BUDGETS.providerPlusWidget));
  for (const widget of widgets) {
    const entries = existsSync(provider) ? [provider, join(defineDir, widget)] : [join(defineDir, widget)];
    const label = `${existsSync(provider) ? 'provider + ' : ''}define/${widget.replace(/\.js$/, '')}`;
    rows.push(measure(dist, label, entries, BUDGETS.providerPlusWidget));
  }
  return rows;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function overBudget(row: Row): boolean {
  return row.external.length > 0 || (row.budget !== undefined && row.gzip > row.budget);
}

/** Over its regression guard (what `--check` fails on), or unmeasurable. */
function overGuard(row: Row): boolean {
  const guard = GUARDS[row.name];
  return row.external.length > 0 || guard === undefined || row.gzip > guard;
}

function printTable(rows: Row[]): void {
  const header = ['entry', 'files', 'raw', 'gzip -9', 'target', 'guard', 'status'];
  const lines = rows.map((r) => [
    r.name,
    String(r.files),
    kb(r.raw),
    kb(r.gzip),
    r.budget === undefined ? '-' : kb(r.budget),
    GUARDS[r.name] === undefined ? '-' : kb(GUARDS[r.name]!),
    r.external.length > 0
      ? `unmeasured imports: ${r.external.join(', ')}`
      : overGuard(r)
        ? `OVER GUARD by ${kb(r.gzip - (GUARDS[r.name] ?? 0))}`
        : overBudget(r)
          ? `over target by ${kb(r.gzip - r.budget!)}`
          : 'ok',
  ]);
  const widths = header.map((h, c) => Math.max(h.length, ...lines.map((l) => l[c]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 || c === cells.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd();
  process.stdout.write(`${format(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const line of lines) process.stdout.write(`${format(line)}\n`);
  process.stdout.write(
    '\nEach file gzipped on its own (zlib level 9) and summed; dynamic import() targets excluded.\n',
  );
}

// ---------------------------------------------------------------- self-test

function assertEqual(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`self-test: ${what}\n  expected ${e}\n  actual   ${a}`);
}

export function selfTest(): void {
  // Scanner edge cases, as minifiers emit them.
  assertEqual(
    scanImports(
      [
        'import"./a.js";import{b as c,"x-y"as d}from"./b.js";import*as ns from"./ns.js";import e,{f}from"./ef.js";',
        'export*from"./star.js";export*as g from"./star-ns.js";export{h}from"./h.js";export{c as default};',
        'const s="import\'./no1.js\'",t=`import"${"./no2.js"}"${`import"./no3.js"`}`,r=/import"\\/no4.js"/g;',
        '/* import "./no5.js" */ // import "./no6.js"',
        'if(s)/"import\'.\\/no7.js\'"/.test(t);let q=x/2/1;const o={import:1,from:"./no8.js"};o.import("./no9.js");',
        'import("./lazy.js").then(m=>m);console.log(import.meta.url);export default"./no10.js";export const k=`}`;',
        'function z(){return/"import\'no11\'"/}import"./last.js";',
      ].join('\n'),
    ),
    {
      static: ['./a.js', './b.js', './ns.js', './ef.js', './star.js', './star-ns.js', './h.js', './last.js'],
      dynamic: ['./lazy.js'],
    },
    'scanImports',
  );

  // Graph walking over a tiny dist: cycles, ../ paths, shared chunks, dynamic targets excluded.
  const dist = mkdtempSync(join(tmpdir(), 'portal-size-'));
  try {
    const files: Record<string, string> = {
      'portal.js': 'import"./chunks/a.js";import{b}from"./chunks/b.js";import("./chunks/lazy.js");export{b};',
      'chunks/a.js': 'import{x}from"../chunks/shared.js";export const a=x;',
      'chunks/shared.js': 'import"./a.js";export const x=1;',
      'chunks/b.js': 'export const b=`import"./nope.js"`;',
      'chunks/lazy.js': 'import"./huge.js";',
      'chunks/huge.js': `export const h="${'z'.repeat(5000)}";`,
      'define/provider.js': 'import{x}from"../chunks/shared.js";',
      'define/login.js': 'import{b}from"../chunks/b.js";',
      'define/inbox.js': 'import"../chunks/lazy.js";',
      'define/bad.js': 'import"lit";import"../../outside.js";',
    };
    for (const [name, text] of Object.entries(files)) {
      mkdirSync(dirname(join(dist, name)), { recursive: true });
      writeFileSync(join(dist, name), text);
    }
    const rel = (g: Graph) => g.files.map((f) => relative(dist, f).split(sep).join('/')).sort();
    assertEqual(
      rel(staticClosure(dist, [join(dist, 'portal.js')])),
      ['chunks/a.js', 'chunks/b.js', 'chunks/shared.js', 'portal.js'],
      'full closure',
    );
    assertEqual(
      rel(staticClosure(dist, [join(dist, 'define/provider.js'), join(dist, 'define/login.js')])),
      ['chunks/a.js', 'chunks/b.js', 'chunks/shared.js', 'define/login.js', 'define/provider.js'],
      'provider + login closure',
    );
    assertEqual(
      rel(staticClosure(dist, [join(dist, 'define/provider.js'), join(dist, 'define/inbox.js')])),
      ['chunks/a.js', 'chunks/huge.js', 'chunks/lazy.js', 'chunks/shared.js', 'define/inbox.js', 'define/provider.js'],
      'provider + inbox closure (static import of a chunk that is lazy elsewhere)',
    );
    assertEqual(
      staticClosure(dist, [join(dist, 'define/bad.js')]).external,
      ['../../outside.js', 'lit'],
      'external specifiers',
    );
    const rows = report(dist);
    assertEqual(
      rows.map((r) => [r.name, r.files]),
      [
        ['portal.js (full bundle)', 4],
        ['define/provider', 3],
        ['provider + define/bad', 4],
        ['provider + define/inbox', 6],
        ['provider + define/login', 5],
      ],
      'report rows',
    );
    assertEqual(overBudget(rows[3]!), false, 'inbox fixture within budget');
    assertEqual(overBudget(rows[2]!), true, 'externals fail the check');
    writeFileSync(join(dist, 'chunks/b.js'), 'import"./missing.js";');
    let missing = '';
    try {
      staticClosure(dist, [join(dist, 'portal.js')]);
    } catch (error) {
      missing = (error as Error).message;
    }
    assertEqual(missing, 'chunks/missing.js: imported but missing', 'missing import reported');
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
  process.stdout.write('size.ts self-test passed.\n');
}

// ---------------------------------------------------------------- main

function main(argv: readonly string[]): number {
  if (argv.includes('--self-test')) {
    selfTest();
    return 0;
  }
  const distIndex = argv.indexOf('--dist');
  const dist = resolve(distIndex >= 0 && argv[distIndex + 1] ? argv[distIndex + 1]! : 'dist');
  let rows: Row[];
  try {
    rows = report(dist);
  } catch (error) {
    process.stderr.write(`size: ${(error as Error).message}\n`);
    return 2;
  }
  printTable(rows);
  const over = rows.filter(overGuard);
  if (argv.includes('--check') && over.length > 0) {
    process.stderr.write(`\nOver the regression guard: ${over.map((r) => r.name).join(', ')}\n`);
    return 1;
  }
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
