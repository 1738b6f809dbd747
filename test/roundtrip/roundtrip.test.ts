/**
 * Round trip through the CLI's own plumbing, for every example workbook:
 *
 *   examples/x.xlsx ─export→ JSON A ─import→ xlsx ─export→ JSON B ─import→ xlsx ─export→ JSON C
 *
 * - B and C are byte-identical: once in the template layout, import/export is a fixed point.
 * - A and B are byte-identical after removing the keys that describe WHERE the data was read from
 *   (see POSITIONAL below); every other key — amounts, raw texts, parsed targets, labels, goals,
 *   codes, titles, overview — must survive import unchanged.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { exportWorkbook } from "../../src/cli/pipeline";
import { parseJsonInput } from "../../src/cli/json-input";
import { documentToWorkbook } from "../../src/cli/write";
import { emptyDocument } from "../../src/model/schema";
import { stripPositional } from "./positional";
import { parseTarget } from "../../src/model/value";
import { syntheticProject } from "../helpers/synthetic";

const EXAMPLES = path.resolve(__dirname, "..", "..", "examples");
const files = fs
  .readdirSync(EXAMPLES)
  .filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$"))
  .sort();

async function exportText(bytes: Uint8Array, name: string): Promise<string> {
  return (await exportWorkbook(bytes, name)).json;
}

async function importText(json: string, name: string): Promise<Uint8Array> {
  return documentToWorkbook(parseJsonInput(json, name));
}

describe("round trip xlsx → JSON → xlsx → JSON", () => {
  it("has example workbooks to run on", () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
  });

  it.each(files)("%s", async (name) => {
    const bytes = fs.readFileSync(path.join(EXAMPLES, name));
    const a = await exportText(bytes, name);
    expect(await exportText(bytes, name)).toBe(a); // deterministic: same workbook, same bytes
    const docA = parseJsonInput(a, "A");
    expect(docA.projects.length).toBeGreaterThan(0);

    const b = await exportText(await importText(a, "A"), "B.xlsx");
    const c = await exportText(await importText(b, "B"), "C.xlsx");
    expect(c).toBe(b);

    const docB = parseJsonInput(b, "B");
    expect(docB.projects.every((p) => p.layout === "template")).toBe(true);
    expect(JSON.stringify(stripPositional(docB), null, 2)).toBe(JSON.stringify(stripPositional(docA), null, 2));
  });
});

describe("import writes user text as text", () => {
  it("text starting with = + - @ never becomes a formula", async () => {
    const risky = ["=SUM(A1:A3)", "+86 0311", "-5%以内", "@全体人员", "=1+1"];
    const doc = emptyDocument("hebei");
    const base = syntheticProject(0, 4);
    base.name = risky[0];
    base.purpose = risky[1];
    base.goals = [risky[2]];
    base.indicators[3].basis = risky[3];
    base.indicators[0].name = risky[4];
    base.indicators[1].description = risky[0];
    base.indicators[2].target = parseTarget(risky[2]);
    doc.projects = [base];

    const bytes = await documentToWorkbook(doc);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const found = new Map<string, ExcelJS.Cell[]>();
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Merge) return; // slaves echo the master's value
          const t = typeof cell.value === "string" ? cell.value : null;
          if (t && risky.includes(t)) found.set(t, [...(found.get(t) ?? []), cell]);
        }),
      ),
    );
    // Each risky text sits in its cell as a plain string: no formula, and the value is the text itself.
    expect(found.get(risky[0])).toHaveLength(2); // project name and an indicator description
    for (const r of risky) {
      const cells = found.get(r) ?? [];
      expect(cells.length).toBeGreaterThan(0);
      for (const cell of cells) {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.formula).toBeUndefined();
      }
    }
    // And our reader gets the same text back.
    const back = parseJsonInput(await exportText(bytes, "risky.xlsx"), "risky");
    expect(back.projects[0].name).toBe(risky[0]);
    expect(back.projects[0].goals).toEqual([risky[2]]);
    expect(back.projects[0].indicators[3].basis).toBe(risky[3]);
    expect(back.projects[0].indicators[0].name).toBe(risky[4]);
  });
});
