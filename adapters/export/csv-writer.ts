import type { ExportDocument, ExportItem, ExportWriter } from '../../core/export/export-document';
import { BatchedOut } from './stream-out';

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

function row(item: ExportItem): string {
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

/** One row per item (RFC 4180, CRLF line ends, UTF-8 with a byte-order mark so spreadsheets read it right). */
export const csvWriter: ExportWriter = {
  contentType: 'text/csv; charset=utf-8',
  extension: 'csv',
  async write(document: ExportDocument, destination: NodeJS.WritableStream): Promise<void> {
    const out = new BatchedOut(destination);
    await out.write(`\uFEFF${CSV_COLUMNS.join(',')}\r\n`);
    for await (const item of document.items()) await out.write(row(item));
    await out.end();
  },
};
