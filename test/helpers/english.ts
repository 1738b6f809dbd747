/**
 * What an English finding may still carry in Chinese: workbook text, quoted (“…”, 「…」), and the
 * names of the workbook's sheets and projects. `cjkOutsideQuotes` returns what is left over, "" when
 * the English is clean.
 */
const QUOTED = /“[^“”]*”|「[^「」]*」|‘[^‘’]*’/g;
// Han ideographs (incl. extensions and compatibility), CJK punctuation, full-width forms.
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

export function cjkOutsideQuotes(text: string, names: readonly (string | null | undefined)[] = []): string {
  // Quotes nest (a quoted row name that quotes a term): strip the innermost until none are left.
  let rest = text;
  for (let prev = ""; prev !== rest; ) {
    prev = rest;
    rest = rest.replace(QUOTED, "");
  }
  for (const n of [...names].filter((n): n is string => !!n).sort((a, b) => b.length - a.length)) rest = rest.split(n).join("");
  return CJK.test(rest) ? rest : "";
}
