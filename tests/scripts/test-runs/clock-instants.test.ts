import { instantsFrom, NAMED_INSTANTS, randomInstant } from '../../../scripts/test-runs/clock-instants';

describe('the instants npm run test:clock runs the suite at', () => {
  it('runs every named instant when none is asked for', () => {
    expect(instantsFrom([]).map((i) => i.name)).toEqual(NAMED_INSTANTS.map((i) => i.name));
  });

  it('includes the UK clock-change night, a 29 February, a year end and a Monday just after midnight in London', () => {
    const byName = new Map(NAMED_INSTANTS.map((i) => [i.name, i]));
    expect(byName.get('uk-clock-change')).toMatchObject({
      at: '2027-03-28 00:30:00',
      timeZone: 'Europe/London',
    });
    expect(byName.get('leap-day')?.at.slice(5, 10)).toBe('02-29');
    expect(byName.get('year-end')?.at.slice(5)).toBe('12-31 23:50:00');
    const monday = byName.get('london-monday')!;
    const local = new Intl.DateTimeFormat('en-GB', {
      timeZone: monday.timeZone,
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(`${monday.at.replace(' ', 'T')}Z`));
    expect(local).toBe('Monday 00:10');
  });

  it('takes an instant with its time zone, and a random one it can replay', () => {
    expect(instantsFrom(['2028-02-29 23:59:00', 'Asia/Kolkata', 'leap-day'])).toMatchObject([
      { at: '2028-02-29 23:59:00', timeZone: 'Asia/Kolkata' },
      { name: 'leap-day' },
    ]);
    expect(instantsFrom(['2030-01-01 00:00:00'])).toMatchObject([{ timeZone: 'UTC' }]);
    const drawn = randomInstant(() => 0.5);
    expect(drawn.at).toMatch(/^20(2[6-9]|3[0-5])-\d\d-\d\d \d\d:\d\d:00$/);
    expect(drawn.why).toContain(`npm run test:clock -- "${drawn.at}" ${drawn.timeZone}`);
  });

  it('refuses what is not an instant, naming what it takes', () => {
    expect(() => instantsFrom(['2027-02-30 00:00:00'])).toThrow(/Not an instant.*uk-clock-change.*random/);
    expect(() => instantsFrom(['tomorrow'])).toThrow(/Not an instant: "tomorrow"/);
  });
});
