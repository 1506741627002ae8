/**
 * A tiny interpreter for the schema descriptors that `scripts/build-validators.ts`
 * generates from the zod contract (`validators.generated.ts`), so the browser
 * validates every request and response exactly as zod would without shipping zod.
 * `src/api/validate.test.ts` checks that the two agree.
 *
 * On success the value is a clean deep copy: objects get only the keys their
 * schema declares (unknown keys, `__proto__` and `constructor` included, are
 * dropped), so nothing the server adds can reach a widget. On failure it
 * reports where and why, never the offending value (it may be PHI).
 *
 * Descriptor nodes are arrays, tag first:
 *
 *   [0, ...checks]             string (length in code points, like zod)
 *   [1, ...checks]             finite number
 *   [2, ...checks]             safe integer
 *   [3]                        boolean
 *   [4, ...values]             one of these values (literal, enum)
 *   [5, element, ...checks]    array (checks bound its length)
 *   [6, key, node, key, node…] object; unknown keys stripped, `[7, …]` members may be absent
 *   [7, node]                  optional (undefined)
 *   [8, node]                  nullable (null)
 *   [9, keyNode, valueNode]    record of string keys
 *   [10, ...options]           union: the first option that accepts the value
 *   [11, key, ...options]      discriminated union: options are objects whose `key` is a [4, …] node
 *
 * Checks are (op, argument) pairs, run in the schema's order:
 *   0 n: at least n (code points, items or value) · 1 n: at most n ·
 *   2 re: matches re · 3 re: matches the email pattern re ·
 *   4 re: an http(s) URL (trimmed, like zod) whose hostname matches re.
 */

/** Machine reasons, the same vocabulary as the contract's `FieldError.code`. */
export type IssueCode = 'required' | 'invalid' | 'too-short' | 'too-long' | 'invalid-email';

export interface Issue {
  /** Keys and indexes from the root to the failing value. */
  path: PropertyKey[];
  code: IssueCode;
}

export type Result<T> =
  | { ok: true; value: T }
  /** `path` and `code` are the first issue's; `issues` has at most `maxIssues`. */
  | { ok: false; path: PropertyKey[]; code: IssueCode; issues: Issue[] };

type Check = number | RegExp;
export type Node =
  | readonly [0 | 1 | 2, ...Check[]]
  | readonly [3]
  | readonly [4, ...unknown[]]
  | readonly [5, Node, ...Check[]]
  | readonly [6, ...(string | Node)[]]
  | readonly [7 | 8, Node]
  | readonly [9, Node, Node]
  | readonly [10, ...Node[]]
  | readonly [11, string, ...Node[]];

declare const output: unique symbol;
/** A descriptor node that validates to a `T` (the phantom type of the zod schema it came from). */
export type Descriptor<T = unknown> = Node & { readonly [output]?: T };

interface Context {
  /** Issues found so far. */
  i: Issue[];
  /** Stop once this many are found. */
  m: number;
  /** Path of the value being checked (pushed and popped as we descend). */
  p: PropertyKey[];
}

/** Returned instead of a value when validation failed (an issue has been recorded). */
const FAIL = {};
/** Surrogate pairs: a string's length in code points is its length minus these. */
const PAIRS = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/**
 * Validates `input` against `descriptor`. Collects up to `maxIssues` issues
 * (default 1: stop at the first, which is all a response check needs).
 */
export function validate<T>(descriptor: Descriptor<T>, input: unknown, maxIssues = 1): Result<T> {
  const c: Context = { i: [], m: maxIssues, p: [] };
  const value = run(descriptor, input, c);
  if (value !== FAIL) return { ok: true, value: value as T };
  const first = c.i[0]!;
  return { ok: false, path: first.path, code: first.code, issues: c.i };
}

function fail(c: Context, code: IssueCode): typeof FAIL {
  c.i.push({ path: c.p.slice(), code });
  return FAIL;
}

/** Wrong type: zod's `invalid_type`, which is "required" when the value is missing. */
function wrongType(c: Context, value: unknown): typeof FAIL {
  return fail(c, value === undefined ? 'required' : 'invalid');
}

function isObject(value: unknown): value is Record<PropertyKey, unknown> {
  return typeof value == 'object' && value !== null && !Array.isArray(value);
}

/** Checks `value` at `key` of the current path. */
function at(c: Context, key: PropertyKey, node: Node, value: unknown): unknown {
  c.p.push(key);
  const result = run(node, value, c);
  c.p.pop();
  return result;
}

