/**
 * RuleTester (ESLint-style) for JXMB rules: a builder for a minimal valid project (Hebei layout, every
 * field filled, every rule silent) with overrides, and `ruleTester(id, { valid, invalid })` that runs
 * the real engine (validate) restricted to that rule and compares the findings.
 */
import { emptyDocument, type Indicator, type JxmbDocument, type Project, type ProfileName, type Target } from "../../src/model/schema";
import { parseTarget, parseTargetParts } from "../../src/model/value";
import { validate } from "../../src/model/validate";
import type { Finding, Severity } from "../../src/model/rules/types";
import { cjkOutsideQuotes } from "../helpers/english";

/** What is wrong with a finding's English: no English message, a 建议 without English, Chinese outside quotes. */
export function englishProblems(f: Finding, names: readonly (string | null | undefined)[] = []): string[] {
  const out: string[] = [];
  const where = [f.sheet, f.projectName, f.projectCode, ...names];
  if (f.messageEn === undefined) out.push(`${f.ruleId}: no messageEn for “${f.message}”`);
  else if (cjkOutsideQuotes(f.messageEn, where)) out.push(`${f.ruleId}: Chinese outside quotes in “${f.messageEn}”`);
  if (f.fix !== undefined) {
    if (f.fixEn === undefined) out.push(`${f.ruleId}: no fixEn for “${f.fix}”`);
    else if (cjkOutsideQuotes(f.fixEn, where)) out.push(`${f.ruleId}: Chinese outside quotes in fix “${f.fixEn}”`);
  }
  return out;
}

export const FIRST_INDICATOR_ROW = 11;

/** A row: [一级, 二级, 三级, 指标值, 依据?, 描述?]. 指标值 as written; parsed by the real value parser. */
export type Row = [string, string, string, string | Target, (string | null)?, (string | null)?];

export const VALID_ROWS: Row[] = [
  ["产出指标", "数量指标", "执法记录仪采购数量", "≥10台", "项目实施计划"],
  ["产出指标", "质量指标", "设备验收合格率", "=100%", "行业标准"],
  ["产出指标", "时效指标", "采购完成时间", "2023年12月底前", "项目实施计划"],
  ["产出指标", "成本指标", "项目总成本", "≤50万元", "预算测算"],
  ["效益指标", "社会效益指标", "现场执法全程记录率", "≥95%", "历史标准"],
  ["满意度指标", "服务对象满意度指标", "执法对象满意度", "≥90%", "部分群众调查问卷"],
];

export function target(raw: string): Target {
  return parseTarget(raw);
}

/** Target from 承德's 符号/值/单位 split. */
export function parts(symbol: string, value: string, unit: string): Target {
  return parseTargetParts(symbol, value, unit);
}

export function indicator(row: Row, index = 0): Indicator {
  const [level1, level2, name, raw, basis, description] = row;
  const r = FIRST_INDICATOR_ROW + index;
  return {
    level1,
    level2,
    name,
    description: description ?? null,
    target: typeof raw === "string" ? parseTarget(raw) : raw,
    targetParts: null,
    basis: basis === undefined ? "计划标准" : basis,
    scoring: null,
    level1Raw: null,
    level2Raw: null,
    source: { level1: `A${r}`, level2: `B${r}`, name: `C${r}`, description: `D${r}`, target: `E${r}`, basis: `F${r}` },
  };
}

export function indicators(rows: Row[]): Indicator[] {
  return rows.map((r, i) => indicator(r, i));
}

export interface ProjectOverrides extends Partial<Omit<Project, "indicators">> {
  indicators?: Indicator[] | Row[];
}

/** A project every rule accepts under every profile; `seq` also varies the texts so projects differ. */
export function project(overrides: ProjectOverrides = {}): Project {
  const seq = overrides.seq ?? 1;
  const n = 9 + seq; // 10 台 for project 1, 11 台 for project 2 …
  // Projects of one document differ as real ones do (else indicator/copied fires, rightly).
  const rows: Row[] = VALID_ROWS.map((r) =>
    r[2] === "执法记录仪采购数量" ? [r[0], r[1], r[2], `≥${n}台`, r[4]] : seq > 1 ? [r[0], r[1], `${r[2]}（第${seq}批）`, r[3], r[4]] : r,
  );
  const base: Project = {
    seq,
    title: `${seq}.执法记录仪购置经费绩效目标表`,
    code: `13032423P0044281${String(1000 + seq).slice(-4)}H`,
    name: `执法记录仪购置经费${seq}`,
    unit: { code: "312001", name: "卢龙县公安局本级" },
    competentDepartment: null,
    implementingUnit: null,
    attribute: null,
    period: null,
    budget: { total: 50, fiscal: 50, other: null, raw: { total: "50", fiscal: "50", other: null } },
    purpose: `购置执法记录仪 ${n} 台`,
    spendPlan: { mar: 25, jun: 50, oct: 75, dec: 100, raw: { mar: "25%", jun: "50%", oct: "75%", dec: "100%" } },
    goals: [`1.年内完成 ${n} 台执法记录仪采购并投入使用，设备完好率达到 95% 以上。`],
    indicators: indicators(rows),
    redacted: false,
    layout: "hebei",
    source: {
      sheet: `项目${seq}`,
      range: `A1:F${FIRST_INDICATOR_ROW + rows.length - 1}`,
      cells: {
        title: "A1",
        code: "B3",
        name: "D3",
        "budget.total": "B4",
        "budget.fiscal": "D4",
        "budget.other": "F4",
        purpose: "B5",
        "spendPlan.mar": "B7",
        "spendPlan.jun": "C7",
        "spendPlan.oct": "D7",
        "spendPlan.dec": "E7",
        "goals.0": "B8",
        "goals.1": "B9",
        "goals.2": "B10",
      },
    },
  };
  const { indicators: inds, ...rest } = overrides;
  const p: Project = { ...base, ...rest };
  if (inds) {
    p.indicators = inds.length > 0 && Array.isArray(inds[0]) ? indicators(inds as Row[]) : (inds as Indicator[]);
    p.source = { ...p.source, range: `A1:F${FIRST_INDICATOR_ROW + Math.max(inds.length, 1) - 1}` };
  }
  return p;
}

