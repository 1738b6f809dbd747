/**
 * The standalone page: open or drop an .xlsx (anywhere on the page) → loadGrid (exceljs, loaded on first use) → the
 * task pane UI over a MemoryPort. Nothing leaves the browser. The page cannot select cells in the user's file, so it
 * shows no "selected cell" line: each card names its cell and what the cell holds.
 */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, ProgressBar, Field, makeStyles, tokens } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { FilePicker } from "../taskpane/FilePicker";
import { MemoryPort } from "../taskpane/excel/memoryPort";
import { downloadFile, loadWorkbookFile, prepareAnalysis, XLSX_MIME } from "../taskpane/browser";
import type { AcceptedException } from "../model/exceptions";
import type { ProfileName } from "../model/schema";
import type { ExtraLabels } from "../model/read/synonyms";
import type { RunResult } from "../taskpane/logic";
import { stripEnglishAside, t } from "../taskpane/i18n";
import type { ReadNotice } from "../xlsx/guard";

const useStyles = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: "10px",
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    alignItems: "flex-start",
    fontSize: "14px",
  },
  overlay: {
    position: "fixed",
    inset: 0,
    zIndex: 1000,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    backgroundColor: "rgba(0, 90, 158, 0.12)",
    border: `3px dashed ${tokens.colorBrandStroke1}`,
    fontSize: "18px",
    fontWeight: tokens.fontWeightSemibold,
    pointerEvents: "none",
  },
  progress: { width: "100%" },
});

interface Opened {
  port: MemoryPort;
  fileName: string;
  generation: number;
  /** The file as opened: the copies with exceptions or the seal are made from it (the original is never written). */
  bytes: Uint8Array;
}

/** “预算.xlsx” → “预算（含核实记录）.xlsx”. */
function copyName(fileName: string): string {
  const base = fileName.replace(/\.(xlsx|xlsm)$/i, "");
  return `${base}（含核实记录）.xlsx`;
}

/** Read a File's bytes with progress (FileReader), so long reads show a percentage. */
function readBytes(file: File, onProgress: (fraction: number) => void): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    r.onload = () => resolve(new Uint8Array(r.result as ArrayBuffer));
    r.onerror = () => reject(r.error ?? new Error("read failed"));
    r.readAsArrayBuffer(file);
  });
}

