/** Readable differences between two JSON values (a 32k-character toEqual diff helps nobody). */
const show = (v: unknown) => {
  const t = JSON.stringify(v) ?? "undefined";
  return t.length > 80 ? `${[...t].slice(0, 50).join("")}…(${t.length} chars)` : t;
};

/** Paths where `a` and `b` differ (at most 10), with short previews and, for text, the first differing code points. */
export function differences(a: unknown, b: unknown, path = "$", out: string[] = []): string[] {
  if (out.length >= 10) return out;
  if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) differences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`, out);
  } else if (typeof a === "string" && typeof b === "string" && a !== b) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    const codes = (s: string) => [...s.slice(Math.max(0, i - 2), i + 3)].map((c) => c.codePointAt(0)!.toString(16)).join(" ");
    out.push(`${path}: text differs at ${i} of ${a.length}/${b.length}: wrote [${codes(a)}], read back [${codes(b)}]`);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: wrote ${show(a)}, read back ${show(b)}`);
  return out;
}
