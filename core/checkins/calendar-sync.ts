import { OPEN_STATUSES } from '../actions/agreed-action';
import type { Clock, Store } from '../ports';
import { defaultPreferences } from '../reminders/reminder-preferences';
import type { CheckInCalendar, CheckInEntry } from './check-in-calendar';
import type { PendingCalendarSync } from './calendar-sync-repository';

/** Check-ins synced per run. */
const BATCH = 50;
/** How long a claimed check-in is left to this run: longer than Graph's calls take. */
const LEASE_MS = 10 * 60_000;
/** How long a check-in occupies its owner's calendar. */
const CHECK_IN_MINUTES = 30;
/** Waits after each failed attempt: a minute, five, half an hour, two hours, then every six hours. */
const RETRY_MINUTES = [1, 5, 30, 120, 360];

/** What one run did. */
export interface CalendarSyncReport {
  readonly synced: number;
  readonly failed: number;
}

/**
 * Brings owners' calendars in line with check-in schedules, from the outbox the schedules' changes fill: the
 * next check-in of an active schedule is an event in its owner's calendar (created once, then moved), and a
 * stopped schedule's event is cancelled. A failure (Graph down, or permission not granted) is retried later
 * with growing waits; nothing is lost, and nothing else waits for it.
 */
export class CalendarSync {
  constructor(
    private readonly deps: { store: Store; clock: Clock },
    private readonly calendar: CheckInCalendar,
  ) {}

  async run(): Promise<CalendarSyncReport> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
    const due = await store.transaction((tx) => tx.calendarSync.claim(now.toISOString(), BATCH, leaseUntil));
    let synced = 0;
    let failed = 0;
    for (const item of due) {
      try {
        await this.sync(item);
        await store.transaction((tx) => tx.calendarSync.done(item, item.checkInId, item.queuedAt));
        synced += 1;
      } catch (err) {
        const minutes = RETRY_MINUTES[Math.min(item.attempts, RETRY_MINUTES.length - 1)]!;
        const at = new Date(clock.now().getTime() + minutes * 60_000).toISOString();
        await store.transaction((tx) =>
          tx.calendarSync.retryAt(item, item.checkInId, at, (err as Error).message),
        );
        failed += 1;
      }
    }
    return { synced, failed };
  }

  private async sync(item: PendingCalendarSync): Promise<void> {
    const { store } = this.deps;
    const read = store.read;
    const schedule = await read.checkIns.get(item, item.checkInId);
    let existing = await store.transaction((tx) => tx.calendarSync.event(item, item.checkInId));
    const partner = schedule && (await read.partners.get(item, schedule.partnerId));
    const [owner] = schedule ? await read.people.getMany(item, [schedule.ownerId]) : [];
    const ownerAad = schedule?.active ? owner?.aadObjectId : undefined;

    // Stopped, or handed to someone else: the old event goes.
    if (existing && existing.ownerAadObjectId !== ownerAad) {
      await this.calendar.cancel(
        existing.eventId,
        existing.ownerAadObjectId,
        schedule?.active
          ? `Check-ins with ${partner?.name ?? 'this partner'} have a new owner.`
          : `Regular check-ins with ${partner?.name ?? 'this partner'} have stopped.`,
      );
      await store.transaction((tx) => tx.calendarSync.forgetEvent(item, item.checkInId));
      existing = undefined;
    }
    // Only Teams users have a calendar we can reach.
    if (!schedule?.active || !ownerAad || !partner) return;

    const prefs = (await read.reminders.preferences(item, schedule.ownerId)) ?? defaultPreferences();
    const open = schedule.lastMeetingId
      ? await read.actions.list(
          item,
          { meetingId: schedule.lastMeetingId, statuses: OPEN_STATUSES },
          { limit: 20 },
        )
      : undefined;
    const entry: CheckInEntry = {
      checkInId: schedule.id,
      ownerAadObjectId: ownerAad,
      partnerName: partner.name,
      dueDate: schedule.nextDueDate,
      startTime: prefs.windowStart,
      durationMinutes: CHECK_IN_MINUTES,
      timeZone: prefs.timeZone,
      openActions: open?.items.map((a) => a.title) ?? [],
    };
    if (existing && (await this.calendar.move(existing.eventId, entry)) === 'moved') return;
    const eventId = await this.calendar.schedule(entry);
    const now = this.deps.clock.now().toISOString();
    await store.transaction((tx) =>
      tx.calendarSync.saveEvent(item, item.checkInId, { eventId, ownerAadObjectId: ownerAad }, now),
    );
  }
}
