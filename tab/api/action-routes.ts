import { z } from 'zod';
import { ACTION_STATUSES } from '../../core/actions/agreed-action';
import { IsoDate } from '../../core/common/dates';
import type { Core } from '../../core/core';
import { ok, type ApiRoute } from './api-route';
import { csvOf, idParam, pageOf, parseQuery, RecordId, scopeOf } from './request-parsing';

const ActionQuery = z.object({
  status: csvOf(ACTION_STATUSES).optional(),
  partnerId: RecordId.optional(),
  meetingId: RecordId.optional(),
  dueOnOrBefore: IsoDate.optional(),
  /** `mine=true`: the caller's own actions across every space of the tenant. */
  mine: z.enum(['true', 'false']).optional(),
});

/** Agreed actions: a space's, earliest due first, or the caller's own across the tenant. */
export function actionRoutes(core: Core): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/actions',
      handle: async (req) => {
        const { status, mine, ...filters } = parseQuery(ActionQuery, req.query);
        const query = { ...filters, statuses: status };
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
  ];
}
