/**
 * The seal in the model (no workbook file): the three verdicts from a grid holding the seal sheet, a move
 * of cells without a content change, and seals that were tampered with.
 */
import { makeSeal, readSeal, sealSheet, verdictText, verifySeal, SEAL_SHEET, compressText } from "../../src/model/seal";
import { toCanonicalJson } from "../../src/model/canonical";
import type { Grid } from "../../src/model/grid";
import type { JxmbDocument } from "../../src/model/schema";
import { loadExample } from "../helpers/seed-fixture";

const TIME = new Date(Date.UTC(2026, 11, 6, 1, 2, 3));

async function sealed(doc: JxmbDocument, name: string | null = "李四"): Promise<Grid> {
  return { sheets: [sealSheet(await makeSeal(doc, { time: TIME, name }))], names: [] };
}

describe("seal verdicts", () => {
  test("unchanged, then a budget figure changed, then no seal", async () => {
    const { doc } = await loadExample("seed-001");
    const grid = await sealed(doc);
    const ok = await verifySeal(grid, structuredClone(doc));
    expect(ok.status).toBe("unchanged");
    expect(verdictText(ok, "表.xlsx")).toMatch(/^表\.xlsx：已校验且未修改\n校验时间：2026-12-06T01:02:03\.000Z，校验人：李四；规则配置 /);

    const edited = structuredClone(doc);
    edited.projects[0].budget.total = (edited.projects[0].budget.total ?? 0) + 1;
    const v = await verifySeal(grid, edited);
    expect(v.status).toBe("modified");
    const text = verdictText(v);
    expect(text).toContain("校验后已修改");
    expect(text).toContain(`预算数：${doc.projects[0].budget.total} 万元 → ${edited.projects[0].budget.total} 万元`);

    expect((await verifySeal({ sheets: [], names: [] }, doc)).status).toBe("unsealed");
  });

  test("cells moved, content the same: 校验后已修改, saying only positions changed", async () => {
    const { doc } = await loadExample("seed-001");
    const moved = structuredClone(doc);
    const inds = moved.projects[0].indicators;
    [inds[0], inds[1]] = [inds[1], inds[0]];
    const v = await verifySeal(await sealed(doc), moved);
    expect(v.status).toBe("modified");
    expect(verdictText(v)).toContain("内容未变，仅表格位置（行、列或工作表）有变化");
  });

  test("a seal whose content was replaced by another document's is not trusted", async () => {
    const { doc } = await loadExample("seed-001");
    const grid = await sealed(doc);
    const other = structuredClone(doc);
    other.projects[0].name = "别的项目";
    const sheet = grid.sheets[0];
    const content = await compressText(toCanonicalJson(other));
    const rows = sheet.values.filter((r) => r[0] !== "内容（压缩）");
    rows.push(["内容（压缩）", content]);
    const forged: Grid = { sheets: [{ ...sheet, values: rows }], names: [] };
    const v = await verifySeal(forged, other);
    expect(v).toMatchObject({ status: "modified", diff: null, reason: "校验印记中的内容与其 SHA-256 不符（印记已被改动）" });
  });

  test("a seal sheet missing its hash or with an unknown format is reported as altered", async () => {
    const { doc } = await loadExample("seed-001");
    const grid = await sealed(doc, null);
    const noHash: Grid = { sheets: [{ ...grid.sheets[0], values: grid.sheets[0].values.filter((r) => !String(r[0]).startsWith("SHA-256")) }], names: [] };
    expect(readSeal(noHash)).toEqual({ found: true, seal: null, problem: "印记中的 SHA-256 缺失或格式不对" });
    const v = await verifySeal(noHash, doc);
    expect(verdictText(v)).toContain("校验印记已被改动：印记中的 SHA-256 缺失或格式不对");
    const odd: Grid = { sheets: [{ name: SEAL_SHEET, values: [["印记格式", "9"]], merges: [] }], names: [] };
    expect(readSeal(odd)).toMatchObject({ found: true, seal: null });
  });
});
