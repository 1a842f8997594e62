import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Activity, ActivityHandler } from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { z } from 'zod';
import type { Logger } from '../core/ports';
import { HttpProblem } from '../tab/api/api-errors';
import { readJson } from './http/body';
import { sendJson } from './http/respond';
import type { BotAdapter } from './bot-adapter';

/** Largest activity accepted: Teams caps a message at about 100 KB, invokes are smaller. */
export const MAX_ACTIVITY_BYTES = 512 * 1024;

/**
 * `POST /api/messages`: parses the activity, checks its Bot Framework token (signature from the OpenID keys,
 * issuer, audience, lifetime, channel endorsement, `serviceUrl` claim; none in local mode), then runs the bot
 * and answers with the invoke response, if any. Every token failure is a 401 with nothing run.
 */
export function botEndpoint(adapter: BotAdapter, bot: ActivityHandler, logger: Logger) {
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
    const activity = envelope.data as unknown as Activity;
    let authenticated: AuthenticateRequestResult;
    try {
      authenticated = await adapter.authentication.authenticateRequest(
        activity,
        req.headers.authorization ?? '',
      );
    } catch (err) {
      // botbuilder throws a mix of its own errors and jsonwebtoken's; every one means "not a valid token".
      logger.warn('activity refused: its token is not valid', {
        reason: (err as Error).message,
        channelId: activity.channelId,
      });
      return sendJson(res, 401, {
        error: {
          code: 'unauthenticated',
          message: 'The activity does not carry a valid Bot Framework token',
        },
      });
    }
    const invoke = await adapter.run(authenticated, activity, (context) => bot.run(context));
    if (invoke?.body === undefined) {
      res.statusCode = invoke?.status ?? 200;
      return void res.end();
    }
    sendJson(res, invoke.status, invoke.body);
  };
}

/**
 * The parts of an activity every handler relies on, checked before botbuilder sees it; the bot parses the
 * rest (text, card data) per activity type.
 */
const ActivityEnvelope = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(500).optional(),
  // Required: the token's serviceurl claim is checked against it, and replies go there.
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  channelId: z.string().max(64).optional(),
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }).optional(),
  from: z.looseObject({ id: z.string().max(1024) }).optional(),
  name: z.string().max(256).optional(),
});
