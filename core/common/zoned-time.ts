import { rememberNewest } from './newest-first-cache';

/** Wall-clock formatters by time zone; building one is slow, so each zone's is kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether a string is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    formatter(zone);
    return true;
  } catch {
    // Intl throws RangeError for unknown zones; that is the answer.
    return false;
  }
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** A wall-clock reading: date `YYYY-MM-DD`, time `HH:MM`, ISO weekday (Monday 1 … Sunday 7). */
export interface WallClock {
  readonly date: string;
  readonly time: string;
  readonly weekday: number;
}

/**
 * Answers already worked out. Both functions below are pure (a zone's rules do not change while the process
 * runs), and each answer costs one to four `formatToParts` calls of tens of microseconds, several per reminder
 * planned, so the latest answers are kept. Wall clocks by zone and second (a formatter shows seconds at most),
 * instants by zone, date and time as epoch milliseconds (so no caller can change a kept Date).
 */
const KEPT = 4096;
const wallClocks = new Map<string, WallClock>();
const instants = new Map<string, number>();

/** The wall clock in a zone at an instant. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const key = `${timeZone} ${Math.floor(instant.getTime() / 1000)}`;
  let answer = wallClocks.get(key);
  if (!answer) {
    answer = Object.freeze(readWallClock(instant, timeZone));
    rememberNewest(wallClocks, key, answer, KEPT);
  }
  return answer;
}

function readWallClock(instant: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: WEEKDAYS[parts.weekday!]!,
  };
}

/** Minutes the zone is ahead of UTC at an instant. */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    formatter(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(
    +parts.year!,
    +parts.month! - 1,
    +parts.day!,
    +parts.hour!,
    +parts.minute!,
    +parts.second!,
  );
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock date and time happen in a zone. A time that happens twice (clocks went back) is its
 * first occurrence; a time that does not exist (clocks went forward past it) is moved forward by the gap, as
 * calendars usually do (01:30 on the spring-forward night in London becomes 02:30 summer time).
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const key = `${timeZone} ${date} ${time}`;
  let answer = instants.get(key);
  if (answer === undefined) {
    answer = findInstant(date, time, timeZone);
    rememberNewest(instants, key, answer, KEPT);
  }
  return new Date(answer);
}

function findInstant(date: string, time: string, timeZone: string): number {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, mo - 1, d, h, mi);
  // Offsets a day either side cover both sides of any one DST change.
  const before = offsetMinutes(new Date(naive - 86_400_000), timeZone);
  const after = offsetMinutes(new Date(naive + 86_400_000), timeZone);
  const candidates = [naive - before * 60_000, naive - after * 60_000].sort((a, b) => a - b);
  for (const candidate of candidates) {
    const wall = wallClock(new Date(candidate), timeZone);
    if (wall.date === date && wall.time === time) return candidate;
  }
  return naive - before * 60_000;
}
