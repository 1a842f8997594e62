import { sharedParts, type PartHelper } from '../../../adapters/export/shared-parts';

/** A helper whose parts finish when the test says so, recording what it was given. */
class ControlledHelper implements PartHelper<string> {
  readonly given: number[] = [];
  private readonly pending = new Map<number, { resolve(v: string): void; reject(e: Error): void }>();

  build(index: number): Promise<string> {
    this.given.push(index);
    return new Promise((resolve, reject) => this.pending.set(index, { resolve, reject }));
  }

  /** How many parts it holds unfinished. */
  get holding(): number {
    return this.pending.size;
  }

  finish(index: number): void {
    this.pending.get(index)!.resolve(`helper ${index}`);
    this.pending.delete(index);
  }

  fail(index: number, message = 'worker stopped'): void {
    this.pending.get(index)!.reject(new Error(message));
    this.pending.delete(index);
  }

  finishAll(): void {
    [...this.pending.keys()].forEach((i) => this.finish(i));
  }
}

/** A helper that answers every part after a turn of the event loop. */
const prompt: PartHelper<string> = {
  build: (index) => new Promise((resolve) => setImmediate(() => resolve(`helper ${index}`))),
};

const here = async (index: number) => `here ${index}`;
const limits = { window: 4, perHelper: 2 };

async function collect<T>(parts: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const part of parts) out.push(part);
  return out;
}

const indexes = (parts: readonly string[]) => parts.map((p) => Number(p.split(' ')[1]));

describe('sharedParts', () => {
  it('yields every part once, in order, built here and by helpers', async () => {
    const parts = await collect(sharedParts(23, here, [prompt, prompt], limits));

    expect(indexes(parts)).toEqual(Array.from({ length: 23 }, (_, i) => i));
    expect(parts.filter((p) => p.startsWith('helper')).length).toBeGreaterThan(0);
    expect(parts.filter((p) => p.startsWith('here')).length).toBeGreaterThan(0);
  });

  it('builds the first part here and hands helpers the next ones, never more than the window ahead', async () => {
    const helper = new ControlledHelper();
    const started: number[] = [];
    const buildHere = async (index: number) => {
      started.push(index);
      return `here ${index}`;
    };
    const parts = sharedParts(10, buildHere, [helper], { window: 3, perHelper: 2 })[Symbol.asyncIterator]();

    expect((await parts.next()).value).toBe('here 0');
    expect(helper.given).toEqual([1, 2]);
    // Part 1 is with the helper: this thread builds part 3 meanwhile, and nothing further (3 from part 1).
    const waiting = parts.next();
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 3]);
    expect(helper.holding).toBe(2);

    helper.finish(2);
    helper.finish(1);
    expect((await waiting).value).toBe('helper 1');
    expect((await parts.next()).value).toBe('helper 2');
    expect((await parts.next()).value).toBe('here 3');
    helper.finishAll();
    const rest: string[] = [];
    for (let r = await parts.next(); !r.done; r = await parts.next()) {
      rest.push(r.value);
      helper.finishAll();
    }
    expect(indexes(rest)).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it('builds here the parts a failing helper held, gives it no more, and says why once', async () => {
    const failing = new ControlledHelper();
    const heard: unknown[] = [];
    const parts = sharedParts(8, here, [failing], limits, (e) => heard.push(e));
    const all = collect(parts);
    await new Promise((resolve) => setImmediate(resolve));
    expect(failing.given).toEqual([1, 2]);
    failing.fail(1);
    failing.fail(2);

    expect(await all).toEqual([
      'here 0',
      'here 1',
      'here 2',
      'here 3',
      'here 4',
      'here 5',
      'here 6',
      'here 7',
    ]);
    expect(failing.given).toEqual([1, 2]);
    expect(heard).toHaveLength(1);
    expect((heard[0] as Error).message).toBe('worker stopped');
  });

  it('ends with the error when a part built here fails', async () => {
    const buildHere = async (index: number) => {
      if (index === 2) throw new Error('store gone');
      return `here ${index}`;
    };

    await expect(collect(sharedParts(5, buildHere, [], limits))).rejects.toThrow('store gone');
  });

  it('gives helpers nothing more once the reader stops early', async () => {
    const helper = new ControlledHelper();
    for await (const part of sharedParts(50, here, [helper], limits)) {
      expect(part).toBe('here 0');
      break;
    }
    const given = helper.given.length;
    helper.finishAll();
    await new Promise((resolve) => setImmediate(resolve));

    expect(helper.given).toHaveLength(given);
  });
});
