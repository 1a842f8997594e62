import { PartnerBoard } from '../../../core/partners/partner-board';
import { aCaller, aMeetingInput, anSlaInput, aPartnerInput, aUser } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';

for (const kind of STORE_KINDS) {
  describe(`${PartnerBoard.name} on ${kind.name}`, () => {
    let t: TestStore;
    let tc: TestCore;

    beforeAll(async () => {
      t = await kind.open();
      tc = testCore(t.store, undefined, kind.name);
    });
    afterAll(async () => t.dispose());

    it('lists partners with their contacts named and their health from actions, SLAs and check-ins', async () => {
      const caller = aCaller({ spaceId: aSpace('board') });
      const { partner: late } = await tc.core.partners.add(caller, aPartnerInput());
      const { partner: calm } = await tc.core.partners.add(
        caller,
        aPartnerInput({ name: 'Contoso Facilities', checkInCadence: undefined, contacts: [] }),
      );
      await tc.core.meetings.log(
        caller,
        aMeetingInput(late.id, {
          occurredAt: '2026-03-02T08:00:00Z',
          actions: [
            { title: 'Late one', owner: { user: aUser(1) }, dueDate: '2026-03-03' },
            { title: 'Later one', owner: { user: aUser(1) }, dueDate: '2026-04-30' },
          ],
        }),
      );
      const sla = await tc.core.slas.define(caller, anSlaInput(late.id));
      await tc.core.slas.recordReading(caller, {
        slaId: sla.id,
        periodStart: '2026-02-01',
        periodEnd: '2026-02-28',
        value: 9,
      });
      await tc.core.slas.define(caller, anSlaInput(calm.id));
      tc.clock.set('2026-03-20T09:00:00Z');

      const page = await tc.core.board.list(caller.scope, {}, { limit: 10 });

      expect(page.items.map((p) => p.name)).toEqual(['Contoso Facilities', 'Northwind Logistics']);
      expect(page.people[late.contacts[0]!.personId]?.displayName).toBe('Priya Shah');
      expect(page.health[late.id]).toEqual({
        level: 'at_risk',
        checkIn: { nextDueDate: '2026-03-16', overdueDays: 4 },
        actions: { open: 2, overdue: 1 },
        slas: { total: 1, met: 0, missed: 1 },
        reasons: ['Check-in 4 days overdue', '1 action overdue', '1 SLA missed the target'],
      });
      expect(page.health[calm.id]).toMatchObject({ level: 'good', slas: { total: 1, met: 0, missed: 0 } });
    });

    it('stops counting an action once it is done', async () => {
      const caller = aCaller({ spaceId: aSpace('board') });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput({ checkInCadence: undefined }));
      const logged = await tc.core.meetings.log(
        caller,
        aMeetingInput(partner.id, {
          actions: [{ title: 'Only one', owner: { user: aUser(1, 'Alex Wilber') }, dueDate: '2026-03-03' }],
        }),
      );
      tc.clock.set('2026-03-10T09:00:00Z');
      expect((await tc.core.board.list(caller.scope, {}, { limit: 5 })).health[partner.id]?.level).toBe(
        'attention',
      );
      await tc.core.actions.changeStatus(caller, { actionId: logged.actions[0]!.id, status: 'done' });
      expect((await tc.core.board.list(caller.scope, {}, { limit: 5 })).health[partner.id]).toMatchObject({
        level: 'good',
        actions: { open: 0, overdue: 0 },
      });
    });
  });
}
