import { exportWriters } from '../adapters/export/export-writers';
import { IN_THIS_THREAD, type PartRenderer } from '../adapters/export/part-renderer';
import { verifyExportFile } from '../adapters/export/verify-file';
import type { Clock, Logger } from '../core/ports';
import type { ExportServices } from '../tab/api/evidence-export-routes';
import type { Config } from './config';

/**
 * The export routes' writers, verifier and link signing, from the configuration; `parts` writes the items of
 * JSON and CSV files (the server's export workers).
 */
export function exportServices(
  config: Pick<Config, 'publicUrl' | 'linkSecret'>,
  clock: Clock,
  logger: Logger,
  parts: PartRenderer = IN_THIS_THREAD,
): ExportServices {
  return {
    writers: exportWriters(parts),
    verifyFile: verifyExportFile,
    linkSecret: config.linkSecret,
    publicUrl: config.publicUrl,
    now: () => clock.now(),
    logger,
  };
}
