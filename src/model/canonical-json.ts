/**
 * Canonical JSON: the finance bureau's exchange format. Same model → byte-identical text:
 * keys in schema declaration order, source-map keys in natural order, two-space indentation,
 * "\n" line ends and a trailing newline, -0 written as 0.
 *
 * Zod-free (the export path loads no zod): the document is checked and its keys ordered from the
 * shape generated from the zod schema (schema-shape.ts), which gives what a zod parse gave.
 */
import { DOCUMENT_SHAPE } from "./schema-shape";
import type { JxmbDocument } from "./schema";
import { compileCheckedCopy, shapeMismatch } from "./shape";

function naturalCompare(a: string, b: string): number {
  const ra = a.split(/(\d+)/);
  const rb = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    if (ra[i] === rb[i]) continue;
    const na = Number(ra[i]);
    const nb = Number(rb[i]);
    if (i % 2 === 1 && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
    return ra[i] < rb[i] ? -1 : 1;
  }
  return ra.length - rb.length;
}

// Source maps (the shape's records: Indicator.source, ProjectSource.cells) hold keys in the order
// the reader met them: sorted naturally.
let checkedCopy: ((value: unknown) => { value: unknown } | null) | null = null;

export function toCanonicalJson(doc: JxmbDocument): string {
  // One pass checks the document and copies it in schema order (what shapeMismatch + orderedCopy give).
  checkedCopy ??= compileCheckedCopy(DOCUMENT_SHAPE, naturalCompare);
  const copy = checkedCopy(doc);
  if (!copy) throw new Error(`not a JXMB document: ${shapeMismatch(DOCUMENT_SHAPE, doc)}`);
  // No replacer: JSON.stringify writes -0 as 0 by itself, and a replacer function called for every
  // value cost more than the copy.
  return JSON.stringify(copy.value, null, 2) + "\n";
}
