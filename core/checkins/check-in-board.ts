import type { Page, PageRequest } from '../common/paging';
import type { Scope, TenantScope } from '../common/scope';
import type { Store } from '../ports';
import type { CheckInSchedule } from './check-in-schedule';

/** Reads who owes which partner a check-in, and when. */
export class CheckInBoard {
  constructor(private readonly deps: { store: Store }) {}

  /** A space's active check-ins, soonest due first (overdue ones lead). */
  list(scope: Scope, query: { dueOnOrBefore?: string }, page: PageRequest): Promise<Page<CheckInSchedule>> {
    return this.deps.store.read.checkIns.list(scope, query, page);
  }

  /** The caller's own active check-ins across the tenant; empty for someone never seen. */
  async listMine(scope: TenantScope, aadObjectId: string, page: PageRequest): Promise<Page<CheckInSchedule>> {
    const me = await this.deps.store.read.people.findByAadObjectId(scope, aadObjectId);
    if (!me) return { items: [], nextCursor: null };
    return this.deps.store.read.checkIns.listForOwner(scope, me.id, page);
  }
}
