/**
 * Properties of the business diff (src/model/diff.ts) over random canonical documents:
 *
 * - diff(A, A) is empty;
 * - applying diff(A, B) to A gives B's canonical JSON — for B an edited copy of A (budget, plan, goals,
 *   indicators added / removed / edited / reordered, projects renamed / added / removed / reordered) and
 *   for B an unrelated document;
 * - reordering rows within an indicator block is no business change, and leaves the business changes
 *   against another version the same.
 */
import fc from "fast-check";
import { applyDiff, businessChanges, diffDocuments, diffSummary, diffText, hasBusinessChanges, isEmptyDiff, type DocumentDiff } from "../../src/model/diff";
import { toCanonicalJson } from "../../src/model/canonical";
import { parseTarget } from "../../src/model/value";
import type { JxmbDocument, Project } from "../../src/model/schema";
import { documentArb, wanArb } from "../helpers/arbitraries";
import { differences } from "./diff";

const SEED = Number(process.env.JXMB_PROPERTY_SEED ?? 20261206);
const RUNS = Number(process.env.JXMB_DIFF_RUNS ?? 150);
const params = { seed: SEED, numRuns: RUNS };

type Edit = (d: JxmbDocument) => void;

/** Random edits a clerk (or a bureau) makes between two versions. */
function editArb(): fc.Arbitrary<Edit> {
  const pick = fc.nat();
  return fc.oneof(
    fc.tuple(pick, wanArb()).map(([i, v]): Edit => (d) => {
      const p = d.projects[i % Math.max(1, d.projects.length)];
      if (p) p.budget.total = v;
    }),
    fc.tuple(pick, fc.integer({ min: 0, max: 100 })).map(([i, v]): Edit => (d) => {
      const p = d.projects[i % Math.max(1, d.projects.length)];
      if (p) p.spendPlan = { ...(p.spendPlan ?? { mar: null, jun: null, oct: null, dec: null, raw: { mar: null, jun: null, oct: null, dec: null } }), jun: v };
    }),
    fc.tuple(pick, fc.string({ maxLength: 8 })).map(([i, s]): Edit => (d) => {
      const p = d.projects[i % Math.max(1, d.projects.length)];
      if (p) p.goals = [...p.goals, `目标${s}`];
    }),
    fc.tuple(pick, pick, fc.constantFrom("≥98%", "100%", "10台", "进一步提高")).map(([i, j, raw]): Edit => (d) => {
      const p = d.projects[i % Math.max(1, d.projects.length)];
      const ind = p?.indicators[j % Math.max(1, p.indicators.length)];
      if (ind) ind.target = parseTarget(raw);
    }),
    fc.tuple(pick, pick).map(([i, j]): Edit => (d) => {
      const p = d.projects[i % Math.max(1, d.projects.length)];
      if (p && p.indicators.length) p.indicators.splice(j % p.indicators.length, 1);
    }),
    fc.tuple(pick, fc.string({ maxLength: 6 })).map(([i, s]): Edit => (d) => {
      const p = d.projects[i % Math.max(1, d.projects.length)];
      if (p) p.indicators.push({ ...(p.indicators[0] ?? newIndicator()), name: `新增指标${s}`, source: { name: `C${p.indicators.length + 9}` } });
    }),
    fc.tuple(pick, fc.array(fc.nat(), { minLength: 2, maxLength: 12 })).map(([i, order]): Edit => (d) => {
      const p = d.projects[i % Math.max(1, d.projects.length)];
      if (p) p.indicators = shuffled(p.indicators, order);
    }),
    fc.tuple(pick, fc.string({ maxLength: 8 })).map(([i, s]): Edit => (d) => {
      const p = d.projects[i % Math.max(1, d.projects.length)];
      if (p) p.name = `${p.name ?? ""}（更名${s}）`;
    }),
    pick.map((i): Edit => (d) => {
      if (d.projects.length) d.projects.splice(i % d.projects.length, 1);
    }),
    fc.array(fc.nat(), { minLength: 2, maxLength: 4 }).map((order): Edit => (d) => {
      d.projects = shuffled(d.projects, order);
    }),
    fc.constant<Edit>((d) => {
      d.fiscalYear = (d.fiscalYear ?? 2024) + 1;
    }),
  );
}

