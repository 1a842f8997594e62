import { ReminderPlanner } from '../../../core/reminders/reminder-planner';
import { NotFoundError } from '../../../core/errors';
import { ReminderSqlRepository } from '../../../adapters/store/sql/reminder-sql-repository';
import { aCaller, aMeetingInput, aPartnerInput, aUser } from '../../../testkit/factories';
import { testCore, type TestCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

describe(ReminderPlanner.name, () => {
  let t: TestStore;
  let tc: TestCore;
  beforeEach(async () => {
    t = await openSqliteTestStore();
    tc = testCore(t.store, '2026-03-02T09:30:00Z');
  });
  afterEach(async () => t.dispose());

  const alex = () => aCaller({ spaceId: 'team:reminders', user: aUser(1, 'Alex Wilber') });
  const mine = async () =>
    (await tc.core.reminders.mine({ tenantId: alex().scope.tenantId }, aUser(1), { limit: 50 })).items;
  const pending = async () => (await mine()).filter((r) => r.status === 'pending');

  it('plans a check-in reminder for the owner at their window on the due day', async () => {
    await tc.core.partners.add(alex(), aPartnerInput({ checkInCadence: { every: 1, unit: 'day' } }));
    expect(await pending()).toMatchObject([
      { kind: 'checkin_due', occursOn: '2026-03-03', dueAt: '2026-03-03T09:00:00.000Z' },
    ]);
  });

  it('moves the check-in reminder when a meeting completes the check-in', async () => {
    const { partner } = await tc.core.partners.add(
      alex(),
      aPartnerInput({ checkInCadence: { every: 2, unit: 'week' } }),
    );
    tc.clock.set('2026-03-10T15:00:00Z');
    await tc.core.meetings.log(
      alex(),
      aMeetingInput(partner.id, { occurredAt: '2026-03-10T14:00:00Z', actions: [] }),
    );
    const all = await mine();
    expect(all.map((r) => [r.kind, r.occursOn, r.status])).toEqual([
      ['checkin_due', '2026-03-16', 'cancelled'],
      ['checkin_due', '2026-03-24', 'pending'],
    ]);
  });

  it('leaves a reminder still wanted as it is when its subject is planned again, without writing it', async () => {
    const input = aPartnerInput({ checkInCadence: { every: 1, unit: 'day' } });
    const { partner } = await tc.core.partners.add(alex(), input);
    const [before] = await pending();
    const inserts = jest.spyOn(ReminderSqlRepository.prototype, 'insert');
    try {
      await tc.core.partners.update(alex(), partner.id, { ...input, name: 'Northwind Freight' }, 1);
      expect(inserts).not.toHaveBeenCalled();
    } finally {
      inserts.mockRestore();
    }
    expect(await pending()).toEqual([before]);
  });

  it('plans three reminders for an open action and cancels them when it is done', async () => {
    const { partner } = await tc.core.partners.add(alex(), aPartnerInput({ checkInCadence: undefined }));
    const { actions } = await tc.core.meetings.log(
      alex(),
      aMeetingInput(partner.id, {
        actions: [{ title: 'Share the rota', owner: { user: aUser(1) }, dueDate: '2026-03-09' }],
      }),
    );
    expect((await pending()).map((r) => [r.kind, r.occursOn])).toEqual([
      ['action_due_soon', '2026-03-06'],
      ['action_due_today', '2026-03-09'],
      ['action_overdue', '2026-03-10'],
    ]);
    await tc.core.actions.changeStatus(alex(), { actionId: actions[0]!.id, status: 'done' });
    expect(await pending()).toEqual([]);
  });

  it('sends one reminder, not a backlog, for an action agreed after its dates passed', async () => {
    const { partner } = await tc.core.partners.add(alex(), aPartnerInput({ checkInCadence: undefined }));
    await tc.core.actions.create(alex(), {
      title: 'Backfilled',
      owner: { user: aUser(1) },
      dueDate: '2026-02-20',
      partnerId: partner.id,
    });
    expect(await pending()).toMatchObject([
      { kind: 'action_overdue', occursOn: '2026-02-23', dueAt: '2026-03-02T09:30:00.000Z' },
    ]);
  });

  it('plans review reminders for an agreed agreement and an SLA', async () => {
    const me = alex();
    const { partner } = await tc.core.partners.add(me, aPartnerInput({ checkInCadence: undefined }));
    await tc.core.slas.define(me, {
      partnerId: partner.id,
      metric: 'csat',
      target: { comparator: 'at_least', value: 80, unit: 'percent' },
      period: 'monthly',
      reviewDate: '2026-06-30',
    });
    expect((await pending()).map((r) => r.kind)).toEqual(['sla_review']);
  });

  it('re-times pending reminders when the owner changes their window, and stops a family on request', async () => {
    await tc.core.partners.add(alex(), aPartnerInput({ checkInCadence: { every: 1, unit: 'week' } }));
    await tc.core.reminders.setPreferences(alex().scope, aUser(1), {
      timeZone: 'America/New_York',
      windowStart: '08:30',
      windowEnd: '12:00',
      weekdays: [1, 2, 3, 4, 5],
    });
    expect(await pending()).toMatchObject([{ occursOn: '2026-03-09', dueAt: '2026-03-09T12:30:00.000Z' }]);
    await tc.core.reminders.stop({ scope: alex().scope, user: aUser(1) }, 'checkin');
    expect(await pending()).toEqual([]);
  });

  it('learns the time zone Teams reports and re-times reminders to it', async () => {
    await tc.core.partners.add(alex(), aPartnerInput({ checkInCadence: { every: 1, unit: 'day' } }));
    await tc.core.reminders.noteTimeZone(alex().scope, aUser(1), 'Asia/Kolkata');
    expect(await pending()).toMatchObject([{ dueAt: '2026-03-03T03:30:00.000Z' }]);
    await tc.core.reminders.noteTimeZone(alex().scope, aUser(1), 'Not/AZone');
    expect((await tc.core.reminders.preferences(alex().scope, aUser(1))).timeZone).toBe('Asia/Kolkata');
  });

  it('notes the zone of someone who becomes known right after Teams first reported it', async () => {
    await tc.core.reminders.noteTimeZone(alex().scope, aUser(1), 'Asia/Kolkata');
    await tc.core.partners.add(alex(), aPartnerInput({ checkInCadence: { every: 1, unit: 'day' } }));
    await tc.core.reminders.noteTimeZone(alex().scope, aUser(1), 'Asia/Kolkata');
    expect(await pending()).toMatchObject([{ dueAt: '2026-03-03T03:30:00.000Z' }]);
  });

  it('snoozes a reminder for a day or a week; to anyone else it does not exist', async () => {
    await tc.core.partners.add(alex(), aPartnerInput({ checkInCadence: { every: 1, unit: 'day' } }));
    const [reminder] = await pending();
    await expect(
      tc.core.reminders.snooze(
        { scope: alex().scope, user: aUser(2) },
        { reminderId: reminder!.id, for: '1d' },
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    const repeat = await tc.core.reminders.snooze(
      { scope: alex().scope, user: aUser(1) },
      { reminderId: reminder!.id, for: '1w' },
    );
    expect(repeat).toMatchObject({
      kind: 'checkin_due',
      occursOn: '2026-03-09',
      dueAt: '2026-03-09T09:00:00.000Z',
      snoozeOf: reminder!.id,
      status: 'pending',
    });
    const twice = await tc.core.reminders.snooze(
      { scope: alex().scope, user: aUser(1) },
      { reminderId: reminder!.id, for: '1w' },
    );
    expect(twice.id).toBe(repeat.id);
  });
});
