/**
 * What a clerk sees first: `jxmb template`, then `jxmb validate` on the untouched template. Every finding says
 * what to fill in (a 建议 / Suggestion), and the English report has no "…" where the rule's words could not be read back.
 */
import * as path from "node:path";
import { ensureBuilt, jxmb, tempDir } from "./helpers";

beforeAll(() => ensureBuilt(), 300_000);

test.each(["hebei", "central-2021"])("a blank %s template: each finding has a suggestion, zh and en, and whole English", (profile) => {
  const file = path.join(tempDir(), "模板.xlsx");
  expect(jxmb(["template", "--profile", profile, "-o", file]).code).toBe(0);
  for (const lang of ["zh", "en"]) {
    const r = jxmb(["validate", file, "--lang", lang]);
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    const findings = lines.map((l, i) => ({ l, next: lines[i + 1] ?? "" })).filter((x) => /^\s+\[(错误|警告|提示|Error|Warning|Info)\]/.test(x.l));
    expect(findings.length).toBeGreaterThanOrEqual(5);
    for (const f of findings) expect([f.l, f.next]).toEqual([f.l, expect.stringMatching(lang === "zh" ? /^\s+建议：\S/ : /^\s+Suggestion: \S/)]);
    if (lang === "en") expect(findings.filter((f) => f.l.includes("…")).map((f) => f.l)).toEqual([]);
  }
});
