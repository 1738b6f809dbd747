/**
 * A small worker-thread pool for `jxmb validate`: each worker gets one file at a time (it reads the
 * bytes itself, so the parent never holds a workbook), and memory stays bounded by
 * workers × one workbook. Each worker's V8 heap is capped (`resourceLimits.maxOldGenerationSizeMb`);
 * a worker that runs out of memory or dies for any other reason costs only the file it was on: that
 * file gets a per-file error (exit-2 semantics), a fresh worker takes its place, the batch goes on.
 */
import { Worker } from "node:worker_threads";
import { CliError, qen, qzh } from "./errors";
import { failed, type CheckOptions, type FileResult } from "./batch";

export interface PoolOptions {
  script: string;
  workers: number;
  maxWorkerMb: number;
  /** What the cap was derived from (null: --max-worker-mb). */
  capFrom?: { availableMb: number; workers: number } | null;
  check: CheckOptions;
  onResult: (index: number, result: FileResult) => void;
  onWorkerOutput: (text: string) => void;
}

/** Parent → worker. */
export interface Task {
  index: number;
  file: string;
}
/** Worker → parent. */
export interface Done {
  index: number;
  result: FileResult;
}
/** What a worker receives as workerData. */
export interface WorkerInit {
  check: CheckOptions;
}

/**
 * Young generation per worker (MB). Each file allocates tens of MB that die when the file is done;
 * a 64 MB young generation lets most of it die there instead of being promoted and marked, which
 * measurably cuts GC work (V8's default for a capped worker is smaller). Kept a small share of
 * small caps so that --max-worker-mb still bounds the whole heap.
 */
export function youngGenerationMb(maxWorkerMb: number): number {
  return Math.min(64, Math.max(4, Math.floor(maxWorkerMb / 16)));
}

function crashError(file: string, err: Error | null, exitCode: number, maxWorkerMb: number, capFrom: PoolOptions["capFrom"]): CliError {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (code === "ERR_WORKER_OUT_OF_MEMORY") {
    const from = capFrom
      ? { zh: `，按本机可用内存 ${capFrom.availableMb} MB 与 ${capFrom.workers} 个工作线程计算`, en: `, derived from ${capFrom.availableMb} MB of available memory and ${capFrom.workers} worker(s)` }
      : { zh: "，由 --max-worker-mb 指定", en: ", set with --max-worker-mb" };
    return new CliError(
      `${qzh(file)} 太大：检查它所需的内存超出单个文件的内存上限（${maxWorkerMb} MB${from.zh}），已跳过此文件，其余文件照常检查。` +
        `如确需检查，可用 --max-worker-mb 调大上限。`,
      `${qen(file)} is too large: checking it needs more than the per-file memory cap (${maxWorkerMb} MB${from.en}); it was skipped, the other files were checked. ` +
        `To check it anyway, raise the cap with --max-worker-mb.`,
      { cause: err },
    );
  }
  const detail = err ? err.message.split("\n")[0].slice(0, 160) : `exit code ${exitCode}`;
  return new CliError(
    `检查 ${qzh(file)} 的工作线程意外退出（${detail}），已跳过此文件（请把此文件反馈给维护者）。`,
    `The worker checking ${qen(file)} stopped unexpectedly (${detail}); the file was skipped (please report this file).`,
    { cause: err ?? undefined },
  );
}

/** Check `files` on a pool; resolves with the results in input order once every worker has exited. */
export function runPool(files: readonly string[], opts: PoolOptions): Promise<FileResult[]> {
  const results: (FileResult | undefined)[] = new Array(files.length);
  let next = 0;
  let live = 0;
  const init: WorkerInit = { check: opts.check };

  return new Promise<FileResult[]>((resolve, reject) => {
    const settleIfDone = () => {
      if (live === 0 && next >= files.length) {
        const missing = results.findIndex((r) => r === undefined);
        if (missing >= 0) reject(new Error(`pool: no result for ${files[missing]}`));
        else resolve(results as FileResult[]);
      }
    };
    const record = (index: number, result: FileResult) => {
      results[index] = result;
      opts.onResult(index, result);
    };

    const start = () => {
      let worker: Worker;
      try {
        worker = new Worker(opts.script, {
          workerData: init,
          resourceLimits: { maxOldGenerationSizeMb: opts.maxWorkerMb, maxYoungGenerationSizeMb: youngGenerationMb(opts.maxWorkerMb) },
          stdout: true, // not piped to our stdout: that carries the report
        });
      } catch (err) {
        reject(err);
        return;
      }
      live++;
      let current: number | null = null;
      let lastError: Error | null = null;
      worker.stdout.setEncoding("utf8");
      worker.stdout.on("data", (chunk: string) => opts.onWorkerOutput(chunk));

      const give = () => {
        if (next < files.length) {
          current = next++;
          const task: Task = { index: current, file: files[current] };
          worker.postMessage(task);
        } else {
          current = null;
          void worker.terminate(); // nothing left: let it go
        }
      };
      worker.on("message", (m: Done) => {
        if (current === null || m.index !== current) return;
        record(m.index, m.result);
        give();
      });
      worker.on("error", (err) => {
        lastError = err;
      });
      worker.on("exit", (code) => {
        live--;
        if (current !== null) {
          // Died on a file: that file alone fails; a fresh worker carries on with the rest.
          const index = current;
          current = null;
          record(index, failed(files[index], crashError(files[index], lastError, code, opts.maxWorkerMb, opts.capFrom ?? null)));
          if (next < files.length) start();
        }
        settleIfDone();
      });
      give();
    };

    const n = Math.max(1, Math.min(opts.workers, files.length));
    for (let i = 0; i < n; i++) start();
    if (files.length === 0) resolve([]);
  });
}
