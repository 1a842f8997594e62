/** Builds parts elsewhere (a worker thread): each build answers with the part or fails. */
export interface PartHelper<T> {
  build(index: number): Promise<T>;
}

/** How far work may run ahead of the part due next (bounding memory), and how many parts a helper queues. */
export interface SharingLimits {
  /** At most this many parts are built or being built from the one due onwards. */
  readonly window: number;
  /** At most this many parts are queued with one helper (so it never waits for its next one). */
  readonly perHelper: number;
}

type Slot<T> =
  | { readonly state: 'away' }
  | { readonly state: 'built'; readonly part: T }
  /** Its helper failed it: this thread builds it. */
  | { readonly state: 'handed back' };

/**
 * Builds parts 0 to count-1 and yields them in order, sharing the work between helpers and this thread. Parts
 * are taken in order, the earliest no one has taken first: helpers are kept supplied; this thread builds the
 * part due when no one has taken it, and while the part due is still with a helper it builds the next free
 * part instead of waiting. Nothing runs more than `window` parts ahead of the part due, so memory stays flat
 * however many parts there are. A helper that fails a part is given no more, and this thread builds the parts
 * it failed; `onHelperFailure` hears why. A failure in this thread ends it.
 */
export async function* sharedParts<T>(
  count: number,
  buildHere: (index: number) => Promise<T>,
  helpers: readonly PartHelper<T>[],
  limits: SharingLimits,
  onHelperFailure: (error: unknown) => void = () => undefined,
): AsyncIterable<T> {
  const slots = new Map<number, Slot<T>>();
  const queued = helpers.map(() => 0);
  const failed = helpers.map(() => false);
  let due = 0;
  let free = 0;
  let finished = false;
  let wake: (() => void) | undefined;

  const canTake = () => free < count && free < due + limits.window;
  const supplyHelpers = (): void => {
    helpers.forEach((helper, h) => {
      while (!finished && !failed[h] && queued[h]! < limits.perHelper && canTake()) {
        const index = free++;
        queued[h]! += 1;
        slots.set(index, { state: 'away' });
        helper
          .build(index)
          .then(
            (part) => slots.set(index, { state: 'built', part }),
            (error: unknown) => {
              slots.set(index, { state: 'handed back' });
              if (!failed[h]) onHelperFailure(error);
              failed[h] = true;
            },
          )
          .finally(() => {
            queued[h]! -= 1;
            supplyHelpers();
            wake?.();
          });
      }
    });
  };

  try {
    while (due < count) {
      const slot = slots.get(due);
      if (slot === undefined || slot.state === 'handed back') {
        // No one holds the part due: build it here, after handing helpers the ones after it.
        free = Math.max(free, due + 1);
        supplyHelpers();
        const part = await buildHere(due);
        slots.delete(due);
        due += 1;
        yield part;
      } else if (slot.state === 'built') {
        slots.delete(due);
        due += 1;
        supplyHelpers();
        yield slot.part;
      } else if (canTake()) {
        // The part due is still with a helper: build a later one meanwhile.
        const index = free++;
        slots.set(index, { state: 'built', part: await buildHere(index) });
      } else {
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    }
  } finally {
    // Stopped early (the reader went away) or done: helpers get nothing more; what they hold is dropped.
    finished = true;
  }
}
