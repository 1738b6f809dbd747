/**
 * OfficePort's simple calls (selectCell, readCellText) against office-addin-mock, the toolkit Microsoft's templates
 * use. The mock cannot model collections, so the whole-workbook read is covered by the recording fake instead
 * (officePort.test.ts). Quirk guarded here: an unloaded read returns a sentinel string instead of throwing.
 */
// office-addin-mock imports office-addin-manifest only for its OfficeApp enum; the real module drags in an ESM-only
// dependency (strip-bom) that jest's CommonJS transform cannot load.
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel", Outlook: "outlook" } }));
import { OfficeMockObject } from "office-addin-mock";
import { OfficePort } from "../../src/taskpane/excel/officePort";
import { SEAL_SHEET } from "../../src/model/exceptions";

const SENTINELS = /Error, (property was not loaded|context\.sync\(\) was not called)/;

function mockExcel(sheets: Record<string, Record<string, string>>) {
  const calls: string[] = [];
  let syncs = 0;
  let current = "";
  let currentCell = "";
  const seed = {
    context: {
      workbook: {
        worksheets: {
          getItem(name: string) {
            calls.push(`getItem:${name}`);
            if (!(name in sheets)) throw Object.assign(new Error(`ItemNotFound ${name}`), { code: "ItemNotFound" });
            current = name;
            return this.sheet;
          },
          sheet: {
            activate() {
              calls.push(`activate:${current}`);
            },
            getRange(address: string) {
              calls.push(`getRange:${address}`);
              currentCell = address;
              const text = sheets[current][address] ?? "";
              // The mock exposes seed values only after load + sync; the range object is rebuilt per call.
              (this as unknown as { range: OfficeMockObject }).range = new OfficeMockObject({ text: [[text]], select: () => calls.push(`select:${current}!${currentCell}`) });
              return (this as unknown as { range: OfficeMockObject }).range;
            },
            range: { text: [[""]] },
          },
        },
      },
      sync: async function (this: OfficeMockObject) {
        syncs++;
        const range = ((this as unknown as { workbook: { worksheets: { sheet: { range: OfficeMockObject } } } }).workbook.worksheets.sheet.range);
        await range.sync();
      },
    },
    run: async function (this: { context: unknown }, cb: (ctx: unknown) => Promise<unknown>) {
      return cb(this.context);
    },
  };
  const excel = new OfficeMockObject(seed) as unknown as ConstructorParameters<typeof OfficePort>[0];
  return { excel, calls, syncs: () => syncs };
}

describe("OfficePort with office-addin-mock", () => {
  test("selectCell activates the sheet, selects the cell, one sync", async () => {
    const m = mockExcel({ 项目1: { C5: "≥95%" } });
    await new OfficePort(m.excel, { supports: () => true }).selectCell("项目1", "C5");
    expect(m.calls).toEqual(["getItem:项目1", "activate:项目1", "getRange:C5", "select:项目1!C5"]);
    expect(m.syncs()).toBe(1);
  });

  test("readCellText loads before it reads (no sentinel string leaks)", async () => {
    const m = mockExcel({ 项目1: { C5: "≥95%", D5: "" } });
    const port = new OfficePort(m.excel, { supports: () => true });
    const t = await port.readCellText("项目1", "C5");
    expect(t).toBe("≥95%");
    expect(t).not.toMatch(SENTINELS);
    expect(m.syncs()).toBe(1);
    expect(await port.readCellText("项目1", "D5:E9")).toBe("");
    expect(m.calls).toContain("getRange:D5");
  });

  test("a missing sheet surfaces as a rejected promise, not a crash", async () => {
    const m = mockExcel({ 项目1: {} });
    await expect(new OfficePort(m.excel, { supports: () => true }).selectCell("不存在", "A1")).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(m.syncs()).toBe(0);
  });
});

