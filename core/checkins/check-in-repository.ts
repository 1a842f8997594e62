import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import type { Scope, TenantScope } from '../common/scope';
import type { CheckInSchedule } from './check-in-schedule';

/** Reads check-in schedules. */
export interface CheckInReader {
  get(scope: Scope, id: string): Promise<CheckInSchedule | undefined>;
  getForPartner(scope: Scope, partnerId: string): Promise<CheckInSchedule | undefined>;
  /** The schedules of several partners (active or not); partners without one are absent. */
  getForPartners(scope: Scope, partnerIds: readonly string[]): Promise<CheckInSchedule[]>;
  /** Active schedules of a space, soonest due first. */
  list(scope: Scope, query: { dueOnOrBefore?: string }, page: PageRequest): Promise<Page<CheckInSchedule>>;
  /** One person's active schedules across the tenant, soonest due first. */
  listForOwner(scope: TenantScope, ownerId: string, page: PageRequest): Promise<Page<CheckInSchedule>>;
}

/** Reads and writes check-in schedules. */
export interface CheckInRepository extends CheckInReader {
  /** Creates or replaces the partner's schedule. */
  save(schedule: CheckInSchedule): Promise<void>;
}
