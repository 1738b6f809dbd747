/**
 * Canonical JSON given by a user (import, diff, verify): foreign input, checked by the zod schema.
 * Kept apart from pipeline.ts so that export, which only writes JSON, never loads zod.
 */
import { parseCanonicalJson } from "../model/canonical";
import type { JxmbDocument } from "../model/schema";
import { CliError, qen, qzh } from "./errors";

/** Canonical JSON text → document, or a CliError listing what is wrong (zh, with JSON paths). */
export function parseJsonInput(text: string, file: string): JxmbDocument {
  const res = parseCanonicalJson(text);
  if (res.ok) return res.document;
  const shown = res.errors.slice(0, 10);
  const more = res.errors.length > shown.length ? `\n  ……另有 ${res.errors.length - shown.length} 处` : "";
  throw new CliError(
    `${qzh(file)} 不是有效的 JXMB 规范 JSON：\n  ${shown.join("\n  ")}${more}`,
    `${qen(file)} is not valid JXMB canonical JSON (${res.errors.length} problem(s) listed above).`,
  );
}
