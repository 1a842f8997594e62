import { z } from 'zod';
import { IsoDateTime } from '../../core/common/dates';
import type { Core } from '../../core/core';
import { EVIDENCE_KINDS } from '../../core/evidence/evidence-event';
import { ok, type ApiRoute } from './api-route';
import { csvOf, pageOf, parseQuery, RecordId, scopeOf } from './request-parsing';

const EvidenceQuery = z.object({
  kind: csvOf(EVIDENCE_KINDS).optional(),
  partnerId: RecordId.optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
});

/** A space's evidence log in chain order, and a check of its hash chain. */
export function evidenceRoutes(core: Core): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/evidence',
      handle: async (req) => {
        const { kind, partnerId, from, to } = parseQuery(EvidenceQuery, req.query);
        return ok(
          await core.evidence.list(
            scopeOf(req),
            { kinds: kind, partnerId, occurredFrom: from, occurredTo: to },
            pageOf(req),
          ),
        );
      },
    },
    {
      method: 'GET',
      path: '/evidence/verify',
      handle: async (req) => ok(await core.evidence.verify(scopeOf(req))),
    },
  ];
}
