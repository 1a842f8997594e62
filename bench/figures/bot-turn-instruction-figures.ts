import type { FigureBlock } from './figure-block';
import { num, pair, storeName, table } from './markdown';

interface Count {
  mainThread: number;
  allThreads: number;
}
interface TurnInstructionsResult {
  warmup: number;
  turns: number;
  concurrency: number;
  rows: { store: string; echo: Count; meetingSubmit: Count; mainThreadRatio: number }[];
}

/** bench/bot-turn's turns counted in instructions under callgrind, per store. */
export const botTurnInstructions: FigureBlock = {
  file: 'bot-turn-instructions',
  render: (result) => {
    const r = result as TurnInstructionsResult;
    return [
      `${num(r.turns)} turns counted per server at concurrency ${num(r.concurrency)}, after ${num(r.warmup)} uncounted.`,
      '',
      table(
        [
          'store',
          '>echo, millions per turn: main thread / all threads',
          '>submit, millions per turn: main thread / all threads',
          '>main-thread ratio',
        ],
        r.rows.map((row) => [
          storeName(row.store),
          pair(row.echo.mainThread, row.echo.allThreads),
          pair(row.meetingSubmit.mainThread, row.meetingSubmit.allThreads),
          num(row.mainThreadRatio, 2),
        ]),
      ),
    ].join('\n');
  },
};
