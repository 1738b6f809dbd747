/**
 * One language per run (DEVELOPERS.md: zh-CN first, English in its own locale, not as asides), through
 * the BUILT binary: Chinese by default and for C / POSIX / C.UTF-8 / zh_CN; English for --lang en,
 * JXMB_LANG=en or LC_ALL / LC_MESSAGES / LANG starting with "en". Chinese output has no English sentence,
 * English output no Chinese outside quoted data (file and sheet names, labels, cell values). Exit codes
 * do not depend on the language; JSON output does not either.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { langFromEnv, langOf, takeLangOption } from "../../src/cli/locale";
import { findingEn } from "../../src/cli/finding-en";
import { validate } from "../../src/model/validate";
import { doc, project } from "../rules/rule-tester";
import { EXAMPLES, ensureBuilt, exampleFiles, jxmb, STACK_LINE, tempDir } from "./helpers";

jest.setTimeout(180_000);

const SEED = path.join(EXAMPLES, "seed-000.xlsx");
/** Han characters, CJK punctuation (。，：“”), full-width forms (（）；). */
const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u201c\u201d]/;
/** An English sentence: a capitalised word followed by two lower-case words. */
const ENGLISH_SENTENCE = /\b[A-Z][a-z]+ [a-z]+ [a-z]+/;

/**
 * English output with the workbook's own text taken out: quoted names and values ("…", “…”) and cell
 * references (Sheet!A5: a sheet name is the user's, and Excel forbids ":" in it).
 */
