import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Teams member as the Bot Connector's roster calls return it. */
export interface ConnectorMember {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  readonly givenName?: string;
  readonly surname?: string;
  readonly email?: string;
  readonly userPrincipalName?: string;
  readonly tenantId?: string;
  readonly userRole?: 'user' | 'guest' | 'anonymous';
}

/** One REST call the bot made, as the connector received it. */
export interface ConnectorCall {
  readonly method: string;
  readonly operation:
    'send' | 'reply' | 'update' | 'delete' | 'createConversation' | 'members' | 'pagedMembers' | 'member';
  readonly conversationId?: string;
  readonly activityId?: string;
  readonly body?: any;
  /** When the connector received it, in `performance.now()` milliseconds (Teams' limits count real time). */
  readonly at: number;
}

/** A failure the connector answers the next post with, instead of accepting it (Teams' own error payloads). */
export interface ConnectorFault {
  readonly status: 403 | 404 | 412 | 429 | 500 | 502 | 503 | 504;
  /** `Retry-After` to send with it (seconds, as Teams does). */
  readonly retryAfter?: string;
  /** Only posts to this conversation fail this way. */
  readonly conversationId?: string;
}

/** Teams' send limits, as the connector enforces them when asked: 429 for anything over. */
export interface ConnectorLimits {
  readonly perConversation: readonly { count: number; perMs: number }[];
  readonly perTenant: readonly { count: number; perMs: number }[];
}

const FAULT_BODIES: Record<ConnectorFault['status'], { code: string; message: string }> = {
  403: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
  404: { code: 'ConversationNotFound', message: 'Conversation not found.' },
  412: { code: 'PreconditionFailed', message: 'Precondition failed, please try again.' },
  429: { code: 'Throttled', message: 'Too many requests.' },
  500: { code: 'ServiceError', message: 'An internal error occurred.' },
  502: { code: 'BadGateway', message: 'Bad gateway.' },
  503: { code: 'ServiceUnavailable', message: 'The service is unavailable.' },
  504: { code: 'GatewayTimeout', message: 'The gateway timed out.' },
};

/**
 * A loopback stand-in for Teams' Bot Connector service: it records what the bot sends and answers the REST
 * calls botbuilder makes (send, reply, update and delete activity; create conversation; roster reads) with the
 * payload shapes Teams returns. Activities in tests point their `serviceUrl` here.
 */
