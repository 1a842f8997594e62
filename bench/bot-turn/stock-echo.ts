import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type ActivityHandler,
  type Request,
  type Response,
} from 'botbuilder';

/** botbuilder's `Response`, written to a node:http response (what restify or express would hand it). */
function responseTo(req: IncomingMessage, res: ServerResponse): Response {
  return {
    socket: req.socket,
    status: (code: number) => void (res.statusCode = code),
    header: (name: string, value: unknown) => void res.setHeader(name, String(value)),
    send: (body?: unknown) => {
      if (body === undefined) return void res.end();
      res.setHeader('content-type', 'application/json');
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    },
    end: () => void (res.writableEnded || res.end()),
  };
}

/**
 * `bot` served the way botbuilder's samples serve a bot: its own `CloudAdapter` with configuration
 * authentication (no app id: unauthenticated, as locally), behind a plain HTTP server that parses the JSON body.
 * None of the app's adapter, endpoint or shared clients is involved: the bare botbuilder turn issue #26 names.
 */
export function stockEchoServer(bot: ActivityHandler): Server {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  return createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: Request = {
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
        headers: req.headers,
        method: req.method,
      };
      adapter
        .process(request, responseTo(req, res), (context) => bot.run(context))
        .catch(() => {
          res.statusCode = 500;
          res.end();
        });
    });
  });
}
