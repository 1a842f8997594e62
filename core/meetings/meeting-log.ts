import type { AgreedAction } from '../actions/agreed-action';
import { checkInCompletedEvidence } from '../checkins/check-in-evidence';
import type { PriorityAgreement } from '../agreements/priority-agreement';
import { completeWithMeeting } from '../checkins/check-in-planner';
import type { Caller } from '../common/caller';
import type { PageRequest } from '../common/paging';
import type { Page } from '../common/page';
import { parseInput } from '../common/parse';
import type { Scope } from '../common/scope';
import { ConflictError, NotFoundError } from '../errors';
import type { Partner } from '../partners/partner';
import type { Clock, Ids, Store } from '../ports';
import { indexPeople, PeopleResolver, usersKnown, type PeopleIndex } from '../people/people-resolver';
import { SpaceWriter, type SpaceWork } from '../unit-of-work';
import { actionCreatedEvidence } from '../actions/action-evidence';
import { MeetingActionsInput, MeetingInput, type Meeting } from './meeting';
import type { MeetingListQuery } from './meeting-repository';
import { saveCheckIn } from '../checkins/check-in-writes';
import type { CheckInSchedule } from '../checkins/check-in-schedule';

/** A meeting with what it created and mentions, ready to render as a summary card. */
export interface MeetingView {
  readonly meeting: Meeting;
  readonly partners: readonly Partner[];
  readonly actions: readonly AgreedAction[];
  readonly people: PeopleIndex;
  /** The conflict-priority agreement the meeting refers to, as it stands now. */
  readonly agreement?: PriorityAgreement;
}

/**
 * How far apart two logs of one Teams meeting can say it happened (a supervisor may correct the time); a
 * recurring meeting's occurrences share its id, and a daily one's are further apart than this.
 */
const SAME_MEETING_WITHIN_MS = 6 * 60 * 60_000;

