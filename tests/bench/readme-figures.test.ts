import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../server/project-root';

describe('bench/README.md', () => {
  it('quotes in its figures blocks exactly what the committed result files hold', () => {
    const check = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(projectRoot(), 'bench', 'readme-figures.ts'), '--check'],
      { encoding: 'utf8' },
    );
    expect(`${check.stdout}${check.stderr}`).toContain('bench/README.md figures match bench/results');
    expect(check.status).toBe(0);
  });
});
