import { instantOf, knownTimeZone, wallClockIn } from '../../cards/local-time';

describe('local time', () => {
  it('turns a wall-clock time in the user’s zone into the instant, across summer time', () => {
    expect(instantOf('2026-03-02', '10:00', 'Europe/London')).toBe('2026-03-02T10:00:00.000Z');
    expect(instantOf('2026-07-02', '10:00', 'Europe/London')).toBe('2026-07-02T09:00:00.000Z');
    expect(instantOf('2026-03-02', '10:00', 'Asia/Kolkata')).toBe('2026-03-02T04:30:00.000Z');
    expect(instantOf('2026-03-02', '10:00', 'America/New_York')).toBe('2026-03-02T15:00:00.000Z');
  });

  it('resolves a time skipped by the spring clock change an hour later', () => {
    expect(instantOf('2026-03-29', '01:30', 'Europe/London')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('reads a time the autumn clock change repeats as its first occurrence, as reminders do', () => {
    expect(instantOf('2026-10-25', '01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('reads an instant as the date and time on the user’s clock', () => {
    expect(wallClockIn(new Date('2026-03-02T23:30:00Z'), 'Asia/Tokyo')).toEqual({
      date: '2026-03-03',
      time: '08:30',
    });
  });

  it('falls back to UTC for a zone it does not know', () => {
    expect(knownTimeZone('Mars/Olympus_Mons')).toBe('UTC');
    expect(knownTimeZone(undefined)).toBe('UTC');
    expect(knownTimeZone('Europe/Paris')).toBe('Europe/Paris');
  });
});
