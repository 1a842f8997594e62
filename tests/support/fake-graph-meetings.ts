import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** How the next Graph request fails. */
export interface MeetingsFault {
  readonly status: 403 | 404 | 429 | 500 | 503;
  readonly retryAfterSeconds?: number;
}

/** Graph's error bodies for these statuses on online-meeting artifacts (shapes from Graph's documentation). */
const ERRORS: Record<MeetingsFault['status'], { code: string; message: string }> = {
  403: {
    code: 'Forbidden',
    message:
      'No application access policy found for this app. Check the application access policy for the user.',
  },
  404: { code: 'NotFound', message: 'The meeting or its attendance report was not found.' },
  429: { code: 'TooManyRequests', message: 'Too many requests.' },
  500: { code: 'InternalServerError', message: 'An internal server error occurred.' },
  503: { code: 'ServiceUnavailable', message: 'The service is currently unavailable.' },
};

/** An attendance report as Graph lists it, with its records (recorded shapes from Graph's documentation). */
export interface FakeAttendanceReport {
  readonly id: string;
  readonly meetingStartDateTime: string;
  readonly meetingEndDateTime: string;
  readonly records: readonly Record<string, unknown>[];
}

/** A callAiInsight as Graph gives it by id (with its action items, notes and viewpoint). */
export type FakeAiInsight = Record<string, unknown> & {
  readonly id: string;
  readonly createdDateTime: string;
};

/**
 * A loopback stand-in for Microsoft Graph's online-meeting attendance reports and Copilot's meeting insights, and
 * Entra's token endpoint: client-credentials tokens, `GET /users/{organizer}/onlineMeetings/{id}/attendanceReports`
 * and its `attendanceRecords` (paged by `recordsPerPage`), `GET /copilot/users/{organizer}/onlineMeetings/{id}/aiInsights`
 * (ids and times only, as Graph lists them) and `…/aiInsights/{id}`, and failures on demand.
 */
export class FakeGraphMeetings {
  /** Reports by `${organizer}/${meetingId}`; a meeting without an entry answers 404 as Graph does. */
  readonly reports = new Map<string, FakeAttendanceReport[]>();
  /** Copilot's insight sets by `${organizer}/${meetingId}`; a meeting without an entry answers 404. */
  readonly insights = new Map<string, FakeAiInsight[]>();
  /** Every request, as "METHOD /path". */
  readonly requests: string[] = [];
  recordsPerPage = 100;
  private readonly faults: MeetingsFault[] = [];
  private readonly pathFaults: { path: RegExp; fault: MeetingsFault }[] = [];

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeGraphMeetings> {
    let self: { graph?: FakeGraphMeetings } = {};
    const server = createServer((req, res) => void self.graph!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const graph = new FakeGraphMeetings(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    self = { graph };
    return graph;
  }

  /** Graph's address as the client takes it. */
  get graphUrl(): string {
    return `${this.baseUrl}/v1.0`;
  }

  /** Fails the next Graph request (after any already queued) this way. */
  failNext(fault: MeetingsFault): void {
    this.faults.push(fault);
  }

  /** Fails the next Graph request whose path matches (e.g. one insight set, after its list answered). */
  failNextMatching(path: RegExp, fault: MeetingsFault): void {
    this.pathFaults.push({ path, fault });
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    this.requests.push(`${req.method} ${url.pathname}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (url.pathname.endsWith('/oauth2/v2.0/token')) {
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      if (form.get('grant_type') !== 'client_credentials' || !form.get('client_secret'))
        return this.send(res, 400, {
          error: 'invalid_request',
          error_description: 'AADSTS900144: missing grant.',
        });
      return this.send(res, 200, { token_type: 'Bearer', expires_in: 3599, access_token: 'graph-token-1' });
    }
    if (req.headers.authorization !== 'Bearer graph-token-1')
      return this.send(res, 401, {
        error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' },
      });
    const scoped = this.pathFaults.findIndex((f) => f.path.test(url.pathname));
    const fault = scoped >= 0 ? this.pathFaults.splice(scoped, 1)[0]!.fault : this.faults.shift();
    if (fault)
      return this.send(
        res,
        fault.status,
        {
          error: {
            ...ERRORS[fault.status],
            innerError: { date: '2026-03-03T11:05:00', 'request-id': '5b8d6f2a-0c1e-4f7a-9d3b-2e6c8a1f4b7d' },
          },
        },
        fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) },
      );
    const ai = /^\/v1\.0\/copilot\/users\/([^/]+)\/onlineMeetings\/([^/]+)\/aiInsights(?:\/([^/]+))?$/.exec(
      url.pathname,
    );
    if (ai) return this.insightsOf(res, ai);
    const m =
      /^\/v1\.0\/users\/([^/]+)\/onlineMeetings\/([^/]+)\/attendanceReports(?:\/([^/]+)\/attendanceRecords)?$/.exec(
        url.pathname,
      );
    const reports = m && this.reports.get(`${decodeURIComponent(m[1]!)}/${decodeURIComponent(m[2]!)}`);
    if (!m || !reports) return this.send(res, 404, { error: ERRORS[404] });
    const context = `${this.graphUrl}/$metadata#users('${m[1]}')/onlineMeetings('${m[2]}')/attendanceReports`;
    if (!m[3])
      return this.send(res, 200, {
        '@odata.context': context,
        value: reports.map(({ records, ...r }) => ({
          ...r,
          totalParticipantCount: records.length,
          externalEventInformation: [],
        })),
      });
    const report = reports.find((r) => r.id === decodeURIComponent(m[3]!));
    if (!report) return this.send(res, 404, { error: ERRORS[404] });
    const skip = Number(url.searchParams.get('$skip') ?? 0);
    const page = report.records.slice(skip, skip + this.recordsPerPage);
    const more = skip + this.recordsPerPage < report.records.length;
    this.send(res, 200, {
      '@odata.context': `${context}('${m[3]}')/attendanceRecords`,
      value: page,
      ...(more
        ? {
            '@odata.nextLink': `${this.graphUrl}${url.pathname.slice(5)}?$skip=${skip + this.recordsPerPage}`,
          }
        : {}),
    });
  }

  /** The meeting's insight sets as Graph lists them (no content), or one set by id. */
  private insightsOf(res: ServerResponse, m: RegExpExecArray): void {
    const [organizer, meeting] = [decodeURIComponent(m[1]!), decodeURIComponent(m[2]!)];
    const sets = this.insights.get(`${organizer}/${meeting}`);
    if (!sets) return this.send(res, 404, { error: ERRORS[404] });
    const context = `${this.graphUrl}/$metadata#copilot/users('${m[1]}')/onlineMeetings('${m[2]}')/aiInsights`;
    if (!m[3])
      return this.send(res, 200, {
        '@odata.context': context,
        '@odata.count': sets.length,
        value: sets.map((s) => ({
          id: s.id,
          callId: s.callId,
          contentCorrelationId: s.contentCorrelationId,
          createdDateTime: s.createdDateTime,
          endDateTime: s.endDateTime,
        })),
      });
    const set = sets.find((s) => s.id === decodeURIComponent(m[3]!));
    if (!set) return this.send(res, 404, { error: ERRORS[404] });
    this.send(res, 200, { ...set, '@odata.context': `${context}/$entity` });
  }
}
