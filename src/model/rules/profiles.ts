/**
 * Profiles: which rules run and at what severity, per regime. A rule not listed keeps its default
 * severity (meta.severity); "off" turns it off. Sources are rules-research.md sections (§n) and the
 * seed catalogs.
 */
import type { ProfileName } from "../schema";
import type { Framework } from "../taxonomy";
import type { Severity } from "./types";

export type RuleSetting = Severity | "off";

export interface Profile {
  name: ProfileName;
  /** zh-CN title for UIs. */
  title: string;
  titleEn: string;
  /** Indicator framework expected by default (a project that clearly uses the other one is accepted). */
  framework: Framework;
  /** Overrides of the rules' default severities. */
  rules: Readonly<Record<string, RuleSetting>>;
}

export const PROFILES: Readonly<Record<ProfileName, Profile>> = {
  hebei: {
    name: "hebei",
    title: "河北省（部门预算绩效文本，财预〔2015〕88号指标体系）",
    titleEn: "Hebei (2015 framework, 成本 under 产出)",
    // Hebei's 预算项目绩效目标表 follows the 2015 framework: 成本 is a 二级 under 产出 (§2.4, §3.1;
    // seeds 000/001/002 all do).
    framework: "2015",
    rules: {
      // The Hebei form has a 成本指标 row under 产出 and the county forms fill it in every project of
      // seed 000; a missing 成本 二级 is a form defect here (§3.1, §6 D26 "E for strict regimes").
      "indicator/missing-cost": "error",
      // 88号 weights assume a satisfaction indicator (§2.2) but 101 makes it optional: keep a warning.
      "indicator/missing-satisfaction": "warning",
      // Seed 000 writes both "5万元" and "≤400万元"; 承德 (seed 002) has a mandatory 符号 column. No
      // written Hebei rule found (§6 E34 "I"): informational.
      "value/missing-operator": "info",
    },
  },
  ningxia: {
    name: "ningxia",
    title: "宁夏回族自治区（部门项目支出预算绩效目标表）",
    titleEn: "Ningxia (county form, no spend plan, no 依据 column)",
    framework: "2015",
    rules: {
      // The Ningxia form has no 资金支出计划, no 项目编码 and no 指标值确定依据 column (§3.2; seed 004).
      "spend-plan/missing": "off",
      "spend-plan/out-of-range": "off",
      "spend-plan/decreasing": "off",
      "spend-plan/not-100": "off",
      "spend-plan/unusual": "off",
      "project/code-format": "off",
      "project/code-duplicate": "off",
      "project/code-division": "off",
      "basis/missing": "off",
      "basis/swapped": "off",
      "basis/uniform": "off",
      // Seed 004 P7 annotates 数量/成本 as "必填硬性指标" and 质量/时效/满意度 as "必填" (§4.1 of the
      // 002–004 catalog): missing ones are errors on this form.
      "indicator/missing-cost": "error",
      "indicator/missing-satisfaction": "error",
      "indicator/missing-output-dimension": "error",
      // Published Ningxia tables routinely omit the operator (seed 004: 86 of 116 non-text values); the
      // form has no 符号 column, so it is not a requirement there.
      "value/missing-operator": "off",
    },
  },
  "central-2021": {
    name: "central-2021",
    title: "中央部门（财预〔2021〕101号指标体系）",
    titleEn: "Central departments (2021 framework, 成本 as 一级)",
    // 101号: four 一级, 成本 is a 一级 with 经济/社会/生态环境成本 (§1.2).
    framework: "2021",
    rules: {
      // 101号 requires 成本 only for 工程基建/大型修缮及购置 projects (§1.2): warn, do not block.
      "indicator/missing-cost": "warning",
      // 101号: 满意度 is optional, chosen per need (§1.2): a hint only.
      "indicator/missing-satisfaction": "info",
      // The 一体化 data model keeps the operator in its own 计算符号 field (§5): expected.
      "value/missing-operator": "warning",
      // Central tables use 项目代码 (pro_code, 21 chars, §5) too, but their 编码 scheme is not the
      // Hebei one: length errors only make sense when we know the pattern.
      "project/code-format": "warning",
    },
  },
};

export const PROFILE_NAMES = Object.keys(PROFILES) as ProfileName[];

export function frameworkOf(profile: ProfileName): Framework {
  return (PROFILES[profile] ?? PROFILES.hebei).framework;
}

/** Effective setting of a rule under a profile. */
export function ruleSetting(profile: ProfileName, ruleId: string, defaultSeverity: Severity): RuleSetting {
  const p = PROFILES[profile] ?? PROFILES.hebei;
  return p.rules[ruleId] ?? defaultSeverity;
}
