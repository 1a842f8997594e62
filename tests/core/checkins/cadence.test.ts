import { addMonths } from '../../../core/common/dates';
import { describeCadence, nextDueAfter } from '../../../core/checkins/cadence';

describe(nextDueAfter.name, () => {
  it.each([
    ['2026-03-02', { every: 1, unit: 'day' as const }, '2026-03-03'],
    ['2026-02-27', { every: 3, unit: 'day' as const }, '2026-03-02'],
    ['2026-03-02', { every: 2, unit: 'week' as const }, '2026-03-16'],
    ['2026-01-31', { every: 1, unit: 'month' as const }, '2026-02-28'],
    ['2028-01-31', { every: 1, unit: 'month' as const }, '2028-02-29'],
    ['2026-08-31', { every: 3, unit: 'month' as const }, '2026-11-30'],
    ['2026-12-15', { every: 1, unit: 'month' as const }, '2027-01-15'],
    ['2026-03-28', { every: 1, unit: 'day' as const }, '2026-03-29'],
  ])('from %s, %j is due on %s', (from, cadence, due) => {
    expect(nextDueAfter(from, cadence)).toBe(due);
  });

  it('keeps the day of month across a year of monthly steps, clamping only in short months', () => {
    let date = '2026-01-31';
    const seen: string[] = [];
    for (let i = 0; i < 12; i++) seen.push((date = addMonths('2026-01-31', i + 1)));
    expect(seen.slice(0, 4)).toEqual(['2026-02-28', '2026-03-31', '2026-04-30', '2026-05-31']);
    expect(date).toBe('2027-01-31');
  });

  it('says the cadence in words', () => {
    expect(describeCadence({ every: 1, unit: 'week' })).toBe('every week');
    expect(describeCadence({ every: 3, unit: 'month' })).toBe('every 3 months');
  });
});
