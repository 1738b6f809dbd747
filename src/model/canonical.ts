/**
 * Canonical JSON in and out. Writing (toCanonicalJson) is zod-free in canonical-json.ts; reading a
 * user's JSON (foreign input) is checked here by the zod schema, with zh-CN messages.
 */
import { z } from "zod";
import { COMPATIBLE_SCHEMA_VERSIONS, JxmbDocument, SCHEMA_ID, SCHEMA_VERSION } from "./schema";

export { toCanonicalJson } from "./canonical-json";

// Chinese messages for this parse only (a global z.config would change every other caller).
const zhErrors = z.locales.zhCN().localeError;

export type CanonicalParse = { ok: true; document: JxmbDocument } | { ok: false; errors: string[] };

/** Parse canonical JSON from a user. Errors are zh-CN, each naming the JSON path. Never throws. */
export function parseCanonicalJson(text: string): CanonicalParse {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, errors: [`不是有效的 JSON 文本：${(e as Error).message}（Not valid JSON）`] };
  }
  if (data && typeof data === "object" && "schemaVersion" in data) {
    const rec = data as Record<string, unknown>;
    const version = rec.schemaVersion;
    if (typeof version === "number" && COMPATIBLE_SCHEMA_VERSIONS.includes(version)) {
      // An older document is a subset of this version: raise its version (and the schema URL naming it).
      data = { ...rec, schemaVersion: SCHEMA_VERSION, $schema: typeof rec.$schema === "string" && /jxmb-v\d+\.schema\.json$/.test(rec.$schema) ? SCHEMA_ID : rec.$schema };
    } else if (version !== SCHEMA_VERSION) {
      const supported = [...COMPATIBLE_SCHEMA_VERSIONS, SCHEMA_VERSION].join("、");
      return {
        ok: false,
        errors: [`schemaVersion 为 ${String(version)}，本程序支持 ${supported}（unsupported schemaVersion）`],
      };
    }
  }
  const res = JxmbDocument.safeParse(data, { error: zhErrors });
  if (res.success) return { ok: true, document: res.data };
  const errors = res.error.issues.slice(0, 20).map((iss) => {
    const path = iss.path.length ? iss.path.map(String).join(".") : "(根)";
    return `字段 ${path}：${iss.message}`;
  });
  if (res.error.issues.length > 20) errors.push(`……另有 ${res.error.issues.length - 20} 处错误`);
  return { ok: false, errors };
}
