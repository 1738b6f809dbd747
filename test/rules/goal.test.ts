import { ruleTester, project, doc } from "./rule-tester";
import { NearDuplicateIndex, normalizeForSimilarity, similarity } from "../../src/model/rules/similar";

ruleTester("goal/missing", {
  valid: [{ name: "one goal" }, { name: "several goals, one blank", project: project({ goals: ["", "目标2：全年完成 10 次培训"] }) }],
  invalid: [
    { name: "no goal", project: project({ goals: [] }), errors: [{ cell: "A1", severity: "error" }] },
    { name: "blank goal", project: project({ goals: ["  "] }), errors: [{ cell: "B8", messageIncludes: "缺少绩效目标" }] },
  ],
});

ruleTester("goal/placeholder", {
  valid: [
    { name: "real text" },
    { name: "goal mentions the project name among other words", project: project({ name: "业务费", goals: ["1.业务费用于办案，全年办结案件 200 件"] }) },
    // Seed 000 #1–24: "1.目标内容 1 通过…": the county form prints the label; the goal is the text after it.
    { name: "the form label 目标内容 1 before a goal (seed 000)", project: project({ goals: ["1.目标内容 1 年内完成 10 台执法记录仪采购"] }) },
  ],
  invalid: [
    { name: "only the form label", project: project({ goals: ["1.目标内容1"] }), errors: [{ cell: "B8", messageIncludes: "只有表样标签“1.目标内容1”", fixIncludes: "在标签后填写" }] },
    { name: "the label, then the project name", project: project({ name: "业务费", goals: ["目标内容 1 业务费"] }), errors: [{ messageIncludes: "只重复了项目名称" }] },
    { name: "请填写", project: project({ goals: ["请填写绩效目标"] }), errors: [{ messageIncludes: "模板占位" }] },
    // Seed 001 #30/#31: goal "1.海防委员会办公经费" = the project name.
    { name: "goal = project name (seed 001 #30)", project: project({ name: "海防委员会办公经费", goals: ["1.海防委员会办公经费"] }), errors: [{ messageIncludes: "只重复了项目名称" }] },
    {
      name: "goal = 资金用途, reported once even when repeated (seed 001 #28)",
      project: project({ purpose: "加强监管场所经费保障。", goals: ["1.加强监管场所经费保障。", "2.加强监管场所经费保障。"] }),
      errors: [{ cell: "B8", messageIncludes: "与资金用途相同" }],
    },
  ],
});

ruleTester("goal/vague", {
  valid: [
    { name: "has numbers" },
    { name: "Chinese numeral with a measure word (seed 004 P6 三人)", project: project({ goals: ["保障三人住房公积金足额缴纳"] }) },
    { name: "a deadline", project: project({ goals: ["年底前完成执法办案中心改造并通过验收"] }) },
    { name: "a dated deadline", project: project({ goals: ["2023年12月底前完成执法办案中心改造"] }) },
  ],
  invalid: [
    // Seed 001 #14–#23: "维护辖区交通安全形势持续稳定发展。"
    { name: "slogan (seed 001 #14)", project: project({ goals: ["维护辖区交通安全形势持续稳定发展。"] }), errors: [{ cell: "B8", messageIncludes: "维护辖区交通安全形势持续稳定发展" }] },
    // Corpus 07: "确保完成2019年度任务": the budget year as an adjective is not a measurable element.
    { name: "the year as an adjective (corpus 07)", project: project({ goals: ["保障志鉴地情相关工作开展所需资金，确保完成2023年度任务。"] }), errors: [{ messageIncludes: "确保完成2023年度任务" }] },
    { name: "numbering and 目标内容 1 are not numbers", project: project({ goals: ["1.目标内容 1 保障机关正常运转"] }), errors: [{ messageIncludes: "保障机关正常运转" }] },
  ],
});

const same = "维护辖区交通安全形势持续稳定发展。";
/** Corpus 50: the county columns of one printed table (one sheet, one 项目名称 cell). */
const countyColumn = (seq: number) => {
  const p = project({ seq, goals: [same] });
  return { ...p, source: { ...p.source, sheet: "绩效目标表", cells: { ...p.source.cells, name: "C5" } } };
};
ruleTester("goal/copied", {
  valid: [
    { name: "the county columns of one table share its goal (corpus 50)", doc: doc([countyColumn(1), countyColumn(2), countyColumn(3)]) },
    { name: "different goals", doc: doc([project(), project({ seq: 2 })]) },
    { name: "short goals may repeat", doc: doc([project({ goals: ["保障运转"] }), project({ seq: 2, goals: ["保障运转"] })]) },
  ],
  invalid: [
    {
      // Seed 001 #14–#23 share one sentence.
      name: "identical goal across projects (seed 001 #14–23)",
      doc: doc([project({ goals: [same] }), project({ seq: 2, goals: [same] }), project({ seq: 3, goals: [`1.${same}`] })]),
      errors: [
        { projectSeq: 2, cell: "B8", severity: "warning", messageIncludes: "与第 1 个项目（执法记录仪购置经费1）完全相同", fixIncludes: "不要沿用第 1 个项目的目标" },
        { projectSeq: 3, messageIncludes: "第 1 个项目" },
      ],
    },
    {
      // Seed 001 #28: three identical items.
      name: "repeated items inside one goal (seed 001 #28)",
      project: project({ goals: ["1.加强监管场所经费保障，提升公安服务能力。", "2.加强监管场所经费保障，提升公安服务能力。", "3.加强监管场所经费保障，提升公安服务能力。"] }),
      errors: [
        { cell: "B9", messageIncludes: "第 2 条绩效目标与第 1 条重复" },
        { cell: "B10", messageIncludes: "第 3 条绩效目标与第 1 条重复" },
      ],
    },
  ],
});

