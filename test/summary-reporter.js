// Prints the plain closing line CI reads ("N passed, N failed, N skipped") after jest's own summary,
// and keeps it in out/jest-summary.txt so .ci/run can repeat it after the benchmarks.
const fs = require("fs");
const path = require("path");

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failedSuites = results.numFailedTestSuites + results.numRuntimeErrorTestSuites;
    const failed = results.numFailedTests + (failedSuites > 0 && results.numFailedTests === 0 ? failedSuites : 0);
    const line = `jest: ${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped`;
    process.stdout.write(`\n${line}\n`);
    try {
      const out = path.join(__dirname, "..", "out");
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, "jest-summary.txt"), line + "\n");
    } catch {
      /* the summary file is a convenience for .ci/run */
    }
  }
}
module.exports = SummaryReporter;
