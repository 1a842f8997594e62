import { botTurn } from '../../bench/figures/bot-turn-figures';

const side = (turnsPerSecond: number, p99Ms: number) => ({
  turnsPerSecond,
  cpuMsPerTurn: 1000 / turnsPerSecond,
  p50Ms: p99Ms / 2,
  p99Ms,
});

/** One row as bot-turn-bench.ts writes it: the submit against the app's echo and against the stock echo. */
function row(store: string, concurrency: number, submit: number, app: number, stock?: number) {
  const ratios = (echo: number) => ({
    throughputRatio: submit / echo,
    p99Ratio: 1.5,
    cpuRatio: submit / echo,
  });
  return {
    store,
    concurrency,
    echo: side(app, 10),
    meetingSubmit: side(submit, 15),
    ...ratios(app),
    ...(stock === undefined ? {} : { stockEcho: side(stock, 10), againstStockEcho: ratios(stock) }),
  };
}

/** The line of the targets table for a target, by its first words. */
function targetLine(markdown: string, start: string): string {
  return markdown.split('\n').find((line) => line.startsWith(`| ${start}`)) ?? '';
}

describe('bench/README.md bot-turn figures', () => {
  it('judges each target against the app echo and the stock botbuilder echo, side by side', () => {
    const markdown = botTurn.render({
      turns: 2000,
      rows: [
        row('sqlite', 1, 200, 700, 500),
        row('sqlite', 8, 600, 2000, 1000),
        row('sqlite', 32, 700, 2400, 1200),
        row('postgres', 8, 300, 2000, 1000),
        row('postgres', 32, 300, 2400, 1200),
      ],
    });
    expect(markdown).toContain("botbuilder's stock echo");
    expect(targetLine(markdown, 'SQLite at concurrency 8')).toMatch(
      /\*\*not met\*\* \(0\.30, .*\*\*met\*\* \(0\.60, /,
    );
    expect(targetLine(markdown, 'PostgreSQL at concurrency 8')).toMatch(
      /\*\*not met\*\* \(0\.15\).*\*\*met\*\* \(0\.30\)/,
    );
    expect(targetLine(markdown, 'SQLite throughput rising')).toMatch(/\*\*met\*\*.*\*\*met\*\*/);
  });

  it('does not call the concurrency-32 target met on both stores from a run of one store', () => {
    const markdown = botTurn.render({
      turns: 400,
      rows: [row('sqlite', 8, 600, 2000, 1000), row('sqlite', 32, 700, 2400, 1200)],
    });
    expect(targetLine(markdown, 'p99 at concurrency 32')).not.toContain('**met**');
  });

  it("splits each turn's CPU between the server, the load generator and PostgreSQL, with what the cores allow", () => {
    const cost = (
      cpuMsPerTurn: number,
      loadGeneratorCpuMsPerTurn: number,
      databaseCpuMsPerTurn?: number,
    ) => ({
      serverBusy: 0.96,
      cpuMsPerTurn,
      loadGeneratorCpuMsPerTurn,
      ...(databaseCpuMsPerTurn === undefined ? {} : { databaseCpuMsPerTurn }),
    });
    const sqlite = row('sqlite', 8, 300, 1000, 800);
    const postgres = row('postgres', 8, 200, 1000, 800);
    const markdown = botTurn.render({
      turns: 2000,
      cores: 2,
      rows: [
        {
          ...sqlite,
          echo: { ...sqlite.echo, ...cost(0.5, 1) },
          meetingSubmit: { ...sqlite.meetingSubmit, ...cost(3, 1) },
        },
        {
          ...postgres,
          echo: { ...postgres.echo, ...cost(0.5, 1) },
          meetingSubmit: { ...postgres.meetingSubmit, ...cost(3, 1, 4) },
        },
      ],
    });
    // 2 cores at 3 + 1 ms a submit carry 500 a second; with PostgreSQL's 4 ms more, 250.
    expect(markdown).toMatch(
      /\| SQLite\s+\| 8 \| 0\.96 \| 0\.50 \/ 1\.00 \| 0\.96 \| 3\.00 \/ 1\.00 \| 300 \| 500 \|/,
    );
    expect(markdown).toMatch(
      /\| PostgreSQL \| 8 \| 0\.96 \| 0\.50 \/ 1\.00 \| 0\.96 \| 3\.00 \/ 1\.00 \/ 4\.00 \| 200 \| 250 \|/,
    );
  });

  it('shows what each throughput target asks of the cores and of the main thread, beside what the submit used', () => {
    const split = (turnsPerSecond: number, serverCpu: number, databaseCpu?: number) => ({
      turnsPerSecond,
      p50Ms: 5,
      p99Ms: 10,
      serverBusy: 0.96,
      cpuMsPerTurn: serverCpu,
      loadGeneratorCpuMsPerTurn: 1,
      ...(databaseCpu === undefined ? {} : { databaseCpuMsPerTurn: databaseCpu }),
    });
    const markdown = botTurn.render({
      turns: 2000,
      cores: 2,
      rows: [
        { ...row('sqlite', 8, 300, 1000, 800), meetingSubmit: split(300, 3) },
        { ...row('postgres', 8, 300, 1000, 800), meetingSubmit: split(300, 3, 4) },
      ],
    });
    // Half the app echo's 1,000 a second leaves 2 cores 4 ms a submit and the main thread 2 ms; it held 3.2.
    expect(markdown).toMatch(/\| SQLite, 0\.5 × app's echo\s+\| 500 \| 4\.00 \/ 4\.00 \| 2\.00 \/ 3\.20 \|/);
    expect(markdown).toMatch(/\| SQLite, 0\.5 × stock echo\s+\| 400 \| 5\.00 \/ 4\.00 \| 2\.50 \/ 3\.20 \|/);
    // PostgreSQL's own 4 ms counts against the cores, not against the server's main thread.
    expect(markdown).toMatch(
      /\| PostgreSQL, 0\.3 × app's echo \| 300 \| 6\.67 \/ 8\.00 \| 3\.33 \/ 3\.20 \|/,
    );
  });

  it('renders a result measured before the stock echo was, with the app echo alone', () => {
    const markdown = botTurn.render({
      turns: 2000,
      rows: [row('sqlite', 8, 600, 2000), row('postgres', 8, 300, 2000)],
    });
    expect(markdown).not.toContain("botbuilder's stock echo");
    expect(targetLine(markdown, 'SQLite at concurrency 8')).toContain('**not met** (0.30');
  });
});
