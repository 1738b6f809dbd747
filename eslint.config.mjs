// Flat config (office-addin-lint ignores .eslintrc.json). We take the office-addins plugin's
// Office.js rules (no context.sync in loops, load before read, …) and its React rules, with the
// TypeScript parser for .ts and .tsx alike. Formatting is Prettier's job, not the linter's.
import officeAddins from "eslint-plugin-office-addins";
import tseslint from "typescript-eslint";
import react from "eslint-plugin-react";

const officeRules = Object.fromEntries(
  officeAddins.configs.react.flatMap((c) => Object.entries(c.rules ?? {})).filter(([k]) => k.startsWith("office-addins/")),
);

export default [
  {
    ignores: ["dist/**", "lib/**", "out/**", "node_modules/**", "coverage/**", "test/fixtures/**", "bin/**", "**/*.js", "**/*.mjs", "**/*.cjs", ".*-tmp.ts", "scratch-*.ts"],
  },
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins, react },
    languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } },
    settings: { react: { version: "18" } },
    rules: {
      ...officeRules,
      "react/jsx-key": "error",
      "react/no-danger": "error", // task pane renders cell text: never as HTML
      "react/jsx-no-target-blank": "error",
      "no-eval": "error",
      "no-new-func": "error",
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-require-imports": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];
