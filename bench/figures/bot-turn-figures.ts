import { ceilingTable, machineCpuMs, THROUGHPUT_TARGETS } from './bot-turn-ceiling';
import type { BotTurnResult, BotTurnRow, Ratios, TurnSide } from './bot-turn-result';
import type { FigureBlock } from './figure-block';
import { met, num, pair, storeName, table } from './markdown';

const cpuPair = (echo: TurnSide, submit: TurnSide) =>
  echo.cpuMsPerTurn === undefined || submit.cpuMsPerTurn === undefined
    ? '—'
    : pair(echo.cpuMsPerTurn, submit.cpuMsPerTurn, 2);

const cpuRatio = (ratios: Ratios) => (ratios.cpuRatio === undefined ? '—' : num(ratios.cpuRatio, 2));

/** Issue #26's targets for the submit's ratios against one echo, each with its verdict and the figures behind it. */
function verdicts(rows: readonly BotTurnRow[], ratiosOf: (row: BotTurnRow) => Ratios | undefined): string[] {
  const at = (store: string, concurrency: number) => {
    const row = rows.find((r) => r.store === store && r.concurrency === concurrency);
    return row && ratiosOf(row);
  };
  const sqlite = rows.filter((row) => row.store === 'sqlite').sort((a, b) => a.concurrency - b.concurrency);
  const rising = sqlite.every(
    (row, i) => i === 0 || row.meetingSubmit.turnsPerSecond > sqlite[i - 1]!.meetingSubmit.turnsPerSecond,
  );
  const sqlite8 = at('sqlite', 8);
  const postgres8 = at('postgres', 8);
  const rows32 = rows.filter((row) => row.concurrency === 32);
  const at32 = rows32.map(ratiosOf);
  // "On both stores": a run of one store cannot meet it.
  const all32 = new Set(rows32.map((row) => row.store)).size === 2 && at32.every((r) => r !== undefined);
  const sqliteMet =
    sqlite8 !== undefined && sqlite8.throughputRatio >= THROUGHPUT_TARGETS.sqlite && sqlite8.p99Ratio <= 2;
  return [
    `${met(sqliteMet)}${
      sqlite8 ? ` (${num(sqlite8.throughputRatio, 2)}, p99 ${num(sqlite8.p99Ratio, 1)})` : ''
    }`,
    met(sqlite.length > 1 && rising),
    `${met(postgres8 !== undefined && postgres8.throughputRatio >= THROUGHPUT_TARGETS.postgres)}${
      postgres8 ? ` (${num(postgres8.throughputRatio, 2)})` : ''
    }`,
    `${met(all32 && at32.every((r) => r!.p99Ratio <= 3))}${
      all32 ? ` (${at32.map((r) => num(r!.p99Ratio, 1)).join(' and ')})` : ''
    }`,
  ];
}

/**
 * Where each turn's CPU went, and the throughput the machine's cores could carry at that cost (every core busy
 * with nothing else): against the measured throughput, it shows what limits a run. Rows of results measured
 * before the split was are left out.
 */
function costTable(rows: readonly BotTurnRow[], cores: number): string | undefined {
  const split = rows.filter(
    (row) =>
      row.echo.serverBusy !== undefined &&
      row.meetingSubmit.serverBusy !== undefined &&
      row.meetingSubmit.cpuMsPerTurn !== undefined,
  );
  if (split.length === 0) return undefined;
  return table(
    [
      'store',
      '>concurrency',
      '>echo: server main thread busy',
      '>echo CPU ms per turn, server / load generator',
      '>submit: server main thread busy',
      '>submit CPU ms per turn, server / load generator / PostgreSQL',
      '>submit turns/s',
      `>submit turns/s ${num(cores)} cores allow at that CPU`,
    ],
    split.map((row) => {
      const submit = row.meetingSubmit;
      const costs = [submit.cpuMsPerTurn!, submit.loadGeneratorCpuMsPerTurn!];
      if (submit.databaseCpuMsPerTurn !== undefined) costs.push(submit.databaseCpuMsPerTurn);
      return [
        storeName(row.store),
        num(row.concurrency),
        num(row.echo.serverBusy!, 2),
        pair(row.echo.cpuMsPerTurn!, row.echo.loadGeneratorCpuMsPerTurn!, 2),
        num(submit.serverBusy!, 2),
        costs.map((ms) => num(ms, 2)).join(' / '),
        num(submit.turnsPerSecond),
        num((cores * 1000) / machineCpuMs(submit)),
      ];
    }),
  );
}

