import { z } from 'zod';
import { IsoDateTime } from '../common/dates';
import { parseInput } from '../common/parse';
import type { Scope } from '../common/scope';
import { NotFoundError } from '../errors';
import { matchDisplayName, type NameCandidate } from '../people/display-name-match';
import type { Clock, Store } from '../ports';
import type { Meeting } from './meeting';
import type { AiMeetingNote } from './meeting-insights';
import type { InsightsMeeting } from './meeting-insights-queue';

/**
 * How far around a meeting's own times a log of it is looked for: the occurrences of a recurring meeting share
 * its online-meeting id, so a log of yesterday's occurrence is not this one's.
 */
const LOGGED_WITHIN_MS = 6 * 60 * 60_000;
/** Meetings of the space looked through for a log of this one. */
const MEETINGS_CONSIDERED = 50;

/** An ended meeting, as the bot learns it from Teams. */
const EndedMeeting = z.object({
  onlineMeetingId: z.string().min(1).max(300),
  organizerAadObjectId: z.string().min(1).max(100),
  title: z.string().trim().min(1).max(300),
  startedAt: IsoDateTime,
  endedAt: IsoDateTime,
});

/** One AI action item as the review form shows it: the owner matched to someone of the meeting, or not. */
export interface ProposedAction {
  readonly title: string;
  readonly text: string;
  /** The name the AI gave, shown beside the owner picker so the supervisor knows whom it meant. */
  readonly aiOwnerName?: string;
  /** The matched candidate's picker value; absent when nobody (or more than one person) fits the AI's name. */
  readonly ownerValue?: string;
  /** The matched candidate's name. */
  readonly ownerName?: string;
}

/** A meeting's AI proposal ready for a supervisor's review, and its log if the meeting was logged already. */
export interface InsightsReview {
  readonly meeting: InsightsMeeting;
  readonly actions: readonly ProposedAction[];
  readonly notes: readonly AiMeetingNote[];
  /** The meeting's log (from the meeting-end form or this review), when there is one. */
  readonly logged?: Meeting;
}

/**
 * Ended meetings whose AI insights are wanted (GRAPH_MEETING_INSIGHTS=on), and their proposals for review. The
 * background MeetingInsightsSync reads them; nothing here stores an agreed action.
 */
export class MeetingInsightsRequests {
  constructor(private readonly deps: { store: Store; clock: Clock }) {}

  /** Queues the meeting once, in the chat (space) it belongs to; queuing it again changes nothing. */
  async meetingEnded(scope: Scope, meeting: z.input<typeof EndedMeeting>): Promise<void> {
    // Instants come out in one spelling (UTC, milliseconds): the occurrence is found again by its start.
    const m = parseInput(EndedMeeting, meeting);
    const now = this.deps.clock.now().toISOString();
    await this.deps.store.transaction((tx) => tx.meetingInsightsQueue.enqueue({ ...scope, ...m }, now));
  }

  /**
   * A meeting's AI proposal for review: each action item's owner matched by name to the people given (the
   * meeting's attendees and partner contacts), accents and case aside; an owner nobody fits is left to pick.
   */
  async review(
    scope: Scope,
    occurrence: { readonly onlineMeetingId: string; readonly startedAt: string },
    candidates: readonly NameCandidate[],
  ): Promise<InsightsReview> {
    const { read } = this.deps.store;
    const { onlineMeetingId, startedAt } = occurrence;
    const job = await read.meetingInsightsQueue.proposal(scope, onlineMeetingId, startedAt);
    if (!job?.proposal) throw new NotFoundError('AI proposal', onlineMeetingId);
    const around = (at: string, ms: number) => new Date(Date.parse(at) + ms).toISOString();
    const meetings = await read.meetings.list(
      scope,
      { from: around(job.startedAt, -LOGGED_WITHIN_MS), to: around(job.endedAt, LOGGED_WITHIN_MS) },
      { limit: MEETINGS_CONSIDERED },
    );
    const logged = meetings.items.find(
      (m) => m.source.kind === 'teams_meeting' && m.source.externalId === onlineMeetingId,
    );
    const actions = job.proposal.actionItems.map((item): ProposedAction => {
      const owner = matchDisplayName(item.ownerDisplayName, candidates);
      return {
        title: item.title || item.text,
        text: item.text,
        ...(item.ownerDisplayName ? { aiOwnerName: item.ownerDisplayName } : {}),
        ...(owner ? { ownerValue: owner.value, ownerName: owner.displayName } : {}),
      };
    });
    const meeting: InsightsMeeting = {
      onlineMeetingId: job.onlineMeetingId,
      organizerAadObjectId: job.organizerAadObjectId,
      title: job.title,
      startedAt: job.startedAt,
      endedAt: job.endedAt,
    };
    return { meeting, actions, notes: job.proposal.notes, ...(logged ? { logged } : {}) };
  }
}
