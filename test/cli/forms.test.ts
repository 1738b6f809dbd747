/**
 * The CLI on whole forms (in process, through `main`): `export` of a 绩效自评表 carries the actuals and
 * of a 部门整体支出绩效目标表 the department overview; `validate` on a department form says what it read
 * instead of “未识别出任何绩效目标表”.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main, type Io } from "../../src/cli/main";
import { parseCanonicalJson } from "../../src/model/canonical";
import { stripPositional } from "../roundtrip/positional";
import { differences } from "../property/diff";

const CORPUS = path.join(__dirname, "..", "corpus", "workbooks");
const SELF_EVAL = path.join(CORPUS, "05-安徽池州棠溪镇-自评表-2022.xlsx");
const DEPARTMENT = path.join(CORPUS, "07-福建宁德-部门整体-2019.xlsx");

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { stdout: (t) => void (out += t), stderr: (t) => void (err += t) };
  const code = await main(args, io);
  return { code, out, err };
}

let tmp: string;
beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-forms-"));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

test("export of a 绩效自评表: targets and actuals side by side in the canonical JSON", async () => {
  const file = path.join(tmp, "自评.json");
  const r = await run(["export", SELF_EVAL, "-o", file]);
  expect(r.code).toBe(0);
  const parsed = parseCanonicalJson(fs.readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const p = parsed.document.projects[0];
  expect(p.layout).toBe("self-eval");
  expect(p.selfEvaluation?.funds.find((l) => l.role === "fiscal")).toMatchObject({ initial: 90, annual: 89.974, executed: 89.974 });
  expect(p.selfEvaluation?.goalsActual[0]).toMatch(/^本项目共完成预算资金89.97万元/);
  const first = p.indicators[0];
  expect([first.target.raw, first.actual?.raw, first.weight, first.score]).toEqual(["≥50个", "50", 8, 8]);
});

test("export of a 部门整体支出绩效目标表: the department overview with budget, duties and indicators", async () => {
  const file = path.join(tmp, "部门.json");
  const r = await run(["export", DEPARTMENT, "-o", file]);
  expect(r.code).toBe(0);
  const parsed = parseCanonicalJson(fs.readFileSync(file, "utf8"));
  if (!parsed.ok) throw new Error(parsed.errors.join("\n"));
  const d = parsed.document;
  expect(d.department).toEqual({ code: "901001033", name: "中共宁德市委党史和地方志研究室" });
  expect(d.overview?.budget).toEqual({ total: 171.41, fiscal: null, other: null, basic: 110.61, project: 60.8 });
  expect(d.overview?.duties?.map((x) => x.amount)).toEqual([49.8, 11, 171.41]);
  expect(d.overview?.indicators).toHaveLength(6);
  expect(d.overview?.goals).toHaveLength(4);
});

test("validate on a 部门整体 form reports what it read, not “no table”", async () => {
  const r = await run(["validate", "--jobs", "1", DEPARTMENT]);
  expect(r.out).toContain("部门整体绩效目标表：6 条指标、3 项年度履职目标");
  expect(r.out).not.toContain("未识别出任何绩效目标表");
});

test("import of a self-evaluation / department JSON says the template keeps those parts without showing them, and they come back", async () => {
  const json = path.join(tmp, "自评-导入.json");
  expect((await run(["export", SELF_EVAL, "-o", json])).code).toBe(0);
  const r = await run(["import", json, "-o", path.join(tmp, "自评-导入.xlsx")]);
  expect(r.code).toBe(0);
  expect(r.err).toContain("模板的表格中没有自评内容（1 个项目的执行数、实际完成值、得分等）的栏目；这些内容保存在工作簿的元数据中");
  const again = path.join(tmp, "自评-再导出.json");
  expect((await run(["export", path.join(tmp, "自评-导入.xlsx"), "-o", again])).code).toBe(0);
  const back = parseCanonicalJson(fs.readFileSync(again, "utf8"));
  expect(back.ok && back.document.projects[0].selfEvaluation?.funds[1].executed).toBe(89.974);
  const dept = path.join(tmp, "部门-导入.json");
  expect((await run(["export", DEPARTMENT, "-o", dept])).code).toBe(0);
  const d = await run(["import", dept, "-o", path.join(tmp, "部门-导入.xlsx")]);
  expect(d.err).toContain("部门整体表（年度预算安排、履职目标、部门指标）");
});

test.each(["22-四川青神-自评表-2023.xlsx", "25-四川中江-衔接资金自评表-2022.xlsx", "26-云南南华-自评表.xlsx"])(
  "a 绩效自评表 (%s) exported, imported into the template and exported again: the 部门 sheet is no form of its own, same content",
  async (name) => {
    const dir = fs.mkdtempSync(path.join(tmp, "rt-"));
    const first = path.join(dir, "原.json");
    const book = path.join(dir, "模板.xlsx");
    const again = path.join(dir, "再导出.json");
    expect((await run(["export", path.join(CORPUS, name), "-o", first])).code).toBe(0);
    expect((await run(["import", first, "-o", book])).code).toBe(0);
    const r = await run(["export", book, "-o", again]);
    expect(r.code).toBe(0);
    // The template's 部门 sheet carries the document's title (项目支出绩效自评表); it was read as a second form.
    expect(r.err).not.toMatch(/读取(警告|错误)/);
    expect(r.err).not.toContain("部门!");
    const a = parseCanonicalJson(fs.readFileSync(first, "utf8"));
    const b = parseCanonicalJson(fs.readFileSync(again, "utf8"));
    if (!a.ok || !b.ok) throw new Error("not canonical JSON");
    expect(b.document.projects).toHaveLength(a.document.projects.length);
    expect(differences(stripPositional(a.document), stripPositional(b.document))).toEqual([]);
  },
);

test("import of a document with 中期 targets: the hebei form keeps them hidden and says so; --profile central-2021 shows them, silently", async () => {
  const wuhan = path.join(CORPUS, "01-武汉青山-教育局-2020.xlsx"); // 总体目标 with a 中期目标
  const json = path.join(tmp, "中期.json");
  expect((await run(["export", wuhan, "-o", json])).code).toBe(0);
  const hidden = await run(["import", json, "-o", path.join(tmp, "中期-hebei.xlsx")]);
  expect(hidden.code).toBe(0);
  expect(hidden.err).toContain("1 个项目有中期目标或中期指标，hebei 表样没有中期栏目");
  expect(hidden.err).toContain("--profile central-2021");
  const shown = await run(["import", json, "--profile", "central-2021", "-o", path.join(tmp, "中期-central.xlsx")]);
  expect(shown.code).toBe(0);
  expect(shown.err).not.toContain("中期栏目");
  const again = path.join(tmp, "中期-再导出.json");
  expect((await run(["export", path.join(tmp, "中期-central.xlsx"), "-o", again])).code).toBe(0);
  const back = parseCanonicalJson(fs.readFileSync(again, "utf8"));
  const orig = parseCanonicalJson(fs.readFileSync(json, "utf8"));
  if (!back.ok || !orig.ok) throw new Error("export did not parse");
  expect(orig.document.projects[0].midTerm?.goals.length).toBeGreaterThan(0);
  expect(back.document.projects[0].midTerm?.goals).toEqual(orig.document.projects[0].midTerm?.goals);
  expect(back.document.projects[0].source.cells["midTerm.goals"]).toBe("B14"); // the 中期目标 cell, shown and printed
});
