/**
 * Every registered rule has a RuleTester block with at least one valid and one invalid case, in a
 * test file of its group (test/rules/<group>.test.ts); other files may add more blocks for the same
 * rule (self-eval-rules.test.ts). Read from the test sources, so a new rule without tests fails here.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { RULE_IDS } from "../../src/model/rules";

const DIR = __dirname;

/** The group-file block of each rule (other files' blocks for the same rule are extra coverage). */
function blocks(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fs.readdirSync(DIR)) {
    if (!f.endsWith(".test.ts")) continue;
    const text = fs.readFileSync(path.join(DIR, f), "utf8");
    const re = /ruleTester\("([^"]+)",/g;
    const starts: { id: string; at: number }[] = [];
    for (let m = re.exec(text); m; m = re.exec(text)) starts.push({ id: m[1], at: m.index });
    starts.forEach((s, i) => {
      const block = `${f}\n${text.slice(s.at, i + 1 < starts.length ? starts[i + 1].at : text.length)}`;
      if (f === `${s.id.split("/")[0]}.test.ts` || !out.has(s.id)) out.set(s.id, block);
    });
  }
  return out;
}

const all = blocks();

test.each([...RULE_IDS])("%s has valid and invalid cases in its group's test file", (id) => {
  const block = all.get(id);
  expect(block).toBeDefined();
  const [file, body] = [block!.slice(0, block!.indexOf("\n")), block!.slice(block!.indexOf("\n") + 1)];
  expect(file).toBe(`${id.split("/")[0]}.test.ts`);
  // A case may be preceded by comments naming its seed.
  expect(body).toMatch(/\bvalid: \[\s*(?:\/\/[^\n]*\n\s*)*\{/);
  expect(body).toMatch(/\binvalid: \[\s*(?:\/\/[^\n]*\n\s*)*\{/);
});

test("no RuleTester block names an unknown rule", () => {
  for (const id of all.keys()) expect(RULE_IDS).toContain(id);
});
