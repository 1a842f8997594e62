/** Markdown pieces for the figures in bench/README.md; prettier pads the tables afterwards. */

/** A result file as bench-kit's writeResult writes it. */
export interface ResultFile<T> {
  benchmark: string;
  ranAt: string;
  machine: { cpus: number; cpuModel?: string; memoryGb: number; node: string; loadAverage?: number[] };
  code?: { commit: string; uncommittedChanges: boolean } | null;
  result: T;
}

/** A number as the README prints it: thousands separated, at most `digits` decimals. */
export function num(value: number, digits = 0): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** "p50 / p99" (or any pair) in milliseconds. */
export function pair(a: number, b: number, digits = 2): string {
  return `${num(a, digits)} / ${num(b, digits)}`;
}

/**
 * A table; columns whose header starts with '>' are right-aligned (numbers), and the '>' is dropped. Cells must
 * not contain '|'.
 */
export function table(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const right = headers.map((h) => h.startsWith('>'));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(headers.map((h) => h.replace(/^>/, ''))),
    line(right.map((r) => (r ? '--:' : '---'))),
    ...rows.map(line),
  ].join('\n');
}

/** A target's verdict, in bold so a reader finds it: "**met**" or "**not met**". */
export function met(ok: boolean): string {
  return ok ? '**met**' : '**not met**';
}

/** Where a block's figures come from: the file, when, on what, from which code. */
export function provenance(name: string, file: ResultFile<unknown>): string {
  const m = file.machine;
  const code = file.code
    ? `commit ${file.code.commit.slice(0, 7)}${file.code.uncommittedChanges ? ' with uncommitted changes' : ''}`
    : 'commit not recorded';
  const when = file.ranAt.replace('T', ' ').slice(0, 16);
  const load = m.loadAverage
    ? `, load average ${m.loadAverage.map((l) => num(l, 1)).join(' / ')} at its end`
    : '';
  return (
    `From \`results/${name}.json\`, run ${when} UTC on ${m.cpus} cores (${m.cpuModel ?? 'CPU not recorded'}), ` +
    `${m.memoryGb} GB, Node ${m.node}${load}; ${code}.`
  );
}

/** A store as the README names it: `postgres` → PostgreSQL, `sqlite` → SQLite. */
export function storeName(store: string): string {
  return store === 'postgres' ? 'PostgreSQL' : 'SQLite';
}
