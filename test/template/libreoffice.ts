/**
 * Run LibreOffice headless on bytes: `soffice --convert-to <fmt>` in a private, throw-away profile
 * whose settings force a full recalculation on load. LibreOffice 7.4's default for .xlsx is "never
 * recalculate" (Tools ▸ Options ▸ Calc ▸ Formula ▸ Recalculation on file load) and it ignores the
 * workbook's fullCalcOnLoad flag, so without this the conversion would just echo the cached values.
 * Shared by the LibreOffice test and scripts/render-template-png.ts.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

const RECALC_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export function sofficePath(): string | null {
  for (const p of ["/usr/bin/soffice", "/usr/local/bin/soffice", "/usr/lib/libreoffice/program/soffice"]) if (fs.existsSync(p)) return p;
  return null;
}

/** Convert each input (name → bytes) to `format` ("xlsx", "pdf"); returns name → output bytes. */
export function convertWithLibreOffice(inputs: Record<string, Uint8Array>, format: string, timeoutMs = 180_000): Record<string, Uint8Array> {
  const soffice = sofficePath();
  if (!soffice) throw new Error("LibreOffice (soffice) not found");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jxmb-lo-"));
  try {
    const profile = path.join(dir, "profile");
    fs.mkdirSync(path.join(profile, "user"), { recursive: true });
    fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), RECALC_XCU);
    const inDir = path.join(dir, "in");
    const outDir = path.join(dir, "out");
    fs.mkdirSync(inDir);
    const files = Object.entries(inputs).map(([name, bytes]) => {
      const f = path.join(inDir, `${name}.xlsx`);
      fs.writeFileSync(f, bytes);
      return f;
    });
    const res = spawnSync(
      soffice,
      [`-env:UserInstallation=file://${profile}`, "--headless", "--norestore", "--nologo", "--convert-to", format, "--outdir", outDir, ...files],
      { timeout: timeoutMs, encoding: "utf8", env: { ...process.env, HOME: dir } },
    );
    if (res.error) throw res.error;
    const out: Record<string, Uint8Array> = {};
    for (const name of Object.keys(inputs)) {
      const f = path.join(outDir, `${name}.${format}`);
      if (!fs.existsSync(f)) throw new Error(`LibreOffice produced no ${name}.${format}: ${res.stderr}\n${res.stdout}`);
      out[name] = new Uint8Array(fs.readFileSync(f));
    }
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
