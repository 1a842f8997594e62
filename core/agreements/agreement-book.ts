import type { Caller } from '../common/caller';
import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import { parseInput } from '../common/parse';
import { optionalText } from '../common/text';
import type { Scope } from '../common/scope';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../errors';
import type { EvidenceDraft } from '../evidence/evidence-event';
import type { Clock, Ids, Store } from '../ports';
import { indexPeople, PeopleResolver, type PeopleIndex } from '../people/people-resolver';
import { SpaceWriter, type SpaceWork } from '../unit-of-work';
import { z } from 'zod';
import type { AgreementListQuery } from './agreement-repository';
import {
  AgreementInput,
  pendingParties,
  type AgreementParty,
  type PriorityAgreement,
} from './priority-agreement';

/** An agreement with the people it mentions. */
export interface AgreementView {
  readonly agreement: PriorityAgreement;
  readonly people: PeopleIndex;
}

/** An acknowledgement as entered: for which party (optional when the caller represents exactly one). */
export const AcknowledgeInput = z.object({
  agreementId: z.string().min(1).max(64),
  partyId: z.string().min(1).max(64).optional(),
  comment: optionalText(1000, 'Comment'),
});
/** An acknowledgement as entered. */
export type AcknowledgeInput = z.input<typeof AcknowledgeInput>;

/**
 * Conflict-priority agreements: how work is prioritised when internal and external customers' demands
 * collide, proposed to the parties and acknowledged by each (CFACSB9 P13, K6, P10).
 */
export class AgreementBook {
  private readonly writer: SpaceWriter;
  private readonly people: PeopleResolver;

  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {
    this.writer = new SpaceWriter(deps);
    this.people = new PeopleResolver(deps.ids);
  }

  /** Records a new agreement (or a new version of one) as a draft or proposed to its parties. */
  async propose(caller: Caller, input: AgreementInput, idempotencyKey?: string): Promise<AgreementView> {
    const fields = parseInput(AgreementInput, input);
    const { scope } = caller;
    const { result: id } = await this.writer.runOnce(
      scope,
      idempotencyKey && `agreement.propose:${idempotencyKey}`,
      async (w) => {
        const actor = await this.people.user(w.tx, scope, caller.user, w.now);
        const previous =
          fields.supersedesId === undefined
            ? undefined
            : await w.tx.agreements.get(scope, fields.supersedesId);
        if (fields.supersedesId !== undefined && !previous)
          throw new NotFoundError('Agreement', fields.supersedesId);
        if (previous && previous.status === 'superseded')
          throw new ConflictError('That version was already superseded');

        const partnerIds = fields.parties.flatMap((p) => (p.partnerId ? [p.partnerId] : []));
        if (new Set(partnerIds).size !== partnerIds.length)
          throw ValidationError.of('parties', 'A partner is listed twice');
        const partners = new Map((await w.tx.partners.getMany(scope, partnerIds)).map((p) => [p.id, p]));
        const representatives = await this.people.resolve(
          w.tx,
          scope,
          fields.parties.flatMap((p) => (p.representative ? [p.representative] : [])),
          w.now,
          'parties.representative',
        );
        let nextRepresentative = 0;
        const parties: AgreementParty[] = fields.parties.map((p, i) => {
          const partner = p.partnerId === undefined ? undefined : partners.get(p.partnerId);
          if (p.partnerId !== undefined && !partner) throw new NotFoundError('Partner', p.partnerId);
          const representativeId = p.representative ? representatives[nextRepresentative++]!.id : undefined;
          return {
            id: `party-${i + 1}`,
            name: p.name ?? partner!.name,
            partnerId: p.partnerId,
            representativeId,
          };
        });

        const agreement: PriorityAgreement = {
          id: this.deps.ids.next('agr'),
          tenantId: scope.tenantId,
          spaceId: scope.spaceId,
          seriesId: previous?.seriesId ?? this.deps.ids.next('agr'),
          versionNo: (previous?.versionNo ?? 0) + 1,
          title: fields.title,
          parties,
          scenario: fields.scenario,
          priorityRule: fields.priorityRule,
          rationale: fields.rationale,
          escalationRoute: fields.escalationRoute,
          effectiveFrom: fields.effectiveFrom,
          reviewDate: fields.reviewDate,
          status: fields.propose ? 'proposed' : 'draft',
          supersedesId: previous?.id,
          acknowledgements: [],
          version: 1,
          createdAt: w.now,
          updatedAt: w.now,
          createdBy: actor.id,
        };
        await w.tx.agreements.insert(agreement);
        w.evidence(
          agreementEvidence(
            fields.propose ? 'agreement.proposed' : 'agreement.drafted',
            agreement,
            actor.id,
            w.now,
          ),
        );
        return agreement.id;
      },
    );
    return this.view(scope, id);
  }

