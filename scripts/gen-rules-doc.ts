// Regenerates docs/rules.md from the rule modules' meta (npm run docs:rules).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { rulesMarkdown } from "../src/model/rules-doc";

const out = join(__dirname, "..", "docs", "rules.md");
writeFileSync(out, rulesMarkdown());
console.log(`wrote ${out}`);
