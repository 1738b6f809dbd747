/**
 * Canonical JSON in and out. Writing (toCanonicalJson) is zod-free in canonical-json.ts; reading a
 * user's JSON (foreign input) is checked here by the zod schema, with zh-CN messages.
 */
import { z } from "zod";
import { COMPATIBLE_SCHEMA_VERSIONS, JxmbDocument, SCHEMA_ID, SCHEMA_VERSION } from "./schema";

export { toCanonicalJson } from "./canonical-json";

// Chinese (or English) messages for this parse only (a global z.config would change every other caller).
const zhErrors = z.locales.zhCN().localeError;
const enErrors = z.locales.en().localeError;

export type CanonicalParse = { ok: true; document: JxmbDocument } | { ok: false; errors: string[] };

/** V8's JSON.parse message (English) said in Chinese: where it broke, not the engine's wording. */
function jsonSyntaxZh(msg: string): string {
  if (/unexpected end/i.test(msg)) return "内容在结尾处中断，不完整";
  const pos = /position (\d+)/.exec(msg);
  return pos ? `第 ${Number(pos[1]) + 1} 个字符处有语法错误` : "有语法错误";
}

/**
 * Parse canonical JSON from a user. Errors are zh-CN (or English for `lang` "en": the CLI's en-US
 * locale), each naming the JSON path. Never throws.
 */
export function parseCanonicalJson(text: string, lang: "zh" | "en" = "zh"): CanonicalParse {
  const en = lang === "en";
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    const msg = (e as Error).message;
    return { ok: false, errors: [en ? `Not valid JSON text: ${msg}` : `不是有效的 JSON 文本：${jsonSyntaxZh(msg)}（Not valid JSON）`] };
  }
  if (data && typeof data === "object" && "schemaVersion" in data) {
    const rec = data as Record<string, unknown>;
    const version = rec.schemaVersion;
    if (typeof version === "number" && COMPATIBLE_SCHEMA_VERSIONS.includes(version)) {
      // An older document is a subset of this version: raise its version (and the schema URL naming it).
      data = { ...rec, schemaVersion: SCHEMA_VERSION, $schema: typeof rec.$schema === "string" && /jxmb-v\d+\.schema\.json$/.test(rec.$schema) ? SCHEMA_ID : rec.$schema };
    } else if (version !== SCHEMA_VERSION) {
      const supported = [...COMPATIBLE_SCHEMA_VERSIONS, SCHEMA_VERSION];
      return {
        ok: false,
        errors: [
          en
            ? `schemaVersion is ${String(version)}; this program supports ${supported.join(", ")}`
            : `schemaVersion 为 ${String(version)}，本程序支持 ${supported.join("、")}（unsupported schemaVersion）`,
        ],
      };
    }
  }
  const res = JxmbDocument.safeParse(data, { error: en ? enErrors : zhErrors });
  if (res.success) return { ok: true, document: res.data };
  const errors = res.error.issues.slice(0, 20).map((iss) => {
    const path = iss.path.length ? iss.path.map(String).join(".") : en ? "(root)" : "(根)";
    return en ? `field ${path}: ${iss.message}` : `字段 ${path}：${iss.message}`;
  });
  if (res.error.issues.length > 20) errors.push(en ? `… and ${res.error.issues.length - 20} more` : `……另有 ${res.error.issues.length - 20} 处错误`);
  return { ok: false, errors };
}