  /** Sends a draft to its parties. */
  async submit(caller: Caller, agreementId: string): Promise<AgreementView> {
    const { scope } = caller;
    await this.writer.run(scope, async (w) => {
      const current = await this.load(w, scope, agreementId);
      if (current.status === 'proposed') return;
      if (current.status !== 'draft')
        throw new ConflictError(`An ${current.status} agreement cannot be proposed again`);
      const actor = await this.people.user(w.tx, scope, caller.user, w.now);
      const proposed: PriorityAgreement = {
        ...current,
        status: 'proposed',
        version: current.version + 1,
        updatedAt: w.now,
      };
      await w.tx.agreements.update(proposed, current.version);
      w.evidence(agreementEvidence('agreement.proposed', proposed, actor.id, w.now));
    });
    return this.view(scope, agreementId);
  }

  /**
   * Records the caller's acknowledgement for one party. A party with a representative can only be acknowledged
   * by that person; nobody acknowledges for two parties of one agreement. When the last party acknowledges,
   * the agreement is agreed and the version it revises is superseded.
   */
  async acknowledge(caller: Caller, input: AcknowledgeInput): Promise<AgreementView & { changed: boolean }> {
    const ack = parseInput(AcknowledgeInput, input);
    const { scope } = caller;
    const { result: changed } = await this.writer.run(scope, async (w) => {
      const current = await this.load(w, scope, ack.agreementId);
      const actor = await this.people.user(w.tx, scope, caller.user, w.now);
      if (
        current.acknowledgements.some(
          (a) => a.personId === actor.id && (ack.partyId === undefined || a.partyId === ack.partyId),
        )
      )
        return false;
      if (current.status !== 'proposed')
        throw new ConflictError(
          current.status === 'draft'
            ? 'This agreement is still a draft'
            : `This agreement is already ${current.status}`,
        );
      const party = choosePartyFor(current, actor.id, ack.partyId);
      if (
        !(await w.tx.agreements.addAcknowledgement(scope, current.id, {
          partyId: party.id,
          personId: actor.id,
          at: w.now,
          comment: ack.comment,
        }))
      )
        return false;
      const acknowledged = {
        ...current,
        acknowledgements: [
          ...current.acknowledgements,
          { partyId: party.id, personId: actor.id, at: w.now, comment: ack.comment },
        ],
      };
      w.evidence({
        kind: 'agreement.acknowledged',
        subject: { type: 'agreement', id: current.id },
        partnerIds: partnerIdsOf(current),
        actorId: actor.id,
        occurredAt: w.now,
        snapshot: {
          title: current.title,
          versionNo: current.versionNo,
          partyId: party.id,
          partyName: party.name,
          comment: ack.comment,
        },
      });
      if (pendingParties(acknowledged).length === 0) await this.conclude(w, scope, acknowledged, actor.id);
      return true;
    });
    return { ...(await this.view(scope, ack.agreementId)), changed };
  }

  /** One agreement with its people. */
  async view(scope: Scope, id: string): Promise<AgreementView> {
    const read = this.deps.store.read;
    const agreement = await read.agreements.get(scope, id);
    if (!agreement) throw new NotFoundError('Agreement', id);
    const people = await indexPeople(read, scope, [
      agreement.createdBy,
      ...agreement.parties.map((p) => p.representativeId),
      ...agreement.acknowledgements.map((a) => a.personId),
    ]);
    return { agreement, people };
  }

