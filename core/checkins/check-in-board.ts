import type { PageRequest } from '../common/paging';
import type { Scope, TenantScope } from '../common/scope';
import type { Store } from '../ports';
import { withPeople, type PageWithPeople } from '../people/people-resolver';
import type { Partner } from '../partners/partner';
import type { CalendarState } from './calendar-sync-repository';
import type { CheckInSchedule } from './check-in-schedule';

/** Check-ins with, when calendars are connected, where each stands with its owner's calendar. */
export type CheckInsWithCalendar<P> = P & { calendar?: Readonly<Record<string, CalendarState>> };

/** Reads who owes which partner a check-in, and when. */
export class CheckInBoard {
  constructor(private readonly deps: { store: Store; calendarConnected?: boolean }) {}

  /** A space's active check-ins, soonest due first (overdue ones lead), with their owners and partners. */
  async list(
    scope: Scope,
    query: { dueOnOrBefore?: string },
    page: PageRequest,
  ): Promise<
    CheckInsWithCalendar<PageWithPeople<CheckInSchedule> & { partners: Readonly<Record<string, Partner>> }>
  > {
    const read = this.deps.store.read;
    const schedules = await withPeople(read, scope, await read.checkIns.list(scope, query, page), (c) => [
      c.ownerId,
    ]);
    const partners = await read.partners.getMany(scope, [
      ...new Set(schedules.items.map((c) => c.partnerId)),
    ]);
    return this.withCalendar(scope, {
      ...schedules,
      partners: Object.fromEntries(partners.map((p) => [p.id, p])),
    });
  }

  /** The caller's own active check-ins across the tenant; empty for someone never seen. */
  async listMine(
    scope: TenantScope,
    aadObjectId: string,
    page: PageRequest,
  ): Promise<CheckInsWithCalendar<PageWithPeople<CheckInSchedule>>> {
    const read = this.deps.store.read;
    const me = await read.people.findByAadObjectId(scope, aadObjectId);
    if (!me) return { items: [], nextCursor: null, people: {} };
    return this.withCalendar(
      scope,
      await withPeople(read, scope, await read.checkIns.listForOwner(scope, me.id, page), (c) => [c.ownerId]),
    );
  }

  private async withCalendar<P extends { items: readonly CheckInSchedule[] }>(
    scope: TenantScope,
    page: P,
  ): Promise<CheckInsWithCalendar<P>> {
    if (!this.deps.calendarConnected) return page;
    const ids = page.items.filter((c) => c.active).map((c) => c.id);
    const states = await this.deps.store.read.calendarSync.states(scope, ids);
    return { ...page, calendar: Object.fromEntries(states) };
  }
}
