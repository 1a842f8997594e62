import { NotFoundError } from '../../../core/errors';
import { PartnerDirectory } from '../../../core/partners/partner-directory';
import { aCaller, aPartnerInput } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

describe(PartnerDirectory.name, () => {
  let t: TestStore;
  let tc: TestCore;
  beforeAll(async () => {
    t = await openSqliteTestStore();
    tc = testCore(t.store);
  });
  afterAll(async () => t.dispose());

  it('tags a partner whose authority is recorded as evidence of identifying power and authority', async () => {
    const caller = aCaller({ spaceId: aSpace() });
    await tc.core.partners.add(caller, aPartnerInput());
    const [added] = (await tc.core.evidence.list(caller.scope, { kinds: ['partner.added'] }, { limit: 1 }))
      .items;
    expect(added!.criteria).toEqual(['P1', 'P2', 'P9', 'K1', 'K9', 'K10', 'K11']);
    expect(JSON.stringify(added!.snapshot)).not.toContain('Priya');
  });

  it('keeps contact details out of evidence and updates them in place', async () => {
    const caller = aCaller({ spaceId: aSpace() });
    const { partner } = await tc.core.partners.add(caller, aPartnerInput());
    const contact = partner.contacts[0]!;
    const input = aPartnerInput();
    input.contacts = [
      { ...input.contacts[0]!, personId: contact.personId, details: { displayName: 'Priya Shah-Patel' } },
    ];
    const updated = await tc.core.partners.update(caller, partner.id, input, partner.version);
    expect(updated.people[contact.personId]!.displayName).toBe('Priya Shah-Patel');
    expect(updated.partner.contacts[0]!.personId).toBe(contact.personId);
  });

  it("refuses another partner's contact id", async () => {
    const caller = aCaller({ spaceId: aSpace() });
    const first = await tc.core.partners.add(caller, aPartnerInput({ name: 'First' }));
    const second = await tc.core.partners.add(caller, aPartnerInput({ name: 'Second' }));
    const input = aPartnerInput({ name: 'Second' });
    input.contacts = [{ ...input.contacts[0]!, personId: first.partner.contacts[0]!.personId }];
    await expect(tc.core.partners.update(caller, second.partner.id, input, 1)).rejects.toBeInstanceOf(
      NotFoundError,
    );
  });

  it('stops check-ins when the cadence is removed or the partner archived, and keeps the history', async () => {
    const caller = aCaller({ spaceId: aSpace() });
    const { partner } = await tc.core.partners.add(caller, aPartnerInput());
    const withoutCadence = await tc.core.partners.update(
      caller,
      partner.id,
      aPartnerInput({ checkInCadence: undefined }),
      1,
    );
    expect(withoutCadence.checkIn?.active).toBe(false);
    const archived = await tc.core.partners.archive(caller, partner.id);
    expect(archived.partner.status).toBe('archived');
    const kinds = (await tc.core.evidence.list(caller.scope, {}, { limit: 10 })).items.map((e) => e.kind);
    expect(kinds).toEqual(['partner.added', 'checkin.scheduled', 'partner.updated', 'partner.archived']);
  });

  it('re-times the schedule from the last completed check-in when the cadence changes', async () => {
    const caller = aCaller({ spaceId: aSpace() });
    const { partner } = await tc.core.partners.add(
      caller,
      aPartnerInput({ checkInCadence: { every: 2, unit: 'week' } }),
    );
    const weekly = await tc.core.partners.update(
      caller,
      partner.id,
      aPartnerInput({ checkInCadence: { every: 1, unit: 'week' } }),
      1,
    );
    expect(weekly.checkIn).toMatchObject({ nextDueDate: '2026-03-09', cadence: { every: 1, unit: 'week' } });
  });
});
