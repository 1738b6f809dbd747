/**
 * The inbox on real documents: seed 000 (and seed 002) split by unit into one workbook per unit plus the
 * department's 汇总 (split-seeds.ts builds them from the checked-in transcriptions). The clean split
 * adds up and nothing is reported across files; a planted duplicate code and a planted wrong unit total
 * are each found, in the right file and cell, and nothing else is. Through the model (each file read by
 * the real reader) and through `jxmb validate DIR --report … --merge …`.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { loadDocument, readInputFile } from "../../src/cli/pipeline";
import { checkInbox, inboxFileFindings, mergeInbox, slimForInbox, type InboxFile } from "../../src/model/inbox";
import { parseCanonicalJson } from "../../src/model/canonical";
import { validate } from "../../src/model/validate";
import { runMain } from "../helpers/run-main";
import { ensureBuilt, jxmb } from "../cli/helpers";
import { DEPARTMENT_FILE, DUPLICATE, MISMATCH, seedDocument, writeSplit, type Split } from "./split-seeds";

let tmp: string;
let clean: Split;
let planted: Split;
let clean002: Split;

async function readAll(split: Split): Promise<InboxFile[]> {
  const out: InboxFile[] = [];
  for (const name of split.files) {
    const file = path.join(split.dir, name);
    out.push({ file: name, document: (await loadDocument(readInputFile(file), file)).document });
  }
  return out;
}

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-inbox-"));
  clean = await writeSplit(path.join(tmp, "clean"));
  planted = await writeSplit(path.join(tmp, "planted"), { duplicateCode: true, totalMismatch: true });
  clean002 = await writeSplit(path.join(tmp, "clean-002"), {}, "seed-002");
}, 60_000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("model, files read by the real reader", () => {
  test("the clean split: every project of the seed is in exactly one unit file, the 汇总 adds up, nothing across files", async () => {
    for (const [split, seedName, units] of [
      [clean, "seed-000", 4],
      [clean002, "seed-002", 2],
    ] as const) {
      const files = await readAll(split);
      expect(files).toHaveLength(units + 1);
      const seed = seedDocument(seedName);
      expect(files.reduce((n, f) => n + f.document.projects.length, 0)).toBe(seed.projects.length);
      const report = checkInbox(files);
      expect(report.findings).toEqual([]);
      expect(report.projects).toBe(seed.projects.length);
      // The department file's own total check gives way to the cross-file rules: no finding on its 汇总 is left.
      const own = inboxFileFindings(files, 0, validate(files[0].document).findings);
      expect(own.filter((f) => f.ruleId.startsWith("budget/"))).toEqual([]);
    }
  });

  test("planted: the reused code and the wrong unit total are found, in their files and cells, and nothing else", async () => {
    const files = await readAll(planted);
    const report = checkInbox(files);
    const got = report.findings.map((f) => ({ rule: f.ruleId, file: f.file, at: `${f.sheet}!${f.cell}`, related: f.related.map((r) => `${r.file}!${r.sheet}!${r.cell}`) }));
    const kss = planted.unitFiles.get(MISMATCH.unit)!;
    const firstKss = files.find((f) => f.file === kss)!.document.projects.find((p) => p.unit.code === MISMATCH.unit)!;
    expect(got).toEqual([
      // 汇总 rows: 312001, 312003, 312005 (F8, F9, F10).
      { rule: "inbox/unit-total", file: DEPARTMENT_FILE, at: "汇总!F10", related: [`${kss}!${firstKss.source.sheet}!${firstKss.source.cells["budget.total"]}`] },
      { rule: "inbox/code-duplicate", file: DUPLICATE.file, at: `${DUPLICATE.sheet}!${DUPLICATE.cell}`, related: [`${DUPLICATE.firstFile}!${DUPLICATE.firstSheet}!B4`] },
    ]);
    const [total, dup] = report.findings;
    expect(total.severity).toBe("error");
    expect(total.message).toContain(`申报合计 ${planted.declared.get(MISMATCH.unit)} 万元`);
    expect(total.fix).toContain(`相差 ${MISMATCH.extraWan} 万元`);
    expect(dup.message).toContain(DUPLICATE.code);
    expect(dup.message).not.toContain("同一项目重复报送"); // different projects under one code
    expect(report.files.map((f) => f.findings.error)).toEqual([1, 0, 1, 0, 0]);
  });

  test("slim documents (what a batch keeps per file) give exactly the findings of the full ones, on a split with every kind of fault", async () => {
    const files = await readAll(planted);
    // More faults, planted in the read documents: a project sent again by another unit under a new code,
    // a copied goal and a copied indicator set, a department 项目支出 that does not add up.
    const [dept, benji, jiaojing, kss] = files;
    const p = benji.document.projects.find((x) => !x.redacted && x.indicators.length >= 3)!;
    const q = benji.document.projects.filter((x) => !x.redacted && x.indicators.length >= 3)[1];
    jiaojing.document.projects.push({ ...structuredClone(p), seq: 99, code: "13032423P0044281XXXXX" });
    kss.document.projects[0].goals = [...q.goals];
    kss.document.projects[1].indicators = structuredClone(q.indicators);
    dept.document.overview = { ...dept.document.overview!, budget: { total: 5000, fiscal: 5000, other: null, basic: 2000, project: 3000 } };
    const full = checkInbox(files);
    expect(new Set(full.findings.map((f) => f.ruleId))).toEqual(
      new Set(["inbox/unit-total", "inbox/department-total", "inbox/code-duplicate", "inbox/same-project", "inbox/goal-copied", "inbox/indicator-copied"]),
    );
    const slim = checkInbox(files.map((f) => ({ file: f.file, document: slimForInbox(f.document) })));
    expect(slim).toEqual(full);
  });

  test("a copy the per-file rules find in a whole seed is found across files once the two projects are in different files", () => {
    const halves = (seedName: string): InboxFile[] => {
      const d = seedDocument(seedName);
      const half = Math.ceil(d.projects.length / 2);
      return [
        { file: "上半.xlsx", document: { ...d, projects: d.projects.slice(0, half) } },
        { file: "下半.xlsx", document: { ...d, projects: d.projects.slice(half) } },
      ];
    };
    // Seed 004: P13 copies P7's goal with small edits (goal/near-duplicate in the whole document).
    const whole = validate(seedDocument("seed-004"), { rules: ["goal/near-duplicate"], raw: true }).findings;
    expect(whole.map((f) => [f.projectSeq, f.message.includes("第 7 个项目")])).toEqual([[13, true]]);
    const got004 = checkInbox(halves("seed-004")).findings;
    expect(got004.map((f) => ({ rule: f.ruleId, severity: f.severity, file: f.file, seq: f.projectSeq, cell: f.cell, related: f.related.map((r) => `${r.file}#${r.projectSeq}`) }))).toEqual([
      { rule: "inbox/goal-copied", severity: "info", file: "下半.xlsx", seq: 13, cell: whole[0].cell, related: ["上半.xlsx#7"] },
    ]);
    // Seed 001: #14–#23 share one sentence (goal/copied); split, the later file's first of them is told about the earlier file's.
    const got001 = checkInbox(halves("seed-001")).findings;
    expect(got001.map((f) => [f.ruleId, f.severity, f.file, f.projectSeq, f.related.map((r) => `${r.file}#${r.projectSeq}`)])).toEqual([["inbox/goal-copied", "warning", "下半.xlsx", 14, ["上半.xlsx#15"]]]);
  });

  test("the merged department document: all 39 projects in file order with their file and position, schema-valid", async () => {
    const files = await readAll(clean);
    const { document, notes } = mergeInbox(files);
    expect(notes).toEqual([]);
    expect(document.projects).toHaveLength(39);
    expect(document.projects.map((p) => p.seq)).toEqual(Array.from({ length: 39 }, (_, i) => i + 1));
    // source.seq is the table's number in its file: the Hebei tables keep their printed numbers (31.…, 32.…).
    const kss = document.projects.filter((p) => p.source.file === clean.unitFiles.get("312005"));
    expect(kss.map((p) => p.source.seq)).toEqual(seedDocument().projects.filter((p) => p.seq >= 31 && p.seq <= 38).map((p) => p.seq));
    expect(document.declaredTotals?.source?.file).toBe(DEPARTMENT_FILE);
    expect(document.department.name).toBe("卢龙县公安局");
    // The merged document checked as one: its 汇总 adds up against all the projects now.
    expect(validate(document, { rules: ["budget/total-mismatch"] }).findings).toEqual([]);
  });
});

describe("jxmb validate DIR (the CLI inbox)", () => {
  test("planted split: text summary, exit 1, the .xlsx report with a row per finding and hyperlinks, the merged JSON", async () => {
    const report = path.join(tmp, "报告.xlsx");
    const merged = path.join(tmp, "部门合并.json");
    const r = await runMain(["validate", planted.dir, "--jobs", "1", "--report", report, "--merge", merged]);
    expect(r.code).toBe(1);
    expect(r.out).toContain("跨文件检查（5 个文件，39 个项目");
    expect(r.out).toContain(`'${DUPLICATE.sheet}'!${DUPLICATE.cell}  项目编码 ${DUPLICATE.code}`);
    expect(r.out).toContain("汇总!F10  单位 312005");
    expect(r.out).toMatch(/汇总：共收到 5 个文件，39 个项目，预算数合计 [\d.]+ 万元。.*跨文件检查：错误 2 个，警告 0 个，提示 0 个。/);
    expect(r.err).toContain("汇总报告已写入");
    // The department's file is named for what it is, not "no table found".
    expect(r.out).toContain("汇总表：部门申报合计数 3176.53 万元，4 个单位的申报合计；无项目表");
    expect(r.out).not.toContain("未识别出任何绩效目标表");
    // Progress (one line per file on a log): no count of the 汇总's own total check, which the inbox replaces.
    expect(r.err).toContain(`${DEPARTMENT_FILE} … 汇总表，无项目表（合计待所有文件读完后核对）`);
    // The report: one row per finding, the cross-file ones with a link to the cell in their file.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(report) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("问题清单")!;
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row) => rows.push(row));
    const cross = rows.filter((row) => String(row.getCell(9).value ?? "").includes("（跨文件）"));
    expect(cross).toHaveLength(2);
    // What only the inbox can show comes first: the rows right under the header.
    const headRow = rows.findIndex((row) => row.getCell(1).value === "文件");
    expect(rows.slice(headRow + 1, headRow + 3)).toEqual(cross);
    const dupRow = cross.find((row) => String(row.getCell(9).value).startsWith("inbox/code-duplicate"))!;
    expect(dupRow.getCell(1).value).toBe(path.join(planted.dir, DUPLICATE.file));
    expect(dupRow.getCell(4).value).toBe("错误");
    expect(dupRow.getCell(5).value).toBe("项目信息");
    expect(dupRow.getCell(7).value).toContain("核对编码");
    expect(dupRow.getCell(8).value).toBe(`${DUPLICATE.firstFile} '${DUPLICATE.firstSheet}'!B4`);
    const link = dupRow.getCell(3).value as ExcelJS.CellHyperlinkValue;
    expect(link.hyperlink).toBe(`planted/${DUPLICATE.file}#'${DUPLICATE.sheet}'!${DUPLICATE.cell}`);
    // Every finding of the text report is a row: per-file and cross-file.
    const json = await runMain(["validate", planted.dir, "--jobs", "1", "--format", "json"]);
    const parsed = JSON.parse(json.out) as { files: { findings: unknown[] }[]; inbox: { findings: { file: string; ruleId: string; related: unknown[] }[]; summary: { error: number } } };
    const perFile = parsed.files.reduce((n, f) => n + f.findings.length, 0);
    // Title, summary and header rows (the blank row between is not visited).
    expect(rows.length - 3).toBe(perFile + parsed.inbox.findings.length);
    expect(parsed.inbox.summary.error).toBe(2);
    expect(parsed.inbox.findings.map((f) => f.ruleId)).toEqual(["inbox/unit-total", "inbox/code-duplicate"]);
    // The merged JSON: schema-valid canonical JSON, every project with its file.
    const m = parseCanonicalJson(fs.readFileSync(merged, "utf8"));
    expect(m.ok).toBe(true);
    if (m.ok) {
      expect(m.document.projects).toHaveLength(39);
      expect(new Set(m.document.projects.map((p) => path.basename(p.source.file!)))).toEqual(new Set([...planted.unitFiles.values()]));
    }
  }, 60_000);

  test("a file that cannot be read: named, left out of the cross-file checks and the merge (said so), exit 2; the others are still checked", async () => {
    const dir = path.join(tmp, "with-broken");
    fs.cpSync(clean.dir, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "999 坏文件.xlsx"), "not a workbook");
    const report = path.join(tmp, "broken-report.xlsx");
    const merged = path.join(tmp, "broken-merged.json");
    const r = await runMain(["validate", dir, "--jobs", "1", "--report", report, "--merge", merged]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("999 坏文件.xlsx");
    expect(r.out).toContain("跨文件检查（5 个文件，39 个项目");
    expect(r.out).toContain("共收到 6 个文件（1 个无法读取，未参加跨文件检查）");
    expect(r.err).toContain("合并说明：1 个文件无法读取，其项目未合并。");
    const m = parseCanonicalJson(fs.readFileSync(merged, "utf8"));
    expect(m.ok && m.document.projects.length).toBe(39);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(report) as unknown as ArrayBuffer);
    const unread: string[] = [];
    wb.getWorksheet("问题清单")!.eachRow((row) => {
      if (String(row.getCell(6).value ?? "").startsWith("无法读取")) unread.push(String(row.getCell(1).value));
    });
    expect(unread).toEqual([path.join(dir, "999 坏文件.xlsx")]);
  }, 60_000);

  test("the built CLI with a worker pool gives the same inbox as one file after another (slim documents cross the worker boundary)", () => {
    ensureBuilt();
    const one = jxmb(["validate", planted.dir, "--jobs", "1", "--format", "json"]);
    const pool = jxmb(["validate", planted.dir, "--jobs", "2", "--format", "json"]);
    expect(one.code).toBe(1);
    expect(pool.code).toBe(1);
    expect(pool.stdout).toBe(one.stdout);
    const inbox = (JSON.parse(pool.stdout) as { inbox: { findings: { ruleId: string; cell: string }[] } }).inbox;
    expect(inbox.findings.map((f) => `${f.ruleId} ${f.cell}`)).toEqual(["inbox/unit-total F10", `inbox/code-duplicate ${DUPLICATE.cell}`]);
  }, 300_000);

  test("outputs follow the no-overwrite rule, and are planned before any work", async () => {
    const existing = path.join(tmp, "已有.json");
    fs.writeFileSync(existing, "keep");
    const r = await runMain(["validate", clean.dir, "--merge", existing]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("已存在，未覆盖");
    expect(fs.readFileSync(existing, "utf8")).toBe("keep");
    const same = await runMain(["validate", clean.dir, "--report", path.join(tmp, "x.json"), "--merge", path.join(tmp, "x.json")]);
    expect(same.code).toBe(2);
    expect(same.err).toContain("被指定为两个输出");
    const forced = await runMain(["validate", clean.dir, "--jobs", "1", "--merge", existing, "--force"]);
    expect(forced.code).toBe(1); // the seed's own errors; nothing across files
    expect(forced.out).toContain("跨文件检查（5 个文件，39 个项目");
    expect(forced.out).toContain("跨文件检查未发现问题");
    expect(parseCanonicalJson(fs.readFileSync(existing, "utf8")).ok).toBe(true);
  }, 60_000);
});
