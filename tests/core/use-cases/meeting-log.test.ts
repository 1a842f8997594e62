import { MeetingLog } from '../../../core/meetings/meeting-log';
import { NotFoundError, ValidationError } from '../../../core/errors';
import { aCaller, aMeetingInput, aPartnerInput, aUser } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

describe(MeetingLog.name, () => {
  let t: TestStore;
  let tc: TestCore;
  beforeAll(async () => {
    t = await openSqliteTestStore();
    tc = testCore(t.store);
  });
  afterAll(async () => t.dispose());

  async function spaceWithPartner(overrides = {}) {
    const caller = aCaller({ spaceId: aSpace() });
    const { partner } = await tc.core.partners.add(caller, aPartnerInput(overrides));
    return { caller, partner };
  }

  it('tags a meeting with an internal customer as evidence of working with internal customers', async () => {
    const { caller, partner } = await spaceWithPartner({ name: 'Finance', kind: 'internal_customer' });
    await tc.core.meetings.log(caller, aMeetingInput(partner.id, { type: 'negotiation', actions: [] }));
    const [event] = (await tc.core.evidence.list(caller.scope, { kinds: ['meeting.logged'] }, { limit: 1 }))
      .items;
    expect(event!.criteria).toEqual(['P3', 'P5', 'P6', 'P8', 'P10', 'K2', 'K3', 'K8']);
  });

  it('refuses actions due before the meeting, naming the field', async () => {
    const { caller, partner } = await spaceWithPartner();
    const input = aMeetingInput(partner.id, {
      actions: [{ title: 'Too early', owner: { user: aUser(1) }, dueDate: '2026-03-01' }],
    });
    await expect(tc.core.meetings.log(caller, input)).rejects.toEqual(
      new ValidationError([{ path: 'actions.0.dueDate', message: 'Due date is before the meeting' }]),
    );
  });

  it.each([
    ['a partner listed twice', (id: string) => ({ partnerIds: [id, id] }), 'partnerIds'],
    ['no partner', () => ({ partnerIds: [] }), 'partnerIds'],
    ['an empty title', () => ({ title: '   ' }), 'title'],
    ['a title with a control character', () => ({ title: 'Review\u0007' }), 'title'],
    ['minutes over 20,000 characters', () => ({ minutes: 'x'.repeat(20_001) }), 'minutes'],
    ['a time without a zone', () => ({ occurredAt: '2026-03-02T10:00:00' }), 'occurredAt'],
    ['an unknown meeting type', () => ({ type: 'party' as never }), 'type'],
  ])('refuses %s and stores nothing', async (_what, change, path) => {
    const { caller, partner } = await spaceWithPartner();
    const error = await tc.core.meetings
      .log(caller, aMeetingInput(partner.id, change(partner.id)))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]!.path).toBe(path);
    expect((await tc.core.meetings.list(caller.scope, {}, { limit: 5 })).items).toEqual([]);
  });

  it('refuses an agreement id from another space', async () => {
    const { caller, partner } = await spaceWithPartner();
    await expect(
      tc.core.meetings.log(caller, aMeetingInput(partner.id, { agreementId: 'agr_elsewhere' })),
    ).rejects.toEqual(new NotFoundError('Agreement', 'agr_elsewhere'));
  });

  it('moves the next check-in on from the meeting, but a backfilled older meeting does not move it back', async () => {
    const { caller, partner } = await spaceWithPartner({ checkInCadence: { every: 1, unit: 'month' } });
    await tc.core.meetings.log(
      caller,
      aMeetingInput(partner.id, { occurredAt: '2026-01-31T10:00:00Z', actions: [] }),
    );
    let view = await tc.core.partners.view(caller.scope, partner.id);
    expect(view.checkIn).toMatchObject({ lastCompletedOn: '2026-01-31', nextDueDate: '2026-02-28' });

    await tc.core.meetings.log(
      caller,
      aMeetingInput(partner.id, { occurredAt: '2026-01-10T10:00:00Z', actions: [] }),
    );
    view = await tc.core.partners.view(caller.scope, partner.id);
    expect(view.checkIn).toMatchObject({ lastCompletedOn: '2026-01-31', nextDueDate: '2026-02-28' });
  });

  it('attaches the action to its partner when the meeting has exactly one', async () => {
    const { caller, partner } = await spaceWithPartner();
    const { actions } = await tc.core.meetings.log(caller, aMeetingInput(partner.id));
    expect(actions.every((a) => a.partnerId === partner.id && a.status === 'open')).toBe(true);
  });
});
