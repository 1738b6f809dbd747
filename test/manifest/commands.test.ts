/**
 * The ribbon commands chunk is importable without office.js (jest, the standalone page) and, inside
 * Office, associates its ExecuteFunction handlers once Office is ready.
 */
import { COMMAND_ACTIONS, registerCommands } from "../../src/commands/commands";

test("without office.js, registering commands is a no-op that reports false", () => {
  expect(typeof (globalThis as { Office?: unknown }).Office).toBe("undefined");
  expect(registerCommands(undefined)).toBe(false);
});

test("inside Office, every handler is associated after onReady", async () => {
  const associated: string[] = [];
  let ready: (() => void) | null = null;
  const office = {
    onReady: (cb: () => void) => {
      ready = cb;
      return Promise.resolve({ host: "Excel", platform: "PC" });
    },
    actions: { associate: (id: string) => associated.push(id) },
  } as unknown as typeof Office;
  const handler = (event: Office.AddinCommands.Event) => event.completed();
  expect(registerCommands(office, { "JXMB.Validate": handler, "JXMB.Export": handler })).toBe(true);
  expect(associated).toEqual([]); // nothing before Office is ready
  ready!();
  expect(associated).toEqual(["JXMB.Validate", "JXMB.Export"]);
  // The shipped manifest has only a ShowTaskpane button: no ExecuteFunction handler to register.
  expect(Object.keys(COMMAND_ACTIONS)).toEqual([]);
});
