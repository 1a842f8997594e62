import { EXPORT_FORMAT_LABELS, EXPORT_FORMATS, type ExportFormat } from '../core/export/export-formats';
import { adaptiveCard, heading, openUrl, text, type AdaptiveCard } from './card-kit';

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
    EXPORT_FORMATS.map((f) => openUrl(EXPORT_FORMAT_LABELS[f], m.links[f])),
  );
}
