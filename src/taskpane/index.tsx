/**
 * Task pane entry. In Excel: Office.onReady → OfficePort. Without Office (CDN unreachable, plain browser, other host)
 * the same UI boots in standalone mode over an in-memory workbook, so the pane never stays blank.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { prepareRuntime, officeReady } from "./boot";
import { Root } from "./Root";
import { App } from "./App";
import { OfficePort } from "./excel/officePort";
import { StandaloneApp } from "../web/StandaloneApp";

prepareRuntime();

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  root.render(
    <Root>
      <p style={{ padding: 12 }} role="status">
        正在启动……
      </p>
    </Root>,
  );
  const info = await officeReady();
  const inExcel = info !== null && typeof Excel !== "undefined" && info.host === Office.HostType.Excel;
  if (inExcel) {
    root.render(
      <Root>
        <App port={new OfficePort(Excel)} mode="office" />
      </Root>,
    );
  } else {
    root.render(
      <Root>
        <StandaloneApp notice="未检测到 Excel，已切换为网页模式：请打开 .xlsx 文件（Office not available: standalone mode）" />
      </Root>,
    );
  }
}

void main();
