/**
 * Writes the zod schema's shape as the zod-free module schema-shape.ts (run by `npm run schema`;
 * test/model/schema.test.ts fails when the checked-in file is stale), so the readers and the export
 * path can check and order documents without loading zod.
 */
import type { z } from "zod";
import { JxmbDocument, MidTerm, SelfEvaluation, Target } from "./schema";
import type { Shape } from "./shape";

type Def = { type: string; checks?: { _zod: { def: { format?: string } } }[]; entries?: Record<string, string>; values?: (string | number)[]; innerType?: z.ZodType; element?: z.ZodType; valueType?: z.ZodType; shape?: Record<string, z.ZodType> };

export function shapeOf(schema: z.ZodType): Shape {
  const def = (schema as unknown as { _zod: { def: Def } })._zod.def;
  switch (def.type) {
    case "string":
    case "boolean":
      return def.type;
    case "number":
      return def.checks?.some((c) => c._zod.def.format === "safeint") ? "int" : "number";
    case "literal":
      if (def.values?.length !== 1) throw new Error("literal with several values");
      return { literal: def.values[0] };
    case "enum":
      return { enum: Object.values(def.entries ?? {}) };
    case "nullable":
      return { nullable: shapeOf(def.innerType!) };
    case "optional":
      return { optional: shapeOf(def.innerType!) };
    case "array":
      return { array: shapeOf(def.element!) };
    case "record":
      return { record: shapeOf(def.valueType!) };
    case "object": {
      const out: Record<string, Shape> = {};
      for (const [k, v] of Object.entries(def.shape ?? {})) out[k] = shapeOf(v);
      return { object: out };
    }
    default:
      throw new Error(`schema-shape: zod type ${def.type} is not described; extend shape.ts`);
  }
}

export function shapeModuleText(): string {
  const c = (name: string, s: z.ZodType) => `export const ${name}: Shape = ${JSON.stringify(shapeOf(s))};\n`;
  return (
    "// Generated from the zod schema (src/model/schema.ts) by `npm run schema`; do not edit.\n" +
    'import type { Shape } from "./shape";\n\n' +
    c("DOCUMENT_SHAPE", JxmbDocument) +
    c("TARGET_SHAPE", Target) +
    c("MID_TERM_SHAPE", MidTerm) +
    c("SELF_EVALUATION_SHAPE", SelfEvaluation)
  );
}