function unquotedEn(text: string): string {
  return text.replace(/"[^"\n]*"|“[^”\n]*”/g, '""').replace(/[^\s:"][^:"\n]*?![A-Z]{1,3}[0-9]+/g, "A1");
}
/** Chinese output with quoted names, flags, commands and file paths taken out. */
function unquotedZh(text: string): string {
  return text.replace(/“[^”\n]*”|`[^`\n]*`|"[^"\n]*"|\S*[/\\]\S*/g, "");
}

/** No locale from the machine running the tests: each case sets exactly what it means. */
const NO_LOCALE = { JXMB_LANG: "", LC_ALL: "", LC_MESSAGES: "", LANG: "" };
const ZH = { ...NO_LOCALE };
const EN_FLAG = NO_LOCALE;
const EN_LANG = { ...NO_LOCALE, LANG: "en_US.UTF-8" };
const C_UTF8 = { ...NO_LOCALE, LANG: "C.UTF-8" };

let tmp: string;
let noTable: string;

beforeAll(async () => {
  ensureBuilt();
  tmp = tempDir("jxmb-locale-");
  // Indicator columns without a value column: refused, naming the file, the sheet and the cell.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("县级表");
  ws.addRows([["项目绩效目标表"], ["项目名称", "乡村道路养护"], ["资金总额", "120万元"], ["一级指标", "二级指标", "三级指标", "预期成效"], ["产出指标", "数量指标", "养护里程", "≥35公里"]]);
  noTable = path.join(tmp, "本地表.xlsx");
  await wb.xlsx.writeFile(noTable);
}, 300_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe("choosing the language", () => {
  it("--lang values: zh, zh-CN, zh_CN, en, en-US, en_GB; anything else is not a language", () => {
    expect(["zh", "zh-CN", "ZH_cn", "zh-Hans-CN"].map(langOf)).toEqual(["zh", "zh", "zh", "zh"]);
    expect(["en", "en-US", "en_GB", "EN"].map(langOf)).toEqual(["en", "en", "en", "en"]);
    expect(["fr", "english", "", "zhongwen"].map(langOf)).toEqual([null, null, null, null]);
  });

  it("the environment: JXMB_LANG first, then LC_ALL, LC_MESSAGES, LANG; only en… is English", () => {
    expect(langFromEnv({})).toBe("zh");
    expect(langFromEnv({ LANG: "en_US.UTF-8" })).toBe("en");
    expect(langFromEnv({ LANG: "C.UTF-8" })).toBe("zh");
    expect(langFromEnv({ LANG: "C" })).toBe("zh");
    expect(langFromEnv({ LANG: "POSIX" })).toBe("zh");
    expect(langFromEnv({ LANG: "zh_CN.UTF-8" })).toBe("zh");
    expect(langFromEnv({ LANG: "en_US.UTF-8", LC_ALL: "C" })).toBe("zh"); // LC_ALL wins
    expect(langFromEnv({ LANG: "zh_CN.UTF-8", LC_MESSAGES: "en_GB.UTF-8" })).toBe("en");
    expect(langFromEnv({ LC_ALL: "en_US.UTF-8", JXMB_LANG: "zh" })).toBe("zh"); // JXMB_LANG first
    expect(langFromEnv({ LANG: "zh_CN.UTF-8", JXMB_LANG: "en" })).toBe("en");
    expect(langFromEnv({ JXMB_LANG: "", LANG: "en_US" })).toBe("en"); // empty = unset
  });

  it("--lang is taken anywhere before --, in both spellings; the last one wins", () => {
    expect(takeLangOption(["--lang", "en", "export", "a.xlsx"])).toEqual({ rest: ["export", "a.xlsx"], lang: "en", bad: null });
    expect(takeLangOption(["export", "a.xlsx", "--lang=zh-CN"])).toEqual({ rest: ["export", "a.xlsx"], lang: "zh", bad: null });
    expect(takeLangOption(["export", "--lang", "en", "--lang", "zh", "a.xlsx"]).lang).toBe("zh");
    expect(takeLangOption(["diff", "--", "--lang", "en"])).toEqual({ rest: ["diff", "--", "--lang", "en"], lang: null, bad: null });
    expect(takeLangOption(["export", "--lang", "fr"]).bad).toBe("fr");
    expect(takeLangOption(["export", "--lang"]).bad).toBe("");
  });

  it("a bad --lang value is a usage error (exit 2) in the environment's language", () => {
    const zh = jxmb(["export", SEED, "--lang", "fr"], { env: ZH });
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain("--lang 的值 “fr” 无效");
    const en = jxmb(["export", SEED, "--lang", "fr"], { env: EN_LANG });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('Invalid value "fr" for --lang');
    expect(jxmb(["export", SEED, "--lang"], { env: ZH }).stderr).toContain("--lang 需要一个值");
  });
});

describe("a status line comes in one language", () => {
  const runs: [string, string[], NodeJS.ProcessEnv, "zh" | "en"][] = [
    ["default (no locale)", [], ZH, "zh"],
    ["--lang en", ["--lang", "en"], EN_FLAG, "en"],
    ["--lang=en-US", ["--lang=en-US"], EN_FLAG, "en"],
    ["LANG=en_US.UTF-8", [], EN_LANG, "en"],
    ["LANG=C.UTF-8", [], C_UTF8, "zh"],
    ["JXMB_LANG=en", [], { ...NO_LOCALE, JXMB_LANG: "en" }, "en"],
    ["--lang zh over LANG=en_US.UTF-8", ["--lang", "zh"], EN_LANG, "zh"],
  ];
  it.each(runs)("export -o under %s", (label, extra, env, want) => {
    const out = path.join(tmp, `out-${label.replace(/\W+/g, "_")}.json`);
    const r = jxmb(["export", SEED, "-o", out, ...extra], { env });
    expect(r.code).toBe(0);
    // The seed's three read notes (rows split by a page break), then the status line: all in one language.
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(4);
    if (want === "zh") {
      expect(lines[3]).toBe(`已导出到 “${out}”。`);
      expect(lines[0]).toMatch(/^“.*seed-000\.xlsx” 读取提示：34\.2023 看守所交通费!A20：.*第 20 行是上一行被分页拆开的后半部分，已合并到第 17 行$/);
      expect(unquotedZh(r.stderr)).not.toMatch(ENGLISH_SENTENCE);
      expect(r.stderr).not.toMatch(/Exported|continues/);
    } else {
      expect(lines[3]).toBe(`Exported to "${out}".`);
      expect(lines[0]).toMatch(/^".*seed-000\.xlsx" read note: 34\.2023 看守所交通费!A20: row 20 continues row 17 across a page break; merged$/);
      expect(unquotedEn(r.stderr)).not.toMatch(CHINESE);
    }
  });

  it("the JSON is the same whatever the language", () => {
    const zh = jxmb(["export", SEED], { env: ZH });
    const en = jxmb(["export", SEED, "--lang", "en"], { env: EN_FLAG });
    expect(en.code).toBe(zh.code);
    expect(en.stdout).toBe(zh.stdout);
  });
});

describe("errors in both locales: same exit code, one language, no stack", () => {
  const missing = () => path.join(tmp, "没有这个文件.xlsx");
  const badJson = () => {
    const f = path.join(tmp, "坏的.json");
    fs.writeFileSync(f, '{"schemaVersion": 3, "projects": [');
    return f;
  };
  const wrongJson = () => {
    const f = path.join(tmp, "字段错.json");
    fs.writeFileSync(f, JSON.stringify({ fiscalYear: "明年", projects: 3 }));
    return f;
  };

  it("a missing file", () => {
    const zh = jxmb(["validate", missing()], { env: ZH });
    const en = jxmb(["validate", missing(), "--lang", "en"], { env: EN_FLAG });
    expect(zh.code).toBe(2);
    expect(en.code).toBe(2);
    expect(zh.stderr).toContain(`jxmb: 找不到文件 “${missing()}”。`);
    expect(zh.stderr).not.toContain("File not found");
    expect(en.stderr).toContain(`jxmb: File not found: "${missing()}".`);
    expect(unquotedEn(en.stderr)).not.toMatch(CHINESE);
    // The report on stdout says the same, in the same language.
    expect(zh.stdout).toContain("无法读取：找不到文件");
    expect(en.stdout).toContain(`  File not found: "${missing()}".`);
    expect(unquotedEn(en.stdout.split(missing()).join(""))).not.toMatch(CHINESE);
    for (const r of [zh, en]) expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it("a file that is not JSON, and JSON that is not a canonical document: every problem listed in the one language", () => {
    for (const make of [badJson, wrongJson]) {
      const f = make();
      const zh = jxmb(["import", f, "-o", path.join(tmp, "x.xlsx")], { env: ZH });
      const en = jxmb(["import", f, "-o", path.join(tmp, "x.xlsx")], { env: EN_LANG });
      expect(zh.code).toBe(2);
      expect(en.code).toBe(2);
      expect(zh.stderr).toContain(`“${f}” 不是有效的 JXMB 规范 JSON`);
      expect(en.stderr).toContain(`"${f}" is not valid JXMB canonical JSON:`);
      expect(unquotedZh(zh.stderr)).not.toMatch(ENGLISH_SENTENCE);
      expect(unquotedEn(en.stderr)).not.toMatch(CHINESE);
      // The same number of problems on either side.
      expect(en.stderr.split("\n").length).toBe(zh.stderr.split("\n").length);
      expect(fs.existsSync(path.join(tmp, "x.xlsx"))).toBe(false);
    }
    expect(jxmb(["import", wrongJson()], { env: EN_LANG }).stderr).toContain("field fiscalYear:");
  });

  it("a workbook refused for having no table names the file, the sheet and the cell in either language", () => {
    const zh = jxmb(["export", noTable], { env: ZH });
    const en = jxmb(["export", noTable], { env: EN_LANG });
    expect(zh.code).toBe(2);
    expect(en.code).toBe(2);
    expect(zh.stderr).toContain("“");
    expect(zh.stderr).toContain("本地表.xlsx");
    expect(zh.stderr).toContain("县级表!A4");
    expect(en.stderr).toContain(`No performance-target table found in "${noTable}"`);
    expect(en.stderr).toContain("县级表!A4");
    expect(unquotedEn(en.stderr)).not.toMatch(CHINESE);
    expect(unquotedZh(zh.stderr)).not.toMatch(ENGLISH_SENTENCE);
  });

  it("a usage error and its hint", () => {
    const zh = jxmb(["validate", SEED, "--fromat", "json"], { env: C_UTF8 });
    const en = jxmb(["validate", SEED, "--fromat", "json"], { env: EN_LANG });
    expect(zh.code).toBe(2);
    expect(en.code).toBe(2);
    expect(zh.stderr).toBe("jxmb: 命令 validate 不认识选项 --fromat。是否想用 --format？\n      运行 `jxmb help validate` 查看用法。\n");
    expect(en.stderr).toBe("jxmb: Unknown option --fromat for validate. Did you mean --format?\n      Run `jxmb help validate` for usage.\n");
  });
});

describe("help in one language", () => {
  const topics = [[], ["validate"], ["export"], ["template"], ["import"], ["diff"], ["seal"], ["verify"]];
  it.each(topics.map((t) => [t.join(" ") || "(general)", t] as [string, string[]]))("jxmb help %s", (_name, topic) => {
    const zh = jxmb(["help", ...topic], { env: C_UTF8 });
    const en = jxmb(["help", ...topic], { env: EN_LANG });
    expect(zh.code).toBe(0);
    expect(en.code).toBe(0);
    expect(zh.stdout).toMatch(/^(jxmb — 绩效目标表助手|用法：)/);
    expect(en.stdout).toMatch(/^(jxmb — performance-target|Usage: )/);
    expect(unquotedZh(zh.stdout)).not.toMatch(ENGLISH_SENTENCE);
    // Only quoted workbook text (default file names, sheet and cell text, a labels example) is Chinese.
    expect(unquotedEn(en.stdout)).not.toMatch(CHINESE);
    // Both say how to choose the language.
    expect(zh.stdout).toContain("--lang");
    expect(en.stdout).toContain("--lang");
  });
});

describe("the validate report in one language", () => {
  it("zh by default, en with --lang en: headings, severities, subtotals and totals; same exit code; JSON unchanged", () => {
    const zh = jxmb(["validate", SEED], { env: ZH });
    const en = jxmb(["validate", SEED, "--lang", "en"], { env: EN_FLAG });
    expect(en.code).toBe(zh.code);
    expect(zh.stdout).toMatch(/^文件：/);
    expect(zh.stdout).toMatch(/^  小计：\d+ 个项目；错误 \d+ 个，警告 \d+ 个，提示 \d+ 个。$/m);
    expect(zh.stdout).toMatch(/^合计：1 个文件（1 个已检查），/m);
    expect(zh.stdout).toContain("建议：");
    expect(zh.stdout).not.toMatch(/\[(Error|Warning|Info)\]|Subtotal|Total:/);
    expect(en.stdout).toMatch(/^File: /);
    expect(en.stdout).toMatch(/^  Subtotal: \d+ project\(s\); \d+ error\(s\), \d+ warning\(s\), \d+ info\.$/m);
    expect(en.stdout).toMatch(/^Total: 1 file\(s\) \(1 checked\), /m);
    expect(en.stdout).toMatch(/^  Project 3: 13032423P00442810100D 公安各项网络经费 \(sheet 3\.公安各项网络经费\)  — 3 to fix$/m);
    expect(en.stdout).not.toMatch(/\[(错误|警告|提示)\]|建议：|小计|合计：|项目 \d+：/);
    // Every finding line: an English severity and the rule's English message, values read back as written.
    const findingLines = en.stdout.split("\n").filter((l) => /^\s+\[/.test(l));
    expect(findingLines.length).toBeGreaterThan(10);
    for (const l of findingLines) expect(l).toMatch(/^\s+\[(Error|Warning|Info|Verified)\] /);
    expect(en.stdout).toContain("e.g. project 1: Numeric target “6座” of row 「数量指标 / 项目数量」 has no operator  (value/missing-operator)");
    // The 建议 comes in English too (fixEn), not dropped.
    expect(en.stdout).toContain("Suggestion: Fix each project. For example, project 1: Add an operator: “≥6座”");
    expect(en.stdout).toContain("'34.2023 看守所交通费'!A20  row 20 continues row 17 across a page break; merged  (read/problem)");
    // The frame (file, subtotal, total lines) has no Chinese.
    for (const l of en.stdout.split("\n").filter((x) => /^(File:|  Subtotal:|Total:|  No problems)/.test(x))) expect(unquotedEn(l.replace(SEED, ""))).not.toMatch(CHINESE);
    const jzh = jxmb(["validate", SEED, "--format", "json"], { env: ZH });
    const jen = jxmb(["validate", SEED, "--format", "json"], { env: EN_LANG });
    expect(jen.stdout).toBe(jzh.stdout);
    expect(jen.code).toBe(jzh.code);
  });

  it("Chinese output of every example (report, progress, read notes) has no English sentence and no English gloss", () => {
    const runs = [jxmb(["validate", ...exampleFiles(), "--jobs", "1"], { env: C_UTF8 }), ...exampleFiles().map((f) => jxmb(["export", f, "-o", path.join(tmp, "e.json"), "--force"], { env: C_UTF8 }))];
    for (const r of runs) {
      const text = unquotedZh(r.stdout + r.stderr);
      expect(text).not.toMatch(ENGLISH_SENTENCE);
      expect(text).not.toMatch(/（[A-Za-z][A-Za-z ,;:'-]{3,}）/);
      expect(text).not.toMatch(/^(jxmb: )?[A-Z][a-z]+ /m); // no English line (the old "Checked 6 files in …")
    }
    expect(runs[0].stdout).toMatch(/^合计：6 个文件（6 个已检查），/m);
  });

  it("several files: progress, the cross-file section and its summary in English", () => {
    const files = [path.join(EXAMPLES, "seed-002.xlsx"), path.join(EXAMPLES, "seed-004.xlsx")];
    const zh = jxmb(["validate", ...files, "--jobs", "1"], { env: ZH });
    const en = jxmb(["validate", ...files, "--jobs", "1"], { env: EN_LANG });
    expect(en.code).toBe(zh.code);
    expect(zh.stdout).toContain("跨文件检查（2 个文件，");
    expect(zh.stdout).toMatch(/^汇总：共收到 2 个文件/m);
    expect(en.stdout).toContain("Cross-file checks (2 file(s), ");
    expect(en.stdout).toMatch(/^Summary: 2 file\(s\) received, \d+ project\(s\), budget total [\d.]+ \(10,000 yuan\)\. In the files themselves: /m);
    expect(en.stdout).not.toMatch(/跨文件检查|汇总：|各文件：/);
    expect(en.stderr).toMatch(/^\[1\/2\] .*seed-002\.xlsx … \d+ project\(s\), \d+ error\(s\), \d+ warning\(s\), \d+ info$/m);
    expect(en.stderr).toMatch(/^Checked 2 files in [\d.]+ s \([\d.]+ files\/s\)\.$/m);
    expect(unquotedEn(en.stderr.split(EXAMPLES).join(""))).not.toMatch(CHINESE);
  });

  it("a finding in English: the English its rule reported, else the rule's sentence without values, never Chinese", () => {
    expect(findingEn({ ruleId: "read/problem", messageEn: "project name missing" })).toBe("project name missing");
    const [f] = validate(doc([project({ spendPlan: { mar: null, jun: 50, oct: 75, dec: 100, raw: { mar: null, jun: "50%", oct: "75%", dec: "100%" } } })]), { rules: ["spend-plan/missing"] }).findings;
    expect(findingEn(f)).toBe("Spending plan at end of March is blank");
    // No English given (a cross-file rule's own sentence): the rule's English, values left out.
    expect(findingEn({ ruleId: "spend-plan/missing" })).toBe("Spending plan point … is blank");
    expect(findingEn({ ruleId: "no/such-rule" })).toBe("no/such-rule");
  });
});

describe("diff, seal and verify in one language", () => {
  it("diff: the change list and the reply-email summary in English, the same exit code as in Chinese", () => {
    const a = path.join(tmp, "a.json");
    expect(jxmb(["export", path.join(EXAMPLES, "seed-002.xlsx"), "-o", a], { env: ZH }).code).toBe(0);
    const doc = JSON.parse(fs.readFileSync(a, "utf8")) as { projects: { budget: { total: number }; indicators: unknown[] }[] };
    doc.projects[0].budget.total += 5;
    doc.projects[0].indicators.shift();
    doc.projects.pop();
    const b = path.join(tmp, "b.json");
    fs.writeFileSync(b, JSON.stringify(doc));
    const zh = jxmb(["diff", a, b], { env: ZH });
    const en = jxmb(["diff", a, b], { env: EN_LANG });
    expect(zh.code).toBe(1);
    expect(en.code).toBe(1);
    expect(zh.stdout).toContain("项目：新增 0 个，删除 1 个，更名 0 个，内容有改动 1 个。");
    expect(zh.stdout).toContain("回复邮件摘要：\n经逐项比较，");
    expect(en.stdout).toMatch(/^Comparison: a\.json → b\.json\nProjects: 0 added, 1 removed, 0 renamed, 1 with changed content\.$/m);
    expect(en.stdout).toContain("  budget: 80 (10,000 yuan) → 85 (10,000 yuan)");
    expect(en.stdout).toContain("  indicator removed 产出指标/数量指标/排查重点人员数量 (target value was “= 100 %”)");
    expect(en.stdout).toMatch(/^\[Removed\] project 22 “.*” \(\[13081122P007775100014\]\): budget was 138 \(10,000 yuan\), 7 indicator\(s\)$/m);
    expect(en.stdout).toContain("Summary for the reply email:\nCompared item by item, the later version differs from the earlier one: 1 project(s) removed");
    // Outside quoted project names and the indicators' own labels (a/b/c paths of the workbook), no Chinese.
    expect(unquotedEn(en.stdout.replace(/产出指标\/数量指标\/排查重点人员数量/g, ""))).not.toMatch(CHINESE);
    const same = jxmb(["diff", a, a, "--lang", "en"], { env: ZH });
    expect(same.code).toBe(0);
    expect(same.stdout).toContain("No differences: projects, budgets, spending plans, goals and indicators are the same.");
    expect(jxmb(["diff", a, b, "--format", "json"], { env: EN_LANG }).stdout).toBe(jxmb(["diff", a, b, "--format", "json"], { env: ZH }).stdout);
  });

  it("seal and verify: status lines and verdicts in English; not sealed → exit 1 in either language", () => {
    const zh = jxmb(["verify", SEED], { env: ZH });
    const en = jxmb(["verify", SEED], { env: EN_LANG });
    expect(zh.code).toBe(1);
    expect(en.code).toBe(1);
    expect(zh.stdout).toBe("seed-000.xlsx：未校验\n没有找到校验印记（工作表 _jxmb_seal）：这份工作簿没有用 jxmb seal 校验并盖章过。\n");
    expect(en.stdout).toBe("seed-000.xlsx: not sealed\nNo validation seal found (sheet _jxmb_seal): this workbook was never checked and sealed with jxmb seal.\n");
    const sealed = path.join(tmp, "sealed.xlsx");
    const s = jxmb(["seal", path.join(EXAMPLES, "seed-002.xlsx"), "-o", sealed, "--lang", "en"], { env: ZH });
    expect(s.code).toBe(0);
    expect(s.stderr).toContain(`Checked and sealed into "${sealed}": 22 project(s), 181 indicator(s), `);
    expect(s.stderr).toMatch(/^Status cell ".*": a formula over \d+ cells shows "已校验且未修改" \(sealed, unchanged\)/m);
    expect(unquotedEn(s.stderr)).not.toMatch(CHINESE);
    const v = jxmb(["verify", sealed], { env: EN_LANG });
    expect(v.code).toBe(0);
    expect(v.stdout).toMatch(/^sealed\.xlsx: sealed and unchanged\nSealed at \S+; profile hebei, rule set \S+, template \S+\nWhen sealed: 22 project\(s\), 181 indicator\(s\), \d+ error\(s\), \d+ warning\(s\)\n$/);
  });
});
