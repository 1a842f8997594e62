import { spaceIdOf } from '../../core/common/scope';
import { ok, type ApiIdentity, type ApiRoute } from './api-route';

/** What Microsoft Graph is connected for, so the tab can say what it adds, or would add. */
export interface GraphFeatures {
  /** Check-ins are also events in their owners' Outlook calendars. */
  readonly calendar: boolean;
  /** Job titles come from the directory. */
  readonly people: boolean;
}

/** The Graph work done for a caller who opens the tab (their own job title, read as them); never throws. */
export type OnTabOpened = (identity: ApiIdentity) => void;

/**
 * Who the API takes the caller to be, their own space (the tab defaults to it) and what Graph is connected
 * for. Asking is also the moment the caller's own directory profile is refreshed, when Graph is connected.
 */
export function meRoutes(graph: GraphFeatures, onTabOpened?: OnTabOpened): ApiRoute[] {
  return [
    {
      method: 'GET',
      path: '/me',
      handle: async (req) => {
        onTabOpened?.(req.identity);
        return ok({
          tenantId: req.identity.tenantId,
          user: req.identity.user,
          personalSpaceId: spaceIdOf('personal', req.identity.user.aadObjectId),
          microsoftGraph: graph,
        });
      },
    },
  ];
}
