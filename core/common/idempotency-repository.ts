import type { TenantScope } from './scope';

/**
 * Remembers what a request with a given key produced, so a repeated submit (double click, Teams retry)
 * returns the first result instead of storing a second record.
 */
export interface IdempotencyRepository {
  /**
   * Claims a key for this transaction. Returns the stored result when the key was already used (and committed);
   * otherwise undefined, and the key is held until the transaction ends.
   */
  claim(scope: TenantScope, key: string, now: string): Promise<string | undefined>;
  /** Stores the result for a key claimed in this transaction. */
  complete(scope: TenantScope, key: string, result: string): Promise<void>;
}
