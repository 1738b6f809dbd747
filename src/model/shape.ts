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
export function shapeMismatch(shape: Shape, value: unknown, path = ""): string | null {
  const here = path || "(root)";
  if (shape === "string") return typeof value === "string" ? null : `${here}: expected string`;
  if (shape === "number") return typeof value === "number" && Number.isFinite(value) ? null : `${here}: expected number`;
  if (shape === "int") return Number.isSafeInteger(value) ? null : `${here}: expected integer`;
  if (shape === "boolean") return typeof value === "boolean" ? null : `${here}: expected boolean`;
  if ("literal" in shape) return value === shape.literal ? null : `${here}: expected ${String(shape.literal)}`;
  if ("enum" in shape) return typeof value === "string" && shape.enum.includes(value) ? null : `${here}: expected one of ${shape.enum.join(", ")}`;
  if ("nullable" in shape) return value === null ? null : shapeMismatch(shape.nullable, value, path);
  if ("optional" in shape) return value === undefined ? null : shapeMismatch(shape.optional, value, path);
  if ("array" in shape) {
    if (!Array.isArray(value)) return `${here}: expected array`;
    for (let i = 0; i < value.length; i++) {
      const m = shapeMismatch(shape.array, value[i], path ? `${path}.${i}` : String(i));
      if (m) return m;
    }
    return null;
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return `${here}: expected object`;
  const rec = value as Record<string, unknown>;
  if ("record" in shape) {
    for (const k of Object.keys(rec)) {
      const m = shapeMismatch(shape.record, rec[k], path ? `${path}.${k}` : k);
      if (m) return m;
    }
    return null;
  }
  for (const k of Object.keys(shape.object)) {
    const m = shapeMismatch(shape.object[k], rec[k], path ? `${path}.${k}` : k);
    if (m) return m;
  }
  return null;
}

/** A copy of a value that fits `shape`: object keys in declaration order, unknown keys dropped (as zod strips them). */
export function orderedCopy(shape: Shape, value: unknown): unknown {
  if (value === null || value === undefined || typeof shape === "string") return value;
  if ("nullable" in shape) return orderedCopy(shape.nullable, value);
  if ("optional" in shape) return orderedCopy(shape.optional, value);
  if ("array" in shape) return (value as unknown[]).map((x) => orderedCopy(shape.array, x));
  if ("record" in shape) {
    const rec = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(rec)) out[k] = orderedCopy(shape.record, rec[k]);
    return out;
  }
  if ("object" in shape) {
    const rec = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(shape.object)) if (rec[k] !== undefined) out[k] = orderedCopy(shape.object[k], rec[k]);
    return out;
  }
  return value;
}
