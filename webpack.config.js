/* eslint-disable no-undef */
// Build for the Excel add-in (shared runtime) and the standalone web page.
//
// Entries:
//   taskpane   — React task pane (also the shared-runtime page: taskpane.html loads taskpane + functions + commands)
//   functions  — custom functions; CustomFunctionsMetadataPlugin emits functions.json
//   commands   — ribbon commands (run in the same shared runtime)
//   standalone — the same UI without Office (index.html / standalone.html)
//
// exceljs is never in an initial chunk: the UI loads src/xlsx/* with dynamic import() only when the user
// opens or exports a file. The standalone page reads a workbook in a Web Worker: browser.ts starts
// `new Worker(new URL("../xlsx/worker.ts", import.meta.url))`, which webpack 5 emits as its own entry
// (own runtime, chunks loaded with importScripts; same origin, so the CSP's script-src 'self' covers it). runtimeChunk "single" makes modules singletons across the entries of one page,
// so the task pane and the custom functions share one copy of the model.
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const root = __dirname;
const exists = (p) => fs.existsSync(path.join(root, p));

/** Content-Security-Policy for our pages. No eval; styles inline because Griffel (Fluent v9) injects <style>. */
function csp({ office }) {
  // office.js loads its host/locale scripts from its CDN (older builds also from ajax.aspnetcdn.com, office-js #1005);
  // its telemetry is not allowed to connect anywhere (connect-src 'self').
  const scriptSrc = office ? "'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com" : "'self'";
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join("; ");
}

/** The functions engineer's build helpers (docs/addin-build-notes.md), when they have landed. */
function addinBuild() {
  return exists("scripts/addin-build.js") ? require("./scripts/addin-build.js") : null;
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const hasFunctions = exists("src/functions/functions.ts");
  const hasCommands = exists("src/commands/commands.ts");
  const helpers = addinBuild();
  const publicUrl = process.env.JXMB_PUBLIC_URL;

  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    standalone: "./src/web/standalone.tsx",
  };
  if (hasFunctions) entry.functions = "./src/functions/functions.ts";
  if (hasCommands) entry.commands = "./src/commands/commands.ts";

  const plugins = [
    new HtmlWebpackPlugin({
      filename: "taskpane.html",
      template: "./src/taskpane/taskpane.html",
      chunks: ["taskpane", ...(hasFunctions ? ["functions"] : []), ...(hasCommands ? ["commands"] : [])],
      chunksSortMode: "manual",
      scriptLoading: "defer",
      templateParameters: { csp: csp({ office: true }), officeJs: OFFICE_JS },
    }),
  ];
  for (const filename of ["index.html", "standalone.html"]) {
    plugins.push(
      new HtmlWebpackPlugin({
        filename,
        template: "./src/web/standalone.html",
        chunks: ["standalone"],
        scriptLoading: "defer",
        templateParameters: { csp: csp({ office: false }) },
      }),
    );
  }

  const patterns = [];
  if (exists("assets")) patterns.push({ from: "assets/icon-*.png", to: "assets/[name][ext]", noErrorOnMissing: true });
  // Production manifests get every dev URL rewritten (global) by the functions engineer's helper, which refuses
  // a missing/non-https/localhost base URL. Without JXMB_PUBLIC_URL a production build simply emits no manifest
  // (the web page and the tests do not need one) instead of shipping a dev manifest.
  let manifestSkipped = false;
  for (const m of fs.readdirSync(root).filter((f) => /^manifest.*\.xml$/.test(f))) {
    if (!dev && !publicUrl) {
      manifestSkipped = true;
      continue;
    }
    patterns.push({
      from: m,
      to: "[name][ext]",
      transform: (content) => {
        if (dev) return content;
        if (helpers && helpers.rewriteManifestForProduction) return helpers.rewriteManifestForProduction(content.toString(), publicUrl);
        throw new Error("scripts/addin-build.js (rewriteManifestForProduction) is missing");
      },
    });
  }
  if (patterns.length) plugins.push(new CopyWebpackPlugin({ patterns }));
  if (manifestSkipped) {
    plugins.push({
      apply(compiler) {
        compiler.hooks.thisCompilation.tap("JxmbManifestNotice", (compilation) => {
          const { WebpackError } = compiler.webpack;
          compilation.warnings.push(new WebpackError("manifest.xml not emitted: set JXMB_PUBLIC_URL=https://… for a production add-in build"));
        });
      },
    });
  }

  // A stamp rewritten on every build (webpack leaves unchanged files untouched), so tests can tell a stale dist/.
  plugins.push({
    apply(compiler) {
      compiler.hooks.thisCompilation.tap("JxmbBuildStamp", (compilation) => {
        compilation.hooks.processAssets.tap({ name: "JxmbBuildStamp", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
          compilation.emitAsset(".build-stamp", new compiler.webpack.sources.RawSource(`${new Date().toISOString()}\n`));
        });
      });
    },
  });

  if (hasFunctions) {
    const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
    plugins.push(new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }));
    if (helpers && helpers.FunctionsLocalePlugin) plugins.push(new helpers.FunctionsLocalePlugin());
  }

  /** @type {import('webpack').Configuration} */
  const config = {
    mode: dev ? "development" : "production",
    context: root,
    // Never eval-based: the pages' CSP forbids eval even in development.
    devtool: "source-map",
    entry,
    output: {
      path: path.join(root, "dist"),
      // functions.js keeps its plain name: the manifest names it literally (Functions.Script.Url).
      filename: (pathData) => (dev || pathData.chunk.name === "functions" ? "[name].js" : "[name].[contenthash:8].js"),
      chunkFilename: dev ? "[name].chunk.js" : "[name].[contenthash:8].chunk.js",
      clean: true,
      publicPath: "auto",
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // Node built-ins are never needed in the browser bundle (src/model is pure; src/xlsx gets bytes).
      fallback: { fs: false, path: false, stream: false, crypto: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              compilerOptions: { module: "ESNext", moduleResolution: "bundler", sourceMap: true, noEmit: false },
            },
          },
        },
        { test: /\.(png|jpg|jpeg|gif|ico|svg)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    optimization: {
      runtimeChunk: "single",
      splitChunks: {
        chunks: "all",
        cacheGroups: {
          // exceljs is only ever reached through import(); keep it in its own named async chunk.
          exceljs: { test: /[\\/]node_modules[\\/]exceljs[\\/]/, name: "exceljs", chunks: "async", enforce: true },
        },
      },
    },
    performance: { hints: false },
    plugins,
    devServer: {
      static: { directory: path.join(root, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      hot: false,
      client: { overlay: false },
      // Dev certificates install a root CA (sudo) — only when explicitly asked for.
      server:
        process.env.JXMB_HTTPS === "1" && !env.WEBPACK_BUILD
          ? { type: "https", options: await require("office-addin-dev-certs").getHttpsServerOptions() }
          : { type: "http" },
    },
  };
  return config;
};
