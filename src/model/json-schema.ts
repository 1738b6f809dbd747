/**
 * The published JSON Schema (draft 2020-12) generated from the zod schema, so the two can never
 * drift apart. `scripts/gen-schema.ts` writes it to assets/schema/; a test fails when the checked-in
 * file is stale.
 */
import { z } from "zod";
import { JxmbDocument, SCHEMA_ID, SCHEMA_VERSION } from "./schema";

export const SCHEMA_FILE = `jxmb-v${SCHEMA_VERSION}.schema.json`;

export function buildJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(JxmbDocument, { target: "draft-2020-12", io: "output" }) as Record<string, unknown>;
  const { $schema, ...rest } = generated;
  return {
    $schema: $schema ?? "https://json-schema.org/draft/2020-12/schema",
    $id: SCHEMA_ID,
    title: "JXMB 项目支出绩效目标表 canonical document",
    description:
      "部门预算绩效文本及其项目支出绩效目标表的规范 JSON（金额单位：万元）。Canonical JSON of a department's budget performance text and its project performance-target tables (amounts in 万元).",
    schemaVersion: SCHEMA_VERSION,
    ...rest,
  };
}

export function jsonSchemaText(): string {
  return JSON.stringify(buildJsonSchema(), null, 2) + "\n";
}
