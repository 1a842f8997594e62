import { OPEN_STATUSES } from '../actions/agreed-action';
import type { CheckInSchedule } from '../checkins/check-in-schedule';
import { MAX_PAGE_SIZE, type PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import type { Scope } from '../common/scope';
import { indexPeople, type PeopleIndex } from '../people/people-resolver';
import type { StoreReaders } from '../ports';
import type { Partner } from './partner';

/** A partner as a list shows it: when it is next due a check-in and how much is still open with it. */
export interface PartnerStanding {
  readonly partner: Partner;
  readonly checkIn?: CheckInSchedule;
  /** Open actions agreed with this partner alone; counting stops at {@link MAX_PAGE_SIZE}. */
  readonly openActions: number;
  /** Of those, the ones due before `today`. */
  readonly overdueActions: number;
  /** True when there are more open actions than were counted. */
  readonly moreOpen: boolean;
}

/**
 * A page of active partners, A to Z, each with its check-in and open and overdue action counts. Pages are small
 * (a card's worth), so the two reads per partner stay cheap.
 */
export async function partnerStandings(
  read: StoreReaders,
  scope: Scope,
  page: PageRequest,
  today: string,
): Promise<Page<PartnerStanding> & { people: PeopleIndex }> {
  const partners = await read.partners.list(scope, { status: 'active' }, page);
  const items = await Promise.all(
    partners.items.map(async (partner): Promise<PartnerStanding> => {
      const [checkIn, open] = await Promise.all([
        read.checkIns.getForPartner(scope, partner.id),
        read.actions.list(
          scope,
          { partnerId: partner.id, statuses: OPEN_STATUSES },
          { limit: MAX_PAGE_SIZE },
        ),
      ]);
      return {
        partner,
        checkIn: checkIn?.active ? checkIn : undefined,
        openActions: open.items.length,
        overdueActions: open.items.filter((a) => a.dueDate < today).length,
        moreOpen: open.nextCursor !== null,
      };
    }),
  );
  const people = await indexPeople(read, scope, [
    ...items.map((i) => i.partner.relationshipOwnerId),
    ...items.map((i) => i.checkIn?.ownerId),
  ]);
  return { items, nextCursor: partners.nextCursor, people };
}
