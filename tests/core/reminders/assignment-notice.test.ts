import { ReminderDispatcher } from '../../../core/reminders/reminder-dispatcher';
import type { Reminder } from '../../../core/reminders/reminder';
import { aCaller, aMeetingInput, aPartnerInput, aUser } from '../../../testkit/factories';
import { RecordingNotifier } from '../../support/recording-notifier';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';

/**
 * Assignment notices: when an action gets an owner other than the person recording it, the owner is told once,
 * planned in the same transaction as the action and sent like a reminder, within the owner's window.
 */
for (const kind of STORE_KINDS) {
  describe(`assignment notices on ${kind.name}`, () => {
    let t: TestStore;
    let tc: TestCore;
    /** A fresh tenant per test: preferences and reminders are per person across a tenant. */
    let tenantId: string;

    beforeAll(async () => {
      t = await kind.open();
    });
    afterAll(async () => t.dispose());
    beforeEach(() => {
      // Monday 2 March 2026, 10:30 UTC: inside the default window (weekdays 09:00–17:00 UTC).
      const salt = Math.random().toString(36).slice(2, 8);
      tc = testCore(t.store, '2026-03-02T10:30:00Z', `${kind.name}${salt}`);
      tenantId = `assign-${salt}`;
    });

    const alex = aUser(1, 'Alex Wilber');
    const megan = aUser(2, 'Megan Bowen');
    const callerIn = (space: string) => aCaller({ tenantId, spaceId: aSpace(space), user: alex });
    const remindersOf = async (user = megan, statuses: Reminder['status'][] = []) =>
      (await tc.core.reminders.mine({ tenantId }, user, { limit: 50 }, statuses)).items;
    const noticesOf = async (user = megan) =>
      (await remindersOf(user)).filter((r) => r.kind === 'action_assigned');

    it('plans one notice, due now, with the action someone else gave them; none for their own actions', async () => {
      const caller = callerIn('assign');
      const { partner } = await tc.core.partners.add(caller, aPartnerInput({ checkInCadence: undefined }));
      const view = await tc.core.actions.create(caller, {
        title: 'Share the revised rota',
        owner: { user: megan },
        dueDate: '2026-03-09',
        partnerId: partner.id,
      });
      await tc.core.actions.create(caller, { title: 'My own', owner: { user: alex }, dueDate: '2026-03-09' });

      expect(await noticesOf()).toEqual([
        expect.objectContaining({
          kind: 'action_assigned',
          subjectType: 'action',
          subjectId: view.action.id,
          ownerId: view.action.ownerId,
          spaceId: caller.scope.spaceId,
          occursOn: '2026-03-02',
          dueAt: '2026-03-02T10:30:00.000Z',
          status: 'pending',
        }),
      ]);
      expect((await remindersOf()).map((r) => r.kind)).toEqual([
        'action_assigned',
        'action_due_soon',
        'action_due_today',
        'action_overdue',
      ]);
      expect((await remindersOf(alex)).map((r) => r.kind)).not.toContain('action_assigned');
    });

    it('gives none to a partner’s contact who owns an action: nothing here reaches them', async () => {
      const caller = callerIn('assign-contact');
      const { partner } = await tc.core.partners.add(caller, aPartnerInput({ checkInCadence: undefined }));
      const contactId = partner.contacts[0]!.personId;
      await tc.core.actions.create(caller, {
        title: 'Send the delivery figures',
        owner: { personId: contactId },
        dueDate: '2026-03-09',
        partnerId: partner.id,
      });
      const [action] = (await tc.core.actions.list(caller.scope, {}, { limit: 5 })).items;
      expect(action?.ownerId).toBe(contactId);
      const planned = (await t.raw(`SELECT kind FROM reminders WHERE subject_id = '${action!.id}'`)) as {
        kind: string;
      }[];
      expect(planned.map((r) => r.kind).sort()).toEqual([
        'action_due_soon',
        'action_due_today',
        'action_overdue',
      ]);
    });

    it('gives each owner of a logged meeting’s actions a notice, but not the person logging it', async () => {
      const caller = callerIn('assign-meeting');
      const { partner } = await tc.core.partners.add(caller, aPartnerInput({ checkInCadence: undefined }));
      const logged = await tc.core.meetings.log(
        caller,
        aMeetingInput(partner.id, {
          actions: [
            { title: 'Share the rota', owner: { user: megan }, dueDate: '2026-03-06' },
            { title: 'Send the figures', owner: { user: alex }, dueDate: '2026-03-13' },
            { title: 'Brief the agents', owner: { user: megan }, dueDate: '2026-03-13' },
          ],
        }),
      );
      const notices = await noticesOf();
      expect(notices.map((n) => n.subjectId).sort()).toEqual(
        [logged.actions[0]!.id, logged.actions[2]!.id].sort(),
      );
      expect((await noticesOf(alex)).length).toBe(0);
    });

    it('waits for the owner’s window: at night it comes when their working day starts', async () => {
      const caller = callerIn('assign-night');
      await tc.core.reminders.setPreferences(caller.scope, megan, {
        timeZone: 'America/New_York',
        windowStart: '08:30',
        windowEnd: '17:00',
        weekdays: [1, 2, 3, 4, 5],
      });
      // Friday 6 March, 23:00 in New York (Saturday 04:00 UTC): Monday 9 March, 08:30 there.
      tc.clock.set('2026-03-07T04:00:00Z');
      await tc.core.actions.create(caller, {
        title: 'Late idea',
        owner: { user: megan },
        dueDate: '2026-03-20',
      });
      expect(await noticesOf()).toMatchObject([
        { occursOn: '2026-03-06', dueAt: '2026-03-09T12:30:00.000Z' },
      ]);
    });

    it('stays while the action is open, goes when it is done, and is not planned once stopped', async () => {
      const caller = callerIn('assign-life');
      const meganHere = { scope: caller.scope, user: megan };
      tc.clock.set('2026-03-02T07:00:00Z');
      const first = await tc.core.actions.create(caller, {
        title: 'First',
        owner: { user: megan },
        dueDate: '2026-03-20',
      });
      await tc.core.actions.changeStatus(meganHere, { actionId: first.action.id, status: 'in_progress' });
      expect(await noticesOf()).toMatchObject([{ status: 'pending', dueAt: '2026-03-02T09:00:00.000Z' }]);
      await tc.core.actions.changeStatus(meganHere, { actionId: first.action.id, status: 'done' });
      expect(await noticesOf()).toMatchObject([{ status: 'cancelled' }]);

      const second = await tc.core.actions.create(caller, {
        title: 'Second',
        owner: { user: megan },
        dueDate: '2026-03-20',
      });
      await tc.core.reminders.stop(meganHere, 'assignment');
      const notices = await noticesOf();
      expect(notices.find((n) => n.subjectId === second.action.id)).toMatchObject({ status: 'cancelled' });
      await tc.core.actions.create(caller, { title: 'Third', owner: { user: megan }, dueDate: '2026-03-20' });
      expect(await noticesOf()).toHaveLength(2);
      // Stopping notices of new actions leaves the due reminders alone.
      expect(
        (await remindersOf(megan, ['pending'])).filter((r) => r.kind === 'action_due_today'),
      ).toHaveLength(2);
    });

    it('is sent as a notice naming who assigned it and the meeting it came from', async () => {
      const caller = callerIn('assign-send');
      const { partner } = await tc.core.partners.add(caller, aPartnerInput({ checkInCadence: undefined }));
      await tc.core.meetings.log(
        caller,
        aMeetingInput(partner.id, {
          occurredAt: '2026-03-02T10:00:00Z',
          actions: [{ title: 'Share the rota', owner: { user: megan }, dueDate: '2026-03-06' }],
        }),
      );
      const notifier = new RecordingNotifier();
      const dispatcher = new ReminderDispatcher({
        store: t.store,
        clock: tc.clock,
        notifier,
        retry: { maxAttempts: 3, baseMs: 1000, maxMs: 60_000 },
        worker: 'w1',
        batch: 50,
        leaseMs: 30_000,
      });
      await dispatcher.tick();
      const sent = notifier.sent.filter(
        (n) => n.tenantId === tenantId && n.items.some((i) => i.kind === 'action_assigned'),
      );
      expect(sent).toEqual([
        expect.objectContaining({
          owner: expect.objectContaining({ displayName: 'Megan Bowen' }),
          items: [
            expect.objectContaining({
              kind: 'action_assigned',
              title: 'Share the rota',
              date: '2026-03-06',
              partnerName: 'Northwind Logistics',
              assignerName: 'Alex Wilber',
              meetingAt: expect.stringMatching(/^2026-03-02T10:00/),
            }),
          ],
        }),
      ]);
      expect(await noticesOf()).toMatchObject([{ status: 'delivered' }]);
    });
  });
}
