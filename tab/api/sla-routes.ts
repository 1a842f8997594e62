import { z } from 'zod';
import { parseInput } from '../../core/common/parse';
import type { Core } from '../../core/core';
import { ReadingInput, SlaInput } from '../../core/slas/service-level-agreement';
import { created, ok, type ApiRoute } from './api-route';
import {
  bodyObject,
  callerOf,
  idParam,
  pageOf,
  parseBody,
  parseQuery,
  RecordId,
  scopeOf,
} from './request-parsing';

const SlaQuery = z.object({ partnerId: RecordId.optional() });

/** SLAs with partners and their readings, latest period first; defining SLAs and recording readings. */
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
    {
      method: 'POST',
      path: '/slas',
      handle: async (req) =>
        created(await core.slas.define(callerOf(req), parseBody(SlaInput, req), req.idempotencyKey)),
    },
    {
      method: 'POST',
      path: '/slas/:id/readings',
      handle: async (req) => {
        const input = parseInput(ReadingInput, { ...bodyObject(req), slaId: idParam(req) });
        return created(await core.slas.recordReading(callerOf(req), input));
      },
    },
  ];
}
