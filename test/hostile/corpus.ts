/**
 * The hostile-workbook corpus, generated at test time (deterministic, nothing checked in): every way
 * an attachment can be wrong, broken, huge or crafted, plus odd-but-valid workbooks that must read.
 * Malformed zips are written by hand (zip.ts) so they can lie about sizes, names and flags.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import ExcelJS from "exceljs";
import type { WorkbookReadErrorKind } from "../../src/xlsx/guard";
import type { LimitName } from "../../src/xlsx/limits";
import { buildZip, repeatedByteDeflate, type ZEntry } from "./zip";

export interface HostileCase {
  id: string;
  /** File name as the user sees it (extension included: a CSV renamed .xlsx keeps .xlsx). */
  file: string;
  what: string;
  /**
   * refused: exit 2 / error message; readable: exit 0 or 1, export writes JSON; no-table: read fine but
   * holds no performance-target table, so the CLI says 未找到绩效目标表 and exits 2 without writing JSON.
   */
  expect: "refused" | "readable" | "no-table";
  kind?: WorkbookReadErrorKind;
  limit?: LimitName;
  /** zh fragment the message must contain. */
  message?: RegExp;
  /** Peak RSS bound for the CLI runs, in MB, where the general 1 GB bound would not catch a regression. */
  peakMb?: number;
  build: () => Promise<Buffer> | Buffer;
}

const MB = 1024 * 1024;
const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}

export interface SheetSpec {
  name: string;
  /** Inner XML of <worksheet> after <sheetData> is built from `rows` — or the complete sheetData + more. */
  xml?: string;
  rows?: string;
  after?: string;
  dimension?: string;
}

