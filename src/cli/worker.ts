/**
 * Worker thread of the `jxmb validate` pool (run as lib/cli/worker.js): takes one file at a time,
 * checks it with the same code as the in-process path, and posts the per-file result back.
 */
import { parentPort, workerData } from "node:worker_threads";
import { checkFile, failed } from "./batch";
import { CliError, qen, qzh } from "./errors";
import type { Done, Task, WorkerInit } from "./pool";

const port = parentPort;
if (port) {
  const init = workerData as WorkerInit;
  port.on("message", (task: Task) => {
    void checkFile(task.file, init.check).then((result) => {
      const done: Done = { index: task.index, result };
      try {
        port.postMessage(done);
      } catch (err) {
        // A result that cannot be cloned would be our bug; still answer, so the batch goes on.
        const e = new CliError(
          `处理 ${qzh(task.file)} 的结果无法传回（内部错误，请反馈此文件）。`,
          `Could not pass back the result for ${qen(task.file)} (internal error; please report this file).`,
          { cause: err },
        );
        port.postMessage({ index: task.index, result: failed(task.file, e) } satisfies Done);
      }
    });
  });
}
