import { ConflictError } from '../../core/errors';
import { seedDemoSpace } from '../../scripts/demo/demo-space';
import { aCaller } from '../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../testkit/test-stores';

describe(seedDemoSpace.name, () => {
  let t: TestStore;
  let tc: TestCore;
  const caller = aCaller({ spaceId: aSpace('demo') });

  beforeAll(async () => {
    t = await openSqliteTestStore();
    tc = testCore(t.store);
    await seedDemoSpace(tc.core, caller, '2026-03-02');
  });
  afterAll(async () => t.dispose());

  it('fills a living board: partners across the chain, one at risk, one calm', async () => {
    const board = await tc.core.board.list(caller.scope, {}, { limit: 20 });
    expect(board.items.map((p) => `${p.chain.direction} ${p.chain.stage} ${p.name}`).sort()).toEqual([
      'downstream 1 Contoso Field Engineers',
      'downstream 1 Finance Refunds Team',
      'downstream 2 Tailspin Customer Surveys',
      'upstream 1 Northwind Logistics',
      'upstream 1 Warehouse Operations',
      'upstream 2 Fabrikam Parts',
    ]);
    const byName = Object.fromEntries(board.items.map((p) => [p.name, board.health[p.id]!]));
    expect(byName['Northwind Logistics']).toMatchObject({
      level: 'at_risk',
      checkIn: { overdueDays: 6 },
      actions: { open: 2, overdue: 1 },
      slas: { total: 1, met: 0, missed: 1 },
    });
    expect(byName['Fabrikam Parts']?.level).toBe('good');
  });

  it('keeps a superseded agreement version beside the one that replaced it, and one awaiting acknowledgement', async () => {
    const page = await tc.core.agreements.list(caller.scope, {}, { limit: 10 });
    expect(page.items.map((a) => `${a.title} v${a.versionNo} ${a.status}`).sort()).toEqual([
      'Engineer visits versus warranty claims v1 proposed',
      'Peak-season priority between refunds and new orders v1 superseded',
      'Peak-season priority between refunds and new orders v2 agreed',
    ]);
  });

  it('records it all on an intact evidence trail', async () => {
    const verdict = await tc.core.evidence.verify(caller.scope);
    expect(verdict).toMatchObject({ intact: true });
    expect(verdict.checked).toBeGreaterThan(30);
  });

  it('refuses to seed a space that already has partners', async () => {
    await expect(seedDemoSpace(tc.core, caller, '2026-03-02')).rejects.toBeInstanceOf(ConflictError);
  });
});
