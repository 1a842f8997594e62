import { AadObjectId } from '../../core/people/person';
import { TenantId } from '../../core/common/scope';
import type { ApiIdentity } from './api-route';
import { HttpProblem } from './api-errors';

/**
 * The identity Microsoft 365 Agents Playground uses by default (its tenant and its user "Alex Wilber"), so what
 * is logged in the Playground shows in the tab in local mode.
 */
export const PLAYGROUND_IDENTITY: ApiIdentity = {
  tenantId: '00000000-0000-0000-0000-0000000000001',
  user: {
    aadObjectId: '00000000-0000-0000-0000-0000000000020',
    displayName: 'Alex Wilber',
    email: 'alexw@example.com',
  },
};

/** Headers that choose another identity, in local mode only. */
export const DEV_HEADERS = {
  userId: 'x-dev-user-id',
  userName: 'x-dev-user-name',
  tenantId: 'x-dev-tenant-id',
} as const;

function header(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  name: string,
): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Local mode's identity: the Playground user, or whoever the `x-dev-*` headers name. Only loopback callers get
 * one: local mode has no authentication, so nothing else may reach it.
 */
export function localIdentity(
  headers: Readonly<Record<string, string | string[] | undefined>>,
  remoteAddress: string | undefined,
): ApiIdentity {
  if (!isLoopbackAddress(remoteAddress))
    throw new HttpProblem(
      403,
      'forbidden',
      'Local mode answers only this machine; configure MicrosoftAppId for remote use',
    );
  const userId = header(headers, DEV_HEADERS.userId);
  const tenantId = header(headers, DEV_HEADERS.tenantId);
  if (userId !== undefined && !AadObjectId.safeParse(userId).success)
    throw new HttpProblem(400, 'validation', `${DEV_HEADERS.userId} must be an Entra object id (a GUID)`);
  if (tenantId !== undefined && !TenantId.safeParse(tenantId).success)
    throw new HttpProblem(400, 'validation', `${DEV_HEADERS.tenantId} is not a tenant id`);
  if (userId === undefined && tenantId === undefined) return PLAYGROUND_IDENTITY;
  return {
    tenantId: tenantId ?? PLAYGROUND_IDENTITY.tenantId,
    user:
      userId === undefined
        ? PLAYGROUND_IDENTITY.user
        : {
            aadObjectId: userId,
            displayName:
              header(headers, DEV_HEADERS.userName)?.slice(0, 200) || `Local user ${userId.slice(0, 8)}`,
          },
  };
}

/** Whether a socket's remote address is this machine. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
