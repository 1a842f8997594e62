import type { Caller } from '../common/caller';
import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import { parseInput } from '../common/parse';
import type { Scope, TenantScope } from '../common/scope';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import { PeopleResolver } from '../people/people-resolver';
import type { Clock, Ids, Repositories, Store } from '../ports';
import { SpaceWriter, type SpaceWork } from '../unit-of-work';
import { loadCriteriaChanges } from './evidence-curation';
import { effectiveCriteria } from './effective-criteria';
import type { EvidenceEvent } from './evidence-event';
import { META_KINDS } from './evidence-item';
import {
  FeedbackAnswerInput,
  FeedbackRequestInput,
  WitnessConfirmationInput,
  WitnessRequestInput,
  type EvidenceRequest,
  type EvidenceRequestKind,
} from './evidence-request';

/**
 * Partner feedback and witness testimony: a learner asks someone in Teams, and their answer is stored as dated
 * evidence linked to the partner or to the items confirmed (CFACSB9 portfolios need both).
 */
export class EvidenceRequests {
  private readonly writer: SpaceWriter;
  private readonly people: PeopleResolver;

  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {
    this.writer = new SpaceWriter(deps);
    this.people = new PeopleResolver(deps.ids);
  }

  /** Asks a colleague or partner contact for feedback on working with a partner. */
  async requestFeedback(caller: Caller, input: FeedbackRequestInput): Promise<EvidenceRequest> {
    const fields = parseInput(FeedbackRequestInput, input);
    const { scope } = caller;
    const { result } = await this.writer.run(scope, async (w) => {
      const partner = await w.tx.partners.get(scope, fields.partnerId);
      if (!partner) throw new NotFoundError('Partner', fields.partnerId);
      return this.insert(w, caller, 'feedback', fields.recipient, {
        partnerId: partner.id,
        question: fields.question,
      });
    });
    return result;
  }

  /** Asks a colleague or partner contact to confirm, as a witness, that items happened as recorded. */
  async requestWitness(caller: Caller, input: WitnessRequestInput): Promise<EvidenceRequest> {
    const fields = parseInput(WitnessRequestInput, input);
    const { scope } = caller;
    const { result } = await this.writer.run(scope, async (w) => {
      const items = await itemsById(w.tx, scope, fields.itemIds);
      return this.insert(w, caller, 'witness', fields.witness, {
        itemIds: items.map((e) => e.id),
        question: fields.note,
      });
    });
    return result;
  }

  /** Records the asked person's feedback as evidence. Only they can answer. */
  async answerFeedback(caller: Caller, input: FeedbackAnswerInput): Promise<EvidenceRequest> {
    const answer = parseInput(FeedbackAnswerInput, input);
    return this.answer(caller, answer.requestId, 'feedback', async (w, request, respondentId) => {
      const partner = await w.tx.partners.get(caller.scope, request.partnerId ?? '');
      w.evidence({
        kind: 'feedback.received',
        subject: { type: 'feedback', id: request.id },
        partnerIds: request.partnerId ? [request.partnerId] : [],
        actorId: respondentId,
        occurredAt: w.now,
        snapshot: {
          partnerId: request.partnerId,
          partnerName: partner?.name,
          respondentId,
          requestedBy: request.requestedBy,
          question: request.question,
          rating: answer.rating,
          comment: answer.comment,
        },
        facets: { partnerSides: partner ? [partner.side] : [] },
      });
    });
  }

  /** Records the witness's confirmation as evidence linked to the items. Only the witness can confirm. */
  async confirmWitness(caller: Caller, input: WitnessConfirmationInput): Promise<EvidenceRequest> {
    const confirmation = parseInput(WitnessConfirmationInput, input);
    return this.answer(caller, confirmation.requestId, 'witness', async (w, request, witnessId) => {
      const items = await itemsById(w.tx, caller.scope, request.itemIds);
      const changes = await loadCriteriaChanges(w.tx, caller.scope);
      w.evidence({
        kind: 'witness.confirmed',
        subject: { type: 'witness', id: request.id },
        partnerIds: [...new Set(items.flatMap((e) => e.partnerIds))],
        actorId: witnessId,
        occurredAt: w.now,
        snapshot: {
          eventIds: items.map((e) => e.id),
          witnessId,
          requestedBy: request.requestedBy,
          role: confirmation.role,
          statement: confirmation.statement,
        },
        facets: { inheritedCriteria: items.flatMap((e) => effectiveCriteria(e, changes)) },
      });
    });
  }

