/**
 * `npm run verify -- <export.json | export.zip>`: checks an evidence export offline and says whether it is
 * intact or which item was changed. Exit code 0 when intact, 1 when not, 2 when the file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { verifyExportFile } from '../adapters/export/verify-file';

function main(args: string[]): number {
  const file = args[0];
  if (!file || args.length > 1) {
    process.stderr.write('Usage: npm run verify -- <export.json or export.zip>\n');
    return 2;
  }
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (err) {
    process.stderr.write(`Cannot read ${file}: ${(err as Error).message}\n`);
    return 2;
  }
  const verdict = verifyExportFile(content);
  if (verdict.intact) {
    process.stdout.write(
      `intact: ${verdict.items} item(s), verification code ${verdict.code}, chain up to event #${verdict.asOfSeq}\n`,
    );
    return 0;
  }
  const where =
    verdict.brokenAt.seq !== undefined
      ? ` at item ${verdict.brokenAt.index! + 1} (event #${verdict.brokenAt.seq}, ${verdict.brokenAt.id})`
      : '';
  process.stdout.write(`broken${where}: ${verdict.message}${verdict.file ? ` [${verdict.file}]` : ''}\n`);
  return 1;
}

process.exitCode = main(process.argv.slice(2));
