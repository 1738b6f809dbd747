/**
 * Every rule finding on the example workbooks and the public corpus says its message and 建议 in
 * English at the source (the en-US report, pane and page show it): no Chinese outside quoted workbook
 * text and the workbook's own names; grouped findings' places too.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { analyseWorkbook } from "../../src/cli/pipeline";
import { RULE_IDS } from "../../src/model/rules";
import { englishProblems } from "./rule-tester";
import { cjkOutsideQuotes } from "../helpers/english";

const ROOT = path.resolve(__dirname, "..", "..");
const FILES = [
  ...fs.readdirSync(path.join(ROOT, "examples")).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(ROOT, "examples", f)),
  ...fs.readdirSync(path.join(ROOT, "test", "corpus", "workbooks")).filter((f) => f.endsWith(".xlsx")).map((f) => path.join(ROOT, "test", "corpus", "workbooks", f)),
];

describe("findings in English on examples + corpus", () => {
  test("the helper keeps quoted text and names, and catches Chinese elsewhere", () => {
    expect(cjkOutsideQuotes("Target “有效提升” of row 「数量指标 / 采购」 is vague")).toBe("");
    expect(cjkOutsideQuotes("No cost (成本) indicator")).not.toBe("");
    expect(cjkOutsideQuotes("Sheet 项目1 is empty", ["项目1"])).toBe("");
    expect(cjkOutsideQuotes("Budget 0 ≠ 90（合计 90）")).not.toBe("");
  });

  test("every rule finding's message and 建议 in English", async () => {
    const problems: string[] = [];
    let checked = 0;
    for (const file of FILES) {
      const a = await analyseWorkbook(fs.readFileSync(file), path.basename(file));
      const names = [path.basename(file), ...a.document.projects.flatMap((p) => [p.source?.sheet, p.name, p.code])];
      for (const f of a.findings) {
        if (!RULE_IDS.includes(f.ruleId)) continue; // read problems carry the reader's own gloss
        checked++;
        for (const p of englishProblems(f, names)) problems.push(`${path.basename(file)} ${f.cell ?? "-"} ${p}`);
        for (const l of f.locations ?? []) {
          if (l.message !== undefined && (l.messageEn === undefined || cjkOutsideQuotes(l.messageEn, names))) problems.push(`${path.basename(file)} ${l.cell} location: ${l.messageEn ?? "(none)"}`);
          if (l.fix !== undefined && (l.fixEn === undefined || cjkOutsideQuotes(l.fixEn, names))) problems.push(`${path.basename(file)} ${l.cell} location fix: ${l.fixEn ?? "(none)"}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(400);
    expect(problems).toEqual([]);
  }, 120_000);
});
