import { z } from 'zod';
import { AGREEMENT_STATUSES } from '../../core/agreements/priority-agreement';
import type { Core } from '../../core/core';
import { ok, type ApiRoute } from './api-route';
import { csvOf, idParam, pageOf, parseQuery, RecordId, scopeOf } from './request-parsing';

const AgreementQuery = z.object({
  status: csvOf(AGREEMENT_STATUSES).optional(),
  partnerId: RecordId.optional(),
  seriesId: RecordId.optional(),
});

/** Conflict-priority agreements, newest first, with every version and acknowledgement. */
export function agreementRoutes(core: Core): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/agreements',
      handle: async (req) => {
        const { status, ...filters } = parseQuery(AgreementQuery, req.query);
        return ok(await core.agreements.list(scopeOf(req), { ...filters, statuses: status }, pageOf(req)));
      },
    },
    {
      method: 'GET',
      path: '/agreements/:id',
      handle: async (req) => ok(await core.agreements.view(scopeOf(req), idParam(req))),
    },
  ];
}
