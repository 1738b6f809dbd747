/**
 * The task pane UI (also the standalone page's UI). Chinese first, English second; every control is labelled and
 * reachable by keyboard; the layout is a single column that stays readable at ~320 px. All user and workbook
 * text is rendered as React text (escaped), never as HTML.
 *
 * Writes to the live workbook (导入 JSON, 插入模板) only ever add NEW sheets; the pane shows what will be added
 * (names, cell count) and writes nothing before 确认插入; 撤销插入 then deletes exactly the sheets that insert added,
 * asking first when they were edited since (see books.ts).
 */
import * as React from "react";
import {
  Button,
  Checkbox,
  Field,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { Finding, Severity } from "../model/rules/types";
import type { ProfileName } from "../model/schema";
import { toCanonicalJson } from "../model/canonical";
import type { WorkbookPort } from "./excel/port";
import { portErrorMessage } from "./excel/port";
import {
  PROFILE_LABELS,
  SEVERITY_LABELS,
  SEVERITY_ORDER,
  cellLabel,
  exportFileName,
  filterFindings,
  groupFindings,
  ruleCounts,
  runValidation,
  summaryText,
  type RunResult,
} from "./logic";
import { copyText, downloadFile } from "./browser";
import {
  checkUndo,
  downloadBook,
  importJsonText,
  insertBook,
  previewInsert,
  previewLines,
  templateBook,
  undoInsert,
  type InsertPreview,
  type InsertRecord,
  type TemplateKind,
  type UndoCheck,
} from "./books";
import type { TemplateBook } from "../model/write/index";

const useStyles = makeStyles({
  root: {
    boxSizing: "border-box",
    width: "100%",
    display: "flex",
    flexDirection: "column",
    gap: "10px",
    padding: "10px",
    minWidth: "280px",
    maxWidth: "900px",
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
  },
  h1: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  sub: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "flex-end" },
  grow: { flexGrow: 1, minWidth: "120px" },
  summary: {
    display: "grid",
    gridTemplateColumns: "repeat(3, 1fr)",
    gap: "6px",
    textAlign: "center",
  },
  stat: { borderRadius: tokens.borderRadiusMedium, padding: "6px 4px", border: `1px solid ${tokens.colorNeutralStroke2}` },
  statNum: { display: "block", fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  section: { display: "flex", flexDirection: "column", gap: "6px" },
  h2: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, margin: "4px 0 0 0" },
  h3: { fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, margin: "6px 0 2px 0", overflowWrap: "anywhere" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "4px" },
  finding: {
    width: "100%",
    textAlign: "left",
    display: "block",
    padding: "6px 8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: "pointer",
    fontFamily: "inherit",
    fontSize: tokens.fontSizeBase200,
    color: "inherit",
    overflowWrap: "anywhere",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
  findingHead: { display: "flex", gap: "6px", alignItems: "baseline", flexWrap: "wrap" },
  sev: { fontWeight: tokens.fontWeightSemibold, flexShrink: 0 },
  where: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground2 },
  rule: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100 },
  msg: { display: "block", marginTop: "2px" },
  fix: { display: "block", marginTop: "2px", color: tokens.colorNeutralForeground3 },
  filters: { display: "flex", flexWrap: "wrap", gap: "2px 8px", alignItems: "center" },
  fileInput: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
  // Native <select> sizes to its widest option; keep it inside a 320 px pane.
  select: { width: "100%", maxWidth: "100%", minWidth: 0 },
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    overflowWrap: "anywhere",
  },
  warnText: { margin: 0, color: tokens.colorPaletteDarkOrangeForeground1 },
  pre: { whiteSpace: "pre-wrap", fontSize: tokens.fontSizeBase100, maxHeight: "160px", overflow: "auto", margin: 0 },
});

type Notice = { intent: "success" | "error" | "warning" | "info"; title: string; lines?: string[] } | null;
/** An insert waiting for the user's 确认 (nothing is written before). */
type PendingInsert = { book: TemplateBook; preview: InsertPreview; title: string; doneTitle: string };
type ProfileChoice = "" | ProfileName;

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
}

