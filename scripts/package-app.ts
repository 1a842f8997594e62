/**
 * `npm run package -- --env <name> [--strict]`: builds build/appPackage.<name>.zip from manifest/ and
 * env/.env.<name> (+ .user), ready to upload to Teams. Exits 1 with every problem listed when it cannot.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../server/project-root';
import { buildAppPackage } from './app-package/app-package';
import { PackageError } from './app-package/env-file';

const USAGE =
  'Usage: npm run package -- --env <name> [--strict]   (environments are the env/.env.<name> files)';

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: { env: { type: 'string' }, strict: { type: 'boolean', default: false } },
    }).values;
  } catch (err) {
    fail(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  }
  if (!args.env) fail(USAGE);
  const root = projectRoot();
  try {
    const pkg = await buildAppPackage({ root, envName: args.env, strict: args.strict });
    mkdirSync(join(root, 'build'), { recursive: true });
    const zipPath = join('build', `appPackage.${args.env}.zip`);
    writeFileSync(join(root, zipPath), pkg.zip);
    // The filled-in manifest beside the zip, to read without unzipping (as the Toolkit does).
    writeFileSync(
      join(root, 'build', `manifest.${args.env}.json`),
      `${JSON.stringify(pkg.manifest, null, 2)}\n`,
    );
    for (const warning of pkg.warnings) process.stderr.write(`warning: ${warning}\n`);
    process.stdout.write(
      `Wrote ${zipPath} (${pkg.zip.length} bytes): manifest ${String(pkg.manifest.manifestVersion)} valid, icons checked.\n`,
    );
    if (pkg.warnings.length > 0)
      process.stdout.write(
        'This package is a preview until the values above are provisioned (README: Deploy).\n',
      );
  } catch (err) {
    if (err instanceof PackageError) fail(err.message);
    throw err;
  }
}

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

void main();
