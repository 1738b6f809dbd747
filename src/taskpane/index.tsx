/**
 * Task pane entry. In Excel: Office.onReady → OfficePort. Without Office (CDN unreachable, plain browser, other host)
 * the same UI boots in standalone mode over an in-memory workbook, so the pane never stays blank.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { prepareRuntime, officeReady } from "./boot";
import { Root } from "./Root";
import { App, type AppProps } from "./App";
import { OfficePort } from "./excel/officePort";
import { StandaloneApp } from "../web/StandaloneApp";

prepareRuntime();

/** A friendly word when this Excel lacks an API set the pane relies on (checked once at start). */
function requirementNotice(): AppProps["initialNotice"] {
  const has = (v: string) => {
    try {
      return Office.context.requirements.isSetSupported("ExcelApi", v);
    } catch {
      return false;
    }
  };
  if (!has("1.4")) {
    return {
      intent: "error",
      title: "此版本的 Excel 太旧，无法读取工作簿（ExcelApi 1.4 required）",
      lines: ["请使用 Microsoft 365 / Excel 2019 及以上版本或 Excel 网页版；也可以用网页版助手打开 .xlsx 文件。"],
    };
  }
  if (!has("1.13")) {
    return {
      intent: "warning",
      title: "此版本的 Excel 不能读取合并单元格（ExcelApi 1.13），部分表格可能识别不全",
      lines: ["建议升级 Excel，或用网页版助手打开 .xlsx 文件校验。"],
    };
  }
  return null;
}

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
        <App port={new OfficePort(Excel)} mode="office" initialNotice={requirementNotice()} />
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
