import { readFileSync } from 'node:fs';

/** How many tests of a jest run passed, failed and were skipped. */
export interface TestCounts {
  readonly passed: number;
  readonly failed: number;
  readonly skipped: number;
}

/**
 * The counts in a jest `--json` report. A suite that failed before running any test (it did not compile, its
 * `beforeAll` threw) counts as one failure; a missing or unreadable report is one failure too.
 */
export function countsOf(file: string): TestCounts {
  let report: {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: { status: string; assertionResults: unknown[] }[];
  };
  try {
    report = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    // No report: jest itself failed before writing one (its output says why).
    console.error(`no jest report at ${file}: ${String(err)}`);
    return { passed: 0, failed: 1, skipped: 0 };
  }
  const brokenSuites = report.testResults.filter(
    (s) => s.status === 'failed' && s.assertionResults.length === 0,
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenSuites,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

/** Counts added up over several runs. */
export function sumOf(counts: readonly TestCounts[]): TestCounts {
  return counts.reduce(
    (sum, c) => ({
      passed: sum.passed + c.passed,
      failed: sum.failed + c.failed,
      skipped: sum.skipped + c.skipped,
    }),
    { passed: 0, failed: 0, skipped: 0 },
  );
}

/** The closing line CI reads: `N passed, N failed`, and `, N skipped` when any were. */
export function summaryLine(c: TestCounts): string {
  return `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
}
