/**
 * Canonical JSON given by a user (import, diff, verify): foreign input, checked by the zod schema.
 * Kept apart from pipeline.ts so that export, which only writes JSON, never loads zod.
 */
import { parseCanonicalJson } from "../model/canonical";
import type { JxmbDocument } from "../model/schema";
import { CliError, qen, qzh, splitGloss } from "./errors";
import { lang } from "./locale";

/** Canonical JSON text → document, or a CliError listing what is wrong (in the run's language, with JSON paths). */
export function parseJsonInput(text: string, file: string): JxmbDocument {
  const res = parseCanonicalJson(text, lang());
  if (res.ok) return res.document;
  const shown = res.errors.slice(0, 10);
  const rest = res.errors.length - shown.length;
  // The problems come in the run's language (a Chinese one without its English gloss); both sides list the same ones.
  const list = `\n  ${shown.map((e) => splitGloss(e).zh).join("\n  ")}`;
  throw new CliError(
    `${qzh(file)} 不是有效的 JXMB 规范 JSON：${list}${rest > 0 ? `\n  ……另有 ${rest} 处` : ""}`,
    `${qen(file)} is not valid JXMB canonical JSON:${list}${rest > 0 ? `\n  … and ${rest} more` : ""}`,
  );
}
