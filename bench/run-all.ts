/** `npm run bench`: runs every benchmark in turn, each in its own process so one cannot skew the next. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BENCHMARKS = [
  'store/store-bench.ts',
  'tab/tab-bench.ts',
  'bot-turn/bot-turn-bench.ts',
  'export/export-bench.ts',
  'reminders/reminder-bench.ts',
];

const only = process.argv[2];
for (const bench of BENCHMARKS.filter((b) => !only || b.startsWith(only))) {
  console.log(`\n== bench/${bench}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, bench)], { stdio: 'inherit' });
  if (run.status !== 0) process.exitCode = 1;
}
