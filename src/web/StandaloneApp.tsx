/**
 * The standalone page: open or drop an .xlsx → loadGrid (exceljs, loaded on first use) → the task pane UI over a
 * MemoryPort. Nothing leaves the browser.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import { MemoryPort } from "../taskpane/excel/memoryPort";
import { loadWorkbookFile } from "../taskpane/browser";
import type { ReadNotice } from "../xlsx/guard";

const useStyles = makeStyles({
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: "12px",
    display: "flex",
    flexDirection: "column",
    gap: "6px",
    alignItems: "flex-start",
    fontSize: tokens.fontSizeBase200,
  },
  dropActive: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  hidden: { position: "absolute", width: "1px", height: "1px", opacity: 0, overflow: "hidden" },
  selection: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2, margin: 0 },
});

interface Opened {
  port: MemoryPort;
  fileName: string;
  generation: number;
}

export function StandaloneApp({ notice }: { notice?: string }): React.ReactElement {
  const s = useStyles();
  const [opened, setOpened] = React.useState<Opened | null>(null);
  const [loading, setLoading] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [notices, setNotices] = React.useState<ReadNotice[]>([]);
  const [over, setOver] = React.useState(false);
  const [selection, setSelection] = React.useState<string | null>(null);
  const input = React.useRef<HTMLInputElement>(null);
  const emptyPort = React.useMemo(() => new MemoryPort(), []);

  const open = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setNotices([]);
    setLoading(file.name);
    try {
      // Guarded read (size, container, zip bombs, limits) before exceljs; see src/xlsx/guard.ts.
      const found: ReadNotice[] = [];
      const grid = await loadWorkbookFile(file, (n) => found.push(n));
      setNotices(found);
      const port = new MemoryPort(grid);
      port.onSelect((sel) => setSelection(`${sel.sheet}!${sel.cell}`));
      setSelection(null);
      setOpened((prev) => ({ port, fileName: file.name, generation: (prev?.generation ?? 0) + 1 }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setLoading(null);
      if (input.current) input.current.value = "";
    }
  };

  const picker = (
    <div
      className={`${s.drop} ${over ? s.dropActive : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void open(e.dataTransfer.files?.[0]);
      }}
      data-testid="dropzone"
    >
      <span>把 .xlsx 文件拖到这里，或：（drop an .xlsx here）</span>
      <Button onClick={() => input.current?.click()} disabled={loading !== null}>
        打开 .xlsx 文件
      </Button>
      <input
        ref={input}
        className={s.hidden}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="选择 .xlsx 文件 / choose an .xlsx file"
        tabIndex={-1}
        data-testid="xlsx-input"
        onChange={(e) => void open(e.target.files?.[0])}
      />
      {loading && <Spinner size="tiny" label={`正在读取 ${loading}……`} />}
      {opened && !loading && <span>当前文件：{opened.fileName}</span>}
      {selection && (
        <p className={s.selection} role="status">
          定位到：{selection}（网页版无法在文件中直接选中单元格，请在 Excel/WPS 中打开此位置）
        </p>
      )}
    </div>
  );

  return (
    <App
      key={opened ? opened.generation : 0}
      port={opened?.port ?? emptyPort}
      mode="standalone"
      subtitle={opened ? `网页版：${opened.fileName}` : undefined}
      autoRun={!!opened}
      noWorkbook={!opened}
      initialNotice={notice ? { intent: "info", title: notice } : null}
    >
      {picker}
      {notices.map((n, i) => (
        <MessageBar key={`${n.code}-${i}`} intent={n.severity === "warning" ? "warning" : "info"} data-testid="read-notice" data-code={n.code}>
          <MessageBarBody>{n.message}</MessageBarBody>
        </MessageBar>
      ))}
      {error && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>
            <MessageBarTitle>无法打开文件（could not open the file）</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
    </App>
  );
}
