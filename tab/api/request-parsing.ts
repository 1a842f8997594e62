import { z } from 'zod';
import { PageQuery, type PageRequest } from '../../core/common/paging';
import { parseInput } from '../../core/common/parse';
import { SpaceId, type Scope, spaceIdOf } from '../../core/common/scope';
import type { Caller } from '../../core/common/caller';
import type { ApiRequest } from './api-route';

/** Parses query parameters with a schema; repeated or comma-separated values become lists where the schema says. */
export function parseQuery<S extends z.ZodType>(schema: S, query: URLSearchParams): z.output<S> {
  return parseInput(schema, Object.fromEntries(query.entries()));
}

/** `a,b,c` as a list of allowed values. */
export function csvOf<T extends readonly [string, ...string[]]>(values: T) {
  return z
    .string()
    .max(500)
    .transform((s) =>
      s
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(values)).max(values.length));
}

/**
 * The space a request reads: `?spaceId=` or, by default, the caller's own personal space (where their personal
 * chat with the bot logs).
 */
export function scopeOf(request: ApiRequest): Scope {
  const { spaceId } = parseQuery(z.object({ spaceId: SpaceId.optional() }), request.query);
  return {
    tenantId: request.identity.tenantId,
    spaceId: spaceId ?? spaceIdOf('personal', request.identity.user.aadObjectId),
  };
}

/** `?limit=` and `?cursor=`. */
export function pageOf(request: ApiRequest): PageRequest {
  return parseQuery(PageQuery, pickPage(request.query));
}

function pickPage(query: URLSearchParams): URLSearchParams {
  const page = new URLSearchParams();
  for (const key of ['limit', 'cursor']) {
    const value = query.get(key);
    if (value !== null) page.set(key, value);
  }
  return page;
}

/** A path parameter that names a record: short, printable. */
export const RecordId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Not a valid id');

/** Parses a record id from the path. */
export function idParam(request: ApiRequest, name = 'id'): string {
  return parseInput(RecordId, request.params[name]);
}

/** The caller of a write: the request's identity, acting in the space `?spaceId=` names (or their own). */
export function callerOf(request: ApiRequest): Caller {
  return { scope: scopeOf(request), user: request.identity.user };
}

/** Parses a JSON body with a schema; a missing body is an empty object, so every required field is named. */
export function parseBody<S extends z.ZodType>(schema: S, request: ApiRequest): z.output<S> {
  return parseInput(schema, request.body ?? {});
}

/** The body as an object to add path parameters to; anything else (an array, a number) counts as empty. */
export function bodyObject(request: ApiRequest): Record<string, unknown> {
  const body = request.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}
