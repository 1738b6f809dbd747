/**
 * The pane and page show a finding in the UI's language: en-US the English its rule reported (message
 * and 建议), zh-CN the Chinese. Checked on the findings of a real example workbook.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { loadGrid } from "../../src/xlsx/read";
import { readWorkbook } from "../../src/model/read";
import { validate } from "../../src/model/validate";
import { findingText } from "../../src/taskpane/i18n";
import { cjkOutsideQuotes } from "../helpers/english";

test("seed-002: en-US shows every finding's English message and 建议, zh-CN the Chinese", async () => {
  const file = path.resolve(__dirname, "..", "..", "examples", "seed-002.xlsx");
  const grid = await loadGrid(fs.readFileSync(file), { fileName: "seed-002.xlsx" });
  const { document } = readWorkbook(grid);
  const findings = validate(document).findings;
  expect(findings.length).toBeGreaterThan(10);
  const names = document.projects.flatMap((p) => [p.source?.sheet, p.name, p.code]);
  for (const f of findings) {
    const en = findingText(f, "en-US");
    expect(en.message).toBe(f.messageEn);
    expect(cjkOutsideQuotes(en.message, names)).toBe("");
    if (f.fix !== undefined) {
      expect(en.fix).toBe(f.fixEn);
      expect(cjkOutsideQuotes(en.fix ?? "", names)).toBe("");
    }
    expect(findingText(f, "zh-CN")).toEqual({ message: f.message, fix: f.fix });
  }
});