  /** A page of agreements, newest first. */
  list(scope: Scope, query: AgreementListQuery, page: PageRequest): Promise<Page<PriorityAgreement>> {
    return this.deps.store.read.agreements.list(scope, query, page);
  }

  private async load(w: SpaceWork, scope: Scope, id: string): Promise<PriorityAgreement> {
    const agreement = await w.tx.agreements.get(scope, id);
    if (!agreement) throw new NotFoundError('Agreement', id);
    return agreement;
  }

  private async conclude(
    w: SpaceWork,
    scope: Scope,
    agreement: PriorityAgreement,
    actorId: string,
  ): Promise<void> {
    const agreed: PriorityAgreement = {
      ...agreement,
      status: 'agreed',
      version: agreement.version + 1,
      updatedAt: w.now,
    };
    await w.tx.agreements.update(agreed, agreement.version);
    w.evidence(agreementEvidence('agreement.agreed', agreed, actorId, w.now));
    if (agreement.supersedesId === undefined) return;
    const previous = await w.tx.agreements.get(scope, agreement.supersedesId);
    if (!previous || previous.status === 'superseded') return;
    const superseded: PriorityAgreement = {
      ...previous,
      status: 'superseded',
      supersededById: agreement.id,
      version: previous.version + 1,
      updatedAt: w.now,
    };
    await w.tx.agreements.update(superseded, previous.version);
    w.evidence(agreementEvidence('agreement.superseded', superseded, actorId, w.now));
  }
}

/** The party the caller acknowledges for, or why they cannot. */
function choosePartyFor(
  agreement: PriorityAgreement,
  personId: string,
  partyId: string | undefined,
): AgreementParty {
  const pending = pendingParties(agreement);
  if (partyId !== undefined) {
    const party = agreement.parties.find((p) => p.id === partyId);
    if (!party) throw new NotFoundError('Party', partyId);
    if (!pending.includes(party)) throw new ConflictError(`${party.name} has already acknowledged`);
    if (party.representativeId !== undefined && party.representativeId !== personId)
      throw new ForbiddenError(`Only the representative of ${party.name} can acknowledge for it`);
    if (agreement.acknowledgements.some((a) => a.personId === personId))
      throw new ForbiddenError('You have already acknowledged for another party');
    return party;
  }
  const mine = pending.filter((p) => p.representativeId === personId);
  if (mine.length === 1) return mine[0]!;
  const open = pending.filter((p) => p.representativeId === undefined);
  if (
    mine.length === 0 &&
    open.length === 1 &&
    !agreement.acknowledgements.some((a) => a.personId === personId)
  )
    return open[0]!;
  throw ValidationError.of('partyId', 'Choose the party you acknowledge for');
}

function partnerIdsOf(agreement: PriorityAgreement): string[] {
  return agreement.parties.flatMap((p) => (p.partnerId ? [p.partnerId] : []));
}

/** Evidence of an agreement as it now stands. Representatives appear by id only. */
function agreementEvidence(
  kind: EvidenceDraft['kind'],
  a: PriorityAgreement,
  actorId: string,
  now: string,
): EvidenceDraft {
  return {
    kind,
    subject: { type: 'agreement', id: a.id },
    partnerIds: partnerIdsOf(a),
    actorId,
    occurredAt: now,
    snapshot: {
      title: a.title,
      seriesId: a.seriesId,
      versionNo: a.versionNo,
      status: a.status,
      parties: a.parties.map((p) => ({ ...p })),
      scenario: { ...a.scenario },
      priorityRule: [...a.priorityRule],
      rationale: a.rationale,
      escalationRoute: [...a.escalationRoute],
      effectiveFrom: a.effectiveFrom,
      reviewDate: a.reviewDate,
      supersedesId: a.supersedesId,
      supersededById: a.supersededById,
      acknowledgements: a.acknowledgements.map((x) => ({ ...x })),
    },
  };
}