export function App(props: AppProps): React.ReactElement {
  const { port, mode } = props;
  const s = useStyles();
  const [profile, setProfile] = React.useState<ProfileChoice>("");
  const [busy, setBusy] = React.useState<string | null>(null);
  const [progress, setProgress] = React.useState<number | undefined>(undefined);
  const [run, setRun] = React.useState<RunResult | null>(null);
  const [notice, setNotice] = React.useState<Notice>(props.initialNotice ?? null);
  const [severities, setSeverities] = React.useState<Set<Severity>>(new Set(SEVERITY_ORDER));
  const [ruleId, setRuleId] = React.useState("");
  const [selected, setSelected] = React.useState<string | null>(null);
  const jsonInput = React.useRef<HTMLInputElement>(null);
  const [pending, setPending] = React.useState<PendingInsert | null>(null);
  const [lastInsert, setLastInsert] = React.useState<InsertRecord | null>(null);
  const [undoCheck, setUndoCheck] = React.useState<UndoCheck | null>(null);

  const doValidate = React.useCallback(
    async (quiet = false): Promise<RunResult | null> => {
      setBusy("正在读取工作簿……");
      setProgress(0);
      if (!quiet) setNotice(null);
      try {
        const res = await runValidation(port, profile || undefined, (p) => {
          setProgress(p.fraction);
          setBusy(p.message);
        });
        setRun(res);
        setRuleId("");
        return res;
      } catch (e) {
        setNotice({ intent: "error", title: "读取工作簿失败（could not read the workbook）", lines: [portErrorMessage(e)] });
        return null;
      } finally {
        setBusy(null);
        setProgress(undefined);
      }
    },
    [port, profile],
  );

  const autoRan = React.useRef(false);
  React.useEffect(() => {
    if (props.autoRun && !autoRan.current) {
      autoRan.current = true;
      void doValidate();
    }
  }, [props.autoRun, doValidate]);

  const onSelectFinding = async (f: Finding) => {
    if (!f.sheet || !f.cell) {
      setNotice({ intent: "info", title: "这条结果没有对应的单元格（no cell for this finding）" });
      return;
    }
    try {
      await port.selectCell(f.sheet, f.cell);
      const where = cellLabel(f.sheet, f.cell);
      setSelected(where);
      // Show what the cell holds now (it may have been fixed since the last check).
      const text = await port.readCellText(f.sheet, f.cell).catch(() => null);
      if (text !== null) setSelected(`${where}，当前内容：${text === "" ? "（空）" : text.length > 60 ? `${text.slice(0, 60)}…` : text}`);
    } catch (e) {
      setNotice({ intent: "error", title: `无法选中 ${cellLabel(f.sheet, f.cell)}（could not select the cell）`, lines: [portErrorMessage(e)] });
    }
  };

  const onExportJson = async () => {
    const res = run ?? (await doValidate(true));
    if (!res) return;
    const text = toCanonicalJson(res.document);
    const name = exportFileName(res.document, "json");
    const downloaded = downloadFile(name, text, "application/json");
    const copied = await copyText(text);
    setNotice({
      intent: downloaded || copied ? "success" : "warning",
      title: "已导出 JSON（exported）",
      lines: [
        downloaded ? `已下载文件 ${name}` : "此环境不允许下载文件",
        copied ? "JSON 已复制到剪贴板" : "无法写入剪贴板",
        `共 ${res.document.projects.length} 个项目`,
        ...(res.document.overview?.indicators ? [`部门整体绩效目标：${res.document.overview.indicators.length} 条指标`] : []),
      ],
    });
  };

  const onCopySummary = async () => {
    const res = run ?? (await doValidate(true));
    if (!res) return;
    const ok = await copyText(summaryText(res));
    setNotice(
      ok
        ? { intent: "success", title: "校验摘要已复制，可以粘贴到邮件中（summary copied）" }
        : { intent: "warning", title: "无法写入剪贴板，请手动复制下面的摘要（clipboard unavailable）", lines: summaryText(res).split("\n") },
    );
  };

  /** Office: preview first (nothing is written until 确认). Standalone: the book is a download. */
  const offerBook = async (book: TemplateBook, suggestedName: string, title: string, doneTitle: string) => {
    if (mode === "office") {
      setPending({ book, preview: await previewInsert(port, book), title, doneTitle });
      setUndoCheck(null);
      return;
    }
    const done = await downloadBook(book, suggestedName);
    setNotice({ intent: "success", title: doneTitle, lines: [done] });
  };

  const onImportFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy("正在导入 JSON……");
    try {
      const text = await file.text();
      const book = importJsonText(text, file.name);
      if (!book.ok) {
        setNotice({ intent: "error", title: `无法导入“${file.name}”（invalid JSON）`, lines: book.errors });
        return;
      }
      await offerBook(book.book, book.suggestedName, `导入“${file.name}”`, "已导入 JSON（imported）");
    } catch (e) {
      setNotice({ intent: "error", title: "导入失败（import failed）", lines: [portErrorMessage(e)] });
    } finally {
      setBusy(null);
      if (jsonInput.current) jsonInput.current.value = "";
    }
  };

  const onInsertTemplate = async (kind: TemplateKind) => {
    setBusy("正在生成模板……");
    try {
      const { book, suggestedName } = templateBook(kind, profile || "hebei");
      await offerBook(book, suggestedName, kind === "full" ? "插入完整模板" : "插入一个项目表", "模板已生成（template ready）");
    } catch (e) {
      setNotice({ intent: "error", title: "生成模板失败（template failed）", lines: [portErrorMessage(e)] });
    } finally {
      setBusy(null);
    }
  };

  const onConfirmInsert = async () => {
    if (!pending) return;
    const { book, doneTitle } = pending;
    setPending(null);
    setBusy("正在插入工作表……");
    try {
      const { record, message } = await insertBook(port, book);
      setLastInsert(record);
      setUndoCheck(null);
      setNotice({ intent: "success", title: doneTitle, lines: [message, "如需撤销，点“撤销插入”（只删除这次插入的工作表）。"] });
    } catch (e) {
      setNotice({ intent: "error", title: "插入失败（insert failed）", lines: [portErrorMessage(e)] });
    } finally {
      setBusy(null);
    }
  };

  const onCancelInsert = () => {
    setPending(null);
    setNotice({ intent: "info", title: "已取消，工作簿未改动（cancelled, nothing written）" });
  };

  const doUndo = async (rec: InsertRecord, check: UndoCheck) => {
    setBusy("正在撤销插入……");
    try {
      const done = await undoInsert(port, rec, check);
      setLastInsert(null);
      setUndoCheck(null);
      setNotice({ intent: "success", title: "已撤销（undone）", lines: [done] });
    } catch (e) {
      setNotice({ intent: "error", title: "撤销失败（undo failed）", lines: [portErrorMessage(e)] });
    } finally {
      setBusy(null);
    }
  };

  const onUndo = async () => {
    if (!lastInsert) return;
    setBusy("正在检查插入的工作表……");
    let check: UndoCheck;
    try {
      check = await checkUndo(port, lastInsert);
    } catch (e) {
      setNotice({ intent: "error", title: "撤销失败（undo failed）", lines: [portErrorMessage(e)] });
      setBusy(null);
      return;
    }
    setBusy(null);
    if (check.present.length === 0) {
      setLastInsert(null);
      setNotice({ intent: "info", title: "插入的工作表都已不存在，无需撤销（nothing to undo）" });
      return;
    }
    if (check.blocked) {
      setNotice({
        intent: "warning",
        title: "无法撤销：这些是工作簿中仅剩的可见工作表（undo refused）",
        lines: ["Excel 不允许删除最后一个可见工作表。请先新建或取消隐藏一个其他工作表，再点“撤销插入”。"],
      });
      return;
    }
    // Edited since the insert: deleting would lose the user's work, so ask first.
    if (check.changed.length) {
      setUndoCheck(check);
      return;
    }
    await doUndo(lastInsert, check);
  };

  const findings = run ? filterFindings(run.report.findings, { severities, ruleId }) : [];
  const groups = groupFindings(findings);
  const rules = run ? ruleCounts(run.report.findings) : [];
  const toggleSeverity = (sev: Severity, on: boolean) => {
    const next = new Set(severities);
    if (on) next.add(sev);
    else next.delete(sev);
    setSeverities(next);
  };
  const sevClass = (sev: Severity) => (sev === "error" ? s.error : sev === "warning" ? s.warning : s.info);

  return (
    <main className={s.root} aria-busy={busy !== null}>
      <header>
        <h1 className={s.h1}>绩效目标表助手</h1>
        <p className={s.sub}>
          {props.subtitle ?? (mode === "office" ? "校验当前工作簿中的项目支出绩效目标表" : "网页版：打开 .xlsx 文件进行校验（不上传，不联网）")}
        </p>
      </header>

      {props.children}

      <div className={s.row}>
        <Field label="校验规则 / Profile" className={s.grow}>
          <Select className={s.select} value={profile} onChange={(_, d) => setProfile(d.value as ProfileChoice)}>
            <option value="">自动（按表样识别）</option>
            {(Object.keys(PROFILE_LABELS) as ProfileName[]).map((p) => (
              <option key={p} value={p}>
                {PROFILE_LABELS[p]}
              </option>
            ))}
          </Select>
        </Field>
        <Button appearance="primary" onClick={() => void doValidate()} disabled={busy !== null || props.noWorkbook} className={s.grow}>
          校验整个工作簿
        </Button>
      </div>

      <div className={s.row} role="group" aria-label="导入导出 / Import and export">
        <Button onClick={() => void onExportJson()} disabled={busy !== null || props.noWorkbook}>
          导出 JSON
        </Button>
        <Button onClick={() => jsonInput.current?.click()} disabled={busy !== null}>
          导入 JSON
        </Button>
        <input
          ref={jsonInput}
          className={s.fileInput}
          type="file"
          accept=".json,application/json"
          aria-label="选择要导入的 JSON 文件"
          tabIndex={-1}
          onChange={(e) => void onImportFile(e.target.files?.[0])}
        />
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            {/* No live workbook in the standalone page: the template comes as an .xlsx download instead. */}
            <Button disabled={busy !== null}>{mode === "office" ? "插入模板" : "下载模板"}</Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => void onInsertTemplate("project")}>一个项目表（one project sheet）</MenuItem>
              <MenuItem onClick={() => void onInsertTemplate("full")}>完整模板（full template）</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        <Button onClick={() => void onCopySummary()} disabled={busy !== null || props.noWorkbook}>
          复制校验摘要
        </Button>
      </div>

      <div role="status" aria-live="polite">
        {busy !== null && (
          <Field validationMessage={busy} validationState="none">
            <ProgressBar value={progress} max={1} aria-label="进度 / progress" />
          </Field>
        )}
      </div>

      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.lines && notice.lines.length > 0 && (
              <ul className={s.list}>
                {notice.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}

      {pending && (
        <section className={s.panel} aria-labelledby="jxmb-preview" data-testid="insert-preview">
          <h2 id="jxmb-preview" className={s.h2}>
            {pending.title}：确认后才写入（preview）
          </h2>
          <ul className={s.list}>
            {previewLines(pending.preview).map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
          <div className={s.row}>
            <Button appearance="primary" onClick={() => void onConfirmInsert()} disabled={busy !== null}>
              确认插入
            </Button>
            <Button onClick={onCancelInsert} disabled={busy !== null}>
              取消
            </Button>
          </div>
        </section>
      )}

      {lastInsert && !pending && (
        <section className={s.panel} aria-labelledby="jxmb-undo" data-testid="undo">
          <h2 id="jxmb-undo" className={s.h2}>
            上次插入：{lastInsert.visible.join("、")}
          </h2>
          {undoCheck ? (
            <>
              <p className={s.warnText} role="alert">
                以下工作表在插入后已被修改：{undoCheck.changed.join("、")}。撤销会删除这些工作表和其中的修改，仍要删除吗？
              </p>
              <div className={s.row}>
                <Button appearance="primary" onClick={() => void doUndo(lastInsert, undoCheck)} disabled={busy !== null}>
                  仍然删除
                </Button>
                <Button onClick={() => setUndoCheck(null)} disabled={busy !== null}>
                  保留工作表
                </Button>
              </div>
            </>
          ) : (
            <div className={s.row}>
              <Button onClick={() => void onUndo()} disabled={busy !== null}>
                撤销插入
              </Button>
            </div>
          )}
        </section>
      )}

      {run && (
        <section className={s.section} aria-labelledby="jxmb-summary">
          <h2 id="jxmb-summary" className={s.h2}>
            校验结果：{run.document.projects.length} 个项目，{run.sheetCount} 个工作表（{PROFILE_LABELS[run.profile]}）
          </h2>
          <div className={s.summary} data-testid="summary">
            {SEVERITY_ORDER.map((sev) => (
              <div key={sev} className={s.stat}>
                <span className={`${s.statNum} ${sevClass(sev)}`} data-testid={`count-${sev}`}>
                  {run.report.summary[sev]}
                </span>
                {SEVERITY_LABELS[sev]}
              </div>
            ))}
          </div>
          {selected && (
            <p className={s.sub} data-testid="selected">
              已选中单元格：{selected}
            </p>
          )}
        </section>
      )}

      {run && run.problems.length > 0 && (
        <section className={s.section} aria-labelledby="jxmb-problems">
          <h2 id="jxmb-problems" className={s.h2}>
            读取问题（{run.problems.length}）
          </h2>
          <ul className={s.list} data-testid="problems">
            {run.problems.map((p, i) => (
              <li key={i}>
                <button
                  type="button"
                  className={s.finding}
                  onClick={() => void onSelectFinding({ ruleId: "read", severity: p.severity, message: p.message, sheet: p.sheet, cell: p.cell, projectCode: null, projectName: null, projectSeq: null })}
                >
                  <span className={s.findingHead}>
                    <span className={`${s.sev} ${sevClass(p.severity)}`}>{SEVERITY_LABELS[p.severity]}</span>
                    <span className={s.where}>{cellLabel(p.sheet, p.cell)}</span>
                  </span>
                  <span className={s.msg}>{p.message}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {run && (
        <section className={s.section} aria-labelledby="jxmb-findings">
          <h2 id="jxmb-findings" className={s.h2}>
            问题清单（{findings.length}/{run.report.findings.length}）
          </h2>
          <div className={s.filters} role="group" aria-label="按严重程度筛选 / Filter by severity">
            {SEVERITY_ORDER.map((sev) => (
              <Checkbox
                key={sev}
                checked={severities.has(sev)}
                onChange={(_, d) => toggleSeverity(sev, d.checked === true)}
                label={`${SEVERITY_LABELS[sev]} ${run.report.summary[sev]}`}
              />
            ))}
          </div>
          <Field label="按规则筛选 / Rule">
            <Select className={s.select} value={ruleId} onChange={(_, d) => setRuleId(d.value)}>
              <option value="">全部规则（{run.report.findings.length}）</option>
              {rules.map((r) => (
                <option key={r.ruleId} value={r.ruleId}>
                  {r.ruleId}（{r.count}）
                </option>
              ))}
            </Select>
          </Field>
          {groups.length === 0 && <p>{run.report.findings.length === 0 ? "没有发现问题。" : "没有符合筛选条件的结果。"}</p>}
          {groups.map((g) => (
            <div key={g.key} data-testid="group">
              <h3 className={s.h3}>
                {g.title}
                <span className={s.rule}>
                  {" "}
                  {SEVERITY_ORDER.filter((sev) => g.counts[sev] > 0)
                    .map((sev) => `${SEVERITY_LABELS[sev]} ${g.counts[sev]}`)
                    .join(" · ")}
                </span>
              </h3>
              <ul className={s.list} aria-label={g.title}>
                {g.findings.map((f, i) => (
                  <li key={`${f.ruleId}-${f.sheet}-${f.cell}-${i}`}>
                    <button
                      type="button"
                      className={s.finding}
                      data-testid="finding"
                      data-rule={f.ruleId}
                      data-severity={f.severity}
                      data-sheet={f.sheet ?? ""}
                      data-cell={f.cell ?? ""}
                      aria-label={`${SEVERITY_LABELS[f.severity]}：${cellLabel(f.sheet, f.cell) || "无单元格"}，${f.message}（${f.ruleId}）`}
                      onClick={() => void onSelectFinding(f)}
                    >
                      <span className={s.findingHead}>
                        <span className={`${s.sev} ${sevClass(f.severity)}`}>{SEVERITY_LABELS[f.severity]}</span>
                        <span className={s.where}>{cellLabel(f.sheet, f.cell)}</span>
                        <span className={s.rule}>{f.ruleId}</span>
                      </span>
                      <span className={s.msg}>{f.message}</span>
                      {f.fix && <span className={s.fix}>建议：{f.fix}</span>}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </main>
  );
}
