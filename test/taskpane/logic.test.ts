/**
 * The pane's UI-free logic over a real seed workbook through the MemoryPort (the standalone page's port).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { validate } from "../../src/model/validate";
import { MemoryPort } from "../../src/taskpane/excel/memoryPort";
import { cellLabel, exportFileName, ruleCounts, runValidation, summaryText } from "../../src/taskpane/logic";
import { buildGroups, buildRows, cardOrder, filterFindings, foldCards, SEVERITY_RANK } from "../../src/taskpane/todo";
import { categoryOf, ruleTitle } from "../../src/taskpane/ruleInfo";
import { setLocale } from "../../src/taskpane/i18n";
import { RULES } from "../../src/model/rules/index";
import { renderEmptyTemplate } from "../../src/model/write/index";

async function seedPort(file: string): Promise<MemoryPort> {
  return new MemoryPort(await loadGrid(readFileSync(join(__dirname, "../../examples", file)), { fileName: file }));
}

describe("runValidation over MemoryPort", () => {
  test("same report as readWorkbook + validate on the grid; profile choice is applied", async () => {
    const port = await seedPort("seed-001.xlsx");
    const grid = await port.readWorkbook();
    const direct = validate(readWorkbook(grid).document);
    const run = await runValidation(port, undefined);
    expect(run.report).toEqual(direct);
    expect(run.sheetCount).toBe(grid.sheets.length);
    const ningxia = await runValidation(port, "ningxia");
    expect(ningxia.profile).toBe("ningxia");
    expect(ningxia.report).toEqual(validate(readWorkbook(grid, { profile: "ningxia" }).document, { profile: "ningxia" }));
  });

  test("readWorkbook hands out copies: the UI cannot mutate the workbook", async () => {
    const port = await seedPort("seed-004.xlsx");
    const a = await port.readWorkbook();
    a.sheets[0].values[0] = ["changed"];
    const b = await port.readWorkbook();
    expect(b.sheets[0].values[0]).not.toEqual(["changed"]);
  });
});

describe("the to-do list: cards, order, groups, filters and the e-mail summary", () => {
  test("one card per cell; 错误 first in every project and across projects; counts add up", async () => {
    const run = await runValidation(await seedPort("seed-000.xlsx"), undefined);
    const all = run.report.findings;
    // Enough findings across many projects to exercise the cards (hints on 5+ projects are one document-level finding).
    expect(all.length).toBeGreaterThan(30);
    expect(new Set(all.map((f) => f.projectSeq)).size).toBeGreaterThan(20);
    // validate already folds most same-cell findings; a card folds whatever still shares a cell (here: the same
    // cell reported again by another rule with a milder severity).
    const extra = { ...all.find((f) => f.cell && f.severity === "error")!, ruleId: "value/vague", severity: "info" as const };
    const cards = foldCards([...all, extra]);
    expect(cards.reduce((a, c) => a + c.findings.length, 0)).toBe(all.length + 1);
    const cellKeys = cards.filter((c) => c.cell).map((c) => `${c.projectKey}|${c.sheet}|${c.cell}`);
    expect(new Set(cellKeys).size).toBe(cellKeys.length); // never two cards on one cell
    const shared = cards.find((c) => c.findings.includes(extra))!;
    expect(shared.findings.length).toBeGreaterThan(1);
    expect(shared.severity).toBe("error");
    expect(shared.findings[shared.findings.length - 1]).toBe(extra);
    for (const c of cards) expect(c.severity).toBe(c.findings[0].severity);

    const groups = buildGroups(all);
    const order = cardOrder(groups);
    expect(order.length).toBe(foldCards(all).length);
    // Projects with errors come before those without; inside a project the first card is its worst.
    const worst = groups.map((g) => (g.counts.error ? 0 : g.counts.warning ? 1 : 2));
    expect([...worst].sort()).toEqual(worst);
    expect(order[0].severity).toBe("error");
    for (const g of groups) {
      const first = g.categories[0].cards[0];
      const min = Math.min(...g.categories.flatMap((c) => c.cards.map((x) => SEVERITY_RANK[x.severity])));
      expect(SEVERITY_RANK[first.severity]).toBe(min);
      for (const cat of g.categories) expect(new Set(cat.cards.map((c) => c.category))).toEqual(new Set([cat.key]));
    }
    // Rows: collapsing a project hides its categories and cards only.
    const open = buildRows(groups, new Set());
    const shut = buildRows(groups, new Set([groups[0].key]));
    const inFirst = groups[0].categories.reduce((a, c) => a + 1 + c.cards.length, 0);
    expect(open.length - shut.length).toBe(inFirst);
    expect(shut[0]).toMatchObject({ kind: "project", collapsed: true });
  });

  test("every rule has a Chinese title, an English one without Chinese, and a known category, learnt from a run", async () => {
    // The pane's initial scripts hold no rule module: titles and categories arrive with the first run.
    const run = await runValidation(await seedPort("seed-001.xlsx"), undefined);
    expect(run.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.meta.id));
    for (const r of RULES) {
      expect(ruleTitle(r.meta.id)).toBe(r.meta.title);
      expect(ruleTitle(r.meta.id)).toMatch(/[\u4e00-\u9fff]/);
      expect(r.meta.titleEn).toMatch(/^[A-Z]/);
      expect(r.meta.titleEn).not.toMatch(/[\u3000-\u9fff\uff00-\uffef]/);
      expect(categoryOf(r.meta.id)).toBe(r.meta.category);
    }
    expect(categoryOf("read/problem")).toBe("other");
    expect(ruleTitle("read/problem")).toBe("read/problem");
    setLocale("en-US");
    try {
      expect(ruleTitle("value/percent-range")).toBe("Percentage out of range or target too low");
      for (const r of RULES) expect(ruleTitle(r.meta.id)).toBe(r.meta.titleEn);
    } finally {
      setLocale("zh-CN");
    }
  });

  test("filters by severity and rule", async () => {
    const run = await runValidation(await seedPort("seed-002.xlsx"), undefined);
    const all = run.report.findings;
    const errorsOnly = filterFindings(all, { severities: new Set(["error"]), ruleId: "" });
    expect(errorsOnly.length).toBe(run.report.summary.error);
    const [first] = ruleCounts(all);
    expect(filterFindings(all, { severities: new Set(["error", "warning", "info"]), ruleId: first.ruleId }).length).toBe(first.count);
  });

  test("summary covers the whole workbook: every project, every error; many warnings become a count and a pointer", async () => {
    const run = await runValidation(await seedPort("seed-000.xlsx"), undefined);
    const s = run.report.summary;
    const full = summaryText(run, 10_000);
    expect(full).toContain(`错误 ${s.error} 条，警告 ${s.warning} 条，提示 ${s.info} 条`);
    const numbered = full.split("\n").filter((l) => /^\d+\. /.test(l));
    expect(numbered.length).toBe(s.error + s.warning); // nothing cut
    const firstError = run.report.findings.find((f) => f.severity === "error")!;
    expect(full).toContain(cellLabel(firstError.sheet, firstError.cell));
    const short = summaryText(run, 5);
    expect(short.split("\n").filter((l) => /^\d+\. /.test(l)).length).toBe(s.error);
    expect(short).toContain(`建议核实（警告 ${s.warning} 条）：条数较多，完整清单请用任务窗格中的“导出问题清单”导出后查看。`);
    const projects = new Set(run.report.findings.filter((f) => f.severity !== "info").map((f) => f.projectSeq));
    expect(short.split("\n").filter((l) => l.startsWith("- ")).length).toBe(projects.size);
  });

  test("file names drop characters file systems refuse", () => {
    const doc = readWorkbook({ sheets: [], names: [] }).document;
    doc.department.name = 'a/b:c*"d"';
    doc.fiscalYear = 2024;
    expect(exportFileName(doc, "json")).toBe("a_b_c__d_2024年绩效目标.json");
  });
});

describe("MemoryPort", () => {
  test("readCellText shows a cell as the sheet does: 0.75 under 0% is 75%, fixed decimals and thousands kept", async () => {
    const port = new MemoryPort({
      sheets: [{ name: "表1", merges: [], values: [[0.75, 0.125, 1234.5, 0.75, "文字"]], formats: [["0%", "0.0%", "#,##0.00", null, "@"]] }],
      names: [],
    });
    expect(await port.readCellText("表1", "A1")).toBe("75%");
    expect(await port.readCellText("表1", "B1")).toBe("12.5%");
    expect(await port.readCellText("表1", "C1")).toBe("1,234.50");
    expect(await port.readCellText("表1", "D1")).toBe("0.75");
    expect(await port.readCellText("表1", "E1")).toBe("文字");
  });

  test("selectCell checks the sheet and the address, and tells listeners", async () => {
    const port = await seedPort("seed-004-merged.xlsx");
    const seen: string[] = [];
    port.onSelect((s) => seen.push(`${s.sheet}!${s.cell}`));
    await port.selectCell("表2", "B3");
    await expect(port.selectCell("没有这个表", "A1")).rejects.toThrow(/找不到工作表/);
    await expect(port.selectCell("表2", "第三行")).rejects.toThrow(/无效/);
    expect(seen).toEqual(["表2!B3"]);
    expect(port.selections).toEqual([{ sheet: "表2", cell: "B3" }]);
  });

  test("insertSheets appends under free names and keeps existing sheets byte-identical", async () => {
    const port = await seedPort("seed-004-merged.xlsx");
    const before = JSON.stringify(port.current.sheets);
    const book = renderEmptyTemplate(1, "hebei");
    const first = await port.insertSheets(book);
    const second = await port.insertSheets(book);
    expect(first.names).toEqual(book.grid.sheets.map((s) => s.name));
    expect(second.names.every((n, i) => n !== first.names[i])).toBe(true);
    const names = await port.sheetNames();
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(JSON.stringify(port.current.sheets.slice(0, JSON.parse(before).length))).toBe(before);
    // formulas of the second copy point at the second copy's sheets
    const summary2 = port.current.sheets.find((s) => s.name === second.names[1])!;
    const refs = JSON.stringify(summary2.formulas ?? []);
    expect(refs).toContain(second.names[2].replace(/'/g, "''"));
    expect(await port.readCellText(second.names[0], "A1")).toBe(await port.readCellText(first.names[0], "A1"));
  });
});