export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  /** Members per conversation id; conversations not listed have none. */
  readonly rosters = new Map<string, ConnectorMember[]>();
  /** Teams meetings' details (`GET /v1/meetings/{id}`, Teams' MeetingInfo shape) by meeting id. */
  readonly meetings = new Map<string, object>();
  private nextId = 1;
  private waiters: { check: () => boolean; resolve: () => void }[] = [];
  private readonly faults: ConnectorFault[] = [];
  /** Milliseconds every answer is held back (a slow Teams). */
  latencyMs = 0;
  /** Teams' limits to enforce on posts; undefined to accept everything. */
  limits?: ConnectorLimits;
  /** Posts refused with 429 because they went over `limits`. */
  throttled = 0;
  /** Every POST received, whether accepted, faulted or throttled (botbuilder's own retries show up here). */
  postsReceived = 0;
  private readonly sentAt = new Map<string, number[]>();

  private constructor(
    private readonly server: Server,
    readonly serviceUrl: string,
  ) {}

  /** Starts the connector on a free loopback port. */
  static async start(): Promise<FakeBotConnector> {
    const holder: { connector?: FakeBotConnector } = {};
    const server = createServer((req, res) => {
      holder.connector!.handle(req, res).catch((err: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 'ServiceError', message: String(err) } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    // Teams' service URLs end with a slash (e.g. https://smba.trafficmanager.net/emea/).
    holder.connector = new FakeBotConnector(server, `http://127.0.0.1:${port}/teams/`);
    return holder.connector;
  }

  /** Activities the bot posted (sent or replied), optionally in one conversation. */
  posted(conversationId?: string): any[] {
    return this.calls
      .filter((c) => (c.operation === 'send' || c.operation === 'reply') && c.body?.type !== 'typing')
      .filter((c) => conversationId === undefined || c.conversationId === conversationId)
      .map((c) => c.body);
  }

  /** Activities the bot updated in place. */
  updated(): ConnectorCall[] {
    return this.calls.filter((c) => c.operation === 'update');
  }

  /** Resolves once `check` holds (checked after every call), or fails after `timeoutMs`. */
  waitFor(check: () => boolean, timeoutMs = 5000): Promise<void> {
    if (check()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the bot did not make the expected connector call')),
        timeoutMs,
      );
      this.waiters.push({
        check,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /** Makes the next posts fail, in order (each fault is used once). */
  failNext(...faults: ConnectorFault[]): this {
    this.faults.push(...faults);
    return this;
  }

  /** Forgets recorded calls (rosters stay). */
  reset(): void {
    this.calls.length = 0;
    this.postsReceived = 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://connector');
    const parts = url.pathname
      .replace(/^\/teams/, '')
      .split('/')
      .filter(Boolean)
      .map(decodeURIComponent);
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    if (this.latencyMs) await new Promise((r) => setTimeout(r, this.latencyMs));
    if (parts[0] === 'v1' && parts[1] === 'meetings' && method === 'GET') {
      const meeting = this.meetings.get(parts[2] ?? '');
      return meeting ? send(res, 200, meeting) : send(res, 404, notFound('Meeting not found'));
    }
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return send(res, 404, notFound('Unknown API'));
    if (method === 'POST') {
      this.postsReceived += 1;
      const refusal = this.refusal(parts[2], body);
      if (refusal) return sendFault(res, refusal);
    }

    if (parts.length === 2 && method === 'POST') {
      const id = `a:1${(this.nextId++).toString(36)}${'x'.repeat(20)}`;
      this.record({ method, operation: 'createConversation', body });
      return send(res, 201, { id, activityId: body?.activity ? this.activityId() : undefined });
    }
    const conversationId = parts[2]!;
    const [collection, item] = [parts[3], parts[4]];
    if (collection === 'activities') {
      if (method === 'POST' && item === undefined) {
        const id = this.activityId();
        this.record({ method, operation: 'send', conversationId, activityId: id, body });
        return send(res, 201, { id });
      }
      if (method === 'POST') {
        const id = this.activityId();
        this.record({
          method,
          operation: 'reply',
          conversationId,
          activityId: id,
          body: { ...body, replyToId: item },
        });
        return send(res, 201, { id });
      }
      if (method === 'PUT') {
        this.record({ method, operation: 'update', conversationId, activityId: item, body });
        return send(res, 200, { id: item });
      }
      if (method === 'DELETE') {
        this.record({ method, operation: 'delete', conversationId, activityId: item });
        return send(res, 200, {});
      }
    }
    const roster = this.rosters.get(conversationId) ?? [];
    if (collection === 'members' && method === 'GET' && item === undefined) {
      this.record({ method, operation: 'members', conversationId });
      return send(res, 200, roster);
    }
    if (collection === 'members' && method === 'GET') {
      this.record({ method, operation: 'member', conversationId, activityId: item });
      const member = roster.find((m) => m.id === item || m.aadObjectId.toLowerCase() === item!.toLowerCase());
      if (!member)
        return send(res, 404, {
          error: {
            code: 'MemberNotFoundInConversation',
            message: 'The specified user is not a member of this conversation',
          },
        });
      return send(res, 200, member);
    }
    if (collection === 'pagedmembers' && method === 'GET') {
      this.record({ method, operation: 'pagedMembers', conversationId });
      const size = Number(url.searchParams.get('pageSize') ?? 200);
      const start = Number(url.searchParams.get('continuationToken') ?? 0);
      const members = roster.slice(start, start + size);
      const next = start + size < roster.length ? String(start + size) : undefined;
      return send(res, 200, { members, ...(next ? { continuationToken: next } : {}) });
    }
    return send(res, 404, notFound(`No ${method} ${collection}`));
  }

  /** A scripted fault or a throttle for a post, if one applies. */
  private refusal(conversationId: string | undefined, body: any): ConnectorFault | undefined {
    const i = this.faults.findIndex(
      (f) => f.conversationId === undefined || f.conversationId === conversationId,
    );
    if (i >= 0) return this.faults.splice(i, 1)[0];
    if (!this.limits || !conversationId) return undefined;
    const tenant = body?.conversation?.tenantId ?? body?.channelData?.tenant?.id ?? 'unknown';
    // Teams counts its windows in real elapsed time, whatever the app's clock says.
    const now = performance.now();
    const over = (key: string, windows: ConnectorLimits['perConversation']) => {
      const times = (this.sentAt.get(key) ?? []).filter(
        (t) => t > now - Math.max(...windows.map((w) => w.perMs)),
      );
      this.sentAt.set(key, times);
      return windows.some((w) => times.filter((t) => t > now - w.perMs).length >= w.count);
    };
    if (
      over(`c:${conversationId}`, this.limits.perConversation) ||
      over(`t:${tenant}`, this.limits.perTenant)
    ) {
      this.throttled += 1;
      return { status: 429, retryAfter: '1' };
    }
    this.sentAt.get(`c:${conversationId}`)!.push(now);
    this.sentAt.get(`t:${tenant}`)!.push(now);
    return undefined;
  }

  private activityId(): string {
    // Teams message ids are millisecond timestamps.
    return String(1_772_445_600_000 + this.nextId++);
  }

  private record(call: Omit<ConnectorCall, 'at'>): void {
    this.calls.push({ ...call, at: performance.now() });
    this.waiters = this.waiters.filter((w) => {
      if (!w.check()) return true;
      w.resolve();
      return false;
    });
  }
}

async function readBody(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function sendFault(res: ServerResponse, fault: ConnectorFault): void {
  const body = JSON.stringify({ error: FAULT_BODIES[fault.status] });
  res.writeHead(fault.status, {
    'content-type': 'application/json; charset=utf-8',
    ...(fault.retryAfter ? { 'retry-after': fault.retryAfter } : {}),
  });
  res.end(body);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body ?? {});
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

function notFound(message: string) {
  return { error: { code: 'NotFound', message } };
}
