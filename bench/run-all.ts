/**
 * `npm run bench`: runs every benchmark in turn, each in its own process so one cannot skew the next;
 * `npm run bench -- store` runs those whose path starts so. Afterwards, or alone with `npm run bench -- --figures`,
 * bench/README.md's figures are rendered from bench/results; `npm run bench -- --check` checks them (see
 * readme-figures.ts).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BENCHMARKS = [
  'store/store-bench.ts',
  'tab/tab-bench.ts',
  'bot-turn/bot-turn-bench.ts',
  'bot-turn/turn-instructions-bench.ts',
  'bot-turn/echo-baseline-bench.ts',
  'export/export-bench.ts',
  'reminders/reminder-bench.ts',
];

function run(script: string, args: string[] = []): void {
  console.log(`\n== bench/${script}`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, script), ...args], {
    stdio: 'inherit',
  });
  if (child.status !== 0) process.exitCode = 1;
}

const arg = process.argv[2];
if (arg === '--figures' || arg === '--check') run('readme-figures.ts', [arg]);
else {
  for (const bench of BENCHMARKS.filter((b) => !arg || b.startsWith(arg))) run(bench);
  // New result files and the README's figures go together; rendering them here keeps them from drifting.
  run('readme-figures.ts', ['--figures']);
}
