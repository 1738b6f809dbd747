/**
 * Property: for random canonical documents, a seal made of A verifies A as 已校验且未修改, and any B whose
 * canonical JSON differs from A's as 校验后已修改 with the diff that rebuilds B from the sealed content.
 */
import fc from "fast-check";
import { makeSeal, sealSheet, verifySeal } from "../../src/model/seal";
import { applyDiff } from "../../src/model/diff";
import { toCanonicalJson } from "../../src/model/canonical";
import { documentArb } from "../helpers/arbitraries";

const SEED = Number(process.env.JXMB_PROPERTY_SEED ?? 20261206);
const RUNS = Number(process.env.JXMB_SEAL_RUNS ?? 30);

jest.setTimeout(120_000);

test("seal(A) verifies A unchanged, and B ≠ A as modified with the diff from the sealed content to B", async () => {
  await fc.assert(
    fc.asyncProperty(documentArb({ maxProjects: 3 }), documentArb({ maxProjects: 3 }), async (a, b) => {
      const grid = { sheets: [sealSheet(await makeSeal(a, { time: new Date(0) }))], names: [] };
      expect((await verifySeal(grid, structuredClone(a))).status).toBe("unchanged");
      const v = await verifySeal(grid, b);
      if (toCanonicalJson(a) === toCanonicalJson(b)) {
        expect(v.status).toBe("unchanged");
        return;
      }
      if (v.status !== "modified" || !v.diff) throw new Error(`expected modified with a diff, got ${v.status}`);
      expect(toCanonicalJson(applyDiff(a, v.diff))).toBe(toCanonicalJson(b));
    }),
    { seed: SEED, numRuns: RUNS },
  );
});
