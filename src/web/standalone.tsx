/** Standalone page entry: the task pane UI without Office, over a dropped/opened .xlsx. */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { prepareRuntime } from "../taskpane/boot";
import { Root } from "../taskpane/Root";
import { StandaloneApp } from "./StandaloneApp";
import { detectLocale, setLocale } from "../taskpane/i18n";

prepareRuntime();
setLocale(detectLocale());

const container = document.getElementById("container");
if (container) {
  createRoot(container).render(
    <Root>
      <StandaloneApp />
    </Root>,
  );
}
