/** The shape of bench/bot-turn's result file, as the figures read it (older files lack the optional parts). */

/** One server's measurement in a bot-turn result. */
export interface TurnSide {
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The server process's CPU time per turn, every thread; absent from results measured before it was. */
  cpuMsPerTurn?: number;
  /** The server's main thread's busy share, the load generator's and PostgreSQL's CPU: absent from older results. */
  serverBusy?: number;
  loadGeneratorCpuMsPerTurn?: number;
  databaseCpuMsPerTurn?: number;
}

/** The submit's throughput, p99 and CPU against one echo's. */
export interface Ratios {
  throughputRatio: number;
  p99Ratio: number;
  cpuRatio?: number;
}

/** One store and concurrency of a bot-turn result: the echo, the submit and their ratios. */
export interface BotTurnRow extends Ratios {
  store: string;
  concurrency: number;
  echo: TurnSide;
  meetingSubmit: TurnSide;
  /** botbuilder's stock echo and the submit's ratios against it; absent from results measured before it was. */
  stockEcho?: TurnSide;
  againstStockEcho?: Ratios;
}

/** `bench/results/bot-turn.json`'s result, as bot-turn-bench.ts writes it. */
export interface BotTurnResult {
  turns: number;
  /** The machine's cores, which the servers, the load generator and a local PostgreSQL share. */
  cores?: number;
  rows: BotTurnRow[];
}
