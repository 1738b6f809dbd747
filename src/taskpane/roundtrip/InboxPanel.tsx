/**
 * 收件箱 in the pane and the page: pick or drop several units' workbooks (or JSON) → each checked, the cross-file
 * findings, the consolidated list, and downloads (report .xlsx / JSON, merged department JSON). It works on the
 * picked files only and has no port: the open workbook is never read or written.
 */
import * as React from "react";
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { ExtraLabels } from "../../model/read/synonyms";
import { SEVERITY_ZH } from "../../model/inbox";
import { downloadFile, XLSX_MIME } from "../browser";
import { inboxJsonText, inboxOf, mergedJsonText, readInboxFiles, type InboxResult } from "./inbox";
import { rt } from "./strings";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "6px", padding: "8px", borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke1}`, fontSize: "14px" },
  over: { border: `2px dashed ${tokens.colorBrandStroke1}` },
  h2: { fontSize: "14px", fontWeight: tokens.fontWeightSemibold, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" },
  btn: { minWidth: 0, maxWidth: "100%", whiteSpace: "normal" },
  list: { margin: 0, paddingLeft: "1.2em", display: "flex", flexDirection: "column", gap: "2px" },
  sub: { color: tokens.colorNeutralForeground3, fontSize: "13px", margin: 0 },
  hidden: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  summary: { margin: 0, padding: "6px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium },
});

const SHOWN = 50;

export function InboxPanel({ labels }: { labels?: ExtraLabels | null }): React.ReactElement {
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [result, setResult] = React.useState<InboxResult | null>(null);
  const [over, setOver] = React.useState(false);
  const [done, setDone] = React.useState<string | null>(null);

  const box = React.useRef<HTMLDetailsElement>(null);
  const run = async (files: File[]) => {
    if (files.length === 0) return;
    setDone(null);
    if (box.current) box.current.open = true; // files dropped on the closed panel: show what they gave
    try {
      const entries = await readInboxFiles(files, labels, (i, name) => setBusy(rt("inboxReading", { i: i + 1, n: files.length, file: name })));
      setResult(inboxOf(entries));
    } finally {
      setBusy(null);
      if (input.current) input.current.value = "";
    }
  };

  const save = (name: string, data: string | Uint8Array, mime: string) => setDone(downloadFile(name, data, mime) ? rt("inboxDownloaded", { name }) : null);

  const onXlsx = async () => {
    if (!result) return;
    const { writeInboxReport } = await import(/* webpackChunkName: "xlsx-inbox-report" */ "../../xlsx/inbox-report");
    const unread = new Map(result.outcomes.filter((o) => o.error).map((o) => [o.file, o.error!]));
    const files = result.outcomes.map(
      (o) => result.report.files.find((x) => x.file === o.file) ?? { file: o.file, projects: 0, total: 0, findings: { error: 0, warning: 0, info: 0 }, ...(unread.has(o.file) ? { error: unread.get(o.file)! } : {}) },
    );
    // Links need the files beside the report; a browser download cannot promise that, so none.
    const bytes = await writeInboxReport({ title: `收件箱检查报告：${result.outcomes.length} 个文件`, summary: result.summary, rows: result.rows, files, link: () => null });
    save("收件箱检查报告.xlsx", bytes, XLSX_MIME);
  };

  // Dropped files go to the inbox; the page's own drop (one workbook to open) sees defaultPrevented and leaves them.
  const dropProps = {
    onDragOver: (e: React.DragEvent) => {
      e.preventDefault();
      setOver(true);
    },
    onDragLeave: () => setOver(false),
    onDrop: (e: React.DragEvent) => {
      e.preventDefault();
      setOver(false);
      void run(Array.from(e.dataTransfer.files ?? []));
    },
  };

  const cross = result ? result.rows.filter((r) => r.crossFile) : [];
  return (
    <details ref={box} className={`${s.panel} ${over ? s.over : ""}`} data-testid="inbox-panel" {...dropProps}>
      <summary className={s.h2}>{rt("inboxTitle")}</summary>
      <p className={s.sub}>{rt("inboxHint")}</p>
      <div className={s.row}>
        <Button className={s.btn} disabled={busy !== null} onClick={() => input.current?.click()} data-testid="inbox-pick">
          {rt("inboxPick")}
        </Button>
        {result && (
          <Button className={s.btn} disabled={busy !== null} onClick={() => setResult(null)}>
            {rt("inboxClear")}
          </Button>
        )}
        <input
          ref={input}
          className={s.hidden}
          type="file"
          multiple
          accept=".xlsx,.xlsm,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-label={rt("inboxPickLabel")}
          tabIndex={-1}
          data-testid="inbox-input"
          onChange={(e) => void run(Array.from(e.target.files ?? []))}
        />
      </div>
      {busy && (
        <p className={s.sub} role="status">
          {busy}
        </p>
      )}
      {result && (
        <div data-testid="inbox-result">
          <p className={s.summary} data-testid="inbox-summary">
            {result.summary}
          </p>
          <ul className={s.list} data-testid="inbox-files">
            {result.outcomes.map((o) => {
              if (o.error) return <li key={o.file} className={s.error}>{rt("inboxFileFailed", { file: o.file, why: o.error })}</li>;
              const c = { error: 0, warning: 0 };
              for (const f of o.findings) if (f.severity !== "info") c[f.severity]++;
              return <li key={o.file}>{rt("inboxFile", { file: o.file, projects: o.projects, errors: c.error, warnings: c.warning })}</li>;
            })}
          </ul>
          <h3 className={s.h2}>{cross.length ? rt("inboxCross", { n: cross.length }) : rt("inboxNoCross")}</h3>
          {cross.length > 0 && (
            <ul className={s.list} data-testid="inbox-cross">
              {cross.slice(0, SHOWN).map((r, i) => (
                <li key={i} data-rule={r.ruleId}>
                  <span className={r.severity === "error" ? s.error : r.severity === "warning" ? s.warning : undefined}>{SEVERITY_ZH[r.severity]}</span> {r.file}
                  {r.sheet ? ` ${r.sheet}${r.cell ? `!${r.cell}` : ""}` : ""}：{r.message}
                  {r.related ? `（另见：${r.related}）` : ""}
                </li>
              ))}
              {cross.length > SHOWN && <li>{rt("sealMore", { n: cross.length - SHOWN })}</li>}
            </ul>
          )}
          {result.merged.notes.length > 0 && (
            <ul className={s.list}>
              {result.merged.notes.map((n, i) => (
                <li key={i} className={s.sub}>
                  合并说明：{n}
                </li>
              ))}
            </ul>
          )}
          <div className={s.row}>
            <Button className={s.btn} onClick={() => void onXlsx()} data-testid="inbox-xlsx">
              {rt("inboxDownloadXlsx")}
            </Button>
            <Button className={s.btn} onClick={() => save("收件箱检查报告.json", inboxJsonText(result), "application/json")} data-testid="inbox-json">
              {rt("inboxDownloadJson")}
            </Button>
            <Button className={s.btn} onClick={() => save("部门合并.json", mergedJsonText(result), "application/json")} data-testid="inbox-merged">
              {rt("inboxDownloadMerged")}
            </Button>
          </div>
          {done && (
            <p className={s.sub} role="status">
              {done}
            </p>
          )}
        </div>
      )}
    </details>
  );
}
