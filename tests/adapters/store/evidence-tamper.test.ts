import { aCaller, aMeetingInput, aPartnerInput } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';

/** Tampering done straight in the database, as someone with access to the file or server would. */
for (const kind of STORE_KINDS) {
  describe(`evidence tamper detection: ${kind.name}`, () => {
    let t: TestStore;
    let tc: TestCore;

    beforeAll(async () => {
      t = await kind.open();
      tc = testCore(t.store, undefined, kind.name);
    });
    afterAll(async () => t.dispose());

    /** A space with six events: partner added, check-in scheduled, meeting, two actions, check-in completed. */
    async function loggedSpace() {
      const caller = aCaller({ spaceId: aSpace() });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput());
      await tc.core.meetings.log(caller, aMeetingInput(partner.id));
      await expect(tc.core.evidence.verify(caller.scope)).resolves.toMatchObject({
        intact: true,
        checked: 6,
      });
      return caller.scope;
    }

    it('detects a changed snapshot and names the event', async () => {
      const scope = await loggedSpace();
      const [row] = (await t.raw(
        'SELECT id, snapshot FROM evidence_events WHERE tenant_id = ? AND space_id = ? AND seq = 3',
        [scope.tenantId, scope.spaceId],
      )) as { id: string; snapshot: string }[];
      const edited = row!.snapshot.replace('Monthly delivery review', 'Quarterly delivery review');
      await t.raw(
        'UPDATE evidence_events SET snapshot = ? WHERE tenant_id = ? AND space_id = ? AND seq = 3',
        [edited, scope.tenantId, scope.spaceId],
      );
      await expect(tc.core.evidence.verify(scope)).resolves.toEqual({
        intact: false,
        checked: 2,
        brokenAt: { seq: 3, eventId: row!.id, reason: 'content_changed' },
      });
    });

    it('detects a back-dated event', async () => {
      const scope = await loggedSpace();
      await t.raw(
        "UPDATE evidence_events SET occurred_at = '2025-12-01T10:00:00.000Z' WHERE tenant_id = ? AND space_id = ? AND seq = 4",
        [scope.tenantId, scope.spaceId],
      );
      await expect(tc.core.evidence.verify(scope)).resolves.toMatchObject({
        intact: false,
        brokenAt: { seq: 4, reason: 'content_changed' },
      });
    });

    it('detects changed criteria tags', async () => {
      const scope = await loggedSpace();
      await t.raw(
        `UPDATE evidence_events SET criteria = '["P1","P2","P13"]' WHERE tenant_id = ? AND space_id = ? AND seq = 1`,
        [scope.tenantId, scope.spaceId],
      );
      await expect(tc.core.evidence.verify(scope)).resolves.toMatchObject({
        intact: false,
        brokenAt: { seq: 1, reason: 'content_changed' },
      });
    });

    it('detects a deleted event in the middle of the chain', async () => {
      const scope = await loggedSpace();
      await t.raw('DELETE FROM evidence_events WHERE tenant_id = ? AND space_id = ? AND seq = 2', [
        scope.tenantId,
        scope.spaceId,
      ]);
      await expect(tc.core.evidence.verify(scope)).resolves.toMatchObject({
        intact: false,
        checked: 1,
        brokenAt: { seq: 2, reason: 'event_missing' },
      });
    });

    it('detects the newest event being deleted', async () => {
      const scope = await loggedSpace();
      await t.raw('DELETE FROM evidence_events WHERE tenant_id = ? AND space_id = ? AND seq = 6', [
        scope.tenantId,
        scope.spaceId,
      ]);
      await expect(tc.core.evidence.verify(scope)).resolves.toMatchObject({
        intact: false,
        checked: 5,
        brokenAt: { seq: 6, reason: 'tail_missing' },
      });
    });

    it('detects a whole log being deleted', async () => {
      const scope = await loggedSpace();
      await t.raw('DELETE FROM evidence_events WHERE tenant_id = ? AND space_id = ?', [
        scope.tenantId,
        scope.spaceId,
      ]);
      await expect(tc.core.evidence.verify(scope)).resolves.toMatchObject({
        intact: false,
        checked: 0,
        brokenAt: { seq: 1, reason: 'tail_missing' },
      });
    });

    it('keeps other spaces intact when one is tampered with', async () => {
      const tampered = await loggedSpace();
      const untouched = await loggedSpace();
      await t.raw('DELETE FROM evidence_events WHERE tenant_id = ? AND space_id = ? AND seq = 5', [
        tampered.tenantId,
        tampered.spaceId,
      ]);
      await expect(tc.core.evidence.verify(untouched)).resolves.toMatchObject({ intact: true, checked: 6 });
    });
  });
}
