/**
 * 比较版本 in the pane and the page: two versions (files, or the open workbook as either side) → the business diff
 * (projects added / removed / renamed, budget, spend plan, goals, indicators), the reply-email summary with a copy
 * button, and the .xlsx report (the CLI's `jxmb diff -o` writer). Reads only.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { diffCounts, diffDocuments, diffRows, diffSummary, hasBusinessChanges, type DocumentDiff } from "../../model/diff";
import type { ExtraLabels } from "../../model/read/synonyms";
import type { JxmbDocument } from "../../model/schema";
import { copyText, downloadFile, XLSX_MIME } from "../browser";
import { changeHeadlines } from "./sealing";
import { readPickedFile } from "./files";
import { rt } from "./strings";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: "6px", padding: "8px", borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke1}`, fontSize: "14px" },
  h2: { fontSize: "14px", fontWeight: tokens.fontWeightSemibold, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "center" },
  btn: { minWidth: 0, maxWidth: "100%", whiteSpace: "normal" },
  list: { margin: 0, paddingLeft: "1.2em", display: "flex", flexDirection: "column", gap: "2px" },
  sub: { color: tokens.colorNeutralForeground3, fontSize: "13px", margin: 0 },
  summary: { margin: 0, padding: "6px", backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusMedium, userSelect: "text" },
  hidden: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
  side: { fontWeight: tokens.fontWeightSemibold },
});

type Side = { name: string; document: JxmbDocument } | null;

export interface DiffPanelProps {
  /** The open workbook's document (pane: last check; page: the opened file), null before a check. */
  current: { name: string; document: JxmbDocument } | null;
  labels?: ExtraLabels | null;
}

const SHOWN = 30;

export function DiffPanel(props: DiffPanelProps): React.ReactElement {
  const s = useStyles();
  const [a, setA] = React.useState<Side>(null);
  const [b, setB] = React.useState<Side>(null);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [notice, setNotice] = React.useState<{ intent: "success" | "error" | "warning"; title: string; lines?: string[] } | null>(null);
  const inputs = { a: React.useRef<HTMLInputElement>(null), b: React.useRef<HTMLInputElement>(null) };

  const pick = async (side: "a" | "b", file: File | undefined) => {
    if (!file) return;
    setNotice(null);
    setBusy(rt("diffReading", { file: file.name }));
    try {
      const got = await readPickedFile(file, props.labels);
      (side === "a" ? setA : setB)({ name: got.name, document: got.document });
    } catch (e) {
      setNotice({ intent: "error", title: rt("diffReadFailed", { file: file.name }), lines: [e instanceof Error ? e.message : String(e)] });
    } finally {
      setBusy(null);
      const el = inputs[side].current;
      if (el) el.value = "";
    }
  };

  const result = React.useMemo((): { diff: DocumentDiff; summary: string; headlines: string[] } | null => {
    if (!a || !b) return null;
    const diff = diffDocuments(a.document, b.document);
    return { diff, summary: diffSummary(diff), headlines: changeHeadlines(diff) };
  }, [a, b]);

  const onCopy = async () => {
    if (!result) return;
    const ok = await copyText(result.summary);
    setNotice(ok ? { intent: "success", title: rt("diffCopied") } : { intent: "warning", title: rt("diffCopyManual") });
  };

  const onReport = async () => {
    if (!result || !a || !b) return;
    const { writeDiffReport } = await import(/* webpackChunkName: "xlsx-diff-report" */ "../../xlsx/diff-report");
    // Links to cells need both files beside the report; a browser download cannot promise that, so none.
    const bytes = await writeDiffReport({ title: `比较：${a.name} → ${b.name}`, summary: result.summary, rows: diffRows(result.diff, a.document, b.document), links: { a: null, b: null } });
    const name = `比较报告-${b.name.replace(/\.(xlsx|xlsm|json)$/i, "")}.xlsx`;
    const ok = downloadFile(name, bytes, XLSX_MIME);
    setNotice(ok ? { intent: "success", title: rt("diffReportDone", { name }) } : { intent: "warning", title: rt("diffReadFailed", { file: name }) });
  };

  const sideRow = (side: "a" | "b", value: Side) => (
    <div className={s.row} data-testid={`diff-side-${side}`}>
      <span className={s.side}>{side === "a" ? rt("diffA") : rt("diffB")}：</span>
      <span data-testid={`diff-name-${side}`}>{value ? value.name : rt("diffNone")}</span>
      <Button className={s.btn} disabled={busy !== null} onClick={() => inputs[side].current?.click()}>
        {rt("diffPick")}
      </Button>
      {props.current && (
        <Button className={s.btn} disabled={busy !== null} onClick={() => (side === "a" ? setA : setB)({ name: props.current!.name, document: props.current!.document })}>
          {rt("diffUseOpen")}
        </Button>
      )}
      <input
        ref={inputs[side]}
        className={s.hidden}
        type="file"
        accept=".xlsx,.xlsm,.json,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={`${rt("diffPickLabel")}：${side === "a" ? rt("diffA") : rt("diffB")}`}
        tabIndex={-1}
        data-testid={`diff-input-${side}`}
        onChange={(e) => void pick(side, e.target.files?.[0])}
      />
    </div>
  );

  const counts = result ? diffCounts(result.diff) : null;
  return (
    <details className={s.panel} data-testid="diff-panel">
      <summary className={s.h2}>{rt("diffTitle")}</summary>
      <p className={s.sub}>{rt("diffHint")}</p>
      {sideRow("a", a)}
      {sideRow("b", b)}
      {busy && (
        <p className={s.sub} role="status">
          {busy}
        </p>
      )}
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"} data-testid="diff-notice">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.lines?.join("；")}
          </MessageBarBody>
        </MessageBar>
      )}
      {result && counts && (
        <div data-testid="diff-result" data-changed={hasBusinessChanges(result.diff) ? "1" : "0"}>
          <p style={{ margin: 0, fontWeight: 600 }}>{hasBusinessChanges(result.diff) ? rt("diffResult", { ...counts }) : rt("diffSame")}</p>
          {result.headlines.length > 0 && (
            <ul className={s.list} data-testid="diff-lines">
              {result.headlines.slice(0, SHOWN).map((l, i) => (
                <li key={i}>{l}</li>
              ))}
              {result.headlines.length > SHOWN && <li>{rt("sealMore", { n: result.headlines.length - SHOWN })}</li>}
            </ul>
          )}
          <h3 className={s.h2}>{rt("diffSummary")}</h3>
          <p className={s.summary} data-testid="diff-summary">
            {result.summary}
          </p>
          <div className={s.row}>
            <Button className={s.btn} onClick={() => void onCopy()} data-testid="diff-copy">
              {rt("diffCopy")}
            </Button>
            <Button className={s.btn} onClick={() => void onReport()} data-testid="diff-report">
              {rt("diffReport")}
            </Button>
          </div>
        </div>
      )}
    </details>
  );
}
