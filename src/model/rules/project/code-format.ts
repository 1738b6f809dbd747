import type { Rule } from "../types";

// Spaces and brackets are stripped before checking: PDFs wrap codes ("13032423P0044281013 9H") and
// 承德 tables bracket them (seed 002).
const STRIP = /[\s\u3000\u00a0【】\[\]()（）]/g;
// 6-digit division + 2-digit year + 13 upper-case alphanumerics. Codes of 2022+ continue with "P"
// (all 63 codes of seeds 000/001), but seed 002's 2021 codes do not ("130811211P05HPWFNMG5T",
// "13081121X9CPRUR1A7I16"): the tail's meaning is not documented (rules-research §8), so only the
// length, the numeric prefix and the character set are checked.
const CODE = /^\d{8}[0-9A-Z]{13}$/;

/**
 * 项目编码: 21 characters (一体化 pro_code). Wrong length or characters → the code cannot be matched in
 * 预算管理一体化.
 */
export const rule: Rule = {
  meta: {
    id: "project/code-format",
    category: "project",
    title: "项目编码格式错误",
    titleEn: "Malformed project code",
    specificity: 70,
    severity: "error",
    message: "项目编码“{code}”格式不正确：{reason}",
    messageEn: "Project code “{code}” is malformed: {reason}",
    rationale: "预算管理一体化系统的项目代码（pro_code）为 21 位；河北表样的编码为 8 位数字 + P + 12 位字母数字，格式错误无法与系统项目对应。",
    source: "预算管理一体化规范 数据标准 pro_code(21)（rules-research §5、§6 A3）",
  },
  check(p, ctx) {
    if (!p.code) return;
    const c = p.code.replace(STRIP, "");
    if (c.length !== 21) {
      ctx.report({ field: "code", data: { code: p.code, reason: `应为 21 位，实际 ${c.length} 位` }, dataEn: { reason: `it should have 21 characters, not ${c.length}` }, fix: "核对项目编码，去掉多余或补全缺少的字符", fixEn: "Check the project code: remove the extra or add the missing characters" });
    } else if (!CODE.test(c)) {
      ctx.report({
        field: "code",
        data: { code: p.code, reason: "前 8 位应为数字（区划 + 年度），其余为大写字母或数字" },
        dataEn: { reason: "the first 8 characters are digits (division + year), the rest capital letters or digits" },
        fix: /[a-z]/.test(c) ? "字母应为大写" : undefined,
        fixEn: /[a-z]/.test(c) ? "Letters are capitals" : undefined,
      });
    }
  },
};
