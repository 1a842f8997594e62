import type { ExportItem } from '../../core/export/export-layout';

/** The columns, in order: one row per item. */
export const CSV_COLUMNS = [
  'seq',
  'id',
  'occurred_at',
  'recorded_at',
  'kind',
  'title',
  'details',
  'partners',
  'actor',
  'criteria',
  'hash',
] as const;

/** Spreadsheet programs run cells starting with these as formulas; such cells get a leading apostrophe. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field per RFC 4180: quoted when it holds a comma, quote or line break, with quotes doubled. */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** One item as a CSV row, line end included. */
export function csvRow(item: ExportItem): string {
  const cells = [
    String(item.seq),
    item.id,
    item.occurredAt,
    item.recordedAt,
    item.kind,
    item.title,
    item.details.map((d) => `${d.label}: ${d.value}`).join('\n'),
    item.partners.join('; '),
    item.actor,
    item.criteria.join(' '),
    item.proof.hash,
  ];
  return `${cells.map(csvField).join(',')}\r\n`;
}