function newIndicator(): Project["indicators"][number] {
  return { level1: "产出指标", level2: "数量指标", name: "x", description: null, target: parseTarget("1台"), targetParts: null, basis: null, scoring: null, level1Raw: null, level2Raw: null, source: {} };
}

/** A permutation of `items` driven by `keys` (stable sort by a key per position). */
function shuffled<T>(items: readonly T[], keys: readonly number[]): T[] {
  return items
    .map((t, i) => ({ t, k: keys[i % keys.length] + i / 1000 }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.t);
}

const canon = (d: JxmbDocument) => toCanonicalJson(d);
const edited = (a: JxmbDocument, edits: Edit[]) => {
  const b = structuredClone(a);
  for (const e of edits) e(b);
  b.projects.forEach((p, i) => (p.seq = i + 1));
  return b;
};

function expectApplies(a: JxmbDocument, b: JxmbDocument, d: DocumentDiff): void {
  const got = canon(applyDiff(a, d));
  const want = canon(b);
  if (got !== want) throw new Error(`apply(A, diff(A, B)) ≠ B:\n${differences(JSON.parse(got), JSON.parse(want)).join("\n")}`);
}

describe("business diff properties", () => {
  it("diff(A, A) is empty, and says so", () => {
    fc.assert(
      fc.property(documentArb(), (a) => {
        const d = diffDocuments(a, structuredClone(a));
        expect(isEmptyDiff(d)).toBe(true);
        expect(diffText(d)).toContain("无差异");
        expect(diffSummary(d)).toContain("均无变化");
      }),
      params,
    );
  });

  it("applying diff(A, B) to A gives B's canonical JSON, B an edited A", () => {
    fc.assert(
      fc.property(documentArb({ maxProjects: 4 }), fc.array(editArb(), { minLength: 1, maxLength: 6 }), (a, edits) => {
        const b = edited(a, edits);
        const d = diffDocuments(a, b);
        expectApplies(a, b, d);
        // The diff is empty exactly when the two texts are equal.
        expect(isEmptyDiff(d)).toBe(canon(a) === canon(b));
      }),
      params,
    );
  });

  it("applying diff(A, B) to A gives B's canonical JSON, B unrelated", () => {
    fc.assert(
      fc.property(documentArb({ maxProjects: 4 }), documentArb({ maxProjects: 4 }), (a, b) => {
        expectApplies(a, b, diffDocuments(a, b));
      }),
      params,
    );
  });

  it("reordering rows within indicator blocks is no business change, and keeps the changes against another version", () => {
    fc.assert(
      fc.property(documentArb({ maxProjects: 3 }), fc.array(editArb(), { minLength: 1, maxLength: 4 }), fc.array(fc.nat(), { minLength: 2, maxLength: 12 }), (a, edits, order) => {
        const reordered = structuredClone(a);
        for (const p of reordered.projects) p.indicators = shuffled(p.indicators, order);
        const d = diffDocuments(a, reordered);
        expect(hasBusinessChanges(d)).toBe(false);
        expectApplies(a, reordered, d);
        const b = edited(a, edits);
        const text = (x: DocumentDiff) => diffText(x);
        // Same business text whether B is compared with A or with A's rows reordered (row positions are not named).
        expect(text(diffDocuments(reordered, b))).toBe(text(diffDocuments(a, b)));
        expect(businessChanges(diffDocuments(reordered, b)).projects.length).toBe(businessChanges(diffDocuments(a, b)).projects.length);
      }),
      params,
    );
  });
});
