import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../server/project-root';

/** Runs `npm run package -- <args>`'s script as its own process. */
function runPackage(...args: string[]) {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', join(projectRoot(), 'scripts', 'package-app.ts'), ...args],
    {
      cwd: projectRoot(),
      env: { PATH: process.env.PATH ?? '' },
      encoding: 'utf8',
    },
  );
  return { status: result.status, stderr: result.stderr };
}

describe('npm run package', () => {
  it('explains its usage when no environment is named', () => {
    const { status, stderr } = runPackage();
    expect(status).toBe(1);
    expect(stderr).toContain('Usage: npm run package -- --env <name> [--strict]');
  });

  it('refuses an unknown environment in one clear line and exits 1', () => {
    const { status, stderr } = runPackage('--env', 'nowhere');
    expect(status).toBe(1);
    expect(stderr).toMatch(
      /^No environment "nowhere": env\/\.env\.nowhere does not exist \(environments: dev, local/,
    );
  });

  it('refuses an option it does not know', () => {
    const { status, stderr } = runPackage('--env', 'dev', '--zip-only');
    expect(status).toBe(1);
    expect(stderr).toContain("Unknown option '--zip-only'");
  });
});
