/**
 * 校验印记 in the pane and the page: the verdict on the workbook (已校验且未修改 / 校验后已修改 + what changed /
 * 未校验), 校验并盖章 with a preview of what will be written and 撤销 (pane), or a downloaded sealed copy (page:
 * the original file is never written). In the pane the verdict shows on open: one round trip finds whether a
 * seal exists at all; only a sealed workbook is read whole.
 */
import * as React from "react";
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { Grid } from "../../model/grid";
import type { JxmbDocument } from "../../model/schema";
import { makeSeal, SEAL_SHEET, type Seal } from "../../model/seal";
import { planSealWrite } from "../../model/seal-status";
import { withoutExceptionsSheet } from "../../model/exceptions";
import { readWorkbook } from "../../model/read/index";
import type { ExtraLabels } from "../../model/read/synonyms";
import { portErrorMessage, type SealSheetWrite, type WorkbookPort } from "../excel/port";
import { downloadFile, loadGridLazy, XLSX_MIME } from "../browser";
import { sealWorkbook, verdictOf, type VerdictView } from "./sealing";
import { applySealWrite } from "../excel/memorySeal";
import { rt } from "./strings";
import { t } from "../i18n";

const useStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    padding: "8px",
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    fontSize: "14px",
  },
  h2: { fontSize: "14px", fontWeight: tokens.fontWeightSemibold, margin: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: "6px", alignItems: "flex-end" },
  btn: { minWidth: 0, maxWidth: "100%", whiteSpace: "normal" },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: "2px" },
  sub: { color: tokens.colorNeutralForeground3, fontSize: "13px", margin: 0 },
  details: { fontSize: "13px" },
  rowItem: { display: "flex", flexWrap: "wrap", gap: "4px", alignItems: "baseline" },
});

export interface SealPanelProps {
  port: WorkbookPort;
  mode: "office" | "standalone";
  /** The last check's read (grid + document), null before any; `stale` when the workbook changed since. */
  checked: Checked | null;
  stale: boolean;
  labels?: ExtraLabels | null;
  /** The page: the opened file's bytes and name (the sealed copy is made from them). */
  source?: { bytes: Uint8Array; fileName: string } | null;
  /** Run a check now (校验并盖章 checks first when the results are missing or out of date). */
  check: () => Promise<Checked | null>;
  /**
   * After a write to the workbook (seal or undo): `grid` is what the workbook holds now when the pane knows it (the
   * checked grid with the write applied; the readers see the same content, so the check's findings still hold);
   * null asks for a new check.
   */
  onWritten?: (grid: Grid | null) => void;
}

/** What a check gives (RunResult fits): the grid read, the document, the counts. */
export type Checked = { grid: Grid; document: JxmbDocument; report: { summary: { error: number } } };
type Preview = { name: string; cell: string | null; checked: Checked };

const MAX_HEADLINES = 12;

