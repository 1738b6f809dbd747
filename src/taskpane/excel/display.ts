/**
 * A cell's text as a spreadsheet shows it, for the common number formats of these forms: percentages ("0%",
 * "0.0%"), fixed decimals ("0.00", "#,##0.00") and dates. Anything else falls back to the plain value text. The
 * standalone page uses it so a plan cell reads "75%" as in the sheet, not 0.75.
 */
import { cellText, type CellValue } from "../../model/grid";

function decimals(fmt: string): number {
  const m = /\.(0+)/.exec(fmt);
  return m ? m[1].length : 0;
}

export function displayText(v: CellValue, fmt: string | null | undefined): string {
  if (typeof v !== "number" || !Number.isFinite(v) || !fmt || fmt === "General" || fmt === "@") return cellText(v);
  const bare = fmt.split(";")[0].replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  if (/%/.test(bare)) return `${(v * 100).toFixed(decimals(bare))}%`;
  if (/^[#,0]+(\.0+)?$/.test(bare.trim())) {
    const d = decimals(bare);
    const fixed = v.toFixed(d);
    if (!bare.includes(",")) return fixed;
    const [int, frac] = fixed.split(".");
    return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${frac !== undefined ? `.${frac}` : ""}`;
  }
  return cellText(v);
}