describe("writeSeal with office-addin-mock (a workbook with no seal yet)", () => {
  function mockBook() {
    const calls: string[] = [];
    let syncs = 0;
    const seed = {
      context: {
        workbook: {
          worksheets: {
            getItemOrNullObject(name: string) {
              calls.push(`getItemOrNullObject:${name}`);
              return this.missing;
            },
            // No seal sheet yet (Excel sets isNullObject itself; the port never loads it).
            missing: {
              isNullObject: true,
              name: "",
              getUsedRangeOrNullObject() {
                return this.used;
              },
              used: { rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, formulas: [[]], numberFormat: [[]] },
            },
            getItem(name: string) {
              calls.push(`getItem:${name}`);
              return this.dept;
            },
            dept: {
              getRange(ref: string) {
                calls.push(`getRange:${ref}`);
                return this.cell;
              },
              cell: { formulas: [["旧内容"]], numberFormat: [["General"]] },
            },
            add(name: string) {
              calls.push(`add:${name}`);
              return this.added;
            },
            added: {
              visibility: "Visible",
              getRangeByIndexes(r: number, c: number, rows: number, cols: number) {
                calls.push(`block:${r},${c},${rows}x${cols}`);
                return this.block;
              },
              block: { numberFormat: [[""]], formulas: [[""]] },
            },
          },
        },
        sync: async function (this: { workbook: OfficeMockObject }) {
          syncs++;
          await this.workbook.sync();
        },
      },
      run: async function (this: { context: unknown }, cb: (ctx: unknown) => Promise<unknown>) {
        return cb(this.context);
      },
    };
    const mock = new OfficeMockObject(seed);
    return { mock, excel: mock as unknown as ConstructorParameters<typeof OfficePort>[0], calls, syncs: () => syncs };
  }

  test("adds the very hidden seal sheet (text as text, formulas as formulas) and the status cells; 2 syncs; the undo says: no sheet, the old cell", async () => {
    const m = mockBook();
    const sheet = {
      name: SEAL_SHEET,
      values: [["字段", "值"], ["核对", 80, "项目1!C4", true], ["核对", "=看似公式的文字", "项目1!B3", true]],
      formulas: [[], [null, null, null, "IF(ISNUMBER('项目1'!C4),ABS('项目1'!C4-B2)<=0.000000001*MAX(1,ABS(B2)),FALSE)"], [null, null, null, "EXACT('项目1'!B3,B3)"]],
      formats: [["@", "@"], ["@", null, "@", null], ["@", "@", "@", null]],
      merges: [],
      hidden: true,
    };
    const cells = [
      { sheet: "部门", ref: "G4", text: "校验印记" },
      { sheet: "部门", ref: "H4", formula: "IFERROR(IF(AND('_jxmb_seal'!D2:D3),\"已校验且未修改\",\"校验后已修改\"),\"校验后已修改\")", result: "已校验且未修改" },
    ];
    const undo = await new OfficePort(m.excel, { supports: () => true }).writeSeal({ sheet, cells });
    expect(m.syncs()).toBe(2);
    expect(m.calls).toEqual([`getItemOrNullObject:${SEAL_SHEET}`, "getItem:部门", "getRange:G4", "getItem:部门", "getRange:H4", `add:${SEAL_SHEET}`, "block:0,0,3x4"]);
    const ws = (m.mock as unknown as { context: { workbook: { worksheets: { added: { visibility: string; block: { formulas: unknown[][]; numberFormat: string[][] } }; dept: { cell: { formulas: unknown[][] } } } } } }).context.workbook.worksheets;
    expect(ws.added.visibility).toBe("VeryHidden");
    expect(ws.added.block.formulas[1]).toEqual(["核对", 80, "项目1!C4", `=${sheet.formulas[1][3]}`]);
    // Text that looks like a formula is written with the text format first, so it stays text.
    expect(ws.added.block.formulas[2][1]).toBe("=看似公式的文字");
    expect(ws.added.block.numberFormat[2]).toEqual(["@", "@", "@", "General"]);
    expect(ws.dept.cell.formulas).toEqual([[`=${cells[1].formula}`]]);
    expect(undo).toEqual({ sheet: null, cells: [{ sheet: "部门", ref: "G4", raw: "旧内容", format: "General" }, { sheet: "部门", ref: "H4", raw: "旧内容", format: "General" }] });
  });
});
