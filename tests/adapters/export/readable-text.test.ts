import { day, when } from '../../../adapters/export/readable-text';

/** What the hand-written formatting must match: en-GB's medium date style, in UTC. */
const INTL_WHEN = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'UTC',
});
const INTL_DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

describe('dates in exports', () => {
  const instants = Array.from({ length: 12 }, (_, month) =>
    new Date(Date.UTC(2026, month, month * 2 + 1, month * 2, month * 5)).toISOString(),
  ).concat(['1999-12-31T23:59:59.999Z', '2030-01-01T00:00:00.000Z']);

  it.each(instants)('writes %s as en-GB medium style does', (instant) => {
    expect(when(instant)).toBe(`${INTL_WHEN.format(new Date(instant))} UTC`);
    expect(day(instant)).toBe(INTL_DAY.format(new Date(instant)));
  });

  it('reads a bare date as that day, not the day before in a western time zone', () => {
    expect(day('2026-09-01')).toBe('1 Sept 2026');
  });
});
