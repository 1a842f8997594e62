import type { z } from 'zod';
import type { Caller } from '../common/caller';
import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import { parseInput } from '../common/parse';
import type { Scope } from '../common/scope';
import { ConflictError, NotFoundError } from '../errors';
import { checkInScheduledEvidence } from '../checkins/check-in-evidence';
import { planSchedule, stopSchedule } from '../checkins/check-in-planner';
import type { CheckInSchedule } from '../checkins/check-in-schedule';
import type { JsonObject } from '../evidence/json';
import type { Clock, Ids, Repositories, Store } from '../ports';
import { indexPeople, PeopleResolver, type PeopleIndex } from '../people/people-resolver';
import type { Person } from '../people/person';
import { SpaceWriter, type SpaceWork } from '../unit-of-work';
import { PartnerInput, sideOf, type ContactInput, type Partner, type PartnerContact } from './partner';
import type { PartnerListQuery } from './partner-repository';
import { partnerStandings, type PartnerStanding } from './partner-standings';
import { utcDateOf } from '../common/dates';
import { saveCheckIn } from '../checkins/check-in-writes';

/** A partner with the people it mentions and its check-in schedule, ready to render. */
export interface PartnerView {
  readonly partner: Partner;
  readonly people: PeopleIndex;
  readonly checkIn?: CheckInSchedule;
}

/** Adds, updates, archives and reads the service partners of a space (CFACSB9 P1, P2, P9). */
export class PartnerDirectory {
  private readonly writer: SpaceWriter;
  private readonly people: PeopleResolver;

  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {
    this.writer = new SpaceWriter(deps);
    this.people = new PeopleResolver(deps.ids);
  }

  /** Adds a partner with its contacts and, when a cadence is given, its check-in schedule. */
  async add(caller: Caller, input: PartnerInput, idempotencyKey?: string): Promise<PartnerView> {
    const fields = parseInput(PartnerInput, input);
    const { scope } = caller;
    const { result: id } = await this.writer.runOnce(
      scope,
      idempotencyKey && `partner.add:${idempotencyKey}`,
      async (w) => {
        const actor = await this.people.user(w.tx, scope, caller.user, w.now);
        const id = this.deps.ids.next('ptn');
        const owner = await this.resolveOwner(w, caller, fields);
        const contacts = await this.saveContacts(w, scope, id, fields.contacts);
        const partner: Partner = {
          id,
          tenantId: scope.tenantId,
          spaceId: scope.spaceId,
          ...editableFields(fields, contacts, owner.id),
          status: 'active',
          version: 1,
          createdAt: w.now,
          updatedAt: w.now,
          createdBy: actor.id,
        };
        await w.tx.partners.insert(partner);
        w.evidence(partnerEvidence('partner.added', partner, actor.id, w.now));
        if (fields.checkInCadence) await this.schedule(w, partner, fields.checkInCadence, actor.id);
        return id;
      },
    );
    return this.view(scope, id);
  }

  /** Replaces a partner's details if nobody changed it since `expectedVersion`. */
  async update(
    caller: Caller,
    id: string,
    input: PartnerInput,
    expectedVersion: number,
  ): Promise<PartnerView> {
    const fields = parseInput(PartnerInput, input);
    const { scope } = caller;
    await this.writer.run(scope, async (w) => {
      const current = await this.load(w.tx, scope, id);
      if (current.version !== expectedVersion)
        throw new ConflictError('Someone else changed this partner; reload it and try again');
      const actor = await this.people.user(w.tx, scope, caller.user, w.now);
      const owner = await this.resolveOwner(w, caller, fields);
      const contacts = await this.saveContacts(w, scope, id, fields.contacts, current);
      const updated: Partner = {
        ...current,
        ...editableFields(fields, contacts, owner.id),
        version: current.version + 1,
        updatedAt: w.now,
      };
      if (!(await w.tx.partners.update(updated, current.version)))
        throw new ConflictError('Someone else changed this partner; reload it and try again');
      w.evidence(partnerEvidence('partner.updated', updated, actor.id, w.now));
      const schedule = await w.tx.checkIns.getForPartner(scope, id);
      if (fields.checkInCadence) await this.schedule(w, updated, fields.checkInCadence, actor.id, schedule);
      else if (schedule?.active) await saveCheckIn(w.tx, stopSchedule(schedule, w.now), w.now);
    });
    return this.view(scope, id);
  }

  /** Archives a partner: it leaves lists and reminders stop, but its history and evidence stay. */
  async archive(caller: Caller, id: string): Promise<PartnerView> {
    const { scope } = caller;
    await this.writer.run(scope, async (w) => {
      const current = await this.load(w.tx, scope, id);
      if (current.status === 'archived') return;
      const actor = await this.people.user(w.tx, scope, caller.user, w.now);
      const archived: Partner = {
        ...current,
        status: 'archived',
        version: current.version + 1,
        updatedAt: w.now,
      };
      if (!(await w.tx.partners.update(archived, current.version)))
        throw new ConflictError('Someone else changed this partner; reload it and try again');
      w.evidence(partnerEvidence('partner.archived', archived, actor.id, w.now));
      const schedule = await w.tx.checkIns.getForPartner(scope, id);
      if (schedule?.active) await saveCheckIn(w.tx, stopSchedule(schedule, w.now), w.now);
    });
    return this.view(scope, id);
  }

