import { z } from 'zod';
import { IsoDate } from '../../core/common/dates';
import type { Core } from '../../core/core';
import { ok, type ApiRoute } from './api-route';
import { pageOf, parseQuery, scopeOf } from './request-parsing';

const CheckInQuery = z.object({
  dueOnOrBefore: IsoDate.optional(),
  /** `mine=true`: the caller's own check-ins across every space of the tenant. */
  mine: z.enum(['true', 'false']).optional(),
});

/** Check-ins, soonest due first: a space's, or the caller's own. */
export function checkInRoutes(core: Core): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/checkins',
      handle: async (req) => {
        const { mine, ...query } = parseQuery(CheckInQuery, req.query);
        if (mine === 'true')
          return ok(await core.checkIns.listMine(req.identity, req.identity.user.aadObjectId, pageOf(req)));
        return ok(await core.checkIns.list(scopeOf(req), query, pageOf(req)));
      },
    },
  ];
}
