import { z } from 'zod';
import type { Caller } from '../common/caller';
import { utcDateOf } from '../common/dates';
import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import { parseInput } from '../common/parse';
import type { Scope } from '../common/scope';
import { isCriterionCode, type CriterionCode } from '../criteria/cfacsb9';
import { NotFoundError, ValidationError } from '../errors';
import { indexPeople, PeopleResolver, type PeopleIndex } from '../people/people-resolver';
import type { Clock, Ids, StoreReaders, Store } from '../ports';
import { SpaceWriter } from '../unit-of-work';
import { CoverageTally, gapNudges, type Coverage, type GapNudge } from './coverage';
import { describeEvent } from './describe-event';
import { collectCriteriaChanges, effectiveCriteria, type CriteriaChanges } from './effective-criteria';
import type { EvidenceEvent } from './evidence-event';
import { META_KINDS, toEvidenceItem, type EvidenceItem } from './evidence-item';
import type { EvidenceQuery } from './evidence-repository';
import { personIdsOf } from './person-ids';
import { ReflectionInput, type ReflectionDraft } from './reflection';

const Code = z.string().refine(isCriterionCode, 'Not a criterion of the unit (P1–P14, K1–K12)');

/** A learner's change of one item's criteria: codes to add and to remove. */
export const CriteriaChangeInput = z
  .object({
    eventId: z.string().min(1).max(64),
    add: z.array(Code).max(26).default([]),
    remove: z.array(Code).max(26).default([]),
  })
  .refine((c) => c.add.length + c.remove.length > 0, 'Add or remove at least one criterion')
  .refine(
    (c) => !c.add.some((code) => c.remove.includes(code)),
    'A criterion cannot be added and removed at once',
  );
/** A change of one item's criteria, as entered. */
export type CriteriaChangeInput = z.input<typeof CriteriaChangeInput>;

/** A page of items with the people they mention. */
export type ItemPage = Page<EvidenceItem> & { readonly people: PeopleIndex };

/**
 * What a learner does with the evidence log: reads it as items with their criteria, retags items,
 * writes STARR reflections about them, and sees how the unit's criteria are covered (CFACSB9 portfolio).
 */
export class EvidenceCuration {
  private readonly writer: SpaceWriter;
  private readonly people: PeopleResolver;

  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {
    this.writer = new SpaceWriter(deps);
    this.people = new PeopleResolver(deps.ids);
  }

  /** A page of items in chain order, criteria as they are now. Tag-change events are not items. */
  async items(scope: Scope, query: EvidenceQuery, page: PageRequest): Promise<ItemPage> {
    const read = this.deps.store.read;
    const changes = await loadCriteriaChanges(read, scope);
    const events = await read.evidence.list(scope, query, page);
    const shown = events.items.filter((e) => !META_KINDS.has(e.kind));
    const people = await indexPeople(read, scope, shown.flatMap(personIdsOf));
    const nameOf = (id: string | undefined) => (id && people[id]?.displayName) || 'someone';
    return {
      items: shown.map((e) => toEvidenceItem(e, changes, nameOf)),
      nextCursor: events.nextCursor,
      people,
    };
  }

  /** One item. */
  async item(scope: Scope, id: string): Promise<EvidenceItem & { people: PeopleIndex }> {
    const read = this.deps.store.read;
    const event = await read.evidence.get(scope, id);
    if (!event || META_KINDS.has(event.kind)) throw new NotFoundError('Evidence item', id);
    const people = await indexPeople(read, scope, personIdsOf(event));
    const changes = await loadCriteriaChanges(read, scope);
    return {
      ...toEvidenceItem(event, changes, (pid) => (pid && people[pid]?.displayName) || 'someone'),
      people,
    };
  }

  /** Adds and removes criteria tags of one item; the change is itself an event, the item stays as recorded. */
  async changeCriteria(
    caller: Caller,
    input: CriteriaChangeInput,
  ): Promise<EvidenceItem & { people: PeopleIndex }> {
    const change = parseInput(CriteriaChangeInput, input);
    const { scope } = caller;
    await this.writer.run(scope, async (w) => {
      const target = await w.tx.evidence.get(scope, change.eventId);
      if (!target || META_KINDS.has(target.kind)) throw new NotFoundError('Evidence item', change.eventId);
      const actor = await this.people.user(w.tx, scope, caller.user, w.now);
      const current = effectiveCriteria(target, await loadCriteriaChanges(w.tx, scope));
      const added = (change.add as CriterionCode[]).filter((c) => !current.includes(c));
      const removed = (change.remove as CriterionCode[]).filter((c) => current.includes(c));
      if (added.length + removed.length === 0) return;
      w.evidence({
        kind: 'evidence.criteria_changed',
        subject: { type: 'evidence', id: target.id },
        partnerIds: target.partnerIds,
        actorId: actor.id,
        occurredAt: w.now,
        snapshot: { eventId: target.id, eventSeq: target.seq, added, removed },
      });
    });
    return this.item(scope, change.eventId);
  }

  /** Situation, Task and Action drafted from the chosen items, for the learner to edit. */
  async draftReflection(scope: Scope, itemIds: readonly string[]): Promise<ReflectionDraft> {
    const events = await this.itemsById(this.deps.store.read, scope, itemIds);
    const people = await indexPeople(this.deps.store.read, scope, events.flatMap(personIdsOf));
    const nameOf = (id: string | undefined) => (id && people[id]?.displayName) || 'someone';
    return draftFrom(events, nameOf);
  }

