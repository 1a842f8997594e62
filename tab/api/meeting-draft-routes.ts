import type { Core } from '../../core/core';
import { CaptureInput } from '../../core/meetings/meeting-capture';
import { ok, type ApiRoute } from './api-route';
import { callerOf, parseBody, scopeOf } from './request-parsing';

/**
 * The meeting chat's draft, as its side panel shows and adds to it: `GET` what was captured so far,
 * `POST` one more thing (the partner met, an agreed action, a decision, an agreement); a repeated `POST` with
 * the same `Idempotency-Key` adds nothing.
 */
export function meetingDraftRoutes(core: Core): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/meeting-draft',
      handle: async (req) => ok(await core.meetingCapture.view(scopeOf(req))),
    },
    {
      method: 'POST',
      path: '/meeting-draft',
      handle: async (req) =>
        ok(
          await core.meetingCapture.capture(callerOf(req), parseBody(CaptureInput, req), req.idempotencyKey),
        ),
    },
  ];
}
