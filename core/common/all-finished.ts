/**
 * Like `Promise.all`, but waits for every promise to settle before it rejects (with the first failure in the
 * list's order). Work started together inside a transaction must all have stopped before the transaction
 * ends: with `Promise.all`, a sibling could still issue statements after the failure rolled it back.
 */
export async function allFinished<T>(promises: readonly Promise<T>[]): Promise<T[]> {
  const outcomes = await Promise.allSettled(promises);
  const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
  if (failed) throw failed.reason;
  return outcomes.map((o) => (o as PromiseFulfilledResult<T>).value);
}
