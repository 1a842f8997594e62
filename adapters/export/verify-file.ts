import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { verifyExportJson, type ExportVerdict } from '../../core/export/verify-export';
import { BUNDLE_MANIFEST } from './zip-writer';

/** What verifying an export file found: the export's verdict, and for a bundle, which file differs. */
export type FileVerdict = ExportVerdict & { readonly file?: string };

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/**
 * Verifies an export file: the `.json`, or the `.zip` bundle (its manifest's file hashes first, then the JSON
 * inside). A bundle is read into memory, so this is for checking a file, not for serving one.
 */
export function verifyExportFile(content: Buffer): FileVerdict {
  if (content.subarray(0, 4).equals(ZIP_MAGIC)) return verifyBundle(content);
  let json: unknown;
  try {
    json = JSON.parse(content.toString('utf8'));
  } catch {
    // Not JSON at all: report it the way any unreadable export is reported.
    return verifyExportJson(undefined);
  }
  return verifyExportJson(json);
}

function verifyBundle(content: Buffer): FileVerdict {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(content);
  } catch {
    // A damaged zip: nothing inside can be trusted.
    return { ...verifyExportJson(undefined), file: 'the zip itself' };
  }
  const manifestBytes = files[BUNDLE_MANIFEST];
  if (!manifestBytes) return { ...verifyExportJson(undefined), file: BUNDLE_MANIFEST };
  const manifest = JSON.parse(Buffer.from(manifestBytes).toString('utf8')) as {
    code?: string;
    files?: { name: string; sha256: string }[];
  };
  for (const entry of manifest.files ?? []) {
    const data = files[entry.name];
    const sha = data && createHash('sha256').update(data).digest('hex');
    if (sha !== entry.sha256)
      return {
        intact: false,
        items: 0,
        code: manifest.code,
        brokenAt: { reason: 'document_changed' },
        message: `${entry.name} in the bundle differs from its hash in ${BUNDLE_MANIFEST}.`,
        file: entry.name,
      };
  }
  const jsonName = (manifest.files ?? []).find((f) => f.name.endsWith('.json'))?.name;
  const verdict = verifyExportFile(Buffer.from(files[jsonName ?? ''] ?? []));
  if (verdict.intact && verdict.code !== manifest.code)
    return {
      intact: false,
      items: verdict.items,
      code: verdict.code,
      brokenAt: { reason: 'code_mismatch' },
      message: `The bundle's manifest names another code than its JSON.`,
      file: BUNDLE_MANIFEST,
    };
  return { ...verdict, file: jsonName };
}
