/**
 * Property: the template's hidden overrides (src/model/write/fields.ts) give back exactly the model while the
 * visible cells are as written — also after a host trip that turns "" into an empty cell and CR/CRLF into LF —
 * and give way to the cells as soon as a clerk edits one. Meta cells never exceed Excel's 32,767 characters.
 * Templates written before the fingerprint form ({ v: cells, m: model }) are still read.
 */
import fc from "fast-check";
import type { CellValue } from "../../src/model/grid";
import { addOverride, applyOverride, CELL_TEXT_LIMIT, decodeMeta, deriveIndicator, encodeMeta, type IndicatorCore } from "../../src/model/write/fields";
import { documentArb } from "../helpers/arbitraries";

const SEED = Number(process.env.JXMB_PROPERTY_SEED ?? 20261121);
const RUNS = Number(process.env.JXMB_PROPERTY_RUNS ?? 200);

/** What Excel or an .xlsx trip gives back for a written cell. */
const hostTrip = (v: CellValue): CellValue => (typeof v === "string" ? (v === "" ? null : v.replace(/\r\n?/g, "\n")) : v);

/** An indicator row as the renderer writes it. */
function rowCells(ind: IndicatorCore): CellValue[] {
  return [ind.level1 || null, ind.level2 || null, ind.name || null, ind.description, ind.target.raw === "" ? null : ind.target.raw, ind.basis, ind.scoring];
}

const indicatorsArb = documentArb({ maxProjects: 2 }).map((d) => d.projects.flatMap((p) => p.indicators.map(({ source: _s, ...core }) => core as IndicatorCore)));

test("overrides round-trip through a host and yield to edits", () => {
  let rows = 0;
  let withOverride = 0;
  fc.assert(
    fc.property(indicatorsArb, fc.nat(6), fc.string({ minLength: 1, maxLength: 8 }), (inds, col, edit) => {
      for (const core of inds) {
        rows++;
        const cells = rowCells(core);
        const meta: Record<string, unknown> = {};
        addOverride<IndicatorCore>(meta, "i", cells, deriveIndicator(cells), core);
        if (meta.i) withOverride++;
        const text = encodeMeta(meta);
        expect(text.length).toBeLessThanOrEqual(CELL_TEXT_LIMIT);
        const back = decodeMeta(text);
        const returned = cells.map(hostTrip);
        // Dropped only when the meta cell would be too long: then the cells speak for themselves.
        if (text.length < CELL_TEXT_LIMIT - 1000 || back.i) expect(applyOverride<IndicatorCore>(back, "i", returned, deriveIndicator(returned))).toEqual(core);
        // A clerk's edit wins over the stale override.
        const edited = [...returned];
        const typed = `${edited[col] ?? ""}${edit}`;
        edited[col] = typed;
        expect(applyOverride<IndicatorCore>(back, "i", edited, deriveIndicator(edited))).toEqual(deriveIndicator(edited));
      }
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  console.log(`[property] overrides: ${rows} indicator rows (${withOverride} with an override), seed ${SEED}`);
  expect(withOverride).toBeGreaterThan(0);
});

test("templates written before the fingerprint form are still read", () => {
  const cells: CellValue[] = ["产出指标", "数量指标", "设备数量", null, "10台", null, null];
  const model = { ...deriveIndicator(cells), level1Raw: "产 出 指 标" };
  const legacy = decodeMeta(`JXMB:${JSON.stringify({ i: { v: cells, m: model } })}`);
  expect(applyOverride(legacy, "i", cells, deriveIndicator(cells))).toEqual(model);
  const edited = [...cells];
  edited[4] = "12台";
  expect(applyOverride(legacy, "i", edited, deriveIndicator(edited))).toEqual(deriveIndicator(edited));
});
