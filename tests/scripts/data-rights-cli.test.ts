import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteFileIn } from '../../adapters/store/open-store';
import { SqliteStore } from '../../adapters/store/sqlite/sqlite-store';
import { clockEnvironment } from '../../testkit/clock-environment';
import { seedEvidenceMonth } from '../support/evidence-month';
import { testCore } from '../../testkit/test-core';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'data-rights.ts');

/** `npm run data-rights`, run as an administrator would, against a SQLite file in DATA_DIR. */
describe('npm run data-rights', () => {
  let dataDir: string;
  let tenantId: string;
  let contactId: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'data-rights-'));
    const store = await SqliteStore.open(sqliteFileIn(dataDir));
    const tc = testCore(store);
    const month = await seedEvidenceMonth(tc);
    tenantId = month.learner.scope.tenantId;
    contactId = (await tc.core.partners.view(month.learner.scope, month.partnerIds.northwind)).partner
      .contacts[0]!.personId;
    await store.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, ...args], {
      env: { PATH: process.env.PATH ?? '', ...clockEnvironment(), DATA_DIR: dataDir },
      encoding: 'utf8',
    });
    return { code: result.status, out: result.stdout, err: result.stderr };
  };

  it('exports a person, erases them, and shows both in the data-rights record', () => {
    const exported = run('export', tenantId, contactId);
    expect(exported.code).toBe(0);
    expect(JSON.parse(exported.out).person.displayName).toBe('Priya Shah');

    const erased = run('erase', tenantId, contactId);
    expect(erased.code).toBe(0);
    expect(JSON.parse(erased.out)).toMatchObject({ personId: contactId, evidenceEvents: expect.any(Number) });
    expect(run('export', tenantId, contactId).out).not.toContain('Priya');

    const audit = JSON.parse(run('audit', tenantId).out) as { action: string; actor: string }[];
    expect(audit.map((e) => `${e.action} by ${e.actor}`)).toEqual([
      'person_exported by admin',
      'person_erased by admin',
      'person_exported by admin',
    ]);
  });

  it('says what is wrong with a bad command or an unknown person', () => {
    expect(run('erase', tenantId).code).toBe(2);
    const unknown = run('erase', tenantId, 'per_nobody');
    expect(unknown).toMatchObject({ code: 1, err: 'Person not found\n' });
  });
});
