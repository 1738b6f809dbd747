/**
 * The business diff on the seed workbooks (examples/*.xlsx read through the CLI's pipeline), with edits
 * planted by exceljs as a clerk would make them in Excel: a budget figure, an indicator's value, an
 * indicator's name (a removed and an added indicator), a project's name.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadDocument } from "../../src/cli/pipeline";
import { applyDiff, businessChanges, diffDocuments, diffSummary, diffText, hasBusinessChanges } from "../../src/model/diff";
import { toCanonicalJson } from "../../src/model/canonical";
import type { JxmbDocument } from "../../src/model/schema";

const ROOT = path.resolve(__dirname, "..", "..");
const example = (name: string) => fs.readFileSync(path.join(ROOT, "examples", `${name}.xlsx`));

async function read(bytes: Uint8Array, file: string): Promise<JxmbDocument> {
  return (await loadDocument(bytes, file)).document;
}

/** Set cells of the seed workbook with exceljs and return the saved bytes. */
async function edit(bytes: Uint8Array, edits: { sheet: string; cell: string; value: string | number }[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const e of edits) wb.getWorksheet(e.sheet)!.getCell(e.cell).value = e.value;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("business diff on the seeds", () => {
  test.each(["seed-000", "seed-001", "seed-002", "seed-004"])("%s against itself, and against its own canonical JSON, has no change", async (name) => {
    const a = await read(example(name), `${name}.xlsx`);
    const again = await read(example(name), `${name}.xlsx`);
    const d = diffDocuments(a, again);
    expect(d).toEqual({ document: [], projects: [] });
    const fromJson = JSON.parse(toCanonicalJson(a)) as JxmbDocument;
    expect(hasBusinessChanges(diffDocuments(a, fromJson))).toBe(false);
  });

  test("seed-002 with planted edits: each is named, nothing else is, and applying the diff gives the edited document", async () => {
    const a = await read(example("seed-002"), "seed-002.xlsx");
    const p1 = a.projects[0];
    const p2 = a.projects[1];
    const ind = p1.indicators[0];
    const renamedInd = p1.indicators[1];
    const bytes = await edit(example("seed-002"), [
      { sheet: p1.source.sheet, cell: p1.source.cells["budget.total"], value: 95 },
      { sheet: p1.source.sheet, cell: ind.source.target, value: 98 },
      { sheet: p1.source.sheet, cell: renamedInd.source.name, value: "新的三级指标" },
      { sheet: p2.source.sheet, cell: p2.source.cells.name, value: `${p2.name}（调整）` },
    ]);
    const b = await read(bytes, "seed-002-返回.xlsx");
    const d = diffDocuments(a, b);
    expect(toCanonicalJson(applyDiff(a, d))).toBe(toCanonicalJson(b));

    const biz = businessChanges(d);
    expect(biz.document).toEqual([]);
    expect(biz.projects).toHaveLength(2);
    const [c1, c2] = biz.projects;
    if (c1.kind !== "changed" || c2.kind !== "changed") throw new Error("expected two changed projects");
    expect(c1.fields.map((f) => [f.path.join("."), f.before, f.after])).toEqual([["budget.total", 80, 95]]);
    expect(c1.indicators.map((i) => [i.kind, i.key.name])).toEqual([
      ["changed", ind.name],
      ["removed", renamedInd.name],
      ["added", "新的三级指标"],
    ]);
    expect(c2.matchedBy).toBe("code");
    expect(c2.after.name).toBe(`${p2.name}（调整）`);

    const text = diffText(d, { a: "seed-002.xlsx", b: "seed-002-返回.xlsx" });
    expect(text).toContain("项目：新增 0 个，删除 0 个，更名 1 个，内容有改动 1 个。");
    expect(text).toContain("预算数：80 万元 → 95 万元");
    expect(text).toContain(`指标 产出指标/数量指标/${ind.name} 的 指标值：“= 100 %” → “= 98 %”`);
    expect(text).not.toContain("符号/值/单位");
    expect(text).toContain(`删除指标 ${renamedInd.level1}/${renamedInd.level2}/${renamedInd.name}`);
    expect(text).toContain(`新增指标 ${renamedInd.level1}/${renamedInd.level2}/新的三级指标`);
    expect(text).toContain(`[更名] 项目 2 “${p2.name}（调整）”`);
    const summary = diffSummary(d);
    expect(summary).toContain("预算数由 80 万元 调整为 95 万元");
    expect(summary).toContain("新增 1 条指标，删除 1 条指标，修改 1 条指标");
    expect(summary).not.toContain("\n");
  });

  test("a removed project and last year's workbook against this year's: projects matched by code, else by name", async () => {
    const a = await read(example("seed-002"), "seed-002.xlsx");
    const b = structuredClone(a);
    const gone = b.projects.splice(2, 1)[0];
    b.projects.forEach((p, i) => (p.seq = i + 1));
    b.projects[0].code = null; // the code erased: matched by name
    const d = diffDocuments(a, b);
    expect(toCanonicalJson(applyDiff(a, d))).toBe(toCanonicalJson(b));
    const biz = businessChanges(d);
    expect(biz.projects.filter((c) => c.kind === "removed").map((c) => (c.kind === "removed" ? c.project.name : ""))).toEqual([gone.name]);
    const first = biz.projects.find((c) => c.kind === "changed");
    expect(first && first.kind === "changed" && first.matchedBy).toBe("name");
    expect(diffText(d)).toContain(`[删除] 项目 3 “${gone.name}”`);
  });

  test("a whole block dropped (seed-002's 部门整体 sheet is not in the stacked copy) reads as its text, not JSON", async () => {
    const d = diffDocuments(await read(example("seed-002"), "seed-002.xlsx"), await read(example("seed-002-stacked"), "seed-002-stacked.xlsx"));
    for (const lang of ["zh", "en"] as const) {
      const line = diffText(d, { a: "a", b: "b" }, lang).split("\n").find((l) => l.includes("维护国家安全"))!;
      expect(line).toBeDefined();
      expect(line).not.toMatch(/[{}"]|summary/);
    }
    expect(diffText(d)).toMatch(/部门整体绩效目标：“维护国家安全[^”]*” 等 \d+ 项内容 → （空）/);
  });
});
