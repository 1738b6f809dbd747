#!/usr/bin/env node
"use strict";
// Thin shim: the CLI is TypeScript compiled to lib/ by `npm run build:cli`.
let cli;
try {
  cli = require("../lib/cli/main.js");
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND" && /lib[\\/]cli[\\/]main/.test(String(err.message))) {
    process.stderr.write("jxmb: 命令行工具尚未构建，请先运行 npm run build:cli。\n      The CLI is not built yet; run `npm run build:cli` first.\n");
    process.exit(2);
  }
  throw err;
}
cli.runCli(process.argv.slice(2));
