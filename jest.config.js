/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": [
      "ts-jest",
      {
        // Type-checking happens in `npm run typecheck`; with isolatedModules ts-jest transpiles file by
        // file, which keeps the suite fast on 2 cores.
        tsconfig: { module: "commonjs", moduleResolution: "node10", jsx: "react-jsx", esModuleInterop: true, isolatedModules: true },
      },
    ],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 60000,
  setupFiles: ["<rootDir>/test/setup-node.ts"],
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
};
