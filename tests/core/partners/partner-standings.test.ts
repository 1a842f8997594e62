import { PartnerDirectory } from '../../../core/partners/partner-directory';
import { aCaller, aMeetingInput, aPartnerInput, aUser } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

describe(`${PartnerDirectory.name}.standings`, () => {
  let t: TestStore;
  let tc: TestCore;

  beforeAll(async () => {
    t = await openSqliteTestStore();
    tc = testCore(t.store, '2026-03-10T09:00:00Z');
  });
  afterAll(async () => t.dispose());

  it('counts open and overdue actions and names the next check-in of each active partner', async () => {
    const caller = aCaller({ spaceId: aSpace() });
    const { partner } = await tc.core.partners.add(caller, aPartnerInput());
    const { partner: quiet } = await tc.core.partners.add(
      caller,
      aPartnerInput({ name: 'Archived Ltd', checkInCadence: undefined }),
    );
    await tc.core.partners.archive(caller, quiet.id);
    const logged = await tc.core.meetings.log(
      caller,
      aMeetingInput(partner.id, {
        occurredAt: '2026-03-02T10:00:00Z',
        actions: [
          { title: 'Overdue one', owner: { user: aUser(1) }, dueDate: '2026-03-05' },
          { title: 'Due later', owner: { user: aUser(1) }, dueDate: '2026-03-20' },
          { title: 'Done already', owner: { user: aUser(1) }, dueDate: '2026-03-04' },
        ],
      }),
    );
    const done = logged.actions.find((a) => a.title === 'Done already')!;
    await tc.core.actions.changeStatus(caller, { actionId: done.id, status: 'done' });

    const page = await tc.core.partners.standings(caller.scope, { limit: 10 });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({
      partner: { name: 'Northwind Logistics' },
      openActions: 2,
      overdueActions: 1,
      moreOpen: false,
      checkIn: { nextDueDate: '2026-03-16' },
    });
    expect(page.people[partner.relationshipOwnerId]?.displayName).toBe('Alex Wilber');
  });
});
