/**
 * Builds the reading corpus: each transcription under test/corpus/transcriptions/ (a public form typed
 * the way a clerk there would type it, same format as the seed fixtures — see
 * test/fixtures/build-fixtures.ts) becomes test/corpus/workbooks/<name>.xlsx.
 *
 *   npm run corpus                 # all transcriptions → test/corpus/workbooks/
 *   npm run corpus -- 11-          # only names starting with "11-"
 *   npm run corpus -- --out DIR    # write somewhere else (the freshness test)
 *
 * The four forms 01/03/05/07 came from ../shared/corpus as workbooks and are kept as they are (they
 * are the reference); every form added here is a transcription, so the workbook can be rebuilt.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { buildXlsx, loadTranscription } from "../fixtures/build-fixtures";

export const CORPUS_DIR = __dirname;
export const CORPUS_TRANSCRIPTIONS = path.join(CORPUS_DIR, "transcriptions");
export const CORPUS_WORKBOOKS = path.join(CORPUS_DIR, "workbooks");
export const CORPUS_TRUTH = path.join(CORPUS_DIR, "truth");

export function listCorpusTranscriptions(prefix?: string): string[] {
  return fs
    .readdirSync(CORPUS_TRANSCRIPTIONS)
    .filter((f) => f.endsWith(".json") && (!prefix || f.startsWith(prefix)))
    .sort()
    .map((f) => path.join(CORPUS_TRANSCRIPTIONS, f));
}

export async function buildCorpus(outDir = CORPUS_WORKBOOKS, prefix?: string): Promise<string[]> {
  fs.mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  for (const file of listCorpusTranscriptions(prefix)) {
    const t = loadTranscription(file);
    if (`${t.name}.json` !== path.basename(file)) throw new Error(`${file}: name "${t.name}" does not match the file name`);
    const out = path.join(outDir, `${t.name}.xlsx`);
    fs.writeFileSync(out, await buildXlsx(t));
    written.push(out);
  }
  return written;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  let out = CORPUS_WORKBOOKS;
  let prefix: string | undefined;
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--out") out = path.resolve(args[++i]);
    else prefix = args[i];
  }
  buildCorpus(out, prefix)
    .then((files) => {
      for (const f of files) console.log(path.relative(process.cwd(), f));
    })
    .catch((e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    });
}
