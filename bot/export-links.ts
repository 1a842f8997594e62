import type { Caller } from '../core/common/caller';
import { DOWNLOAD_LINK_MINUTES, signDownload } from '../core/export/download-link';
import { EXPORT_FORMATS, type ExportFormat } from '../core/export/export-formats';

/** Where signed links point and how they are signed. */
export interface LinkSigning {
  readonly publicUrl: string;
  readonly secret: string;
  readonly now: Date;
}

/**
 * An expiring signed download link of the caller's evidence export in one format, redacted by default: it
 * opens in a browser without signing in, so it works from a card in chat, and stops working after
 * {@link DOWNLOAD_LINK_MINUTES} minutes.
 */
export function evidenceExportLink(signing: LinkSigning, caller: Caller, format: ExportFormat): string {
  const expiresAt = new Date(signing.now.getTime() + DOWNLOAD_LINK_MINUTES * 60_000).toISOString();
  const token = signDownload(
    {
      tenantId: caller.scope.tenantId,
      spaceId: caller.scope.spaceId,
      user: caller.user,
      request: { format },
      expiresAt,
    },
    signing.secret,
  );
  return `${signing.publicUrl}/api/v1/evidence/download?token=${token}`;
}

/** The links for every format the export card offers. */
export function evidenceExportLinks(signing: LinkSigning, caller: Caller): Record<ExportFormat, string> {
  return Object.fromEntries(EXPORT_FORMATS.map((f) => [f, evidenceExportLink(signing, caller, f)])) as Record<
    ExportFormat,
    string
  >;
}
