/**
 * A zod-free description of the schema's shape (generated from the zod schema into schema-shape.ts by
 * `npm run schema`; a test fails when it is stale), and the two things the export path needs from it:
 * a check that a value fits, and a copy with keys in declaration order and unknown keys dropped —
 * what a zod parse gives, without loading zod.
 */
export type Shape =
  | "string"
  | "number"
  | "int"
  | "boolean"
  | { literal: string | number }
  | { enum: readonly string[] }
  | { nullable: Shape }
  | { optional: Shape }
  | { array: Shape }
  | { record: Shape }
  | { object: { readonly [key: string]: Shape } };

/** The first mismatch of `value` against `shape`, as "path: what was expected"; null when it fits. */
export function shapeMismatch(shape: Shape, value: unknown): string | null {
  const miss = firstMiss(shape, value);
  if (!miss) return null;
  const path = miss.keys.reverse().join(".");
  return `${path || "(root)"}: ${miss.expected}`;
}

/** A mismatch: what was expected, and the keys from it up to the root (innermost first). */
interface Miss {
  keys: string[];
  expected: string;
}

// The path is built only on a mismatch: building "projects.12.indicators.3.source" for every value
// of a valid document cost more than the check itself (export checks every document it writes).
function firstMiss(shape: Shape, value: unknown): Miss | null {
  if (shape === "string") return typeof value === "string" ? null : { keys: [], expected: "expected string" };
  if (shape === "number") return typeof value === "number" && Number.isFinite(value) ? null : { keys: [], expected: "expected number" };
  if (shape === "int") return Number.isSafeInteger(value) ? null : { keys: [], expected: "expected integer" };
  if (shape === "boolean") return typeof value === "boolean" ? null : { keys: [], expected: "expected boolean" };
  if ("literal" in shape) return value === shape.literal ? null : { keys: [], expected: `expected ${String(shape.literal)}` };
  if ("enum" in shape) return typeof value === "string" && shape.enum.includes(value) ? null : { keys: [], expected: `expected one of ${shape.enum.join(", ")}` };
  if ("nullable" in shape) return value === null ? null : firstMiss(shape.nullable, value);
  if ("optional" in shape) return value === undefined ? null : firstMiss(shape.optional, value);
  if ("array" in shape) {
    if (!Array.isArray(value)) return { keys: [], expected: "expected array" };
    for (let i = 0; i < value.length; i++) {
      const m = firstMiss(shape.array, value[i]);
      if (m) {
        m.keys.push(String(i));
        return m;
      }
    }
    return null;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return { keys: [], expected: "expected object" };
  const rec = value as Record<string, unknown>;
  const inner = "record" in shape ? null : shape.object;
  for (const k of Object.keys(inner ?? rec)) {
    const m = firstMiss(inner ? inner[k] : (shape as { record: Shape }).record, rec[k]);
    if (m) {
      m.keys.push(k);
      return m;
    }
  }
  return null;
}

/** What a compiled copier returns for a value that does not fit its shape. */
const MISS: unique symbol = Symbol("shape miss");
type Copier = (value: unknown) => unknown;

/**
 * The check and the ordered copy in one pass, compiled once from a shape into closures (no per-value
 * dispatch on the shape's kind): returns what `orderedCopy` returns for a value that fits, and null
 * when `shapeMismatch` would name a mismatch (ask it for the message; only the failing path pays).
 * Records' keys are sorted by `recordOrder`; the sorted order of a key sequence seen before is reused
 * (a document repeats the same few source maps thousands of times), so the comparator runs once per
 * distinct sequence — the same order a sort of that sequence gives.
 */
export function compileCheckedCopy(shape: Shape, recordOrder?: (a: string, b: string) => number): (value: unknown) => { value: unknown } | null {
  interface KeyNode {
    next: Map<string, KeyNode>;
    sorted: string[] | null;
  }
  let memo: KeyNode = { next: new Map(), sorted: null };
  let memoNodes = 0;
  const sortKeys = (keys: string[]): string[] => {
    if (!recordOrder || keys.length < 2) return keys;
    // Bounded: a hostile document with millions of distinct keys sorts each record itself.
    if (memoNodes > 100_000) return keys.sort(recordOrder);
    let node = memo;
    for (const k of keys) {
      let n = node.next.get(k);
      if (!n) {
        n = { next: new Map(), sorted: null };
        node.next.set(k, n);
        memoNodes++;
      }
      node = n;
    }
    if (!node.sorted) node.sorted = [...keys].sort(recordOrder);
    return node.sorted;
  };
  const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === "object" && !Array.isArray(v);
  const compile = (s: Shape): Copier => {
    if (s === "string") return (v) => (typeof v === "string" ? v : MISS);
    if (s === "number") return (v) => (typeof v === "number" && Number.isFinite(v) ? v : MISS);
    if (s === "int") return (v) => (Number.isSafeInteger(v) ? v : MISS);
    if (s === "boolean") return (v) => (typeof v === "boolean" ? v : MISS);
    if ("literal" in s) {
      const lit = s.literal;
      return (v) => (v === lit ? v : MISS);
    }
    if ("enum" in s) {
      const allowed = new Set<unknown>(s.enum);
      return (v) => (typeof v === "string" && allowed.has(v) ? v : MISS);
    }
    if ("nullable" in s) {
      const inner = compile(s.nullable);
      return (v) => (v === null ? v : inner(v));
    }
    if ("optional" in s) {
      const inner = compile(s.optional);
      return (v) => (v === undefined ? v : inner(v));
    }
    if ("array" in s) {
      const item = compile(s.array);
      return (v) => {
        if (!Array.isArray(v)) return MISS;
        const out: unknown[] = [];
        for (let i = 0; i < v.length; i++) {
          const x = item(v[i]);
          if (x === MISS) return MISS;
          out.push(x);
        }
        return out;
      };
    }
    if ("record" in s) {
      const item = compile(s.record);
      return (v) => {
        if (!isObject(v)) return MISS;
        const out: Record<string, unknown> = {};
        for (const k of sortKeys(Object.keys(v))) {
          const x = item(v[k]);
          if (x === MISS) return MISS;
          out[k] = x;
        }
        return out;
      };
    }
    const keys = Object.keys(s.object);
    const fields = keys.map((k) => compile(s.object[k]));
    return (v) => {
      if (!isObject(v)) return MISS;
      const out: Record<string, unknown> = {};
      for (let i = 0; i < keys.length; i++) {
        const raw = v[keys[i]];
        const x = fields[i](raw);
        if (x === MISS) return MISS;
        if (raw !== undefined) out[keys[i]] = x;
      }
      return out;
    };
  };
  const top = compile(shape);
  return (value) => {
    memo = { next: new Map(), sorted: null };
    memoNodes = 0;
    const x = top(value);
    return x === MISS ? null : { value: x };
  };
}

/**
 * A copy of a value that fits `shape`: object keys in declaration order, unknown keys dropped (as zod
 * strips them). With `recordOrder`, the keys of records are sorted by it (canonical JSON sorts its source maps).
 */
export function orderedCopy(shape: Shape, value: unknown, recordOrder?: (a: string, b: string) => number): unknown {
  if (value === null || value === undefined || typeof shape === "string") return value;
  if ("nullable" in shape) return orderedCopy(shape.nullable, value, recordOrder);
  if ("optional" in shape) return orderedCopy(shape.optional, value, recordOrder);
  if ("array" in shape) return (value as unknown[]).map((x) => orderedCopy(shape.array, x, recordOrder));
  if ("record" in shape) {
    const rec = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    const keys = Object.keys(rec);
    if (recordOrder) keys.sort(recordOrder);
    for (const k of keys) out[k] = orderedCopy(shape.record, rec[k], recordOrder);
    return out;
  }
  if ("object" in shape) {
    const rec = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(shape.object)) if (rec[k] !== undefined) out[k] = orderedCopy(shape.object[k], rec[k], recordOrder);
    return out;
  }
  return value;
}
