import { z } from 'zod';
import { OPEN_STATUSES, type AgreedAction } from '../actions/agreed-action';
import type { PriorityAgreement } from '../agreements/priority-agreement';
import { parseInput } from '../common/parse';
import type { Scope } from '../common/scope';
import type { Partner } from '../partners/partner';
import { indexPeople, type PeopleIndex } from '../people/people-resolver';
import type { Store, StoreReaders } from '../ports';
import { matchCount, searchTerms, type RecordKind, type SearchTerms } from './search-terms';

/** Most hits of each kind one search returns. */
export const MAX_HITS_PER_KIND = 10;

/** Records of one kind a question reads before ranking them; a space's agreements with a partner fit. */
const QUESTION_CANDIDATES = 50;

/** What someone types to find records: up to 100 characters; empty lists the first of each kind. */
export const SearchInput = z.object({
  text: z.string().trim().max(100, 'Search for at most 100 characters'),
  perKind: z.number().int().min(1).max(MAX_HITS_PER_KIND).default(5),
});
/** A search as entered. */
export type SearchInput = z.input<typeof SearchInput>;

/** Records of a space that match a search, with the people and partners they mention. */
export interface SearchHits {
  /** Active partners whose name starts with the text, A to Z. */
  readonly partners: readonly Partner[];
  /** Open actions whose title contains the text, earliest due first. */
  readonly actions: readonly AgreedAction[];
  /** Agreements whose title contains the text, newest first. */
  readonly agreements: readonly PriorityAgreement[];
  readonly people: PeopleIndex;
  /** Names of the partners the actions belong to, by partner id. */
  readonly partnerNames: Readonly<Record<string, string>>;
}

type Found = Omit<SearchHits, 'people' | 'partnerNames'>;

/**
 * Finds partners, open actions and agreements of a space by name or title (the message extension's search,
 * which Microsoft 365 Copilot also asks). Text that matches no name or title as typed is read as a question:
 * "what did we agree with Acme about priorities?" looks for agreements with partners named Acme.
 */
export class RecordSearch {
  constructor(private readonly deps: { store: Store }) {}

  /** Up to `perKind` hits of each kind. */
  async find(scope: Scope, input: SearchInput): Promise<SearchHits> {
    const { text, perKind } = parseInput(SearchInput, input);
    const read = this.deps.store.read;
    let found = await this.#byText(read, scope, text, perKind);
    if (text !== '' && isEmpty(found))
      found = await this.#byQuestion(read, scope, searchTerms(text), perKind);
    const people = await indexPeople(read, scope, [
      ...found.partners.map((p) => p.relationshipOwnerId),
      ...found.actions.map((a) => a.ownerId),
    ]);
    const partnerIds = [...new Set(found.actions.flatMap((a) => (a.partnerId ? [a.partnerId] : [])))];
    const partners = partnerIds.length ? await read.partners.getMany(scope, partnerIds) : [];
    const partnerNames = Object.fromEntries(partners.map((p) => [p.id, p.name]));
    return { ...found, people, partnerNames };
  }

  async #byText(read: StoreReaders, scope: Scope, text: string, perKind: number): Promise<Found> {
    const page = { limit: perKind };
    const match = text === '' ? undefined : text;
    const [partners, actions, agreements] = await Promise.all([
      read.partners.list(scope, { status: 'active', namePrefix: match }, page),
      read.actions.list(scope, { statuses: OPEN_STATUSES, titleContains: match }, page),
      read.agreements.list(scope, { titleContains: match }, page),
    ]);
    return { partners: partners.items, actions: actions.items, agreements: agreements.items };
  }

  /**
   * A question: words that start a partner's name pick the partner; kind words ("agreement", "priorities",
   * "actions") pick the kinds; the other words are the topic, which ranks the records and, where some match
   * it, leaves out those that do not.
   */
  async #byQuestion(read: StoreReaders, scope: Scope, terms: SearchTerms, perKind: number): Promise<Found> {
    if (terms.words.length === 0 && terms.kinds.length === 0)
      return { partners: [], actions: [], agreements: [] };
    const named = new Map<string, Partner>();
    const topic: string[] = [];
    for (const word of terms.words) {
      const page = await read.partners.list(
        scope,
        { status: 'active', namePrefix: word },
        { limit: perKind },
      );
      for (const p of page.items) named.set(p.id, p);
      if (page.items.length === 0) topic.push(word);
    }
    const wants = (kind: RecordKind) => terms.kinds.length === 0 || terms.kinds.includes(kind);
    const partnerIds = [...named.keys()];
    const candidates = { limit: QUESTION_CANDIDATES };

    // Each filter the store can apply: by a named partner, else by a topic word in the title, else none.
    const filters: { partnerId?: string; titleContains?: string }[] = partnerIds.length
      ? partnerIds.map((partnerId) => ({ partnerId }))
      : topic.length
        ? topic.map((titleContains) => ({ titleContains }))
        : [{}];

    const actions = wants('action')
      ? unique(
          (
            await Promise.all(
              filters.map((f) => read.actions.list(scope, { statuses: OPEN_STATUSES, ...f }, candidates)),
            )
          ).flatMap((p) => p.items),
        )
      : [];
    const agreements = wants('agreement')
      ? unique(
          (await Promise.all(filters.map((f) => read.agreements.list(scope, f, candidates)))).flatMap(
            (p) => p.items,
          ),
        ).filter((a) => a.status !== 'superseded')
      : [];
    return {
      partners: wants('partner') ? [...named.values()].slice(0, perKind) : [],
      actions: ranked(actions, topic, (a) => a.title).slice(0, perKind),
      agreements: ranked(agreements, topic, agreementText).slice(0, perKind),
    };
  }
}

function isEmpty(found: Found): boolean {
  return found.partners.length + found.actions.length + found.agreements.length === 0;
}

function unique<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(i.id) && seen.add(i.id));
}

/** Most topic words first (stable otherwise); if any record matches the topic, only those that do. */
function ranked<T>(items: readonly T[], topic: readonly string[], textOf: (item: T) => string): T[] {
  if (topic.length === 0) return [...items];
  const scored = items.map((item, i) => ({ item, i, score: matchCount(topic, textOf(item)) }));
  const matching = scored.some((s) => s.score > 0) ? scored.filter((s) => s.score > 0) : scored;
  return matching.sort((a, b) => b.score - a.score || a.i - b.i).map((s) => s.item);
}

function agreementText(a: PriorityAgreement): string {
  return [
    a.title,
    a.scenario.internalDemand,
    a.scenario.externalDemand,
    a.scenario.description ?? '',
    ...a.priorityRule,
    a.rationale ?? '',
  ].join('\n');
}
