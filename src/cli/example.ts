/**
 * `npm run example`: run the built CLI over examples/*.xlsx the way a user would, and leave the
 * results in out/. The examples are real, messy tables, so findings (exit code 1) are expected and
 * fine; only an unreadable example or a crash (exit code 2) fails this script.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { langFromEnv, setLang, tr } from "./locale";

const root = path.resolve(__dirname, "..", "..");
const bin = path.join(root, "bin", "jxmb.js");
const examplesDir = path.join(root, "examples");
const outDir = path.join(root, "out");

function jxmb(args: string[]): number {
  const res = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: ["ignore", "inherit", "inherit"] });
  if (res.error) throw res.error;
  return res.status ?? 2;
}

function main(): number {
  const examples = fs.existsSync(examplesDir)
    ? fs
        .readdirSync(examplesDir)
        .filter((n) => /\.(xlsx|xlsm)$/i.test(n) && !n.startsWith("~$"))
        .sort()
    : [];
  if (examples.length === 0) {
    console.error(tr("examples/ 中没有 .xlsx 示例文件。", "No .xlsx example in examples/."));
    return 1;
  }
  fs.mkdirSync(outDir, { recursive: true });
  const rel = (p: string) => path.relative(root, p);
  const inputs = examples.map((n) => rel(path.join(examplesDir, n)));
  const written: string[] = [];
  let failed = false;

  for (const format of ["text", "json"] as const) {
    const out = path.join(outDir, `validate-report.${format === "text" ? "txt" : "json"}`);
    const code = jxmb(["validate", ...inputs, "--format", format, "--output", rel(out), "--force"]); // out/ is regenerated
    if (code === 2) failed = true;
    written.push(`${rel(out)}  ${tr(`（validate --format ${format}，退出码 ${code}${code === 1 ? "：发现错误，示例表本来就有" : ""}）`, `(validate --format ${format}, exit ${code}${code === 1 ? ": errors found, as expected of these real tables" : ""})`)}`);
  }
  for (const input of inputs) {
    const out = path.join(outDir, `${path.basename(input).replace(/\.(xlsx|xlsm)$/i, "")}.json`);
    const code = jxmb(["export", input, "--output", rel(out), "--force"]);
    if (code !== 0) failed = true;
    written.push(`${rel(out)}  ${tr(`（export，退出码 ${code}）`, `(export, exit ${code})`)}`);
  }

  console.log(tr("\n示例输出：", "\nExample outputs:"));
  for (const w of written) console.log(`  ${w}`);
  if (failed) {
    console.error(tr("有示例无法读取（退出码 2），见上方消息。", "Some example could not be read (exit 2); see the messages above."));
    return 1;
  }
  return 0;
}

// The same language as the CLI it runs (which reads the same environment).
setLang(langFromEnv(process.env));
process.exitCode = main();
