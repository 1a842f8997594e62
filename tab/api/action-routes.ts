import { z } from 'zod';
import { ACTION_STATUSES, ActionInput, StatusChangeInput } from '../../core/actions/agreed-action';
import { IsoDate } from '../../core/common/dates';
import { parseInput } from '../../core/common/parse';
import type { Core } from '../../core/core';
import { created, ok, type ApiRoute } from './api-route';
import {
  bodyObject,
  callerOf,
  csvOf,
  idParam,
  pageOf,
  parseBody,
  parseQuery,
  RecordId,
  scopeOf,
} from './request-parsing';

const ActionQuery = z.object({
  status: csvOf(ACTION_STATUSES).optional(),
  ownerId: RecordId.optional(),
  partnerId: RecordId.optional(),
  meetingId: RecordId.optional(),
  dueOnOrBefore: IsoDate.optional(),
  /** `due` (earliest first, the default: overdue ones lead) or `-due` (latest first). */
  sort: z.enum(['due', '-due']).default('due'),
  /** `mine=true`: the caller's own actions across every space of the tenant. */
  mine: z.enum(['true', 'false']).optional(),
});

/** Agreed actions: a space's or the caller's own, created outside a meeting, and moved between statuses. */
export function actionRoutes(core: Core): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/actions',
      handle: async (req) => {
        const { status, mine, sort, ...filters } = parseQuery(ActionQuery, req.query);
        const query = {
          ...filters,
          statuses: status,
          order: sort === '-due' ? 'due_desc' : 'due_asc',
        } as const;
        if (mine === 'true')
          return ok(
            await core.actions.listMine(req.identity, req.identity.user.aadObjectId, query, pageOf(req)),
          );
        return ok(await core.actions.list(scopeOf(req), query, pageOf(req)));
      },
    },
    {
      method: 'GET',
      path: '/actions/:id',
      handle: async (req) => ok(await core.actions.view(scopeOf(req), idParam(req))),
    },
    {
      method: 'POST',
      path: '/actions',
      handle: async (req) =>
        created(await core.actions.create(callerOf(req), parseBody(ActionInput, req), req.idempotencyKey)),
    },
    {
      method: 'POST',
      path: '/actions/:id/status',
      handle: async (req) => {
        const change = parseInput(StatusChangeInput, { ...bodyObject(req), actionId: idParam(req) });
        return ok(await core.actions.changeStatus(callerOf(req), change));
      },
    },
  ];
}
