import type { IncomingMessage, ServerResponse } from 'node:http';
import type {
  ActivityHandler,
  CloudAdapter,
  Request as BotRequest,
  Response as BotResponse,
} from 'botbuilder';
import { z } from 'zod';
import type { Logger } from '../core/ports';
import { HttpProblem } from '../tab/api/api-errors';
import { readJson } from './http/body';
import { sendJson } from './http/respond';

/** Largest activity accepted: Teams caps a message at about 100 KB, invokes are smaller. */
export const MAX_ACTIVITY_BYTES = 512 * 1024;

/** Wraps Node's response in the small interface CloudAdapter writes to. */
function botResponse(res: ServerResponse): BotResponse {
  return {
    socket: res.socket,
    status(code: number) {
      res.statusCode = code;
      return this;
    },
    header(name: string, value: unknown) {
      res.setHeader(name, String(value));
      return this;
    },
    send(body: unknown) {
      if (body === undefined || res.writableEnded) return this;
      if (typeof body === 'object' && !Buffer.isBuffer(body)) {
        res.setHeader('content-type', 'application/json; charset=utf-8');
        res.write(JSON.stringify(body));
      } else {
        res.write(typeof body === 'string' || Buffer.isBuffer(body) ? body : String(body));
      }
      return this;
    },
    end() {
      if (!res.writableEnded) res.end();
      return this;
    },
  };
}

/** `POST /api/messages`: parses the activity and hands it to CloudAdapter, which authenticates and runs the bot. */
export function botEndpoint(adapter: CloudAdapter, bot: ActivityHandler, logger: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let body: unknown;
    try {
      body = await readJson(req, MAX_ACTIVITY_BYTES);
    } catch (err) {
      if (err instanceof HttpProblem)
        return sendJson(res, err.status, { error: { code: err.code, message: err.message } });
      throw err;
    }
    const envelope = ActivityEnvelope.safeParse(body);
    if (!envelope.success) {
      logger.warn('malformed activity refused', { path: envelope.error.issues[0]?.path.join('.') });
      return sendJson(res, 400, {
        error: { code: 'bad_activity', message: 'Not a valid Bot Framework activity' },
      });
    }
    const request: BotRequest = { body: envelope.data, headers: req.headers, method: req.method };
    await adapter.process(request, botResponse(res), (context) => bot.run(context));
  };
}

/**
 * The parts of an activity every handler relies on, checked before botbuilder sees it; the bot parses the
 * rest (text, card data) per activity type.
 */
const ActivityEnvelope = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(500).optional(),
  serviceUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
  channelId: z.string().max(64).optional(),
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }).optional(),
  from: z.looseObject({ id: z.string().max(1024) }).optional(),
  name: z.string().max(256).optional(),
});
