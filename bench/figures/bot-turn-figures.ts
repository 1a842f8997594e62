import type { FigureBlock } from './figure-block';
import { met, num, pair, table } from './markdown';

interface Side {
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
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
  }[];
}

/** bench/bot-turn's meeting submit against the echo turn, per store and concurrency. */
export const botTurn: FigureBlock = {
  file: 'bot-turn',
  render: (result) => {
    const r = result as BotTurnResult;
    const sqlite = r.rows.filter((row) => row.store === 'sqlite');
    const ok = sqlite.length > 0 && sqlite.every((row) => row.throughputRatio >= 0.6 && row.p99Ratio <= 2);
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
        ]),
      ),
      '',
      `Target, on SQLite at every concurrency at least 0.6 times the echo turn's throughput with p99 within 2 times its p99: ${met(ok)}.`,
    ].join('\n');
  },
};

/** The same table from the result committed before issue #26's changes (8ee70b5), kept for before/after. */
export const botTurnBefore26: FigureBlock = { file: 'bot-turn-before-26', render: botTurn.render };
