import { z } from 'zod';
import { addDays } from '../common/dates';
import type { Caller } from '../common/caller';
import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import { parseInput } from '../common/parse';
import type { TenantScope } from '../common/scope';
import { NotFoundError } from '../errors';
import type { TeamsUser } from '../people/person';
import { PeopleResolver, withPeople, type PageWithPeople } from '../people/people-resolver';
import type { Clock, Ids, Repositories, Store, StoreReaders } from '../ports';
import type { ReminderReader } from './reminder-repository';
import type { UnreachableOwner } from './unreachable-owner';
import { sendTime } from './delivery-window';
import { familyOf, type DeliveryAttempt, type Reminder, type ReminderStatus } from './reminder';
import { preferencesOf } from './reminder-planner';
import {
  REMINDER_FAMILIES,
  ReminderPreferencesInput,
  type ReminderPreferences,
} from './reminder-preferences';
import { isTimeZone, wallClock } from '../common/zoned-time';
import { RecentNotes } from '../common/recent-notes';

/** How long a snooze lasts. */
export const SNOOZES = { '1d': 1, '1w': 7 } as const;

/** A snooze as asked for from a reminder card. */
export const SnoozeInput = z.object({
  reminderId: z.string().min(1).max(64),
  for: z.enum(['1d', '1w'], { error: 'Snooze for a day (1d) or a week (1w)' }),
});
/** A snooze as asked for. */
export type SnoozeInput = z.input<typeof SnoozeInput>;

/** "Stop these reminders", for one family (or the family of a reminder). */
export const StopInput = z.object({ family: z.enum(REMINDER_FAMILIES) });

/**
 * Reminders as their owners see them: their preferences (time zone, window, days, digest), snoozing and
 * stopping from a card, and the list of their reminders with each one's delivery log.
 */
export class ReminderBook {
  private readonly people: PeopleResolver;

  /** Time zones this process found or made stored lately, by user: most turns then read nothing. */
  private readonly notedZones: RecentNotes<boolean>;

  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {
    this.people = new PeopleResolver(deps.ids);
    this.notedZones = new RecentNotes(deps.clock);
  }

  /** The caller's preferences (the defaults until they choose). */
  async preferences(scope: TenantScope, user: TeamsUser): Promise<ReminderPreferences> {
    const me = await this.deps.store.read.people.findByAadObjectId(scope, user.aadObjectId);
    return preferencesOf(this.deps.store.read, scope, me?.id ?? '');
  }

  /** Changes the caller's preferences and moves their pending reminders to the new window. */
  async setPreferences(
    scope: TenantScope,
    user: TeamsUser,
    input: ReminderPreferencesInput,
  ): Promise<ReminderPreferences> {
    const prefs = parseInput(ReminderPreferencesInput, input);
    return this.deps.store.transaction(async (tx) => {
      const now = this.deps.clock.now().toISOString();
      const me = await this.people.user(tx, scope, user, now);
      await this.apply(tx, scope, me.id, prefs, now);
      return prefs;
    });
  }

  /**
   * Remembers the time zone Teams reports for someone the product already knows (activities carry it), so their
   * reminders come in their working hours. Someone it does not know yet is not recorded just for this: they
   * have no reminders. Costs two reads when nothing changed, and none when this process noted the same zone for
   * them in the last minute ({@link RecentNotes}).
   */
  async noteTimeZone(scope: TenantScope, user: TeamsUser, timeZone: string): Promise<void> {
    if (!isTimeZone(timeZone)) return;
    const note = `${scope.tenantId} ${user.aadObjectId.toLowerCase()}`;
    // Kept only once they are known: someone who becomes known within the minute gets their zone at once.
    await this.notedZones.note(
      note,
      timeZone,
      () => this.storeTimeZone(scope, user, timeZone),
      (known) => known,
    );
  }

  /** Stores a known user's time zone; false when the product does not know them yet. */
  private async storeTimeZone(scope: TenantScope, user: TeamsUser, timeZone: string): Promise<boolean> {
    const read = this.deps.store.read;
    const me = await read.people.findByAadObjectId(scope, user.aadObjectId);
    if (!me) return false;
    if ((await preferencesOf(read, scope, me.id)).timeZone === timeZone) return true;
    await this.deps.store.transaction(async (tx) => {
      const now = this.deps.clock.now().toISOString();
      const prefs = await preferencesOf(tx, scope, me.id);
      if (prefs.timeZone !== timeZone) await this.apply(tx, scope, me.id, { ...prefs, timeZone }, now);
    });
    return true;
  }

