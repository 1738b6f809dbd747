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
