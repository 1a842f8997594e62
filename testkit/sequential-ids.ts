import type { IdPrefix, Ids } from '../core/ports';

/** Predictable ids for tests: `mtg_000001`, `mtg_000002`, … (one counter for all prefixes, so ids sort by creation). */
export class SequentialIds implements Ids {
  private counter = 0;

  constructor(private readonly salt = '') {}

  next(prefix: IdPrefix): string {
    this.counter += 1;
    return `${prefix}_${this.salt}${String(this.counter).padStart(6, '0')}`;
  }
}
