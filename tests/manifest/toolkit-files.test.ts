import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseEnvFile } from '../../scripts/app-package/env-file';
import { loadEnvironment } from '../../scripts/app-package/environment';
import { loadConfig } from '../../server/config';
import { committedFilesCopy, ROOT } from './committed-package';

const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const usedIn = (text: string) => new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!));

/** Settings whose values are secrets: they belong in the gitignored .user files only. */
const isSecret = (name: string) =>
  /^SECRET_/.test(name) || name === 'MicrosoftAppPassword' || name === 'DATABASE_URL';

interface Action {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
type Project = Record<'provision' | 'deploy' | 'publish', Action[] | undefined>;

/** Each Toolkit project file, the environment it serves and the files its actions fill from env/. */
const PROJECTS = [
  { file: 'm365agents.local.yml', env: 'local', filled: ['infra/entra/entra.bot.manifest.json'] },
  {
    file: 'm365agents.yml',
    env: 'dev',
    filled: ['infra/entra/entra.bot.manifest.json', 'infra/azure.parameters.json'],
  },
];

describe('the Agents Toolkit project files', () => {
  let committed: string;
  beforeAll(() => (committed = committedFilesCopy()));
  afterAll(() => rmSync(committed, { recursive: true, force: true }));

  it.each(PROJECTS)('$file names only files that exist', ({ file }) => {
    const project = parse(read(file)) as Project;
    const actions = [...(project.provision ?? []), ...(project.deploy ?? []), ...(project.publish ?? [])];
    const inputs = actions.flatMap((a) => [
      a.with?.manifestPath,
      a.with?.ignoreFile,
      ...((a.with?.templates as { path: string; parameters: string }[] | undefined) ?? []).flatMap((t) => [
        t.path,
        t.parameters,
      ]),
    ]);
    for (const input of inputs.filter((i): i is string => typeof i === 'string'))
      expect({ input, exists: existsSync(join(ROOT, input)) }).toEqual({ input, exists: true });
    expect(inputs).toContain('./manifest/manifest.json');
  });

  it.each(PROJECTS)(
    '$file uses only variables its environment declares, its .user example names or an earlier step writes',
    ({ file, env, filled }) => {
      const project = parse(read(file)) as Project;
      const actions = [...(project.provision ?? []), ...(project.deploy ?? []), ...(project.publish ?? [])];
      const known = new Set<string>([
        ...loadEnvironment(committed, env).values.keys(),
        ...parseEnvFile(read(`env/.env.${env}.user.example`), 'example').keys(),
        ...actions.flatMap((a) => Object.values(a.writeToEnvironmentFile ?? {})),
        // arm/deploy writes the Bicep outputs under their own names.
        ...[...read('infra/azure.bicep').matchAll(/^output (\w+) /gm)].map((m) => m[1]!),
      ]);
      const used = new Set([...usedIn(read(file)), ...filled.flatMap((f) => [...usedIn(read(f))])]);
      expect([...used].filter((name) => !known.has(name))).toEqual([]);
    },
  );
});

describe('the env/ files', () => {
  let committed: string;
  beforeAll(() => (committed = committedFilesCopy()));
  afterAll(() => rmSync(committed, { recursive: true, force: true }));

  it.each(['local', 'dev'])('env/.env.%s holds no secrets', (env) => {
    const names = [...loadEnvironment(committed, env).values.keys()];
    expect(names.filter(isSecret)).toEqual([]);
  });

  it.each(['local', 'dev'])(
    'env/.env.%s.user.example names every secret its Toolkit file uses, and gives none away',
    (env) => {
      const example = parseEnvFile(read(`env/.env.${env}.user.example`), 'example');
      const project = PROJECTS.find((p) => p.env === env)!;
      const secretsUsed = [project.file, ...project.filled].flatMap((f) =>
        [...usedIn(read(f))].filter(isSecret),
      );
      for (const secret of new Set([...secretsUsed, 'MicrosoftAppPassword']))
        expect({ secret, named: example.has(secret) }).toEqual({ secret, named: true });
      expect([...example.values()].filter((v) => v !== '')).toEqual([]);
    },
  );

  it("declares the server's settings with values the server accepts", () => {
    for (const env of ['local', 'dev']) {
      const values = loadEnvironment(committed, env).values;
      for (const name of ['MicrosoftAppId', 'MicrosoftAppType', 'MicrosoftAppTenantId', 'PUBLIC_URL'])
        expect({ env, name, declared: values.has(name) }).toEqual({ env, name, declared: true });
      expect(() => loadConfig(Object.fromEntries(values))).not.toThrow();
    }
  });

  it("keeps each environment's .user file out of git", () => {
    for (const file of ['env/.env.local.user', 'env/.env.dev.user'])
      expect(() => execFileSync('git', ['check-ignore', '-q', file], { cwd: ROOT })).not.toThrow();
    expect(() =>
      execFileSync('git', ['check-ignore', '-q', 'env/.env.dev.user.example'], { cwd: ROOT }),
    ).toThrow();
  });
});
