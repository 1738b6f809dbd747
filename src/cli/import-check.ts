/**
 * `jxmb import` writes only workbooks that JXMB (and Excel) can read back: the read limits that
 * guard every workbook JXMB reads apply to the workbook it is about to write, checked on the
 * document before anything is rendered (so 100 000 projects cost a count, not 4 GB), then on the
 * rendered sheets, then on the written bytes by the reader's own guard. A refusal names the project
 * and the field, and the flag that raises the limit where one exists.
 */
import { colName, parseA1 } from "../model/grid";
import type { TemplateBook } from "../model/write";
import type { JxmbDocument } from "../model/schema";
import { formatAmount, LIMIT_INFO, limitsFrom, type LimitName, type ReadLimits } from "../xlsx/limits";
import { CliError, qen, qzh } from "./errors";
import { limitHint } from "./pipeline";

/** A character Excel cannot keep in a cell, or null. */
export function badCharacter(s: string): { at: number; zh: string; en: string } | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        i++;
        continue;
      }
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const u = `U+${c.toString(16).toUpperCase()}`;
      return { at: i, zh: `不成对的代理码元 ${u}（不是有效的 Unicode 字符，写入后会变成 �）`, en: `an unpaired surrogate ${u} (not a Unicode character; it would become U+FFFD)` };
    }
    if (c === 0xfffe || c === 0xffff) {
      const u = `U+${c.toString(16).toUpperCase()}`;
      return { at: i, zh: `非字符 ${u}（XML 与 Excel 都不允许）`, en: `the non-character ${u} (not allowed in XML or Excel)` };
    }
  }
  return null;
}

function who(doc: JxmbDocument, path: (string | number)[]): { zh: string; en: string } {
  if (path[0] === "projects" && typeof path[1] === "number") {
    const p = doc.projects[path[1]];
    const label = [p?.code, p?.name].filter((x): x is string => typeof x === "string" && x !== "").join(" ");
    const field = path.slice(2).join(".");
    const shown = label ? `（${visibleShort(label)}）` : "";
    return {
      zh: `第 ${path[1] + 1} 个项目${shown}的字段 ${field || "(整个项目)"}`,
      en: `project ${path[1] + 1}${label ? ` (${JSON.stringify(visibleShort(label))})` : ""}, field ${field || "(whole project)"}`,
    };
  }
  const field = path.join(".");
  return { zh: `字段 ${field}`, en: `field ${field}` };
}

/** A label in a message: at most 40 characters, no character that would itself be refused. */
function visibleShort(s: string): string {
  const cut = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  return cut.replace(/[\ud800-\udfff\ufffe\uffff]/g, "?");
}

function limitRefusal(file: string, where: { zh: string; en: string }, limit: LimitName, measured: number, allowed: number): CliError {
  const info = LIMIT_INFO[limit];
  const hint = limitHint(limit, measured);
  return new CliError(
    `${qzh(file)} ${where.zh}：写成的工作簿${info.zh}将为 ${formatAmount(limit, measured, "zh")}，超过读取上限 ${formatAmount(limit, allowed, "zh")}（${limit}），` +
      `JXMB 将无法再读取它，因此未写出。${hint.zh.replace(/文件可信/, "需要")}`,
    `${qen(file)} ${where.en}: the workbook's ${info.en} would be ${formatAmount(limit, measured, "en")}, over the read limit ${formatAmount(limit, allowed, "en")} (${limit}); ` +
      `JXMB could not read it back, so nothing was written. ${hint.en}`,
  );
}

/**
 * Before rendering: project count (each project is one sheet, besides the `fixedSheets` every
 * workbook has), every text field's length and characters. Throws CliError naming project and field.
 */
