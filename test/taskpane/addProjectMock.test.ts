/**
 * 插入项目表 against office-addin-mock, the toolkit Microsoft's templates use: the steps around the insert that read
 * collections — the preview (which names the new sheet gets) and the undo check (is the new sheet still there,
 * edited since?) — and the undo's delete. The workbook is what the recording fake holds after a real insert
 * (test/taskpane/fakeExcel.ts), handed to the mock as its seed, so both models of Excel must agree.
 *
 * The mock cannot load a path into a collection (`load("items/name")` throws "Property name needs to be present in
 * object model before load is called"; `load("items")` works and gives plain objects) and never answers
 * isNullObject by itself; the seed below overrides `load` for both — in the test, not in the product code. The
 * insert's own writes (sheets.add, ranges with formats, validations, conditional formats, freeze panes, names) stay
 * with the recording fake (addProject.test.ts): the mock applies writes at once, with no queue and no sync to
 * count them against, so a copy of the object model in seed functions would test the copy.
 */
// office-addin-mock imports office-addin-manifest only for its OfficeApp enum (see officeMock.test.ts).
jest.mock("office-addin-manifest", () => ({ OfficeApp: { Excel: "excel", Outlook: "outlook" } }));
import { OfficeMockObject } from "office-addin-mock";
import { readWorkbook } from "../../src/model/read/index";
import { renderEmptyTemplate, SHEET_LISTS } from "../../src/model/write/index";
import { OfficePort } from "../../src/taskpane/excel/officePort";
import { checkUndo, insertProject, planProjectAddition, previewInsert, type InsertRecord } from "../../src/taskpane/books";
import { createFakeExcel } from "./fakeExcel";

const SENTINEL = /Error, (property was not loaded|context\.sync\(\) was not called)/;

interface SheetState {
  id: string;
  name: string;
  visibility: string;
  /** The used range (values only) as Excel reports it, null when the sheet is empty. */
  used: { address: string; formulas: unknown[][] } | null;
}

type MockProto = { load(p?: string): unknown; sync(): Promise<void> };
const proto = OfficeMockObject.prototype as unknown as MockProto;

/** A workbook in office-addin-mock: sheets and workbook names; every call and round trip recorded. */
function mockWorkbook(sheets: SheetState[], names: string[]) {
  const calls: string[] = [];
  let syncs = 0;
  // Objects made by seed methods are not the context's children: the context's sync syncs them too.
  const made: OfficeMockObject[] = [];
  const make = (seed: Record<string, unknown>) => {
    const m = new OfficeMockObject(seed);
    made.push(m);
    return m;
  };
  const find = (key: string) => sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase());
  /** A collection: `load("items/a,items/b")` loads the items (the mock refuses paths into an array). */
  const collection = (items: object[], extra: Record<string, unknown>) => ({
    items,
    load(this: MockProto, props?: string) {
      calls.push(`load:${props ?? ""}`);
      return proto.load.call(this, "items");
    },
    ...extra,
  });
  const sheetProxy = (key: string) => {
    const s = find(key);
    return make({
      name: s?.name ?? "",
      isNullObject: !s,
      // Excel answers isNullObject with any load of the object.
      load(this: MockProto, props?: string) {
        return proto.load.call(this, `${props ?? "name"},isNullObject`);
      },
      getUsedRangeOrNullObject: () =>
        make({
          address: s?.used?.address ?? "",
          formulas: s?.used?.formulas ?? [[]],
          isNullObject: !s?.used,
          load(this: MockProto, props?: string) {
            return proto.load.call(this, `${props ?? "address"},isNullObject`);
          },
        }),
      delete: () => calls.push(`delete sheet:${s?.name}`),
    });
  };
  const seed = {
    context: {
      workbook: {
        worksheets: collection(
          sheets.map((s) => ({ id: s.id, name: s.name, visibility: s.visibility })),
          {
            getItemOrNullObject: (key: string) => (calls.push(`getItemOrNullObject:${key}`), sheetProxy(key)),
            getItem: (key: string) => (calls.push(`getItem:${key}`), sheetProxy(key)),
          },
        ),
        names: collection(
          names.map((name) => ({ name })),
          { getItem: (name: string) => (calls.push(`getItem name:${name}`), make({ delete: () => calls.push(`delete name:${name}`) })) },
        ),
      },
      sync: async function (this: MockProto) {
        syncs++;
        await proto.sync.call(this);
        for (const m of made) await (m as unknown as MockProto).sync();
      },
    },
    run: async function (this: { context: unknown }, cb: (ctx: unknown) => Promise<unknown>) {
      return cb(this.context);
    },
  };
  const excel = new OfficeMockObject(seed) as unknown as ConstructorParameters<typeof OfficePort>[0];
  return { excel, calls, syncs: () => syncs };
}

