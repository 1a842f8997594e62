import { OPEN_STATUSES } from '../../core/actions/agreed-action';
import { PageQuery } from '../../core/common/paging';
import { parseInput } from '../../core/common/parse';
import { renderAgreementListCard } from '../../cards/agreement-list-card';
import type { AdaptiveCard } from '../../cards/card-kit';
import { renderCheckInListCard } from '../../cards/check-in-list-card';
import { LIST_PAGE_SIZE, type ListKind } from '../../cards/list-paging';
import { renderMyActionsCard } from '../../cards/my-actions-card';
import { renderPartnerListCard } from '../../cards/partner-list-card';
import type { Turn } from '../turn';
import type { Notice } from './record-cards';

/** One page of a list card; `cursor` is the token a paging button carried (refused when it is not ours). */
export async function listCard(
  turn: Turn,
  list: ListKind,
  cursor?: string,
  notice?: Notice,
): Promise<AdaptiveCard> {
  const page = parseInput(PageQuery, { limit: LIST_PAGE_SIZE, cursor });
  const scope = turn.caller.scope;
  const paged = cursor !== undefined;
  switch (list) {
    case 'partners':
      return renderPartnerListCard({
        page: await turn.core.partners.standings(scope, page),
        today: turn.today,
        paged,
      });
    case 'myActions':
      return renderMyActionsCard({
        page: await turn.core.actions.listMine(
          scope,
          turn.caller.user.aadObjectId,
          { statuses: OPEN_STATUSES },
          page,
        ),
        today: turn.today,
        paged,
        spaceId: scope.spaceId,
        cursor,
        notice,
      });
    case 'agreements':
      return renderAgreementListCard({
        page: await turn.core.agreements.list(scope, {}, page),
        today: turn.today,
        paged,
      });
    case 'checkins':
      return renderCheckInListCard({
        page: await turn.core.checkIns.list(scope, {}, page),
        today: turn.today,
        paged,
        inOutlook: turn.calendarInOutlook,
      });
  }
}
