/**
 * The optimizing compiler in a one-shot `jxmb export`, `jxmb verify` or `jxmb validate` of one file: V8's TurboFan pays
 * off in the Grid's hot loops (the xml scan, cell decoding), but after them the process reads one
 * document, checks or writes it and exits.
 * What TurboFan compiles then (readers, canonical JSON) runs a few thousand times at most, and the
 * compiling costs more CPU than the optimized code saves: at 224 projects, reading + canonical JSON +
 * writing took 98 ms CPU with it and 44 ms without it; 279 → 164 ms at 896 projects; reading + the
 * rules 184 → 82 ms at 224 projects, 390 → 221 at 896; same output. So once the Grid is built, such a
 * process turns the optimizing compiler off (interpreter and baseline code from there on).
 *
 * Only a process that runCli started, for a command that reads exactly one workbook: V8 flags are
 * process-wide, so an in-process caller (a test calling main(), a host) keeps its compiler, and a
 * process that reads several workbooks keeps it for the next one's Grid.
 */
import { setFlagsFromString } from "node:v8";

let cliProcess = false;
let armed = false;
let turnedOff = false;

/** runCli: this process runs one CLI command and exits. */
export function markCliProcess(): void {
  cliProcess = true;
}

/** The command reads one workbook and nothing after it is hot (export, verify; validate of one file). */
export function readsOneWorkbook(): void {
  armed = cliProcess;
}

/** The Grid is built: in an armed CLI process, no more optimizing compiles. */
export function gridBuilt(): void {
  if (!armed) return;
  armed = false;
  turnedOff = true;
  setFlagsFromString("--no-turbofan");
}

/** Whether this process turned the optimizing compiler off (for the test). */
export function optimizerTurnedOff(): boolean {
  return turnedOff;
}
