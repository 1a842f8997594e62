import { EXPORT_WRITERS } from '../adapters/export/export-writers';
import { verifyExportFile } from '../adapters/export/verify-file';
import type { Clock, Logger } from '../core/ports';
import type { ExportServices } from '../tab/api/evidence-export-routes';
import type { Config } from './config';

/** The export routes' writers, verifier and link signing, from the configuration. */
export function exportServices(
  config: Pick<Config, 'publicUrl' | 'linkSecret'>,
  clock: Clock,
  logger: Logger,
): ExportServices {
  return {
    writers: EXPORT_WRITERS,
    verifyFile: verifyExportFile,
    linkSecret: config.linkSecret,
    publicUrl: config.publicUrl,
    now: () => clock.now(),
    logger,
  };
}
