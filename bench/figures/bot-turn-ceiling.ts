import type { BotTurnRow, TurnSide } from './bot-turn-result';
import { num, pair, storeName, table } from './markdown';

/** Issue #26's throughput targets at concurrency 8: the submit's turns/s as a share of the echo's, per store. */
export const THROUGHPUT_TARGETS = { sqlite: 0.5, postgres: 0.3 } as const;

/** CPU a submit costs the machine: the server's, the load generator's and, on PostgreSQL, the database's. */
export function machineCpuMs(submit: TurnSide): number {
  return submit.cpuMsPerTurn! + submit.loadGeneratorCpuMsPerTurn! + (submit.databaseCpuMsPerTurn ?? 0);
}

/**
 * What each throughput target asks of the machine the run measured: the submits a second it names, the CPU per
 * submit the cores have at that rate (every core busy with nothing else), and the time per submit the server's
 * one main thread has then, each beside what the run measured. Where a target's CPU or main-thread allowance is
 * below what the submit costs, only a cheaper submit can meet it on these cores, however the work is spread.
 * Undefined for results measured before the CPU split was.
 */
export function ceilingTable(rows: readonly BotTurnRow[], cores: number): string | undefined {
  const lines: string[][] = [];
  for (const [store, share] of Object.entries(THROUGHPUT_TARGETS)) {
    const row = rows.find((r) => r.store === store && r.concurrency === 8);
    const submit = row?.meetingSubmit;
    if (!row || submit?.serverBusy === undefined || submit.loadGeneratorCpuMsPerTurn === undefined) continue;
    const echoes: [string, TurnSide | undefined][] = [
      ["app's echo", row.echo],
      ['stock echo', row.stockEcho],
    ];
    for (const [name, echo] of echoes) {
      if (!echo) continue;
      const asked = share * echo.turnsPerSecond;
      lines.push([
        `${storeName(store)}, ${num(share, 1)} × ${name}`,
        num(asked),
        pair((cores * 1000) / asked, machineCpuMs(submit), 2),
        pair(1000 / asked, (submit.serverBusy * 1000) / submit.turnsPerSecond, 2),
      ]);
    }
  }
  if (lines.length === 0) return undefined;
  return table(
    [
      'target at concurrency 8',
      '>submit turns/s it asks',
      `>machine CPU ms per submit: ${num(cores)} cores allow / submit costs`,
      '>main thread ms per submit: allowed / used',
    ],
    lines,
  );
}
