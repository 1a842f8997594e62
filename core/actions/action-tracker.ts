import type { Caller } from '../common/caller';
import type { PageRequest } from '../common/paging';
import { parseInput } from '../common/parse';
import type { Scope, TenantScope } from '../common/scope';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';
import type { Clock, Ids, Store } from '../ports';
import {
  indexPeople,
  PeopleResolver,
  withPeople,
  type PageWithPeople,
  type PeopleIndex,
} from '../people/people-resolver';
import { SpaceWriter } from '../unit-of-work';
import { actionCreatedEvidence } from './action-evidence';
import { ActionInput, canMove, StatusChangeInput, type AgreedAction } from './agreed-action';
import type { ActionListQuery } from './action-repository';

/** An action with the people it mentions. */
export interface ActionView {
  readonly action: AgreedAction;
  readonly people: PeopleIndex;
  /** False when the requested change was already in place (a repeated click): nothing new was stored. */
  readonly changed: boolean;
}

/** Creates agreed actions and tracks them to done (CFACSB9 P12). */
export class ActionTracker {
  private readonly writer: SpaceWriter;
  private readonly people: PeopleResolver;

  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {
    this.writer = new SpaceWriter(deps);
    this.people = new PeopleResolver(deps.ids);
  }

  /** Creates an action outside a meeting log (the partner and meeting, when given, must be in this space). */
  async create(caller: Caller, input: ActionInput, idempotencyKey?: string): Promise<ActionView> {
    const fields = parseInput(ActionInput, input);
    const { scope } = caller;
    const { result: id } = await this.writer.runOnce(
      scope,
      idempotencyKey && `action.create:${idempotencyKey}`,
      async (w) => {
        const actor = await this.people.user(w.tx, scope, caller.user, w.now);
        const partner =
          fields.partnerId === undefined ? undefined : await w.tx.partners.get(scope, fields.partnerId);
        if (fields.partnerId !== undefined && !partner) throw new NotFoundError('Partner', fields.partnerId);
        if (fields.meetingId !== undefined && !(await w.tx.meetings.get(scope, fields.meetingId)))
          throw new NotFoundError('Meeting', fields.meetingId);
        const [owner] = await this.people.resolve(w.tx, scope, [fields.owner], w.now, 'owner');
        const action: AgreedAction = {
          id: this.deps.ids.next('act'),
          tenantId: scope.tenantId,
          spaceId: scope.spaceId,
          title: fields.title,
          ownerId: owner!.id,
          dueDate: fields.dueDate,
          status: 'open',
          meetingId: fields.meetingId,
          partnerId: fields.partnerId,
          version: 1,
          createdAt: w.now,
          updatedAt: w.now,
          createdBy: actor.id,
        };
        await w.tx.actions.insert(action);
        w.evidence(actionCreatedEvidence(action, actor.id, partner ? [partner.side] : [], w.now));
        return action.id;
      },
    );
    return { ...(await this.view(scope, id)), changed: true };
  }

  /**
   * Moves an action to a new status. Only its owner or the person who agreed it may; asking for the status it
   * already has changes nothing (so a double click stores one event).
   */
  async changeStatus(caller: Caller, input: StatusChangeInput): Promise<ActionView> {
    const change = parseInput(StatusChangeInput, input);
    const { scope } = caller;
    const { result: changed } = await this.writer.run(scope, async (w) => {
      const action = await w.tx.actions.get(scope, change.actionId);
      if (!action) throw new NotFoundError('Action', change.actionId);
      const actor = await this.people.user(w.tx, scope, caller.user, w.now);
      if (actor.id !== action.ownerId && actor.id !== action.createdBy)
        throw new ForbiddenError('Only the owner of this action or the person who agreed it can change it');
      if (action.status === change.status) return false;
      if (!canMove(action.status, change.status))
        throw new ConflictError(
          `An action that is ${action.status.replace('_', ' ')} cannot become ${change.status.replace('_', ' ')}`,
        );
      const done = change.status === 'done';
      const updated: AgreedAction = {
        ...action,
        status: change.status,
        completionNote: done ? change.note : action.completionNote,
        completedAt: done ? w.now : undefined,
        version: action.version + 1,
        updatedAt: w.now,
      };
      if (!(await w.tx.actions.update(updated, action.version)))
        throw new ConflictError('The action changed meanwhile; try again');
      w.evidence({
        kind: 'action.status_changed',
        subject: { type: 'action', id: action.id },
        partnerIds: action.partnerId ? [action.partnerId] : [],
        actorId: actor.id,
        occurredAt: w.now,
        snapshot: {
          title: action.title,
          from: action.status,
          to: change.status,
          note: change.note,
          ownerId: action.ownerId,
        },
        facets: { toStatus: change.status },
      });
      return true;
    });
    return { ...(await this.view(scope, change.actionId)), changed };
  }

  /** One action with its people. */
  async view(scope: Scope, id: string): Promise<Omit<ActionView, 'changed'>> {
    const read = this.deps.store.read;
    const action = await read.actions.get(scope, id);
    if (!action) throw new NotFoundError('Action', id);
    return { action, people: await indexPeople(read, scope, [action.ownerId, action.createdBy]) };
  }

  /** A page of a space's actions, earliest due first, with their owners. */
  async list(scope: Scope, query: ActionListQuery, page: PageRequest): Promise<PageWithPeople<AgreedAction>> {
    const read = this.deps.store.read;
    return withPeople(read, scope, await read.actions.list(scope, query, page), (a) => [a.ownerId]);
  }

  /** The caller's own actions across the tenant, earliest due first; empty for someone never seen. */
  async listMine(
    scope: TenantScope,
    aadObjectId: string,
    query: ActionListQuery,
    page: PageRequest,
  ): Promise<PageWithPeople<AgreedAction>> {
    const read = this.deps.store.read;
    const me = await read.people.findByAadObjectId(scope, aadObjectId);
    if (!me) return { items: [], nextCursor: null, people: {} };
    return withPeople(read, scope, await read.actions.listForOwner(scope, me.id, query, page), (a) => [
      a.ownerId,
    ]);
  }
}
