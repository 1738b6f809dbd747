/**
 * The validation seal (校验印记): a hidden sheet `_jxmb_seal` that records, when a workbook was checked,
 * the SHA-256 of its canonical JSON, the rule-set and template versions, the profile, the counts, the time
 * and an optional name — plus the canonical JSON itself, deflate-compressed and base64-encoded, so that a
 * later check can say not only *that* the content changed but *what* changed (the business diff against
 * the sealed version). Storing the whole document costs a few KB to a few hundred KB per workbook; storing
 * only per-field hashes would name the changed fields but not the old values, and a reply email wants both.
 *
 * It is computed from the canonical content, not from file bytes: a workbook re-saved by Excel, WPS or
 * LibreOffice without edits stays 已校验且未修改, and any edit the readers see is caught whoever made it.
 *
 * It is NOT a signature: anyone can recompute the hash and rewrite the sheet. It answers "has this changed
 * by accident or by a colleague since it was checked", not "who vouches for it".
 *
 * Browser-safe: Web Crypto (SHA-256) and Compression Streams only.
 */
import { toCanonicalJson, parseCanonicalJson } from "./canonical";
import { diffDocuments, diffSummary, diffText, hasBusinessChanges, type DiffLang, type DocumentDiff } from "./diff";
import type { CellValue, Grid, GridSheet } from "./grid";
import { SEAL_SHEET } from "./exceptions";
import { RULES } from "./rules/index";
import type { JxmbDocument } from "./schema";
import { validate } from "./validate";
import { TEMPLATE_VERSION } from "./write/layout";

export { SEAL_SHEET };
export const SEAL_FORMAT = 1;
/** Excel holds at most 32,767 characters in a cell; the compressed content is split below that. */
const CHUNK = 32_000;
/** A sealed document is at most this large once inflated (a forged seal cannot make us inflate a bomb). */
const MAX_CONTENT_BYTES = 64 * 1024 * 1024;

export interface Seal {
  format: number;
  /** SHA-256 (hex) of the canonical JSON of the document, read without our helper sheets. */
  hash: string;
  ruleSet: string;
  template: string;
  profile: string;
  counts: { projects: number; indicators: number; errors: number; warnings: number };
  /** ISO 8601, UTC. */
  time: string;
  name: string | null;
  /** The canonical JSON, deflate-raw compressed, base64. */
  content: string;
}

