/**
 * Build helpers for the Excel add-in, called from webpack.config.js (plain CommonJS so webpack can
 * require it without a TypeScript loader; types in addin-build.d.ts). No webpack import at load time:
 * the plugin takes webpack's classes from `compiler.webpack`, so jest can load this file alone.
 *
 * - rewriteManifestForProduction(xml, baseUrl): dev URLs → production URL (every occurrence).
 * - localizeFunctionsMetadata(json, table, locale): functions.json → functions.<locale>.json.
 * - FunctionsLocalePlugin: emits functions.zh-CN.json next to the plugin-generated functions.json.
 */
"use strict";

const fs = require("fs");
const path = require("path");

const DEV_BASE_URL = "https://localhost:3000/";
const DEV_BASE_RE = /https:\/\/localhost:3000\//g;
/** The generator's rule for names: a letter first, then letters, digits, "." or "_". */
const NAME_RE = /^\p{L}[\p{L}\p{N}._]*$/u;

/**
 * Replace every dev URL prefix `https://localhost:3000/` with `baseUrl` (a trailing slash is added).
 * Throws (build-time) when baseUrl is missing, not https, or local, or when the result still mentions
 * localhost or holds a non-https URL: a production build must never ship a dev manifest.
 * @param {string} xml
 * @param {string | undefined | null} baseUrl
 * @returns {string}
 */
function rewriteManifestForProduction(xml, baseUrl) {
  if (typeof baseUrl !== "string" || baseUrl.trim() === "") {
    throw new Error(
      "rewriteManifestForProduction: set JXMB_PUBLIC_URL to the https:// address the add-in is served from"
    );
  }
  let base = baseUrl.trim();
  let parsed;
  try {
    parsed = new URL(base);
  } catch {
    throw new Error(`rewriteManifestForProduction: "${base}" is not a URL`);
  }
  if (parsed.protocol !== "https:")
    throw new Error(`rewriteManifestForProduction: "${base}" must use https://`);
  if (/^(localhost|127\.|\[::1\]$)/i.test(parsed.hostname)) {
    throw new Error(`rewriteManifestForProduction: "${base}" points at this machine`);
  }
  if (parsed.search || parsed.hash)
    throw new Error(`rewriteManifestForProduction: "${base}" must not carry ?query or #hash`);
  if (!base.endsWith("/")) base += "/";
  const out = xml.replace(DEV_BASE_RE, base);
  if (/localhost/i.test(out))
    throw new Error("rewriteManifestForProduction: the manifest still mentions localhost");
  const nonHttps = out.match(
    /(?:DefaultValue|Value)="(?!https:\/\/)[a-z][a-z0-9+.-]*:\/\/[^"]*"/gi
  );
  if (nonHttps) throw new Error(`rewriteManifestForProduction: non-https URL left: ${nonHttps[0]}`);
  return out;
}

/**
 * Derive a localized custom-functions metadata file from the generated default one: same ids,
 * parameters and options; `name`/`description` of every function and parameter from `table`.
 * Reports (does not throw) missing, empty or stale translations and invalid or duplicate names.
 * @param {string} defaultJson functions.json text
 * @param {Record<string, {name: string, description: string, parameters?: Record<string, {name: string, description: string}>}>} table
 * @param {string} [locale]
 * @returns {{ json: string, errors: string[] }}
 */
