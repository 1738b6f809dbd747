/**
 * The submission round trip in the pane and the page, as one element App places: the seal (verdict, 校验并盖章),
 * 比较版本 and the inbox (many units' files, never the open workbook).
 */
import * as React from "react";
import type { Grid } from "../../model/grid";
import type { ExtraLabels } from "../../model/read/synonyms";
import type { WorkbookPort } from "../excel/port";
import { DiffPanel } from "./DiffPanel";
import { InboxPanel } from "./InboxPanel";
import { SealPanel, type Checked } from "./SealPanel";
import { rt } from "./strings";

export interface RoundtripProps {
  port: WorkbookPort;
  mode: "office" | "standalone";
  run: Checked | null;
  stale: boolean;
  labels?: ExtraLabels | null;
  /** The page: the opened file (the sealed copy is made from its bytes). */
  source?: { bytes: Uint8Array; fileName: string } | null;
  /** The open workbook's name for 比较版本 (the page: its file name). */
  currentName?: string;
  check: () => Promise<Checked | null>;
  /** After the seal or its 撤销: the workbook now (see SealPanel), or null for a new check. */
  onWritten: (grid: Grid | null) => void;
}

export function RoundtripPanels(props: RoundtripProps): React.ReactElement {
  const current = React.useMemo(() => (props.run ? { name: props.currentName ?? rt("diffOpen"), document: props.run.document } : null), [props.run, props.currentName]);
  return (
    <>
      <SealPanel port={props.port} mode={props.mode} checked={props.run} stale={props.stale} labels={props.labels} source={props.source} check={props.check} onWritten={props.onWritten} />
      <DiffPanel current={current} labels={props.labels} />
      {/* No port: the inbox never reads or writes the open workbook. */}
      <InboxPanel labels={props.labels} />
    </>
  );
}
