import { sendTime } from '../../../core/reminders/delivery-window';
import { defaultPreferences } from '../../../core/reminders/reminder-preferences';
import { wallClock, zonedInstant } from '../../../core/common/zoned-time';

describe(zonedInstant.name, () => {
  it.each([
    ['2026-03-02', '09:00', 'Europe/London', '2026-03-02T09:00:00.000Z'],
    ['2026-07-01', '09:00', 'Europe/London', '2026-07-01T08:00:00.000Z'],
    ['2026-03-30', '09:00', 'Europe/London', '2026-03-30T08:00:00.000Z'],
    ['2026-03-08', '09:00', 'America/New_York', '2026-03-08T13:00:00.000Z'],
    ['2026-03-07', '09:00', 'America/New_York', '2026-03-07T14:00:00.000Z'],
    ['2026-04-05', '09:00', 'Pacific/Auckland', '2026-04-04T21:00:00.000Z'],
    ['2026-03-02', '09:00', 'Asia/Kolkata', '2026-03-02T03:30:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, utc) => {
    expect(zonedInstant(date, time, zone).toISOString()).toBe(utc);
    expect(wallClock(new Date(utc), zone)).toMatchObject({ date, time });
  });

  it('moves a time that does not exist (clocks went forward past it) forward by the gap', () => {
    expect(zonedInstant('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
    expect(wallClock(new Date('2026-03-29T01:30:00.000Z'), 'Europe/London').time).toBe('02:30');
  });

  it('takes the first of a time that happens twice (clocks went back)', () => {
    expect(zonedInstant('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('gives the same answer again, which no caller can change', () => {
    const first = zonedInstant('2026-07-01', '09:00', 'Europe/London');
    first.setUTCFullYear(1999);
    expect(zonedInstant('2026-07-01', '09:00', 'Europe/London').toISOString()).toBe(
      '2026-07-01T08:00:00.000Z',
    );
    const wall = wallClock(new Date('2026-07-01T08:00:00.000Z'), 'Europe/London');
    expect(() => Object.assign(wall, { date: '1999-01-01' })).toThrow(TypeError);
    expect(wallClock(new Date('2026-07-01T08:00:00.999Z'), 'Europe/London')).toEqual({
      date: '2026-07-01',
      time: '09:00',
      weekday: 3,
    });
  });

  it('reads each second on its own: the last second of a day and the first of the next differ', () => {
    expect(wallClock(new Date('2026-07-01T22:59:59.500Z'), 'Europe/London').date).toBe('2026-07-01');
    expect(wallClock(new Date('2026-07-01T23:00:00.000Z'), 'Europe/London').date).toBe('2026-07-02');
  });

  it('refuses an unknown zone on every call: a refusal is never remembered as an answer', () => {
    expect(() => zonedInstant('2026-07-01', '09:00', 'Mars/Olympus')).toThrow(RangeError);
    expect(() => zonedInstant('2026-07-01', '09:00', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe(sendTime.name, () => {
  const london = { ...defaultPreferences('Europe/London') };

  it('sends at the window opening on the day, in the owner’s zone', () => {
    expect(sendTime('2026-07-01', london, new Date('2026-06-20T12:00:00Z')).toISOString()).toBe(
      '2026-07-01T08:00:00.000Z',
    );
  });

  it('moves weekends and quiet days to the next allowed day', () => {
    expect(sendTime('2026-07-04', london, new Date('2026-06-20T12:00:00Z')).toISOString()).toBe(
      '2026-07-06T08:00:00.000Z',
    );
    const holiday = { ...london, quietDates: ['2026-07-06'] };
    expect(sendTime('2026-07-04', holiday, new Date('2026-06-20T12:00:00Z')).toISOString()).toBe(
      '2026-07-07T08:00:00.000Z',
    );
  });

  it('sends a late reminder now when the window is open, or at the next opening when it is not', () => {
    const openNow = new Date('2026-07-01T12:00:00Z');
    expect(sendTime('2026-06-01', london, openNow).toISOString()).toBe(openNow.toISOString());
    expect(sendTime('2026-06-01', london, new Date('2026-07-01T20:00:00Z')).toISOString()).toBe(
      '2026-07-02T08:00:00.000Z',
    );
    expect(sendTime('2026-06-01', london, new Date('2026-07-03T18:00:00Z')).toISOString()).toBe(
      '2026-07-06T08:00:00.000Z',
    );
    expect(sendTime('2026-06-01', london, new Date('2026-07-01T06:00:00Z')).toISOString()).toBe(
      '2026-07-01T08:00:00.000Z',
    );
  });

  it('keeps 09:00 local across the change to summer time', () => {
    const friday = sendTime('2026-03-27', london, new Date('2026-03-01T00:00:00Z')).toISOString();
    const monday = sendTime('2026-03-30', london, new Date('2026-03-01T00:00:00Z')).toISOString();
    expect([friday, monday]).toEqual(['2026-03-27T09:00:00.000Z', '2026-03-30T08:00:00.000Z']);
  });
});
