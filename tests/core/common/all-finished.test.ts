import { allFinished } from '../../../core/common/all-finished';

describe(allFinished.name, () => {
  it('resolves with every value, in the order given', async () => {
    const slow = new Promise<number>((resolve) => setTimeout(() => resolve(1), 5));
    await expect(allFinished([slow, Promise.resolve(2)])).resolves.toEqual([1, 2]);
  });

  it('rejects only once every promise has settled, with the first failure in the list', async () => {
    let stillRunningFinished = false;
    const stillRunning = new Promise<void>((resolve) =>
      setTimeout(() => {
        stillRunningFinished = true;
        resolve();
      }, 20),
    );
    const first = new Error('first in the list');
    const earlier = new Error('failed earlier, later in the list');
    const failsLater = new Promise<void>((_, reject) => setTimeout(() => reject(first), 10));

    await expect(allFinished([failsLater, Promise.reject(earlier), stillRunning])).rejects.toBe(first);
    expect(stillRunningFinished).toBe(true);
  });
});
