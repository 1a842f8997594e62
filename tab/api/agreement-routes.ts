import { z } from 'zod';
import { AcknowledgeInput } from '../../core/agreements/agreement-book';
import { AGREEMENT_STATUSES, AgreementInput } from '../../core/agreements/priority-agreement';
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

const AgreementQuery = z.object({
  status: csvOf(AGREEMENT_STATUSES).optional(),
  partnerId: RecordId.optional(),
  seriesId: RecordId.optional(),
});

/** Conflict-priority agreements, newest first, with every version and acknowledgement; proposed and acknowledged. */
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
    {
      method: 'POST',
      path: '/agreements',
      handle: async (req) =>
        created(
          await core.agreements.propose(callerOf(req), parseBody(AgreementInput, req), req.idempotencyKey),
        ),
    },
    {
      method: 'POST',
      path: '/agreements/:id/submit',
      handle: async (req) => ok(await core.agreements.submit(callerOf(req), idParam(req))),
    },
    {
      method: 'POST',
      path: '/agreements/:id/acknowledge',
      handle: async (req) => {
        const ack = parseInput(AcknowledgeInput, { ...bodyObject(req), agreementId: idParam(req) });
        return ok(await core.agreements.acknowledge(callerOf(req), ack));
      },
    },
  ];
}
