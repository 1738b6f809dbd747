/**
 * The task pane UI (also the standalone page's UI): a to-do list a clerk works through. Findings are folded into
 * one card per cell, 错误 first, grouped by project (collapsible, with its must-fix count) and by Chinese problem
 * category; the list is virtualised and fully keyboard-driven (a tree: arrow keys move, Enter goes to the cell).
 * All strings come from i18n.ts (zh-CN default). User and workbook text is rendered as React text, never HTML.
 *
 * Writes to the live workbook (导入 JSON, 插入模板) only ever add NEW sheets; the pane shows what will be added and
 * writes nothing before 确认插入; every insert of the session can be undone (books.ts). After any change the results
 * say they are out of date instead of going stale silently.
 */
import * as React from "react";
import {
  Button,
  Field,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Finding, Severity } from "../model/rules/types";
import { withoutFoldedNote } from "../model/rules/precision";
import type { ProfileName } from "../model/schema";
import { toCanonicalJson } from "../model/canonical";
import { parseLabelsJson, type ExtraLabels } from "../model/read/synonyms";
import { categoryName, categoryOf, ruleTitle } from "./ruleInfo";
import { acceptFinding, addException, EXCEPTIONS_SHEET, exceptionsSheet, withdrawException, type AcceptedException } from "../model/exceptions";
import type { ReadProgress, WorkbookPort } from "./excel/port";
import { portErrorMessage } from "./excel/port";
import {
  PROFILE_LABELS,
  SEVERITY_ORDER,
  cellLabel,
  exportFileName,
  recheckSheets,
  ruleCounts,
  runValidation,
  summaryText,
  withExceptionList,
  withWrittenGrid,
  type RunResult,
} from "./logic";
import { buildGroups, buildRows, cardOrder, filterFindings, type Card, type Row } from "./todo";
import { VirtualList } from "./VirtualList";
import { FilePicker } from "./FilePicker";
import { analyseOffThread, copyText, prepareAnalysis, downloadFile, XLSX_MIME } from "./browser";
import { findingRows, findingsBook, findingsCsv } from "./findingsList";
import {
  checkUndo,
  downloadBook,
  importJsonText,
  insertBook,
  insertProject,
  isTemplateWorkbook,
  planProjectAddition,
  previewAgainst,
  previewInsert,
  previewLines,
  templateBook,
  undoInsert,
  type InsertPreview,
  type InsertRecord,
  type ProjectAddition,
  type TemplateKind,
  type UndoCheck,
} from "./books";
import { SHEET_SUMMARY, type TemplateBook } from "../model/write/index";
import { findingText, stripEnglishAside, t } from "./i18n";
// The round-trip panels (seal, 比较版本) load after the first paint: the seal and diff code stay out of the initial chunk.
const RoundtripPanels = React.lazy(() => import(/* webpackChunkName: "roundtrip" */ "./roundtrip/RoundtripPanels").then((m) => ({ default: m.RoundtripPanels })));

