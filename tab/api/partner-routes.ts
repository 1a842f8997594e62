import { z } from 'zod';
import type { Core } from '../../core/core';
import { ok, type ApiRoute } from './api-route';
import { idParam, pageOf, parseQuery, scopeOf } from './request-parsing';

const PartnerQuery = z.object({
  status: z.enum(['active', 'archived']).optional(),
  q: z.string().trim().max(120).optional(),
});

/** Partners of a space: A to Z with their owners, and one partner with contacts and check-in schedule. */
export function partnerRoutes(core: Core): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/partners',
      handle: async (req) => {
        const { status, q } = parseQuery(PartnerQuery, req.query);
        return ok(
          await core.partners.list(scopeOf(req), { status, namePrefix: q || undefined }, pageOf(req)),
        );
      },
    },
    {
      method: 'GET',
      path: '/partners/:id',
      handle: async (req) => ok(await core.partners.view(scopeOf(req), idParam(req))),
    },
  ];
}
