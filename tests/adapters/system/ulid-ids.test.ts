import { UlidIds } from '../../../adapters/system/ulid-ids';

describe(UlidIds.name, () => {
  it('gives ids that sort by their time, then 16 random characters of Crockford base 32', () => {
    let now = Date.parse('2026-12-05T10:00:00Z');
    const ids = new UlidIds(() => now++);
    const [a, b] = [ids.next('mtg'), ids.next('mtg')];
    expect(a).toMatch(/^mtg_[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(a < b).toBe(true);
  });

  it('never repeats its random part, across many pages of the random pool', () => {
    const ids = new UlidIds(() => 0);
    const tails = new Set(Array.from({ length: 5000 }, () => ids.next('act').slice(-16)));
    expect(tails.size).toBe(5000);
  });
});
