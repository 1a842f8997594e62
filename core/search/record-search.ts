import { z } from 'zod';
import { OPEN_STATUSES, type AgreedAction } from '../actions/agreed-action';
import type { PriorityAgreement } from '../agreements/priority-agreement';
import { parseInput } from '../common/parse';
import type { Scope } from '../common/scope';
import type { Partner } from '../partners/partner';
import { indexPeople, type PeopleIndex } from '../people/people-resolver';
import type { Store } from '../ports';

/** Most hits of each kind one search returns. */
export const MAX_HITS_PER_KIND = 10;

/** What someone types to find records: up to 100 characters; empty lists the first of each kind. */
export const SearchInput = z.object({
  text: z.string().trim().max(100, 'Search for at most 100 characters'),
  perKind: z.number().int().min(1).max(MAX_HITS_PER_KIND).default(5),
});
/** A search as entered. */
export type SearchInput = z.input<typeof SearchInput>;

/** Records of a space that match a search, with the people they mention. */
export interface SearchHits {
  /** Active partners whose name starts with the text, A to Z. */
  readonly partners: readonly Partner[];
  /** Open actions whose title contains the text, earliest due first. */
  readonly actions: readonly AgreedAction[];
  /** Agreements whose title contains the text, newest first. */
  readonly agreements: readonly PriorityAgreement[];
  readonly people: PeopleIndex;
}

/** Finds partners, open actions and agreements of a space by name or title (the message extension's search). */
export class RecordSearch {
  constructor(private readonly deps: { store: Store }) {}

  /** Up to `perKind` hits of each kind. */
  async find(scope: Scope, input: SearchInput): Promise<SearchHits> {
    const { text, perKind } = parseInput(SearchInput, input);
    const read = this.deps.store.read;
    const page = { limit: perKind };
    const match = text === '' ? undefined : text;
    const [partners, actions, agreements] = await Promise.all([
      read.partners.list(scope, { status: 'active', namePrefix: match }, page),
      read.actions.list(scope, { statuses: OPEN_STATUSES, titleContains: match }, page),
      read.agreements.list(scope, { titleContains: match }, page),
    ]);
    const people = await indexPeople(read, scope, [
      ...partners.items.map((p) => p.relationshipOwnerId),
      ...actions.items.map((a) => a.ownerId),
    ]);
    return { partners: partners.items, actions: actions.items, agreements: agreements.items, people };
  }
}
