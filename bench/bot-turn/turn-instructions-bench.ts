/**
 * bench/bot-turn, counted in instructions: the same echo and meeting-submit turns as `bot-turn-bench.ts`, each
 * server run under valgrind's callgrind, which counts the instructions the server executes. On a shared host
 * a turn's time and CPU time move by a third between minutes; its instruction count moves by about 1%, so a
 * change worth a few percent shows here when it cannot show in turns per second.
 *
 * Instructions are not time: a cache miss costs no instruction, and a turn's working set is most of its cost
 * (the card's schema parses in about 10 µs hot and about 140 µs as the turn meets it). Read this beside
 * `bot-turn-bench.ts`, not instead of it.
 *
 * Each server warms up uncounted (the JIT compiles its hot code), then BENCH_INSTRUCTION_TURNS turns at
 * concurrency 8 are counted. The main thread (JavaScript, SQLite on the SQLite store) is the repeatable figure;
 * all threads add V8's compiler and garbage-collector helpers, whose share varies from run to run, and the
 * store's checkpoint worker. Needs valgrind (Debian package `valgrind`). BENCH_STORES (default
 * "sqlite,postgres"), BENCH_INSTRUCTION_WARMUP (default 1000), BENCH_INSTRUCTION_TURNS (default 300).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { round, writeResult } from '../bench-kit';
import { dropSchema, sendTurns, startTurnServer, stopTurnServer, type TurnServerKind } from './turn-client';

const STORES = (process.env.BENCH_STORES ?? 'sqlite,postgres').split(',');
const WARMUP = Number(process.env.BENCH_INSTRUCTION_WARMUP ?? 1000);
const TURNS = Number(process.env.BENCH_INSTRUCTION_TURNS ?? 300);
const CONCURRENCY = 8;

/** Millions of instructions per turn. */
interface Count {
  readonly mainThread: number;
  readonly allThreads: number;
}

/** The total a callgrind output file holds. */
function totalOf(file: string): number {
  const report = execFileSync('callgrind_annotate', [file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const total = /([\d,]+) \(100\.0%\)\s+PROGRAM TOTALS/.exec(report)?.[1];
  if (total) return Number(total.replace(/,/g, ''));
  // A thread that ran nothing while counting (an idle helper) has an empty report.
  if (/^summary: 0$/m.test(readFileSync(file, 'utf8'))) return 0;
  throw new Error(`no total in ${file}`);
}

/** Runs one server under callgrind: warm-up uncounted, then TURNS counted turns. */
async function count(kind: TurnServerKind, store: string, schema: string): Promise<Count> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-instructions-'));
  const server = await startTurnServer(kind, store, schema, {
    launcher: [
      'valgrind',
      '--tool=callgrind',
      // Nothing is counted until asked: startup and the warm-up are left out.
      '--instr-atstart=no',
      // One file per thread: the main thread's count is the repeatable one.
      '--separate-threads=yes',
      // V8 writes the code it compiles into memory; valgrind must notice it changing.
      '--smc-check=all-non-file',
      `--callgrind-out-file=${join(dir, 'turns')}`,
    ],
    // valgrind's own notices would drown the server's errors; an error still fails the run below.
    stderr: 'pipe',
  });
  try {
    await sendTurns(server, WARMUP, CONCURRENCY);
    execFileSync('callgrind_control', ['--instr=on', String(server.child.pid)], { stdio: 'ignore' });
    await sendTurns(server, TURNS, CONCURRENCY);
    execFileSync('callgrind_control', ['--instr=off', String(server.child.pid)], { stdio: 'ignore' });
  } finally {
    await stopTurnServer(server);
  }
  // turns-01 is the main thread (the first to start); the rest are V8's helpers and the store's workers.
  const files = readdirSync(dir)
    .filter((f) => f.startsWith('turns-'))
    .sort();
  const totals = files.map((f) => totalOf(join(dir, f)));
  rmSync(dir, { recursive: true, force: true });
  const perTurn = (n: number) => round(n / TURNS / 1e6, 3);
  return { mainThread: perTurn(totals[0] ?? 0), allThreads: perTurn(totals.reduce((a, b) => a + b, 0)) };
}

async function main(): Promise<void> {
  if (spawnSync('valgrind', ['--version']).error) {
    console.log('valgrind is not installed (Debian: apt-get install valgrind): instruction counts skipped');
    return;
  }
  const rows: Record<string, unknown>[] = [];
  for (const store of STORES) {
    const schema = `bench_instructions_${process.pid}`;
    try {
      const echo = await count('echo', store, schema);
      const meetingSubmit = await count('bot', store, schema);
      const row = {
        store,
        concurrency: CONCURRENCY,
        echo,
        meetingSubmit,
        mainThreadRatio: round(echo.mainThread / meetingSubmit.mainThread, 3),
      };
      rows.push(row);
      console.log(
        `${store.padEnd(8)} millions of instructions per turn, main thread / all threads: echo ${echo.mainThread} / ${echo.allThreads}, meeting submit ${meetingSubmit.mainThread} / ${meetingSubmit.allThreads}, main thread x${row.mainThreadRatio}`,
      );
    } finally {
      if (store === 'postgres') await dropSchema(schema);
    }
  }
  console.log(
    `results: ${writeResult('bot-turn-instructions', { warmup: WARMUP, turns: TURNS, concurrency: CONCURRENCY, rows })}`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
