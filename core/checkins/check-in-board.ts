import type { PageRequest } from '../common/paging';
import type { Scope, TenantScope } from '../common/scope';
import type { Store } from '../ports';
import { withPeople, type PageWithPeople } from '../people/people-resolver';
import type { Partner } from '../partners/partner';
import type { CheckInSchedule } from './check-in-schedule';

/** Reads who owes which partner a check-in, and when. */
export class CheckInBoard {
  constructor(private readonly deps: { store: Store }) {}

  /** A space's active check-ins, soonest due first (overdue ones lead), with their owners and partners. */
  async list(
    scope: Scope,
    query: { dueOnOrBefore?: string },
    page: PageRequest,
  ): Promise<PageWithPeople<CheckInSchedule> & { partners: Readonly<Record<string, Partner>> }> {
    const read = this.deps.store.read;
    const schedules = await withPeople(read, scope, await read.checkIns.list(scope, query, page), (c) => [
      c.ownerId,
    ]);
    const partners = await read.partners.getMany(scope, [
      ...new Set(schedules.items.map((c) => c.partnerId)),
    ]);
    return { ...schedules, partners: Object.fromEntries(partners.map((p) => [p.id, p])) };
  }

  /** The caller's own active check-ins across the tenant; empty for someone never seen. */
  async listMine(
    scope: TenantScope,
    aadObjectId: string,
    page: PageRequest,
  ): Promise<PageWithPeople<CheckInSchedule>> {
    const read = this.deps.store.read;
    const me = await read.people.findByAadObjectId(scope, aadObjectId);
    if (!me) return { items: [], nextCursor: null, people: {} };
    return withPeople(read, scope, await read.checkIns.listForOwner(scope, me.id, page), (c) => [c.ownerId]);
  }
}
