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
 * Reads a Teams meeting's attendance reports (Microsoft Graph's `onlineMeetings/{id}/attendanceReports`).
 * A refused permission is a ForbiddenError that says what an administrator must grant; an unreachable
 * service is any other error, worth trying again later.
 */
export interface AttendanceReports {
  /** The meeting's reports, newest first, or `not_ready` while Teams has not produced one yet. */
  reports(
    organizerAadObjectId: string,
    onlineMeetingId: string,
  ): Promise<readonly AttendanceReport[] | 'not_ready'>;
}
