/**
 * Things every page does before React renders: no eval for zod (the CSP forbids it), and a no-op
 * CustomFunctions.associate when office.js is absent, so the functions chunk loaded by taskpane.html does not throw
 * in standalone mode (office.js defines the real one in Excel).
 */
import { z } from "zod";

export function prepareRuntime(): void {
  z.config({ jitless: true });
  const g = globalThis as unknown as { CustomFunctions?: { associate?: unknown } };
  if (typeof g.CustomFunctions === "undefined") {
    g.CustomFunctions = { associate: () => undefined };
  }
}

/** Resolve Office.onReady with a timeout (onReady never resolves when office.js is blocked half-way). */
export async function officeReady(timeoutMs = 8000): Promise<{ host: unknown } | null> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return null;
  return Promise.race([
    Office.onReady().then((info) => info as { host: unknown }),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
  ]);
}
