/**
 * 插入项目表 from the CLI: `jxmb template --add N FILE` on a template workbook gives the next 项目N, titled
 * and numbered, pulled into 汇总 and its 合计, sharing the one hidden _lists sheet; the input is never
 * written over, an existing output needs --force, and a workbook that is not a template is refused.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main, type Io } from "../../src/cli/main";
import { readWorkbook } from "../../src/model/read";
import { PROJECT_CENTRAL, SHEET_LISTS, SUMMARY, withAddedProjects } from "../../src/model/write";
import { loadGrid } from "../../src/xlsx/read";

function io(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (t) => void out.push(t), stderr: (t) => void err.push(t) };
}

describe("jxmb template --add N FILE", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-add-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("adds 项目3 after two project sheets: numbered, in 汇总 and 合计, one _lists; the input untouched", async () => {
    const file = path.join(dir, "部门模板.xlsx");
    expect(await main(["template", "-n", "2", "-o", file], io())).toBe(0);
    const before = fs.readFileSync(file);
    const run = io();
    expect(await main(["template", "--add", "1", file], run)).toBe(0);
    const out = path.join(dir, "部门模板（新增1个项目表）.xlsx");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(run.err.join("") + run.out.join("")).toMatch(/添加 1 个项目表（共 3 个）/);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(["部门", "汇总", "项目1", "项目2", "项目3", SHEET_LISTS]);
    expect(names.filter((n) => n.startsWith(SHEET_LISTS))).toHaveLength(1);
    const title = wb.getWorksheet("项目3")!.getCell("A1").value as ExcelJS.CellFormulaValue;
    expect(title.formula).toContain('"3."');
    expect(title.result).toBe("3.（项目名称）绩效目标表");
    const sum = wb.getWorksheet("汇总")!;
    const row3 = SUMMARY.firstRow + 2 + 1; // 1-based row of the third project
    expect(sum.getCell(row3, SUMMARY.cols.sheet + 1).value).toBe("项目3");
    const total = sum.getCell(row3 + 1, SUMMARY.cols.total + 1).value as ExcelJS.CellFormulaValue;
    expect(total.formula).toBe(`SUM(F${SUMMARY.firstRow + 1}:F${row3})`);

    const doc = readWorkbook(await loadGrid(fs.readFileSync(out))).document;
    expect(doc.projects.map((p) => p.seq)).toEqual([1, 2, 3]);
  });

  test("a central-2021 workbook gets a central-2021 project sheet (中期指标值 | 年度指标值), in 汇总; 中期 targets kept", async () => {
    const file = path.join(dir, "central.xlsx");
    expect(await main(["template", "-n", "1", "--profile", "central-2021", "-o", file], io())).toBe(0);
    // The clerk fills a 中期目标 and an indicator with both values on 项目1, and saves.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const p1 = wb.getWorksheet("项目1")!;
    const F = PROJECT_CENTRAL.fields;
    const IC = PROJECT_CENTRAL.indicatorCols;
    const r = PROJECT_CENTRAL.indicatorFirstRow + 1;
    p1.getCell(F.midGoals!.r + 1, F.midGoals!.c + 1).value = "三年内完成";
    [["成本指标", IC.level1], ["经济成本指标", IC.level2], ["项目总成本", IC.name], ["≤150万元", IC.midTarget!], ["≤50万元", IC.target]].forEach(([v, c]) => (p1.getCell(r, (c as number) + 1).value = v as string));
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const out = path.join(dir, "central-added.xlsx");
    expect(await main(["template", "--add", "1", file, "-o", out], io())).toBe(0);
    const grid = await loadGrid(fs.readFileSync(out));
    const s2 = grid.sheets.find((x) => x.name === "项目2")!;
    expect([s2.values[PROJECT_CENTRAL.indicatorHeaderRow][IC.midTarget!], s2.values[PROJECT_CENTRAL.indicatorHeaderRow][IC.target]]).toEqual(["中期指标值", "年度指标值"]);
    const doc = readWorkbook(grid).document;
    expect(doc.profile).toBe("central-2021");
    expect(doc.projects.map((p) => p.seq)).toEqual([1, 2]);
    expect(doc.projects[0].midTerm).toMatchObject({ goals: ["三年内完成"], indicators: [{ name: "项目总成本", target: { raw: "≤150万元" } }] });
    expect(doc.projects[0].indicators.map((i) => [i.level1, i.target.raw])).toEqual([["成本指标", "≤50万元"]]);
    const sum = grid.sheets.find((x) => x.name === "汇总")!;
    expect(sum.values[SUMMARY.firstRow + 1][SUMMARY.cols.sheet]).toBe("项目2");
  });

  test("keeps what the clerk filled in; refuses an existing output without --force", async () => {
    const file = path.join(dir, "filled.xlsx");
    expect(await main(["template", "-n", "1", "-o", file], io())).toBe(0);
    // The clerk names the first project (项目名称, E3) and saves.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    wb.getWorksheet("项目1")!.getCell("E3").value = "安保指挥中心工作经费";
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    const out = path.join(dir, "out.xlsx");
    fs.writeFileSync(out, "old");
    const refused = io();
    expect(await main(["template", "--add", "2", file, "-o", out], refused)).toBe(2);
    expect(fs.readFileSync(out, "utf8")).toBe("old");
    expect(await main(["template", "--add", "2", file, "-o", out, "--force"], io())).toBe(0);
    const doc = readWorkbook(await loadGrid(fs.readFileSync(out))).document;
    expect(doc.projects.map((p) => [p.seq, p.name])).toEqual([
      [1, "安保指挥中心工作经费"],
      [2, null],
      [3, null],
    ]);
  });

  test("a workbook that is not a template is refused in Chinese; a bad count is a usage error", async () => {
    const seed = path.join(__dirname, "../../examples/seed-000.xlsx");
    const r = io();
    expect(await main(["template", "--add", "1", seed, "-o", path.join(dir, "x.xlsx")], r)).toBe(2);
    expect(r.err.join("")).toMatch(/不是 JXMB 模板工作簿/);
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
    const bad = io();
    expect(await main(["template", "--add", "0", seed], bad)).toBe(2);
    expect(bad.err.join("")).toMatch(/--add 需要 1 到/);
  });

  test("withAddedProjects numbers on from the highest 序号", () => {
    const doc = readWorkbook({ sheets: [], names: [] }).document;
    doc.projects = withAddedProjects(doc, 2).projects;
    expect(withAddedProjects(doc, 1).projects.map((p) => p.seq)).toEqual([1, 2, 3]);
  });
});
