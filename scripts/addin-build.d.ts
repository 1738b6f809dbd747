/** Types of scripts/addin-build.js (CommonJS so webpack.config.js can require it directly). */

export declare const DEV_BASE_URL: "https://localhost:3000/";

export declare function rewriteManifestForProduction(
  xml: string,
  baseUrl: string | undefined | null
): string;

export interface FunctionTranslation {
  name: string;
  description: string;
  parameters?: Record<string, { name: string; description: string }>;
}

export declare function localizeFunctionsMetadata(
  defaultJson: string,
  table: Record<string, FunctionTranslation>,
  locale?: string
): { json: string; errors: string[] };

export declare class FunctionsLocalePlugin {
  constructor(options?: { source?: string; output?: string; locale?: string; table?: string });
  locale: string;
  source: string;
  output: string;
  table: string;
  apply(compiler: unknown): void;
}
