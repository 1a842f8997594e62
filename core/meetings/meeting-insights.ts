/** An action item Microsoft 365 Copilot noted in a meeting: what, in words, and whom it named as owner. */
export interface AiActionItem {
  readonly title: string;
  readonly text: string;
  /** The owner as Copilot named them (a display name, not an identity); absent when it named nobody. */
  readonly ownerDisplayName?: string;
}

/** One of Copilot's meeting notes: a topic, what was said about it, and its sub-points. */
export interface AiMeetingNote {
  readonly title: string;
  readonly text: string;
  readonly subpoints: readonly { readonly title: string; readonly text: string }[];
}

/** What Copilot made of one meeting (every insight set of its transcript, oldest first, put together). */
export interface MeetingInsights {
  /** Graph's ids of the insight sets read. */
  readonly ids: readonly string[];
  readonly actionItems: readonly AiActionItem[];
  readonly notes: readonly AiMeetingNote[];
}

/** How reading a meeting's insights went, short of a refusal (which is a ForbiddenError). */
export type InsightsReading =
  | { readonly kind: 'ready'; readonly insights: MeetingInsights }
  /** Copilot has nothing for this meeting yet (it can take hours after the meeting). */
  | { readonly kind: 'not_ready' }
  /** Graph is throttling or failing for now; `retryAfterMs` when it said how long to wait. */
  | { readonly kind: 'unavailable'; readonly detail: string; readonly retryAfterMs?: number };

/**
 * Reads a Teams meeting's AI insights (Microsoft Graph's `copilot/users/{organizer}/onlineMeetings/{id}/aiInsights`).
 * Throws a ForbiddenError, saying what an administrator must grant, when the permission, the application access
 * policy or the organizer's Microsoft 365 Copilot licence is missing.
 */
export interface MeetingInsightsSource {
  /**
   * The insights of the meeting's occurrence that ran from `occurrence.startedAt` to `occurrence.endedAt` (a
   * recurring meeting's occurrences share its id: each has its own transcripts and insight sets).
   */
  read(
    organizerAadObjectId: string,
    onlineMeetingId: string,
    occurrence: { readonly startedAt: string; readonly endedAt: string },
  ): Promise<InsightsReading>;
}

/** A meeting whose AI action items are ready for review, as the chat is told. */
export interface InsightsAnnouncement {
  readonly tenantId: string;
  readonly spaceId: string;
  readonly onlineMeetingId: string;
  /** When the occurrence started (a recurring meeting's occurrences share the online-meeting id). */
  readonly startedAt: string;
  /** Told in their own chat with the app when the meeting's chat cannot be reached. */
  readonly organizerAadObjectId: string;
  readonly meetingTitle: string;
  readonly actionItems: readonly AiActionItem[];
  /** Copilot's meeting notes, for the card to say how many there are. */
  readonly notes: number;
}

/** How telling a chat went: sent; worth trying later; or nowhere to send (the app left the chat). */
export type AnnounceOutcome = 'sent' | 'retry' | 'nowhere';

/**
 * Tells a meeting's chat about its AI insights. The Teams implementation lives with the bot; it renders the cards.
 */
export interface InsightsAnnouncer {
  /** "AI action items are ready for <meeting>: review and log". */
  ready(announcement: InsightsAnnouncement): Promise<AnnounceOutcome>;
  /** Why AI action items are not available in this tenant (said once per tenant); the flow works as before. */
  unavailable(notice: {
    readonly tenantId: string;
    readonly spaceId: string;
    readonly organizerAadObjectId: string;
    readonly meetingTitle: string;
    readonly reason: string;
  }): Promise<AnnounceOutcome>;
}
