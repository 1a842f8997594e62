/**
 * Lets the event loop take a turn (timers, I/O, other requests) before going on. Long runs of synchronous work,
 * such as a trail read from SQLite and rendered into an export, call it now and then so that a bot turn
 * arriving meanwhile is not kept waiting until the whole export is done.
 */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
