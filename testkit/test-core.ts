import { createCore, type Core, type CoreDeps } from '../core/core';
import type { Store } from '../core/ports';
import { FakeClock } from './fake-clock';
import { SequentialIds } from './sequential-ids';

/** Core over a test store, with a clock and ids the test controls. */
export interface TestCore {
  readonly core: Core;
  readonly clock: FakeClock;
  readonly ids: SequentialIds;
}

/**
 * Builds core over a store with a fake clock (2 March 2026, 09:00 UTC unless told) and sequential ids;
 * `calendarConnected` as when the Outlook calendar sync runs, `directory` and `localPickerIds` as configured.
 */
export function testCore(
  store: Store,
  start?: string,
  idSalt = '',
  options: Omit<Partial<CoreDeps>, 'store' | 'clock' | 'ids'> = {},
): TestCore {
  const clock = new FakeClock(start);
  const ids = new SequentialIds(idSalt);
  return { core: createCore({ store, clock, ids, ...options }), clock, ids };
}

/** A fresh space id, so tests sharing one store never see each other's records. */
export function aSpace(name = 'space'): string {
  return `team:${name}-${Math.random().toString(36).slice(2, 10)}`;
}