export function StandaloneApp({ notice }: { notice?: string }): React.ReactElement {
  const s = useStyles();
  const [opened, setOpened] = React.useState<Opened | null>(null);
  /** `fraction` undefined: a step without measurable progress (the bar turns indeterminate, no made-up figure). */
  const [loading, setLoading] = React.useState<{ file: string; fraction: number | undefined; stage: string } | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [notices, setNotices] = React.useState<ReadNotice[]>([]);
  const [over, setOver] = React.useState(false);
  const emptyPort = React.useMemo(() => new MemoryPort(), []);

  const open = React.useCallback(async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setNotices([]);
    setLoading({ file: file.name, fraction: 0, stage: t("pageReading", { file: file.name }) });
    try {
      // Guarded read (size, container, zip bombs, limits) before exceljs; see src/xlsx/guard.ts.
      const found: ReadNotice[] = [];
      const bytes = await readBytes(file, (f) => setLoading({ file: file.name, fraction: f, stage: t("pageReadingPct", { file: file.name, pct: Math.round(f * 100) }) }));
      setLoading({ file: file.name, fraction: undefined, stage: t("pageParsing", { file: file.name }) });
      const picked = new File([bytes as Uint8Array<ArrayBuffer>], file.name, { type: file.type });
      // The check's worker loads its code while this one parses.
      prepareAnalysis();
      // The worker reports the sheet pass (bytes parsed / in all); the page shows it as a percentage.
      const grid = await loadWorkbookFile(
        picked,
        (n) => found.push(n),
        (f) => setLoading({ file: file.name, fraction: f, stage: t("pageParsingPct", { file: file.name, pct: Math.round(f * 100) }) }),
      );
      setNotices(found);
      setOpened((prev) => ({ port: new MemoryPort(grid), fileName: file.name, generation: (prev?.generation ?? 0) + 1, bytes }));
    } catch (e) {
      setError(stripEnglishAside(e instanceof Error ? e.message : String(e)));
    } finally {
      setLoading(null);
    }
  }, []);

  // A file dropped anywhere on the page opens it (not only on the dashed box).
  React.useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => !!e.dataTransfer && Array.from(e.dataTransfer.types ?? []).includes("Files");
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setOver(true);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
    };
    const onLeave = () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const onDrop = (e: DragEvent) => {
      if (!e.dataTransfer?.files?.length) return;
      depth = 0;
      setOver(false);
      if (e.defaultPrevented) return; // taken by a drop target on the page (the inbox)
      e.preventDefault();
      void open(e.dataTransfer.files[0]);
    };
    window.addEventListener("dragenter", onEnter);
    window.addEventListener("dragover", onOver);
    window.addEventListener("dragleave", onLeave);
    window.addEventListener("drop", onDrop);
    return () => {
      window.removeEventListener("dragenter", onEnter);
      window.removeEventListener("dragover", onOver);
      window.removeEventListener("dragleave", onLeave);
      window.removeEventListener("drop", onDrop);
    };
  }, [open]);

  const picker = (
    <div className={s.drop} data-testid="dropzone">
      <span>{t("pageDrop")}</span>
      <FilePicker
        label={t("pageOpen")}
        pickLabel={t("pageChoose")}
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        testId="xlsx-input"
        onFile={(f) => void open(f)}
        disabled={loading !== null}
      />
      {loading && (
        <Field className={s.progress} validationMessage={<span style={{ fontSize: "13px" }}>{loading.stage}</span>} validationState="none">
          <ProgressBar value={loading.fraction} max={1} aria-label={t("progress")} data-testid="page-progress" />
        </Field>
      )}
      {opened && !loading && <span>{t("pageCurrent", { file: opened.fileName })}</span>}
    </div>
  );

  /** The opened file with our hidden exceptions sheet written into a copy (exceljs, loaded only now). */
  const downloadWithExceptions = React.useCallback(
    async (list: AcceptedException[]): Promise<string | null> => {
      if (!opened) return null;
      const [{ writeHelperSheet }, { exceptionsSheet }] = await Promise.all([
        import(/* webpackChunkName: "xlsx-write" */ "../xlsx/seal-write"),
        import("../model/exceptions"),
      ]);
      const bytes = await writeHelperSheet(opened.bytes, exceptionsSheet(list));
      const name = copyName(opened.fileName);
      return downloadFile(name, bytes, XLSX_MIME) ? name : null;
    },
    [opened],
  );

  /** The check of the opened workbook in a worker (the page keeps painting on a big one). */
  const analyse = React.useCallback(
    async (profile: ProfileName | undefined, labels: ExtraLabels | null): Promise<RunResult> => {
      if (!opened) throw new Error(t("pageOpenFailed"));
      const { analyseInWorker } = await import(/* webpackChunkName: "xlsx-read-worker-host" */ "../taskpane/readWorker");
      return analyseInWorker(opened.port.current, profile, labels);
    },
    [opened],
  );

  return (
    <>
      {over && (
        <div className={s.overlay} data-testid="drop-overlay" aria-hidden>
          {t("pageDropHere")}
        </div>
      )}
      <App
        key={opened ? opened.generation : 0}
        port={opened?.port ?? emptyPort}
        mode="standalone"
        subtitle={opened ? t("subPageFile", { file: opened.fileName }) : undefined}
        sourceFile={opened?.fileName}
        source={opened ? { bytes: opened.bytes, fileName: opened.fileName } : null}
        autoRun={!!opened}
        noWorkbook={!opened}
        initialNotice={notice ? { intent: "info", title: notice } : null}
        downloadWithExceptions={opened ? downloadWithExceptions : undefined}
        analyse={opened ? analyse : undefined}
      >
        {picker}
        {notices.map((n, i) => (
          <MessageBar key={`${n.code}-${i}`} intent={n.severity === "warning" ? "warning" : "info"} data-testid="read-notice" data-code={n.code}>
            <MessageBarBody>{stripEnglishAside(n.message)}</MessageBarBody>
          </MessageBar>
        ))}
        {error && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              <MessageBarTitle>{t("pageOpenFailed")}</MessageBarTitle>
              {error}
            </MessageBarBody>
          </MessageBar>
        )}
      </App>
    </>
  );
}
