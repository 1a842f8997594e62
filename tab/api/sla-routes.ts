import { z } from 'zod';
import type { Core } from '../../core/core';
import { ok, type ApiRoute } from './api-route';
import { idParam, pageOf, parseQuery, RecordId, scopeOf } from './request-parsing';

const SlaQuery = z.object({ partnerId: RecordId.optional() });

/** SLAs with partners, and their readings, latest period first. */
export function slaRoutes(core: Core): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/slas',
      handle: async (req) =>
        ok(await core.slas.list(scopeOf(req), parseQuery(SlaQuery, req.query), pageOf(req))),
    },
    {
      method: 'GET',
      path: '/slas/:id',
      handle: async (req) => ok(await core.slas.get(scopeOf(req), idParam(req))),
    },
    {
      method: 'GET',
      path: '/slas/:id/readings',
      handle: async (req) => ok(await core.slas.readings(scopeOf(req), idParam(req), pageOf(req))),
    },
  ];
}