const TEXT = "14px";
const SMALL = "13px";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    width: "100%",
    display: "flex",
    flexDirection: "column",
    gap: "10px",
    padding: "8px",
    maxWidth: "900px",
    fontFamily: tokens.fontFamilyBase,
    fontSize: TEXT,
    color: tokens.colorNeutralForeground1,
    overflowWrap: "anywhere",
  },
  h1: { fontSize: "16px", fontWeight: tokens.fontWeightSemibold, margin: 0 },
  sub: { color: tokens.colorNeutralForeground3, fontSize: SMALL, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "flex-end" },
  grow: { flexGrow: 1, flexBasis: "120px", minWidth: 0, maxWidth: "100%" },
  btn: { minWidth: 0, maxWidth: "100%", whiteSpace: "normal" },
  tiles: { display: "grid", gridTemplateColumns: "repeat(3, minmax(0, 1fr))", gap: "4px", textAlign: "center" },
  tile: {
    borderRadius: tokens.borderRadiusMedium,
    padding: "4px 2px",
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    fontFamily: "inherit",
    fontSize: SMALL,
    color: "inherit",
    minWidth: 0,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  tileOn: { border: `2px solid ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  tileOff: { opacity: 0.55 },
  statNum: { display: "block", fontSize: "20px", fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  section: { display: "flex", flexDirection: "column", gap: "6px", minWidth: 0 },
  h2: { fontSize: TEXT, fontWeight: tokens.fontWeightSemibold, margin: "4px 0 0 0" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  tree: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  projectRow: {
    display: "flex",
    flexWrap: "wrap",
    gap: "2px 6px",
    alignItems: "baseline",
    padding: "6px 6px",
    backgroundColor: tokens.colorNeutralBackground3,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: "pointer",
    fontWeight: tokens.fontWeightSemibold,
    fontSize: TEXT,
  },
  twisty: { flexShrink: 0, width: "1em", textAlign: "center" },
  projTitle: { flexGrow: 1, flexBasis: "calc(100% - 2em)", minWidth: 0 },
  badge: { flexShrink: 0, fontSize: SMALL, fontWeight: tokens.fontWeightRegular },
  badges: { display: "flex", flexWrap: "wrap", gap: "2px 8px", paddingLeft: "1.5em", flexBasis: "100%" },
  categoryRow: { padding: "4px 6px 2px 14px", fontSize: SMALL, color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightSemibold },
  card: {
    margin: "2px 4px 4px 12px",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    fontSize: TEXT,
  },
  active: { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: "-1px", backgroundColor: tokens.colorBrandBackground2 },
  cardHead: { display: "flex", gap: "6px", alignItems: "baseline", flexWrap: "wrap" },
  sev: { fontWeight: tokens.fontWeightSemibold, flexShrink: 0 },
  where: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2, fontSize: SMALL },
  title: { fontWeight: tokens.fontWeightSemibold },
  msg: { display: "block", marginTop: "2px" },
  meta: { display: "block", marginTop: "2px", color: tokens.colorNeutralForeground3, fontSize: SMALL },
  fix: { display: "block", marginTop: "2px", color: tokens.colorNeutralForeground2, fontSize: SMALL },
  filters: { display: "flex", flexWrap: "wrap", gap: "4px 8px", alignItems: "center" },
  select: { width: "100%", maxWidth: "100%", minWidth: 0 },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  warnText: { margin: 0, color: tokens.colorPaletteDarkOrangeForeground1 },
  details: { fontSize: SMALL },
  nav: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" },
  pos: { fontSize: SMALL, color: tokens.colorNeutralForeground2 },
});

type Notice = { intent: "success" | "error" | "warning" | "info"; title: string; lines?: string[]; details?: string[] } | null;
/** An insert waiting for the user's 确认 (nothing is written before). */
type PendingInsert = { book: TemplateBook; preview: InsertPreview; title: string; doneTitle: string; stale: string; addition?: ProjectAddition };
type ProfileChoice = "" | ProfileName;
type SessionInsert = { record: InsertRecord; at: string; check: UndoCheck | null };
type Confirm = { title: string; body: string; go: () => void } | null;

export interface AppProps {
  port: WorkbookPort;
  mode: "office" | "standalone";
  /** Shown under the title (e.g. the opened file name). */
  subtitle?: string;
  /** Validate as soon as the pane mounts (standalone page after a file is opened). */
  autoRun?: boolean;
  /** Extra content under the header (the standalone page's file picker). */
  children?: React.ReactNode;
  /** No workbook yet (standalone page before a file is opened): checks and exports wait for one. */
  noWorkbook?: boolean;
  /** A notice to show at start (e.g. "Office not available, standalone mode"). */
  initialNotice?: Notice;
  /** File name of the checked workbook, for links in the exported 问题清单. */
  sourceFile?: string;
  /**
   * Standalone page: download a copy of the opened file carrying these exceptions (the original is never written);
   * resolves to the downloaded file name, or null where downloads are blocked. With it the page can keep exceptions.
   */
  downloadWithExceptions?: (list: AcceptedException[]) => Promise<string | null>;
  /** The page: the opened file's bytes (the seal is a downloaded sealed copy made from them). */
  source?: { bytes: Uint8Array; fileName: string } | null;
  /** Standalone page: check the opened workbook off the main thread (a worker) instead of through the port. */
  analyse?: (profile: ProfileName | undefined, labels: ExtraLabels | null) => Promise<RunResult>;
}

const sevLabel = (sev: Severity) => t(`sev_${sev}`);

export function App(props: AppProps): React.ReactElement {
  const { port, mode } = props;
  const s = useStyles();
  const [profile, setProfile] = React.useState<ProfileChoice>("");
  const [busy, setBusy] = React.useState<string | null>(null);
  const [progress, setProgress] = React.useState<number | undefined>(undefined);
  const [run, setRun] = React.useState<RunResult | null>(null);
  /** Why the results are out of date; `sheets` = the edited sheets when only edits happened (re-read just those). */
  const [stale, setStaleState] = React.useState<{ why: string; sheets: string[] | null } | null>(null);
  const setStale = (why: string | null) => setStaleState(why === null ? null : { why, sheets: null });
  const markEdited = React.useCallback((sheet: string) => {
    setStaleState((prev) => {
      if (prev && prev.sheets === null) return prev; // a structural change already asks for a full check
      const sheets = prev?.sheets ? [...new Set([...prev.sheets, sheet])] : [sheet];
      return { why: sheets.map((x) => t("staleEdit", { sheet: x })).join("；"), sheets };
    });
  }, []);
  const [notice, setNotice] = React.useState<Notice>(props.initialNotice ?? null);
  const [severities, setSeverities] = React.useState<Set<Severity>>(new Set(SEVERITY_ORDER));
  const [ruleId, setRuleId] = React.useState("");
  const [collapsed, setCollapsed] = React.useState<Set<string>>(new Set());
  const [activeKey, setActiveKey] = React.useState<string | null>(null);
  const [cellNow, setCellNow] = React.useState<{ key: string; text: string } | null>(null);
  /** A user's label-synonym file (the CLI's --labels), for local column names. */
  const [labels, setLabels] = React.useState<{ file: string; labels: ExtraLabels } | null>(null);
  const confirmBtn = React.useRef<HTMLButtonElement>(null);
  const [pending, setPending] = React.useState<PendingInsert | null>(null);
  const [inserts, setInserts] = React.useState<SessionInsert[]>([]);
  const [confirm, setConfirm] = React.useState<Confirm>(null);
  /** The 已核实，保留 form for the active card (reason required, name optional). */
  const [accepting, setAccepting] = React.useState<{ card: Card; reason: string; by: string } | null>(null);
  /** The exception list before the last change, for 撤销. */
  const [exceptionUndo, setExceptionUndo] = React.useState<AcceptedException[] | null>(null);
  const reasonInput = React.useRef<HTMLTextAreaElement>(null);
  /** The live workbook (Office) stores exceptions itself; the page keeps them in a downloaded copy. */
  const canKeep = mode === "office" || !!props.downloadWithExceptions;
  /** Page: exceptions changed since the last downloaded copy. */
  const [copyDue, setCopyDue] = React.useState(false);

  /** One read of the workbook (whole or some sheets): progress while it runs, fresh results, a notice if it fails. */
  const readInto = React.useCallback(
    async (read: (onProgress: (p: ReadProgress) => void) => Promise<RunResult>): Promise<RunResult | null> => {
      setBusy(t("reading"));
      setProgress(0);
      try {
        const res = await read((p) => {
          setProgress(p.fraction);
          setBusy(p.key ? t(p.key, p.params) : p.message);
        });
        // A big result renders in slices (the list after the summary): the pane keeps answering meanwhile.
        React.startTransition(() => setRun(res));
        setStaleState(null);
        setCellNow(null);
        return res;
      } catch (e) {
        setNotice({ intent: "error", title: t("readFailed"), lines: [portErrorMessage(e)] });
        return null;
      } finally {
        setBusy(null);
        setProgress(undefined);
      }
    },
    [],
  );

  const doValidate = React.useCallback(
    async (quiet = false): Promise<RunResult | null> => {
      if (!quiet) setNotice(null);
      if (!props.analyse) prepareAnalysis();
      return readInto((onProgress) =>
        props.analyse
          ? props.analyse(profile || undefined, labels?.labels ?? null)
          : runValidation(port, profile || undefined, onProgress, labels?.labels, analyseOffThread),
      );
    },
    [port, profile, labels, props.analyse, readInto],
  );

  /** Re-read only the edited sheets (their projects), keep the rest of the last read. */
  const doRecheck = async (sheets: string[]) => {
    if (!run) return;
    prepareAnalysis();
    await readInto((onProgress) => recheckSheets(port, run, sheets, profile || undefined, onProgress, labels?.labels, analyseOffThread));
  };

  const autoRan = React.useRef(false);
  React.useEffect(() => {
    if (props.autoRun && !autoRan.current) {
      autoRan.current = true;
      void doValidate();
    }
  }, [props.autoRun, doValidate]);

  // Never stale silently: watch the sheets that were read (Office.js onChanged, behind the port).
  React.useEffect(() => {
    if (!run || !port.watchSheets) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    void port
      .watchSheets(
        run.sheetNames.filter((n) => n !== EXCEPTIONS_SHEET),
        markEdited,
      )
      .then((off) => {
        if (cancelled) off();
        else stop = off;
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [run, port, markEdited]);

  // Focus the confirmation button as soon as a preview appears (after a menu choice focus would drop to <body>).
  // (The button is disabled while the preview is being built, so wait until the pane is idle.)
  const focusedFor = React.useRef<PendingInsert | null>(null);
  React.useEffect(() => {
    if (pending && busy === null && focusedFor.current !== pending) {
      focusedFor.current = pending;
      confirmBtn.current?.focus();
    }
  }, [pending, busy]);

  const goToCard = async (card: Card) => {
    setActiveKey(`F:${card.key}`);
    if (!card.sheet || !card.cell) {
      setNotice({ intent: "info", title: t("noCell") });
      return;
    }
    try {
      await port.selectCell(card.sheet, card.cell);
      // What the cell holds now, as the sheet shows it (it may have been fixed since the check).
      const text = await port.readCellText(card.sheet, card.cell).catch(() => null);
      if (text !== null) setCellNow({ key: card.key, text });
    } catch (e) {
      setNotice({ intent: "error", title: t("selectFailed", { cell: cellLabel(card.sheet, card.cell) }), lines: [portErrorMessage(e)] });
    }
  };

  const exportJson = async (res: RunResult) => {
    const text = toCanonicalJson(res.document);
    const name = exportFileName(res.document, "json");
    const downloaded = downloadFile(name, text, "application/json");
    const copied = await copyText(text);
    const errors = res.report.summary.error;
    setNotice({
      intent: !(downloaded || copied) ? "warning" : errors > 0 ? "warning" : "success",
      title: errors > 0 ? t("exportedWithErrors", { n: errors }) : t("exported"),
      lines: [
        downloaded ? t("downloaded", { name }) : t("noDownload"),
        copied ? t("copiedJson") : t("noClipboard"),
        t("projectCount", { n: res.document.projects.length }),
        ...(res.document.overview?.indicators ? [t("overviewCount", { n: res.document.overview.indicators.length })] : []),
      ],
    });
  };

  const onExportJson = async () => {
    const res = run && !stale ? run : await doValidate(true);
    if (!res) return;
    // Risky exports ask first: nothing recognised, or errors still open.
    if (res.document.projects.length === 0 && !res.document.overview) {
      setConfirm({ title: t("exportZeroTitle"), body: t("exportZeroBody"), go: () => void exportJson(res) });
      return;
    }
    if (res.report.summary.error > 0) {
      setConfirm({ title: t("exportErrorsTitle", { n: res.report.summary.error }), body: t("exportErrorsBody"), go: () => void exportJson(res) });
      return;
    }
    await exportJson(res);
  };

  const onCopySummary = async () => {
    const res = run && !stale ? run : await doValidate(true);
    if (!res) return;
    const text = summaryText(res);
    const ok = await copyText(text);
    setNotice(ok ? { intent: "success", title: t("summaryCopied") } : { intent: "warning", title: t("summaryManual"), lines: text.split("\n") });
  };

  const onExportList = async (kind: "xlsx" | "csv") => {
    const res = run && !stale ? run : await doValidate(true);
    if (!res) return;
    const rows = findingRows(res);
    const base = exportFileName(res.document, kind).replace(/绩效目标\.(xlsx|csv)$/, `问题清单.${kind}`);
    let ok: boolean;
    if (kind === "csv") ok = downloadFile(base, findingsCsv(rows), "text/csv;charset=utf-8");
    else {
      setBusy(t("making"));
      try {
        const { writeTemplateBook } = await import(/* webpackChunkName: "xlsx-write" */ "../xlsx/write");
        ok = downloadFile(base, await writeTemplateBook(findingsBook(rows, props.sourceFile ?? null)), XLSX_MIME);
      } finally {
        setBusy(null);
      }
    }
    setNotice({
      intent: ok ? "success" : "warning",
      title: ok ? t("listExported", { n: rows.length }) : t("noDownload"),
      lines: ok ? [t("downloaded", { name: base }), ...(res.accepted.length ? [t("listAccepted", { n: res.accepted.length })] : [])] : [],
    });
  };

  /** Office: preview first (nothing is written until 确认). Standalone: the book is a download. */
  const offerBook = async (book: TemplateBook, suggestedName: string, title: string, doneTitle: string, staleWhy: string) => {
    if (mode === "office") {
      setPending({ book, preview: await previewInsert(port, book), title, doneTitle, stale: staleWhy });
      return;
    }
    const done = await downloadBook(book, suggestedName);
    setNotice({ intent: "success", title: doneTitle, lines: [done] });
  };

  const onImportFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(t("importing"));
    try {
      const text = await file.text();
      const book = importJsonText(text, file.name);
      if (!book.ok) {
        // One plain sentence; the schema paths are folded away for whoever wants them.
        setNotice({ intent: "error", title: t("importBad", { file: file.name }), details: book.errors.map(stripEnglishAside) });
        return;
      }
      await offerBook(book.book, book.suggestedName, t("importTitle", { file: file.name }), t("imported"), t("staleImport"));
    } catch (e) {
      setNotice({ intent: "error", title: t("importFailed"), lines: [portErrorMessage(e)] });
    } finally {
      setBusy(null);
    }
  };

  const onLabelsFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const parsed = parseLabelsJson(await file.text(), file.name);
      setLabels({ file: file.name, labels: parsed });
      if (run) setStale(t("staleLabels", { file: file.name }));
      setNotice({ intent: "success", title: t("labelsLoaded", { file: file.name }) });
    } catch (e) {
      setNotice({ intent: "error", title: t("labelsBad", { file: file.name }), details: [e instanceof Error ? e.message : String(e)] });
    } finally {
    }
  };

  /**
   * 插入模板 → 一个项目表 in a template workbook: the next 项目N, in 汇总 and its 合计 (not a lone “项目1 (2)” with a
   * second lists sheet). Needs a fresh read of the workbook; returns false when the workbook is not a template.
   */
  const offerNextProject = async (): Promise<boolean> => {
    const existing = await port.sheetNames();
    if (!existing.includes(SHEET_SUMMARY)) return false;
    const res = run && !stale ? run : await doValidate(true);
    if (!res || !isTemplateWorkbook(res.document, res.grid)) return false;
    setBusy(t("making"));
    const addition = planProjectAddition(res.document, res.grid, existing);
    const preview = { ...previewAgainst(addition.insert, existing), updates: [SHEET_SUMMARY] };
    const name = addition.sheetName;
    setPending({ book: addition.insert, preview, title: t("tplNextTitle", { name }), doneTitle: t("tplNextDone", { name }), stale: t("staleAddProject"), addition });
    return true;
  };

  const onInsertTemplate = async (kind: TemplateKind) => {
    setBusy(t("making"));
    try {
      if (kind === "project" && mode === "office" && (await offerNextProject())) return;
      const { book, suggestedName } = templateBook(kind, profile || "hebei");
      await offerBook(book, suggestedName, kind === "full" ? t("tplFullTitle") : t("tplProjectTitle"), t("tplReady"), t("staleInsert"));
    } catch (e) {
      setNotice({ intent: "error", title: t("tplFailed"), lines: [portErrorMessage(e)] });
    } finally {
      setBusy(null);
    }
  };

  const onConfirmInsert = async () => {
    if (!pending) return;
    const { book, doneTitle, addition } = pending;
    setPending(null);
    if (addition && stale) {
      // The plan was drawn from the read before the change (汇总 may differ now): plan again.
      setNotice({ intent: "warning", title: t("tplStaleSincePreview") });
      return;
    }
    setBusy(t("inserting"));
    try {
      const { record, message, summaryFailed } = addition
        ? await insertProject(port, addition)
        : { ...(await insertBook(port, book)), summaryFailed: undefined };
      const at = new Date().toTimeString().slice(0, 5);
      setInserts((list) => [...list, { record, at, check: null }]);
      if (run) setStale(pending.stale);
      setNotice({
        intent: summaryFailed ? "warning" : "success",
        title: summaryFailed && addition ? t("tplSummaryFailed", { name: addition.sheetName }) : doneTitle,
        lines: [stripEnglishAside(message), t("undoHint")],
      });
    } catch (e) {
      setNotice({ intent: "error", title: t("insertFailed"), lines: [portErrorMessage(e)] });
    } finally {
      setBusy(null);
    }
  };

  const onCancelInsert = () => {
    setPending(null);
    setNotice({ intent: "info", title: t("cancelled") });
  };

  const dropInsert = (rec: InsertRecord) => setInserts((list) => list.filter((x) => x.record !== rec));
  const setCheck = (rec: InsertRecord, check: UndoCheck | null) => setInserts((list) => list.map((x) => (x.record === rec ? { ...x, check } : x)));

  const doUndo = async (rec: InsertRecord, check: UndoCheck) => {
    setBusy(t("undoing"));
    try {
      const done = await undoInsert(port, rec, check);
      dropInsert(rec);
      if (run) setStale(t("staleUndo"));
      setNotice({ intent: "success", title: t("undone"), lines: [stripEnglishAside(done)] });
    } catch (e) {
      setNotice({ intent: "error", title: t("undoFailed"), lines: [stripEnglishAside(portErrorMessage(e))] });
    } finally {
      setBusy(null);
    }
  };

  const onUndo = async (rec: InsertRecord) => {
    setBusy(t("undoChecking"));
    let check: UndoCheck;
    try {
      check = await checkUndo(port, rec);
    } catch (e) {
      setNotice({ intent: "error", title: t("undoFailed"), lines: [portErrorMessage(e)] });
      setBusy(null);
      return;
    }
    setBusy(null);
    if (check.present.length === 0) {
      dropInsert(rec);
      setNotice({ intent: "info", title: t("nothingToUndo") });
      return;
    }
    if (check.blocked) {
      setNotice({ intent: "warning", title: t("undoRefused"), lines: [t("undoRefusedLine")] });
      return;
    }
    // Edited since the insert: deleting would lose the user's work, so ask first.
    if (check.changed.length) {
      setCheck(rec, check);
      return;
    }
    await doUndo(rec, check);
  };

  /* ---------------- accepted exceptions (已核实，保留) ---------------- */
  /** Write the new list into the workbook's hidden sheet, then show the run with it (nothing else is re-read). */
  const saveExceptions = async (list: AcceptedException[], title: string, undoable: AcceptedException[] | null) => {
    if (!run) return;
    setBusy(t("savingExceptions"));
    try {
      await port.writeOwnSheet(exceptionsSheet(list));
      setRun(withExceptionList(run, list));
      setExceptionUndo(undoable);
      if (mode === "office") setNotice({ intent: "success", title });
      else {
        setCopyDue(true);
        setNotice({ intent: "success", title, lines: [t("keepCopyUnsaved")] });
      }
    } catch (e) {
      setNotice({ intent: "error", title: t("exceptionFailed"), lines: [portErrorMessage(e)] });
    } finally {
      setBusy(null);
    }
  };

  const onAccept = async () => {
    if (!run || !accepting) return;
    const reason = accepting.reason.trim();
    if (!reason) {
      reasonInput.current?.focus();
      return;
    }
    const { card, by } = accepting;
    let list = run.exceptions;
    for (const f of card.findings) list = addException(list, acceptFinding(f, run.grid, reason, by || null));
    setAccepting(null);
    await saveExceptions(list, t("accepted", { cell: cellLabel(card.sheet, card.cell) }), run.exceptions);
  };

  const onWithdraw = async (e: AcceptedException) => {
    if (!run) return;
    await saveExceptions(withdrawException(run.exceptions, e), t("withdrawn", { cell: cellLabel(e.sheet, e.cell) }), run.exceptions);
  };

  const onDownloadCopy = async () => {
    if (!run || !props.downloadWithExceptions) return;
    setBusy(t("keepCopyMaking"));
    try {
      const name = await props.downloadWithExceptions(run.exceptions);
      if (name) setCopyDue(false);
      setNotice(name ? { intent: "success", title: t("keepCopyDone", { name }) } : { intent: "warning", title: t("noDownload") });
    } catch (e) {
      setNotice({ intent: "error", title: t("keepCopyFailed"), lines: [stripEnglishAside(portErrorMessage(e))] });
    } finally {
      setBusy(null);
    }
  };

  React.useEffect(() => {
    if (accepting) reasonInput.current?.focus();
  }, [accepting?.card.key]); // only when a new form opens, not on every keystroke

  /* ---------------- the to-do list ---------------- */
  const allFindings = React.useMemo(() => run?.report.findings ?? [], [run]);
  const findings = React.useMemo(() => filterFindings(allFindings, { severities, ruleId }), [allFindings, severities, ruleId]);
  const groups = React.useMemo(() => buildGroups(findings), [findings]);
  const rows = React.useMemo(() => buildRows(groups, collapsed), [groups, collapsed]);
  const order = React.useMemo(() => cardOrder(groups), [groups]);
  const rules = React.useMemo(() => ruleCounts(allFindings), [allFindings]);
  const activeIndex = activeKey ? rows.findIndex((r) => r.key === activeKey) : -1;
  const activeCardIndex = activeKey ? order.findIndex((c) => `F:${c.key}` === activeKey) : -1;
  const activeCard = activeCardIndex >= 0 ? order[activeCardIndex] : null;

  const onTile = (sev: Severity) => {
    // Click = only this severity; click the only one shown again = all.
    if (severities.size === 1 && severities.has(sev)) setSeverities(new Set(SEVERITY_ORDER));
    else setSeverities(new Set([sev]));
  };

  const toggleProject = (key: string, open?: boolean) => {
    setCollapsed((prev) => {
      const next = new Set(prev);
      const isOpen = !prev.has(key);
      if (open === undefined ? isOpen : !open) next.add(key);
      else next.delete(key);
      return next;
    });
  };

  const step = (dir: 1 | -1) => {
    if (order.length === 0) return;
    const i = activeCardIndex < 0 ? (dir === 1 ? 0 : order.length - 1) : (activeCardIndex + dir + order.length) % order.length;
    const card = order[i];
    if (collapsed.has(card.projectKey)) toggleProject(card.projectKey, true);
    void goToCard(card);
  };

  const onTreeKey = (e: React.KeyboardEvent) => {
    if (rows.length === 0) return;
    const i = activeIndex < 0 ? 0 : activeIndex;
    const row = rows[i];
    const move = (j: number) => setActiveKey(rows[Math.max(0, Math.min(rows.length - 1, j))].key);
    switch (e.key) {
      case "ArrowDown":
        move(activeIndex < 0 ? 0 : i + 1);
        break;
      case "ArrowUp":
        move(i - 1);
        break;
      case "Home":
        move(0);
        break;
      case "End":
        move(rows.length - 1);
        break;
      case "PageDown":
        move(i + 10);
        break;
      case "PageUp":
        move(i - 10);
        break;
      case "ArrowRight":
        if (row.kind === "project" && row.collapsed) toggleProject(row.group.key, true);
        else move(i + 1);
        break;
      case "ArrowLeft":
        if (row.kind === "project") {
          if (!row.collapsed) toggleProject(row.group.key, false);
        } else {
          const pk = row.kind === "card" ? row.card.projectKey : row.projectKey;
          setActiveKey(`P:${pk}`);
        }
        break;
      case "Enter":
      case " ":
        if (row.kind === "card") void goToCard(row.card);
        else if (row.kind === "project") toggleProject(row.group.key);
        if (activeIndex < 0) setActiveKey(row.key);
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const sevClass = (sev: Severity) => (sev === "error" ? s.error : sev === "warning" ? s.warning : s.info);

  const renderRow = (i: number): React.ReactNode => {
    const row: Row = rows[i];
    const isActive = row.key === activeKey;
    const common = { id: rowId(row.key), role: "treeitem", "aria-selected": isActive } as const;
    if (row.kind === "project") {
      const g = row.group;
      const parts = SEVERITY_ORDER.filter((sev) => g.counts[sev] > 0).map((sev) => `${sevLabel(sev)} ${g.counts[sev]}`);
      return (
        <div
          {...common}
          aria-level={1}
          aria-expanded={!row.collapsed}
          className={`${s.projectRow} ${isActive ? s.active : ""}`}
          data-testid="project"
          data-project={g.key}
          onClick={() => {
            setActiveKey(row.key);
            toggleProject(g.key);
          }}
        >
          <span className={s.twisty} aria-hidden>
            {row.collapsed ? "▸" : "▾"}
          </span>
          <span className={s.projTitle}>{g.title}</span>
          <span className={s.badges}>
            <span className={`${s.badge} ${g.counts.error ? s.error : ""}`} data-testid="must-fix">
              {t("mustFix", { n: g.counts.error })}
            </span>
            <span className={s.badge}>{parts.join(" · ")}</span>
          </span>
        </div>
      );
    }
    if (row.kind === "category") {
      return (
        <div {...common} aria-level={2} className={`${s.categoryRow} ${isActive ? s.active : ""}`} data-testid="category" onClick={() => setActiveKey(row.key)}>
          {t("withCount", { name: row.name, n: row.count })}
        </div>
      );
    }
    const c = row.card;
    const titles = [...new Set(c.findings.map((f) => ruleTitle(f.ruleId)))];
    const where = cellLabel(c.sheet, c.cell);
    return (
      <div
        {...common}
        aria-level={3}
        aria-label={`${sevLabel(c.severity)}：${where}，${c.findings.map((f) => findingText(f).message).join("；")}`}
        className={`${s.card} ${isActive ? s.active : ""}`}
        data-testid="card"
        data-sheet={c.sheet ?? ""}
        data-cell={c.cell ?? ""}
        data-severity={c.severity}
        onClick={() => void goToCard(c)}
      >
        <span className={s.cardHead}>
          <span className={`${s.sev} ${sevClass(c.severity)}`}>{sevLabel(c.severity)}</span>
          <span className={s.where}>{where}</span>
          <span className={s.title}>{titles.join(t("listSep"))}</span>
        </span>
        {c.findings.map((f: Finding, j) => (
          <span key={j} className={s.msg} data-testid="finding" data-rule={f.ruleId} data-severity={f.severity} data-sheet={f.sheet ?? ""} data-cell={f.cell ?? ""}>
            {c.findings.length > 1 && <span className={sevClass(f.severity)}>{sevLabel(f.severity)}：</span>}
            {f.folded && f.folded.length > 0 ? withoutFoldedNote(findingText(f).message) : findingText(f).message}
            {f.fix && <span className={s.fix}>{t("fix", { text: findingText(f).fix ?? "" })}</span>}
            {f.folded && f.folded.length > 0 && <span className={s.meta}>{t("alsoHere", { titles: f.folded.map(ruleTitle).join(t("listSep")) })}</span>}
            {f.locations && f.locations.length > 0 && <span className={s.meta}>{t("locations", { n: f.locations.length })}</span>}
          </span>
        ))}
        {isActive && (
          <span className={s.meta} data-testid="card-details">
            {t("ruleIds", { ids: [...new Set(c.findings.flatMap((f) => [f.ruleId, ...(f.folded ?? [])]))].join(t("listSep")) })}
            {cellNow && cellNow.key === c.key && (
              <span className={s.meta} data-testid="cell-now">
                {t("cellNow", { text: cellNow.text === "" ? t("cellEmpty") : cellNow.text.length > 80 ? `${cellNow.text.slice(0, 80)}…` : cellNow.text })}
              </span>
            )}
          </span>
        )}
      </div>
    );
  };

  const templateMenu = (label: string) => (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button className={s.btn} disabled={busy !== null}>
          {label}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem onClick={() => void onInsertTemplate("project")}>{t("tplProject")}</MenuItem>
          <MenuItem onClick={() => void onInsertTemplate("full")}>{t("tplFull")}</MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );

  // A department-only form (部门整体) is a table too: only a workbook with neither is "no table".
  const noTable = run !== null && run.document.projects.length === 0 && !run.document.overview;

  return (
    <main className={s.root} aria-busy={busy !== null}>
      <header>
        <h1 className={s.h1}>{t("title")}</h1>
        <p className={s.sub}>{props.subtitle ?? (mode === "office" ? t("subOffice") : t("subPage"))}</p>
      </header>

      {props.children}

      <div className={s.row}>
        <Field label={t("profile")} className={s.grow}>
          <Select className={s.select} value={profile} onChange={(_, d) => setProfile(d.value as ProfileChoice)}>
            <option value="">{t("profileAuto")}</option>
            {(Object.keys(PROFILE_LABELS) as ProfileName[]).map((p) => (
              <option key={p} value={p}>
                {t(`profile_${p}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" onClick={() => void doValidate()} disabled={busy !== null || props.noWorkbook} className={`${s.grow} ${s.btn}`}>
          {t("validate")}
        </Button>
      </div>

      <details className={s.details} data-testid="more-settings">
        <summary>{t("moreSettings")}</summary>
        <div className={s.row}>
          <span>{labels ? t("labelsCurrent", { file: labels.file }) : t("labelsNone")}</span>
          <FilePicker className={s.btn} label={t("labelsLoad")} pickLabel={t("labelsPick")} accept=".json,application/json" onFile={(f) => void onLabelsFile(f)} disabled={busy !== null} />
          {labels && (
            <Button
              className={s.btn}
              onClick={() => {
                setLabels(null);
                if (run) setStale(t("staleLabelsRemoved"));
              }}
              disabled={busy !== null}
            >
              {t("labelsRemove")}
            </Button>
          )}
        </div>
        <p className={s.sub}>{t("labelsHint")}</p>
      </details>

      <div className={s.row} role="group" aria-label={t("ioGroup")}>
        <Button className={s.btn} onClick={() => void onExportJson()} disabled={busy !== null || props.noWorkbook}>
          {t("exportJson")}
        </Button>
        <FilePicker className={s.btn} label={t("importJson")} pickLabel={t("importJsonPick")} accept=".json,application/json" onFile={(f) => void onImportFile(f)} disabled={busy !== null} />
        {/* No live workbook in the standalone page: the template comes as an .xlsx download instead. */}
        {templateMenu(mode === "office" ? t("insertTemplate") : t("downloadTemplate"))}
        <Button className={s.btn} onClick={() => void onCopySummary()} disabled={busy !== null || props.noWorkbook}>
          {t("copySummary")}
        </Button>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button className={s.btn} disabled={busy !== null || props.noWorkbook}>
              {t("exportList")}
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => void onExportList("xlsx")}>{t("exportListXlsx")}</MenuItem>
              <MenuItem onClick={() => void onExportList("csv")}>{t("exportListCsv")}</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>

      <div role="status" aria-live="polite">
        {busy !== null && (
          <Field
            validationMessage={<span style={{ fontSize: SMALL }} data-testid="busy">{progress !== undefined && progress > 0 ? `${busy} ${Math.round(progress * 100)}%` : busy}</span>}
            validationState="none"
          >
            <ProgressBar value={progress} max={1} aria-label={t("progress")} />
          </Field>
        )}
      </div>

      <React.Suspense fallback={null}>
        <RoundtripPanels
          port={port}
          mode={mode}
          run={props.noWorkbook ? null : run}
          stale={stale !== null}
          labels={labels?.labels}
          source={props.source}
          currentName={props.sourceFile}
          check={() => doValidate(true)}
          onWritten={(grid) => (grid ? setRun((prev) => (prev ? withWrittenGrid(prev, grid) : prev)) : void doValidate(true))}
        />
      </React.Suspense>

      {stale && run && (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>
            <MessageBarTitle>{t("stale")}</MessageBarTitle>
            {stale.why}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void doValidate()} disabled={busy !== null}>
              {t("revalidate")}
            </Button>
            {stale.sheets && (
              <Button onClick={() => void doRecheck(stale.sheets!)} disabled={busy !== null}>
                {t("recheckSheets")}
              </Button>
            )}
          </MessageBarActions>
        </MessageBar>
      )}

      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"} data-testid="notice">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.lines && notice.lines.length > 0 && (
              <ul className={s.list}>
                {notice.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            )}
            {notice.details && notice.details.length > 0 && (
              <details className={s.details}>
                <summary>{t("importBadDetails", { n: notice.details.length })}</summary>
                <ul className={s.list}>
                  {notice.details.map((l, i) => (
                    <li key={i}>{l}</li>
                  ))}
                </ul>
              </details>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {confirm && (
        <section className={s.panel} role="alertdialog" aria-labelledby="jxmb-confirm" data-testid="confirm">
          <h2 id="jxmb-confirm" className={s.h2}>
            {confirm.title}
          </h2>
          <p className={s.warnText}>{confirm.body}</p>
          <div className={s.row}>
            <Button
              appearance="primary"
              className={s.btn}
              onClick={() => {
                const go = confirm.go;
                setConfirm(null);
                go();
              }}
            >
              {t("exportAnyway")}
            </Button>
            <Button className={s.btn} onClick={() => setConfirm(null)}>
              {t("cancel")}
            </Button>
          </div>
        </section>
      )}

      {pending && (
        <section className={s.panel} aria-labelledby="jxmb-preview" data-testid="insert-preview">
          <h2 id="jxmb-preview" className={s.h2}>
            {t("previewTitle", { what: pending.title })}
          </h2>
          <ul className={s.list}>
            {previewLines(pending.preview).map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
          <div className={s.row}>
            <Button ref={confirmBtn} appearance="primary" className={s.btn} onClick={() => void onConfirmInsert()} disabled={busy !== null}>
              {t("confirmInsert")}
            </Button>
            <Button className={s.btn} onClick={onCancelInsert} disabled={busy !== null}>
              {t("cancel")}
            </Button>
          </div>
        </section>
      )}

      {inserts.length > 0 && !pending && (
        <section className={s.panel} aria-labelledby="jxmb-undo" data-testid="undo">
          <h2 id="jxmb-undo" className={s.h2}>
            {t("insertsTitle")}
          </h2>
          <ul className={s.list}>
            {[...inserts].reverse().map(({ record, at, check }) => (
              <li key={record.ids.join(",")} data-testid="undo-item">
                <span>{t("insertItem", { time: at, sheets: record.visible.join("、") })}</span>
                {check ? (
                  <>
                    <p className={s.warnText} role="alert">
                      {t("undoEdited", { sheets: check.changed.join("、") })}
                    </p>
                    <div className={s.row}>
                      <Button appearance="primary" className={s.btn} onClick={() => void doUndo(record, check)} disabled={busy !== null}>
                        {t("deleteAnyway")}
                      </Button>
                      <Button className={s.btn} onClick={() => setCheck(record, null)} disabled={busy !== null}>
                        {t("keepSheets")}
                      </Button>
                    </div>
                  </>
                ) : (
                  <div className={s.row}>
                    <Button className={s.btn} onClick={() => void onUndo(record)} disabled={busy !== null}>
                      {t("undoInsert")}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      {noTable && (
        <section className={s.panel} aria-labelledby="jxmb-notable" data-testid="no-table">
          <h2 id="jxmb-notable" className={s.h2}>
            {t("noTable")}
          </h2>
          <p style={{ margin: 0 }}>{mode === "office" ? t("noTableBody") : t("noTablePage")}</p>
          <div className={s.row}>{templateMenu(mode === "office" ? t("insertTemplate") : t("downloadTemplate"))}</div>
        </section>
      )}

      {run && run.problems.length > 0 && (
        <details className={s.details} data-testid="problems-box" open={noTable}>
          <summary>{t("readProblems", { n: run.problems.length })}</summary>
          <ul className={s.list} data-testid="problems">
            {run.problems.map((p, i) => (
              <li key={i}>
                <span className={`${s.sev} ${sevClass(p.severity)}`}>{sevLabel(p.severity)}</span> <span className={s.where}>{cellLabel(p.sheet, p.cell)}</span> {stripEnglishAside(p.message)}
              </li>
            ))}
          </ul>
        </details>
      )}

      {run && !noTable && (
        <section className={s.section} aria-labelledby="jxmb-summary">
          <h2 id="jxmb-summary" className={s.h2}>
            {t("resultsTitle", { projects: run.document.projects.length, sheets: run.sheetCount, profile: t(`profile_${run.profile}`) })}
          </h2>
          <div className={s.tiles} data-testid="summary" role="group" aria-label={t("tilesGroup")}>
            {SEVERITY_ORDER.map((sev) => (
              <button
                key={sev}
                type="button"
                className={`${s.tile} ${severities.size === 1 && severities.has(sev) ? s.tileOn : ""} ${!severities.has(sev) ? s.tileOff : ""}`}
                aria-pressed={severities.size === 1 && severities.has(sev)}
                data-testid={`tile-${sev}`}
                onClick={() => onTile(sev)}
              >
                <span className={`${s.statNum} ${sevClass(sev)}`} data-testid={`count-${sev}`}>
                  {run.report.summary[sev]}
                </span>
                {sevLabel(sev)}
              </button>
            ))}
          </div>
        </section>
      )}

      {run && !noTable && (
        <section className={s.section} aria-labelledby="jxmb-findings">
          <h2 id="jxmb-findings" className={s.h2}>
            {t("listHeading", { shown: order.length, total: findings.length })}
          </h2>
          <Field label={t("ruleFilter")}>
            <Select className={s.select} value={ruleId} onChange={(_, d) => setRuleId(d.value)}>
              <option value="">{t("ruleAll", { n: allFindings.length })}</option>
              {groupRules(rules).map((g) => (
                <optgroup key={g.name} label={g.name}>
                  {g.rules.map((r) => (
                    <option key={r.ruleId} value={r.ruleId}>
                      {t("withCount", { name: ruleTitle(r.ruleId), n: r.count })}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          </Field>
          <div className={s.nav}>
            <Button className={s.btn} onClick={() => step(-1)} disabled={order.length === 0}>
              {t("prev")}
            </Button>
            <Button className={s.btn} appearance="primary" onClick={() => step(1)} disabled={order.length === 0}>
              {t("next")}
            </Button>
            {activeCardIndex >= 0 && (
              <span className={s.pos} data-testid="position">
                {t("position", { i: activeCardIndex + 1, n: order.length })}
              </span>
            )}
            {canKeep && (
              <Button
                className={s.btn}
                disabled={busy !== null || stale !== null || !activeCard || !activeCard.cell}
                onClick={() => activeCard && setAccepting({ card: activeCard, reason: "", by: "" })}
              >
                {t("accept")}
              </Button>
            )}
            <Button
             
              appearance="subtle"
              className={s.btn}
              onClick={() => setCollapsed(collapsed.size ? new Set() : new Set(groups.map((g) => g.key)))}
              disabled={groups.length === 0}
            >
              {collapsed.size ? t("expandAll") : t("collapseAll")}
            </Button>
          </div>
          {accepting && (
            <section className={s.panel} aria-labelledby="jxmb-accept" data-testid="accept-form">
              <h3 id="jxmb-accept" className={s.h2}>
                {t("acceptTitle", { cell: cellLabel(accepting.card.sheet, accepting.card.cell) })}
              </h3>
              <p className={s.sub}>{t(mode === "office" ? "acceptHint" : "acceptHintPage")}</p>
              <Field label={t("acceptReason")} required>
                <Textarea ref={reasonInput} value={accepting.reason} onChange={(_, d) => setAccepting({ ...accepting, reason: d.value })} resize="vertical" />
              </Field>
              <Field label={t("acceptBy")}>
                <Input value={accepting.by} onChange={(_, d) => setAccepting({ ...accepting, by: d.value })} />
              </Field>
              <div className={s.row}>
                <Button appearance="primary" className={s.btn} disabled={busy !== null || !accepting.reason.trim()} onClick={() => void onAccept()}>
                  {t("acceptSave")}
                </Button>
                <Button className={s.btn} onClick={() => setAccepting(null)}>
                  {t("cancel")}
                </Button>
              </div>
            </section>
          )}
          {rows.length === 0 ? (
            <p>{allFindings.length === 0 ? t("noProblems") : t("noneMatching")}</p>
          ) : (
            <VirtualList
              count={rows.length}
              keyOf={(i) => rows[i].key}
              estimate={(i) => (rows[i].kind === "card" ? 84 : rows[i].kind === "project" ? 34 : 24)}
              render={renderRow}
              activeIndex={activeIndex}
              maxHeight="70vh"
              className={s.tree}
              boxProps={{
                role: "tree",
                tabIndex: 0,
                "aria-label": t("listLabel"),
                "aria-activedescendant": activeIndex >= 0 ? rowId(rows[activeIndex].key) : undefined,
                "data-testid": "todo",
                onKeyDown: onTreeKey,
              }}
            />
          )}
        </section>
      )}

      {run && (run.accepted.length > 0 || run.lapsed.length > 0 || exceptionUndo) && (
        <section className={s.section} aria-labelledby="jxmb-accepted" data-testid="accepted">
          <h2 id="jxmb-accepted" className={s.h2}>
            {t("acceptedTitle", { n: run.accepted.length })}
            {run.lapsed.length > 0 && <span className={s.warning}>{t("lapsedCount", { n: run.lapsed.length })}</span>}
          </h2>
          {props.downloadWithExceptions && (
            <div className={s.row} data-testid="keep-copy">
              <p className={s.sub}>{t("keepCopyHint")}</p>
              <Button appearance={copyDue ? "primary" : "secondary"} className={s.btn} disabled={busy !== null} onClick={() => void onDownloadCopy()}>
                {t("keepCopy")}
              </Button>
            </div>
          )}
          {exceptionUndo && canKeep && (
            <div className={s.row}>
              <Button className={s.btn} disabled={busy !== null} onClick={() => void saveExceptions(exceptionUndo, t("exceptionUndone"), null)}>
                {t("exceptionUndo")}
              </Button>
            </div>
          )}
          <details className={s.details} open={run.accepted.length + run.lapsed.length <= 5}>
            <summary>{t("acceptedShow")}</summary>
            <ul className={s.list}>
              {run.lapsed.map(({ finding, exception, now }, i) => (
                <li key={`l${i}`} className={s.panel} data-testid="lapsed-item">
                  <span className={s.warning}>{t("lapsed")}</span> <span className={s.where}>{cellLabel(finding.sheet, finding.cell)}</span> {ruleTitle(finding.ruleId)}
                  <span className={s.meta}>{t("lapsedWhy", { then: exception.value || t("cellEmpty"), now: now || t("cellEmpty") })}</span>
                </li>
              ))}
              {run.accepted.map(({ finding, exception }, i) => (
                <li key={`a${i}`} className={s.panel} data-testid="accepted-item">
                  <span>
                    <span className={s.where}>{cellLabel(finding.sheet, finding.cell)}</span> <span className={s.title}>{ruleTitle(finding.ruleId)}</span>
                  </span>
                  <span className={s.meta}>{finding.message}</span>
                  <span className={s.meta}>
                    {t("acceptedWhy", { reason: exception.reason, date: exception.date })}
                    {exception.by ? t("acceptedBy", { by: exception.by }) : ""}
                  </span>
                  {canKeep && (
                    <div className={s.row}>
                      <Button className={s.btn} disabled={busy !== null} onClick={() => void onWithdraw(exception)}>
                        {t("withdraw")}
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          </details>
        </section>
      )}
    </main>
  );
}

/** DOM id of a row (aria-activedescendant): keys hold sheet names, so they are hashed into a safe id. */
function rowId(key: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `jxmb-row-${h.toString(36)}-${key.length}`;
}

function groupRules(rules: { ruleId: string; count: number }[]): { name: string; rules: { ruleId: string; count: number }[] }[] {
  const out: { name: string; rules: { ruleId: string; count: number }[] }[] = [];
  for (const r of rules) {
    const name = categoryName(categoryOf(r.ruleId));
    let g = out.find((x) => x.name === name);
    if (!g) out.push((g = { name, rules: [] }));
    g.rules.push(r);
  }
  return out;
}
