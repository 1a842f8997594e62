import { z } from 'zod';
import type { Caller } from '../common/caller';
import { IsoDate } from '../common/dates';
import { parseInput } from '../common/parse';
import type { Scope } from '../common/scope';
import { requiredText } from '../common/text';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { PersonRef } from '../people/person';
import { indexPeople, PeopleResolver, type PeopleIndex } from '../people/people-resolver';
import type { Clock, Ids, Store } from '../ports';
import { MAX_ACTIONS_PER_MEETING, type MeetingInput } from './meeting';
import type { MeetingDraftRecord } from './meeting-draft-repository';

/** Most decisions one draft holds (the meeting form's limit). */
const MAX_DECISIONS = 30;

/** One thing captured in the side panel: the partner met, an agreed action, a decision or an agreement. */
export const CaptureInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('partner'), partnerId: z.string().min(1).max(64) }),
  z.object({
    kind: z.literal('action'),
    title: requiredText(300, 'Action'),
    owner: PersonRef,
    dueDate: IsoDate,
  }),
  z.object({ kind: z.literal('decision'), text: requiredText(1000, 'Decision') }),
  z.object({ kind: z.literal('agreement'), agreementId: z.string().min(1).max(64) }),
]);
/** One thing captured, as entered. */
export type CaptureInput = z.input<typeof CaptureInput>;

/** A meeting chat's draft with the people it names. */
export interface MeetingDraftView {
  readonly draft?: MeetingDraftRecord;
  readonly people: PeopleIndex;
}

/**
 * What attendees capture in a meeting's side panel while they meet: it is not a record yet (nothing is
 * evidence until the meeting is logged), so it is kept as the chat's draft, which the meeting-end form takes.
 */
export class MeetingCapture {
  private readonly people: PeopleResolver;

  constructor(private readonly deps: { store: Store; clock: Clock; ids: Ids }) {
    this.people = new PeopleResolver(deps.ids);
  }

  /** The chat's draft so far, with the owners it names. */
  async view(scope: Scope): Promise<MeetingDraftView> {
    const read = this.deps.store.read;
    const draft = await read.meetingDrafts.get(scope);
    return { draft, people: await indexPeople(read, scope, draft?.actions.map((a) => a.ownerId) ?? []) };
  }

  /**
   * Adds one captured thing to the chat's draft; another capture at the same moment is a ConflictError. A
   * capture retried with the same idempotency key (the panel's request sent again) adds nothing and answers with
   * the draft as it stands, which already holds the first one's item.
   */
  async capture(caller: Caller, input: CaptureInput, idempotencyKey?: string): Promise<MeetingDraftView> {
    const item = parseInput(CaptureInput, input);
    const { scope } = caller;
    const now = this.deps.clock.now().toISOString();
    const key = idempotencyKey === undefined ? undefined : `meeting.capture:${idempotencyKey}`;
    await this.deps.store.transaction(async (tx) => {
      // Claimed in this transaction: a refused capture leaves the key free for the corrected retry.
      if (key !== undefined && (await tx.idempotency.claim(scope, key, now)) !== undefined) return;
      const before = await tx.meetingDrafts.get(scope);
      let draft: MeetingDraftRecord = before ?? {
        tenantId: scope.tenantId,
        spaceId: scope.spaceId,
        actions: [],
        decisions: [],
        version: 0,
        updatedAt: now,
      };
      switch (item.kind) {
        case 'partner':
          if (!(await tx.partners.get(scope, item.partnerId)))
            throw new NotFoundError('Partner', item.partnerId);
          draft = { ...draft, partnerId: item.partnerId };
          break;
        case 'action': {
          if (draft.actions.length >= MAX_ACTIONS_PER_MEETING)
            throw ValidationError.of('actions', `At most ${MAX_ACTIONS_PER_MEETING} actions per meeting`);
          const [owner] = await this.people.resolve(tx, scope, [item.owner], now, 'owner');
          draft = {
            ...draft,
            actions: [...draft.actions, { title: item.title, ownerId: owner!.id, dueDate: item.dueDate }],
          };
          break;
        }
        case 'decision':
          draft = { ...draft, decisions: withDecision(draft, item.text) };
          break;
        case 'agreement': {
          const agreement = await tx.agreements.get(scope, item.agreementId);
          if (!agreement) throw new NotFoundError('Agreement', item.agreementId);
          draft = {
            ...draft,
            agreementId: agreement.id,
            decisions: withDecision(draft, `Conflict-priority agreement: ${agreement.title}`),
          };
          break;
        }
      }
      const saved = await tx.meetingDrafts.save(
        { ...draft, version: draft.version + 1, updatedAt: now },
        before?.version ?? 0,
      );
      if (!saved) throw new ConflictError('Someone captured something at the same moment: try again');
      if (key !== undefined) await tx.idempotency.complete(scope, key, String(draft.version + 1));
    });
    return this.view(scope);
  }

  /**
   * Takes the chat's draft for the meeting-end form, with the owners it names, leaving the chat ready for its
   * next meeting.
   */
  async take(scope: Scope): Promise<{ input: Partial<MeetingInput>; people: PeopleIndex } | undefined> {
    const draft = await this.deps.store.transaction((tx) => tx.meetingDrafts.take(scope));
    if (!draft) return undefined;
    const people = await indexPeople(
      this.deps.store.read,
      scope,
      draft.actions.map((a) => a.ownerId),
    );
    return { input: meetingInputOf(draft), people };
  }
}

function withDecision(draft: MeetingDraftRecord, text: string): string[] {
  if (draft.decisions.length >= MAX_DECISIONS)
    throw ValidationError.of('decisions', `At most ${MAX_DECISIONS} decisions per meeting`);
  return [...draft.decisions, text];
}

/** The meeting form's starting values for a draft. */
export function meetingInputOf(draft: MeetingDraftRecord): Partial<MeetingInput> {
  return {
    ...(draft.partnerId ? { partnerIds: [draft.partnerId] } : {}),
    ...(draft.agreementId ? { agreementId: draft.agreementId } : {}),
    decisions: [...draft.decisions],
    actions: draft.actions.map((a) => ({
      title: a.title,
      owner: { personId: a.ownerId },
      dueDate: a.dueDate,
    })),
  };
}
