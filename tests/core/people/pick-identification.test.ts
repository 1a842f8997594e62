import { aCaller, aPartnerInput, aUser } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

/** `core.people.identify`: who each id a people picker submitted is, before the directory is connected. */
describe('identifying picked people', () => {
  let t: TestStore;
  let teams: TestCore;
  let local: TestCore;

  beforeAll(async () => {
    t = await openSqliteTestStore();
    teams = testCore(t.store, undefined, 'teams');
    local = testCore(t.store, undefined, 'local', { localPickerIds: true });
  });
  afterAll(async () => t.dispose());

  const tenant = (n: number) => ({ tenantId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` });

  it('asks the roster first, and a roster that lists someone picked by Teams user id names them', async () => {
    const scope = tenant(1);
    const megan = aUser(2, 'Megan Bowen');
    const pending = await t.store.transaction((tx) =>
      tx.people.upsertPending(scope, 'per_pick_1', '29:1meganB2c', '2026-03-02T09:00:00.000Z'),
    );
    const asked: string[] = [];
    const refs = await teams.core.people.identify(scope, ['29:1meganB2c'], {
      rosterMember: async (id) => (asked.push(id), megan),
    });
    expect(asked).toEqual(['29:1meganB2c']);
    expect(refs.get('29:1meganB2c')).toEqual({ user: megan });
    expect(await t.store.read.people.getMany(scope, [pending.id])).toEqual([
      expect.objectContaining({ displayName: 'Megan Bowen', aadObjectId: megan.aadObjectId }),
    ]);
  });

  it('then finds people already known in the tenant, by Entra object id or Teams user id', async () => {
    const caller = aCaller({ tenantId: tenant(2).tenantId, spaceId: aSpace() });
    const { partner } = await teams.core.partners.add(
      caller,
      aPartnerInput({ relationshipOwner: { user: aUser(7, 'Isaiah Langer') } }),
    );
    await teams.core.people.noteUser(caller.scope, aUser(7, 'Isaiah Langer'), '29:1isaiahL');
    const refs = await teams.core.people.identify(caller.scope, [
      aUser(7).aadObjectId.toUpperCase(),
      '29:1isaiahL',
    ]);
    const owner = { personId: partner.relationshipOwnerId };
    expect([...refs.values()]).toEqual([owner, owner]);
  });

  it('keeps anyone nobody can name as a pending person by the id picked; local ids only in local mode', async () => {
    const scope = tenant(3);
    const ids = ['ffffffff-ffff-4fff-8fff-fffffffffff1', '29:1leeG4uH7', 'user-id-2', '8:orgid:4d2f'];
    const inTeams = await teams.core.people.identify(scope, ids, { rosterMember: async () => undefined });
    expect(Object.fromEntries(inTeams)).toEqual({
      'ffffffff-ffff-4fff-8fff-fffffffffff1': { pending: 'ffffffff-ffff-4fff-8fff-fffffffffff1' },
      '29:1leeG4uH7': { pending: '29:1leeG4uH7' },
    });
    const inLocalMode = await local.core.people.identify(scope, ids);
    expect(inLocalMode.get('user-id-2')).toEqual({ pending: 'user-id-2' });
    expect(inLocalMode.has('8:orgid:4d2f')).toBe(false);
  });

  it('stores a pending owner with the record, and shows them as pending until they write', async () => {
    const caller = aCaller({ tenantId: tenant(4).tenantId, spaceId: aSpace() });
    const [ref] = (await local.core.people.identify(caller.scope, ['user-id-2'])).values();
    const { partner } = await local.core.partners.add(caller, aPartnerInput({ relationshipOwner: ref! }));
    const view = await local.core.partners.view(caller.scope, partner.id);
    expect(view.people[partner.relationshipOwnerId]).toMatchObject({
      pending: true,
      displayName: 'Pending person (user-id-2)',
    });

    await local.core.people.noteUser(caller.scope, aUser(22, 'Adele Vance'), 'user-id-2');
    const named = await local.core.partners.view(caller.scope, partner.id);
    expect(named.people[partner.relationshipOwnerId]).toMatchObject({ displayName: 'Adele Vance' });
    expect(named.people[partner.relationshipOwnerId]!.pending).toBeUndefined();
  });
});
