/**
 * `npm run test:clock [-- INSTANT…] [--results DIR]`: runs the whole jest suite with the machine's clock faked
 * to each instant by libfaketime (Debian's `faketime`), in that instant's time zone. Every test takes its dates
 * from an injected clock, so the suite must pass at any instant; this is how that is checked. INSTANT is a
 * name from scripts/test-clock/clock-instants.ts, `random`, or "YYYY-MM-DD HH:MM:SS" (UTC) with an optional
 * time zone; none runs every named one. `--results DIR` keeps each run's jest JSON there (CI counts them).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instantsFrom } from './test-runs/clock-instants';
import { countsOf, sumOf, summaryLine, type TestCounts } from './test-runs/jest-report';

const JEST = require.resolve('jest/bin/jest');

function main(): void {
  const args = process.argv.slice(2);
  const flag = args.indexOf('--results');
  const resultsDir = flag >= 0 ? args.splice(flag, 2)[1]! : mkdtempSync(join(tmpdir(), 'test-clock-'));
  mkdirSync(resultsDir, { recursive: true });
  if (spawnSync('faketime', ['--version']).error)
    throw new Error('npm run test:clock needs libfaketime: apt-get install -y faketime');

  const runs: TestCounts[] = [];
  for (const instant of instantsFrom(args)) {
    console.log(
      `\n== test:clock ${instant.name}: ${instant.at} UTC, TZ=${instant.timeZone} (${instant.why})`,
    );
    const out = join(resultsDir, `jest-clock-${instant.name}-${instant.at.replace(/\D/g, '')}.json`);
    spawnSync('faketime', [`${instant.at} UTC`, process.execPath, JEST, '--json', `--outputFile=${out}`], {
      stdio: 'inherit',
      env: { ...process.env, TZ: instant.timeZone },
    });
    const counts = countsOf(out);
    console.log(`== test:clock ${instant.name}: ${summaryLine(counts)}`);
    runs.push(counts);
  }
  const total = sumOf(runs);
  console.log(`clock: ${summaryLine(total)}`);
  if (total.failed > 0 || total.passed === 0) process.exitCode = 1;
}

main();
