import type { Page } from '../core/common/page';
import type { PartnerStanding } from '../core/partners/partner-standings';
import type { PeopleIndex } from '../core/people/people-resolver';
import {
  actionSet,
  adaptiveCard,
  clip,
  commandButton,
  container,
  dialogButton,
  heading,
  plain,
  text,
  type AdaptiveCard,
  type CardElement,
} from './card-kit';
import { formatDate, PARTNER_KIND_LABELS } from './labels';
import { pagingActions } from './list-paging';
import { MEETING_DIALOG_VERB } from './partner-card';
import { nameOf } from './people-names';

/** What the partners list shows. */
export interface PartnerListModel {
  readonly page: Page<PartnerStanding> & { people: PeopleIndex };
  readonly today: string;
  readonly paged: boolean;
}

/** The partners of this conversation, A to Z, with their next check-in and open actions. */
export function renderPartnerListCard(m: PartnerListModel): AdaptiveCard {
  const body: CardElement[] = [...heading('Partners', 'A to Z, with their next check-in and open actions')];
  if (m.page.items.length === 0)
    body.push(text('No partners here yet. Add the first one to start logging meetings with them.'));
  for (const s of m.page.items) {
    const due = s.checkIn?.nextDueDate;
    const overdueCheckIn = due !== undefined && due < m.today;
    const open = `${s.openActions}${s.moreOpen ? '+' : ''} open action${s.openActions === 1 ? '' : 's'}`;
    body.push(
      container(
        [
          plain(clip(s.partner.name, 120), { weight: 'Bolder', spacing: 'None' }),
          text(
            `${PARTNER_KIND_LABELS[s.partner.kind]} · ${s.partner.chain.direction} stage ${s.partner.chain.stage} · owner ${nameOf(m.page.people, s.partner.relationshipOwnerId)}`,
            { size: 'Small', isSubtle: true, spacing: 'None' },
          ),
          text(
            [
              due
                ? `${overdueCheckIn ? 'Check-in overdue since' : 'Next check-in'} ${formatDate(due)}`
                : 'No check-ins scheduled',
              s.overdueActions ? `${open}, ${s.overdueActions} overdue` : open,
            ].join(' · '),
            {
              size: 'Small',
              color: overdueCheckIn || s.overdueActions ? 'attention' : 'default',
              spacing: 'None',
            },
          ),
          actionSet([dialogButton('Log a meeting', MEETING_DIALOG_VERB, { partnerId: s.partner.id })], {
            spacing: 'Small',
          }),
        ],
        { separator: true },
      ),
    );
  }
  return adaptiveCard(body, [
    ...pagingActions('partners', m.page.nextCursor, m.paged),
    commandButton('Add partner', 'add partner'),
  ]);
}