function localizeFunctionsMetadata(defaultJson, table, locale = "zh-CN") {
  const errors = [];
  const metadata = JSON.parse(defaultJson);
  const seenIds = new Set();
  const seenNames = new Map();
  const functions = (metadata.functions || []).map((fn) => {
    seenIds.add(fn.id);
    const t = table[fn.id];
    if (!t) {
      errors.push(`${locale}: no translation for function ${fn.id}`);
      return fn;
    }
    const out = { ...fn };
    for (const key of ["name", "description"]) {
      if (typeof t[key] !== "string" || t[key].trim() === "")
        errors.push(`${locale}: ${fn.id}.${key} is empty`);
      else out[key] = t[key];
    }
    // Same rule the generator applies to names: a letter first, then letters, digits, "." or "_".
    if (typeof t.name === "string" && !NAME_RE.test(t.name)) {
      errors.push(`${locale}: ${fn.id}.name "${t.name}" is not a valid function name`);
    }
    if (typeof t.name === "string") {
      const key = t.name.toUpperCase();
      if (seenNames.has(key))
        errors.push(`${locale}: ${fn.id} and ${seenNames.get(key)} share the name "${t.name}"`);
      seenNames.set(key, fn.id);
    }
    const tParams = t.parameters || {};
    const seenParams = new Set();
    out.parameters = (fn.parameters || []).map((p) => {
      seenParams.add(p.name);
      const tp = tParams[p.name];
      if (!tp) {
        errors.push(`${locale}: no translation for parameter ${fn.id}(${p.name})`);
        return p;
      }
      const q = { ...p };
      for (const key of ["name", "description"]) {
        if (typeof tp[key] !== "string" || tp[key].trim() === "")
          errors.push(`${locale}: ${fn.id}(${p.name}).${key} is empty`);
        else q[key] = tp[key];
      }
      if (typeof tp.name === "string" && !NAME_RE.test(tp.name)) {
        errors.push(`${locale}: ${fn.id}(${p.name}).name "${tp.name}" must start with a letter`);
      }
      return q;
    });
    for (const name of Object.keys(tParams)) {
      if (!seenParams.has(name))
        errors.push(`${locale}: stale translation for parameter ${fn.id}(${name})`);
    }
    return out;
  });
  for (const id of Object.keys(table)) {
    if (!seenIds.has(id)) errors.push(`${locale}: stale translation for function ${id}`);
  }
  return { json: JSON.stringify({ ...metadata, functions }, null, 4), errors };
}

const PLUGIN_NAME = "FunctionsLocalePlugin";

/**
 * Emits `functions.<locale>.json` from the `functions.json` asset produced by
 * CustomFunctionsMetadataPlugin in the same compilation (list this plugin after it). Missing
 * translations fail the build.
 */
class FunctionsLocalePlugin {
  /**
   * @param {{ source?: string, output?: string, locale?: string, table?: string }} [options]
   */
  constructor(options = {}) {
    this.locale = options.locale || "zh-CN";
    this.source = options.source || "functions.json";
    this.output = options.output || `functions.${this.locale}.json`;
    this.table =
      options.table ||
      path.resolve(__dirname, "..", "src", "functions", `locale-${this.locale}.json`);
  }

  apply(compiler) {
    const { Compilation, WebpackError, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(PLUGIN_NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: PLUGIN_NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.fileDependencies.add(this.table);
          const asset = compilation.getAsset(this.source);
          if (!asset) {
            compilation.errors.push(
              new WebpackError(
                `${PLUGIN_NAME}: no ${this.source} asset; add CustomFunctionsMetadataPlugin before this plugin (or fix its errors)`
              )
            );
            return;
          }
          let table;
          try {
            table = JSON.parse(fs.readFileSync(this.table, "utf8"));
          } catch (e) {
            compilation.errors.push(
              new WebpackError(`${PLUGIN_NAME}: cannot read ${this.table}: ${e.message}`)
            );
            return;
          }
          const { json, errors } = localizeFunctionsMetadata(
            asset.source.source().toString(),
            table,
            this.locale
          );
          for (const err of errors)
            compilation.errors.push(new WebpackError(`${PLUGIN_NAME}: ${err}`));
          if (errors.length === 0) compilation.emitAsset(this.output, new sources.RawSource(json));
        }
      );
    });
  }
}

module.exports = {
  DEV_BASE_URL,
  rewriteManifestForProduction,
  localizeFunctionsMetadata,
  FunctionsLocalePlugin,
};