export function SealPanel(props: SealPanelProps): React.ReactElement | null {
  const { port, mode, checked } = props;
  const s = useStyles();
  const [view, setView] = React.useState<VerdictView | null>(null);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [preview, setPreview] = React.useState<Preview | null>(null);
  /** 撤销盖章: the write that puts the workbook back, and the grid it applies to (the sealed one). */
  const [undo, setUndo] = React.useState<{ write: SealSheetWrite; grid: Grid } | null>(null);
  const [notice, setNotice] = React.useState<{ intent: "success" | "error" | "warning"; title: string; lines?: string[] } | null>(null);

  // The verdict of the last check (no extra read). A new check retires the last notice, except the check
  // that follows our own write (its notice is about that write).
  const keepNotice = React.useRef(false);
  React.useEffect(() => {
    if (!checked) return;
    if (keepNotice.current) keepNotice.current = false;
    else setNotice(null);
    let cancelled = false;
    void verdictOf(checked.grid, checked.document).then((v) => !cancelled && setView(v.view));
    return () => {
      cancelled = true;
    };
  }, [checked]);

  // On open in Excel, before any check: one round trip says whether there is a seal; only then read it all.
  const opened = React.useRef(false);
  React.useEffect(() => {
    if (mode !== "office" || checked || opened.current) return;
    opened.current = true;
    void (async () => {
      try {
        const names = await port.sheetNames();
        if (!names.includes(SEAL_SHEET)) {
          setView({ status: "unsealed", label: "未校验", record: [], reason: null, headlines: [], rows: [] });
          return;
        }
        setBusy(rt("sealChecking"));
        const grid = await port.readWorkbook();
        const doc = readWorkbook(withoutExceptionsSheet(grid), props.labels ? { labels: props.labels } : {}).document;
        setView((await verdictOf(grid, doc)).view);
      } catch (e) {
        setNotice({ intent: "error", title: rt("sealFailed"), lines: [portErrorMessage(e)] });
      } finally {
        setBusy(null);
      }
    })();
  }, [mode, checked, port, props.labels]);

  const onSealAsk = async () => {
    setNotice(null);
    const c = checked && !props.stale ? checked : await props.check();
    if (!c) return;
    // Where the status will go (the same plan the write uses; nothing is written yet).
    const seal = await makeSeal(c.document, { time: new Date(), name: null });
    const plan = planSealWrite(seal, c.grid, c.document, props.labels ? { labels: props.labels } : {});
    setPreview({ name: "", cell: plan.spot ? `${plan.spot.sheet}!${plan.spot.status}` : null, checked: c });
  };

  const doneLines = (seal: Seal, watched: number) => [rt("sealDoneLine", { ...seal.counts, watched }), rt("sealNotSignature")];

  const onSealConfirm = async () => {
    if (!preview) return;
    const name = preview.name.trim() || null;
    setPreview(null);
    // Edited since the preview's check: seal what the workbook holds now (a fresh check), not the old read.
    const checked = props.stale && mode === "office" ? await props.check() : preview.checked;
    if (!checked) return;
    setBusy(rt("sealButton"));
    try {
      if (mode === "office") {
        const done = await sealWorkbook(port, { name, grid: checked.grid, document: checked.document, labels: props.labels });
        setUndo({ write: done.undo, grid: done.grid });
        setView((await verdictOf(done.grid, done.document)).view);
        setNotice({ intent: "success", title: rt("sealDone"), lines: doneLines(done.seal, done.plan.watched) });
        keepNotice.current = true;
        props.onWritten?.(done.exact ? done.grid : null);
      } else if (props.source) {
        const { sealWorkbookBytes } = await import(/* webpackChunkName: "xlsx-seal" */ "../../xlsx/seal-write");
        const labels = props.labels ? { labels: props.labels } : {};
        const out = await sealWorkbookBytes(props.source.bytes, checked, {
          time: new Date(),
          name,
          readBack: async (bytes) => {
            const grid = await loadGridLazy(bytes, props.source!.fileName);
            return { grid, document: readWorkbook(withoutExceptionsSheet(grid), labels).document };
          },
        });
        const file = `${props.source.fileName.replace(/\.(xlsx|xlsm)$/i, "")}-已盖章.xlsx`;
        const ok = downloadFile(file, out.bytes, XLSX_MIME);
        setNotice({ intent: ok ? "success" : "warning", title: ok ? rt("sealDownloaded", { name: file }) : rt("sealFailed"), lines: doneLines(out.seal, out.write.watched) });
      }
    } catch (e) {
      setNotice({ intent: "error", title: rt("sealFailed"), lines: [portErrorMessage(e)] });
    } finally {
      setBusy(null);
    }
  };

  const onUndo = async () => {
    if (!undo) return;
    setBusy(rt("sealUndo"));
    try {
      await port.writeSeal(undo.write);
      setUndo(null);
      setView({ status: "unsealed", label: "未校验", record: [], reason: null, headlines: [], rows: [] });
      setNotice({ intent: "success", title: rt("sealUndone") });
      keepNotice.current = true;
      // Unedited since the seal: the workbook is the sealed grid with the undo applied (no read back).
      props.onWritten?.(props.stale || checked?.grid !== undo.grid ? null : applySealWrite(undo.grid, undo.write).grid);
    } catch (e) {
      setNotice({ intent: "error", title: rt("sealFailed"), lines: [portErrorMessage(e)] });
    } finally {
      setBusy(null);
    }
  };

  const go = (sheet: string | null, cell: string | null) => {
    if (!sheet || !cell) return;
    void port.selectCell(sheet, cell).catch((e) => setNotice({ intent: "error", title: rt("sealFailed"), lines: [portErrorMessage(e)] }));
  };

  if (mode === "standalone" && !checked) return null;
  const canSeal = busy === null && (mode === "office" || (!!props.source && !!checked));
  const intent = view?.status === "unchanged" ? "success" : view?.status === "modified" ? "warning" : "info";

  return (
    <section className={s.panel} aria-labelledby="jxmb-seal" data-testid="seal-panel">
      <h2 id="jxmb-seal" className={s.h2}>
        {rt("sealTitle")}
      </h2>
      {busy && <p className={s.sub} role="status">{busy}</p>}
      {view && (
        <MessageBar intent={intent} data-testid="seal-verdict" data-status={view.status}>
          <MessageBarBody>
            <MessageBarTitle>{rt(`verdict_${view.status}`)}</MessageBarTitle>
            {view.status === "unsealed" && <span>{rt("sealNone")}</span>}
            <ul className={s.list}>
              {view.record.map((l, i) => (
                <li key={`r${i}`}>{l}</li>
              ))}
              {view.reason && <li>{view.reason}</li>}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {view && view.headlines.length > 0 && (
        <div>
          <h3 className={s.h2}>{rt("sealChanges", { n: view.headlines.length })}</h3>
          <ul className={s.list} data-testid="seal-changes">
            {view.headlines.slice(0, MAX_HEADLINES).map((l, i) => (
              <li key={i}>{l}</li>
            ))}
            {view.headlines.length > MAX_HEADLINES && <li>{rt("sealMore", { n: view.headlines.length - MAX_HEADLINES })}</li>}
          </ul>
          {view.rows.length > 0 && (
            <details className={s.details}>
              <summary>{rt("sealRows", { n: view.rows.length })}</summary>
              <ul className={s.list}>
                {view.rows.map((r, i) => (
                  <li key={i} className={s.rowItem}>
                    <span>
                      {r.project} {r.change} {r.field}：{r.before || "（空）"} → {r.after || "（空）"}
                    </span>
                    {mode === "office" && r.side === "b" && r.sheet && r.cell && (
                      <Button appearance="subtle" onClick={() => go(r.sheet, r.cell)}>
                        {rt("goCell")} {r.sheet}!{r.cell}
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      {preview && (
        <section className={s.panel} aria-labelledby="jxmb-seal-preview" data-testid="seal-preview">
          <h3 id="jxmb-seal-preview" className={s.h2}>
            {rt("sealPreviewTitle")}
          </h3>
          <ul className={s.list}>
            {mode === "office" ? (
              <>
                <li>{rt("sealPreviewSheet")}</li>
                <li>{preview.cell ? rt("sealPreviewStatus", { cell: preview.cell }) : rt("sealPreviewNoStatus")}</li>
                <li>{rt("sealPreviewRest")}</li>
              </>
            ) : (
              <li>{rt("sealPreviewPage", { cell: preview.cell ?? "—" })}</li>
            )}
            {preview.checked.report.summary.error > 0 && <li>{rt("sealPreviewErrors", { n: preview.checked.report.summary.error })}</li>}
            <li>{rt("sealNotSignature")}</li>
          </ul>
          <Field label={rt("sealName")}>
            <Input value={preview.name} onChange={(_, d) => setPreview({ ...preview, name: d.value })} data-testid="seal-name" />
          </Field>
          <div className={s.row}>
            <Button appearance="primary" className={s.btn} onClick={() => void onSealConfirm()} data-testid="seal-confirm">
              {rt("sealConfirm")}
            </Button>
            <Button className={s.btn} onClick={() => setPreview(null)}>
              {t("cancel")}
            </Button>
          </div>
        </section>
      )}
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"} data-testid="seal-notice">
          <MessageBarBody>
            <MessageBarTitle>{notice.title}</MessageBarTitle>
            {notice.lines && (
              <ul className={s.list}>
                {notice.lines.map((l, i) => (
                  <li key={i}>{l}</li>
                ))}
              </ul>
            )}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={s.row}>
        <Button className={s.btn} appearance={view?.status === "unchanged" ? "secondary" : "primary"} disabled={!canSeal || preview !== null} onClick={() => void onSealAsk()} data-testid="seal-button">
          {mode === "office" ? rt("sealButton") : rt("sealDownload")}
        </Button>
        {undo && mode === "office" && (
          <Button className={s.btn} disabled={busy !== null} onClick={() => void onUndo()} data-testid="seal-undo">
            {rt("sealUndo")}
          </Button>
        )}
      </div>
    </section>
  );
}
