import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { deterministicZip } from './deterministic-zip';
import { PackageError } from './env-file';
import { loadEnvironment } from './environment';
import { iconProblems, type IconKind } from './icon-checks';
import { commandDrift } from './manifest-commands';
import { schemaErrors } from './manifest-schema';
import { fillPlaceholders, placeholdersIn, resolvePlaceholders } from './placeholders';

/** The manifest template, relative to the project root. */
export const MANIFEST_TEMPLATE = 'manifest/manifest.json';

/** A built Teams app package, not yet written anywhere. */
export interface AppPackage {
  readonly zip: Uint8Array;
  /** The manifest inside the zip, placeholders filled in. */
  readonly manifest: Record<string, unknown>;
  /** Values that only stand in for ones provisioning will set; the package validates but Teams cannot use it yet. */
  readonly warnings: readonly string[];
}

/**
 * Builds the app package of one environment: fills the template's placeholders from `env/`, and refuses with a
 * {@link PackageError} when commands have drifted from the bot, a value is missing or malformed, the manifest
 * breaks the official schema, or an icon is the wrong size or colour.
 */
export async function buildAppPackage(options: {
  root: string;
  envName: string;
  strict?: boolean;
}): Promise<AppPackage> {
  const { root } = options;
  const env = loadEnvironment(root, options.envName);
  const template = readTemplate(root);
  const drift = commandDrift(template);
  if (drift.length > 0)
    throw new PackageError(
      `${MANIFEST_TEMPLATE} is out of step with bot/command-list.ts; run \`npm run manifest:sync\`:\n  ${drift.join('\n  ')}`,
    );
  const { values, warnings } = resolvePlaceholders(placeholdersIn(template), env, options.strict ?? false);
  const manifest = fillPlaceholders(template, values);
  const errors = await schemaErrors(manifest);
  if (errors.length > 0)
    throw new PackageError(
      `The manifest for "${env.name}" breaks the official schema:\n  ${errors.join('\n  ')}`,
    );
  const icons = readIcons(root, manifest);
  const manifestJson = `${JSON.stringify(manifest, null, 2)}\n`;
  const zip = deterministicZip({ 'manifest.json': Buffer.from(manifestJson, 'utf8'), ...icons });
  return { zip, manifest, warnings };
}

function readTemplate(root: string): Record<string, unknown> {
  const text = readFileSync(join(root, MANIFEST_TEMPLATE), 'utf8');
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    throw new PackageError(
      `${MANIFEST_TEMPLATE} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

function readIcons(root: string, manifest: Record<string, unknown>): Record<string, Uint8Array> {
  const declared = (manifest.icons ?? {}) as Partial<Record<IconKind, string>>;
  const files: Record<string, Uint8Array> = {};
  const problems: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const name = declared[kind];
    // The package is flat, so icons are plain file names next to the template.
    if (!name || basename(name) !== name) {
      problems.push(`icons.${kind} must name a file in manifest/ (got ${JSON.stringify(name)})`);
      continue;
    }
    const path = join(root, 'manifest', name);
    if (!existsSync(path)) {
      problems.push(`manifest/${name} (icons.${kind}) does not exist; \`npm run icons\` draws it`);
      continue;
    }
    const png = readFileSync(path);
    problems.push(...iconProblems(kind, `manifest/${name}`, png));
    files[name] = png;
  }
  if (problems.length > 0) throw new PackageError(`The app icons will not do:\n  ${problems.join('\n  ')}`);
  return files;
}
