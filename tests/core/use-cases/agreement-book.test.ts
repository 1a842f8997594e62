import { AgreementBook } from '../../../core/agreements/agreement-book';
import { ConflictError, ForbiddenError, ValidationError } from '../../../core/errors';
import { aCaller, anAgreementInput, aPartnerInput, aUser } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

describe(AgreementBook.name, () => {
  let t: TestStore;
  let tc: TestCore;
  beforeAll(async () => {
    t = await openSqliteTestStore();
    tc = testCore(t.store);
  });
  afterAll(async () => t.dispose());

  async function setUp() {
    const alex = aCaller({ spaceId: aSpace(), user: aUser(1, 'Alex Wilber') });
    const priya = { ...alex, user: aUser(5, 'Priya Shah') };
    const megan = { ...alex, user: aUser(2, 'Megan Bowen') };
    const { partner } = await tc.core.partners.add(alex, aPartnerInput());
    return { alex, priya, megan, partner };
  }

  it('lets only the named representative acknowledge for a party', async () => {
    const { alex, priya, megan, partner } = await setUp();
    const { agreement } = await tc.core.agreements.propose(
      alex,
      anAgreementInput(partner.id, {
        parties: [
          { name: 'Customer Service team' },
          { partnerId: partner.id, representative: { user: aUser(5, 'Priya Shah') } },
        ],
      }),
    );
    await expect(
      tc.core.agreements.acknowledge(megan, { agreementId: agreement.id, partyId: 'party-2' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const acknowledged = await tc.core.agreements.acknowledge(priya, {
      agreementId: agreement.id,
      comment: 'Agreed for Northwind',
    });
    expect(acknowledged.agreement.acknowledgements).toEqual([
      {
        partyId: 'party-2',
        personId: agreement.parties[1]!.representativeId,
        at: tc.clock.now().toISOString(),
        comment: 'Agreed for Northwind',
      },
    ]);
  });

  it('does not let one person acknowledge for two parties', async () => {
    const { alex, partner } = await setUp();
    const { agreement } = await tc.core.agreements.propose(alex, anAgreementInput(partner.id));
    await tc.core.agreements.acknowledge(alex, { agreementId: agreement.id, partyId: 'party-1' });
    await expect(
      tc.core.agreements.acknowledge(alex, { agreementId: agreement.id, partyId: 'party-2' }),
    ).rejects.toEqual(new ForbiddenError('You have already acknowledged for another party'));
  });

  it('treats a repeated acknowledgement as done, storing one event', async () => {
    const { alex, partner } = await setUp();
    const { agreement } = await tc.core.agreements.propose(alex, anAgreementInput(partner.id));
    await tc.core.agreements.acknowledge(alex, { agreementId: agreement.id, partyId: 'party-1' });
    const again = await tc.core.agreements.acknowledge(alex, {
      agreementId: agreement.id,
      partyId: 'party-1',
    });
    expect(again.changed).toBe(false);
    const events = await tc.core.evidence.list(
      alex.scope,
      { kinds: ['agreement.acknowledged'] },
      { limit: 10 },
    );
    expect(events.items).toHaveLength(1);
  });

  it('asks which party when the caller could speak for several', async () => {
    const { alex, partner } = await setUp();
    const { agreement } = await tc.core.agreements.propose(
      alex,
      anAgreementInput(partner.id, {
        parties: [{ name: 'Customer Service' }, { name: 'Warehouse' }, { partnerId: partner.id }],
      }),
    );
    await expect(tc.core.agreements.acknowledge(alex, { agreementId: agreement.id })).rejects.toEqual(
      ValidationError.of('partyId', 'Choose the party you acknowledge for'),
    );
  });

  it('keeps a draft from being acknowledged until it is proposed', async () => {
    const { alex, megan, partner } = await setUp();
    const { agreement } = await tc.core.agreements.propose(
      alex,
      anAgreementInput(partner.id, { propose: false }),
    );
    expect(agreement.status).toBe('draft');
    await expect(
      tc.core.agreements.acknowledge(megan, { agreementId: agreement.id, partyId: 'party-2' }),
    ).rejects.toEqual(new ConflictError('This agreement is still a draft'));
    await tc.core.agreements.submit(alex, agreement.id);
    await expect(
      tc.core.agreements.acknowledge(megan, { agreementId: agreement.id, partyId: 'party-2' }),
    ).resolves.toMatchObject({ changed: true });
  });

  it.each([
    ['one party', { parties: [{ name: 'Only us' }] }, 'parties'],
    ['a single priority step', { priorityRule: ['Everything'] }, 'priorityRule'],
    [
      'a review date before it takes effect',
      { effectiveFrom: '2026-05-01', reviewDate: '2026-04-01' },
      'reviewDate',
    ],
    ['a party with neither partner nor name', { parties: [{ name: 'Us' }, {}] }, 'parties.1'],
  ])('refuses %s', async (_what, change, path) => {
    const { alex, partner } = await setUp();
    const error = await tc.core.agreements
      .propose(alex, anAgreementInput(partner.id, change as never))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toBe(path);
  });
});
