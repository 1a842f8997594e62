import { z } from 'zod';
import type { Core } from '../../core/core';
import { PartnerInput } from '../../core/partners/partner';
import { created, ok, type ApiRoute } from './api-route';
import { callerOf, idParam, pageOf, parseBody, parseQuery, scopeOf } from './request-parsing';

const PartnerQuery = z.object({
  status: z.enum(['active', 'archived']).optional(),
  q: z.string().trim().max(120).optional(),
  /** `include=health`: the board's view, with contacts named and each partner's health. */
  include: z.enum(['health']).optional(),
});

const ViewQuery = z.object({ include: z.enum(['health']).optional() });

/** An update names the version it was based on, so a concurrent edit is refused instead of overwritten. */
const PartnerUpdate = PartnerInput.extend({
  expectedVersion: z.number({ error: 'Send the version you edited' }).int().min(1),
});

/** Partners of a space: listed (optionally with health), read, added, updated and archived. */
export function partnerRoutes(core: Core): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/partners',
      handle: async (req) => {
        const { status, q, include } = parseQuery(PartnerQuery, req.query);
        const query = { status, namePrefix: q || undefined };
        if (include === 'health') return ok(await core.board.list(scopeOf(req), query, pageOf(req)));
        return ok(await core.partners.list(scopeOf(req), query, pageOf(req)));
      },
    },
    {
      method: 'GET',
      path: '/partners/:id',
      handle: async (req) => {
        const { include } = parseQuery(ViewQuery, req.query);
        const view = await core.partners.view(scopeOf(req), idParam(req));
        if (include !== 'health') return ok(view);
        const health = await core.board.health(scopeOf(req), [view.partner]);
        return ok({ ...view, health: health[view.partner.id] });
      },
    },
    {
      method: 'POST',
      path: '/partners',
      handle: async (req) =>
        created(await core.partners.add(callerOf(req), parseBody(PartnerInput, req), req.idempotencyKey)),
    },
    {
      method: 'PUT',
      path: '/partners/:id',
      handle: async (req) => {
        const id = idParam(req);
        const { expectedVersion, ...input } = parseBody(PartnerUpdate, req);
        return ok(await core.partners.update(callerOf(req), id, input, expectedVersion));
      },
    },
    {
      method: 'POST',
      path: '/partners/:id/archive',
      handle: async (req) => ok(await core.partners.archive(callerOf(req), idParam(req))),
    },
  ];
}