  /** One partner with its people and check-in schedule. */
  async view(scope: Scope, id: string): Promise<PartnerView> {
    const read = this.deps.store.read;
    const partner = await read.partners.get(scope, id);
    if (!partner) throw new NotFoundError('Partner', id);
    const people = await indexPeople(read, scope, [
      partner.relationshipOwnerId,
      ...partner.contacts.map((c) => c.personId),
    ]);
    const checkIn = await read.checkIns.getForPartner(scope, id);
    return { partner, people, checkIn };
  }

  /** A page of partners, A to Z, with the people they mention (owners and contacts). */
  async list(
    scope: Scope,
    query: PartnerListQuery,
    page: PageRequest,
  ): Promise<Page<Partner> & { people: PeopleIndex }> {
    const read = this.deps.store.read;
    const result = await read.partners.list(scope, query, page);
    const people = await indexPeople(
      read,
      scope,
      result.items.flatMap((p) => [p.relationshipOwnerId, ...p.contacts.map((c) => c.personId)]),
    );
    return { ...result, people };
  }

  /** A page of active partners, A to Z, with their next check-in and open and overdue action counts. */
  standings(scope: Scope, page: PageRequest): Promise<Page<PartnerStanding> & { people: PeopleIndex }> {
    return partnerStandings(this.deps.store.read, scope, page, utcDateOf(this.deps.clock.now()));
  }

  private async load(tx: Repositories, scope: Scope, id: string): Promise<Partner> {
    const partner = await tx.partners.get(scope, id);
    if (!partner) throw new NotFoundError('Partner', id);
    return partner;
  }

  private async resolveOwner(
    w: SpaceWork,
    caller: Caller,
    fields: z.output<typeof PartnerInput>,
  ): Promise<Person> {
    const [owner] = await this.people.resolve(
      w.tx,
      caller.scope,
      [fields.relationshipOwner],
      w.now,
      'relationshipOwner',
    );
    return owner!;
  }

  /** Stores new contacts and updates existing ones; a contact id must belong to this partner. */
  private async saveContacts(
    w: SpaceWork,
    scope: Scope,
    partnerId: string,
    inputs: readonly ContactInput[],
    current?: Partner,
  ): Promise<PartnerContact[]> {
    const known = new Set(current?.contacts.map((c) => c.personId) ?? []);
    const contacts: PartnerContact[] = [];
    for (const { details, personId, ...role } of inputs) {
      if (personId !== undefined) {
        if (!known.has(personId)) throw new NotFoundError('Contact', personId);
        await w.tx.people.updateContact(scope, personId, details, w.now);
        contacts.push({ ...role, personId });
      } else {
        const person = await w.tx.people.insertContact(
          scope,
          this.deps.ids.next('per'),
          partnerId,
          details,
          w.now,
        );
        contacts.push({ ...role, personId: person.id });
      }
    }
    return contacts;
  }

  private async schedule(
    w: SpaceWork,
    partner: Partner,
    cadence: NonNullable<z.output<typeof PartnerInput>['checkInCadence']>,
    actorId: string,
    existing?: CheckInSchedule,
  ): Promise<void> {
    const schedule = planSchedule(
      existing,
      {
        id: this.deps.ids.next('chk'),
        tenantId: partner.tenantId,
        spaceId: partner.spaceId,
        partnerId: partner.id,
        ownerId: partner.relationshipOwnerId,
        cadence,
      },
      w.now,
    );
    const unchanged =
      existing?.active &&
      existing.ownerId === schedule.ownerId &&
      existing.cadence.every === cadence.every &&
      existing.cadence.unit === cadence.unit;
    if (unchanged) return;
    await saveCheckIn(w.tx, schedule, w.now);
    w.evidence(checkInScheduledEvidence(schedule, partner.name, actorId, w.now, partner.contacts.length > 0));
  }
}

/** The fields a supervisor edits, from parsed input: the same for a new partner and an updated one. */
function editableFields(fields: z.output<typeof PartnerInput>, contacts: PartnerContact[], ownerId: string) {
  return {
    name: fields.name,
    kind: fields.kind,
    side: sideOf(fields.kind),
    chain: fields.chain,
    contacts,
    authorityNotes: fields.authorityNotes,
    relationshipOwnerId: ownerId,
    notes: fields.notes,
    informationSources: fields.informationSources,
  };
}

/** The evidence of a partner as it now stands. Contacts appear by id and role only. */
function partnerEvidence(
  kind: 'partner.added' | 'partner.updated' | 'partner.archived',
  p: Partner,
  actorId: string,
  now: string,
) {
  const snapshot: JsonObject = {
    name: p.name,
    kind: p.kind,
    side: p.side,
    chain: { ...p.chain },
    contacts: p.contacts.map((c) => ({ ...c })),
    authorityNotes: p.authorityNotes,
    relationshipOwnerId: p.relationshipOwnerId,
    notes: p.notes,
    informationSources: p.informationSources.map((s) => ({ ...s })),
    status: p.status,
    version: p.version,
  };
  return {
    kind,
    subject: { type: 'partner', id: p.id } as const,
    partnerIds: [p.id],
    actorId,
    occurredAt: now,
    snapshot,
    facets: {
      partnerSides: [p.side],
      hasAuthority:
        p.authorityNotes !== undefined || p.contacts.some((c) => c.isDecisionMaker || c.isEscalationContact),
      hasCommunicationStyles: p.contacts.length > 0,
      hasInformationSources: p.informationSources.length > 0,
    },
  };
}
