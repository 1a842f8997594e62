import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A calendar event as the fake keeps it (the fields Graph returns that the app reads or sets). */
export interface FakeEvent {
  id: string;
  subject: string;
  body: { contentType: string; content: string };
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  transactionId?: string;
  isCancelled: boolean;
  cancelComment?: string;
}

/** How the next matching request fails. `lostAnswer`: the change is made, but the answer is a 503. */
export interface GraphFault {
  readonly status: 403 | 429 | 500 | 502 | 503 | 504;
  readonly retryAfterSeconds?: number;
  readonly lostAnswer?: boolean;
}

/** The `innerError.date` of the recorded error bodies (Graph stamps its errors; nothing reads the stamp). */
const RECORDED_AT = '2026-03-02T09:00:04';

/** Graph's error bodies for the statuses the fake can answer with (shapes from Graph's documentation). */
const ERRORS: Record<GraphFault['status'], { code: string; message: string }> = {
  403: { code: 'ErrorAccessDenied', message: 'Access is denied. Check credentials and try again.' },
  429: { code: 'ApplicationThrottled', message: 'Application is over its MailboxConcurrency limit.' },
  500: { code: 'InternalServerError', message: 'Internal server error.' },
  502: { code: 'BadGateway', message: 'Bad gateway.' },
  503: { code: 'ServiceUnavailable', message: 'The service is currently unavailable.' },
  504: { code: 'GatewayTimeout', message: 'The gateway did not receive a response in time.' },
};

/** How the next request inside a `$batch` fails. */
export interface BatchFault {
  readonly status: 403 | 429 | 500 | 502 | 503;
  readonly retryAfterSeconds?: number;
}

/** The directory's error bodies inside a batch (shapes from Graph's documentation of `GET /users/{id}`). */
const BATCH_ERRORS: Record<BatchFault['status'], { code: string; message: string }> = {
  403: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
  429: { code: 'TooManyRequests', message: 'Too many requests.' },
  500: { code: 'generalException', message: 'General exception while processing.' },
  502: { code: 'BadGateway', message: 'Bad gateway.' },
  503: { code: 'ServiceUnavailable', message: 'Service unavailable.' },
};

const ON_BEHALF_OF_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

async function bodyOf(req: IncomingMessage): Promise<any> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  if (!text) return undefined;
  return /json/.test(req.headers['content-type'] ?? '')
    ? JSON.parse(text)
    : Object.fromEntries(new URLSearchParams(text));
}

/**
 * A loopback stand-in for Microsoft Graph's calendar and user APIs (`$batch` of `GET /users/{id}` too), users'
 * installed Teams apps and their chats, and Entra's token endpoint: it issues app tokens by the client-credentials
 * grant and user tokens by the on-behalf-of grant, insists on them, creates, updates and cancels events per user
 * (honouring `transactionId` as Graph does: a repeated create returns the first event), installs the app for users
 * (403 without the permission, 404 for unknown users, 409 when installed already), and fails requests on demand.
 */
export class FakeGraph {
  readonly events = new Map<string, FakeEvent>();
  /** The directory's users by id, as `GET /users` returns them. */
  readonly users = new Map<string, { id: string; displayName: string; mail?: string; jobTitle?: string }>();
  /** Every request received, in order, as "METHOD /path". */
  readonly requests: string[] = [];
  tokensIssued = 0;
  /** On-behalf-of exchanges asked for, in order. */
  readonly onBehalfOfExchanges: { scope: string; requestedTokenUse: string }[] = [];
  /** Entra refuses on-behalf-of exchanges as it does before anyone consented to the delegated permission. */
  consentWithheld = false;
  /** Whether an administrator granted TeamsAppInstallation.ReadWriteSelfForUser.All (else installs answer 403). */
  installPermissionGranted = true;
  /** Apps installed for users in their personal scope: the installation and its chat with the bot, by user id. */
  readonly installations = new Map<string, { id: string; teamsAppId: string; chatId: string }>();
  private readonly faults: GraphFault[] = [];
  private readonly batchFaults: BatchFault[] = [];
  private nextId = 1;

