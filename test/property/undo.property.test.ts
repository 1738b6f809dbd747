/**
 * Property (model-based): whatever a user does between inserts and undos — types into sheets, deletes, renames,
 * adds sheets of their own, even under an inserted sheet's old name — through the real OfficePort over the
 * recording fake of Excel:
 *  - an insert never changes an existing sheet (the workbook before is a prefix of the workbook after);
 *  - checkUndo reports exactly the inserted sheets the user typed into as changed;
 *  - an undo deletes exactly the inserted sheets that still exist (by id), leaves every other sheet byte-identical,
 *    and takes 2 round trips; without confirmation it deletes nothing when a sheet was edited (as the pane asks);
 *    when the inserted sheets are the last visible ones (Excel would refuse half-way) it deletes nothing at all.
 */
import fc from "fast-check";
import { OfficePort } from "../../src/taskpane/excel/officePort";
import { checkUndo, insertBook, templateBook, undoInsert, type InsertRecord } from "../../src/taskpane/books";
import { createFakeExcel } from "../taskpane/fakeExcel";

const SEED = Number(process.env.JXMB_PROPERTY_SEED ?? 20261121);
const RUNS = Number(process.env.JXMB_UNDO_RUNS ?? 100);

type Action =
  | { t: "insert"; full: boolean }
  | { t: "edit"; pick: number }
  | { t: "delete"; pick: number }
  | { t: "rename"; pick: number; name: string }
  | { t: "add"; name: string; reuse: boolean }
  | { t: "undo"; confirm: boolean };

const nameArb = fc.oneof(fc.constantFrom("项目1", "部门", "汇总", "我的表", "_lists", "项目1 (2)"), fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }));
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 3, arbitrary: fc.boolean().map((full) => ({ t: "insert" as const, full })) },
  { weight: 4, arbitrary: fc.nat(50).map((pick) => ({ t: "edit" as const, pick })) },
  { weight: 2, arbitrary: fc.nat(50).map((pick) => ({ t: "delete" as const, pick })) },
  { weight: 2, arbitrary: fc.record({ pick: fc.nat(50), name: nameArb }).map((r) => ({ t: "rename" as const, ...r })) },
  { weight: 2, arbitrary: fc.record({ name: nameArb, reuse: fc.boolean() }).map((r) => ({ t: "add" as const, ...r })) },
  { weight: 3, arbitrary: fc.boolean().map((confirm) => ({ t: "undo" as const, confirm })) },
);

test("undo deletes exactly the inserted sheets and nothing else, whatever the user did in between", async () => {
  let steps = 0;
  let undos = 0;
  let refusals = 0;
  let blocked = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(actionArb, { minLength: 1, maxLength: 14 }), async (actions) => {
      const fake = createFakeExcel({ sheets: [{ name: "我的表", values: [["原有内容", 1]], merges: [] }], names: [] });
      const port = new OfficePort(fake.Excel as never, { supports: fake.supports });
      let record: InsertRecord | null = null;
      let lastNames: string[] = [];
      const edited = new Set<string>(); // ids of inserted sheets the user typed into
      let typed = 0;
      const sheets = () => fake.book.sheets;
      for (const a of actions) {
        steps++;
        if (a.t === "insert") {
          const before = JSON.stringify(sheets());
          const { record: rec } = await insertBook(port, templateBook(a.full ? "full" : "project", "hebei").book);
          expect(JSON.stringify(sheets().slice(0, JSON.parse(before).length))).toBe(before);
          record = rec;
          lastNames = rec.names;
          edited.clear();
        } else if (a.t === "edit" && sheets().length) {
          const s = sheets()[a.pick % sheets().length];
          await fake.Excel.run(async (ctx) => {
            ctx.workbook.worksheets.getItem(s.id).getRange("C3").values = [[`用户输入${++typed}`]];
            await ctx.sync();
          });
          edited.add(s.id);
        } else if (a.t === "delete" && sheets().length) {
          const s = sheets()[a.pick % sheets().length];
          await fake.Excel.run(async (ctx) => {
            ctx.workbook.worksheets.getItem(s.id).delete();
            await ctx.sync();
          }).catch(() => undefined); // Excel keeps at least one visible sheet
        } else if (a.t === "rename" && sheets().length) {
          const s = sheets()[a.pick % sheets().length];
          const taken = sheets().some((x) => x !== s && x.name.toLowerCase() === a.name.toLowerCase());
          if (!taken && !/[:\\/?*[\]]/.test(a.name)) s.name = a.name;
        } else if (a.t === "add") {
          // Often under the old name of an inserted sheet that was renamed or deleted meanwhile.
          const name = a.reuse && lastNames.length ? lastNames[steps % lastNames.length] : a.name;
          if (!sheets().some((x) => x.name.toLowerCase() === name.toLowerCase()) && !/[:\\/?*[\]]/.test(name)) {
            await fake.Excel.run(async (ctx) => {
              ctx.workbook.worksheets.add(name);
              await ctx.sync();
            });
          }
        } else if (a.t === "undo" && record) {
          const rec: InsertRecord = record;
          const ours = new Set(rec.ids);
          const theirs = JSON.stringify(sheets().filter((s) => !ours.has(s.id)));
          const present = sheets().filter((s) => ours.has(s.id));
          fake.resetStats();
          const check = await checkUndo(port, rec);
          expect(check.present.sort()).toEqual(present.map((s) => s.id).sort());
          expect(check.changed.sort()).toEqual(present.filter((s) => edited.has(s.id)).map((s) => s.name).sort());
          if (check.changed.length && !a.confirm) {
            refusals++;
            expect(fake.stats.syncs).toBe(1); // looked, wrote nothing
            continue;
          }
          const otherVisible = sheets().filter((s) => !ours.has(s.id) && s.visibility === "Visible").length;
          expect(check.blocked).toBe(present.length > 0 && otherVisible === 0);
          if (check.blocked) {
            // The inserted sheets are the last visible ones: refused up front, nothing deleted.
            await expect(undoInsert(port, rec, check)).rejects.toThrow(/最后|全部可见工作表/);
            expect(JSON.stringify(sheets().filter((s) => !ours.has(s.id)))).toBe(theirs);
            expect(fake.stats.syncs).toBe(1);
            blocked++;
            continue;
          }
          await undoInsert(port, rec, check);
          undos++;
          expect(fake.stats.syncs).toBe(2);
          expect(JSON.stringify(sheets())).toBe(theirs);
          record = null;
        }
      }
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  console.log(`[property] undo: ${RUNS} action sequences, ${steps} steps, ${undos} undos done, ${refusals} waiting for confirmation, ${blocked} refused (last visible sheets) (seed ${SEED})`);
  expect(undos).toBeGreaterThan(0);
  expect(refusals).toBeGreaterThan(0);
});
