import { NOTE_AGAIN_AFTER_MS, RecentNotes } from '../../../core/common/recent-notes';
import { FakeClock } from '../../../testkit/fake-clock';

describe(RecentNotes.name, () => {
  let clock: FakeClock;
  let notes: RecentNotes<string>;
  let writes: string[];
  const write = (value: string) => async () => {
    writes.push(value);
    return `stored ${value}`;
  };

  beforeEach(() => {
    clock = new FakeClock();
    notes = new RecentNotes(clock);
    writes = [];
  });

  it('answers the same note within a minute with the last result, without writing', async () => {
    expect(await notes.note('alex', 'Europe/London', write('a'))).toBe('stored a');
    clock.advance(NOTE_AGAIN_AFTER_MS - 1);
    expect(await notes.note('alex', 'Europe/London', write('b'))).toBe('stored a');
    expect(writes).toEqual(['a']);
  });

  it('writes a changed note at once, another key apart, and the same note again after a minute', async () => {
    await notes.note('alex', 'Europe/London', write('a'));
    await notes.note('alex', 'Asia/Kolkata', write('b'));
    await notes.note('megan', 'Asia/Kolkata', write('c'));
    clock.advance(NOTE_AGAIN_AFTER_MS);
    await notes.note('alex', 'Asia/Kolkata', write('d'));
    expect(writes).toEqual(['a', 'b', 'c', 'd']);
  });

  it('recalls a kept result whatever its fingerprint, until a minute has passed', async () => {
    await notes.note('alex', 'Europe/London', write('a'));
    expect(notes.recall('alex')).toBe('stored a');
    expect(notes.recall('megan')).toBeUndefined();
    clock.advance(NOTE_AGAIN_AFTER_MS);
    expect(notes.recall('alex')).toBeUndefined();
  });

  it('keeps no note whose write failed or whose result is not settled, and none it was told to forget', async () => {
    await expect(
      notes.note('alex', 'Europe/London', () => Promise.reject(new Error('store down'))),
    ).rejects.toThrow('store down');
    await notes.note('alex', 'Europe/London', write('a'), () => false);
    await notes.note('alex', 'Europe/London', write('b'));
    notes.forget('alex');
    await notes.note('alex', 'Europe/London', write('c'));
    notes.forgetAll();
    await notes.note('alex', 'Europe/London', write('d'));
    expect(writes).toEqual(['a', 'b', 'c', 'd']);
  });
});
