/**
 * Seed 000 (卢龙县公安局, Hebei county layout: one sheet per project; or seed 002, 承德) split the way a
 * department receives it: one workbook per unit, each holding that unit's project sheets exactly as transcribed (a 涉密
 * sheet goes with the unit of the sheet before it, where the printed document has it), plus the
 * department's own workbook, our template with the 部门 text and the 汇总 declaring the department's and
 * each unit's totals (the sums of the seed's 预算数, so the clean split adds up).
 *
 * Planted faults (seed 000), each optional: a unit reusing another unit's 项目编码 (交警大队's 25.业务经费 gets 本级's
 * 3.公安各项网络经费 code), and a wrong declared total for 看守所 in the department's 汇总 (+10 万元).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildXlsx, loadTranscription, TRANSCRIPTIONS_DIR } from "../fixtures/build-fixtures";
import { parseCanonicalJson } from "../../src/model/canonical";
import { fenToWan, wanToFen } from "../../src/model/money";
import { emptyDocument, type JxmbDocument } from "../../src/model/schema";
import { renderTemplate } from "../../src/model/write";
import { writeTemplateBook } from "../../src/xlsx/write";

export const DEPARTMENT_FILE = "00 部门汇总.xlsx";
export const DUPLICATE = { file: "312003 卢龙县公安交通警察大队.xlsx", sheet: "25.业务经费", cell: "B4", code: "13032423P00442810100D", firstFile: "312001 卢龙县公安局本级.xlsx", firstSheet: "3.公安各项网络经费" };
export const MISMATCH = { unit: "312005", sheet: "汇总", extraWan: 10 };

export function seedDocument(seedName = "seed-000"): JxmbDocument {
  const r = parseCanonicalJson(fs.readFileSync(path.join(TRANSCRIPTIONS_DIR, "..", "expected", `${seedName}.json`), "utf8"));
  if (!r.ok) throw new Error(r.errors.join("\n"));
  return r.document;
}

export interface Split {
  dir: string;
  /** Every workbook written, department first, then units by code. */
  files: string[];
  /** Unit code → its file's name. */
  unitFiles: Map<string, string>;
  /** Unit code → declared total (万元) as written in the 汇总. */
  declared: Map<string, number>;
}

/** Seeds whose every project has a sheet of its own (seed 000 Hebei, seed 002 承德): split by sheets. */
export type SplitSeed = "seed-000" | "seed-002";

export async function writeSplit(dir: string, plant: { duplicateCode?: boolean; totalMismatch?: boolean } = {}, seedName: SplitSeed = "seed-000"): Promise<Split> {
  fs.mkdirSync(dir, { recursive: true });
  const seed = seedDocument(seedName);
  const t = loadTranscription(path.join(TRANSCRIPTIONS_DIR, `${seedName}.json`));
  // Sheet → unit: from the checked-in reading of the seed; a 涉密 sheet (no unit line) follows the sheet before it.
  const unitOfSheet = new Map<string, { code: string; name: string }>();
  for (const p of seed.projects) if (p.unit.code) unitOfSheet.set(p.source.sheet, { code: p.unit.code, name: p.unit.name ?? "" });
  const groups = new Map<string, { name: string; sheets: typeof t.sheets }>();
  let last: { code: string; name: string } | null = null;
  for (const s of t.sheets) {
    if (!seed.projects.some((p) => p.source.sheet === s.name)) continue; // the 部门整体 sheet goes to the department's file
    const u: { code: string; name: string } | null = unitOfSheet.get(s.name) ?? last;
    if (!u) throw new Error(`no unit for sheet ${s.name}`);
    last = u;
    let g = groups.get(u.code);
    if (!g) groups.set(u.code, (g = { name: u.name, sheets: [] }));
    g.sheets.push(structuredClone(s));
  }
  if (plant.duplicateCode) {
    const s = groups.get("312003")!.sheets.find((x) => x.name === DUPLICATE.sheet)!;
    s.rows[3][1] = DUPLICATE.code;
  }
  const unitFiles = new Map<string, string>();
  const files: string[] = [];
  for (const [code, g] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const name = `${code} ${g.name}.xlsx`;
    unitFiles.set(code, name);
    fs.writeFileSync(path.join(dir, name), await buildXlsx({ name, sheets: g.sheets }));
    files.push(name);
  }
  // The department's workbook: 部门 text of the seed, 汇总 with the declared totals.
  const declared = new Map<string, number>();
  let all = 0;
  for (const p of seed.projects) {
    const fen = p.budget.total === null ? 0 : wanToFen(p.budget.total);
    all += fen;
    const code = p.unit.code;
    if (code) declared.set(code, (declared.get(code) ?? 0) + fen);
  }
  const dept = emptyDocument("hebei");
  dept.fiscalYear = seed.fiscalYear;
  dept.department = seed.department;
  dept.title = seed.title;
  dept.overview = seed.overview ? { ...seed.overview, source: null } : null;
  const units = [...declared].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, fen]) => ({ code, name: groups.get(code)!.name, total: fenToWan(fen) }));
  if (plant.totalMismatch) {
    const u = units.find((x) => x.code === MISMATCH.unit)!;
    u.total = fenToWan(wanToFen(u.total) + wanToFen(MISMATCH.extraWan));
  }
  dept.declaredTotals = { department: fenToWan(all), units, source: null };
  fs.writeFileSync(path.join(dir, DEPARTMENT_FILE), await writeTemplateBook(renderTemplate(dept)));
  files.unshift(DEPARTMENT_FILE);
  return { dir, files, unitFiles, declared: new Map(units.map((u) => [u.code, u.total])) };
}
