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
}

/**
 * A loopback stand-in for Teams' Bot Connector service: it records what the bot sends and answers the REST
 * calls botbuilder makes (send, reply, update and delete activity; create conversation; roster reads) with the
 * payload shapes Teams returns. Activities in tests point their `serviceUrl` here.
 */
export class FakeBotConnector {
  readonly calls: ConnectorCall[] = [];
  /** Members per conversation id; conversations not listed have none. */
  readonly rosters = new Map<string, ConnectorMember[]>();
  private nextId = 1;
  private waiters: { check: () => boolean; resolve: () => void }[] = [];

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

  /** Forgets recorded calls (rosters stay). */
  reset(): void {
    this.calls.length = 0;
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
    if (parts[0] !== 'v3' || parts[1] !== 'conversations') return send(res, 404, notFound('Unknown API'));

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

  private activityId(): string {
    // Teams message ids are millisecond timestamps.
    return String(1_772_445_600_000 + this.nextId++);
  }

  private record(call: ConnectorCall): void {
    this.calls.push(call);
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
