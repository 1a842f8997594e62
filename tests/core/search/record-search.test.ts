import { RecordSearch } from '../../../core/search/record-search';
import { ValidationError } from '../../../core/errors';
import {
  aCaller,
  aMeetingInput,
  anAgreementInput,
  aPartnerInput,
  aUser,
  TENANT_B,
} from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';

for (const kind of STORE_KINDS) {
  describe(`${RecordSearch.name} on ${kind.name}`, () => {
    let t: TestStore;
    let tc: TestCore;
    const caller = aCaller({ spaceId: aSpace('search') });

    beforeAll(async () => {
      t = await kind.open();
      tc = testCore(t.store);
      const { partner } = await tc.core.partners.add(caller, aPartnerInput({ name: 'Northwind Logistics' }));
      await tc.core.partners.add(
        caller,
        aPartnerInput({ name: 'Contoso Facilities', checkInCadence: undefined }),
      );
      await tc.core.meetings.log(
        caller,
        aMeetingInput(partner.id, {
          actions: [
            { title: 'Share 100% of the ROTA_2 figures', owner: { user: aUser(2) }, dueDate: '2026-03-06' },
            { title: 'Book the depot visit', owner: { user: aUser(1) }, dueDate: '2026-03-09' },
          ],
        }),
      );
      await tc.core.agreements.propose(
        caller,
        anAgreementInput(partner.id, { title: 'Peak-season priority' }),
      );
      const { partner: acme } = await tc.core.partners.add(
        caller,
        aPartnerInput({ name: 'Acme Cleaning', checkInCadence: undefined }),
      );
      await tc.core.agreements.propose(
        caller,
        anAgreementInput(acme.id, {
          title: 'Out-of-hours cleaning versus store opening',
          scenario: {
            internalDemand: 'Stores want floors cleaned before opening',
            externalDemand: 'Customers want weekend deep cleans booked first',
          },
        }),
      );
      await tc.core.meetings.log(
        caller,
        aMeetingInput(acme.id, {
          attendees: [{ user: aUser(1) }],
          actions: [{ title: 'Send the weekend rota', owner: { user: aUser(1) }, dueDate: '2026-03-10' }],
        }),
      );
    });
    afterAll(async () => t.dispose());

    it('finds partners by name prefix, open actions and agreements by title, in any ASCII case', async () => {
      const hits = await tc.core.search.find(caller.scope, { text: 'NORTH' });
      expect(hits.partners.map((p) => p.name)).toEqual(['Northwind Logistics']);
      expect(
        (await tc.core.search.find(caller.scope, { text: 'DEPOT' })).actions.map((a) => a.title),
      ).toEqual(['Book the depot visit']);
      const peak = await tc.core.search.find(caller.scope, { text: 'season' });
      expect(peak.agreements.map((a) => a.title)).toEqual(['Peak-season priority']);
      expect(peak.partners).toEqual([]);
    });

    it('treats % and _ as plain characters', async () => {
      expect((await tc.core.search.find(caller.scope, { text: '100%' })).actions).toHaveLength(1);
      expect((await tc.core.search.find(caller.scope, { text: 'a_2' })).actions).toHaveLength(1);
      expect((await tc.core.search.find(caller.scope, { text: 'A%2' })).actions).toHaveLength(0);
    });

    it('lists the first of each kind for an empty search, with the people they mention', async () => {
      const hits = await tc.core.search.find(caller.scope, { text: '  ', perKind: 1 });
      expect(hits.partners.map((p) => p.name)).toEqual(['Acme Cleaning']);
      expect(hits.actions.map((a) => a.dueDate)).toEqual(['2026-03-06']);
      expect(hits.agreements).toHaveLength(1);
      expect(hits.people[hits.actions[0]!.ownerId]?.displayName).toBe('User 2');
    });

    it('finds nothing from another tenant or space', async () => {
      for (const scope of [
        { tenantId: TENANT_B, spaceId: caller.scope.spaceId },
        { tenantId: caller.scope.tenantId, spaceId: aSpace() },
      ]) {
        const hits = await tc.core.search.find(scope, { text: '' });
        expect([...hits.partners, ...hits.actions, ...hits.agreements]).toEqual([]);
      }
    });

    it('reads a question with no literal match as partner name, kind and topic words', async () => {
      const hits = await tc.core.search.find(caller.scope, {
        text: 'What did we agree with Acme about priorities?',
      });
      expect(hits.agreements.map((a) => a.title)).toEqual(['Out-of-hours cleaning versus store opening']);
      expect(hits.actions).toEqual([]);
      expect(hits.partners).toEqual([]);
    });

    it('ranks a question’s topic words over the rest and names the partners of the actions', async () => {
      const hits = await tc.core.search.find(caller.scope, {
        text: 'open tasks for acme about the weekends',
      });
      expect(hits.actions.map((a) => a.title)).toEqual(['Send the weekend rota']);
      expect(hits.agreements).toEqual([]);
      expect(hits.partnerNames[hits.actions[0]!.partnerId!]).toBe('Acme Cleaning');
      const byTopic = await tc.core.search.find(caller.scope, { text: 'agreements on peak seasons' });
      expect(byTopic.agreements.map((a) => a.title)).toEqual(['Peak-season priority']);
    });

    it('finds nothing for a question of stop words only', async () => {
      const hits = await tc.core.search.find(caller.scope, { text: 'what did we do about it' });
      expect([...hits.partners, ...hits.actions, ...hits.agreements]).toEqual([]);
    });

    it('refuses an over-long search', async () => {
      await expect(tc.core.search.find(caller.scope, { text: 'x'.repeat(101) })).rejects.toBeInstanceOf(
        ValidationError,
      );
    });
  });
}