ruleTester("goal/near-duplicate", {
  valid: [
    { name: "different goals", doc: doc([project({ seq: 1, goals: ["1.年内完成 10 台执法记录仪采购并投入使用。"] }), project({ seq: 2, goals: ["1.保障看守所在押人员伙食，全年不发生食品安全事故。"] })]) },
    // Seed 001 #14–#23 share one sentence: goal/copied reports identical goals.
    { name: "identical goals are goal/copied's", doc: doc([project({ seq: 1, goals: ["维护辖区交通安全形势持续稳定发展，年内完成信号灯维护。"] }), project({ seq: 2, goals: ["维护辖区交通安全形势持续稳定发展，年内完成信号灯维护。"] })]) },
    { name: "short goals repeat legitimately", doc: doc([project({ seq: 1, goals: ["保障单位正常运转。"] }), project({ seq: 2, goals: ["保障单位正常运转！"] })]) },
  ],
  invalid: [
    // Seed 004 P13 copies P7's goal with a small edit.
    {
      name: "punctuation, spaces and one character differ (seed 004 P13 ← P7)",
      doc: doc([
        project({ seq: 1, goals: ["保障武警中队官兵45人日常工作运行水电暖经费，确保中队执勤、训练、生活正常开展。"] }),
        project({ seq: 2, goals: ["保障武警中队官兵 45 人日常工作运行水电暖费用；确保中队执勤训练生活正常开展"] }),
      ]),
      errors: [{ projectSeq: 2, cell: "B8", severity: "info", messageIncludes: "绩效目标与第 1 个项目（执法记录仪购置经费1）几乎相同" }],
    },
  ],
});

describe("similar: bucketed near-duplicate index", () => {
  test("10,000 copies with a one-character edit are all linked to the first; different numbers are not copies", () => {
    const index = new NearDuplicateIndex<number>();
    const words = "甲乙丙丁戊己庚辛壬癸";
    let linked = 0;
    for (let i = 0; i < 10_000; i++) if (index.add(normalizeForSimilarity(`保障${words[i % 10]}项业务工作正常开展，全年保障人数253人。`), i)?.id === 0) linked++;
    expect(linked).toBe(9_999);
    expect(index.add(normalizeForSimilarity("保障甲项业务工作正常开展，全年保障人数300人。"), -1)).toBeNull();
  });
  test("similarity is bigram Jaccard on normalised text", () => {
    expect(similarity("维护辖区社会治安稳定", "维护辖区社会治安稳定")).toBe(1);
    expect(similarity(normalizeForSimilarity("维护辖区，社会治安稳定。"), normalizeForSimilarity("维护辖区社会治安稳定"))).toBe(1);
    expect(similarity("维护辖区社会治安稳定", "保障看守所在押人员伙食")).toBeLessThan(0.2);
  });
});

ruleTester("goal/past-tense", {
  valid: [
    { name: "a target for the year" },
    { name: "为了 / 了解 are not past tense", project: project({ goals: ["为了解决执法取证难题，年内完成 10 台执法记录仪采购，了解群众需求。"] }) },
    { name: "确保圆满完成 is a target", project: project({ goals: ["确保圆满完成全年安保任务，不发生重大安全事故。"] }) },
  ],
  invalid: [
    // Seed 001 #28/#29: "…提升了公安服务能力和水平。"
    { name: "提升了 (seed 001 #29)", project: project({ goals: ["1.加强监管场所经费保障，提升了公安服务能力和水平。"] }), errors: [{ cell: "B8", severity: "info", messageIncludes: "提升了公安服务能力", fixIncludes: "把“提升了”改为“提升”" }] },
    // Seed 000 #17: "已达到有关执法办案区建设要求".
    { name: "已达到 (seed 000 #17)", project: project({ goals: ["完成执法办案区升级改造。", "执法办案区已达到有关执法办案区建设要求。"] }), errors: [{ cell: "B9", messageIncludes: "已达到" }] },
  ],
});

const midGoal = "通过采购雾炮车降尘抑尘服务，服务周期2023.07-2024.01，全市空气质量达到优良";
const withMidTerm = (year: string, mid: string) => {
  const p = project({ goals: [year] });
  return { ...p, midTerm: { goals: [mid], indicators: [] } };
};
ruleTester("goal/not-annual", {
  valid: [
    { name: "no 实施期 goal on the form" },
    { name: "the year's share of the whole", project: withMidTerm("2023年完成雾炮车降尘服务 6 个月，空气质量优良天数比例 ≥85%", midGoal) },
    { name: "short goals may repeat", project: withMidTerm("保障运转", "保障运转") },
  ],
  invalid: [
    {
      // Corpus 53 湘潭: 实施期绩效目标 and 本年度绩效目标 are the same sentence.
      name: "the year's goal copies the 实施期 goal (corpus 53)",
      project: withMidTerm(midGoal, midGoal),
      errors: [{ cell: "B8", severity: "warning", messageIncludes: "本年度绩效目标与实施期（中期）目标相同", fixIncludes: "写明 2023 年要完成的部分" }],
    },
  ],
});
