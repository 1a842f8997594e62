import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import { keyInSpace, type Scope, type TenantScope } from '../common/scope';
import type { CheckInRepository } from './check-in-repository';
import type { CheckInSchedule } from './check-in-schedule';

/**
 * The check-in schedules of one transaction, by partner, remembering what it read and wrote: a logged meeting
 * reads its partners' schedules, completes them, and the reminder planner then reads each back to re-plan, which
 * is answered from memory with no statement. Saving replaces the partner's row but keeps its id, so a save is
 * remembered only when the transaction knows that row (it read it, or read that there was none); nothing else
 * writes the space's schedules while it runs (its chain head is locked), so what is remembered is what a read
 * would return.
 */
export class RememberedCheckIns implements CheckInRepository {
  /** By partner: the schedule as stored, or null when the partner has none. */
  private readonly known = new Map<string, CheckInSchedule | null>();

  constructor(private readonly checkIns: CheckInRepository) {}

  async getForPartner(scope: Scope, partnerId: string): Promise<CheckInSchedule | undefined> {
    const key = keyInSpace(scope, partnerId);
    const known = this.known.get(key);
    if (known !== undefined) return known ?? undefined;
    const schedule = await this.checkIns.getForPartner(scope, partnerId);
    this.known.set(key, schedule ?? null);
    return schedule;
  }

  async save(schedule: CheckInSchedule): Promise<void> {
    const key = keyInSpace(schedule, schedule.partnerId);
    const before = this.known.get(key);
    this.known.delete(key);
    await this.checkIns.save(schedule);
    // A replaced row keeps its id; a new row takes the schedule's.
    if (before !== undefined) this.known.set(key, { ...schedule, id: before?.id ?? schedule.id });
  }

  get(scope: Scope, id: string): Promise<CheckInSchedule | undefined> {
    return this.checkIns.get(scope, id);
  }

  async getForPartners(scope: Scope, partnerIds: readonly string[]): Promise<CheckInSchedule[]> {
    const ids = [...new Set(partnerIds)];
    const unread = ids.filter((id) => !this.known.has(keyInSpace(scope, id)));
    if (unread.length > 0) {
      const found = await this.checkIns.getForPartners(scope, unread);
      for (const id of unread)
        this.known.set(keyInSpace(scope, id), found.find((s) => s.partnerId === id) ?? null);
    }
    return ids.flatMap((id) => this.known.get(keyInSpace(scope, id)) ?? []);
  }

  list(scope: Scope, query: { dueOnOrBefore?: string }, page: PageRequest): Promise<Page<CheckInSchedule>> {
    return this.checkIns.list(scope, query, page);
  }

  listForOwner(scope: TenantScope, ownerId: string, page: PageRequest): Promise<Page<CheckInSchedule>> {
    return this.checkIns.listForOwner(scope, ownerId, page);
  }
}
