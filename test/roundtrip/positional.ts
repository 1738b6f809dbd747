/** What the round-trip test ignores when comparing the original export with the re-imported one. */
import type { JxmbDocument } from "../../src/model/schema";

/**
 * Positional keys — where a value was found, not what it is:
 * - `projects[].source`            sheet, table range and the cell of every field (ProjectSource)
 * - `projects[].indicators[].source`, `projects[].midTerm.indicators[].source` the cell of every indicator field (CellMap)
 * - `overview.source`, `declaredTotals.source` the same for the department part and totals
 * - `projects[].layout`            which layout the table was read from ("hebei" → "template")
 * - `fiscalYearSource`             where the year was read ("code" → "printed" once in the template)
 * Nothing else is dropped.
 */
export function stripPositional(doc: JxmbDocument): unknown {
  const clone = JSON.parse(JSON.stringify(doc)) as Record<string, unknown> & JxmbDocument;
  for (const p of clone.projects as unknown as Record<string, unknown>[]) {
    delete p.source;
    delete p.layout;
    for (const ind of p.indicators as Record<string, unknown>[]) delete ind.source;
    for (const ind of ((p.midTerm as { indicators?: Record<string, unknown>[] } | undefined)?.indicators ?? [])) delete ind.source;
  }
  if (clone.overview) delete (clone.overview as Record<string, unknown>).source;
  if (clone.declaredTotals) delete (clone.declaredTotals as Record<string, unknown>).source;
  // Where the year came from: once written into the template it is printed there (a year inferred
  // from 项目编码 reads back as "printed"); the year itself must survive.
  delete (clone as Record<string, unknown>).fiscalYearSource;
  return clone;
}
