import { PeopleDirectory } from '../../../core/people/people-directory';
import { aCaller, aPartnerInput, aUser, TENANT_B } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

describe(PeopleDirectory.name, () => {
  let t: TestStore;
  let tc: TestCore;

  beforeAll(async () => {
    t = await openSqliteTestStore();
    tc = testCore(t.store);
  });
  afterAll(async () => t.dispose());

  it('finds users already met in the tenant, in any letter case, and nobody else', async () => {
    const caller = aCaller({ spaceId: aSpace(), user: aUser(7, 'Isaiah Langer') });
    await tc.core.partners.add(
      caller,
      aPartnerInput({ relationshipOwner: { user: aUser(7, 'Isaiah Langer') } }),
    );

    const found = await tc.core.people.knownUsers(caller.scope, [
      aUser(7).aadObjectId.toUpperCase(),
      aUser(8).aadObjectId,
    ]);
    expect(found.map((p) => p.displayName)).toEqual(['Isaiah Langer']);
    expect(await tc.core.people.knownUsers({ tenantId: TENANT_B }, [aUser(7).aadObjectId])).toEqual([]);
  });
});
