import type { FigureBlock } from './figure-block';
import { met, num, table } from './markdown';

interface ExportRow {
  items: number;
  exportedItems?: number;
  format: string;
  seconds: number;
  peakRssMb: number;
  megabytes: number;
  heapCapMb?: number;
}
interface ExportResult {
  rows: ExportRow[];
  memoryRatios: Record<string, number | null>;
}

const FORMAT_NAMES: Record<string, string> = {
  baseline: 'baseline',
  csv: 'CSV',
  json: 'JSON',
  pdf: 'PDF',
  docx: 'DOCX',
  zip: 'ZIP',
};
const formatName = (f: string) => FORMAT_NAMES[f] ?? f;

/** The issue's targets at 10,000 items: seconds per format, and memory flat from 10,000 to 100,000. */
function targets(r: ExportResult): string[] {
  const at = (format: string) =>
    r.rows.find((row) => row.format === format && row.items === 10_000 && row.heapCapMb === undefined);
  const lines = (
    [
      ['pdf', 5],
      ['docx', 5],
      ['csv', 0.5],
      ['json', 0.5],
    ] as const
  ).map(([format, limit]) => {
    const row = at(format);
    const verdict = row ? `${met(row.seconds < limit)} (${num(row.seconds, 3)} s)` : 'not measured';
    return `- ${formatName(format)} of 10,000 items under ${num(limit, 1)} s: ${verdict}.`;
  });
  const ratios = Object.entries(r.memoryRatios).filter(([f, v]) => f !== 'baseline' && v !== null);
  const flat = ratios.length > 0 && ratios.every(([, v]) => v! <= 1.5);
  lines.push(`- Peak memory at 100,000 items at most 1.5 times that at 10,000, every format: ${met(flat)}.`);
  return ['Targets, in this run:', '', ...lines];
}

/** Runs without a heap cap, one per trail size and format, then peak memory at the largest size over the smallest. */
export const exportRuns: FigureBlock = {
  file: 'export',
  render: (result) => {
    const r = result as ExportResult;
    const ratios = Object.entries(r.memoryRatios)
      .filter(([, v]) => v !== null)
      .map(([f, v]) => `${formatName(f)} ${num(v!, 2)}`);
    return [
      table(
        ['trail', 'format', '>items in the file', '>seconds', '>peak RSS MB', '>size MB'],
        r.rows
          .filter((row) => row.heapCapMb === undefined)
          .map((row) => [
            num(row.items),
            formatName(row.format),
            row.exportedItems === undefined ? 'not counted' : num(row.exportedItems),
            num(row.seconds, 3),
            num(row.peakRssMb),
            num(row.megabytes, 1),
          ]),
      ),
      '',
      `Peak RSS at the largest trail over the smallest: ${ratios.join(', ')}.`,
      '',
      ...targets(r),
    ].join('\n');
  },
};

/** The same exports with V8's old space capped: what an export keeps alive at each size. */
export const exportHeapCap: FigureBlock = {
  file: 'export-heap-cap',
  render: (result) => {
    const rows = (result as ExportResult).rows.filter((row) => row.heapCapMb !== undefined);
    const sizes = [...new Set(rows.map((row) => row.items))].sort((a, b) => a - b);
    const formats = [...new Set(rows.map((row) => row.format))];
    const cell = (row?: ExportRow) => (row ? `${num(row.seconds, 1)} / ${num(row.peakRssMb, 1)}` : '');
    const first = sizes[0]!;
    const last = sizes[sizes.length - 1]!;
    const short = rows.filter((row) => row.exportedItems !== row.items);
    const complete = rows.some((row) => row.exportedItems === undefined)
      ? 'The items in these files were not counted.'
      : short.length
        ? `Not every capped export held its whole trail: ${short.map((row) => `${formatName(row.format)} at ${num(row.items)}`).join(', ')}.`
        : 'Every capped export finished, and its file held every item of the trail.';
    return [
      `Old space capped at ${num(rows[0]?.heapCapMb ?? 0)} MB. ${complete}`,
      '',
      table(
        [
          'format',
          ...sizes.map((s) => `>${num(s)}: s / peak RSS MB`),
          `>${num(last)} ÷ ${num(first)}, peak RSS`,
        ],
        formats.map((f) => {
          const at = (s: number) => rows.find((row) => row.format === f && row.items === s);
          const small = at(first);
          const large = at(last);
          return [
            formatName(f),
            ...sizes.map((s) => cell(at(s))),
            small && large ? num(large.peakRssMb / small.peakRssMb, 2) : '',
          ];
        }),
      ),
    ].join('\n');
  },
};
