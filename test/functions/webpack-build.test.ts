/**
 * The build wiring docs/addin-build-notes.md asks of webpack.config.js, run for real on the functions
 * entry: CustomFunctionsMetadataPlugin (functions.json + CustomFunctions.associate calls appended to
 * the bundle) followed by FunctionsLocalePlugin (functions.zh-CN.json). The bundle is then evaluated
 * in a sandbox with a fake runtime, the way Excel loads it, and the registered functions are called.
 * Takes a few seconds (one webpack compile, transpile-only).
 */
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { runInNewContext } from "vm";
import webpack from "webpack";
import { CustomFunctionsError, ErrorCode } from "./custom-functions-shim";
import { FunctionsLocalePlugin, localizeFunctionsMetadata } from "../../scripts/addin-build";

const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const ROOT = join(__dirname, "..", "..");
let out: string;
let assets: string[];
let errors: string[];

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "jxmb-functions-"));
  const compiler = webpack({
    mode: "production",
    context: ROOT,
    target: "web",
    entry: { functions: "./src/functions/functions.ts" },
    // The app's build finds chunks next to its script ("auto"); the sandbox below has no script element.
    output: { path: out, filename: "[name].js", publicPath: "" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { sourceMap: false } },
          },
        },
      ],
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({
        input: "./src/functions/functions.ts",
        output: "functions.json",
      }),
      new FunctionsLocalePlugin() as unknown as webpack.WebpackPluginInstance,
    ],
    devtool: false,
    optimization: { minimize: false },
    infrastructureLogging: { level: "error" },
  });
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((err, s) => (err ? reject(err) : resolve(s!)))
  );
  await new Promise<void>((resolve) => compiler.close(() => resolve()));
  const json = stats.toJson({ all: false, assets: true, errors: true });
  assets = (json.assets ?? []).map((a) => a.name).sort();
  errors = (json.errors ?? []).map((e) => e.message);
}, 120000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

test("emits functions.js, functions.json and functions.zh-CN.json without errors", () => {
  expect(errors).toEqual([]);
  // model.js: validate() and the rules, loaded on the first BUDGET.CHECK / COST.CHECK (not with the page).
  expect(assets).toEqual(["functions.js", "functions.json", "functions.zh-CN.json", "model.js"]);
  const en = readFileSync(join(out, "functions.json"), "utf8");
  const table = JSON.parse(
    readFileSync(join(ROOT, "src", "functions", "locale-zh-CN.json"), "utf8")
  );
  expect(readFileSync(join(out, "functions.zh-CN.json"), "utf8")).toBe(
    localizeFunctionsMetadata(en, table).json
  );
  expect(JSON.parse(en).functions).toHaveLength(7);
});

test("the bundle registers every id and the registered functions work as Excel calls them", async () => {
  const code = readFileSync(join(out, "functions.js"), "utf8");
  const registered: Record<string, (...args: unknown[]) => unknown> = {};
  const runtime = {
    Error: CustomFunctionsError,
    ErrorCode,
    associate: (id: string, fn: (...args: unknown[]) => unknown) => {
      registered[id] = fn;
    },
  };
  const sandbox: Record<string, unknown> = { CustomFunctions: runtime, console };
  sandbox.self = sandbox;
  sandbox.globalThis = sandbox;
  runInNewContext(code, sandbox);
  const ids = JSON.parse(readFileSync(join(out, "functions.json"), "utf8")).functions.map(
    (f: { id: string }) => f.id
  );
  expect(Object.keys(registered).sort()).toEqual([...ids].sort());
  expect(registered.AMOUNT("19270元")).toBe(1.927);
  expect(registered.SPENDPLANCHECK([[0.25, 0.5, 0.75, 1]], null, null, null, null)).toEqual([
    ["通过"],
  ]);
  const err = (await registered.BUDGETCHECK(null, 50, null)) as CustomFunctionsError;
  expect(err).toBeInstanceOf(CustomFunctionsError);
  expect(err.code).toBe("#N/A");
});
