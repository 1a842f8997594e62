import type { Scope } from '../common/scope';

/** An agreed action captured during a meeting, not yet a record: its owner by person id. */
export interface CapturedAction {
  readonly title: string;
  readonly ownerId: string;
  readonly dueDate: string;
}

/**
 * What attendees captured in a meeting chat's side panel while the meeting ran: the partner it is with, the
 * agreed actions and the decisions (agreements reached). It becomes the meeting-end form's starting values.
 */
export interface MeetingDraftRecord {
  readonly tenantId: string;
  readonly spaceId: string;
  readonly partnerId?: string;
  /** The conflict-priority agreement reached in the meeting, when one was. */
  readonly agreementId?: string;
  readonly actions: readonly CapturedAction[];
  readonly decisions: readonly string[];
  /** 1 for the first save; each save adds one. */
  readonly version: number;
  readonly updatedAt: string;
}

/** Reads a meeting chat's draft. */
export interface MeetingDraftReader {
  /** The space's current draft, if anything was captured since the last meeting ended. */
  get(scope: Scope): Promise<MeetingDraftRecord | undefined>;
}

/** Reads and writes meeting chats' drafts. */
export interface MeetingDraftRepository extends MeetingDraftReader {
  /** Stores the draft if the stored one is `expectedVersion` (0: none yet); false when it changed meanwhile. */
  save(draft: MeetingDraftRecord, expectedVersion: number): Promise<boolean>;
  /** Removes the space's draft and returns what it held (the meeting ended and its form took it). */
  take(scope: Scope): Promise<MeetingDraftRecord | undefined>;
}
