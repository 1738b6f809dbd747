import { doc, project } from "../rules/rule-tester";
import { emptyDocument, type JxmbDocument } from "../../src/model/schema";
import { inboxFileFindings, mergeInbox, type InboxFile } from "../../src/model/inbox";
import { parseCanonicalJson, toCanonicalJson } from "../../src/model/canonical";
import { validate } from "../../src/model/validate";

function summaryFile(): InboxFile {
  const d = emptyDocument("hebei");
  d.fiscalYear = 2023;
  d.department = { code: "312", name: "卢龙县公安局" };
  d.title = "卢龙县公安局 2023 年部门预算绩效文本";
  d.overview = { summary: "全县平安建设", items: [], safeguards: null, source: { sheet: "部门", range: "A1:E20", cells: { summary: "B5" } } };
  d.declaredTotals = { department: 100, units: [{ code: "312001", name: "本级", total: 100 }], source: { sheet: "汇总", range: null, cells: { department: "F8", "units.0.total": "F11" } } };
  return { file: "部门汇总.xlsx", document: d };
}

const unitFile = (name: string, seqs: number[], extra: Partial<JxmbDocument> = {}, unit = "312001"): InboxFile => ({
  file: name,
  document: doc(
    seqs.map((s, i) => ({ ...project({ seq: s }), seq: i + 1, unit: { code: unit, name: null } })),
    { department: { code: "312001", name: "卢龙县公安局本级" }, ...extra },
  ),
});

describe("mergeInbox", () => {
  test("every project in file order, renumbered, each keeping its file and position; schema-valid canonical JSON", () => {
    const files = [summaryFile(), unitFile("单位/a.xlsx", [1, 2]), unitFile("单位/b.xlsx", [3])];
    const { document, notes } = mergeInbox(files);
    expect(notes).toEqual([]);
    expect(document.projects.map((p) => [p.seq, p.source.file, p.source.seq, p.source.sheet])).toEqual([
      [1, "单位/a.xlsx", 1, "项目1"],
      [2, "单位/a.xlsx", 2, "项目2"],
      [3, "单位/b.xlsx", 1, "项目3"],
    ]);
    // The department part comes from the department's own file, with its provenance.
    expect(document.department).toEqual({ code: "312", name: "卢龙县公安局" });
    expect(document.title).toBe("卢龙县公安局 2023 年部门预算绩效文本");
    expect(document.overview?.source?.file).toBe("部门汇总.xlsx");
    expect(document.declaredTotals?.department).toBe(100);
    expect(document.declaredTotals?.source?.file).toBe("部门汇总.xlsx");
    const text = toCanonicalJson(document);
    const back = parseCanonicalJson(text);
    expect(back.ok).toBe(true);
    if (back.ok) expect(toCanonicalJson(back.document)).toBe(text);
    expect(text).toContain('"file": "单位/b.xlsx"');
    // The inputs are not changed.
    expect(files[2].document.projects[0].seq).toBe(1);
    expect(files[2].document.projects[0].source.file).toBeUndefined();
  });

  test("a document read from one file has no provenance keys: its canonical JSON is as before", () => {
    const d = doc([project({ seq: 1 })]);
    expect(toCanonicalJson(d)).not.toMatch(/"file"|"seq": 1,\n\s*"file"/);
  });

  test("without a department 汇总: the majority's department and year, the units' declared rows, no invented department total; disagreements noted", () => {
    const rows = (code: string, total: number) => ({ department: total, units: [{ code, name: null, total }], source: { sheet: "汇总", range: null, cells: {} } });
    const files = [
      unitFile("a.xlsx", [1], { declaredTotals: rows("312001", 50) }, "312001"),
      unitFile("b.xlsx", [2], { declaredTotals: rows("312003", 50) }, "312003"),
      unitFile("c.xlsx", [3], { fiscalYear: 2024 }, "312005"),
    ];
    const { document, notes } = mergeInbox(files);
    expect(document.fiscalYear).toBe(2023);
    expect(notes.join()).toContain("预算年度不一致");
    expect(document.declaredTotals).toEqual({ department: null, units: [{ code: "312001", name: null, total: 50 }, { code: "312003", name: null, total: 50 }], source: null });
    expect(document.projects).toHaveLength(3);
  });
});

describe("inboxFileFindings", () => {
  test("a department 汇总's own total check gives way to the cross-file rules; a unit file keeps its own", () => {
    const files = [summaryFile(), unitFile("a.xlsx", [1, 2])];
    const own = validate(files[0].document).findings;
    expect(own.map((f) => f.ruleId)).toContain("budget/total-mismatch");
    expect(inboxFileFindings(files, 0, own).map((f) => f.ruleId)).not.toContain("budget/total-mismatch");
    const unit = { ...files[1], document: { ...files[1].document, declaredTotals: { department: 1, units: [], source: null } } };
    const unitOwn = validate(unit.document).findings;
    expect(unitOwn.map((f) => f.ruleId)).toContain("budget/total-mismatch");
    expect(inboxFileFindings([files[0], unit], 1, unitOwn)).toEqual(unitOwn);
    // Alone, the 汇总 is just a file: its findings stand.
    expect(inboxFileFindings([files[0]], 0, own)).toEqual(own);
  });
});
