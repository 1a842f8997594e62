import { ReminderDispatcher } from '../../../core/reminders/reminder-dispatcher';
import type { TenantDispatch } from '../../../core/reminders/tenant-dispatch';
import { aCaller, aPartnerInput, aUser } from '../../../testkit/factories';
import { RecordingNotifier } from '../../support/recording-notifier';
import { testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';

for (const kind of STORE_KINDS) {
  describe(`${ReminderDispatcher.name}: ${kind.name}`, () => {
    let t: TestStore;
    let tc: TestCore;
    let notifier: RecordingNotifier;
    const dispatcher = (worker = 'w1') =>
      new ReminderDispatcher({
        store: t.store,
        clock: tc.clock,
        notifier,
        retry: { maxAttempts: 3, baseMs: 1000, maxMs: 60_000 },
        worker,
        batch: 50,
        leaseMs: 30_000,
        random: () => 0.5,
      });
    beforeEach(async () => {
      t = await kind.open();
      tc = testCore(t.store, '2026-03-02T08:00:00Z', `${kind.name}${Math.random().toString(36).slice(2, 6)}`);
      notifier = new RecordingNotifier();
    });
    afterEach(async () => t.dispose());

    const alex = aCaller({ spaceId: 'team:dispatch', user: aUser(1, 'Alex Wilber') });
    const reminders = async () =>
      (await tc.core.reminders.mine({ tenantId: alex.scope.tenantId }, aUser(1), { limit: 50 })).items;
    const log = async (id: string) => tc.core.reminders.deliveries({ scope: alex.scope, user: aUser(1) }, id);

    it('sends nothing before the window, then one card per due reminder, and records it delivered', async () => {
      await tc.core.partners.add(alex, aPartnerInput({ checkInCadence: { every: 1, unit: 'day' } }));
      expect(await dispatcher().tick()).toBe(0);
      tc.clock.set('2026-03-03T09:00:00Z');
      expect(await dispatcher().tick()).toBe(1);
      expect(notifier.sent).toHaveLength(1);
      expect(notifier.sent[0]).toMatchObject({
        digest: false,
        owner: { displayName: 'Alex Wilber' },
        items: [{ kind: 'checkin_due', title: 'Check in with Northwind Logistics' }],
      });
      const [reminder] = await reminders();
      expect(reminder).toMatchObject({
        status: 'delivered',
        deliveredAt: '2026-03-03T09:00:00.000Z',
        attempts: 1,
      });
      expect(await log(reminder!.id)).toMatchObject([{ outcome: 'sent', route: 'personal' }]);
      expect(await dispatcher().tick()).toBe(0);
    });

    it('retries a throttled send after the Retry-After the service asked for, then gives up after the last attempt', async () => {
      await tc.core.partners.add(alex, aPartnerInput({ checkInCadence: { every: 1, unit: 'day' } }));
      tc.clock.set('2026-03-03T09:00:00Z');
      notifier.answer(
        { kind: 'retry', statusCode: 429, retryAfterMs: 7000, detail: 'Throttled' },
        { kind: 'retry', statusCode: 502, detail: 'Bad gateway' },
        { kind: 'retry', statusCode: 504, detail: 'Timeout' },
      );
      await dispatcher().tick();
      let [reminder] = await reminders();
      expect(reminder).toMatchObject({
        status: 'pending',
        attempts: 1,
        nextAttemptAt: '2026-03-03T09:00:07.000Z',
      });
      tc.clock.set('2026-03-03T09:00:06Z');
      expect(await dispatcher().tick()).toBe(0);
      tc.clock.set('2026-03-03T09:00:07Z');
      await dispatcher().tick();
      [reminder] = await reminders();
      // No Retry-After: jittered exponential backoff (random 0.5 → three quarters of 1000 × 2¹).
      expect(reminder).toMatchObject({
        status: 'pending',
        attempts: 2,
        nextAttemptAt: '2026-03-03T09:00:08.500Z',
      });
      tc.clock.set('2026-03-03T09:01:00Z');
      await dispatcher().tick();
      [reminder] = await reminders();
      expect(reminder).toMatchObject({ status: 'failed', attempts: 3 });
      expect((await log(reminder!.id)).map((a) => [a.outcome, a.statusCode])).toEqual([
        ['retry', 429],
        ['retry', 502],
        ['failed', 504],
      ]);
    });

    it('marks a reminder failed at once when it cannot be delivered at all', async () => {
      await tc.core.partners.add(alex, aPartnerInput({ checkInCadence: { every: 1, unit: 'day' } }));
      tc.clock.set('2026-03-03T09:00:00Z');
      notifier.answer({
        kind: 'failed',
        statusCode: 403,
        detail: 'The app is not installed for this person and no chat to fall back on',
      });
      await dispatcher().tick();
      expect(await reminders()).toMatchObject([
        {
          status: 'failed',
          lastError: 'The app is not installed for this person and no chat to fall back on',
        },
      ]);
    });

    it('takes over a reminder whose sender died mid-send once its lease runs out, sending it once more', async () => {
      await tc.core.partners.add(alex, aPartnerInput({ checkInCadence: { every: 1, unit: 'day' } }));
      tc.clock.set('2026-03-03T09:00:00Z');
      const claimed = await t.store.queue.claimDue(
        tc.clock.now().toISOString(),
        10,
        '2026-03-03T09:00:30.000Z',
        'crashed',
      );
      expect(claimed).toHaveLength(1);
      expect(await dispatcher('w2').tick()).toBe(0);
      tc.clock.set('2026-03-03T09:00:31Z');
      expect(await dispatcher('w2').tick()).toBe(1);
      expect(notifier.sent).toHaveLength(1);
      expect(
        await t.store.queue.finish(
          claimed[0]!,
          'crashed',
          { status: 'delivered', at: tc.clock.now().toISOString() },
          tc.clock.now().toISOString(),
          {
            tenantId: claimed[0]!.tenantId,
            reminderId: claimed[0]!.id,
            attempt: 1,
            at: tc.clock.now().toISOString(),
            outcome: 'sent',
          },
        ),
      ).toBe(false);
      // Both senders made attempt 1: the log keeps it once, and the late answer changes nothing else.
      const log = await t.store.read.reminders.deliveries(alex.scope, claimed[0]!.id);
      expect(log.map((a) => [a.attempt, a.outcome])).toEqual([[1, 'sent']]);
      // A later attempt of a worker without the lease is logged (it happened) and changes nothing either.
      const at = tc.clock.now().toISOString();
      const failed = { status: 'failed' as const, attempts: 2, error: 'late' };
      const attempt = { tenantId: alex.scope.tenantId, reminderId: claimed[0]!.id, attempt: 2, at };
      expect(
        await t.store.queue.finish(claimed[0]!, 'crashed', failed, at, { ...attempt, outcome: 'failed' }),
      ).toBe(false);
      const after = await t.store.read.reminders.deliveries(alex.scope, claimed[0]!.id);
      expect(after.map((a) => [a.attempt, a.outcome])).toEqual([
        [1, 'sent'],
        [2, 'failed'],
      ]);
      expect(await t.store.read.reminders.get(alex.scope, claimed[0]!.id)).toMatchObject({
        status: 'delivered',
      });
    });

    it('sends one digest card to an owner who chose it', async () => {
      await tc.core.reminders.setPreferences(alex.scope, aUser(1), {
        timeZone: 'UTC',
        windowStart: '09:00',
        windowEnd: '17:00',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        digest: true,
      });
      await tc.core.partners.add(
        alex,
        aPartnerInput({ name: 'Northwind', checkInCadence: { every: 1, unit: 'day' } }),
      );
      await tc.core.partners.add(
        alex,
        aPartnerInput({ name: 'Fabrikam', checkInCadence: { every: 1, unit: 'day' } }),
      );
      tc.clock.set('2026-03-03T09:00:00Z');
      await dispatcher().tick();
      expect(notifier.sent).toHaveLength(1);
      expect(notifier.sent[0]!.digest).toBe(true);
      expect(notifier.sent[0]!.items.map((i) => i.title).sort()).toEqual([
        'Check in with Fabrikam',
        'Check in with Northwind',
      ]);
    });

    it("tells its tenant dispatch once a tenant's last claimed message is recorded, not before", async () => {
      await tc.core.partners.add(
        alex,
        aPartnerInput({ name: 'Northwind', checkInCadence: { every: 1, unit: 'day' } }),
      );
      await tc.core.partners.add(
        alex,
        aPartnerInput({ name: 'Fabrikam', checkInCadence: { every: 1, unit: 'day' } }),
      );
      tc.clock.set('2026-03-03T09:00:00Z');
      const settled: { tenant: string; sentBefore: number }[] = [];
      const tenants: TenantDispatch = {
        claimable: () => Promise.resolve({ tenants: 'all', othersHoldDue: false }),
        settled: (tenant) => {
          settled.push({ tenant, sentBefore: notifier.sent.length });
          return Promise.resolve();
        },
      };
      const sending = new ReminderDispatcher({
        store: t.store,
        clock: tc.clock,
        notifier,
        retry: { maxAttempts: 3, baseMs: 1000, maxMs: 60_000 },
        worker: 'w1',
        batch: 50,
        leaseMs: 30_000,
        tenants,
      });
      expect(await sending.tick()).toBe(2);
      expect(settled).toEqual([{ tenant: alex.scope.tenantId, sentBefore: 2 }]);
    });
  });
}