  /** The asked person declines; nothing becomes evidence. */
  async decline(caller: Caller, requestId: string): Promise<EvidenceRequest> {
    const request = await this.load(caller.scope, requestId);
    return this.answer(caller, requestId, request.kind, async () => undefined, 'declined');
  }

  /** One request, from the learner's space. */
  async get(scope: Scope, id: string): Promise<EvidenceRequest> {
    return this.load(scope, id);
  }

  /** Requests still waiting for this person's answer, across the tenant, newest first. */
  async pendingFor(
    scope: TenantScope,
    aadObjectId: string,
    page: PageRequest,
  ): Promise<Page<EvidenceRequest>> {
    const read = this.deps.store.read;
    const me = await read.people.findByAadObjectId(scope, aadObjectId);
    if (!me) return { items: [], nextCursor: null };
    return read.evidenceRequests.listForRecipient(scope, me.id, 'pending', page);
  }

  private async insert(
    w: SpaceWork,
    caller: Caller,
    kind: EvidenceRequestKind,
    recipient: Parameters<PeopleResolver['user']>[2],
    extra: { partnerId?: string; itemIds?: string[]; question?: string },
  ): Promise<EvidenceRequest> {
    const requester = await this.people.user(w.tx, caller.scope, caller.user, w.now);
    const asked = await this.people.user(w.tx, caller.scope, recipient, w.now);
    if (asked.id === requester.id)
      throw new ConflictError('Ask someone else: you cannot give yourself feedback or witness your own work');
    const request: EvidenceRequest = {
      id: this.deps.ids.next('req'),
      tenantId: caller.scope.tenantId,
      spaceId: caller.scope.spaceId,
      kind,
      requestedBy: requester.id,
      recipientId: asked.id,
      partnerId: extra.partnerId,
      itemIds: extra.itemIds ?? [],
      question: extra.question,
      status: 'pending',
      requestedAt: w.now,
    };
    await w.tx.evidenceRequests.insert(request);
    return request;
  }

  private async answer(
    caller: Caller,
    requestId: string,
    kind: EvidenceRequestKind,
    record: (w: SpaceWork, request: EvidenceRequest, answererId: string) => Promise<void>,
    status: 'answered' | 'declined' = 'answered',
  ): Promise<EvidenceRequest> {
    const { scope } = caller;
    await this.writer.run(scope, async (w) => {
      const request = await w.tx.evidenceRequests.get(scope, requestId);
      if (!request || request.kind !== kind) throw new NotFoundError('Request', requestId);
      const me = await w.tx.people.findByAadObjectId(scope, caller.user.aadObjectId);
      if (me?.id !== request.recipientId)
        throw new ForbiddenError('Only the person who was asked can answer this');
      if (request.status !== 'pending') throw new ConflictError(`This request was already ${request.status}`);
      await record(w, request, me.id);
      await w.tx.evidenceRequests.close(scope, request.id, { status, answeredAt: w.now });
    });
    return this.load(scope, requestId);
  }

  private async load(scope: Scope, id: string): Promise<EvidenceRequest> {
    const request = await this.deps.store.read.evidenceRequests.get(scope, id);
    if (!request) throw new NotFoundError('Request', id);
    return request;
  }
}

/** Evidence items by id, in chain order; meta events and unknown ids are not found. */
async function itemsById(
  tx: Pick<Repositories, 'evidence'>,
  scope: Scope,
  ids: readonly string[],
): Promise<EvidenceEvent[]> {
  const events: EvidenceEvent[] = [];
  for (const id of new Set(ids)) {
    const event = await tx.evidence.get(scope, id);
    if (!event || META_KINDS.has(event.kind)) throw new NotFoundError('Evidence item', id);
    events.push(event);
  }
  return events.sort((a, b) => a.seq - b.seq);
}
