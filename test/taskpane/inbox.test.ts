/**
 * The pane's inbox over real documents: seed 002 submitted twice (two units sending the same file) plus a file
 * that cannot be read → each file checked, the cross-file rules find the duplicated codes, the unreadable file
 * is listed with its reason, the merged document holds both files' projects, and the JSON report parses.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read/index";
import { inboxJsonText, inboxOf, mergedJsonText } from "../../src/taskpane/roundtrip/inbox";
import { parseCanonicalJson } from "../../src/model/canonical";

test("seed 002 twice + an unreadable file: duplicated codes across files, the unreadable one named, merged and JSON", async () => {
  const grid = await loadGrid(readFileSync(join(__dirname, "../../examples/seed-002.xlsx")), { fileName: "seed-002.xlsx" });
  const document = readWorkbook(grid).document;
  const r = inboxOf([
    { file: "一单位.xlsx", document },
    { file: "二单位.xlsx", document },
    { file: "坏文件.xlsx", error: "“坏文件.xlsx”不是 .xlsx 工作簿" },
  ]);
  const cross = r.rows.filter((x) => x.crossFile);
  expect(cross.length).toBeGreaterThan(0);
  expect(cross.every((x) => x.ruleId.startsWith("inbox/"))).toBe(true);
  expect(cross.some((x) => x.ruleId === "inbox/code-duplicate" && x.file === "二单位.xlsx" && x.related.includes("一单位.xlsx"))).toBe(true);
  expect(r.outcomes.map((o) => [o.file, o.projects, o.error ?? null])).toEqual([
    ["一单位.xlsx", 22, null],
    ["二单位.xlsx", 22, null],
    ["坏文件.xlsx", 0, "“坏文件.xlsx”不是 .xlsx 工作簿"],
  ]);
  expect(r.rows.some((x) => x.file === "坏文件.xlsx" && x.message.startsWith("无法读取"))).toBe(true);
  expect(r.summary).toMatch(/^共收到 3 个文件（1 个无法读取，未参加跨文件检查），44 个项目/);
  const merged = parseCanonicalJson(mergedJsonText(r));
  expect(merged.ok && merged.document.projects.length).toBe(44);
  const json = JSON.parse(inboxJsonText(r));
  expect(json.projects).toBe(44);
  expect(json.findings.length).toBe(r.rows.length);
});