/** Replace one row of the valid project (by 三级 name of VALID_ROWS) or append rows. */
export function withRows(replace: Record<string, Row | null>, extra: Row[] = []): Row[] {
  const out: Row[] = [];
  for (const r of VALID_ROWS) {
    if (r[2] in replace) {
      const v = replace[r[2]];
      if (v) out.push(v);
    } else out.push(r);
  }
  return out.concat(extra);
}

export function doc(projects: Project[], overrides: Partial<JxmbDocument> = {}): JxmbDocument {
  const d = emptyDocument(overrides.profile ?? "hebei");
  d.fiscalYear = 2023;
  d.department = { code: "312001", name: "卢龙县公安局" };
  d.title = "2023 年部门预算绩效文本";
  d.projects = projects;
  return { ...d, ...overrides };
}

export interface ExpectedFinding {
  ruleId?: string;
  cell?: string | null;
  sheet?: string | null;
  severity?: Severity;
  messageIncludes?: string | string[];
  fixIncludes?: string;
  projectSeq?: number | null;
}

export interface Case {
  name?: string;
  project?: Project;
  doc?: JxmbDocument;
  profile?: ProfileName;
}

export interface InvalidCase extends Case {
  errors: ExpectedFinding[];
}

function docOf(c: Case): JxmbDocument {
  if (c.doc) return c.doc;
  return doc([c.project ?? project()]);
}

export function findingsFor(ruleId: string, c: Case): Finding[] {
  // The rule's own findings: the precision stage (folding, summaries) is tested in test/model/precision.test.ts.
  return validate(docOf(c), { profile: c.profile, rules: [ruleId], raw: true }).findings.filter((f) => f.ruleId === ruleId);
}

function describeFindings(fs: Finding[]): string {
  return fs.map((f) => `  ${f.ruleId} ${f.severity} ${f.sheet}!${f.cell}: ${f.message}`).join("\n") || "  (none)";
}

/** Register jest tests for one rule. */
export function ruleTester(ruleId: string, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    cases.valid.forEach((c, i) => {
      test(`valid ${i + 1}${c.name ? `: ${c.name}` : ""}`, () => {
        const got = findingsFor(ruleId, c);
        if (got.length > 0) throw new Error(`expected no ${ruleId} finding, got:\n${describeFindings(got)}`);
      });
    });
    cases.invalid.forEach((c, i) => {
      test(`invalid ${i + 1}${c.name ? `: ${c.name}` : ""}`, () => {
        const got = findingsFor(ruleId, c);
        if (got.length !== c.errors.length)
          throw new Error(`expected ${c.errors.length} ${ruleId} finding(s), got ${got.length}:\n${describeFindings(got)}`);
        c.errors.forEach((e, k) => {
          const f = got[k];
          expect(f.ruleId).toBe(e.ruleId ?? ruleId);
          if (e.cell !== undefined) expect(f.cell).toBe(e.cell);
          if (e.sheet !== undefined) expect(f.sheet).toBe(e.sheet);
          if (e.severity !== undefined) expect(f.severity).toBe(e.severity);
          if (e.projectSeq !== undefined) expect(f.projectSeq).toBe(e.projectSeq);
          for (const m of e.messageIncludes === undefined ? [] : Array.isArray(e.messageIncludes) ? e.messageIncludes : [e.messageIncludes])
            expect(f.message).toContain(m);
          if (e.fixIncludes !== undefined) expect(f.fix ?? "").toContain(e.fixIncludes);
          // Every message is Chinese text without unfilled placeholders.
          expect(f.message).not.toMatch(/\{\w+\}/);
          // … and says the same in English, its 建议 too, Chinese only inside quotes (workbook text).
          expect(englishProblems(f)).toEqual([]);
          expect(f.messageEn).not.toMatch(/\{\w+\}/);
        });
      });
    });
  });
}
