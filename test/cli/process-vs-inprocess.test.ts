/**
 * `jxmb export`, `jxmb verify` and `jxmb validate` of one file, as processes (bin/jxmb.js, runCli), give the same
 * canonical JSON and the same report as the in-process pipeline for every example and for a template workbook.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { exportWorkbook } from "../../src/cli/pipeline";
import { renderTemplate } from "../../src/model/write";
import { writeTemplateBook } from "../../src/xlsx/write";
import { syntheticDocument } from "../helpers/synthetic";
import { runMain } from "../helpers/run-main";
import { ensureBuilt, exampleFiles, jxmb, tempDir } from "./helpers";

let tmp: string;
let template: string;

beforeAll(async () => {
  ensureBuilt();
  tmp = tempDir();
  template = path.join(tmp, "template-40.xlsx");
  fs.writeFileSync(template, await writeTemplateBook(renderTemplate(syntheticDocument(40, 10), {})));
}, 300_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

it("the export process writes what the in-process pipeline writes (examples and a template workbook)", async () => {
  const files = [...exampleFiles(), template];
  expect(files.length).toBeGreaterThanOrEqual(7);
  for (const f of files) {
    const r = jxmb(["export", f]);
    expect([f, r.code]).toEqual([f, 0]);
    const { json } = await exportWorkbook(fs.readFileSync(f), f);
    expect(r.stdout === json ? f : `${f} differs`).toBe(f);
  }
});

it("a validate process of one file reports what main() in-process reports (examples and a template workbook)", async () => {
  for (const f of [...exampleFiles(), template]) {
    const r = jxmb(["validate", f, "--format", "json"]);
    const inProcess = await runMain(["validate", f, "--format", "json"]);
    expect([f, r.code, r.stdout.length > 100]).toEqual([f, inProcess.code, true]);
    expect(r.stdout === inProcess.out ? f : `${f} differs`).toBe(f);
  }
});

it("a verify process reports what main() in-process reports (a sealed template workbook)", async () => {
  const sealed = path.join(tmp, "sealed.xlsx");
  expect((await runMain(["seal", template, "-o", sealed])).code).toBe(0);
  const r = jxmb(["verify", sealed, "--format", "json"]);
  const inProcess = await runMain(["verify", sealed, "--format", "json"]);
  expect([r.code, r.stdout]).toEqual([inProcess.code, inProcess.out]);
  expect(JSON.parse(r.stdout)).toMatchObject({ summary: null, changes: null });
});
