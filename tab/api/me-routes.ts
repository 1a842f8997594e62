import { spaceIdOf } from '../../core/common/scope';
import { ok, type ApiRoute } from './api-route';

/** Who the API takes the caller to be, and their own space: the tab shows it and defaults to it. */
export function meRoutes(): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/me',
      handle: async (req) =>
        ok({
          tenantId: req.identity.tenantId,
          user: req.identity.user,
          personalSpaceId: spaceIdOf('personal', req.identity.user.aadObjectId),
        }),
    },
  ];
}