/** A minimal, valid .xlsx package (what Excel needs, nothing else) around the given sheets and parts. */
export function minimalBook(sheets: SheetSpec[], opts: { sharedStrings?: string[] | ZEntry; extra?: ZEntry[]; workbookExtra?: string; macro?: boolean; replace?: ZEntry[] } = {}): Buffer {
  const ct = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>${opts.macro ? '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>' : ""}<Override PartName="/xl/workbook.xml" ContentType="application/vnd.${opts.macro ? "ms-excel.sheet.macroEnabled.main+xml" : "openxmlformats-officedocument.spreadsheetml.sheet.main+xml"}"/>${sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`)
    .join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const wb = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook ${NS}><sheets>${sheets.map((s, i) => `<sheet name="${esc(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>${opts.workbookExtra ?? ""}</workbook>`;
  const n = sheets.length;
  const wbRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("")}<Relationship Id="rId${n + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId${n + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
  const styles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="宋体"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf xfId="0"/></cellXfs></styleSheet>`;
  const ss = opts.sharedStrings;
  const ssEntry: ZEntry =
    ss && !Array.isArray(ss)
      ? ss
      : {
          name: "xl/sharedStrings.xml",
          data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${(ss ?? []).length}" uniqueCount="${(ss ?? []).length}">${(ss ?? []).map((t) => (t.startsWith("<") ? `<si>${t}</si>` : `<si><t xml:space="preserve">${esc(t)}</t></si>`)).join("")}</sst>`,
        };
  const entries: ZEntry[] = [
    { name: "[Content_Types].xml", data: ct },
    { name: "_rels/.rels", data: rels },
    { name: "xl/workbook.xml", data: wb },
    { name: "xl/_rels/workbook.xml.rels", data: wbRels },
    { name: "xl/styles.xml", data: styles },
    ssEntry,
    ...sheets.map(
      (s, i): ZEntry => ({
        name: `xl/worksheets/sheet${i + 1}.xml`,
        data:
          s.xml ??
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS}>${s.dimension ? `<dimension ref="${s.dimension}"/>` : ""}<sheetData>${s.rows ?? ""}</sheetData>${s.after ?? ""}</worksheet>`,
      }),
    ),
    ...(opts.extra ?? []),
  ];
  return buildZip(entries.map((e) => opts.replace?.find((r) => r.name === e.name) ?? e));
}

const cellStr = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${esc(text)}</t></is></c>`;

/** A sheet part whose XML is deflated in one stream from generated rows (for the multi-million cell cases). */
function bigSheetEntry(index: number, rows: number, cols: number): ZEntry {
  const letters = Array.from({ length: cols }, (_, c) => String.fromCharCode(65 + c));
  const chunks: Buffer[] = [Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><sheetData>`)];
  for (let r = 1; r <= rows; r++) {
    let s = `<row r="${r}">`;
    for (const l of letters) s += `<c r="${l}${r}"><v>${r % 97}</v></c>`;
    chunks.push(Buffer.from(s + "</row>"));
  }
  chunks.push(Buffer.from("</sheetData></worksheet>"));
  const plain = Buffer.concat(chunks);
  return { name: `xl/worksheets/sheet${index}.xml`, raw: zlib.deflateRawSync(plain, { level: 1 }), declaredSize: plain.length, crc: zlib.crc32(plain) };
}

function ole(names: string[], fill = 4096): Buffer {
  // The CFB signature, a plausible header and directory entries whose names are UTF-16LE, as Office writes them.
  const head = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(head);
  head.writeUInt16LE(0x003e, 0x18);
  head.writeUInt16LE(0x0003, 0x1a);
  head.writeUInt16LE(0xfffe, 0x1c);
  head.writeUInt16LE(9, 0x1e);
  const dir = Buffer.alloc(128 * names.length);
  names.forEach((n, i) => {
    const u = Buffer.from(n, "utf16le");
    u.copy(dir, i * 128);
    dir.writeUInt16LE(u.length + 2, i * 128 + 64);
  });
  return Buffer.concat([head, Buffer.alloc(fill, 0x00), dir]);
}

async function seedWithOdds(): Promise<Buffer> {
  // A real seed-shaped workbook, plus whole-column validations and conditional formats on every project sheet.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(__dirname, "../../examples/seed-000.xlsx"));
  for (const ws of wb.worksheets) {
    for (let c = 1; c <= 30; c++) {
      const col = String.fromCharCode(64 + ((c - 1) % 26) + 1);
      (ws as unknown as { dataValidations: { add: (ref: string, dv: unknown) => void } }).dataValidations.add(`${c > 26 ? "A" : ""}${col}2:${c > 26 ? "A" : ""}${col}1048576`, {
        type: "list",
        allowBlank: true,
        formulae: ['"是,否"'],
      });
    }
    ws.addConditionalFormatting({ ref: "A1:Z1048576", rules: [{ type: "expression", formulae: ["ISERROR(A1)"], priority: 1, style: { font: { bold: true } } }] });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const LONG_ZH = "绩效目标".repeat(8191) + "标准"; // 32 766 + … = exactly 32 767 characters below
const LONG_32767 = (LONG_ZH + "值").slice(0, 32_767);

export const CASES: HostileCase[] = [
  // --- wrong container ---------------------------------------------------------------------------
  { id: "empty", file: "空文件.xlsx", what: "0-byte file", expect: "refused", kind: "empty", message: /空文件/, build: () => Buffer.alloc(0) },
  {
    id: "encrypted",
    file: "加密预算.xlsx",
    what: "password-protected .xlsx (OLE with EncryptionInfo/EncryptedPackage)",
    expect: "refused",
    kind: "encrypted",
    message: /密码/,
    build: () => ole(["Root Entry", "EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]),
  },
  {
    id: "legacy-xls",
    file: "旧版预算.xls",
    what: "real-looking Excel 97-2003 header (OLE with a Workbook stream)",
    expect: "refused",
    kind: "legacy-xls",
    message: /97-2003/,
    build: () => ole(["Root Entry", "Workbook", "\u0005SummaryInformation"]),
  },
  {
    id: "csv-renamed",
    file: "导出数据.xlsx",
    what: "CSV text renamed .xlsx",
    expect: "refused",
    kind: "not-xlsx",
    message: /CSV/,
    build: () => Buffer.from("项目名称,项目编码,预算数（万元）\n安保服务,131000000001,120.5\n", "utf8"),
  },
  {
    id: "html-renamed",
    file: "系统导出.xlsx",
    what: "HTML table renamed .xlsx (common from 业务系统 exports)",
    expect: "refused",
    kind: "not-xlsx",
    message: /HTML/,
    build: () => Buffer.from('<html><head><meta charset="utf-8"></head><body><table><tr><td>项目名称</td></tr></table></body></html>', "utf8"),
  },
  {
    id: "truncated",
    file: "下载中断.xlsx",
    what: "a real workbook cut in half (no end of central directory)",
    expect: "refused",
    kind: "corrupt",
    message: /不完整/,
    build: () => {
      const full = fs.readFileSync(path.join(__dirname, "../../examples/seed-001.xlsx"));
      return full.subarray(0, Math.floor(full.length / 2));
    },
  },
  {
    id: "zip-not-workbook",
    file: "附件.xlsx",
    what: "a zip without xl/workbook.xml",
    expect: "refused",
    kind: "not-xlsx",
    message: /压缩包/,
    build: () => buildZip([{ name: "说明.txt", data: "请查收附件" }]),
  },
  {
    id: "docx-renamed",
    file: "报告.xlsx",
    what: "a Word document renamed .xlsx",
    expect: "refused",
    kind: "not-xlsx",
    message: /Word/,
    build: () => buildZip([{ name: "[Content_Types].xml", data: "<Types/>" }, { name: "word/document.xml", data: "<w:document/>" }]),
  },
  {
    id: "encrypted-entry",
    file: "zip加密.xlsx",
    what: "zip entry with the encryption flag",
    expect: "refused",
    kind: "encrypted",
    message: /加密/,
    build: () => minimalBook([{ name: "表1", rows: `<row r="1">${cellStr("A1", "x")}</row>` }], { extra: [{ name: "xl/secret.xml", data: "<x/>", flags: 1 }] }),
  },
  {
    id: "name-mismatch",
    file: "名称不一致.xlsx",
    what: "central name differs from the local name (JSZip reads the local one)",
    expect: "refused",
    kind: "corrupt",
    message: /名称不一致/,
    build: () => minimalBook([{ name: "表1", rows: "" }], { extra: [{ name: "docProps/x.xml", localName: "xl/worksheets/sheet9.xml", data: "<worksheet/>" }] }),
  },
  {
    id: "prepended",
    file: "前置数据.xlsx",
    what: "bytes prepended before the zip (JSZip would shift every offset)",
    expect: "refused",
    kind: "corrupt",
    message: /多余数据/,
    build: () => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, ...new Array(40).fill(0)]), minimalBook([{ name: "表1", rows: "" }])]),
  },
  // --- bombs and size limits ------------------------------------------------------------------------
  {
    id: "bomb-honest",
    file: "压缩炸弹-如实.xlsx",
    what: "sharedStrings inflating to 1 GB of one byte, declared honestly (~1 MB compressed)",
    expect: "refused",
    kind: "limit",
    limit: "maxPartBytes",
    build: () => {
      const { raw, crc } = repeatedByteDeflate(0x61, 1024 * MB);
      return minimalBook([{ name: "表1", rows: "" }], { sharedStrings: { name: "xl/sharedStrings.xml", raw, declaredSize: 1024 * MB, crc } });
    },
  },
  {
    id: "bomb-lying",
    file: "压缩炸弹-谎报.xlsx",
    what: "sharedStrings inflating to 1 GB, declaring 4 KB",
    expect: "refused",
    kind: "corrupt",
    message: /压缩炸弹/,
    build: () => {
      const { raw } = repeatedByteDeflate(0x61, 1024 * MB);
      return minimalBook([{ name: "表1", rows: "" }], { sharedStrings: { name: "xl/sharedStrings.xml", raw, declaredSize: 4096 } });
    },
  },
  {
    id: "bomb-ratio",
    file: "高压缩比.xlsx",
    what: "a 150 MB part (under the part limit) compressed ~1000:1",
    expect: "refused",
    kind: "limit",
    limit: "maxCompressionRatio",
    build: () => {
      const { raw, crc } = repeatedByteDeflate(0x20, 150 * MB);
      return minimalBook([{ name: "表1", rows: "" }], { extra: [{ name: "xl/media/image1.png", raw, declaredSize: 150 * MB, crc }] });
    },
  },
  {
    id: "total-too-big",
    file: "总量超限.xlsx",
    what: "six parts declaring 100 MB each (ratio < 200 each), 600 MB in all",
    expect: "refused",
    kind: "limit",
    limit: "maxUncompressedBytes",
    build: () => {
      // Never inflated: the declared total is refused first. Pseudo-random bytes keep each ratio under 200.
      let x = 12345;
      const junk = Buffer.alloc(560 * 1024);
      for (let i = 0; i < junk.length; i++) junk[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
      const extra = Array.from({ length: 6 }, (_, i): ZEntry => ({ name: `xl/media/image${i + 1}.emf`, raw: junk, declaredSize: 100 * MB }));
      return minimalBook([{ name: "表1", rows: "" }], { extra });
    },
  },
  {
    id: "file-too-big",
    file: "超大文件.xlsx",
    what: "a 51 MB file (stored media)",
    expect: "refused",
    kind: "limit",
    limit: "maxFileBytes",
    build: () => minimalBook([{ name: "表1", rows: "" }], { extra: [{ name: "xl/media/image1.bmp", data: Buffer.alloc(51 * MB, 7), stored: true }] }),
  },
  {
    id: "cells-3m",
    file: "三百万单元格.xlsx",
    what: "one sheet with 3 000 000 tiny cells (150 000 rows × 20)",
    expect: "refused",
    kind: "limit",
    limit: "maxCells",
    build: () => {
      return minimalBook([{ name: "表1", rows: "" }], { replace: [bigSheetEntry(1, 150_000, 20)] });
    },
  },
  {
    id: "rows-million-empty",
    file: "百万空行.xlsx",
    what: "1 048 576 styled empty rows (a real-world \"used range\" blow-up; exceljs makes an object per row)",
    expect: "refused",
    kind: "limit",
    limit: "maxRows",
    build: () => {
      const rows: string[] = [`<row r="1">${cellStr("A1", "项目名称")}</row>`];
      for (let r = 2; r <= 1_048_576; r++) rows.push(`<row r="${r}" s="0" customFormat="1" ht="15" customHeight="1"/>`);
      const plain = Buffer.from(`<?xml version="1.0"?><worksheet ${NS}><dimension ref="A1:A1048576"/><sheetData>${rows.join("")}</sheetData></worksheet>`);
      return minimalBook([{ name: "表1", rows: "" }], { replace: [{ name: "xl/worksheets/sheet1.xml", raw: zlib.deflateRawSync(plain, { level: 1 }), declaredSize: plain.length, crc: zlib.crc32(plain) }] });
    },
  },
  {
    id: "merge-huge",
    file: "合并整表.xlsx",
    what: "one merge A1:XFD1048576 (exceljs would create 17 billion cells)",
    expect: "refused",
    kind: "limit",
    limit: "maxCells",
    build: () => minimalBook([{ name: "表1", rows: `<row r="1">${cellStr("A1", "标题")}</row>`, after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>' }]),
  },
  {
    id: "name-huge",
    file: "定义名称整表.xlsx",
    what: "a defined name over A1:XFD1048576 (exceljs indexes every cell of it: out of memory)",
    expect: "refused",
    kind: "limit",
    limit: "maxCells",
    message: /定义名称/,
    build: () =>
      minimalBook([{ name: "表1", rows: `<row r="1">${cellStr("A1", "x")}</row>` }], {
        workbookExtra: "<definedNames><definedName name=\"全部\">'表1'!$A$1:$XFD$1048576</definedName></definedNames>",
      }),
  },
  {
    id: "merges-many",
    file: "合并过多.xlsx",
    what: "100 001 two-cell merges in one sheet (over maxMerges = maxCells ÷ 20; each costs the reader a little, linearly)",
    expect: "refused",
    kind: "limit",
    limit: "maxMerges",
    build: () => {
      const merges = Array.from({ length: 100_001 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:A${2 * i + 2}"/>`).join("");
      return minimalBook([{ name: "表1", rows: "", after: `<mergeCells count="100001">${merges}</mergeCells>` }]);
    },
  },
  {
    id: "merges-stacked",
    file: "合并很多.xlsx",
    what: "6 000 merges in one sheet, like a stacked sheet of ~240 projects (refused by the old 5 000-merge limit): read",
    expect: "no-table",
    build: () => {
      const merges = Array.from({ length: 6000 }, (_, i) => `<mergeCell ref="A${2 * i + 1}:B${2 * i + 2}"/>`).join("");
      const rows = Array.from({ length: 6000 }, (_, i) => `<row r="${2 * i + 1}">${cellStr(`A${2 * i + 1}`, `第${i + 1}块`)}</row>`).join("");
      return minimalBook([{ name: "表1", rows, after: `<mergeCells count="6000">${merges}</mergeCells>` }]);
    },
  },
  {
    id: "cols-huge",
    file: "列定义异常.xlsx",
    what: '<col min="1" max="1000000000"> (exceljs creates one object per column)',
    expect: "refused",
    kind: "corrupt",
    message: /16384/,
    build: () =>
      minimalBook([
        {
          name: "表1",
          xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><cols><col min="1" max="1000000000" width="9"/></cols><sheetData><row r="1">${cellStr("A1", "x")}</row></sheetData></worksheet>`,
        },
      ]),
  },
  {
    id: "xml-dtd-bomb",
    file: "实体炸弹.xlsx",
    what: "billion-laughs DTD in sharedStrings",
    expect: "refused",
    kind: "corrupt",
    message: /DTD/,
    build: () => {
      let dtd = '<!DOCTYPE sst [<!ENTITY a0 "哈哈哈哈哈哈哈哈哈哈">';
      for (let i = 1; i <= 9; i++) dtd += `<!ENTITY a${i} "${`&a${i - 1};`.repeat(10)}">`;
      dtd += "]>";
      return minimalBook([{ name: "表1", rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], {
        sharedStrings: { name: "xl/sharedStrings.xml", data: `<?xml version="1.0"?>${dtd}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&a9;</t></si></sst>` },
      });
    },
  },
  {
    id: "styles-bloat",
    file: "样式膨胀.xlsx",
    what: "styles.xml with 1 600 000 cell formats (Excel stops at 64 000; exceljs makes an object of each)",
    expect: "refused",
    kind: "limit",
    limit: "maxXmlElements",
    build: () => {
      let x = 7;
      const parts: string[] = [];
      for (let i = 0; i < 1_600_000; i++) parts.push(`<xf numFmtId="${((x = (x * 1103515245 + 12345) >>> 0) >>> 20) % 4000}" fontId="0" fillId="0" borderId="0" xfId="0"/>`);
      const plain = Buffer.from(
        `<?xml version="1.0"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders><cellXfs>${parts.join("")}</cellXfs></styleSheet>`,
      );
      return minimalBook([{ name: "表1", rows: "" }], { replace: [{ name: "xl/styles.xml", raw: zlib.deflateRawSync(plain, { level: 1 }), declaredSize: plain.length, crc: zlib.crc32(plain) }] });
    },
  },
  {
    id: "runs-bloat",
    file: "富文本膨胀.xlsx",
    what: "one shared string made of 2 000 000 rich-text runs",
    expect: "refused",
    kind: "limit",
    limit: "maxXmlElements",
    build: () => minimalBook([{ name: "表1", rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], {
        // Varied characters keep the ratio honest (under 200): only the element count is wrong here.
        sharedStrings: [Array.from({ length: 2_000_000 }, (_, i) => `<r><t>${String.fromCharCode(0x4e00 + ((i * 7919) % 2000))}</t></r>`).join("")],
      }),
  },
  {
    id: "parts-30000",
    file: "三万个部件.xlsx",
    what: "30 000 tiny parts in the zip (over maxSheets × 10 + 1000)",
    expect: "refused",
    kind: "corrupt",
    message: /部件/,
    build: () => minimalBook([{ name: "表1", rows: "" }], { extra: Array.from({ length: 30_000 }, (_, i): ZEntry => ({ name: `customXml/item${i}.xml`, data: "<a/>" })) }),
  },
  {
    id: "sheets-too-many",
    file: "两千五百零一张表.xlsx",
    what: "2 501 worksheets (one more than maxSheets)",
    expect: "refused",
    kind: "limit",
    limit: "maxSheets",
    build: () => minimalBook(Array.from({ length: 2501 }, (_, i) => ({ name: `表${i + 1}`, rows: "" }))),
  },
  {
    id: "cell-40k",
    file: "超长单元格.xlsx",
    what: "a cell of 40 000 characters (Excel stops at 32 767)",
    expect: "refused",
    kind: "limit",
    limit: "maxCellChars",
    message: /A2/,
    build: () => minimalBook([{ name: "表1", rows: `<row r="1">${cellStr("A1", "项目")}</row><row r="2">${cellStr("A2", "长".repeat(40_000))}</row>` }]),
  },
  // --- odd but valid: must read --------------------------------------------------------------------
  {
    id: "odd-sheet-names",
    file: "奇怪的表名.xlsx",
    what: "sheet names with quotes, brackets, emoji, 31 chars, A1, R1C1, leading digits",
    expect: "no-table",
    build: () =>
      minimalBook(
        ODD_NAMES.map((name, i) => ({ name, rows: `<row r="1">${cellStr("A1", `表${i}`)}</row>` })),
        { workbookExtra: `<definedNames><definedName name="预算数">'it''s'!$A$1</definedName></definedNames>` },
      ),
  },
  {
    id: "bad-sheet-name",
    file: "非法表名.xlsx",
    what: "a sheet named [方括号] (Excel forbids [ ]; exceljs would throw in English)",
    expect: "refused",
    kind: "corrupt",
    message: /\[方括号\]/,
    build: () => minimalBook([{ name: "表1", rows: "" }, { name: "[方括号]", rows: "" }]),
  },
  {
    id: "long-rich-errors-links",
    file: "长文本与外部链接.xlsx",
    what: "32 767-char Chinese cell, rich text, #REF!/#N/A/#DIV/0! cached errors, a formula into another workbook with its cached value, an external link part",
    expect: "no-table",
    build: () =>
      minimalBook(
        [
          {
            name: "项目1",
            rows:
              `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>` +
              `<row r="2"><c r="A2" t="e"><f>#REF!+1</f><v>#REF!</v></c><c r="B2" t="e"><f>VLOOKUP(1,A:A,2,0)</f><v>#N/A</v></c><c r="C2" t="e"><v>#DIV/0!</v></c></row>` +
              `<row r="3"><c r="A3"><f>[1]汇总!$B$2</f><v>123.45</v></c><c r="B3" t="str"><f>'C:\\预算\\[其他单位.xlsx]表1'!A1</f><v>外部值</v></c></row>`,
          },
        ],
        {
          sharedStrings: [LONG_32767, '<r><rPr><b/></rPr><t>加粗</t></r><r><t xml:space="preserve">与普通</t></r>'],
          workbookExtra: '<externalReferences><externalReference r:id="rIdX"/></externalReferences>',
          extra: [
            {
              name: "xl/externalLinks/externalLink1.xml",
              data: `<externalLink ${NS}><externalBook r:id="rId1"><sheetNames><sheetName val="汇总"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="2"><cell r="B2"><v>123.45</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
            },
            {
              name: "xl/externalLinks/_rels/externalLink1.xml.rels",
              data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///\\\\server\\share\\预算.xlsx" TargetMode="External"/></Relationships>',
            },
          ],
        },
      ),
  },
  {
    id: "macro-xlsm",
    file: "带宏.xlsm",
    what: ".xlsm with xl/vbaProject.bin (data read, macros never run)",
    expect: "no-table",
    build: () =>
      minimalBook([{ name: "项目1", rows: `<row r="1">${cellStr("A1", "项目名称")}</row>` }], {
        macro: true,
        extra: [{ name: "xl/vbaProject.bin", data: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(2048, 0x41)]) }],
      }),
  },
  {
    id: "dimension-claim",
    file: "使用区域百万行.xlsx",
    what: '<dimension ref="A1:Z1048576"> with 3 real rows',
    expect: "no-table",
    build: () =>
      minimalBook([
        {
          name: "表1",
          dimension: "A1:Z1048576",
          rows: [1, 2, 3].map((r) => `<row r="${r}" spans="1:26">${cellStr(`A${r}`, `第${r}行`)}</row>`).join(""),
        },
      ]),
  },
  {
    id: "far-rows",
    file: "末行有字.xlsx",
    what: "3 rows: 1, 150 000 and 1 048 576 (the last one is below maxRows: not read, with a notice)",
    expect: "no-table",
    build: () => minimalBook([{ name: "表1", rows: [1, 150_000, 1_048_576].map((r) => `<row r="${r}">${cellStr(`A${r}`, `第${r}行`)}</row>`).join("") }]),
  },
  {
    id: "cells-near-limit",
    file: "九十九万单元格.xlsx",
    what: "990 000 cells (99 000 rows × 10), just under maxCells: read, slowly but bounded",
    expect: "no-table",
    build: () => minimalBook([{ name: "表1", rows: "" }], { replace: [bigSheetEntry(1, 99_000, 10)] }),
  },
  {
    id: "whole-column-validations",
    file: "整列数据验证.xlsx",
    what: "seed-000 with 30 whole-column list validations and a whole-sheet conditional format on every sheet",
    expect: "readable",
    build: seedWithOdds,
  },
  // --- the guard decides which bytes the reader sees (issue 10 #4–#6) -------------------------------
  {
    id: "path-alias-workbook",
    file: "路径别名.xlsx",
    what: "xl/workbook.xml and a/../xl/workbook.xml (zip libraries resolve '..': the second, unchecked entry replaced the first)",
    expect: "refused",
    kind: "corrupt",
    message: /同一个部件/,
    build: () =>
      minimalBook([{ name: "项目1", rows: `<row r="1">${cellStr("A1", "项目名称")}</row>` }], {
        extra: [{ name: "a/../xl/workbook.xml", data: `<workbook ${NS}><sheets><sheet name="别名" sheetId="1" r:id="rId1"/></sheets></workbook>` }],
      }),
  },
  {
    id: "path-escape",
    file: "路径越界.xlsx",
    what: "an entry named ../../etc/evil.xml (leaves the package)",
    expect: "refused",
    kind: "corrupt",
    message: /指向压缩包之外/,
    build: () => minimalBook([{ name: "项目1", rows: `<row r="1">${cellStr("A1", "项目名称")}</row>` }], { extra: [{ name: "../../etc/evil.xml", data: "<x/>" }] }),
  },
  {
    id: "case-alias-sheet",
    file: "大小写别名.xlsx",
    what: "xl/worksheets/sheet1.xml and XL/Worksheets/Sheet1.xml (OPC part names are case-insensitive: one part, two contents)",
    expect: "refused",
    kind: "corrupt",
    message: /同一个部件/,
    build: () =>
      minimalBook([{ name: "项目1", rows: `<row r="1">${cellStr("A1", "项目名称")}</row>` }], {
        extra: [{ name: "XL/Worksheets/Sheet1.xml", data: `<worksheet ${NS}><sheetData><row r="1">${cellStr("A1", "另一份内容")}</row></sheetData></worksheet>` }],
      }),
  },
  {
    id: "suffixed-part",
    file: "备份部件.xlsx",
    what: "xl/worksheets/sheet2.xml.bak next to sheet2.xml, broken XML (exceljs parsed it by an unanchored name match; the guard never scanned it)",
    expect: "no-table",
    build: () =>
      minimalBook(
        [
          { name: "汇总", rows: `<row r="1">${cellStr("A1", "汇总")}</row>` },
          { name: "项目1", rows: `<row r="1">${cellStr("A1", "真实内容")}</row>` },
        ],
        { extra: [{ name: "xl/worksheets/sheet2.xml.bak", data: `<worksheet ${NS}><sheetData><row r="1">${cellStr("A1", "来自备份部件")}</row>` }] },
      ),
  },
  {
    id: "dir-attribute-sheet",
    file: "目录属性.xlsx",
    what: "a project sheet whose zip entry carries the DOS directory attribute (zip libraries skip it: the sheet vanished, 0 projects, exit 0)",
    expect: "no-table",
    build: () => {
      const book = [
        { name: "汇总", rows: `<row r="1">${cellStr("A1", "汇总")}</row>` },
        { name: "项目1", rows: `<row r="1">${cellStr("A1", "项目名称")}${cellStr("B1", "安保服务")}</row>` },
      ];
      const plain = minimalBook(book);
      // Rebuild with the same parts, the second sheet flagged as a directory.
      return minimalBook(book, {
        replace: [{ name: "xl/worksheets/sheet2.xml", externalAttr: 0x10, data: sheetXmlOf(plain, "xl/worksheets/sheet2.xml") }],
      });
    },
  },
  {
    id: "dup-sheet-id",
    file: "重复表编号.xlsx",
    what: "two sheets with sheetId 1 (exceljs kept one of them: a project table disappeared without a notice)",
    expect: "no-table",
    build: () =>
      minimalBook(
        [
          { name: "项目一", rows: `<row r="1">${cellStr("A1", "项目一")}</row>` },
          { name: "项目二", rows: `<row r="1">${cellStr("A1", "项目二")}</row>` },
        ],
        {
          replace: [
            {
              name: "xl/workbook.xml",
              data: `<workbook ${NS}><sheets><sheet name="项目一" sheetId="1" r:id="rId1"/><sheet name="项目二" sheetId="1" r:id="rId2"/></sheets></workbook>`,
            },
          ],
        },
      ),
  },
  {
    id: "sheet-part-missing",
    file: "缺表部件.xlsx",
    what: "the workbook lists a sheet whose part is not in the file",
    expect: "no-table",
    build: () =>
      minimalBook([{ name: "项目1", rows: `<row r="1">${cellStr("A1", "项目名称")}</row>` }], {
        replace: [
          {
            name: "xl/workbook.xml",
            data: `<workbook ${NS}><sheets><sheet name="项目1" sheetId="1" r:id="rId1"/><sheet name="丢失的表" sheetId="2" r:id="rId9"/></sheets></workbook>`,
          },
        ],
      }),
  },
  {
    id: "unscanned-sheet-part",
    file: "未检查部件.xlsx",
    what: "the workbook's sheet relationship targets worksheets/sheet1.bin, a part the guard's XML scan never looked at",
    expect: "refused",
    kind: "corrupt",
    message: /未经检查的部件/,
    build: () =>
      minimalBook([{ name: "项目1", rows: `<row r="1">${cellStr("A1", "项目名称")}</row>` }], {
        replace: [
          {
            name: "xl/_rels/workbook.xml.rels",
            data: '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/></Relationships>',
          },
        ],
        extra: [{ name: "xl/worksheets/sheet1.bin", data: `<worksheet ${NS}><sheetData><row r="1">${cellStr("A1", "未检查")}</row></sheetData></worksheet>` }],
      }),
  },
  {
    id: "name-long-digits",
    file: "长行号名称.xlsx",
    what: "a 1.5 KB file whose defined name is $A$1:$XFD$00000001048576 (a 7-digit pattern read row 0; exceljs then indexed 17 billion cells)",
    expect: "refused",
    kind: "limit",
    limit: "maxCells",
    message: /定义名称/,
    build: () =>
      minimalBook([{ name: "表1", rows: `<row r="1">${cellStr("A1", "x")}</row>` }], {
        workbookExtra: "<definedNames><definedName name=\"全部\">'表1'!$A$1:$XFD$00000001048576</definedName></definedNames>",
      }),
  },
  {
    id: "merge-long-digits",
    file: "长行号合并.xlsx",
    what: "a merged range A1:XFD00000001048576 (leading zeros; every cell of it is a merged cell)",
    expect: "refused",
    kind: "limit",
    limit: "maxCells",
    build: () => minimalBook([{ name: "表1", rows: `<row r="1">${cellStr("A1", "x")}</row>`, after: '<mergeCells count="1"><mergeCell ref="A1:XFD00000001048576"/></mergeCells>' }]),
  },
  {
    id: "name-leading-zeros",
    file: "前导零名称.xlsx",
    what: "a defined name '表1'!$B$0002 (leading zeros are still row 2, as in Excel)",
    expect: "no-table",
    build: () =>
      minimalBook([{ name: "表1", rows: `<row r="2">${cellStr("B2", "预算数")}</row>` }], {
        workbookExtra: "<definedNames><definedName name=\"预算数\">'表1'!$B$0002</definedName></definedNames>",
      }),
  },
  // --- what the guard's byte scan reads differently from the tokenizer (the reader counts again) ------
  ...(
    [
      ["cdata", "在 CDATA 中", "<![CDATA['表1'!$A$1:$XFD$1048576,'表1'!$A$1]]>"],
      ["comment", "被注释拆开", "'表1'!$A$1:$XFD<!---->$1048576,'表1'!$A$1"],
      ["charref", "用字符引用书写", "'表1'!$A$1:&#36;XFD$1048576,'表1'!$A$1"],
    ] as const
  ).map(
    ([how, zh, text]): HostileCase => ({
      id: `name-area-${how}`,
      file: `定义名称${zh}.xlsx`,
      what: `a 2 KB file whose two-range defined name covers the whole sheet, the range written ${how === "cdata" ? "in CDATA" : how === "comment" ? "split by a comment" : "with a character reference"} (the guard's regex missed it; the reader marked 17 billion cells: 4.3 GB, abort)`,
      expect: "refused",
      kind: "limit",
      limit: "maxCells",
      message: /定义名称/,
      build: () =>
        minimalBook([{ name: "表1", rows: `<row r="1">${cellStr("A1", "x")}</row>` }], {
          workbookExtra: `<definedNames><definedName name="全部">${text}</definedName></definedNames>`,
        }),
    }),
  ),
  {
    id: "name-area-single-charref",
    file: "单个定义名称整表.xlsx",
    what: "one defined name over the whole sheet, spelt '表1'!$A$1:&#36;XFD$1048576 (the reader keeps a one-range name as text, but exceljs — seal, the page's exceptions export — indexes every cell: 4.3 GB, abort)",
    expect: "refused",
    kind: "limit",
    limit: "maxCells",
    message: /定义名称/,
    build: () =>
      minimalBook([{ name: "表1", rows: `<row r="1">${cellStr("A1", "x")}</row>` }], {
        workbookExtra: "<definedNames><definedName name=\"全部\">'表1'!$A$1:&#36;XFD$1048576</definedName></definedNames>",
      }),
  },
  {
    id: "cols-hidden-max",
    file: "列定义藏在属性里.xlsx",
    what: `<col x=" max='1'" min="1" max="100000000"> (the guard's scan read max='1'; exceljs — seal — made an object per column: 4.5 GB, abort)`,
    expect: "refused",
    kind: "corrupt",
    message: /16384/,
    build: () =>
      minimalBook([
        {
          name: "表1",
          xml: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS}><cols><col x=" max='1'" min="1" max="100000000" width="9"/></cols><sheetData><row r="1">${cellStr("A1", "x")}</row></sheetData></worksheet>`,
        },
      ]),
  },
  {
    id: "merge-ref-in-other-attr",
    file: "合并区域藏在属性里.xlsx",
    what: "300 merges A1:XFD1048576 whose tag carries x=\" ref='A1:A1'\" first (the guard read that; the reader kept 300 merges over 200 000 rows: 12 s, 1.1 GB)",
    expect: "refused",
    kind: "limit",
    limit: "maxCells",
    message: /合并区域/,
    build: () =>
      minimalBook([
        {
          name: "表1",
          rows: `<row r="1">${cellStr("A1", "x")}</row>`,
          after: `<mergeCells>${Array.from({ length: 300 }, (_, i) => `<mergeCell x=" ref='A1:A1'" ref="A${i + 1}:XFD1048576"/>`).join("")}</mergeCells>`,
        },
      ]),
  },
  {
    id: "merge-ref-far",
    file: "合并区域属性很远.xlsx",
    what: "merges whose ref comes after 5 000 bytes of whitespace (past the guard's 4 KB look-ahead: counted as 0 cells)",
    expect: "refused",
    kind: "limit",
    limit: "maxCells",
    message: /合并区域/,
    build: () => {
      let x = 99;
      const pad = () => Array.from({ length: 5000 }, () => " \t\n\r"[((x = (x * 1103515245 + 12345) >>> 0) >>> 16) & 3]).join("");
      return minimalBook([
        { name: "表1", rows: `<row r="1">${cellStr("A1", "x")}</row>`, after: `<mergeCells>${Array.from({ length: 50 }, (_, i) => `<mergeCell${pad()}ref="A${i + 1}:XFD1048576"/>`).join("")}</mergeCells>` },
      ]);
    },
  },
  {
    id: "xml-deep",
    file: "嵌套过深.xlsx",
    what: "sharedStrings.xml of 64 MB of nothing but start tags <v><t><f><c> (counted by no limit; one tokenizer stack entry per 3 bytes)",
    expect: "refused",
    kind: "corrupt",
    message: /不是有效的 XML/,
    // CLI peak before the depth bound: 507 MB for this 64 MB part (945 MB at 100 MB, a V8 abort at 190 MB); after: 188 MB.
    peakMb: 400,
    build: () => {
      // One 1 MB chunk, deflated once with a full flush and repeated: 64 MB in ~1 MB, ratio under 200.
      let x = 1;
      const tags = ["<v>", "<t>", "<f>", "<c>"];
      let chunk = "";
      while (chunk.length < 1024 * 1024 - 3) chunk += tags[((x = (x * 1103515245 + 12345) >>> 0) >>> 28) & 3];
      const plain = Buffer.from(chunk.padEnd(1024 * 1024, " "));
      const head = Buffer.from(`<?xml version="1.0"?><sst ${NS}>`.padEnd(1024 * 1024, " "));
      const d = (b: Buffer) => zlib.deflateRawSync(b, { level: 9, finishFlush: zlib.constants.Z_FULL_FLUSH });
      const parts = [d(head)];
      let crc = zlib.crc32(head);
      const body = d(plain);
      for (let i = 0; i < 63; i++) {
        parts.push(body);
        crc = zlib.crc32(plain, crc);
      }
      parts.push(Buffer.from([0x03, 0x00]));
      return minimalBook([{ name: "表1", rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], {
        sharedStrings: { name: "xl/sharedStrings.xml", raw: Buffer.concat(parts), declaredSize: 64 * 1024 * 1024, crc },
      });
    },
  },
  // --- malformed parts and cells (pinned: refused in Chinese, naming the part, sheet or cell) -------
  {
    id: "sst-index-out-of-range",
    file: "共享字符串越界.xlsx",
    what: 'a cell t="s" pointing at shared string 99 of 1',
    expect: "refused",
    kind: "corrupt",
    message: /工作表“表1”单元格 B2 引用了不存在的共享字符串（第 99 个）/,
    build: () => minimalBook([{ name: "表1", rows: '<row r="2"><c r="B2" t="s"><v>99</v></c></row>' }], { sharedStrings: ["唯一的字符串"] }),
  },
  {
    id: "charref-beyond-unicode",
    file: "字符引用越界.xlsx",
    what: "a shared string holding &#x110000; (past U+10FFFF)",
    expect: "refused",
    kind: "corrupt",
    message: /部件 xl\/sharedStrings.xml 不是有效的 XML/,
    build: () => minimalBook([{ name: "表1", rows: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' }], { sharedStrings: { name: "xl/sharedStrings.xml", data: `<sst ${NS}><si><t>越界&#x110000;</t></si></sst>` } }),
  },
  {
    id: "utf16-part",
    file: "UTF16部件.xlsx",
    what: "a worksheet part saved as UTF-16LE with a byte-order mark (Excel writes UTF-8 only)",
    expect: "refused",
    kind: "corrupt",
    message: /部件 xl\/worksheets\/sheet1.xml 不是有效的 XML/,
    build: () =>
      minimalBook([{ name: "表1", rows: "" }], {
        replace: [{ name: "xl/worksheets/sheet1.xml", data: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<worksheet ${NS}><sheetData><row r="1">${cellStr("A1", "文字")}</row></sheetData></worksheet>`, "utf16le")]) }],
      }),
  },
  {
    id: "unclosed-at-end",
    file: "部件末尾未闭合.xlsx",
    what: "a worksheet part that ends inside a start tag (the zip itself intact)",
    expect: "refused",
    kind: "corrupt",
    message: /部件 xl\/worksheets\/sheet1.xml 不是有效的 XML/,
    build: () => minimalBook([{ name: "表1", xml: `<worksheet ${NS}><sheetData><row r="1">${cellStr("A1", "文字")}</row><row r="2"><c r="A2" t="inlineStr` }]),
  },
  {
    id: "control-characters",
    file: "控制字符.xlsx",
    what: "cells holding ESC sequences, BEL, CR/LF and a forged 合计 line as Excel's _xHHHH_ escapes, C1 CSI and a right-to-left override raw; a sheet name with the override",
    expect: "no-table",
    build: () =>
      minimalBook(
        [
          {
            name: "项目\u202e1",
            rows: [1, 2, 3].map((r) => `<row r="${r}">${cellStr(`A${r}`, ["项目名称", "项目编码", "资金用途"][r - 1])}<c r="B${r}" t="s"><v>${r - 1}</v></c></row>`).join(""),
          },
        ],
        // As Excel saves them: shared strings, control characters as _xHHHH_ (raw ones are not legal XML).
        { sharedStrings: ["_x001B_[2J_x001B_[1;1H清屏_x0007_", "_x000D__x000A_合计：0 个文件，全部通过。", "\u009b31m红字\u202eslx.exe"] },
      ),
  },
];

/** The uncompressed bytes of one part of a package built by buildZip (method 8). */
function sheetXmlOf(zip: Buffer, name: string): Buffer {
  const n = Buffer.from(name, "utf8");
  for (let i = zip.indexOf(0x50); i !== -1; i = zip.indexOf(0x50, i + 1)) {
    if (zip.readUInt32LE(i) !== 0x04034b50) continue;
    const len = zip.readUInt16LE(i + 26);
    const extra = zip.readUInt16LE(i + 28);
    if (len !== n.length || !zip.subarray(i + 30, i + 30 + len).equals(n)) continue;
    const csize = zip.readUInt32LE(i + 18);
    const start = i + 30 + len + extra;
    return zlib.inflateRawSync(zip.subarray(start, start + csize));
  }
  throw new Error(`no part ${name}`);
}

/** Names Excel accepts, each awkward for something: quoting in formulas, A1/R1C1 look-alikes, digits first, emoji, 31 chars. */
export const ODD_NAMES = ["it's", '预算"表"', "【预算】", "(1)汇总", "😀表情", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一", "A1", "R1C1", "1.安保服务", "Sheet 1", "#REF!"];

/** Write every case's file into `dir`; returns the paths in CASES order. */
export async function generateCorpus(dir: string): Promise<{ c: HostileCase; file: string }[]> {
  const out: { c: HostileCase; file: string }[] = [];
  for (const c of CASES) {
    const file = path.join(dir, c.file);
    fs.writeFileSync(file, await c.build());
    out.push({ c, file });
  }
  return out;
}

export { LONG_32767 };
