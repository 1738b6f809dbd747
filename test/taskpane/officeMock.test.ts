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
