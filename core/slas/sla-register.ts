import type { Caller } from '../common/caller';
import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import { parseInput } from '../common/parse';
import type { Scope } from '../common/scope';
import { ConflictError, NotFoundError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import { PeopleResolver } from '../people/people-resolver';
import { SpaceWriter } from '../unit-of-work';
import {
  meetsTarget,
  ReadingInput,
  SlaInput,
  type ServiceLevelAgreement,
  type SlaInput as SlaInputType,
  type ReadingInput as ReadingInputType,
  type SlaReading,
} from './service-level-agreement';

/** Service level agreements with partners and their measured readings (CFACSB9 P11, K4). */
export class SlaRegister {
  private readonly writer: SpaceWriter;
  private readonly people: PeopleResolver;

  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {
    this.writer = new SpaceWriter(deps);
    this.people = new PeopleResolver(deps.ids);
  }

  /** Defines an SLA with a partner of this space. */
  async define(caller: Caller, input: SlaInputType, idempotencyKey?: string): Promise<ServiceLevelAgreement> {
    const fields = parseInput(SlaInput, input);
    const { scope } = caller;
    const { result: id } = await this.writer.runOnce(
      scope,
      idempotencyKey && `sla.define:${idempotencyKey}`,
      async (w) => {
        const partner = await w.tx.partners.get(scope, fields.partnerId);
        if (!partner) throw new NotFoundError('Partner', fields.partnerId);
        const actor = await this.people.user(w.tx, scope, caller.user, w.now);
        const sla: ServiceLevelAgreement = {
          id: this.deps.ids.next('sla'),
          tenantId: scope.tenantId,
          spaceId: scope.spaceId,
          partnerId: partner.id,
          metric: fields.metric,
          label: fields.label,
          target: fields.target,
          period: fields.period,
          reviewDate: fields.reviewDate,
          status: 'active',
          version: 1,
          createdAt: w.now,
          updatedAt: w.now,
          createdBy: actor.id,
        };
        await w.tx.slas.insert(sla);
        w.evidence({
          kind: 'sla.defined',
          subject: { type: 'sla', id: sla.id },
          partnerIds: [partner.id],
          actorId: actor.id,
          occurredAt: w.now,
          snapshot: {
            partnerName: partner.name,
            metric: sla.metric,
            label: sla.label,
            target: { ...sla.target },
            period: sla.period,
            reviewDate: sla.reviewDate,
          },
        });
        return sla.id;
      },
    );
    return this.get(scope, id);
  }

  /** Records a measured value for one period and whether it met the target. */
  async recordReading(caller: Caller, input: ReadingInputType): Promise<SlaReading> {
    const fields = parseInput(ReadingInput, input);
    const { scope } = caller;
    const { result } = await this.writer.run(scope, async (w) => {
      const sla = await w.tx.slas.get(scope, fields.slaId);
      if (!sla) throw new NotFoundError('SLA', fields.slaId);
      if (sla.status !== 'active') throw new ConflictError('This SLA is retired');
      const actor = await this.people.user(w.tx, scope, caller.user, w.now);
      const reading: SlaReading = {
        id: this.deps.ids.next('rdg'),
        tenantId: scope.tenantId,
        slaId: sla.id,
        periodStart: fields.periodStart,
        periodEnd: fields.periodEnd,
        value: fields.value,
        met: meetsTarget(sla.target, fields.value),
        note: fields.note,
        recordedBy: actor.id,
        recordedAt: w.now,
      };
      await w.tx.slas.insertReading(scope, reading);
      w.evidence({
        kind: 'sla.reading_recorded',
        subject: { type: 'sla', id: sla.id },
        partnerIds: [sla.partnerId],
        actorId: actor.id,
        occurredAt: `${reading.periodEnd}T23:59:59.999Z`,
        snapshot: {
          metric: sla.metric,
          label: sla.label,
          target: { ...sla.target },
          periodStart: reading.periodStart,
          periodEnd: reading.periodEnd,
          value: reading.value,
          met: reading.met,
          note: reading.note,
        },
      });
      return reading;
    });
    return result;
  }

  /** One SLA. */
  async get(scope: Scope, id: string): Promise<ServiceLevelAgreement> {
    const sla = await this.deps.store.read.slas.get(scope, id);
    if (!sla) throw new NotFoundError('SLA', id);
    return sla;
  }

  /** A page of SLAs, oldest first. */
  list(scope: Scope, query: { partnerId?: string }, page: PageRequest): Promise<Page<ServiceLevelAgreement>> {
    return this.deps.store.read.slas.list(scope, query, page);
  }

  /** A page of an SLA's readings, latest period first. */
  async readings(scope: Scope, slaId: string, page: PageRequest): Promise<Page<SlaReading>> {
    await this.get(scope, slaId);
    return this.deps.store.read.slas.listReadings(scope, slaId, page);
  }
}
