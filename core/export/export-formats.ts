// Imports nothing, so the tab's page can bundle it as it is: the formats a trail exports to, how people see them
// named and how much one export may select are written here and nowhere else.

/** The formats a trail exports to, in the order cards and the tab offer them. */
export const EXPORT_FORMATS = ['pdf', 'docx', 'csv', 'json', 'zip'] as const;
/** A format a trail exports to. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Each format as a button names it. */
export const EXPORT_FORMAT_LABELS: Readonly<Record<ExportFormat, string>> = {
  pdf: 'PDF',
  docx: 'Word',
  csv: 'CSV',
  json: 'JSON',
  zip: 'ZIP bundle',
};

/** Most partners one export may be filtered to. */
export const MAX_EXPORT_PARTNERS = 50;
