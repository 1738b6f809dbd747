/**
 * Progress reporting of a multi-file validate, in-process with a fake clock: a redrawn bar on a
 * terminal, plain lines otherwise.
 */
import { barLine, clock, createProgress, displayWidth } from "../../src/cli/progress";
import type { FileOutcome } from "../../src/cli/report";
import { setLang } from "../../src/cli/locale";

const ok = (file: string): FileOutcome => ({ ok: true, file, projects: [{ seq: 1, code: "P1", name: "安保", sheet: "表1" }], findings: [] });
const bad = (file: string): FileOutcome => ({ ok: false, file, zh: "坏了", en: "broken" });

function sink(tty: boolean, columns = 100) {
  let t = 0;
  const out: string[] = [];
  return {
    out,
    tick: (ms: number) => void (t += ms),
    sink: { write: (s: string) => void out.push(s), tty, columns, now: () => t },
  };
}

describe("progress", () => {
  it("terminal: one bar redrawn with \\r, count/total, files/s and ETA; messages above the bar", () => {
    const s = sink(true);
    const p = createProgress(s.sink, 4);
    s.tick(1000);
    p.done(ok("a.xlsx"));
    s.tick(1000);
    p.done(ok("b.xlsx"));
    p.message("jxmb: 无法读取 c\n");
    s.tick(1000);
    p.done(bad("c.xlsx"));
    s.tick(1000);
    p.done(ok("d.xlsx"));
    p.finish();
    const all = s.out.join("");
    expect(all).not.toMatch(/\n\[\d/); // no per-file lines
    expect(all).toContain("\r[###############---------------] 2/4 ");
    expect(all).toContain(" 1/4  1.0 个/秒  剩余 0:03");
    expect(all).toContain(" 2/4  1.0 个/秒  剩余 0:02");
    expect(all).toContain(" 4/4  1.0 个/秒  剩余 0:00");
    expect(all.slice(0, all.indexOf("已检查"))).not.toMatch(/files\/s|ETA/); // one language on the bar, not two glued
    // The message clears the bar line first and the bar is drawn again after it.
    const msg = s.out.indexOf("jxmb: 无法读取 c\n");
    expect(s.out[msg - 1]).toBe("\r\x1b[K");
    expect(s.out[msg + 1]).toMatch(/^\r\[/);
    expect(all.endsWith("\n已检查 4 个文件，用时 4.0 秒（1.0 个/秒）。\n")).toBe(true);
    expect(all).not.toContain("Checked");
  });

  it("English (--lang en): the bar, the per-file lines and the closing line in English only", () => {
    setLang("en");
    try {
      const s = sink(true);
      const p = createProgress(s.sink, 2);
      s.tick(1000);
      p.done(ok("a.xlsx"));
      s.tick(1000);
      p.done(bad("b.xlsx"));
      p.finish();
      const all = s.out.join("");
      expect(all).toContain(" 1/2  1.0 files/s  ETA 0:01");
      expect(all.endsWith("\nChecked 2 files in 2.0 s (1.0 files/s).\n")).toBe(true);
      const plain = sink(false);
      const q = createProgress(plain.sink, 2);
      q.done(ok("a.xlsx"));
      q.done(bad("b.xlsx"));
      expect(plain.out.slice(0, 2)).toEqual(["[1/2] a.xlsx … 1 project(s), 0 error(s), 0 warning(s), 0 info\n", "[2/2] b.xlsx … cannot be read\n"]);
      expect(all + plain.out.join("")).not.toMatch(/[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/);
    } finally {
      setLang("zh");
    }
  });

  it("terminal: redraws at most every 100 ms, but always the last file", () => {
    const s = sink(true);
    const p = createProgress(s.sink, 50);
    for (let i = 0; i < 50; i++) {
      s.tick(10);
      p.done(ok(`${i}.xlsx`));
    }
    const bars = s.out.filter((x) => x.startsWith("\r["));
    expect(bars.length).toBeLessThanOrEqual(1 + 5 + 1);
    expect(bars[bars.length - 1]).toContain(" 50/50 ");
  });

  it("not a terminal: a plain line per file with its counts, no control characters", () => {
    const s = sink(false);
    const p = createProgress(s.sink, 2);
    p.done(ok("a.xlsx"));
    p.done(bad("b.xlsx"));
    p.finish();
    expect(s.out.slice(0, 2)).toEqual(["[1/2] a.xlsx … 1 个项目，错误 0，警告 0，提示 0\n", "[2/2] b.xlsx … 无法读取\n"]);
    expect(s.out.join("")).not.toMatch(/[\r\x1b]/);
  });

  it("the bar fits the terminal width (CJK counted double) and degrades to text on narrow ones", () => {
    for (const cols of [120, 80, 60]) {
      expect(displayWidth(barLine(123, 500, 5000, cols))).toBeLessThan(cols);
    }
    expect(barLine(1, 2, 1000, 30)).not.toContain("[");
    expect(barLine(0, 10, 0, 80)).toContain("剩余 --:--");
    expect(clock(3725)).toBe("1:02:05");
    expect(clock(59.6)).toBe("1:00");
  });
});