/** The order {@link MeetingLog.view} reads a meeting's actions in: earliest due first, then by id. */
function byDueDate(a: AgreedAction, b: AgreedAction): number {
  const [x, y] = [a.dueDate ?? '', b.dueDate ?? ''];
  if (x !== y) return x < y ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Logs partner meetings with their agreed actions, and reads them back (CFACSB9 P8, P5–P7, P10). */
export class MeetingLog {
  private readonly writer: SpaceWriter;
  private readonly people: PeopleResolver;

  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {
    this.writer = new SpaceWriter(deps);
    this.people = new PeopleResolver(deps.ids);
  }

  /**
   * Records a meeting, the actions agreed in it and their evidence in one transaction, and completes the
   * partners' due check-ins. A repeated submit with the same idempotency key stores nothing new.
   */
  async log(
    caller: Caller,
    input: MeetingInput,
    idempotencyKey?: string,
  ): Promise<MeetingView & { replayed: boolean }> {
    const fields = parseInput(MeetingInput, input);
    const { scope } = caller;
    // What the transaction wrote is the view: a fresh log is answered from it, without reading it all back.
    let written: MeetingView | undefined;
    const outcome = await this.writer.runOnce(
      scope,
      idempotencyKey && `meeting.log:${idempotencyKey}`,
      async (w) => {
        await this.refuseSecondLog(w, scope, fields.source, fields.occurredAt);
        // Independent of each other: issued together, they share one round trip on PostgreSQL.
        const [actor, partners, agreement, schedules] = await Promise.all([
          this.people.user(w.tx, scope, caller.user, w.now),
          this.partnersOf(w, scope, fields.partnerIds),
          fields.agreementId === undefined ? undefined : w.tx.agreements.get(scope, fields.agreementId),
          w.tx.checkIns.getForPartners(scope, fields.partnerIds),
        ]);
        if (fields.agreementId !== undefined && !agreement)
          throw new NotFoundError('Agreement', fields.agreementId);
        const users = usersKnown([caller.user, actor]);
        const attendees = await this.people.resolve(w.tx, scope, fields.attendees, w.now, 'attendees', users);
        const owners = await this.people.resolve(
          w.tx,
          scope,
          fields.actions.map((a) => a.owner),
          w.now,
          'actions.owner',
          users,
        );

        const meetingId = this.deps.ids.next('mtg');
        const soloPartnerId = partners.length === 1 ? partners[0]!.id : undefined;
        const actions: AgreedAction[] = fields.actions.map((draft, i) => ({
          id: this.deps.ids.next('act'),
          tenantId: scope.tenantId,
          spaceId: scope.spaceId,
          title: draft.title,
          ownerId: owners[i]!.id,
          dueDate: draft.dueDate,
          status: 'open',
          meetingId,
          partnerId: soloPartnerId,
          version: 1,
          createdAt: w.now,
          updatedAt: w.now,
          createdBy: actor.id,
        }));
        const meeting: Meeting = {
          id: meetingId,
          tenantId: scope.tenantId,
          spaceId: scope.spaceId,
          title: fields.title,
          partnerIds: fields.partnerIds,
          occurredAt: fields.occurredAt,
          durationMinutes: fields.durationMinutes,
          attendeeIds: [...new Set(attendees.map((p) => p.id))],
          type: fields.type,
          medium: fields.medium,
          minutes: fields.minutes,
          decisions: fields.decisions,
          issuesRaised: fields.issuesRaised,
          customerImpact: fields.customerImpact,
          actionIds: actions.map((a) => a.id),
          agreementId: fields.agreementId,
          source: fields.source,
          loggedBy: actor.id,
          createdAt: w.now,
        };
        await w.tx.meetings.insert(meeting);
        for (const action of actions) await w.tx.actions.insert(action);

        const sides = [...new Set(partners.map((p) => p.side))];
        w.evidence({
          kind: 'meeting.logged',
          subject: { type: 'meeting', id: meeting.id },
          partnerIds: meeting.partnerIds,
          actorId: actor.id,
          occurredAt: meeting.occurredAt,
          snapshot: {
            title: meeting.title,
            partners: partners.map((p) => ({ id: p.id, name: p.name, kind: p.kind, side: p.side })),
            occurredAt: meeting.occurredAt,
            durationMinutes: meeting.durationMinutes,
            attendeeIds: [...meeting.attendeeIds],
            type: meeting.type,
            medium: meeting.medium,
            minutes: meeting.minutes,
            decisions: [...meeting.decisions],
            issuesRaised: [...meeting.issuesRaised],
            customerImpact: meeting.customerImpact,
            actionIds: [...meeting.actionIds],
            agreementId: meeting.agreementId,
            source: { ...meeting.source },
          },
          facets: {
            partnerSides: sides,
            meetingType: meeting.type,
            hasCustomerImpact: meeting.customerImpact !== undefined,
          },
        });
        for (const action of actions)
          w.evidence(actionCreatedEvidence(action, actor.id, sides, meeting.occurredAt));
        await this.completeCheckIns(w, partners, schedules, meeting, actor.id);
        written = {
          meeting,
          partners,
          actions: [...actions].sort(byDueDate),
          people: Object.fromEntries([actor, ...attendees, ...owners].map((p) => [p.id, p])),
          agreement,
        };
        return meeting.id;
      },
    );
    if (!outcome.replayed && written) return { ...written, replayed: false };
    return { ...(await this.view(scope, outcome.result)), replayed: outcome.replayed };
  }

  /**
   * Adds agreed actions to a meeting logged before (e.g. the AI's action items, reviewed after the meeting was
   * logged): each action and its evidence in one transaction; the meeting itself is never edited. A repeated
   * submit with the same idempotency key stores nothing new.
   */
  async addActions(
    caller: Caller,
    input: MeetingActionsInput,
    idempotencyKey?: string,
  ): Promise<MeetingView & { replayed: boolean }> {
    const fields = parseInput(MeetingActionsInput, input);
    const { scope } = caller;
    const outcome = await this.writer.runOnce(
      scope,
      idempotencyKey && `meeting.actions:${idempotencyKey}`,
      async (w) => {
        const meeting = await w.tx.meetings.get(scope, fields.meetingId);
        if (!meeting) throw new NotFoundError('Meeting', fields.meetingId);
        const actor = await this.people.user(w.tx, scope, caller.user, w.now);
        const partners = await this.partnersOf(w, scope, meeting.partnerIds);
        const owners = await this.people.resolve(
          w.tx,
          scope,
          fields.actions.map((a) => a.owner),
          w.now,
          'actions.owner',
          usersKnown([caller.user, actor]),
        );
        const sides = [...new Set(partners.map((p) => p.side))];
        for (const [i, draft] of fields.actions.entries()) {
          const action: AgreedAction = {
            id: this.deps.ids.next('act'),
            tenantId: scope.tenantId,
            spaceId: scope.spaceId,
            title: draft.title,
            ownerId: owners[i]!.id,
            dueDate: draft.dueDate,
            status: 'open',
            meetingId: meeting.id,
            partnerId: partners.length === 1 ? partners[0]!.id : undefined,
            version: 1,
            createdAt: w.now,
            updatedAt: w.now,
            createdBy: actor.id,
          };
          await w.tx.actions.insert(action);
          // Agreed in the meeting, recorded now: the evidence is dated when it was written down.
          w.evidence(actionCreatedEvidence(action, actor.id, sides, w.now));
        }
        return meeting.id;
      },
    );
    return { ...(await this.view(scope, outcome.result)), replayed: outcome.replayed };
  }

  /** One meeting with its partners, actions and people. */
  async view(scope: Scope, id: string): Promise<MeetingView> {
    const read = this.deps.store.read;
    const meeting = await read.meetings.get(scope, id);
    if (!meeting) throw new NotFoundError('Meeting', id);
    const [partners, actionsPage, agreement] = await Promise.all([
      read.partners.getMany(scope, meeting.partnerIds),
      read.actions.list(scope, { meetingId: id }, { limit: 100 }),
      meeting.agreementId === undefined ? undefined : read.agreements.get(scope, meeting.agreementId),
    ]);
    const actions = actionsPage.items;
    const people = await indexPeople(read, scope, [
      meeting.loggedBy,
      ...meeting.attendeeIds,
      ...actions.map((a) => a.ownerId),
    ]);
    return { meeting, partners, actions, people, agreement };
  }

  /** A page of meetings, newest first. */
  list(scope: Scope, query: MeetingListQuery, page: PageRequest): Promise<Page<Meeting>> {
    return this.deps.store.read.meetings.list(scope, query, page);
  }

  /**
   * A Teams meeting is logged once: its meeting-end form and its AI action items card both offer to log it, and
   * whichever comes second would make a duplicate (the AI card then offers to add its actions to the log instead).
   */
  private async refuseSecondLog(
    w: SpaceWork,
    scope: Scope,
    source: Meeting['source'],
    occurredAt: string,
  ): Promise<void> {
    if (source.kind !== 'teams_meeting' || !source.externalId) return;
    const around = (ms: number) => new Date(Date.parse(occurredAt) + ms).toISOString();
    const nearby = await w.tx.meetings.list(
      scope,
      { from: around(-SAME_MEETING_WITHIN_MS), to: around(SAME_MEETING_WITHIN_MS) },
      { limit: 50 },
    );
    const earlier = nearby.items.find(
      (m) => m.source.kind === 'teams_meeting' && m.source.externalId === source.externalId,
    );
    if (earlier)
      throw new ConflictError(
        `This Teams meeting was logged already as “${earlier.title}” (its summary card is in the chat)`,
      );
  }

  private async partnersOf(w: SpaceWork, scope: Scope, ids: readonly string[]): Promise<Partner[]> {
    const found = await w.tx.partners.getMany(scope, ids);
    const byId = new Map(found.map((p) => [p.id, p]));
    return ids.map((id) => {
      const partner = byId.get(id);
      if (!partner) throw new NotFoundError('Partner', id);
      return partner;
    });
  }

  /** Completes the partners' due check-ins; `schedules` are theirs as read in this transaction. */
  private async completeCheckIns(
    w: SpaceWork,
    partners: readonly Partner[],
    schedules: readonly CheckInSchedule[],
    meeting: Meeting,
    actorId: string,
  ) {
    for (const partner of partners) {
      const schedule = schedules.find((s) => s.partnerId === partner.id);
      if (!schedule?.active) continue;
      const completed = completeWithMeeting(schedule, meeting, w.now);
      if (!completed) continue;
      await saveCheckIn(w.tx, completed, w.now);
      w.evidence(checkInCompletedEvidence(completed, partner.name, meeting, actorId));
    }
  }
}