  /** Snoozes a delivered reminder: the same reminder comes again a day or a week later, in the owner's window. */
  async snooze(caller: Pick<Caller, 'user'> & { scope: TenantScope }, input: SnoozeInput): Promise<Reminder> {
    const { reminderId, for: length } = parseInput(SnoozeInput, input);
    return this.deps.store.transaction(async (tx) => {
      const now = this.deps.clock.now();
      const original = await this.ownReminder(tx, caller, reminderId);
      const prefs = await preferencesOf(tx, caller.scope, original.ownerId);
      const on = addDays(wallClock(now, prefs.timeZone).date, SNOOZES[length]);
      const repeat: Reminder = {
        ...original,
        id: this.deps.ids.next('rem'),
        key: `${original.key}:snooze:${on}`,
        occursOn: on,
        dueAt: sendTime(on, prefs, now).toISOString(),
        status: 'pending',
        attempts: 0,
        nextAttemptAt: undefined,
        leaseUntil: undefined,
        leaseOwner: undefined,
        lastError: undefined,
        deliveredAt: undefined,
        snoozeOf: original.snoozeOf ?? original.id,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      await tx.reminders.insert(repeat);
      return (
        (await tx.reminders.get(caller.scope, repeat.id)) ??
        (await this.findByKey(tx, caller.scope, original, repeat.key))
      );
    });
  }

  /** Stops a family of reminders for the caller, and cancels the pending ones. */
  async stop(
    caller: Pick<Caller, 'user'> & { scope: TenantScope },
    family: z.input<typeof StopInput>['family'],
  ): Promise<ReminderPreferences> {
    const { family: stopped } = parseInput(StopInput, { family });
    return this.deps.store.transaction(async (tx) => {
      const now = this.deps.clock.now().toISOString();
      const me = await this.people.user(tx, caller.scope, caller.user, now);
      const prefs = await preferencesOf(tx, caller.scope, me.id);
      const next = { ...prefs, stopped: [...new Set([...prefs.stopped, stopped])] };
      await this.apply(tx, caller.scope, me.id, next, now);
      return next;
    });
  }

  /** The caller's reminders across the tenant, soonest first; only those in `statuses` when given. */
  async mine(
    scope: TenantScope,
    user: TeamsUser,
    page: PageRequest,
    statuses: readonly ReminderStatus[] = [],
  ): Promise<Page<Reminder>> {
    const me = await this.deps.store.read.people.findByAadObjectId(scope, user.aadObjectId);
    if (!me) return { items: [], nextCursor: null };
    return this.deps.store.read.reminders.listForOwner(scope, me.id, statuses, page);
  }

  /**
   * Owners nothing could reach about work the caller assigned them (the newest fifty), with their names: the
   * caller's "My work" lists them so they can pass the word on themselves.
   */
  async unreachableAssigned(scope: TenantScope, user: TeamsUser): Promise<PageWithPeople<UnreachableOwner>> {
    const read = this.deps.store.read;
    const me = await read.people.findByAadObjectId(scope, user.aadObjectId);
    if (!me) return { items: [], nextCursor: null, people: {} };
    const items = await read.reminders.unreachableAssigned(scope, me.id, 50);
    return withPeople(read, scope, { items, nextCursor: null }, (u) => [u.ownerId]);
  }

  /** The delivery log of one of the caller's reminders. */
  async deliveries(
    caller: Pick<Caller, 'user'> & { scope: TenantScope },
    reminderId: string,
  ): Promise<DeliveryAttempt[]> {
    const reminder = await this.ownReminder(this.deps.store.read, caller, reminderId);
    return this.deps.store.read.reminders.deliveries(caller.scope, reminder.id);
  }

  /** Saves preferences, cancels stopped families and re-times the owner's pending reminders. */
  private async apply(
    tx: Repositories,
    scope: TenantScope,
    ownerId: string,
    prefs: ReminderPreferences,
    now: string,
  ): Promise<void> {
    // Preferences changed another way (the tab, a stop) are checked against the next zone Teams reports.
    this.notedZones.forgetAll();
    await tx.reminders.savePreferences(scope, ownerId, prefs, now);
    const pending = await tx.reminders.pendingForOwner(scope, ownerId);
    const stopped = pending.filter((r) => prefs.stopped.includes(familyOf(r.kind)));
    await tx.reminders.cancel(
      scope,
      stopped.map((r) => r.id),
      now,
    );
    for (const r of pending.filter((p) => !stopped.includes(p))) {
      const dueAt = sendTime(r.occursOn, prefs, new Date(now)).toISOString();
      if (dueAt !== r.dueAt) await tx.reminders.reschedule(scope, r.id, dueAt, now);
    }
  }

  private async ownReminder(
    read: {
      reminders: Pick<ReminderReader, 'get'>;
      people: Pick<StoreReaders['people'], 'findByAadObjectId'>;
    },
    caller: Pick<Caller, 'user'> & { scope: TenantScope },
    reminderId: string,
  ): Promise<Reminder> {
    const reminder = await read.reminders.get(caller.scope, reminderId);
    if (!reminder) throw new NotFoundError('Reminder', reminderId);
    const me = await read.people.findByAadObjectId(caller.scope, caller.user.aadObjectId);
    // Someone else's reminder is answered as if it did not exist: a reminder is personal, and a different
    // answer would tell that it does.
    if (me?.id !== reminder.ownerId) throw new NotFoundError('Reminder', reminderId);
    return reminder;
  }

  /** A snooze asked for twice on one day is the same snooze. */
  private async findByKey(
    tx: Repositories,
    scope: TenantScope,
    original: Reminder,
    key: string,
  ): Promise<Reminder> {
    const pending = await tx.reminders.pendingForOwner(scope, original.ownerId);
    const found = pending.find((r) => r.key === key);
    if (!found) throw new NotFoundError('Reminder', key);
    return found;
  }
}
