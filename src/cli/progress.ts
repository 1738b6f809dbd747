/**
 * Progress of a multi-file `jxmb validate`, always on stderr (stdout carries only the report, so
 * `--format json > r.json` stays clean).
 *   - stderr is a terminal: one bar redrawn in place with `\r` (count/total, files/s, ETA), at most
 *     every REDRAW_MS so a fast pool does not flood the terminal; messages about unreadable files
 *     are printed above the bar.
 *   - otherwise (CI logs, pipes, tests): one plain line per finished file, as it always was.
 * A closing line gives the total time and throughput in both cases.
 */
import type { FileOutcome } from "./report";
import { summarise } from "./report";
import { visible } from "./visible";
import { tr } from "./locale";

export interface ProgressSink {
  write: (text: string) => void;
  /** True when the sink is a terminal that understands `\r` and `ESC[K`. */
  tty: boolean;
  /** Terminal width (columns); 80 when unknown. */
  columns?: number;
  /** Clock in ms (injectable for tests). */
  now?: () => number;
}

export interface Progress {
  /** One file finished (in completion order, not input order). */
  done: (outcome: FileOutcome) => void;
  /** A message that must not be torn by the bar (e.g. why a file could not be read). */
  message: (text: string) => void;
  /** All files finished: final bar state and the throughput line. */
  finish: () => void;
}

const REDRAW_MS = 100;

/** Display width: CJK and full-width forms take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return w;
}

/** m:ss, or h:mm:ss past an hour. */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

function rate(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : 0;
}

/** The bar line (without `\r`), fitted to `columns`. Exported for tests. */
export function barLine(done: number, total: number, elapsedMs: number, columns: number): string {
  const perSec = rate(done, elapsedMs);
  const eta = done > 0 && done < total ? clock(((total - done) * elapsedMs) / done / 1000) : done >= total ? "0:00" : "--:--";
  const tail = ` ${done}/${total}  ${tr(`${perSec.toFixed(1)} 个/秒  剩余 ${eta}`, `${perSec.toFixed(1)} files/s  ETA ${eta}`)}`;
  const room = columns - 1 - displayWidth(tail) - 2; // keep the last column free: some terminals wrap there
  const width = Math.max(0, Math.min(30, room));
  if (width < 5) return tail.trim();
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}]${tail}`;
}

function fileLine(outcome: FileOutcome): string {
  if (!outcome.ok) return tr("无法读取", "cannot be read");
  // A department 汇总 without project tables: its totals are checked against the other files once all are read.
  if (outcome.declared && outcome.projects.length === 0) return tr("汇总表，无项目表（合计待所有文件读完后核对）", "summary sheet, no project table (totals checked once all files are read)");
  const s = summarise(outcome.findings);
  return tr(
    `${outcome.projects.length} 个项目，错误 ${s.error}，警告 ${s.warning}，提示 ${s.info}`,
    `${outcome.projects.length} project(s), ${s.error} error(s), ${s.warning} warning(s), ${s.info} info`,
  );
}

export function createProgress(sink: ProgressSink, total: number): Progress {
  const now = sink.now ?? (() => performance.now());
  const columns = sink.columns && sink.columns > 20 ? sink.columns : 80;
  const t0 = now();
  let count = 0;
  let lastDraw = -Infinity;
  let drawn = false;

  const draw = (force: boolean) => {
    const t = now();
    if (!force && t - lastDraw < REDRAW_MS) return;
    lastDraw = t;
    sink.write(`\r${barLine(count, total, t - t0, columns)}\x1b[K`);
    drawn = true;
  };
  const clearBar = () => {
    if (drawn) sink.write("\r\x1b[K");
    drawn = false;
  };

  if (sink.tty) draw(true);
  return {
    done(outcome) {
      count++;
      if (sink.tty) draw(count === total);
      else sink.write(`[${count}/${total}] ${visible(outcome.file)} … ${fileLine(outcome)}\n`);
    },
    message(text) {
      if (sink.tty) {
        clearBar();
        sink.write(text);
        draw(true);
      } else sink.write(text);
    },
    finish() {
      const ms = now() - t0;
      if (sink.tty) {
        draw(true);
        sink.write("\n");
      }
      const secs = (ms / 1000).toFixed(1);
      const perSec = rate(count, ms).toFixed(1);
      sink.write(`${tr(`已检查 ${count} 个文件，用时 ${secs} 秒（${perSec} 个/秒）。`, `Checked ${count} files in ${secs} s (${perSec} files/s).`)}\n`);
    },
  };
}
