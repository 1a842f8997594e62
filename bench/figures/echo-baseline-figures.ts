import type { TurnMeasurement } from '../bot-turn/turn-measure';
import type { FigureBlock } from './figure-block';
import { num, pair, table } from './markdown';

interface EchoBaselineResult {
  turns: number;
  rounds: number;
  rows: {
    concurrency: number;
    appEcho: TurnMeasurement;
    stockEcho: TurnMeasurement;
    throughputRatio: number;
    cpuRatio: number;
  }[];
}

/** bench/bot-turn's echo on the app's adapter against the same echo bot on botbuilder's stock CloudAdapter. */
export const echoBaseline: FigureBlock = {
  file: 'echo-baseline',
  render: (result) => {
    const r = result as EchoBaselineResult;
    return [
      `${num(r.turns)} turns per measurement; each figure is the median of ${num(r.rounds)} alternated rounds.`,
      '',
      table(
        [
          '>concurrency',
          ">app's echo turns/s",
          '>stock echo turns/s',
          ">app's echo p50 / p99 ms",
          '>stock echo p50 / p99 ms',
          ">CPU ms per turn, app's / stock",
          '>stock / app, throughput',
          '>stock / app, CPU',
        ],
        r.rows.map((row) => [
          num(row.concurrency),
          num(row.appEcho.turnsPerSecond),
          num(row.stockEcho.turnsPerSecond),
          pair(row.appEcho.p50Ms, row.appEcho.p99Ms, 1),
          pair(row.stockEcho.p50Ms, row.stockEcho.p99Ms, 1),
          pair(row.appEcho.cpuMsPerTurn, row.stockEcho.cpuMsPerTurn, 2),
          num(row.throughputRatio, 2),
          num(row.cpuRatio, 2),
        ]),
      ),
    ].join('\n');
  },
};
