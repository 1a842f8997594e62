/** One person's attendance in a Teams meeting, as its attendance report gives it. */
export interface AttendeeRecord {
  /** The person's Entra object id, when they joined signed in. */
  readonly aadObjectId?: string;
  /** The tenant they signed in from: ours means a colleague, another one (or none) someone external. */
  readonly tenantId?: string;
  readonly displayName: string;
  readonly email?: string;
  /** Organizer, Presenter, Attendee, … as Teams names the role. */
  readonly role: string;
  /** Time in the meeting, all intervals together. */
  readonly seconds: number;
}

/** One attendance report of a Teams meeting (a recurring meeting has one per occurrence). */
export interface AttendanceReport {
  readonly id: string;
  readonly meetingStart: string;
  readonly meetingEnd: string;
  readonly records: readonly AttendeeRecord[];
}

/**
 * How far a report's meeting end may lie from when the bot heard the meeting end and still be that occurrence's.
 * A recurring meeting keeps one online-meeting id and has a report per occurrence; the nearest other occurrence
 * of a daily or weekly series is a day or more away.
 */
const OCCURRENCE_SLACK_MS = 60 * 60_000;

/** Whether a report whose meeting ended at `meetingEnd` is of the occurrence the bot heard end at `endedAt`. */
export function isOccurrenceEndedAt(meetingEnd: string, endedAt: string): boolean {
  return Math.abs(Date.parse(meetingEnd) - Date.parse(endedAt)) <= OCCURRENCE_SLACK_MS;
}

/**
 * Reads a Teams meeting's attendance reports (Microsoft Graph's `onlineMeetings/{id}/attendanceReports`).
 * A refused permission is a ForbiddenError that says what an administrator must grant; an unreachable
 * service is any other error, worth trying again later.
 */
export interface AttendanceReports {
  /**
   * The report of the meeting's occurrence that ended at about `endedAt` (see isOccurrenceEndedAt), or
   * `not_ready` while Teams has not produced it yet, even if an earlier occurrence's report is there.
   */
  report(
    organizerAadObjectId: string,
    onlineMeetingId: string,
    endedAt: string,
  ): Promise<AttendanceReport | 'not_ready'>;
}
