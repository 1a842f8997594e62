import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { ActivityHandler } from 'botbuilder';
import type { Core } from '../core/core';
import type { Logger } from '../core/ports';
import { apiRoutes } from '../tab/api/api-routes';
import type { GraphFeatures, OnTabOpened } from '../tab/api/me-routes';
import type { CallersDirectory } from '../tab/api/form-routes';
import type { ApiRoute } from '../tab/api/api-route';
import { toErrorResponse } from '../tab/api/api-errors';
import type { ExportServices } from '../tab/api/evidence-export-routes';
import type { ApiAccess } from './api-access';
import type { BotAdapter } from './bot-adapter';
import { botEndpoint } from './bot-endpoint';
import { readBody, readJson } from './http/body';
import { sendApiResponse, sendJson } from './http/respond';
import { RouteTable } from './http/route-table';
import { setSecurityHeaders } from './http/security-headers';
import { serveStatic } from './http/static-files';
import { enforceCallerLimit } from './http/caller-rate-limit';

/** Largest JSON body the API accepts. */
export const MAX_API_BODY_BYTES = 256 * 1024;

/** Everything the HTTP server serves. */
export interface AppParts {
  readonly core: Core;
  readonly logger: Logger;
  readonly bot: { readonly adapter: BotAdapter; readonly handler: ActivityHandler };
  /** Who an API request comes from (an HttpProblem 401/403 when nobody acceptable) and what they may open. */
  readonly access: ApiAccess;
  /** Directory of the tab's static files. */
  readonly tabRoot: string;
  /** Export writers, file verification and download-link signing. */
  readonly exports: ExportServices;
  /** What Microsoft Graph is connected for (nothing, unless told). */
  readonly graph?: GraphFeatures;
  /** Graph work done for someone who opens the tab. */
  readonly onTabOpened?: OnTabOpened;
  /** Names the tab's picks on the caller's behalf (delegated Graph). */
  readonly callersDirectory?: CallersDirectory;
}

/** The one HTTP server: bot endpoint, health check, tab API and tab files. Not yet listening. */
export function createApp(parts: AppParts): Server {
  const api = new RouteTable<ApiRoute>();
  const services = {
    exports: parts.exports,
    now: parts.exports.now,
    graph: parts.graph,
    onTabOpened: parts.onTabOpened,
    callersDirectory: parts.callersDirectory,
  };
  for (const route of apiRoutes(parts.core, services)) api.add(route.method, route.path, route);
  const bot = botEndpoint(parts.bot.adapter, parts.bot.handler, parts.logger);

  async function handleApi(req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
    const match = api.match(req.method ?? 'GET', path);
    if (match.kind === 'not_found')
      return sendJson(res, 404, { error: { code: 'not_found', message: 'No such API route' } });
    if (match.kind === 'method_not_allowed')
      return sendJson(
        res,
        405,
        { error: { code: 'method_not_allowed', message: 'Method not allowed' } },
        { allow: match.allowed.join(', ') },
      );
    const route = match.target;
    // Who is calling is settled before reading a body, so strangers cannot make the server read large ones.
    const identity = route.access === 'public' ? undefined : await parts.access.authenticate(req);
    if (identity) {
      await enforceCallerLimit(parts.access.limit, `${identity.tenantId}/${identity.user.aadObjectId}`);
      await parts.access.spaces.check(identity, url.searchParams.get('spaceId'));
    }
    const request = {
      params: match.params,
      query: url.searchParams,
      body: await bodyOf(req, route),
      contentType: req.headers['content-type'],
      idempotencyKey: idempotencyKeyOf(req),
    };
    const response =
      route.access === 'public'
        ? await route.handle(request)
        : await route.handle({ ...request, identity: identity! });
    await sendApiResponse(res, response);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = url.pathname;
    const method = req.method ?? 'GET';
    setSecurityHeaders(res, path.startsWith('/tab/'));
    if (path === '/healthz' && (method === 'GET' || method === 'HEAD'))
      return sendJson(res, 200, { status: 'ok' });
    if (path === '/api/messages') {
      if (method !== 'POST')
        return sendJson(
          res,
          405,
          { error: { code: 'method_not_allowed', message: 'POST activities here' } },
          { allow: 'POST' },
        );
      return bot(req, res);
    }
    if (path.startsWith('/api/v1/')) return handleApi(req, res, path.slice('/api/v1'.length), url);
    if (path === '/' || path === '/tab') {
      res.writeHead(302, { location: '/tab/' });
      return void res.end();
    }
    if (path.startsWith('/tab/') && (method === 'GET' || method === 'HEAD')) {
      if (await serveStatic(res, parts.tabRoot, path.slice('/tab/'.length), method === 'HEAD')) return;
    }
    sendJson(res, 404, { error: { code: 'not_found', message: 'Not found' } });
  }

  return createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      // The client hung up mid-response: nothing to answer and nothing wrong on our side.
      if ((err as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE') return;
      const expected = toErrorResponse(err);
      if (!expected)
        parts.logger.error('request failed', {
          error: err,
          method: req.method,
          path: req.url?.split('?')[0],
        });
      if (res.headersSent) return void res.destroy();
      const response = expected ?? {
        status: 500,
        body: { error: { code: 'internal', message: 'Something went wrong on our side' } },
      };
      void sendApiResponse(res, response);
    });
  });
}

/** A request's body as its route wants it: nothing for GET, raw bytes or parsed JSON up to the route's limit. */
async function bodyOf(req: IncomingMessage, route: ApiRoute): Promise<unknown> {
  if (req.method === 'GET' || req.method === 'HEAD') return undefined;
  if (route.body?.kind === 'raw') return readBody(req, route.body.maxBytes);
  return readJson(req, route.body?.maxBytes ?? MAX_API_BODY_BYTES);
}

/** The `Idempotency-Key` header, when it is a short printable token (anything else is ignored). */
function idempotencyKeyOf(req: IncomingMessage): string | undefined {
  const key = req.headers['idempotency-key'];
  return typeof key === 'string' && /^[\w.:-]{8,100}$/.test(key) ? key : undefined;
}
