/**
 * `tsx scripts/test-summary.ts FILE…`: adds up jest `--json` reports (CI's main run and its faked-clock runs)
 * and prints the one closing line CI reads, `N passed, N failed`. A named report that is missing counts as a
 * failure, so a run that never wrote one cannot pass for green.
 */
import { countsOf, sumOf, summaryLine } from './test-runs/jest-report';

const files = process.argv.slice(2);
console.log(summaryLine(files.length ? sumOf(files.map(countsOf)) : { passed: 0, failed: 1, skipped: 0 }));
