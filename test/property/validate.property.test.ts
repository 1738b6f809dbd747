/**
 * Property: `validate` never throws (and reports no internal rule error) on random canonical documents — the
 * generator of test/helpers/arbitraries.ts, every profile. Complements test/model/validate-property.test.ts, whose
 * documents come from the rule tester; these carry hostile text, huge strings, negative and huge amounts.
 */
import fc from "fast-check";
import { validate } from "../../src/model/validate";
import { JxmbDocument, type ProfileName } from "../../src/model/schema";
import { documentArb } from "../helpers/arbitraries";

const SEED = Number(process.env.JXMB_PROPERTY_SEED ?? 20261121);
const RUNS = Number(process.env.JXMB_PROPERTY_RUNS ?? 200);

test("validate never throws on random valid documents", () => {
  let cases = 0;
  let findings = 0;
  fc.assert(
    fc.property(documentArb({ maxProjects: 4 }), fc.constantFrom<ProfileName | undefined>(undefined, "hebei", "ningxia", "central-2021"), (doc, profile) => {
      cases++;
      expect(JxmbDocument.safeParse(doc).success).toBe(true); // the generator itself stays inside the schema
      const r = validate(doc, profile ? { profile } : {});
      findings += r.findings.length;
      expect(r.findings.filter((f) => /运行出错|internal error/.test(f.message))).toEqual([]);
      expect(r.summary.error + r.summary.warning + r.summary.info).toBe(r.findings.length);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
  console.log(`[property] validate: ${cases} random documents (seed ${SEED}), ${findings} findings in all`);
  expect(cases).toBe(RUNS);
});
