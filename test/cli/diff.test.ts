/**
 * `jxmb diff A B` in process (through `main`): workbook against workbook, workbook against JSON, exit codes
 * 0 / 1 / 2, --format json, -o and the no-overwrite rule.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { runMain as run } from "../helpers/run-main";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const SEED = path.join(EXAMPLES, "seed-002.xlsx");

let tmp: string;
let edited: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-diff-"));
  // The returned version: 项目1's 预算数 (C4) raised from 80 to 95 in Excel.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(SEED) as unknown as ArrayBuffer);
  wb.getWorksheet("项目1")!.getCell("C4").value = 95;
  edited = path.join(tmp, "退回修改.xlsx");
  fs.writeFileSync(edited, new Uint8Array(await wb.xlsx.writeBuffer()));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("the same workbook, and a workbook against its exported JSON: no differences, exit 0", async () => {
  const same = await run(["diff", SEED, SEED]);
  expect(same.code).toBe(0);
  expect(same.out).toContain("无差异");
  const json = path.join(tmp, "seed.json");
  expect((await run(["export", SEED, "-o", json])).code).toBe(0);
  const mixed = await run(["diff", json, SEED]);
  expect(mixed.code).toBe(0);
  expect(mixed.out).toContain("均无变化");
});

test("an edited budget figure: named in text, exit 1", async () => {
  const r = await run(["diff", SEED, edited]);
  expect(r.code).toBe(1);
  expect(r.out).toContain("比较：seed-002.xlsx → 退回修改.xlsx");
  expect(r.out).toContain("项目 1 “安保执勤**工作专项”（130811211P05HPWFNMG5T）：\n  预算数：80 万元 → 95 万元");
  expect(r.out).toContain("回复邮件摘要：\n经逐项比较，新版本与原版本相比：项目“安保执勤**工作专项”预算数由 80 万元 调整为 95 万元。其余内容未变。");
});

test("--format json and -o: the file holds the changes; an existing file is not overwritten without --force", async () => {
  const out = path.join(tmp, "diff.json");
  const r = await run(["diff", SEED, edited, "--format", "json", "-o", out]);
  expect(r.code).toBe(1);
  const j = JSON.parse(fs.readFileSync(out, "utf8"));
  expect(j.identical).toBe(false);
  expect(j.counts).toEqual({ added: 0, removed: 0, renamed: 0, changed: 1 });
  expect(j.changes.projects[0].fields).toEqual([{ path: ["budget", "total"], before: 80, after: 95, business: true }]);
  const again = await run(["diff", SEED, edited, "-o", out]);
  expect(again.code).toBe(2);
  expect(again.err).toMatch(/已存在|--force/);
  expect((await run(["diff", SEED, edited, "-o", out, "--force"])).code).toBe(1);
  expect(fs.readFileSync(out, "utf8")).toContain("预算数：80 万元 → 95 万元");
});

test("unreadable input and bad usage: exit 2 with the file named", async () => {
  const bad = path.join(tmp, "坏文件.xlsx");
  fs.writeFileSync(bad, "not a workbook");
  const r = await run(["diff", SEED, bad]);
  expect(r.code).toBe(2);
  expect(r.err).toContain("坏文件.xlsx");
  const badJson = path.join(tmp, "坏.json");
  fs.writeFileSync(badJson, '{"schemaVersion": 2}');
  const j = await run(["diff", badJson, SEED]);
  expect(j.code).toBe(2);
  expect(j.err).toContain("不是有效的 JXMB 规范 JSON");
  const missing = await run(["diff", SEED]);
  expect(missing.code).toBe(2);
  expect(missing.err).toContain("diff 需要两个文件");
  expect((await run(["diff", "--help"])).out).toMatch(/^用法：jxmb diff 原版本 新版本/);
});

test("-o 报告.xlsx: a workbook report with the summary and one row per change, linked to the cell in the newer version", async () => {
  const out = path.join(tmp, "比较报告.xlsx");
  const r = await run(["diff", SEED, edited, "-o", out]);
  expect(r.code).toBe(1);
  expect(r.err).toContain("比较报告（工作簿）已写入");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("比较结果")!;
  expect(ws.getCell("A1").value).toBe("比较：seed-002.xlsx → 退回修改.xlsx");
  expect(String(ws.getCell("A2").value)).toContain("预算数由 80 万元 调整为 95 万元");
  expect(["A4", "B4", "C4", "D4", "E4", "F4"].map((a) => ws.getCell(a).value)).toEqual(["项目", "变化", "内容", "原值", "新值", "位置"]);
  expect(["A5", "B5", "C5", "D5", "E5"].map((a) => ws.getCell(a).value)).toEqual([
    "项目 1 “安保执勤**工作专项”（130811211P05HPWFNMG5T）",
    "修改",
    "预算数",
    "80 万元",
    "95 万元",
  ]);
  expect(ws.getCell("F5").value).toEqual({ text: "新版本 项目1!C4", hyperlink: "退回修改.xlsx#'项目1'!C4" });
  expect(ws.getCell("A6").value).toBeNull();
});
