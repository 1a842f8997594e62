import { z } from 'zod';
import { IsoDateTime } from '../../core/common/dates';
import type { Core } from '../../core/core';
import { parseInput } from '../../core/common/parse';
import { CriteriaChangeInput } from '../../core/evidence/evidence-curation';
import { EVIDENCE_KINDS } from '../../core/evidence/evidence-event';
import {
  FeedbackAnswerInput,
  FeedbackRequestInput,
  WitnessConfirmationInput,
  WitnessRequestInput,
} from '../../core/evidence/evidence-request';
import { ReflectionInput } from '../../core/evidence/reflection';
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

const EvidenceQuery = z.object({
  kind: csvOf(EVIDENCE_KINDS).optional(),
  partnerId: RecordId.optional(),
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
});

const GapQuery = z.object({ days: z.coerce.number().int().min(1).max(365).default(30) });

function trailQuery(query: URLSearchParams) {
  const { kind, partnerId, from, to } = parseQuery(EvidenceQuery, query);
  return { kinds: kind, partnerId, occurredFrom: from, occurredTo: to };
}

/**
 * A space's evidence: the raw log and its chain check, the learner's items with their criteria, retagging,
 * coverage and gaps, STARR reflections, and requests for partner feedback and witness confirmations.
 */
export function evidenceRoutes(core: Core): ApiRoute[] {
  return [...trailRoutes(core), ...reflectionRoutes(core), ...requestRoutes(core)];
}

/** The raw log and its chain check; the learner's items, their criteria, coverage and gaps. */
function trailRoutes(core: Core): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/evidence',
      handle: async (req) => ok(await core.evidence.list(scopeOf(req), trailQuery(req.query), pageOf(req))),
    },
    {
      method: 'GET',
      path: '/evidence/verify',
      handle: async (req) => ok(await core.evidence.verify(scopeOf(req))),
    },
    {
      method: 'GET',
      path: '/evidence/items',
      handle: async (req) => ok(await core.curation.items(scopeOf(req), trailQuery(req.query), pageOf(req))),
    },
    {
      method: 'GET',
      path: '/evidence/items/:id',
      handle: async (req) => ok(await core.curation.item(scopeOf(req), idParam(req))),
    },
    {
      method: 'POST',
      path: '/evidence/items/:id/criteria',
      handle: async (req) =>
        ok(
          await core.curation.changeCriteria(
            callerOf(req),
            parseInput(CriteriaChangeInput, { ...bodyObject(req), eventId: idParam(req) }),
          ),
        ),
    },
    {
      method: 'GET',
      path: '/evidence/coverage',
      handle: async (req) => ok(await core.curation.coverage(scopeOf(req), trailQuery(req.query))),
    },
    {
      method: 'GET',
      path: '/evidence/gaps',
      handle: async (req) =>
        ok({ items: await core.curation.gaps(scopeOf(req), parseQuery(GapQuery, req.query).days) }),
    },
  ];
}

/** STARR reflections: a draft from chosen items, then the learner's own words. */
function reflectionRoutes(core: Core): ApiRoute[] {
  return [
    {
      method: 'POST',
      path: '/evidence/reflections/draft',
      handle: async (req) => {
        const { itemIds } = parseBody(z.object({ itemIds: z.array(RecordId).min(1).max(20) }), req);
        return ok(await core.curation.draftReflection(scopeOf(req), itemIds));
      },
    },
    {
      method: 'POST',
      path: '/evidence/reflections',
      handle: async (req) =>
        created(
          await core.curation.writeReflection(
            callerOf(req),
            parseBody(ReflectionInput, req),
            req.idempotencyKey,
          ),
        ),
    },
  ];
}

/** Requests for a partner's feedback or a witness's confirmation, their answers, and what waits for me. */
function requestRoutes(core: Core): ApiRoute[] {
  return [
    {
      method: 'POST',
      path: '/evidence/feedback-requests',
      handle: async (req) =>
        created(
          await core.evidenceRequests.requestFeedback(callerOf(req), parseBody(FeedbackRequestInput, req)),
        ),
    },
    {
      method: 'POST',
      path: '/evidence/witness-requests',
      handle: async (req) =>
        created(
          await core.evidenceRequests.requestWitness(callerOf(req), parseBody(WitnessRequestInput, req)),
        ),
    },
    {
      method: 'POST',
      path: '/evidence/requests/:id/feedback',
      handle: async (req) =>
        ok(
          await core.evidenceRequests.answerFeedback(
            callerOf(req),
            parseInput(FeedbackAnswerInput, { ...bodyObject(req), requestId: idParam(req) }),
          ),
        ),
    },
    {
      method: 'POST',
      path: '/evidence/requests/:id/confirmation',
      handle: async (req) =>
        ok(
          await core.evidenceRequests.confirmWitness(
            callerOf(req),
            parseInput(WitnessConfirmationInput, { ...bodyObject(req), requestId: idParam(req) }),
          ),
        ),
    },
    {
      method: 'POST',
      path: '/evidence/requests/:id/decline',
      handle: async (req) => ok(await core.evidenceRequests.decline(callerOf(req), idParam(req))),
    },
    {
      method: 'GET',
      path: '/me/evidence-requests',
      handle: async (req) =>
        ok(await core.evidenceRequests.pendingFor(req.identity, req.identity.user.aadObjectId, pageOf(req))),
    },
  ];
}
