/** Time zone used when a client does not say where its user is. */
export const FALLBACK_TIME_ZONE = 'UTC';

/**
 * Formatters by zone. Building an Intl.DateTimeFormat costs far more than using one, and every card renders
 * several dates, so each zone's formatter is built once.
 */
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** The IANA zone if this runtime knows it, else UTC (Teams sends `localTimezone`, e.g. `Europe/London`). */
export function knownTimeZone(zone: string | undefined): string {
  if (!zone) return FALLBACK_TIME_ZONE;
  if (wallClockFormats.has(zone)) return zone;
  try {
    wallClockFormat(zone);
    return zone;
  } catch {
    // An unknown zone name from a client: fall back rather than fail the turn.
    return FALLBACK_TIME_ZONE;
  }
}

/** The calendar date (`YYYY-MM-DD`) and wall time (`HH:mm`) of an instant in a zone. */
export function wallClockIn(instant: Date, timeZone: string): { date: string; time: string } {
  const parts = Object.fromEntries(
    wallClockFormat(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

/**
 * The UTC instant of a wall-clock date and time in a zone, e.g. `2026-03-29`, `01:30`, `Europe/London`. Times
 * skipped by a clock change resolve to the instant an hour later, as calendars do.
 */
export function instantOf(date: string, time: string, timeZone: string): string {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  let guess = asUtc - offsetAt(asUtc, timeZone);
  // A second pass settles instants near a clock change, where the offset at the guess differs.
  guess = asUtc - offsetAt(guess, timeZone);
  return new Date(guess).toISOString();
}

/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const { date, time } = wallClockIn(new Date(instant), timeZone);
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const seconds = new Date(instant).getUTCSeconds() * 1000 + new Date(instant).getUTCMilliseconds();
  return Date.UTC(y, mo - 1, d, h, mi) + seconds - instant;
}
