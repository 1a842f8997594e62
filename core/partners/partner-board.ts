import { utcDateOf } from '../common/dates';
import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import type { Scope } from '../common/scope';
import type { Clock, Store } from '../ports';
import { indexPeople, type PeopleIndex } from '../people/people-resolver';
import type { Partner } from './partner';
import { assessPartnerHealth, type PartnerHealth } from './partner-health';
import type { PartnerListQuery } from './partner-repository';

/** A page of partners as the board shows them: with owners, contacts and each partner's health. */
export interface PartnerBoardPage extends Page<Partner> {
  readonly people: PeopleIndex;
  /** Health by partner id. */
  readonly health: Readonly<Record<string, PartnerHealth>>;
}

/** The team's partner board: partners with their health at a glance (CFACSB9 P2, P8, P11, P12). */
export class PartnerBoard {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /** A page of partners, A to Z, with the people they mention and their health today. */
  async list(scope: Scope, query: PartnerListQuery, page: PageRequest): Promise<PartnerBoardPage> {
    const read = this.deps.store.read;
    const result = await read.partners.list(scope, query, page);
    const [people, health] = await Promise.all([
      indexPeople(
        read,
        scope,
        result.items.flatMap((p) => [p.relationshipOwnerId, ...p.contacts.map((c) => c.personId)]),
      ),
      this.health(scope, result.items),
    ]);
    return { ...result, people, health };
  }

  /** The health of these partners of a space today, by partner id; three reads whatever their number. */
  async health(scope: Scope, partners: readonly Partner[]): Promise<Record<string, PartnerHealth>> {
    const read = this.deps.store.read;
    const ids = partners.map((p) => p.id);
    const today = utcDateOf(this.deps.clock.now());
    const [counts, slas, schedules] = await Promise.all([
      read.actions.openCountsByPartner(scope, ids, today),
      read.slas.latestResults(scope, ids),
      read.checkIns.getForPartners(scope, ids),
    ]);
    const countsOf = new Map(counts.map((c) => [c.partnerId, c]));
    const nextCheckIn = new Map(schedules.filter((s) => s.active).map((s) => [s.partnerId, s.nextDueDate]));
    return Object.fromEntries(
      ids.map((id) => [
        id,
        assessPartnerHealth(
          {
            nextCheckInDate: nextCheckIn.get(id),
            openActions: countsOf.get(id)?.open ?? 0,
            overdueActions: countsOf.get(id)?.overdue ?? 0,
            slaResults: slas
              .filter((s) => s.partnerId === id)
              .map((s) => (s.met === undefined ? 'unmeasured' : s.met ? 'met' : 'missed')),
          },
          today,
        ),
      ]),
    );
  }
}
