import { RememberedActions } from '../../../core/actions/remembered-actions';
import type { AgreedAction } from '../../../core/actions/agreed-action';
import { aSpace } from '../../../testkit/test-core';
import { TENANT_A } from '../../../testkit/factories';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';

for (const kind of STORE_KINDS) {
  describe(`${RememberedActions.name} on ${kind.name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await kind.open();
    });
    afterAll(async () => t.dispose());
    // SQLite hands every transaction the same repositories: each test counts its own reads.
    afterEach(() => jest.restoreAllMocks());

    function anAction(spaceId: string): AgreedAction {
      return {
        id: `act_${spaceId.slice(-8)}`,
        tenantId: TENANT_A,
        spaceId,
        title: 'Send the revised rota',
        ownerId: 'per_owner',
        dueDate: '2026-12-18',
        status: 'open',
        version: 1,
        createdAt: '2026-12-04T09:00:00.000Z',
        updatedAt: '2026-12-04T09:00:00.000Z',
        createdBy: 'per_owner',
      };
    }

    it('answers a read of an action the transaction wrote from memory, equal to what the store holds', async () => {
      const scope = { tenantId: TENANT_A, spaceId: aSpace('remembered') };
      const action = anAction(scope.spaceId);
      await t.store.transaction(async (tx) => {
        const actions = new RememberedActions(tx.actions);
        const read = jest.spyOn(tx.actions, 'get');

        await actions.insert(action);
        expect(await actions.get(scope, action.id)).toEqual(action);
        expect(read).not.toHaveBeenCalled();

        const done = { ...action, status: 'done' as const, version: 2 };
        expect(await actions.update(done, 1)).toBe(true);
        expect(await actions.get(scope, action.id)).toEqual(done);
        expect(read).not.toHaveBeenCalled();
      });
      const stored = await t.store.transaction((tx) => tx.actions.get(scope, action.id));
      expect(stored).toEqual({ ...action, status: 'done', version: 2 });
    });

    it('reads from the store after an update it refused, and for actions it did not write', async () => {
      const scope = { tenantId: TENANT_A, spaceId: aSpace('remembered') };
      const action = anAction(scope.spaceId);
      await t.store.transaction((tx) => tx.actions.insert(action));
      await t.store.transaction(async (tx) => {
        const actions = new RememberedActions(tx.actions);
        const read = jest.spyOn(tx.actions, 'get');

        expect(await actions.get(scope, action.id)).toEqual(action);
        expect(await actions.update({ ...action, title: 'Stale', version: 8 }, 7)).toBe(false);
        expect(await actions.get(scope, action.id)).toEqual(action);
        expect(read).toHaveBeenCalledTimes(2);
      });
    });
  });
}
