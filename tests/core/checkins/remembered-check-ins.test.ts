import { RememberedCheckIns } from '../../../core/checkins/remembered-check-ins';
import type { CheckInSchedule } from '../../../core/checkins/check-in-schedule';
import { aSpace } from '../../../testkit/test-core';
import { TENANT_A } from '../../../testkit/factories';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';

for (const kind of STORE_KINDS) {
  describe(`${RememberedCheckIns.name} on ${kind.name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await kind.open();
    });
    afterAll(async () => t.dispose());
    // SQLite hands every transaction the same repositories: each test counts its own reads.
    afterEach(() => jest.restoreAllMocks());

    function aSchedule(spaceId: string, name: string): CheckInSchedule {
      return {
        // Ids are unique in a tenant: each test has its own space.
        id: `chk_${name}_${spaceId.slice(-8)}`,
        tenantId: TENANT_A,
        spaceId,
        partnerId: 'ptn_catering',
        ownerId: 'per_owner',
        cadence: { every: 2, unit: 'week' },
        nextDueDate: '2026-12-18',
        active: true,
        version: 1,
        updatedAt: '2026-12-04T09:00:00.000Z',
      };
    }

    async function stored(schedule: CheckInSchedule) {
      return t.store.transaction((tx) => tx.checkIns.getForPartner(schedule, schedule.partnerId));
    }

    it('reads a partner once, and answers after a save from memory, equal to what the store holds', async () => {
      const scope = { tenantId: TENANT_A, spaceId: aSpace('remembered') };
      const first = aSchedule(scope.spaceId, 'first');
      await t.store.transaction((tx) => tx.checkIns.save(first));
      const completed = {
        ...first,
        id: `chk_other_${scope.spaceId.slice(-8)}`,
        nextDueDate: '2027-01-01',
        lastCompletedOn: '2026-12-04',
        lastMeetingId: 'mtg_1',
        version: 2,
      };
      await t.store.transaction(async (tx) => {
        const checkIns = new RememberedCheckIns(tx.checkIns);
        const read = jest.spyOn(tx.checkIns, 'getForPartner');

        expect(await checkIns.getForPartner(scope, first.partnerId)).toEqual(first);
        expect(await checkIns.getForPartner(scope, first.partnerId)).toEqual(first);
        await checkIns.save(completed);
        // The row was replaced, not re-created: it keeps the id it had.
        expect(await checkIns.getForPartner(scope, first.partnerId)).toEqual({ ...completed, id: first.id });
        expect(read).toHaveBeenCalledTimes(1);
      });
      expect(await stored(completed)).toEqual({ ...completed, id: first.id });
    });

    it('remembers a schedule it created where it had read that there was none', async () => {
      const scope = { tenantId: TENANT_A, spaceId: aSpace('remembered') };
      const schedule = aSchedule(scope.spaceId, 'new');
      await t.store.transaction(async (tx) => {
        const checkIns = new RememberedCheckIns(tx.checkIns);
        const read = jest.spyOn(tx.checkIns, 'getForPartner');

        expect(await checkIns.getForPartner(scope, schedule.partnerId)).toBeUndefined();
        await checkIns.save(schedule);
        expect(await checkIns.getForPartner(scope, schedule.partnerId)).toEqual(schedule);
        expect(read).toHaveBeenCalledTimes(1);
      });
      expect(await stored(schedule)).toEqual(schedule);
    });

    it('remembers what a read of several partners found, and that the others have none', async () => {
      const scope = { tenantId: TENANT_A, spaceId: aSpace('remembered') };
      const schedule = aSchedule(scope.spaceId, 'many');
      await t.store.transaction((tx) => tx.checkIns.save(schedule));
      await t.store.transaction(async (tx) => {
        const checkIns = new RememberedCheckIns(tx.checkIns);
        const readMany = jest.spyOn(tx.checkIns, 'getForPartners');
        const readOne = jest.spyOn(tx.checkIns, 'getForPartner');
        const partners = [schedule.partnerId, 'ptn_without_one'];

        expect(await checkIns.getForPartners(scope, partners)).toEqual([schedule]);
        expect(await checkIns.getForPartner(scope, 'ptn_without_one')).toBeUndefined();
        const completed = { ...schedule, nextDueDate: '2027-01-01', version: 2 };
        await checkIns.save(completed);
        expect(await checkIns.getForPartner(scope, schedule.partnerId)).toEqual(completed);
        expect(await checkIns.getForPartners(scope, partners)).toEqual([completed]);
        expect(readMany).toHaveBeenCalledTimes(1);
        expect(readOne).not.toHaveBeenCalled();
      });
      expect(await stored(schedule)).toEqual({ ...schedule, nextDueDate: '2027-01-01', version: 2 });
    });

    it('reads from the store after saving a partner it had not read, whose row may keep another id', async () => {
      const scope = { tenantId: TENANT_A, spaceId: aSpace('remembered') };
      const first = aSchedule(scope.spaceId, 'first');
      await t.store.transaction((tx) => tx.checkIns.save(first));
      await t.store.transaction(async (tx) => {
        const checkIns = new RememberedCheckIns(tx.checkIns);
        const read = jest.spyOn(tx.checkIns, 'getForPartner');

        await checkIns.save({ ...first, id: `chk_blind_${scope.spaceId.slice(-8)}`, version: 2 });
        expect(await checkIns.getForPartner(scope, first.partnerId)).toEqual({ ...first, version: 2 });
        expect(read).toHaveBeenCalledTimes(1);
      });
    });
  });
}
