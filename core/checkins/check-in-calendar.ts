/** A partner's next check-in as it appears in its owner's calendar. */
export interface CheckInEntry {
  readonly checkInId: string;
  /** The owner, by Entra object id: whose calendar it goes in. */
  readonly ownerAadObjectId: string;
  readonly partnerName: string;
  /** The day it is due (YYYY-MM-DD) and when in the owner's day it starts. */
  readonly dueDate: string;
  readonly startTime: string;
  readonly durationMinutes: number;
  /** The owner's IANA time zone. */
  readonly timeZone: string;
  /** The last meeting's actions still open, listed in the event so the owner can prepare. */
  readonly openActions: readonly string[];
}

/**
 * The owners' calendars (Outlook, through Microsoft Graph). Scheduling the same check-in for the same day twice
 * gives the same event, however often a request is retried.
 */
export interface CheckInCalendar {
  /** Puts the check-in in its owner's calendar; returns the calendar's id of the event. */
  schedule(entry: CheckInEntry): Promise<string>;
  /**
   * Moves an event to the entry's new day and time, with its current open actions; `gone` when the owner
   * deleted the event themselves (it is then put back by scheduling it again).
   */
  move(eventId: string, entry: CheckInEntry): Promise<'moved' | 'gone'>;
  /** Cancels an event (the check-in's cadence stopped); attendees are told why. One already deleted is fine. */
  cancel(eventId: string, ownerAadObjectId: string, reason: string): Promise<void>;
}
