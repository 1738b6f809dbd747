/**
 * The schema's constants and blank values, free of zod so the readers and the export path do not
 * load it (zod costs ~45 ms of a CLI start). schema.ts builds its enums from these arrays: each
 * allowed value is written here once.
 */
import type { JxmbDocument, LayoutName, ProfileName, Project, Target } from "./schema";

export const SCHEMA_VERSION = 2;
export const SCHEMA_ID = `https://jxmb.example.org/schema/jxmb-v${SCHEMA_VERSION}.schema.json`;
/** Older versions whose documents import unchanged (their keys are a subset of this version's). */
export const COMPATIBLE_SCHEMA_VERSIONS: readonly number[] = [1];

export const PROFILE_NAMES = ["hebei", "ningxia", "central-2021"] as const;
/** Which layout a project table was read from. */
export const LAYOUT_NAMES = ["template", "hebei", "chengde", "ningxia", "json", "self-eval", "generic"] as const;
/** Normalised comparison operator of a 指标值. */
export const OPERATORS = ["≥", "≤", "=", ">", "<"] as const;
/** Which money a line of the self-evaluation 项目资金 block is about. */
export const FUND_ROLES = ["total", "fiscal", "carriedOver", "other", "line"] as const;
/** Where the document's budget year comes from: printed (title, caption, cover) or inferred. */
export const FISCAL_YEAR_SOURCES = ["printed", "code", "name", "period"] as const;

/** True when `v` is one of `values` (a zod-free enum check). */
export function isOneOf<T extends string>(values: readonly T[], v: unknown): v is T {
  return typeof v === "string" && (values as readonly string[]).includes(v);
}

export function emptyTarget(raw = ""): Target {
  return { raw, kind: "empty", operator: null, operatorRaw: null, value: null, valueMax: null, unit: null, date: null, text: null };
}

/** A project with every field blank; readers and writers fill what their layout carries. */
export function emptyProject(layout: LayoutName, sheet = "", seq = 0): Project {
  return {
    seq,
    title: null,
    code: null,
    name: null,
    unit: { code: null, name: null },
    competentDepartment: null,
    implementingUnit: null,
    attribute: null,
    period: null,
    budget: { total: null, fiscal: null, other: null, raw: { total: null, fiscal: null, other: null } },
    purpose: null,
    spendPlan: null,
    goals: [],
    indicators: [],
    redacted: false,
    layout,
    source: { sheet, range: null, cells: {} },
  };
}

export function emptyDocument(profile: ProfileName = "hebei"): JxmbDocument {
  return {
    $schema: SCHEMA_ID,
    schemaVersion: SCHEMA_VERSION,
    fiscalYear: null,
    moneyUnit: "万元",
    profile,
    department: { code: null, name: null },
    title: null,
    overview: null,
    declaredTotals: null,
    projects: [],
  };
}
