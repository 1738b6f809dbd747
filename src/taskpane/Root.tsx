/** Theme wrapper shared by the task pane and the standalone page. */
import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { locale } from "./i18n";

export function Root({ children }: { children: React.ReactNode }): React.ReactElement {
  return (
    <FluentProvider theme={webLightTheme} lang={locale()} style={{ minHeight: "100vh" }}>
      {children}
    </FluentProvider>
  );
}
