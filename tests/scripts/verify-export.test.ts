import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportToBuffer, seedEvidenceMonth } from '../support/evidence-month';
import { testCore } from '../../testkit/test-core';
import { openSqliteTestStore } from '../../testkit/test-stores';

const SCRIPT = join(__dirname, '..', '..', 'scripts', 'verify-export.ts');

function verify(file: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, file], { encoding: 'utf8' });
}

describe('npm run verify', () => {
  it('says intact for an export, names the edited item of a tampered one, and explains a bad path', async () => {
    const t = await openSqliteTestStore();
    const dir = mkdtempSync(join(tmpdir(), 'verify-'));
    try {
      const tc = testCore(t.store);
      const month = await seedEvidenceMonth(tc);
      const { bytes, header } = await exportToBuffer(tc, month.learner, { format: 'zip' });
      const json = await exportToBuffer(tc, month.learner, { format: 'json' });
      writeFileSync(join(dir, 'trail.zip'), bytes);
      writeFileSync(
        join(dir, 'trail.json'),
        Buffer.from(json.bytes.toString().replace('"rating":5', '"rating":4')),
      );

      const intact = verify(join(dir, 'trail.zip'));
      expect(intact.status).toBe(0);
      expect(intact.stdout).toBe(
        `intact: ${header.itemCount} item(s), verification code ${header.code}, chain up to event #${header.asOfSeq}\n`,
      );

      const broken = verify(join(dir, 'trail.json'));
      expect(broken.status).toBe(1);
      expect(broken.stdout).toMatch(
        /^broken at item \d+ \(event #\d+, evt_\w+\): Item \d+ \(event #\d+\) was changed/,
      );

      expect(verify(join(dir, 'missing.json')).status).toBe(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await t.dispose();
    }
  });
});
