import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { PackageError } from './env-file';

/** The folder of Teams manifest schemas that `@microsoft/app-manifest` ships, one `v1.x` folder per version. */
function schemasDir(): string {
  return join(
    dirname(require.resolve('@microsoft/app-manifest/package.json')),
    'build',
    'json-schemas',
    'teams',
  );
}

/**
 * The official schema for a manifest's `manifestVersion`, read from the installed package: validation never
 * reaches the network (the package's own lookup would fetch a version it lacks).
 */
export function officialSchema(manifestVersion: unknown): object {
  if (typeof manifestVersion !== 'string' || !/^1\.\d+$/.test(manifestVersion))
    throw new PackageError(
      `manifestVersion must be a version such as "1.30" (got ${JSON.stringify(manifestVersion)})`,
    );
  const file = join(schemasDir(), `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(file))
    throw new PackageError(
      `@microsoft/app-manifest has no schema for manifest version ${manifestVersion}; update the package or the manifest`,
    );
  // The Toolkit's own loader rewrites these two escapes that JSON does not allow; the schema files contain them.
  return JSON.parse(
    readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b'),
  ) as object;
}

/** Validates a filled-in manifest against the official schema of its version; returns one line per error. */
export async function schemaErrors(manifest: {
  manifestVersion?: unknown;
  $schema?: unknown;
}): Promise<string[]> {
  const version = manifest.manifestVersion;
  const schemaPath = `json-schemas/teams/v${String(version)}/MicrosoftTeams.schema.json`;
  const errors: string[] = [];
  // Microsoft publishes each schema with and without a locale in the path; both name the same file.
  const ok = [
    `https://developer.microsoft.com/${schemaPath}`,
    `https://developer.microsoft.com/en-us/${schemaPath}`,
  ];
  if (!ok.includes(String(manifest.$schema)))
    errors.push(`$schema must be ${ok[0]}, the schema of manifestVersion ${String(version)}`);
  const schema = officialSchema(version);
  // The package's types describe its own manifest model; the JSON here is checked by the schema itself.
  errors.push(...(await AppManifestUtils.validateAgainstSchema(manifest as never, schema as never)));
  return errors;
}
