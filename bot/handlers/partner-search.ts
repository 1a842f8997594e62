import { z } from 'zod';
import { parseInput } from '../../core/common/parse';
import { PARTNER_SEARCH_DATASET } from '../../cards/meeting-form-card';
import type { Turn } from '../turn';

/** Matches one type-ahead answer lists. */
const MAX_MATCHES = 15;

const SearchRequest = z.looseObject({
  dataset: z.literal(PARTNER_SEARCH_DATASET, { error: 'This picker searches a list the bot does not have' }),
  queryText: z.string({ error: 'Search for text' }).max(100, 'Search for at most 100 characters'),
});

/** Active partners of the conversation whose name starts with what was typed, for a partner picker. */
export async function searchPartnerChoices(
  turn: Turn,
  request: unknown,
): Promise<{ title: string; value: string }[]> {
  const { queryText } = parseInput(SearchRequest, request);
  const text = queryText.trim();
  const page = await turn.core.partners.list(
    turn.caller.scope,
    { status: 'active', namePrefix: text === '' ? undefined : text },
    { limit: MAX_MATCHES },
  );
  return page.items.map((p) => ({ title: p.name, value: p.id }));
}
