import { adaptiveCard, heading, openUrl, text, type AdaptiveCard } from './card-kit';

/** The formats the evidence export offers, in the order the card lists them. */
export const EXPORT_FORMATS = ['pdf', 'docx', 'csv', 'json', 'zip'] as const;
/** An evidence export format. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const FORMAT_LABELS: Record<ExportFormat, string> = {
  pdf: 'PDF',
  docx: 'Word',
  csv: 'CSV',
  json: 'JSON',
  zip: 'ZIP bundle',
};

/** What the export card shows: one download link per format. */
export interface ExportCardModel {
  readonly links: Readonly<Record<ExportFormat, string>>;
}

/** Links to download this conversation's evidence trail for a portfolio. */
export function renderExportCard(m: ExportCardModel): AdaptiveCard {
  return adaptiveCard(
    [
      ...heading(
        'Export your evidence',
        'Every logged item, dated and tamper-evident, mapped to the CFACSB9 criteria.',
      ),
      text(
        'Choose a format. The PDF and Word files are ready for a portfolio; the ZIP holds them all with a verification file.',
        {
          isSubtle: true,
        },
      ),
    ],
    EXPORT_FORMATS.map((f) => openUrl(FORMAT_LABELS[f], m.links[f])),
  );
}
