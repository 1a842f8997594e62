import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import {
  isOccurrenceEndedAt,
  type AttendanceReport,
  type AttendanceReports,
} from '../../core/meetings/meeting-attendance';
import { graphFailure } from './graph-failure';

/**
 * The application permission attendance reports need. Graph also requires an application access policy
 * (`New-CsApplicationAccessPolicy`, granted to the organizers) before it answers with anything but 403.
 */
const PERMISSION = 'OnlineMeetingArtifact.Read.All';
const DOING = 'read the attendance report of a Teams meeting';
/** Pages of attendance records followed (Graph pages them; a meeting of a few hundred fits). */
const MAX_PAGES = 10;

const ReportList = z.object({
  value: z
    .array(
      z.looseObject({
        id: z.string().min(1).max(300),
        meetingStartDateTime: z.string().max(40),
        meetingEndDateTime: z.string().max(40),
      }),
    )
    .max(500),
});

const RecordPage = z.object({
  value: z
    .array(
      z.looseObject({
        emailAddress: z.string().max(320).nullish(),
        totalAttendanceInSeconds: z.number().min(0).max(10_000_000),
        role: z.string().max(40).nullish(),
        identity: z
          .looseObject({
            id: z.string().max(100).nullish(),
            displayName: z.string().max(300).nullish(),
            tenantId: z.string().max(100).nullish(),
          })
          .nullish(),
      }),
    )
    .max(1000),
  '@odata.nextLink': z.string().max(4000).optional(),
});

/** Teams has no report for the meeting yet (or the meeting is not known to Graph yet). */
const isNotReady = (err: unknown) => err instanceof GraphError && err.statusCode === 404;

/** A Teams meeting's attendance reports through Microsoft Graph (application permission, see PERMISSION). */
export class GraphAttendance implements AttendanceReports {
  constructor(private readonly graph: Client) {}

  async report(
    organizer: string,
    onlineMeetingId: string,
    endedAt: string,
  ): Promise<AttendanceReport | 'not_ready'> {
    const base = `/users/${encodeURIComponent(organizer)}/onlineMeetings/${encodeURIComponent(onlineMeetingId)}`;
    try {
      const list = ReportList.parse(await this.graph.api(`${base}/attendanceReports`).get());
      // A recurring meeting lists every occurrence's report: only the one that ended when this one did counts.
      const ours = list.value
        .filter((r) => isOccurrenceEndedAt(r.meetingEndDateTime, endedAt))
        .sort((a, b) => b.meetingStartDateTime.localeCompare(a.meetingStartDateTime))[0];
      if (!ours) return 'not_ready';
      const records = await this.records(
        `${base}/attendanceReports/${encodeURIComponent(ours.id)}/attendanceRecords`,
      );
      return {
        id: ours.id,
        meetingStart: new Date(ours.meetingStartDateTime).toISOString(),
        meetingEnd: new Date(ours.meetingEndDateTime).toISOString(),
        records,
      };
    } catch (err) {
      if (isNotReady(err)) return 'not_ready';
      if (err instanceof z.ZodError)
        throw graphFailure(new GraphError(502, 'Graph answered in an unexpected shape'), DOING, PERMISSION);
      throw graphFailure(err, DOING, PERMISSION);
    }
  }

  private async records(first: string): Promise<AttendanceReport['records']> {
    const out: AttendanceReport['records'][number][] = [];
    let next: string | undefined = first;
    for (let page = 0; next && page < MAX_PAGES; page++) {
      const body = RecordPage.parse(await this.graph.api(next).get());
      for (const r of body.value)
        out.push({
          ...(r.identity?.id ? { aadObjectId: r.identity.id } : {}),
          ...(r.identity?.tenantId ? { tenantId: r.identity.tenantId } : {}),
          displayName: r.identity?.displayName ?? '',
          ...(r.emailAddress ? { email: r.emailAddress } : {}),
          role: r.role ?? 'Attendee',
          seconds: r.totalAttendanceInSeconds,
        });
      // The next page's link is absolute; the client takes it relative to the Graph address it was made for.
      next = body['@odata.nextLink']?.replace(/^https?:\/\/[^/]+\/v1\.0/, '');
    }
    return out;
  }
}
