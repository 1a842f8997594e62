import { z } from 'zod';
import { verbAction, type CardAction } from './card-kit';

/** The verb that shows another page of a list card in place. */
export const LIST_PAGE_VERB = 'list.page';

/** The lists a card can page through. */
export const LIST_KINDS = ['partners', 'myActions', 'agreements', 'checkins'] as const;
/** A list a card can page through. */
export type ListKind = (typeof LIST_KINDS)[number];

/** Items per list card: enough to scan, few enough to stay well inside a message's size limit. */
export const LIST_PAGE_SIZE = 8;

/** "Next page" (and "First page" once paged) for a list card. */
export function pagingActions(list: ListKind, nextCursor: string | null, paged: boolean): CardAction[] {
  return [
    ...(paged
      ? [verbAction('message', 'First page', LIST_PAGE_VERB, { list }, { validatesInputs: false })]
      : []),
    ...(nextCursor
      ? [
          verbAction(
            'message',
            'Next page',
            LIST_PAGE_VERB,
            { list, cursor: nextCursor },
            { validatesInputs: false },
          ),
        ]
      : []),
  ];
}

/** The `data` of a paging button. */
export const ListPageData = z.looseObject({
  list: z.enum(LIST_KINDS, { error: 'This list is not one the bot knows; type the command again' }),
  cursor: z
    .string({ error: 'The page marker must be text' })
    .max(400, 'The page marker is too long')
    .optional(),
});
