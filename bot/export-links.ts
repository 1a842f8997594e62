import type { Scope } from '../core/common/scope';
import { EXPORT_FORMATS, type ExportFormat } from './cards/export-card';

/**
 * The download link of a space's evidence export in one format. The only place these links are built, so
 * switching to expiring signed links touches this function alone.
 */
export function evidenceExportLink(publicUrl: string, scope: Scope, format: ExportFormat): string {
  const query = new URLSearchParams({ format, spaceId: scope.spaceId });
  return `${publicUrl}/api/v1/evidence/export?${query.toString()}`;
}

/** The links for every format the export card offers. */
export function evidenceExportLinks(publicUrl: string, scope: Scope): Record<ExportFormat, string> {
  return Object.fromEntries(
    EXPORT_FORMATS.map((f) => [f, evidenceExportLink(publicUrl, scope, f)]),
  ) as Record<ExportFormat, string>;
}
