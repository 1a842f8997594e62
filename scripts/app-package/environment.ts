import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PackageError, parseEnvFile } from './env-file';

/** The variables of one environment and the file each came from (paths relative to the project root). */
export interface Environment {
  readonly name: string;
  readonly values: ReadonlyMap<string, string>;
  readonly sourceOf: ReadonlyMap<string, string>;
  /** The files read, in order; a later file's values override an earlier one's. */
  readonly files: readonly string[];
}

const ENV_NAME = /^[a-z][a-z0-9-]{0,31}$/;

/** Names of the environments that have a committed `env/.env.<name>` file. */
export function environmentNames(root: string): string[] {
  const dir = join(root, 'env');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((f) => /^\.env\.([a-z][a-z0-9-]*)$/.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .sort();
}

/**
 * Reads `env/.env.<name>` and, when present, `env/.env.<name>.user` (gitignored; secrets and personal values
 * such as your dev tunnel), the second overriding the first, as the Agents Toolkit does.
 */
export function loadEnvironment(root: string, name: string): Environment {
  if (!ENV_NAME.test(name))
    throw new PackageError(`"${name}" is not an environment name (lower-case letters, digits and -)`);
  const base = `env/.env.${name}`;
  if (!existsSync(join(root, base))) {
    const known = environmentNames(root);
    throw new PackageError(
      `No environment "${name}": ${base} does not exist (environments: ${known.join(', ') || 'none'})`,
    );
  }
  const files = [base, `${base}.user`].filter((f) => existsSync(join(root, f)));
  const values = new Map<string, string>();
  const sourceOf = new Map<string, string>();
  for (const file of files)
    for (const [key, value] of parseEnvFile(readFileSync(join(root, file), 'utf8'), file)) {
      values.set(key, value);
      sourceOf.set(key, file);
    }
  return { name, values, sourceOf, files };
}