/** bench/bot-turn's meeting submit against the echo turns, per store and concurrency. */
export const botTurn: FigureBlock = {
  file: 'bot-turn',
  render: (result) => {
    const r = result as BotTurnResult;
    const withStock = r.rows.filter((row) => row.stockEcho && row.againstStockEcho);
    const app = verdicts(r.rows, (row) => row);
    const stock = withStock.length > 0 ? verdicts(withStock, (row) => row.againstStockEcho) : undefined;
    const costs = r.cores === undefined ? undefined : costTable(r.rows, r.cores);
    const ceiling = r.cores === undefined ? undefined : ceilingTable(r.rows, r.cores);
    const targets = [
      'SQLite at concurrency 8: at least 0.5 times the throughput, p99 within 2 times',
      'SQLite throughput rising with concurrency',
      'PostgreSQL at concurrency 8: at least 0.3 times the throughput',
      'p99 at concurrency 32 within 3 times, on both stores',
    ];
    return [
      `${num(r.turns)} turns per measurement. Against the app's echo (the same echo bot on the app's adapter):`,
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
          storeName(row.store),
          num(row.concurrency),
          num(row.echo.turnsPerSecond),
          pair(row.echo.p50Ms, row.echo.p99Ms, 1),
          num(row.meetingSubmit.turnsPerSecond),
          pair(row.meetingSubmit.p50Ms, row.meetingSubmit.p99Ms, 1),
          num(row.throughputRatio, 2),
          num(row.p99Ratio, 1),
          cpuPair(row.echo, row.meetingSubmit),
          cpuRatio(row),
        ]),
      ),
      ...(withStock.length > 0
        ? [
            '',
            "The same submits against botbuilder's stock echo (the echo bot on botbuilder's own `CloudAdapter`), measured in the same run:",
            '',
            table(
              [
                'store',
                '>concurrency',
                '>stock echo turns/s',
                '>stock echo p50 / p99 ms',
                '>throughput ratio',
                '>p99 ratio',
                '>server CPU ms per turn, stock echo / submit',
                '>CPU ratio',
              ],
              withStock.map((row) => [
                storeName(row.store),
                num(row.concurrency),
                num(row.stockEcho!.turnsPerSecond),
                pair(row.stockEcho!.p50Ms, row.stockEcho!.p99Ms, 1),
                num(row.againstStockEcho!.throughputRatio, 2),
                num(row.againstStockEcho!.p99Ratio, 1),
                cpuPair(row.stockEcho!, row.meetingSubmit),
                cpuRatio(row.againstStockEcho!),
              ]),
            ),
          ]
        : []),
      ...(costs
        ? [
            '',
            `Where the turns' CPU went. The servers, the load generator and PostgreSQL share the machine's ${num(r.cores!)} cores; a server's main thread busy near 1 is the limit whatever the other core does:`,
            '',
            costs,
          ]
        : []),
      ...(ceiling
        ? [
            '',
            `What each throughput target asks of these ${num(r.cores!)} cores: the CPU a submit may cost the machine at the rate it names, and the time it may hold the server's main thread, beside what it used:`,
            '',
            ceiling,
          ]
        : []),
      '',
      stock
        ? table(
            [
              'Target (issue #26), in the same run',
              "against the app's echo",
              "against botbuilder's stock echo",
            ],
            targets.map((target, i) => [target, app[i]!, stock[i]!]),
          )
        : table(
            ['Target (issue #26), in the same run', "against the app's echo"],
            targets.map((target, i) => [target, app[i]!]),
          ),
    ].join('\n');
  },
};

/** The same table from the result committed before issue #26's changes (8ee70b5), kept for before/after. */
export const botTurnBefore26: FigureBlock = { file: 'bot-turn-before-26', render: botTurn.render };
