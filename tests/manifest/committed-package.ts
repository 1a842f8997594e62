import { cpSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../server/project-root';

/** The project root of this checkout. */
export const ROOT = projectRoot();

/**
 * A copy of the committed manifest/ and env/ files only, so tests see what a fresh clone sees and not a
 * developer's gitignored env/.env.*.user files.
 */
export function committedFilesCopy(): string {
  const root = mkdtempSync(join(tmpdir(), 'app-package-'));
  cpSync(join(ROOT, 'manifest'), join(root, 'manifest'), { recursive: true });
  mkdirSync(join(root, 'env'));
  for (const file of readdirSync(join(ROOT, 'env')).filter((f) => !f.endsWith('.user')))
    cpSync(join(ROOT, 'env', file), join(root, 'env', file));
  return root;
}
