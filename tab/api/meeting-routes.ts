import { z } from 'zod';
import { IsoDateTime } from '../../core/common/dates';
import type { Core } from '../../core/core';
import { MeetingInput } from '../../core/meetings/meeting';
import { created, ok, type ApiRoute } from './api-route';
import { callerOf, idParam, pageOf, parseBody, parseQuery, RecordId, scopeOf } from './request-parsing';

const MeetingQuery = z.object({
  partnerId: RecordId.optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
});

/** Partner meetings of a space, newest first, one meeting with its actions and people, and logging one. */
export function meetingRoutes(core: Core): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/meetings',
      handle: async (req) =>
        ok(await core.meetings.list(scopeOf(req), parseQuery(MeetingQuery, req.query), pageOf(req))),
    },
    {
      method: 'GET',
      path: '/meetings/:id',
      handle: async (req) => ok(await core.meetings.view(scopeOf(req), idParam(req))),
    },
    {
      method: 'POST',
      path: '/meetings',
      handle: async (req) => {
        const { replayed, ...view } = await core.meetings.log(
          callerOf(req),
          parseBody(MeetingInput, req),
          req.idempotencyKey,
        );
        return replayed ? ok(view) : created(view);
      },
    },
  ];
}