  /** Records a STARR reflection about items; it evidences what they evidence. */
  async writeReflection(
    caller: Caller,
    input: ReflectionInput,
    idempotencyKey?: string,
  ): Promise<EvidenceItem & { people: PeopleIndex }> {
    const fields = parseInput(ReflectionInput, input);
    const { scope } = caller;
    const { events } = await this.writer.runOnce(
      scope,
      idempotencyKey && `reflection.write:${idempotencyKey}`,
      async (w) => {
        const items = await this.itemsById(w.tx, scope, fields.itemIds);
        const changes = await loadCriteriaChanges(w.tx, scope);
        const actor = await this.people.user(w.tx, scope, caller.user, w.now);
        const id = this.deps.ids.next('rfl');
        w.evidence({
          kind: 'reflection.written',
          subject: { type: 'reflection', id },
          partnerIds: [...new Set(items.flatMap((e) => e.partnerIds))],
          actorId: actor.id,
          occurredAt: w.now,
          snapshot: { ...fields, itemIds: items.map((e) => e.id) },
          facets: { inheritedCriteria: items.flatMap((e) => effectiveCriteria(e, changes)) },
        });
        return id;
      },
    );
    const reflection = events[0] ?? (await this.findBySubject(scope, 'reflection.written'));
    return this.item(scope, reflection.id);
  }

  /** The criteria × evidence matrix of a space's trail (or the part of it a query selects). */
  async coverage(scope: Scope, query: EvidenceQuery = {}): Promise<Coverage> {
    const read = this.deps.store.read;
    const changes = await loadCriteriaChanges(read, scope);
    const tally = new CoverageTally();
    for await (const event of read.evidence.stream(scope, query)) {
      if (META_KINDS.has(event.kind)) continue;
      tally.add({
        kind: event.kind,
        occurredAt: event.occurredAt,
        criteria: effectiveCriteria(event, changes),
      });
    }
    return tally.result();
  }

  /** Performance criteria without evidence in the last `days` days: what the bot nudges about. */
  async gaps(scope: Scope, days = 30): Promise<GapNudge[]> {
    return gapNudges(await this.coverage(scope), this.deps.clock.now(), days);
  }

  private async itemsById(
    read: Pick<StoreReaders, 'evidence'>,
    scope: Scope,
    ids: readonly string[],
  ): Promise<EvidenceEvent[]> {
    const events: EvidenceEvent[] = [];
    for (const id of new Set(ids)) {
      const event = await read.evidence.get(scope, id);
      if (!event || META_KINDS.has(event.kind)) throw new NotFoundError('Evidence item', id);
      events.push(event);
    }
    return events.sort((a, b) => a.seq - b.seq);
  }

  /** A replayed reflection: the one recorded by the first request with the same key. */
  private async findBySubject(scope: Scope, kind: EvidenceEvent['kind']): Promise<EvidenceEvent> {
    const page = await this.deps.store.read.evidence.list(scope, { kinds: [kind] }, { limit: 100 });
    const latest = page.items[page.items.length - 1];
    if (!latest) throw new ValidationError([{ path: '', message: 'The reflection could not be found' }]);
    return latest;
  }
}

/** Every criteria change recorded in a space (up to `untilSeq`, when given), by the item it changes. */
export async function loadCriteriaChanges(
  read: Pick<StoreReaders, 'evidence'>,
  scope: Scope,
  untilSeq?: number,
): Promise<CriteriaChanges> {
  const events: EvidenceEvent[] = [];
  for await (const event of read.evidence.stream(scope, { kinds: ['evidence.criteria_changed'], untilSeq }))
    events.push(event);
  return collectCriteriaChanges(events);
}

/** Drafts Situation (context and impact), Task (what was agreed) and Action (what was done, dated). */
function draftFrom(
  events: readonly EvidenceEvent[],
  nameOf: (id: string | undefined) => string,
): ReflectionDraft {
  const described = events.map((e) => ({ event: e, ...describeEvent(e, nameOf) }));
  const detail = (label: string) =>
    described.flatMap((d) => d.details.filter((x) => x.label === label).map((x) => x.value));
  const first = described[0]!;
  const last = described[described.length - 1]!;
  const span =
    first === last
      ? `On ${utcDateOf(first.event.occurredAt)}`
      : `Between ${utcDateOf(first.event.occurredAt)} and ${utcDateOf(last.event.occurredAt)}`;
  const situation = [
    `${span}: ${described.map((d) => d.title).join('; ')}.`,
    ...detail('Issues raised').map((t) => `Issues raised:\n${t}`),
    ...detail('Customer impact').map((t) => `Customer impact: ${t}`),
    ...detail('Internal customer demand').map((t) => `Internal customer demand: ${t}`),
    ...detail('External customer demand').map((t) => `External customer demand: ${t}`),
  ].join('\n');
  const agreed = described.filter(
    (d) => d.event.kind === 'action.created' || d.event.kind.startsWith('agreement.'),
  );
  const task =
    [
      ...detail('Decisions').map((t) => `Decisions:\n${t}`),
      ...agreed.map((d) => d.title),
      ...detail('Priority rule').map((t) => `Priority rule:\n${t}`),
    ].join('\n') || 'What I needed to achieve with the partner:';
  const action = described.map((d) => `${utcDateOf(d.event.occurredAt)}: ${d.title}`).join('\n');
  return { situation, task, action };
}