function run(d: Node, v: unknown, c: Context): unknown {
  const kind = d[0];
  if (kind < 3) {
    if (kind ? typeof v != 'number' || !isFinite(v) : typeof v != 'string') return wrongType(c, v);
    if (kind == 2 && !Number.isSafeInteger(v)) {
      return fail(c, !Number.isInteger(v) ? 'invalid' : (v as number) > 0 ? 'too-long' : 'too-short');
    }
    return checks(d, 1, v as string | number, c);
  }
  if (kind == 3) return typeof v == 'boolean' ? v : wrongType(c, v);
  // zod reports a wrong literal or enum value as `invalid_value`, even when it is missing.
  if (kind == 4) return d.includes(v, 1) ? v : fail(c, 'invalid');
  if (kind == 7) return v === undefined ? v : run(d[1], v, c);
  if (kind == 8) return v === null ? v : run(d[1], v, c);
  if (kind == 10) {
    for (let j = 1; j < d.length; j++) {
      const result = run(d[j] as Node, v, { i: [], m: 1, p: c.p });
      if (result !== FAIL) return result;
    }
    return fail(c, 'invalid');
  }
  if (kind == 5 ? !Array.isArray(v) : !isObject(v) || (kind == 9 && !isPlainObject(v))) return wrongType(c, v);
  if (kind == 11) {
    const key = d[1] as string;
    for (let j = 2; j < d.length; j++) {
      const option = d[j] as readonly unknown[];
      if ((option[option.indexOf(key, 1) + 1] as unknown[]).includes((v as Record<string, unknown>)[key], 1)) {
        return run(option as Node, v, c);
      }
    }
    return failAt(c, key);
  }

  // Containers: a fresh array or plain object holding only validated values.
  let ok = true;
  const out: Record<PropertyKey, unknown> = kind == 5 ? ([] as unknown as Record<PropertyKey, unknown>) : {};
  /** Records a member's result; false once enough issues are found to stop. */
  const put = (key: PropertyKey, result: unknown) => {
    if (result !== FAIL) out[key] = result;
    else ok = false;
    return ok || c.i.length < c.m;
  };
  if (kind == 5) {
    const items = v as unknown[];
    // Length first, so an oversized array is refused before its items are walked.
    if (checks(d, 2, items, c) === FAIL) return FAIL;
    for (let i = 0; i < items.length; i++) if (!put(i, at(c, i, d[1] as Node, items[i]))) break;
  } else if (kind == 6) {
    const object = v as Record<string, unknown>;
    for (let j = 1; j < d.length; j += 2) {
      const key = d[j] as string;
      const node = d[j + 1] as Node;
      // Like zod: an optional key that is absent stays absent; a present one (even undefined) is kept.
      if (node[0] == 7 && !(key in object)) continue;
      if (!put(key, at(c, key, node, object[key]))) break;
    }
  } else {
    const record = v as Record<PropertyKey, unknown>;
    for (const key of Reflect.ownKeys(record)) {
      // zod skips `__proto__` (assigning it would replace the result's prototype) and non-enumerable keys.
      if (key === '__proto__' || !Object.prototype.propertyIsEnumerable.call(record, key)) continue;
      const keyOk = run(d[1] as Node, key, { i: [], m: 1, p: [] }) !== FAIL;
      if (!put(key, keyOk ? at(c, key, d[2] as Node, record[key]) : failAt(c, key))) break;
    }
  }
  return ok ? out : FAIL;
}

/** An `invalid` issue at `key` below the current path: a refused record key, or a discriminator no option claims. */
function failAt(c: Context, key: PropertyKey): typeof FAIL {
  c.p.push(key);
  fail(c, 'invalid');
  c.p.pop();
  return FAIL;
}

/** zod's `isPlainObject`, which records require. */
function isPlainObject(value: Record<PropertyKey, unknown>): boolean {
  const ctor = value['constructor'];
  if (typeof ctor != 'function') return true;
  const proto: unknown = ctor.prototype;
  return isObject(proto) && Object.prototype.hasOwnProperty.call(proto, 'isPrototypeOf');
}

/** Runs the (op, argument) checks of `d` from index `from`; returns the (possibly normalized) value or FAIL. */
function checks(d: readonly unknown[], from: number, v: string | number | unknown[], c: Context): unknown {
  for (let i = from; i < d.length; i += 2) {
    const op = d[i] as number;
    const arg = d[i + 1] as number & RegExp;
    if (op < 2) {
      const size =
        typeof v == 'string' ? v.length - (v.match(PAIRS) || '').length : typeof v == 'number' ? v : v.length;
      if (op ? size > arg : size < arg) return fail(c, op ? 'too-long' : 'too-short');
    } else if (op == 4) {
      // zod's httpUrl: trimmed, "http(s)://" required, parseable, hostname pattern; tabs and newlines dropped.
      const trimmed = (v as string).trim();
      let url: URL | false = false;
      try {
        url = /^https?:\/\//i.test(trimmed) && new URL(trimmed);
      } catch {
        // not a URL
      }
      if (!url || !arg.test(url.hostname)) return fail(c, 'invalid');
      v = trimmed.replace(/[\t\n\r]/g, '');
    } else if (!arg.test(v as string)) {
      return fail(c, op == 3 ? 'invalid-email' : 'invalid');
    }
  }
  return v;
}
