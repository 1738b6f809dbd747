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
import { detectLocale, setLocale, t } from "./i18n";

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
      title: t("oldExcel"),
      lines: [t("oldExcelLine")],
    };
  }
  if (!has("1.13")) {
    return {
      intent: "warning",
      title: t("noMerges"),
      lines: [t("noMergesLine")],
    };
  }
  return null;
}

/** The open workbook's file name (for links in the exported 问题清单); undefined when Office does not say. */
function documentFileName(): string | undefined {
  try {
    const url = Office.context.document?.url;
    const name = url ? decodeURIComponent(url.split(/[\\/]/).pop() ?? "") : "";
    return name || undefined;
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const container = document.getElementById("container");
  if (!container) return;
  const root = createRoot(container);
  root.render(
    <Root>
      <p style={{ padding: 12 }} role="status">
        {t("starting")}
      </p>
    </Root>,
  );
  const info = await officeReady();
  setLocale(detectLocale());
  const inExcel = info !== null && typeof Excel !== "undefined" && info.host === Office.HostType.Excel;
  if (inExcel) {
    root.render(
      <Root>
        <App port={new OfficePort(Excel)} mode="office" initialNotice={requirementNotice()} sourceFile={documentFileName()} />
      </Root>,
    );
  } else {
    root.render(
      <Root>
        <StandaloneApp notice={t("noOffice")} />
      </Root>,
    );
  }
}

void main();
