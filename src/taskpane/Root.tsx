/** Theme wrapper shared by the task pane and the standalone page. */
import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";

export function Root({ children }: { children: React.ReactNode }): React.ReactElement {
  return (
    <FluentProvider theme={webLightTheme} lang="zh-CN" style={{ minHeight: "100vh" }}>
      {children}
    </FluentProvider>
  );
}
