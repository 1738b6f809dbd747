/**
 * Canonical JSON in and out. Writing (toCanonicalJson) is zod-free in canonical-json.ts; reading a
 * user's JSON (foreign input) is checked here by the zod schema, with zh-CN messages.
 */
import { z } from "zod";
import { COMPATIBLE_SCHEMA_VERSIONS, JxmbDocument, SCHEMA_ID, SCHEMA_VERSION } from "./schema";
import { DOCUMENT_SHAPE } from "./schema-shape";
import { shapeMismatch } from "./shape";

export { toCanonicalJson } from "./canonical-json";

// Chinese (or English) messages for this parse only (a global z.config would change every other caller).
const zhErrors = z.locales.zhCN().localeError;
const enErrors = z.locales.en().localeError;

export type CanonicalParse = { ok: true; document: JxmbDocument } | { ok: false; errors: string[] };

/** A canonical document nests about 8 levels deep. */
export const MAX_JSON_DEPTH = 64;
/**
 * Objects and arrays in one document. A workbook within the read limits exports to well under a
 * million; JSON.parse costs ~100 bytes for each even when empty (16 million `{}` in 48 MB: 1.5 GB).
 */
export const MAX_JSON_CONTAINERS = 4_000_000;
/** Above this many values, a document the zod-free shape check already finds wrong is not given to zod,
 * which lists every problem: over a large array of wrong values that list alone exhausted memory. */
const ZOD_LISTS_ALL_UP_TO = 200_000;

/** Depth, objects + arrays, and values (roughly) of a JSON text, outside its strings: one linear pass, no allocation. */
function jsonStructure(text: string): { depth: number; containers: number; values: number } {
  let depth = 0;
  let maxDepth = 0;
  let containers = 0;
  let commas = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // Skip the string, escapes included (an unterminated one runs to the end; JSON.parse says so).
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x7b || c === 0x5b) {
      containers++;
      if (++depth > maxDepth) maxDepth = depth;
    } else if (c === 0x7d || c === 0x5d) depth--;
    else if (c === 0x2c) commas++;
  }
  return { depth: maxDepth, containers, values: containers + commas };
}

/** shapeMismatch's "expected …" in Chinese. */
function expectedZh(en: string): string {
  const kinds: Record<string, string> = { string: "文本", number: "有限的数字", integer: "整数", boolean: "true 或 false", object: "对象", array: "数组" };
  const what = en.replace(/^expected /, "");
  if (kinds[what]) return `应为${kinds[what]}`;
  if (what.startsWith("one of ")) return `应为 ${what.slice(7)} 之一`;
  return `应为 ${what}`;
}

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
  // Before JSON.parse: its memory grows with the structure, not the bytes.
  const shape = jsonStructure(text);
  if (shape.depth > MAX_JSON_DEPTH) {
    return {
      ok: false,
      errors: [
        en
          ? `JSON nested ${shape.depth} levels deep, over ${MAX_JSON_DEPTH}: not JXMB canonical JSON (about 8 levels)`
          : `JSON 嵌套了 ${shape.depth} 层，超过 ${MAX_JSON_DEPTH} 层，不是 JXMB 规范 JSON（规范 JSON 约 8 层）（JSON nested ${shape.depth} levels deep, over ${MAX_JSON_DEPTH}）`,
      ],
    };
  }
  if (shape.containers > MAX_JSON_CONTAINERS) {
    return {
      ok: false,
      errors: [
        en
          ? `${shape.containers} objects and arrays, over ${MAX_JSON_CONTAINERS}, far more than any readable workbook exports: not parsed`
          : `JSON 含有 ${shape.containers} 个对象或数组，超过 ${MAX_JSON_CONTAINERS} 个，远多于任何可读取的工作簿导出的内容，未解析（${shape.containers} objects and arrays, over ${MAX_JSON_CONTAINERS}: not parsed）`,
      ],
    };
  }
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
  if (shape.values > ZOD_LISTS_ALL_UP_TO) {
    const miss = shapeMismatch(DOCUMENT_SHAPE, data);
    if (miss) {
      const at = miss.indexOf(": ");
      return {
        ok: false,
        errors: [en ? `field ${miss}; the file is large, only its first problem is listed` : `字段 ${miss.slice(0, at)}：${expectedZh(miss.slice(at + 2))}。文件较大，只列出第一处问题（${miss}）`],
      };
    }
  }
  const res = JxmbDocument.safeParse(data, { error: en ? enErrors : zhErrors });
  if (res.success) return { ok: true, document: res.data };
  const errors = res.error.issues.slice(0, 20).map((iss) => {
    const path = iss.path.length ? iss.path.map(String).join(".") : en ? "(root)" : "(根)";
    // 1e999 parses to Infinity, and zod's "expected number, received number" said nothing useful.
    const at = iss.path.reduce<unknown>((v, k) => (v && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined), data);
    const message =
      iss.code === "invalid_type" && typeof at === "number" && !Number.isFinite(at)
        ? en
          ? `expected a finite number, got ${String(at)} (a number too large, such as 1e999)`
          : `应为有限的数字，实际是超出范围的数（如 1e999，读作无穷大）`
        : iss.message;
    return en ? `field ${path}: ${message}` : `字段 ${path}：${message}`;
  });
  if (res.error.issues.length > 20) errors.push(en ? `… and ${res.error.issues.length - 20} more` : `……另有 ${res.error.issues.length - 20} 处错误`);
  return { ok: false, errors };
}
