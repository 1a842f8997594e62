/** Which tenants' reminders a worker may claim now. */
export interface TenantTurn {
  /** The tenants it may claim for, or `'all'` when nothing divides the work (one process). */
  readonly tenants: readonly string[] | 'all';
  /** Other workers hold tenants with reminders due: look again soon, as ownership moves when a wave ends. */
  readonly othersHoldDue: boolean;
}

/**
 * Who sends each tenant's reminders. Teams' limits count per tenant and per conversation (which belongs to one
 * tenant), so when one worker at a time sends a tenant's wave, that worker's own pacing keeps them, however many
 * processes share the store. One process alone sends every tenant.
 */
export interface TenantDispatch {
  /**
   * Takes this worker's share of the tenants with reminders due and says which it may claim for. `busy` are the
   * tenants whose messages it still holds (claimed, not yet recorded): it keeps those until they are done.
   */
  claimable(now: Date, busy: ReadonlySet<string>): Promise<TenantTurn>;
  /**
   * This worker's last message in a tenant is recorded: a tenant it was handing on is given up now rather than
   * at its next claim, so the next worker's wait starts at once.
   */
  settled?(tenant: string): Promise<void>;
}

/** One process sends every tenant's reminders (SQLite, or a single server). */
export const EVERY_TENANT: TenantDispatch = {
  claimable: () => Promise.resolve({ tenants: 'all', othersHoldDue: false }),
};
