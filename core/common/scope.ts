import { z } from 'zod';

/** An Entra (Azure AD) tenant id, or any opaque tenant key in local mode. */
export const TenantId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'Tenant id has unexpected characters');

/**
 * Where records live inside a tenant: a Teams team (`team:…`), a group chat (`chat:…`) or a person's own space
 * (`personal:…`). Board views and the evidence chain are per space.
 */
export const SpaceId = z
  .string()
  .min(1)
  .max(300)
  .regex(/^(team|chat|personal):[^\s]+$/, 'Space id must look like team:…, chat:… or personal:…');

/** The tenant a call is made in. Every store call takes at least this. */
export interface TenantScope {
  readonly tenantId: string;
}

/** A tenant and one space within it. */
export interface Scope extends TenantScope {
  readonly spaceId: string;
}

/** The kinds of space records can live in. */
export type SpaceKind = 'team' | 'chat' | 'personal';

/** Builds the space id for a Teams team, group chat or a person's own space. */
export function spaceIdOf(kind: SpaceKind, id: string): string {
  return `${kind}:${id}`;
}

/** A map key for something of one space, e.g. a record a transaction remembers by id. */
export function keyInSpace(scope: Scope, id: string): string {
  return `${scope.tenantId}\n${scope.spaceId}\n${id}`;
}

/** Parses a tenant and space pair from untrusted input. */
export const ScopeSchema = z.object({ tenantId: TenantId, spaceId: SpaceId });
