/**
 * Ribbon commands chunk, loaded in the shared runtime page (taskpane.html) because the manifest's
 * FunctionFile is Taskpane.Url. The only ribbon control is a ShowTaskpane button, which Office
 * handles without JavaScript, so there is nothing to associate yet: ExecuteFunction buttons added
 * later register here through Office.actions.associate(id, handler).
 *
 * Guarded so the module can be imported where office.js is absent (jest, the standalone page).
 */

/** ExecuteFunction handlers by manifest action id (none yet). */
export const COMMAND_ACTIONS: Readonly<
  Record<string, (event: Office.AddinCommands.Event) => void>
> = {};

/** Associate every command handler once Office is ready; returns false when office.js is not loaded. */
export function registerCommands(
  office: typeof Office | undefined = typeof Office === "undefined" ? undefined : Office,
  actions: Readonly<Record<string, (event: Office.AddinCommands.Event) => void>> = COMMAND_ACTIONS
): boolean {
  if (!office || typeof office.onReady !== "function") return false;
  void office.onReady(() => {
    for (const [id, handler] of Object.entries(actions)) office.actions.associate(id, handler);
  });
  return true;
}

registerCommands();
