import { addDays } from '../common/dates';
import type { ReminderPreferences } from './reminder-preferences';
import { wallClock, zonedInstant } from '../common/zoned-time';

/** How far ahead a window is looked for before giving up (a year covers any sane set of quiet days). */
const SEARCH_DAYS = 366;

/** ISO weekday of a calendar date. */
function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Whether reminders may arrive on a date. */
export function isAllowedDay(
  date: string,
  prefs: Pick<ReminderPreferences, 'weekdays' | 'quietDates'>,
): boolean {
  return prefs.weekdays.includes(weekdayOf(date)) && !prefs.quietDates.includes(date);
}

/** The first allowed day on or after `date`. */
export function allowedDayFrom(
  date: string,
  prefs: Pick<ReminderPreferences, 'weekdays' | 'quietDates'>,
): string {
  let day = date;
  for (let i = 0; i < SEARCH_DAYS && !isAllowedDay(day, prefs); i++) day = addDays(day, 1);
  return day;
}

/** The last allowed day strictly before `date` (the day-before reminder of an action due then). */
export function allowedDayBefore(
  date: string,
  prefs: Pick<ReminderPreferences, 'weekdays' | 'quietDates'>,
): string {
  let day = addDays(date, -1);
  for (let i = 0; i < SEARCH_DAYS && !isAllowedDay(day, prefs); i++) day = addDays(day, -1);
  return day;
}

/**
 * When a reminder about `date` is sent: the window's opening on the first allowed day from `date`, in the
 * owner's zone. If that has passed, now when the window is open, else its next opening: a late reminder waits
 * for working hours rather than arriving at night.
 */
export function sendTime(date: string, prefs: ReminderPreferences, now: Date): Date {
  const planned = zonedInstant(allowedDayFrom(date, prefs), prefs.windowStart, prefs.timeZone);
  if (planned.getTime() >= now.getTime()) return planned;
  const wall = wallClock(now, prefs.timeZone);
  const openNow =
    isAllowedDay(wall.date, prefs) && wall.time >= prefs.windowStart && wall.time < prefs.windowEnd;
  if (openNow) return now;
  const from = wall.time < prefs.windowStart ? wall.date : addDays(wall.date, 1);
  return zonedInstant(allowedDayFrom(from, prefs), prefs.windowStart, prefs.timeZone);
}
