import { isTimeZone, wallClock, zonedInstant } from '../core/common/zoned-time';

/** Time zone used when a client does not say where its user is. */
export const FALLBACK_TIME_ZONE = 'UTC';

/** The IANA zone if this runtime knows it, else UTC (Teams sends `localTimezone`, e.g. `Europe/London`). */
export function knownTimeZone(zone: string | undefined): string {
  // An unknown zone name from a client: fall back rather than fail the turn.
  return zone && isTimeZone(zone) ? zone : FALLBACK_TIME_ZONE;
}

/** The calendar date (`YYYY-MM-DD`) and wall time (`HH:mm`) of an instant in a zone. */
export function wallClockIn(instant: Date, timeZone: string): { date: string; time: string } {
  const { date, time } = wallClock(instant, timeZone);
  return { date, time };
}

/**
 * The UTC instant of a wall-clock date and time in a zone, e.g. `2026-03-29`, `01:30`, `Europe/London`, as
 * reminders read it: a time skipped by a clock change is moved forward by the gap, and a time that happens twice
 * is its first occurrence.
 */
export function instantOf(date: string, time: string, timeZone: string): string {
  return zonedInstant(date, time, timeZone).toISOString();
}
