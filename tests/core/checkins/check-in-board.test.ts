import { CheckInBoard } from '../../../core/checkins/check-in-board';
import { aCaller, aMeetingInput, anAgreementInput, aPartnerInput } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

describe(CheckInBoard.name, () => {
  let t: TestStore;
  let tc: TestCore;

  beforeAll(async () => {
    t = await openSqliteTestStore();
    tc = testCore(t.store);
  });
  afterAll(async () => t.dispose());

  it('lists check-ins with the partners they are with', async () => {
    const caller = aCaller({ spaceId: aSpace() });
    const { partner } = await tc.core.partners.add(caller, aPartnerInput());
    const board = await tc.core.checkIns.list(caller.scope, {}, { limit: 10 });
    expect(board.items.map((c) => board.partners[c.partnerId]?.name)).toEqual(['Northwind Logistics']);
    expect(board.partners[partner.id]?.id).toBe(partner.id);
  });

  it('shows a meeting with the agreement it refers to', async () => {
    const caller = aCaller({ spaceId: aSpace() });
    const { partner } = await tc.core.partners.add(caller, aPartnerInput());
    const { agreement } = await tc.core.agreements.propose(caller, anAgreementInput(partner.id));
    const logged = await tc.core.meetings.log(
      caller,
      aMeetingInput(partner.id, { agreementId: agreement.id }),
    );
    expect(logged.agreement).toMatchObject({ id: agreement.id, status: 'proposed' });
    const plain = await tc.core.meetings.log(caller, aMeetingInput(partner.id, { title: 'No agreement' }));
    expect(plain.agreement).toBeUndefined();
  });
});