/** Rule set = the rules and their default severities; a new or re-graded rule gives a new version. */
export function ruleSetVersion(): string {
  // FNV-1a: a short fingerprint, not a security measure.
  let h = 0x811c9dc5;
  for (const ch of RULES.map((r) => `${r.meta.id}:${r.meta.severity}`).sort().join("|")) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${RULES.length}-${h.toString(16).padStart(8, "0")}`;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function streamBytes(input: Uint8Array, stream: CompressionStream | DecompressionStream, max: number): Promise<Uint8Array> {
  const reader = new Blob([input.slice()]).stream().pipeThrough(stream).getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      throw new Error("content too large");
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export async function compressText(text: string): Promise<string> {
  return toBase64(await streamBytes(new TextEncoder().encode(text), new CompressionStream("deflate-raw"), Number.MAX_SAFE_INTEGER));
}

export async function decompressText(b64: string): Promise<string> {
  return new TextDecoder("utf-8", { fatal: true }).decode(await streamBytes(fromBase64(b64), new DecompressionStream("deflate-raw"), MAX_CONTENT_BYTES));
}

/** Check `doc` and describe it in a seal. */
export async function makeSeal(doc: JxmbDocument, opts: { time: Date; name?: string | null }): Promise<Seal> {
  const json = toCanonicalJson(doc);
  const report = validate(doc, { profile: doc.profile });
  return {
    format: SEAL_FORMAT,
    hash: await sha256Hex(json),
    ruleSet: ruleSetVersion(),
    template: TEMPLATE_VERSION,
    profile: doc.profile,
    counts: {
      projects: doc.projects.length,
      indicators: doc.projects.reduce((n, p) => n + p.indicators.length, 0),
      errors: report.summary.error,
      warnings: report.summary.warning,
    },
    time: opts.time.toISOString(),
    name: opts.name ?? null,
    content: await compressText(json),
  };
}

/* The sheet: one labelled row per field (readable when someone unhides it), the content in as many rows as it needs. */
const LABELS = {
  note: "说明",
  format: "印记格式",
  hash: "SHA-256（规范 JSON）",
  ruleSet: "规则集版本",
  template: "模板版本",
  profile: "规则配置",
  projects: "项目数",
  indicators: "指标数",
  errors: "错误数",
  warnings: "警告数",
  time: "校验时间（UTC）",
  name: "校验人",
  content: "内容（压缩）",
} as const;

export const SEAL_NOTE = "JXMB 校验印记：记录校验时表格内容的摘要，用于发现校验后的修改。它不是数字签名，不能证明是谁校验的。请勿修改本工作表。";

export function sealSheet(seal: Seal): GridSheet {
  const rows: CellValue[][] = [
    ["字段", "值"],
    [LABELS.note, SEAL_NOTE],
    [LABELS.format, String(seal.format)],
    [LABELS.hash, seal.hash],
    [LABELS.ruleSet, seal.ruleSet],
    [LABELS.template, seal.template],
    [LABELS.profile, seal.profile],
    [LABELS.projects, String(seal.counts.projects)],
    [LABELS.indicators, String(seal.counts.indicators)],
    [LABELS.errors, String(seal.counts.errors)],
    [LABELS.warnings, String(seal.counts.warnings)],
    [LABELS.time, seal.time],
    [LABELS.name, seal.name ?? ""],
  ];
  for (let i = 0; i < seal.content.length; i += CHUNK) rows.push([LABELS.content, seal.content.slice(i, i + CHUNK)]);
  return { name: SEAL_SHEET, values: rows, merges: [], hidden: true, formats: rows.map((r) => r.map(() => "@")) };
}

export type SealRead = { found: false } | { found: true; seal: Seal } | { found: true; seal: null; problem: string };

/** The seal stored in a workbook's grid, if any. */
export function readSeal(grid: Grid): SealRead {
  const sheet = grid.sheets.find((s) => s.name === SEAL_SHEET);
  if (!sheet) return { found: false };
  const fields = new Map<string, string>();
  let content = "";
  for (const row of sheet.values) {
    const label = typeof row?.[0] === "string" ? row[0] : null;
    const v = row?.[1];
    const value = v === null || v === undefined ? "" : typeof v === "object" ? "" : String(v);
    if (label === LABELS.content) content += value;
    else if (label) fields.set(label, value);
  }
  const count = (label: string) => {
    const t = fields.get(label) ?? "";
    return /^\d+$/.test(t) ? Number(t) : NaN;
  };
  const hash = fields.get(LABELS.hash) ?? "";
  const seal: Seal = {
    format: count(LABELS.format),
    hash,
    ruleSet: fields.get(LABELS.ruleSet) ?? "",
    template: fields.get(LABELS.template) ?? "",
    profile: fields.get(LABELS.profile) ?? "",
    counts: { projects: count(LABELS.projects), indicators: count(LABELS.indicators), errors: count(LABELS.errors), warnings: count(LABELS.warnings) },
    time: fields.get(LABELS.time) ?? "",
    name: fields.get(LABELS.name) || null,
    content,
  };
  if (seal.format !== SEAL_FORMAT) return { found: true, seal: null, problem: `印记格式“${fields.get(LABELS.format) ?? ""}”无法识别` };
  if (!/^[0-9a-f]{64}$/.test(hash)) return { found: true, seal: null, problem: "印记中的 SHA-256 缺失或格式不对" };
  if (!content) return { found: true, seal: null, problem: "印记中缺少校验时的内容" };
  return { found: true, seal };
}

export type Verdict =
  | { status: "unsealed" }
  /** 已校验且未修改 */
  | { status: "unchanged"; seal: Seal }
  /** 校验后已修改; `diff` null when the sealed content cannot be recovered (the seal itself was altered). */
  | { status: "modified"; seal: Seal | null; diff: DocumentDiff | null; reason: string | null };

/** Compare a workbook's current document with the seal in its grid. */
export async function verifySeal(grid: Grid, doc: JxmbDocument): Promise<Verdict> {
  const read = readSeal(grid);
  if (!read.found) return { status: "unsealed" };
  if (!read.seal) return { status: "modified", seal: null, diff: null, reason: `校验印记已被改动：${read.problem}` };
  const seal = read.seal;
  if ((await sha256Hex(toCanonicalJson(doc))) === seal.hash) return { status: "unchanged", seal };
  let sealedJson: string;
  try {
    sealedJson = await decompressText(seal.content);
  } catch {
    return { status: "modified", seal, diff: null, reason: "校验印记中的内容无法解开（印记已被改动）" };
  }
  if ((await sha256Hex(sealedJson)) !== seal.hash) return { status: "modified", seal, diff: null, reason: "校验印记中的内容与其 SHA-256 不符（印记已被改动）" };
  const parsed = parseCanonicalJson(sealedJson);
  if (!parsed.ok) return { status: "modified", seal, diff: null, reason: "校验印记中的内容无法读取" };
  const diff = diffDocuments(parsed.document, doc);
  return { status: "modified", seal, diff, reason: hasBusinessChanges(diff) ? null : "内容未变，仅表格位置（行、列或工作表）有变化" };
}

export const VERDICT_LABEL = { unsealed: "未校验", unchanged: "已校验且未修改", modified: "校验后已修改" } as const;

/** The labels in English (the CLI's en-US locale). */
export const VERDICT_LABEL_EN = { unsealed: "not sealed", unchanged: "sealed and unchanged", modified: "changed since it was sealed" } as const;

/** verifySeal's reasons in English, by their Chinese text (a problem read from the seal sheet follows its prefix). */
function reasonEn(reason: string): string {
  if (reason.startsWith("校验印记已被改动：")) return "The validation seal has been altered.";
  const known: Record<string, string> = {
    "校验印记中的内容无法解开（印记已被改动）": "The content kept in the seal cannot be unpacked (the seal has been altered).",
    "校验印记中的内容与其 SHA-256 不符（印记已被改动）": "The content kept in the seal does not match its SHA-256 (the seal has been altered).",
    "校验印记中的内容无法读取": "The content kept in the seal cannot be read.",
    "内容未变，仅表格位置（行、列或工作表）有变化": "The content is the same; only the layout (rows, columns or sheets) changed.",
  };
  return known[reason] ?? "The validation seal does not match the workbook.";
}

/** The verdict as text (zh-CN, or English for the CLI's en-US): the label first, then the seal's record, then what changed. */
export function verdictText(v: Verdict, file?: string, lang: DiffLang = "zh"): string {
  const en = lang === "en";
  const lines = [en ? `${file ?? "Workbook"}: ${VERDICT_LABEL_EN[v.status]}` : `${file ?? "工作簿"}：${VERDICT_LABEL[v.status]}`];
  if (v.status === "unsealed") {
    lines.push(
      en
        ? "No validation seal found (sheet _jxmb_seal): this workbook was never checked and sealed with jxmb seal."
        : "没有找到校验印记（工作表 _jxmb_seal）：这份工作簿没有用 jxmb seal 校验并盖章过。",
    );
    return lines.join("\n") + "\n";
  }
  const seal = v.seal;
  if (seal) {
    if (en)
      lines.push(
        `Sealed at ${seal.time}${seal.name ? ` by ${seal.name}` : ""}; profile ${seal.profile}, rule set ${seal.ruleSet}, template ${seal.template}`,
        `When sealed: ${seal.counts.projects} project(s), ${seal.counts.indicators} indicator(s), ${seal.counts.errors} error(s), ${seal.counts.warnings} warning(s)`,
      );
    else
      lines.push(
        `校验时间：${seal.time}${seal.name ? `，校验人：${seal.name}` : ""}；规则配置 ${seal.profile}，规则集 ${seal.ruleSet}，模板 ${seal.template}`,
        `校验时：${seal.counts.projects} 个项目，${seal.counts.indicators} 条指标，错误 ${seal.counts.errors} 项，警告 ${seal.counts.warnings} 项`,
      );
  }
  if (v.status === "modified") {
    if (v.reason) lines.push(en ? reasonEn(v.reason) : v.reason);
    if (v.diff && hasBusinessChanges(v.diff)) {
      const changes = diffText(v.diff, en ? { a: "when sealed", b: "now" } : { a: "校验时", b: "现在" }, lang).trimEnd().split("\n").slice(1);
      lines.push("", en ? "Changes since sealing:" : "校验后的修改：", ...changes, "", en ? `Summary: ${diffSummary(v.diff, lang)}` : `摘要：${diffSummary(v.diff)}`);
    }
  }
  return lines.join("\n") + "\n";
}
