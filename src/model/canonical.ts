/**
 * Canonical JSON: the finance bureau's exchange format. Same model → byte-identical text:
 * keys in schema declaration order (zod emits them so), source-map keys in natural order,
 * two-space indentation, "\n" line ends and a trailing newline, -0 written as 0.
 */
import { z } from "zod";
import { COMPATIBLE_SCHEMA_VERSIONS, JxmbDocument, SCHEMA_ID, SCHEMA_VERSION } from "./schema";

// Chinese messages for this parse only (a global z.config would change every other caller).
const zhErrors = z.locales.zhCN().localeError;

function naturalCompare(a: string, b: string): number {
  const ra = a.split(/(\d+)/);
  const rb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    if (ra[i] === rb[i]) continue;
    const na = Number(ra[i]);
    const nb = Number(rb[i]);
    if (i % 2 === 1 && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
    return ra[i] < rb[i] ? -1 : 1;
  }
  return ra.length - rb.length;
}

/** Source maps are records whose insertion order depends on the reader; sort them. */
function sortRecord(rec: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(rec).sort(naturalCompare)) out[k] = rec[k];
  return out;
}

function replacer(this: unknown, key: string, value: unknown): unknown {
  if (typeof value === "number" && Object.is(value, -0)) return 0;
  if ((key === "cells" || key === "source") && value && typeof value === "object" && !Array.isArray(value)) {
    const rec = value as Record<string, unknown>;
    // Indicator.source and ProjectSource.cells are flat string records.
    if (Object.values(rec).every((v) => typeof v === "string")) return sortRecord(rec as Record<string, string>);
  }
  return value;
}

export function toCanonicalJson(doc: JxmbDocument): string {
  const parsed = JxmbDocument.parse(doc);
  return JSON.stringify(parsed, replacer, 2) + "\n";
}

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
