import type { FigureBlock } from './figure-block';
import { met, num, pair, table } from './markdown';

interface Side {
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The server process's CPU time per turn, every thread; absent from results measured before it was. */
  cpuMsPerTurn?: number;
}
interface BotTurnResult {
  turns: number;
  rows: {
    store: string;
    concurrency: number;
    echo: Side;
    meetingSubmit: Side;
    throughputRatio: number;
    p99Ratio: number;
    cpuRatio?: number;
  }[];
}

/** bench/bot-turn's meeting submit against the echo turn, per store and concurrency. */
export const botTurn: FigureBlock = {
  file: 'bot-turn',
  render: (result) => {
    const r = result as BotTurnResult;
    const at = (store: string, concurrency: number) =>
      r.rows.find((row) => row.store === store && row.concurrency === concurrency);
    const sqlite = r.rows
      .filter((row) => row.store === 'sqlite')
      .sort((a, b) => a.concurrency - b.concurrency);
    const sqlite8 = at('sqlite', 8);
    const postgres8 = at('postgres', 8);
    const at32 = r.rows.filter((row) => row.concurrency === 32);
    const rising = sqlite.every(
      (row, i) => i === 0 || row.meetingSubmit.turnsPerSecond > sqlite[i - 1]!.meetingSubmit.turnsPerSecond,
    );
    return [
      `${num(r.turns)} turns per measurement.`,
      '',
      table(
        [
          'store',
          '>concurrency',
          '>echo turns/s',
          '>echo p50 / p99 ms',
          '>submit turns/s',
          '>submit p50 / p99 ms',
          '>throughput ratio',
          '>p99 ratio',
          '>server CPU ms per turn, echo / submit',
          '>CPU ratio',
        ],
        r.rows.map((row) => [
          row.store === 'postgres' ? 'PostgreSQL' : 'SQLite',
          num(row.concurrency),
          num(row.echo.turnsPerSecond),
          pair(row.echo.p50Ms, row.echo.p99Ms, 1),
          num(row.meetingSubmit.turnsPerSecond),
          pair(row.meetingSubmit.p50Ms, row.meetingSubmit.p99Ms, 1),
          num(row.throughputRatio, 2),
          num(row.p99Ratio, 1),
          row.echo.cpuMsPerTurn === undefined || row.meetingSubmit.cpuMsPerTurn === undefined
            ? '—'
            : pair(row.echo.cpuMsPerTurn, row.meetingSubmit.cpuMsPerTurn, 2),
          row.cpuRatio === undefined ? '—' : num(row.cpuRatio, 2),
        ]),
      ),
      '',
      'Targets (issue #26), against the echo turn in the same run:',
      '',
      `- SQLite at concurrency 8: at least 0.5 times its throughput with p99 within 2 times: ${met(
        sqlite8 !== undefined && sqlite8.throughputRatio >= 0.5 && sqlite8.p99Ratio <= 2,
      )}${sqlite8 ? ` (${num(sqlite8.throughputRatio, 2)}, p99 ${num(sqlite8.p99Ratio, 1)})` : ''}.`,
      `- SQLite throughput rising with concurrency: ${met(sqlite.length > 1 && rising)}.`,
      `- PostgreSQL at concurrency 8: at least 0.3 times its throughput: ${met(
        postgres8 !== undefined && postgres8.throughputRatio >= 0.3,
      )}${postgres8 ? ` (${num(postgres8.throughputRatio, 2)})` : ''}.`,
      `- p99 at concurrency 32 within 3 times, on both stores: ${met(
        at32.length > 0 && at32.every((row) => row.p99Ratio <= 3),
      )}${at32.length > 0 ? ` (${at32.map((row) => num(row.p99Ratio, 1)).join(' and ')})` : ''}.`,
    ].join('\n');
  },
};

/** The same table from the result committed before issue #26's changes (8ee70b5), kept for before/after. */
export const botTurnBefore26: FigureBlock = { file: 'bot-turn-before-26', render: botTurn.render };
