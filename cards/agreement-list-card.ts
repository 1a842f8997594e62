import { z } from 'zod';
import { CardRecordId } from './card-data';
import type { Page } from '../core/common/page';
import { pendingParties, type PriorityAgreement } from '../core/agreements/priority-agreement';
import {
  actionSet,
  adaptiveCard,
  clip,
  commandButton,
  container,
  heading,
  plain,
  text,
  verbAction,
  type AdaptiveCard,
  type CardElement,
} from './card-kit';
import { AGREEMENT_STATUS_LABELS, formatDate } from './labels';
import { pagingActions } from './list-paging';

/** Shows one agreement of the list in place of the list. */
export const OPEN_AGREEMENT_VERB = 'agreement.open';

/** What the agreements list shows. */
export interface AgreementListModel {
  readonly page: Page<PriorityAgreement>;
  readonly today: string;
  readonly paged: boolean;
}

/** Conflict-priority agreements of this conversation, newest first, with who has acknowledged them. */
export function renderAgreementListCard(m: AgreementListModel): AdaptiveCard {
  const body: CardElement[] = [...heading('Conflict-priority agreements', 'Newest first')];
  if (m.page.items.length === 0) body.push(text('No agreements here yet.'));
  for (const a of m.page.items) {
    const waiting = pendingParties(a).length;
    const reviewDue = a.status === 'agreed' && a.reviewDate < m.today;
    body.push(
      container(
        [
          plain(`${clip(a.title, 150)} (v${a.versionNo})`, { weight: 'Bolder', spacing: 'None' }),
          text(
            [
              AGREEMENT_STATUS_LABELS[a.status],
              a.status === 'proposed'
                ? `${a.parties.length - waiting} of ${a.parties.length} acknowledged`
                : '',
              `${reviewDue ? 'review overdue since' : 'review by'} ${formatDate(a.reviewDate)}`,
            ]
              .filter(Boolean)
              .join(' · '),
            {
              size: 'Small',
              color: reviewDue ? 'attention' : 'default',
              isSubtle: !reviewDue,
              spacing: 'None',
            },
          ),
          actionSet(
            [
              verbAction(
                'message',
                'Open',
                OPEN_AGREEMENT_VERB,
                { agreementId: a.id },
                { validatesInputs: false },
              ),
            ],
            {
              spacing: 'Small',
            },
          ),
        ],
        { separator: true },
      ),
    );
  }
  return adaptiveCard(body, [
    ...pagingActions('agreements', m.page.nextCursor, m.paged),
    commandButton('New agreement', 'new agreement'),
  ]);
}

/** The `data` of an agreement's "Open" button. */
export const OpenAgreementData = z.looseObject({ agreementId: CardRecordId });
