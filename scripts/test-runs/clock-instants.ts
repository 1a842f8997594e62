/** An instant the whole suite is run at, with the machine's clock faked to it. */
export interface ClockInstant {
  readonly name: string;
  /** UTC, as `YYYY-MM-DD HH:MM:SS`. */
  readonly at: string;
  /** The machine's time zone during the run. */
  readonly timeZone: string;
  /** Why this instant is a hard one. */
  readonly why: string;
}

/** The instants `npm run test:clock` runs at when none is named: each one broke, or could break, a date rule. */
export const NAMED_INSTANTS: readonly ClockInstant[] = [
  {
    name: 'uk-clock-change',
    at: '2027-03-28 00:30:00',
    timeZone: 'Europe/London',
    why: 'half an hour before British Summer Time starts: 01:00 to 02:00 does not exist in London that night',
  },
  {
    name: 'leap-day',
    at: '2028-02-29 12:00:00',
    timeZone: 'UTC',
    why: 'a 29 February: "a year ago" and "in a year" have no same day',
  },
  {
    name: 'year-end',
    at: '2026-12-31 23:50:00',
    timeZone: 'UTC',
    why: 'ten minutes before the year, month and week all turn',
  },
  {
    name: 'london-monday',
    at: '2027-06-06 23:10:00',
    timeZone: 'Europe/London',
    why: 'Monday 00:10 in London is still Sunday in UTC: the week starts on different days in the two',
  },
];

/** Time zones a random instant may run in: one each side of UTC, one with a half hour, and UTC. */
const RANDOM_TIME_ZONES = ['UTC', 'Europe/London', 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland'];

/** The span random instants are drawn from: the years the product will plausibly run in. */
const RANDOM_SPAN = { from: Date.UTC(2026, 0, 1), to: Date.UTC(2036, 0, 1) };

/** A random instant (by `random`, a number in [0, 1)): any day, any minute, any of several time zones. */
export function randomInstant(random: () => number = Math.random): ClockInstant {
  const ms = RANDOM_SPAN.from + Math.floor(random() * (RANDOM_SPAN.to - RANDOM_SPAN.from));
  const at = new Date(Math.floor(ms / 60_000) * 60_000).toISOString().slice(0, 19).replace('T', ' ');
  const timeZone = RANDOM_TIME_ZONES[Math.floor(random() * RANDOM_TIME_ZONES.length)]!;
  return {
    name: 'random',
    at,
    timeZone,
    why: `drawn at random; replay: npm run test:clock -- "${at}" ${timeZone}`,
  };
}

/**
 * The instants the arguments ask for: names from NAMED_INSTANTS, `random`, or an instant as
 * `YYYY-MM-DD HH:MM:SS` (UTC) optionally followed by a time zone; none means every named instant.
 */
export function instantsFrom(args: readonly string[], random: () => number = Math.random): ClockInstant[] {
  if (args.length === 0) return [...NAMED_INSTANTS];
  const instants: ClockInstant[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const named = NAMED_INSTANTS.find((n) => n.name === arg);
    if (named) instants.push(named);
    else if (arg === 'random') instants.push(randomInstant(random));
    else if (isUtcInstant(arg)) {
      const zone = args[i + 1];
      const zoneGiven = zone !== undefined && isTimeZone(zone);
      if (zoneGiven) i++;
      instants.push({
        name: 'given',
        at: arg,
        timeZone: zoneGiven ? zone : 'UTC',
        why: 'given on the command line',
      });
    } else
      throw new Error(
        `Not an instant: "${arg}". Use one of ${NAMED_INSTANTS.map((n) => n.name).join(', ')}, random, ` +
          'or "YYYY-MM-DD HH:MM:SS" (UTC) with an optional time zone after it.',
      );
  }
  return instants;
}

/** Whether `text` is a real UTC instant written `YYYY-MM-DD HH:MM:SS` (no 30 February). */
function isUtcInstant(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text)) return false;
  const iso = text.replace(' ', 'T');
  const parsed = new Date(`${iso}Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === iso;
}

/** Whether `name` is an IANA time zone this Node knows. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    // RangeError: not a time zone, so it is the next argument.
    return false;
  }
}
