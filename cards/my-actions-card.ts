import type { AgreedAction } from '../core/actions/agreed-action';
import type { PageWithPeople } from '../core/people/people-resolver';
import {
  adaptiveCard,
  banner,
  commandButton,
  heading,
  text,
  type AdaptiveCard,
  type CardElement,
} from './card-kit';
import { actionRow, isOverdue } from './action-rows';
import { pagingActions } from './list-paging';

/** What "my actions" shows. */
export interface MyActionsModel {
  readonly page: PageWithPeople<AgreedAction>;
  readonly today: string;
  readonly paged: boolean;
  /** Where the list is shown: actions of other conversations say so, since they are answered there. */
  readonly spaceId: string;
  readonly notice?: { readonly text: string; readonly tone: 'good' | 'attention' };
  readonly cursor?: string;
}

/** The caller's open actions across every conversation, earliest due (so overdue) first, each with Mark done. */
export function renderMyActionsCard(m: MyActionsModel): AdaptiveCard {
  const overdue = m.page.items.filter((a) => isOverdue(a, m.today)).length;
  const body: CardElement[] = [
    ...(m.notice ? [banner(m.notice.text, m.notice.tone)] : []),
    ...heading(
      'My open actions',
      overdue ? `${overdue} overdue on this page, earliest first` : 'Earliest due first',
    ),
  ];
  if (m.page.items.length === 0) body.push(text('Nothing open. Well done!'));
  for (const action of m.page.items)
    body.push(
      actionRow(action, m.page.people, m.today, {
        actionId: action.id,
        card: 'mine',
        spaceId: action.spaceId,
        ...(m.cursor ? { cursor: m.cursor } : {}),
      }),
      ...(action.spaceId !== m.spaceId
        ? [text('From another chat or team', { size: 'Small', isSubtle: true, spacing: 'None' })]
        : []),
    );
  return adaptiveCard(body, [
    ...pagingActions('myActions', m.page.nextCursor, m.paged),
    commandButton('New action', 'new action'),
  ]);
}