/** The recording fake's workbook as the mock's seed: each sheet's id, name, visibility and used range. */
async function stateOf(fake: ReturnType<typeof createFakeExcel>): Promise<{ sheets: SheetState[]; names: string[] }> {
  return fake.Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets;
    ws.load("items/id,items/name,items/visibility");
    await ctx.sync();
    const used = ws.items.map((s: Excel.Worksheet) => {
      const u = s.getUsedRangeOrNullObject(true);
      u.load("address,formulas");
      return u;
    });
    await ctx.sync();
    return {
      sheets: ws.items.map((s: Excel.Worksheet, i: number) => ({
        id: s.id,
        name: s.name,
        visibility: s.visibility,
        used: used[i].isNullObject ? null : { address: used[i].address, formulas: used[i].formulas },
      })),
      names: fake.book.names.map((n) => n.name),
    };
  });
}

/** 插入项目表 in a 2-project template through the recording fake: the record the pane keeps for 撤销. */
async function inserted() {
  const grid = renderEmptyTemplate(2).grid;
  const fake = createFakeExcel(grid);
  const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
  const plan = planProjectAddition(readWorkbook(grid).document, grid, grid.sheets.map((s) => s.name));
  const { record } = await insertProject(port, plan);
  return { fake, plan, record };
}

const mockPort = (m: ReturnType<typeof mockWorkbook>) => new OfficePort(m.excel, { supports: () => true });

describe("插入项目表 with office-addin-mock", () => {
  test("the preview names the new sheet from the workbook's sheet list (1 sync): 项目3, or 项目3 (2) next to a user's 项目3", async () => {
    const grid = renderEmptyTemplate(2).grid;
    const plan = planProjectAddition(readWorkbook(grid).document, grid, grid.sheets.map((s) => s.name));
    const sheets: SheetState[] = grid.sheets.map((s, i) => ({ id: `{${i}}`, name: s.name, visibility: s.hidden ? "Hidden" : "Visible", used: null }));
    const m = mockWorkbook(sheets, []);
    const preview = await previewInsert(mockPort(m), plan.insert);
    expect(m.syncs()).toBe(1);
    expect(m.calls).toEqual(["load:items/name"]);
    expect(preview.sheets.map((s) => s.name)).toEqual(["项目3"]);

    const taken = mockWorkbook([...sheets, { id: "{u}", name: "项目3", visibility: "Visible", used: null }], []);
    const again = await previewInsert(mockPort(taken), plan.insert);
    expect(again.sheets.map((s) => ({ name: s.name, wanted: s.wanted }))).toEqual([{ name: "项目3 (2)", wanted: "项目3" }]);
    expect(JSON.stringify(again)).not.toMatch(SENTINEL);
  });

  test("the undo check reads the workbook the fake left (1 sync, agrees with the fake: nothing edited), an edit is named, then the delete (1 sync)", async () => {
    const { fake, record } = await inserted();
    const state = await stateOf(fake);
    expect(state.sheets.map((s) => s.name)).toEqual(["部门", "汇总", "项目1", "项目2", "项目3", SHEET_LISTS]);

    const m = mockWorkbook(state.sheets, state.names);
    const check = await checkUndo(mockPort(m), record as InsertRecord);
    expect(m.syncs()).toBe(1);
    // Same fingerprints as the fake's right after the insert: the new sheet and 汇总 are as the pane wrote them.
    expect(check).toMatchObject({ present: record.ids, presentNames: ["项目3"], missing: [], changed: [], blocked: false, restore: true });
    expect(JSON.stringify(check)).not.toMatch(SENTINEL);

    // The user types into the new sheet: the check names it (the undo then asks before deleting).
    const edited = state.sheets.map((s) => (s.name === "项目3" && s.used ? { ...s, used: { ...s.used, formulas: s.used.formulas.map((r, i) => (i === 3 ? r.map((v, j) => (j === 2 ? 123 : v)) : r)) } } : s));
    const e = mockWorkbook(edited, state.names);
    expect((await checkUndo(mockPort(e), record as InsertRecord)).changed).toEqual(["项目3"]);

    // The new sheet gone already (the user deleted it): nothing of it to undo.
    const gone = mockWorkbook(state.sheets.filter((s) => s.name !== "项目3"), state.names);
    expect(await checkUndo(mockPort(gone), record as InsertRecord)).toMatchObject({ present: [], missing: ["项目3"] });

    expect(check.definedNames.length).toBe(record.definedNames.length);
    // The delete: the inserted names first, then the sheet by id, in one round trip.
    const d = mockWorkbook(state.sheets, state.names);
    await mockPort(d).deleteSheets(check.present, check.definedNames);
    expect(d.syncs()).toBe(1);
    const lastName = Math.max(-1, ...d.calls.map((c, i) => (c.startsWith("delete name:") ? i : -1)));
    expect(lastName).toBeLessThan(d.calls.indexOf("delete sheet:项目3"));
    expect(d.calls.filter((c) => c.startsWith("delete sheet:"))).toEqual(["delete sheet:项目3"]);
    expect(d.calls.filter((c) => c.startsWith("delete name:"))).toEqual(check.definedNames.map((n) => `delete name:${n}`));
  });
});
