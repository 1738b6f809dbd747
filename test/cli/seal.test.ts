/**
 * The validation seal through the CLI (in process): `jxmb seal` writes a sealed copy, `jxmb verify` says
 * 已校验且未修改 on it, 校验后已修改 naming the field after a value is edited with exceljs (as Excel would
 * save it), 未校验 on a workbook without a seal; a forged seal is reported, never trusted.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runMain as run } from "../helpers/run-main";
import { loadGrid } from "../../src/xlsx/read";
import { readSeal, SEAL_SHEET } from "../../src/model/seal";

const SEED = path.join(__dirname, "..", "..", "examples", "seed-002.xlsx");

async function editCopy(from: string, to: string, edit: (wb: ExcelJS.Workbook) => void): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(from) as unknown as ArrayBuffer);
  edit(wb);
  fs.writeFileSync(to, new Uint8Array(await wb.xlsx.writeBuffer()));
}

let tmp: string;
let sealed: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-seal-"));
  sealed = path.join(tmp, "已盖章.xlsx");
  const r = await run(["seal", SEED, "-o", sealed, "--name", "张三"]);
  expect(r.err).toContain("已校验并盖章");
  expect(r.code).toBe(0);
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("the sealed copy holds a very hidden _jxmb_seal sheet with the record; the input is unchanged", async () => {
  const grid = await loadGrid(fs.readFileSync(sealed), { fileName: "已盖章.xlsx" });
  const sheet = grid.sheets.find((s) => s.name === SEAL_SHEET);
  expect(sheet?.hidden).toBe(true);
  const read = readSeal(grid);
  if (!read.found || !read.seal) throw new Error("no seal read back");
  expect(read.seal.hash).toMatch(/^[0-9a-f]{64}$/);
  expect(read.seal.name).toBe("张三");
  expect(read.seal.counts.projects).toBe(22);
  expect(read.seal.profile).toBe("hebei");
  const original = await loadGrid(fs.readFileSync(SEED), { fileName: "seed-002.xlsx" });
  expect(original.sheets.some((s) => s.name === SEAL_SHEET)).toBe(false);
  // The readers do not see the seal: the sealed copy exports exactly as the original.
  const a = await run(["export", SEED]);
  const b = await run(["export", sealed]);
  expect(b.out).toBe(a.out);
});

test("verify: 已校验且未修改, exit 0", async () => {
  const r = await run(["verify", sealed]);
  expect(r.code).toBe(0);
  expect(r.out).toMatch(/^已盖章\.xlsx：已校验且未修改\n/);
  expect(r.out).toContain("校验人：张三");
  expect(r.out).toContain("22 个项目");
});

test("opened and saved again (exceljs, no edit): still 已校验且未修改 — the seal is over content, not bytes", async () => {
  const resaved = path.join(tmp, "另存.xlsx");
  await editCopy(sealed, resaved, () => undefined);
  expect(fs.readFileSync(resaved).equals(fs.readFileSync(sealed))).toBe(false);
  const r = await run(["verify", resaved]);
  expect(r.code).toBe(0);
  expect(r.out).toContain("已校验且未修改");
});

test("one value edited with exceljs: 校验后已修改, naming the project and the field", async () => {
  const edited = path.join(tmp, "改过.xlsx");
  await editCopy(sealed, edited, (wb) => {
    wb.getWorksheet("项目1")!.getCell("C4").value = 95;
  });
  const r = await run(["verify", edited]);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/^改过\.xlsx：校验后已修改\n/);
  expect(r.out).toContain("项目 1 “安保执勤**工作专项”（130811211P05HPWFNMG5T）：\n  预算数：80 万元 → 95 万元");
  const j = JSON.parse((await run(["verify", edited, "--format", "json"])).out);
  expect(j.status).toBe("modified");
  expect(j.label).toBe("校验后已修改");
  expect(j.seal.content).toBeUndefined();
  expect(j.changes.projects[0].fields[0]).toMatchObject({ path: ["budget", "total"], before: 80, after: 95 });
  expect(j.summary).toContain("预算数由 80 万元 调整为 95 万元");
});

test("no seal: 未校验, exit 1", async () => {
  const r = await run(["verify", SEED]);
  expect(r.code).toBe(1);
  expect(r.out).toMatch(/^seed-002\.xlsx：未校验\n/);
});

test("a forged seal (hash rewritten to match nothing it holds) is 校验后已修改 with the reason, never 已校验", async () => {
  const forged = path.join(tmp, "伪造.xlsx");
  await editCopy(sealed, forged, (wb) => {
    const ws = wb.getWorksheet(SEAL_SHEET)!;
    ws.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith("SHA-256")) row.getCell(2).value = "0".repeat(64);
    });
  });
  const r = await run(["verify", forged]);
  expect(r.code).toBe(1);
  expect(r.out).toContain("校验后已修改");
  expect(r.out).toContain("印记已被改动");
});

test("seal refuses to overwrite, and refuses JSON", async () => {
  const again = await run(["seal", SEED, "-o", sealed]);
  expect(again.code).toBe(2);
  const json = path.join(tmp, "a.json");
  fs.writeFileSync(json, (await run(["export", SEED])).out);
  const r = await run(["seal", json, "-o", path.join(tmp, "x.xlsx")]);
  expect(r.code).toBe(2);
  expect(r.err).toContain("只处理工作簿");
});