export function checkDocument(doc: JxmbDocument, file: string, fixedSheets: number, partial?: Partial<ReadLimits>): void {
  const limits = limitsFrom(partial);
  const sheets = doc.projects.length + fixedSheets;
  if (sheets > limits.maxSheets) {
    throw limitRefusal(
      file,
      { zh: `有 ${doc.projects.length} 个项目（每个项目一个工作表，另有 ${fixedSheets} 个汇总等工作表）`, en: `has ${doc.projects.length} projects (one sheet each, plus ${fixedSheets} summary sheets)` },
      "maxSheets",
      sheets,
      limits.maxSheets,
    );
  }
  const walk = (v: unknown, path: (string | number)[]): void => {
    if (typeof v === "string") {
      const bad = badCharacter(v);
      if (bad) {
        const w = who(doc, path);
        throw new CliError(
          `${qzh(file)} ${w.zh}含有${bad.zh}，Excel 单元格不能保存它，因此未写出。请删除或替换该字符（第 ${bad.at + 1} 个字符）后重试。`,
          `${qen(file)} ${w.en} contains ${bad.en}, which an Excel cell cannot hold; nothing was written. Remove or replace it (character ${bad.at + 1}).`,
        );
      }
      if (v.length > limits.maxCellChars) throw limitRefusal(file, who(doc, path), "maxCellChars", v.length, limits.maxCellChars);
      return;
    }
    if (Array.isArray(v)) {
      v.forEach((x, i) => walk(x, [...path, i]));
      return;
    }
    if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(doc, []);
}

/**
 * Cells the writer will emit for a sheet: every cell with a value or a style (a bordered empty cell
 * is a `<c>` element too, and the reader counts those). Styled areas are rectangles around the
 * table, so their bounding box together with the values' is the count, or slightly more.
 */
function emittedCells(values: readonly (readonly unknown[])[], styles: readonly { range: string }[]): number {
  let rows = values.length;
  let cols = values.reduce((m, r) => Math.max(m, r.length), 0);
  for (const s of styles) {
    const [a, b] = s.range.split(":");
    const end = parseA1(b ?? a);
    if (end) {
      rows = Math.max(rows, end.r + 1);
      cols = Math.max(cols, end.c + 1);
    }
  }
  return rows * cols;
}

function rangeArea(ref: string): number {
  const [a, b] = ref.replace(/\$/g, "").split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  return p && q ? (Math.abs(q.r - p.r) + 1) * (Math.abs(q.c - p.c) + 1) : 0;
}

/**
 * After rendering, before writing (writing a million cells takes a minute and over a GB): cells,
 * rows per sheet and characters per cell of what will be written (cells can join several fields).
 * Cells are counted as the reader's guard counts them — cells with a value or a style, merged areas,
 * defined-name areas (print areas too) — so a workbook the guard would refuse is refused here, before the write; the
 * guard itself still has the last word on the written bytes. `projectSheets` maps sheets to projects.
 */
export function checkBook(book: TemplateBook, file: string, partial?: Partial<ReadLimits>): void {
  const { grid, projectSheets } = book;
  const limits = limitsFrom(partial);
  let cells = 0;
  const where = (sheet: string, cell?: string) => {
    const i = projectSheets.indexOf(sheet);
    const what = i >= 0 ? { zh: `第 ${i + 1} 个项目（工作表 ${sheet}）`, en: `project ${i + 1} (sheet ${JSON.stringify(sheet)})` } : { zh: `工作表 ${sheet}`, en: `sheet ${JSON.stringify(sheet)}` };
    return cell ? { zh: `${what.zh}单元格 ${cell}`, en: `${what.en}, cell ${cell}` } : what;
  };
  for (const s of grid.sheets) {
    if (s.values.length > limits.maxRows) throw limitRefusal(file, where(s.name), "maxRows", s.values.length, limits.maxRows);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === "string" && v.length > limits.maxCellChars) {
          throw limitRefusal(file, where(s.name, `${colName(c)}${r + 1}`), "maxCellChars", v.length, limits.maxCellChars);
        }
      }),
    );
    cells += emittedCells(s.values, book.extras[s.name]?.styles ?? []);
    for (const m of s.merges) cells += (m.r2 - m.r1 + 1) * (m.c2 - m.c1 + 1);
    const printArea = book.extras[s.name]?.printArea;
    if (printArea) cells += rangeArea(printArea); // written as the defined name _xlnm.Print_Area
  }
  for (const n of grid.names) cells += rangeArea(n.ref);
  if (cells > limits.maxCells) throw limitRefusal(file, { zh: `（全部 ${grid.sheets.length} 个工作表）`, en: `(all ${grid.sheets.length} sheets)` }, "maxCells", cells, limits.maxCells);
}
