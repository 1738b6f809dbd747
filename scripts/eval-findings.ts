// npm run eval:findings — validate against the reviewer labels in test/labels/ and print the table
// (recall per category, precision per severity, findings per project, multi-finding cells, 建议).
//   npm run eval:findings                 the table (developed-on set, held-out set, all)
//   npm run eval:findings -- --by-file    one column per labelled document as well
//   npm run eval:findings -- --missed     also every label no finding matched
//   npm run eval:findings -- --unmatched  also every finding that matched no label
//   npm run eval:findings -- --raw        every rule's own findings, without validate's precision stage
import { evaluate, formatTable, groupedResults } from "../bench/findings";

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const results = await evaluate(undefined, { raw: args.has("--raw") });
  if (results.length === 0) {
    console.error("eval:findings: test/labels/ 中没有 *.labels.json 标注文件");
    process.exit(1);
  }
  console.log(formatTable(groupedResults(results, args.has("--by-file"))));
  if (args.has("--missed")) {
    console.log("\n未找到的标注 (labels no finding matched):");
    for (const r of results) for (const l of r.missed) console.log(`  ${r.name} #${l.project ?? "-"} ${l.cell ?? "(project)"} [${l.category} ${l.severity}] ${l.note}`);
  }
  if (args.has("--unmatched")) {
    console.log("\n不对应任何标注的发现 (findings on no label):");
    for (const r of results) for (const f of r.unmatched) console.log(`  ${r.name} #${f.projectSeq ?? "-"} ${f.cell ?? "-"} ${f.severity} ${f.ruleId}: ${f.message}`);
    console.log("\n未计分的发现 (absence findings on a cut excerpt):");
    for (const r of results) for (const f of r.unscored) console.log(`  ${r.name} #${f.projectSeq ?? "-"} ${f.cell ?? "-"} ${f.severity} ${f.ruleId}: ${f.message}`);
  }
  if (args.has("--fixes")) {
    const count = new Map<string, number>();
    for (const r of results) for (const f of r.allFindings) if (f.fix) count.set(f.fix, (count.get(f.fix) ?? 0) + 1);
    console.log("\n最常见的建议 (most repeated fixes):");
    for (const [fix, n] of [...count].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${n}× ${fix}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
