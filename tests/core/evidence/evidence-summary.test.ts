import { EvidenceTrail } from '../../../core/evidence/evidence-trail';
import { aCaller, aMeetingInput, aPartnerInput } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

describe(`${EvidenceTrail.name}.summary`, () => {
  let t: TestStore;
  let tc: TestCore;

  beforeAll(async () => {
    t = await openSqliteTestStore();
    tc = testCore(t.store);
  });
  afterAll(async () => t.dispose());

  async function loggedSpace() {
    const caller = aCaller({ spaceId: aSpace() });
    const { partner } = await tc.core.partners.add(caller, aPartnerInput());
    await tc.core.meetings.log(caller, aMeetingInput(partner.id));
    return caller.scope;
  }

  it('gives the newest events first, the chain verdict and a count for every criterion', async () => {
    const scope = await loggedSpace();
    const summary = await tc.core.evidence.summary(scope, 3);

    expect(summary.total).toBe(6);
    expect(summary.recent.map((e) => e.seq)).toEqual([6, 5, 4]);
    expect(summary.verdict).toMatchObject({ intact: true, checked: 6 });
    expect(summary.coverage).toHaveLength(26);
    const counts = Object.fromEntries(summary.coverage.map((c) => [c.code, c.events]));
    // partner.added and checkin.scheduled/completed and meeting.logged each evidence P8 or P1.
    expect(counts.P1).toBe(1);
    expect(counts.P8).toBe(3);
    expect(counts.P12).toBe(2);
    expect(counts.P14).toBe(0);
  });

  it('summarises an empty space as intact with nothing covered', async () => {
    const summary = await tc.core.evidence.summary({ tenantId: aCaller().scope.tenantId, spaceId: aSpace() });
    expect(summary).toMatchObject({ total: 0, recent: [], verdict: { intact: true, checked: 0 } });
    expect(summary.coverage.every((c) => c.events === 0)).toBe(true);
  });

  it('reports a broken chain and still counts every stored event', async () => {
    const scope = await loggedSpace();
    await t.raw(
      "UPDATE evidence_events SET snapshot = '{}' WHERE tenant_id = ? AND space_id = ? AND seq = 2",
      [scope.tenantId, scope.spaceId],
    );
    const summary = await tc.core.evidence.summary(scope, 10);
    expect(summary.verdict).toMatchObject({ intact: false, brokenAt: { seq: 2, reason: 'content_changed' } });
    expect(summary.total).toBe(6);
    expect(summary.recent).toHaveLength(6);
  });

  it('keeps at most twenty recent events whatever is asked', async () => {
    const caller = aCaller({ spaceId: aSpace() });
    for (let i = 0; i < 11; i++) await tc.core.partners.add(caller, aPartnerInput({ name: `Partner ${i}` }));
    const summary = await tc.core.evidence.summary(caller.scope, 500);
    expect(summary.total).toBe(22);
    expect(summary.recent.map((e) => e.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 22 - i));
    expect((await tc.core.evidence.summary(caller.scope, -1)).recent).toHaveLength(0);
  });
});