  private constructor(
    private readonly server: ReturnType<typeof createServer>,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<FakeGraph> {
    let self: { graph?: FakeGraph } = {};
    const server = createServer((req, res) => void self.graph!.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const graph = new FakeGraph(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    self = { graph };
    return graph;
  }

  /** Graph's address as the client takes it. */
  get graphUrl(): string {
    return `${this.baseUrl}/v1.0`;
  }

  /** Fails the next Graph request (after any faults already queued) this way. */
  failNext(fault: GraphFault): void {
    this.faults.push(fault);
  }

  /** Fails the next request inside a `$batch` (after any already queued) this way; the batch itself answers 200. */
  failNextInBatch(fault: BatchFault): void {
    this.batchFaults.push(fault);
  }

  /** A user's events that are not cancelled. */
  eventsOf(userId: string): FakeEvent[] {
    return [...this.events.values()].filter((e) => e.id.startsWith(`${userId}:`) && !e.isCancelled);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}) {
    // Graph's 202 and 204 answers carry no body and no content type.
    res.writeHead(status, body === undefined ? headers : { 'content-type': 'application/json', ...headers });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    this.requests.push(`${req.method} ${path}`);
    const body = await bodyOf(req);
    if (path.endsWith('/oauth2/v2.0/token') && body?.grant_type === ON_BEHALF_OF_GRANT)
      return this.exchangeOnBehalfOf(res, body);
    if (path.endsWith('/oauth2/v2.0/token')) {
      if (body?.grant_type !== 'client_credentials' || !body.client_secret)
        return this.send(res, 400, {
          error: 'invalid_request',
          error_description: 'AADSTS900144: missing grant.',
        });
      this.tokensIssued += 1;
      return this.send(res, 200, {
        token_type: 'Bearer',
        expires_in: 3599,
        access_token: `graph-token-${this.tokensIssued}`,
      });
    }
    const signedIn = /^Bearer graph-user-token-([0-9a-f-]+)-\d+$/.exec(req.headers.authorization ?? '')?.[1];
    if (path === '/v1.0/me' && req.method === 'GET') return this.me(res, signedIn, url.searchParams);
    // Users are read as the app (application permission) or as a signed-in user (delegated, on their behalf).
    const asUser = signedIn !== undefined && path === '/v1.0/$batch';
    if (!asUser && !/^Bearer graph-token-\d+$/.test(req.headers.authorization ?? ''))
      return this.send(res, 401, {
        error: { code: 'InvalidAuthenticationToken', message: 'Access token is empty.' },
      });
    const fault = this.faults.shift();
    if (fault && !fault.lostAnswer) return this.fail(res, fault);
    const answer =
      path === '/v1.0/users' && req.method === 'GET'
        ? this.listUsers(url.searchParams)
        : path === '/v1.0/$batch' && req.method === 'POST'
          ? this.batch(body)
          : path.includes('/teamwork/installedApps')
            ? this.installedApps(req.method ?? 'GET', path, url.searchParams, body)
            : this.apply(req.method ?? 'GET', path, body);
    if (fault) return this.fail(res, fault);
    this.send(res, answer.status, answer.body);
  }

  /**
   * Entra's on-behalf-of exchange: the user's own token (whose claims name them) for a Graph token acting as
   * them, unless consent to the delegated scope is withheld (`consentWithheld`), as Entra answers then.
   */
  private exchangeOnBehalfOf(res: ServerResponse, body: Record<string, string>): void {
    this.onBehalfOfExchanges.push({
      scope: body.scope ?? '',
      requestedTokenUse: body.requested_token_use ?? '',
    });
    const claims = JSON.parse(
      Buffer.from(body.assertion?.split('.')[1] ?? '', 'base64url').toString() || '{}',
    );
    if (
      this.consentWithheld ||
      !body.client_secret ||
      body.requested_token_use !== 'on_behalf_of' ||
      !claims.oid
    )
      return this.send(res, 400, {
        error: 'invalid_grant',
        error_description:
          "AADSTS65001: The user or administrator has not consented to use the application with ID '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e'.",
        error_codes: [65001],
      });
    this.tokensIssued += 1;
    this.send(res, 200, {
      token_type: 'Bearer',
      scope: body.scope,
      expires_in: 3599,
      ext_expires_in: 3599,
      access_token: `graph-user-token-${claims.oid}-${this.tokensIssued}`,
    });
  }

  /** `GET /me`: the signed-in user's own profile; app-only tokens are refused as Graph refuses them. */
  private me(res: ServerResponse, userId: string | undefined, query: URLSearchParams): void {
    if (!userId)
      return this.send(res, 400, {
        error: {
          code: 'BadRequest',
          message: '/me request is only valid with delegated authentication flow.',
        },
      });
    const user = this.users.get(userId);
    if (!user)
      return this.send(res, 404, { error: { code: 'Request_ResourceNotFound', message: 'Not found.' } });
    const select = (query.get('$select') ?? 'id,displayName,mail,jobTitle').split(',');
    this.send(res, 200, {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
      ...Object.fromEntries(select.map((f) => [f, (user as Record<string, unknown>)[f] ?? null])),
    });
  }

  private fail(res: ServerResponse, fault: GraphFault): void {
    const headers: Record<string, string> =
      fault.retryAfterSeconds !== undefined ? { 'retry-after': String(fault.retryAfterSeconds) } : {};
    this.send(
      res,
      fault.status,
      { error: { ...ERRORS[fault.status], innerError: { date: RECORDED_AT } } },
      headers,
    );
  }

  /** `GET /users?$filter=id in ('…','…')&$select=…`: the users asked for, with only the selected fields. */
  private listUsers(query: URLSearchParams): { status: number; body?: unknown } {
    const ids = [...(query.get('$filter') ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]!.toLowerCase());
    if (ids.length > 15)
      return {
        status: 400,
        body: { error: { code: 'Request_UnsupportedQuery', message: 'Too many values in in filter.' } },
      };
    const select = (query.get('$select') ?? 'id,displayName,mail,jobTitle').split(',');
    const value = ids
      .map((id) => this.users.get(id))
      .filter((u) => u !== undefined)
      .map((u) => Object.fromEntries(select.map((f) => [f, (u as Record<string, unknown>)[f] ?? null])));
    return {
      status: 200,
      body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users', value },
    };
  }

  /**
   * `POST /$batch`: each request answered as Graph answers it inside a batch (its own status, headers and body),
   * or failed as queued by `failNextInBatch`. Only `GET /users/{id}` is served inside.
   */
  private batch(body: any): { status: number; body?: unknown } {
    const requests: { id: string; method: string; url: string }[] = body?.requests ?? [];
    if (requests.length > 20)
      return {
        status: 400,
        body: { error: { code: 'BadRequest', message: 'Maximum number of requests in a batch is 20.' } },
      };
    const responses = requests.map((r) => {
      const url = new URL(`/v1.0${r.url.startsWith('/') ? '' : '/'}${r.url}`, 'http://localhost');
      this.requests.push(`${r.method} ${url.pathname} (in $batch)`);
      const fault = this.batchFaults.shift();
      if (fault)
        return {
          id: r.id,
          status: fault.status,
          headers: {
            'Content-Type': 'application/json',
            ...(fault.retryAfterSeconds !== undefined
              ? { 'Retry-After': String(fault.retryAfterSeconds) }
              : {}),
          },
          body: { error: { ...BATCH_ERRORS[fault.status], innerError: { date: '2026-03-02T09:00:00' } } },
        };
      const one = /^\/v1\.0\/users\/([^/]+)$/.exec(url.pathname);
      const user =
        one && r.method === 'GET' ? this.users.get(decodeURIComponent(one[1]!).toLowerCase()) : undefined;
      if (!user)
        return {
          id: r.id,
          status: 404,
          headers: { 'Content-Type': 'application/json' },
          body: {
            error: {
              code: 'Request_ResourceNotFound',
              message: `Resource '${one?.[1] ?? r.url}' does not exist or one of its queried reference-property objects are not present.`,
            },
          },
        };
      const select = (url.searchParams.get('$select') ?? 'id,displayName,mail,jobTitle').split(',');
      return {
        id: r.id,
        status: 200,
        headers: {
          'Content-Type':
            'application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8',
        },
        body: {
          '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users(${select.join(',')})/$entity`,
          ...Object.fromEntries(select.map((f) => [f, (user as Record<string, unknown>)[f] ?? null])),
        },
      };
    });
    return { status: 200, body: { responses } };
  }

  /**
   * A user's apps, as Teams' Graph API serves them: `POST …/installedApps` installs (201, no body; 409 when
   * installed already; 403 without the permission; 404 for a user the directory does not know), `GET
   * …/installedApps?$filter=teamsApp/id eq '…'` lists, and `GET …/installedApps/{id}/chat` gives the chat.
   */
  private installedApps(
    method: string,
    path: string,
    query: URLSearchParams,
    body: any,
  ): { status: number; body?: unknown } {
    const m = /^\/v1\.0\/users\/([^/]+)\/teamwork\/installedApps(?:\/([^/]+)(\/chat)?)?$/.exec(path);
    const userId = m ? decodeURIComponent(m[1]!).toLowerCase() : '';
    if (!this.installPermissionGranted)
      return {
        status: 403,
        body: {
          error: {
            code: 'Forbidden',
            message:
              "Missing role permissions on the request. API requires one of 'TeamsAppInstallation.ReadWriteSelfForUser.All, TeamsAppInstallation.ReadWriteForUser.All, TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All, TeamsAppInstallation.ReadWriteAndConsentForUser.All'. Roles on the request ''.",
            innerError: { date: RECORDED_AT, 'request-id': '0f8c2e1a-6b4d-4f7e-9a3c-5d2b1e8f7a60' },
          },
        },
      };
    if (!m || !this.users.has(userId))
      return {
        status: 404,
        body: {
          error: {
            code: 'NotFound',
            message: `Failed to find user with id '${userId}'`,
            innerError: { date: RECORDED_AT },
          },
        },
      };
    const installed = this.installations.get(userId);
    if (method === 'POST' && !m[2]) {
      const teamsAppId = /appCatalogs\/teamsApps\/([^/]+)$/.exec(body?.['teamsApp@odata.bind'] ?? '')?.[1];
      if (!teamsAppId)
        return {
          status: 400,
          body: { error: { code: 'BadRequest', message: 'Invalid bind property name teamsApp in request.' } },
        };
      if (installed)
        return {
          status: 409,
          body: {
            error: {
              code: 'Conflict',
              message: 'App is already installed.',
              innerError: { date: RECORDED_AT },
            },
          },
        };
      this.installations.set(userId, {
        id: Buffer.from(`${userId}##${teamsAppId}`).toString('base64'),
        teamsAppId,
        chatId: `19:${userId}_0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e@unq.gbl.spaces`,
      });
      return { status: 201 };
    }
    if (method === 'GET' && !m[2]) {
      const wanted = /teamsApp\/id eq '([^']+)'/.exec(query.get('$filter') ?? '')?.[1];
      const value =
        installed && (!wanted || wanted === installed.teamsAppId)
          ? [
              {
                id: installed.id,
                consentedPermissionSet: null,
                teamsApp: {
                  id: installed.teamsAppId,
                  externalId: '4f3b1a2c-9d8e-4b7a-8c6d-5e4f3a2b1c0d',
                  displayName: 'Partner CRM',
                  distributionMethod: 'organization',
                },
              },
            ]
          : [];
      return {
        status: 200,
        body: {
          '@odata.context': `https://graph.microsoft.com/v1.0/$metadata#users('${userId}')/teamwork/installedApps(teamsApp())`,
          value,
        },
      };
    }
    if (method === 'GET' && m[3] && installed && decodeURIComponent(m[2]!) === installed.id)
      return {
        status: 200,
        body: {
          '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#chats/$entity',
          id: installed.chatId,
          topic: null,
          createdDateTime: '2026-03-02T09:00:01.365Z',
          lastUpdatedDateTime: '2026-03-02T09:00:01.365Z',
          chatType: 'oneOnOne',
          webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(installed.chatId)}/0?tenantId=`,
          tenantId: null,
          onlineMeetingInfo: null,
          viewpoint: null,
        },
      };
    return {
      status: 404,
      body: {
        error: { code: 'NotFound', message: 'Resource not found.', innerError: { date: RECORDED_AT } },
      },
    };
  }

  private apply(method: string, path: string, body: any): { status: number; body?: unknown } {
    const created = /^\/v1\.0\/users\/([^/]+)\/events$/.exec(path);
    if (created && method === 'POST') {
      const userId = created[1]!;
      const repeat = [...this.events.values()].find(
        (e) => e.id.startsWith(`${userId}:`) && body.transactionId && e.transactionId === body.transactionId,
      );
      if (repeat) return { status: 201, body: repeat };
      const event: FakeEvent = { ...body, id: `${userId}:AAMkAGI2${this.nextId++}`, isCancelled: false };
      this.events.set(event.id, event);
      return { status: 201, body: event };
    }
    const one = /^\/v1\.0\/users\/([^/]+)\/events\/([^/]+?)(\/cancel)?$/.exec(path);
    const event = one ? this.events.get(decodeURIComponent(one[2]!)) : undefined;
    if (!one || !event)
      return {
        status: 404,
        body: {
          error: { code: 'ErrorItemNotFound', message: 'The specified object was not found in the store.' },
        },
      };
    if (one[3] && method === 'POST') {
      Object.assign(event, { isCancelled: true, cancelComment: body?.comment });
      return { status: 202 };
    }
    if (method === 'PATCH') {
      Object.assign(event, body);
      return { status: 200, body: event };
    }
    return { status: 405 };
  }
}
