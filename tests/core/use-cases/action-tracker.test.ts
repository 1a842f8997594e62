import { ActionTracker } from '../../../core/actions/action-tracker';
import { ConflictError, ForbiddenError, ValidationError } from '../../../core/errors';
import { aCaller, aMeetingInput, aPartnerInput, aUser } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

describe(ActionTracker.name, () => {
  let t: TestStore;
  let tc: TestCore;
  beforeAll(async () => {
    t = await openSqliteTestStore();
    tc = testCore(t.store);
  });
  afterAll(async () => t.dispose());

  /** A meeting whose first action is owned by Megan (user 2) and was agreed by Alex (user 1). */
  async function anAction() {
    const alex = aCaller({ spaceId: aSpace(), user: aUser(1, 'Alex Wilber') });
    const megan = { ...alex, user: aUser(2, 'Megan Bowen') };
    const stranger = { ...alex, user: aUser(3, 'Isaiah Langer') };
    const { partner } = await tc.core.partners.add(alex, aPartnerInput());
    const { actions } = await tc.core.meetings.log(alex, aMeetingInput(partner.id));
    return { alex, megan, stranger, action: actions[0]! };
  }

  const statusEvents = async (scope: { tenantId: string; spaceId: string }) =>
    (await tc.core.evidence.list(scope, { kinds: ['action.status_changed'] }, { limit: 50 })).items;

  it('lets the owner mark their action done, with a note, as evidence of maintaining the relationship', async () => {
    const { megan, action } = await anAction();
    const view = await tc.core.actions.changeStatus(megan, {
      actionId: action.id,
      status: 'done',
      note: 'Rota shared on Teams',
    });
    expect(view.action).toMatchObject({
      status: 'done',
      completionNote: 'Rota shared on Teams',
      completedAt: tc.clock.now().toISOString(),
      version: 2,
    });
    const [event] = await statusEvents(megan.scope);
    expect(event!.snapshot).toMatchObject({ from: 'open', to: 'done' });
    expect(event!.criteria).toEqual(['P8', 'P12']);
  });

  it('stores one event when "Mark done" is clicked twice', async () => {
    const { megan, action } = await anAction();
    await tc.core.actions.changeStatus(megan, { actionId: action.id, status: 'done' });
    const again = await tc.core.actions.changeStatus(megan, { actionId: action.id, status: 'done' });
    expect(again.changed).toBe(false);
    expect(await statusEvents(megan.scope)).toHaveLength(1);
  });

  it('lets the person who agreed it change it, but nobody else', async () => {
    const { alex, stranger, action } = await anAction();
    await expect(
      tc.core.actions.changeStatus(stranger, { actionId: action.id, status: 'done' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      tc.core.actions.changeStatus(alex, { actionId: action.id, status: 'in_progress' }),
    ).resolves.toMatchObject({ changed: true });
  });

  it('asks what blocks an action', async () => {
    const { megan, action } = await anAction();
    await expect(
      tc.core.actions.changeStatus(megan, { actionId: action.id, status: 'blocked' }),
    ).rejects.toEqual(new ValidationError([{ path: 'note', message: 'Say what blocks it' }]));
  });

  it('refuses moves that make no sense, and allows reopening as a correction', async () => {
    const { megan, action } = await anAction();
    await tc.core.actions.changeStatus(megan, { actionId: action.id, status: 'cancelled' });
    await expect(
      tc.core.actions.changeStatus(megan, { actionId: action.id, status: 'done' }),
    ).rejects.toEqual(new ConflictError('An action that is cancelled cannot become done'));
    await expect(
      tc.core.actions.changeStatus(megan, { actionId: action.id, status: 'open' }),
    ).resolves.toMatchObject({ action: { status: 'open' } });
    expect((await statusEvents(megan.scope)).map((e) => e.snapshot.to)).toEqual(['cancelled', 'open']);
  });

  it("lists a person's own actions across spaces with their names", async () => {
    const first = await anAction();
    const mine = await tc.core.actions.listMine(
      { tenantId: first.megan.scope.tenantId },
      aUser(2).aadObjectId,
      {},
      { limit: 100 },
    );
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((a) => mine.people[a.ownerId]?.displayName === 'Megan Bowen')).toBe(true);
  });
});
