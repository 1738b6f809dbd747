import { readFileSync } from "node:fs";
import { join } from "node:path";
import { rulesMarkdown } from "../../src/model/rules-doc";
import { listRules } from "../../src/model/validate";

describe("docs/rules.md", () => {
  it("is current with the rule modules (run `npm run docs:rules` when this fails)", () => {
    expect(readFileSync(join(__dirname, "..", "..", "docs", "rules.md"), "utf8")).toBe(rulesMarkdown());
  });
  it("lists every rule id once with its severity in every profile", () => {
    const md = rulesMarkdown();
    for (const r of listRules()) {
      const row = md.split("\n").find((l) => l.startsWith(`| \`${r.id}\` |`));
      expect(row).toBeDefined();
      expect(row!.split("|").slice(4, 7).map((s) => s.trim())).toEqual(
        (["hebei", "ningxia", "central-2021"] as const).map((p) => ({ error: "错误", warning: "警告", info: "提示", off: "关闭" })[r.profiles[p]]),
      );
    }
  });
});
