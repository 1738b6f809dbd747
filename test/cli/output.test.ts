/**
 * Outputs never destroy anything (issue 10, root causes 1–3), through the BUILT binary:
 *  - every output of every command refuses an existing file without --force, and never replaces an input;
 *  - devices, FIFOs and /dev/stdout aliases are written in place (they stay what they were), also for a
 *    user who cannot write to the current folder; plain files atomically via a short temp name;
 *  - every failed write (a full disk: /dev/full) is exit 2 with a Chinese message, nothing half-written.
 */
import { spawn, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { BIN, ensureBuilt, EXAMPLES, jxmb, ROOT, STACK_LINE, tempDir } from "./helpers";

jest.setTimeout(180_000);

const SEED = path.join(EXAMPLES, "seed-000.xlsx");
const CJK = /[\u4e00-\u9fff]/;
let tmp: string;
let json: string; // a canonical JSON exported once, the input of the import cases

beforeAll(() => {
  ensureBuilt();
  tmp = tempDir("jxmb-out-");
  json = path.join(tmp, "种子.json");
  expect(jxmb(["export", SEED, "-o", json]).code).toBe(0);
});

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A fresh folder for one case. */
function dir(): string {
  return fs.mkdtempSync(path.join(tmp, "d-"));
}

const HAND_EDITED = "手工编辑的内容，不能丢。\n";

describe("an existing file is never replaced without --force", () => {
  const commands: [string, (out: string) => string[]][] = [
    ["validate -o 说明.docx", (out) => ["validate", SEED, "-o", out]],
    ["validate --format json -o", (out) => ["validate", SEED, "--format", "json", "-o", out]],
    ["export -o 数据.json", (out) => ["export", SEED, "-o", out]],
    ["import -o 工作簿.xlsx", (out) => ["import", json, "-o", out]],
    ["template -o 模板.xlsx", (out) => ["template", "-o", out]],
  ];
  it.each(commands)("%s: exit 2 naming the file, the file untouched; --force replaces it", (label, args) => {
    const d = dir();
    const out = path.join(d, label.includes("说明") ? "说明.docx" : "数据.json");
    fs.writeFileSync(out, HAND_EDITED);
    fs.chmodSync(out, 0o640);
    const refused = jxmb(args(out));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`“${out}” 已存在`);
    expect(refused.stderr).toContain("--force");
    expect(refused.stderr).not.toMatch(STACK_LINE);
    expect(fs.readFileSync(out, "utf8")).toBe(HAND_EDITED);
    const forced = jxmb([...args(out), "--force"]);
    expect([0, 1]).toContain(forced.code); // validate: the seed has findings (exit 1)
    expect(fs.readFileSync(out, "utf8")).not.toBe(HAND_EDITED);
    expect(fs.statSync(out).mode & 0o777).toBe(0o640); // the replacement keeps the old file's permissions
    expect(fs.readdirSync(d)).toEqual([path.basename(out)]); // no temp file left behind
  });

  it("the import's default output (the JSON's name with .xlsx) is protected as well", () => {
    const d = dir();
    const input = path.join(d, "数据.json");
    fs.copyFileSync(json, input);
    fs.writeFileSync(path.join(d, "数据.xlsx"), HAND_EDITED);
    const r = jxmb(["import", input]);
    expect(r.code).toBe(2);
    expect(fs.readFileSync(path.join(d, "数据.xlsx"), "utf8")).toBe(HAND_EDITED);
  });

  it("an input is never the output, whatever its name (symlink, hard link), not even with --force", () => {
    const d = dir();
    const input = path.join(d, "表.xlsx");
    fs.copyFileSync(SEED, input);
    fs.symlinkSync(input, path.join(d, "链接.json"));
    fs.linkSync(input, path.join(d, "硬链接.json"));
    const before = fs.readFileSync(input);
    for (const out of ["链接.json", "硬链接.json"]) {
      const r = jxmb(["export", input, "-o", path.join(d, out), "--force"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain("就是输入文件");
    }
    expect(fs.readFileSync(input).equals(before)).toBe(true);
  });

  it("the refusal comes before the work: a folder of files is not checked only to be refused at the end", () => {
    const d = dir();
    const out = path.join(d, "report.txt");
    fs.writeFileSync(out, HAND_EDITED);
    const r = jxmb(["validate", EXAMPLES, "--jobs", "1", "-o", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain("已检查"); // no progress: nothing was read
  });

  it("--force is documented in every command's --help, in Chinese and with --lang en in English", () => {
    for (const cmd of ["validate", "export", "template", "import"]) {
      expect(jxmb(["help", cmd]).stdout).toMatch(/--force\s+覆盖已存在的/);
      expect(jxmb(["help", cmd, "--lang", "en"]).stdout).toMatch(/--force\s+overwrite an existing/);
    }
  });
});

describe("special files are written in place, plain files atomically", () => {
  it("-o /dev/null works for a user who cannot write to the current folder, and /dev/null stays a device", () => {
    const d = dir();
    fs.chmodSync(tmp, 0o755);
    fs.chmodSync(d, 0o755);
    const input = path.join(d, "表.xlsx");
    fs.copyFileSync(SEED, input);
    fs.chmodSync(input, 0o644);
    fs.chmodSync(d, 0o555); // not writable by anyone but root
    // As root, run as "nobody" (65534), so the folder really is not writable; otherwise we are not root already.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    for (const args of [["export", input, "-o", "/dev/null"], ["validate", input, "-o", "/dev/null"], ["template", "-o", "/dev/null"], ["import", json, "-o", "/dev/null"]]) {
      const r = spawnSync(process.execPath, [BIN, ...args], { cwd: d, encoding: "utf8", env: { ...process.env, JXMB_DEBUG: "" }, ...asUser });
      expect(r.stderr).not.toMatch(/jxmb: /);
      expect([0, 1]).toContain(r.status);
    }
    expect(fs.statSync("/dev/null").isCharacterDevice()).toBe(true);
    fs.chmodSync(d, 0o755);
  });

  it("a FIFO gets the bytes and stays a FIFO", async () => {
    const d = dir();
    const fifo = path.join(d, "管道.json");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const reader = spawn("cat", [fifo]);
    let got = "";
    reader.stdout.setEncoding("utf8").on("data", (c: string) => (got += c));
    const done = new Promise((resolve) => reader.on("close", resolve));
    const r = jxmb(["export", SEED, "-o", fifo]);
    await done;
    expect(r.code).toBe(0);
    expect(JSON.parse(got)).toHaveProperty("projects");
    expect(fs.lstatSync(fifo).isFIFO()).toBe(true);
  });

  it("a symlink to /dev/stdout sends the output to stdout and stays a symlink", () => {
    const d = dir();
    const link = path.join(d, "out.json");
    fs.symlinkSync("/dev/stdout", link);
    const r = jxmb(["export", SEED, "-o", link]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveProperty("projects");
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readlinkSync(link)).toBe("/dev/stdout");
  });

  it("a symlink to a regular file: --force replaces the file it points to, the link stays", () => {
    const d = dir();
    const real = path.join(d, "真.json");
    const link = path.join(d, "链.json");
    fs.writeFileSync(real, HAND_EDITED);
    fs.symlinkSync("真.json", link);
    expect(jxmb(["export", SEED, "-o", link]).code).toBe(2);
    expect(fs.readFileSync(real, "utf8")).toBe(HAND_EDITED);
    expect(jxmb(["export", SEED, "-o", link, "--force"]).code).toBe(0);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(JSON.parse(fs.readFileSync(real, "utf8"))).toHaveProperty("projects");
  });

  it("an 80-character Chinese file name works for every command (the temp name is short)", () => {
    const d = dir();
    const stem = "绩效目标表".repeat(16); // 80 characters, 240 bytes in UTF-8
    for (const [args, name] of [
      [["export", SEED], `${stem}.json`],
      [["validate", SEED], `${stem}.txt`],
      [["import", json], `${stem}.xlsx`],
    ] as const) {
      const out = path.join(d, name);
      const r = jxmb([...args, "-o", out]);
      expect([0, 1]).toContain(r.code);
      expect(r.stderr).not.toContain("ENAMETOOLONG");
      expect(fs.statSync(out).size).toBeGreaterThan(0);
    }
    expect(fs.readdirSync(d).sort()).toEqual([`${stem}.json`, `${stem}.txt`, `${stem}.xlsx`].sort());
  });

  it("a folder as output is refused by name", () => {
    const r = jxmb(["export", SEED, "-o", dir(), "--force"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("是文件夹");
  });
});

describe("a failed write is exit 2 with a Chinese message", () => {
  function withStdout(file: string, args: string[]) {
    const fd = fs.openSync(file, "w");
    try {
      return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", fd, "pipe"], env: { ...process.env, JXMB_DEBUG: "" } });
    } finally {
      fs.closeSync(fd);
    }
  }

  it.each([
    ["export > /dev/full", ["export", SEED]],
    ["validate > /dev/full", ["validate", SEED]],
    ["validate --format json > /dev/full", ["validate", SEED, "--format", "json"]],
  ])("%s", (_label, args) => {
    const r = withStdout("/dev/full", args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("磁盘空间不足");
    expect(r.stderr).toMatch(CJK);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it.each([
    ["export -o /dev/full", ["export", SEED, "-o", "/dev/full"]],
    ["validate -o /dev/full", ["validate", SEED, "-o", "/dev/full"]],
    ["template -o /dev/full", ["template", "-o", "/dev/full"]],
  ])("%s names the file", (_label, args) => {
    const r = jxmb(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("磁盘空间不足，无法写入 “/dev/full”");
    expect(fs.statSync("/dev/full").isCharacterDevice()).toBe(true);
  });

  it("a reader that goes away (| head) is not an error", () => {
    const r = spawnSync("bash", ["-c", `"${process.execPath}" "${BIN}" export "${SEED}" | head -c 10 >/dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: "utf8" });
    expect(r.stdout.trim()).toBe("0");
    expect(r.stderr).not.toMatch(/jxmb: |EPIPE/);
  });
});
