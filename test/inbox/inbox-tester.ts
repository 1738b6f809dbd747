/**
 * RuleTester for the inbox's cross-file rules: each case is a set of files (name + document, built with
 * the per-file rule tester's valid project), run through the real runner (checkInbox) restricted to one
 * rule; the findings are compared with the expected ones (file, sheet, cell, related places, message).
 */
import { checkInbox, type InboxFile, type InboxFinding } from "../../src/model/inbox";
import type { Severity } from "../../src/model/rules/types";

export interface ExpectedInboxFinding {
  file: string;
  sheet?: string | null;
  cell?: string | null;
  severity?: Severity;
  projectSeq?: number | null;
  messageIncludes?: string | string[];
  fixIncludes?: string;
  /** "file!sheet!cell" of each related place, in order. */
  related?: string[];
}

export interface InboxCase {
  name: string;
  files: InboxFile[];
}
export interface InvalidInboxCase extends InboxCase {
  errors: ExpectedInboxFinding[];
}

export function inboxFindings(ruleId: string, files: InboxFile[]): InboxFinding[] {
  return checkInbox(files, { rules: [ruleId] }).findings;
}

const show = (fs: InboxFinding[]) =>
  fs.map((f) => `  ${f.ruleId} ${f.severity} ${f.file}!${f.sheet}!${f.cell}: ${f.message} [${f.related.map((r) => `${r.file}!${r.sheet}!${r.cell}`).join(", ")}]`).join("\n") || "  (none)";

export function inboxRuleTester(ruleId: string, cases: { valid: InboxCase[]; invalid: InvalidInboxCase[] }): void {
  describe(ruleId, () => {
    cases.valid.forEach((c, i) => {
      test(`valid ${i + 1}: ${c.name}`, () => {
        const got = inboxFindings(ruleId, c.files);
        if (got.length > 0) throw new Error(`expected no ${ruleId} finding, got:\n${show(got)}`);
      });
    });
    cases.invalid.forEach((c, i) => {
      test(`invalid ${i + 1}: ${c.name}`, () => {
        const got = inboxFindings(ruleId, c.files);
        if (got.length !== c.errors.length) throw new Error(`expected ${c.errors.length} ${ruleId} finding(s), got ${got.length}:\n${show(got)}`);
        c.errors.forEach((e, k) => {
          const f = got[k];
          expect(f.ruleId).toBe(ruleId);
          expect(f.file).toBe(e.file);
          if (e.sheet !== undefined) expect(f.sheet).toBe(e.sheet);
          if (e.cell !== undefined) expect(f.cell).toBe(e.cell);
          if (e.severity !== undefined) expect(f.severity).toBe(e.severity);
          if (e.projectSeq !== undefined) expect(f.projectSeq).toBe(e.projectSeq);
          for (const m of e.messageIncludes === undefined ? [] : Array.isArray(e.messageIncludes) ? e.messageIncludes : [e.messageIncludes]) expect(f.message).toContain(m);
          if (e.fixIncludes !== undefined) expect(f.fix ?? "").toContain(e.fixIncludes);
          if (e.related !== undefined) expect(f.related.map((r) => `${r.file}!${r.sheet}!${r.cell}`)).toEqual(e.related);
          expect(f.message).not.toMatch(/\{\w+\}/);
        });
      });
    });
  });
}
