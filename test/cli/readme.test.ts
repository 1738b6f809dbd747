/**
 * The README's CLI block against what the built binary says about itself: a clerk copies a line from the
 * README, so every option it shows must be one the command takes (named in `jxmb help <command>`, zh and en),
 * an option the README shows as required must not be optional in `jxmb --help`, and the options of the
 * `jxmb --help` synopsis must all appear on the README's line. Every `npm run X` in README.md and docs/ exists.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { ensureBuilt, jxmb, ROOT } from "./helpers";

beforeAll(() => ensureBuilt(), 300_000);

const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

/** Options of a synopsis line, each with whether it sits inside [ ] (optional). */
function options(line: string): Map<string, boolean> {
  const out = new Map<string, boolean>();
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "[") depth++;
    else if (c === "]") depth--;
    else if (c === "-" && line[i + 1] === "-" && /[\s[]/.test(line[i - 1] ?? " ")) {
      const name = /^--[a-z][a-z-]*/.exec(line.slice(i))![0];
      if (!out.has(name) || depth > 0) out.set(name, depth > 0);
      i += name.length - 1;
    }
  }
  return out;
}

/** The README's `npx jxmb <command> …` lines (a line continued with "\" is joined), by command. */
function readmeLines(): { cmd: string; line: string }[] {
  const block = /## 命令行 \/ CLI\s+```bash\n([\s\S]*?)```/.exec(readme);
  expect(block).not.toBeNull();
  const joined = block![1].replace(/\\\n\s*/g, " ");
  return joined
    .split("\n")
    .map((l) => l.replace(/\s+#.*$/, ""))
    .map((l) => /^npx jxmb ([a-z]+)\b(.*)$/.exec(l.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ cmd: m[1], line: m[2] }));
}

/** The synopsis lines of `jxmb --help` for one command. */
function helpSynopsis(cmd: string): string[] {
  const r = jxmb(["--help"]);
  expect(r.code).toBe(0);
  return r.stdout.split("\n").filter((l) => new RegExp(`^\\s+jxmb ${cmd}\\b`).test(l));
}

describe("README's CLI block agrees with the binary", () => {
  const lines = readmeLines();

  it("shows every command the binary has", () => {
    expect(new Set(lines.map((l) => l.cmd))).toEqual(new Set(["validate", "export", "template", "import", "diff", "seal", "verify"]));
  });

  it.each(["zh", "en"])("every option on a README line is one `jxmb help <command> --lang %s` names", (lang) => {
    const unknown: string[] = [];
    for (const { cmd, line } of lines) {
      const r = jxmb(["help", cmd, "--lang", lang]);
      expect(r.code).toBe(0);
      for (const name of options(line).keys()) if (!new RegExp(`${name}(?![a-z-])`).test(r.stdout)) unknown.push(`${cmd} ${name}`);
    }
    expect(unknown).toEqual([]);
  });

  it("an option the README shows as required is required in `jxmb --help`, and the synopsis' options are on the README line", () => {
    const wrong: string[] = [];
    for (const cmd of new Set(lines.map((l) => l.cmd))) {
      const readmeOpts = new Map<string, boolean>();
      for (const l of lines.filter((x) => x.cmd === cmd)) for (const [k, v] of options(l.line)) readmeOpts.set(k, (readmeOpts.get(k) ?? true) && v);
      for (const syn of helpSynopsis(cmd)) {
        for (const [name, optional] of options(syn)) {
          if (!readmeOpts.has(name)) wrong.push(`${cmd}: ${name} is in jxmb --help, not in the README`);
          else if (optional && readmeOpts.get(name) === false) wrong.push(`${cmd}: README shows ${name} as required, jxmb --help as optional`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

test("every `npm run X` in README.md and docs/*.md is a script in package.json", () => {
  const scripts = Object.keys(JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).scripts as Record<string, string>);
  const docs = fs
    .readdirSync(path.join(ROOT, "docs"))
    .filter((n) => n.endsWith(".md"))
    .map((n) => fs.readFileSync(path.join(ROOT, "docs", n), "utf8"));
  const named = new Set([readme, ...docs].flatMap((t) => [...t.matchAll(/npm run ([a-z][a-z:-]*)/g)].map((m) => m[1])));
  expect(named.size).toBeGreaterThan(5);
  expect([...named].filter((n) => !scripts.includes(n))).toEqual([]);
});

test("README's first command, npm run example: exit 0, the files it names exist, said in one language", () => {
  for (const lang of ["zh", "en"]) {
    const r = spawnSync(process.execPath, [path.join(ROOT, "lib", "cli", "example.js")], { cwd: ROOT, encoding: "utf8", env: { ...process.env, JXMB_LANG: lang }, timeout: 240_000 });
    expect(r.status).toBe(0);
    const listed = r.stdout.split(lang === "zh" ? "示例输出：" : "Example outputs:")[1].trim().split("\n");
    expect(listed.map((l) => l.trim().split(/\s+/)[0])).toEqual(expect.arrayContaining(["out/validate-report.txt", "out/validate-report.json", "out/seed-000.json"]));
    for (const l of listed) expect(fs.existsSync(path.join(ROOT, l.trim().split(/\s+/)[0]))).toBe(true);
    if (lang === "zh") expect(listed.filter((l) => /\bexit\b/.test(l))).toEqual([]);
    else expect(listed.filter((l) => /[\u4e00-\u9fff（]/.test(l))).toEqual([]);
  }
}, 300_000);
