/**
 * The built `jxmb` on forms of other provinces: a form read by its indicator header, a workbook with
 * no recognisable table (exit 2 saying what was seen, no JSON written), and `--labels FILE` teaching a
 * local column name (and refusing a wrong file with a Chinese message).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { ensureBuilt, jxmb, ROOT, STACK_LINE, tempDir } from "./helpers";

let tmp: string;
let local: string;

beforeAll(async () => {
  ensureBuilt();
  tmp = tempDir();
  // A county form whose value column says 预期成效 (no built-in spelling).
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  ws.addRows([
    ["项目绩效目标表"],
    ["项目名称", "乡村道路养护"],
    ["主管部门", "某县交通运输局"],
    ["资金总额", "120万元"],
    ["一级指标", "二级指标", "三级指标", "预期成效"],
    ["产出指标", "数量指标", "养护里程", "≥35公里"],
    ["满意度指标", "服务对象满意度指标", "群众满意度", "≥90%"],
  ]);
  local = path.join(tmp, "本地表.xlsx");
  await wb.xlsx.writeFile(local);
}, 300_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("jxmb on other provinces' forms", () => {
  it("exports the Wuhan 2020 form read by its indicator header", () => {
    const wuhan = path.join(ROOT, "test", "corpus", "workbooks", "01-武汉青山-教育局-2020.xlsx");
    const r = jxmb(["export", wuhan]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { fiscalYear: number; projects: { name: string; indicators: unknown[] }[] };
    expect(doc.fiscalYear).toBe(2020);
    expect(doc.projects.map((p) => [p.name, p.indicators.length])).toEqual([["教育系统基础设施建设和设备购置", 7]]);
  });

  it("a workbook with no recognisable table: export and validate exit 2 saying what was seen, no JSON written", () => {
    const out = path.join(tmp, "out.json");
    const e = jxmb(["export", local, "--output", out]);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain("本地表.xlsx");
    expect(e.stderr).toContain("未找到绩效目标表：在 Sheet1!A5 找到指标栏目，但没有找到指标值栏");
    expect(e.stderr).toContain("已识别的标签：项目名称(A2)、主管部门(A3)、资金总额/预算数(A4)");
    expect(e.stderr).not.toMatch(STACK_LINE);
    expect(fs.existsSync(out)).toBe(false);
    const v = jxmb(["validate", local]);
    expect(v.code).toBe(2);
    expect(v.stderr + v.stdout).toContain("未找到绩效目标表");
  });

  it("--labels teaches the local column name", () => {
    const labels = path.join(tmp, "labels.json");
    fs.writeFileSync(labels, JSON.stringify({ columns: { value: ["预期成效"] } }));
    const r = jxmb(["export", local, "--labels", labels]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { projects: { name: string; budget: { total: number }; indicators: { name: string; target: { raw: string } }[] }[] };
    expect(doc.projects.map((p) => [p.name, p.budget.total, p.indicators.map((i) => [i.name, i.target.raw])])).toEqual([
      ["乡村道路养护", 120, [["养护里程", "≥35公里"], ["群众满意度", "≥90%"]]],
    ]);
    const v = jxmb(["validate", local, "--labels", labels, "--format", "json"]);
    expect([0, 1]).toContain(v.code);
  });

  it("a wrong labels file is refused with a Chinese message naming the file and the key", () => {
    const bad = path.join(tmp, "bad.json");
    fs.writeFileSync(bad, JSON.stringify({ columns: { 指标值: ["预期成效"] } }));
    const r = jxmb(["export", local, "--labels", bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("bad.json");
    expect(r.stderr).toContain("“columns.指标值”不是已知栏目");
    expect(r.stderr).not.toMatch(STACK_LINE);
    const missing = jxmb(["export", local, "--labels", path.join(tmp, "nope.json")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("nope.json");
  });
});
