import { createGraphClient } from '../adapters/graph/graph-client';
import { GraphOwnProfile } from '../adapters/graph/graph-own-profile';
import { OnBehalfOfTokens } from '../adapters/graph/on-behalf-of';
import { rememberNewest } from '../core/common/newest-first-cache';
import { ProfileRefresh } from '../core/people/profile-refresh';
import type { Clock, Logger, Store } from '../core/ports';
import type { ApiIdentity } from '../tab/api/api-route';
import type { OnTabOpened } from '../tab/api/me-routes';
import type { Config } from './config';

/** A process refreshes one user's own profile at most this often. */
const ONCE_PER_MS = 24 * 60 * 60 * 1000;
/** Users remembered as refreshed; beyond this the oldest are forgotten (and may be refreshed again). */
const MAX_REMEMBERED = 10_000;

/**
 * With GRAPH_PEOPLE on, someone who opens the tab has their own job title and e-mail read from Graph as
 * themselves (on behalf of their Teams SSO token, delegated User.Read) and stored, at most once a day: people
 * are named with their roles even where no administrator has granted the app User.Read.All. It runs beside
 * the request, never delaying it; a failure is logged and the tab works the same.
 */
export function ownProfileOnTabOpen(
  config: Pick<Config, 'graph' | 'bot' | 'localMode'>,
  deps: { store: Store; clock: Clock },
  logger: Logger,
): OnTabOpened | undefined {
  if (!config.graph?.people || config.localMode) return undefined;
  const { baseUrl, authorityUrl } = config.graph;
  const tokens = new OnBehalfOfTokens(
    { clientId: config.bot.appId, clientSecret: config.bot.appPassword, authorityUrl },
    'User.Read',
  );
  const refreshedAt = new Map<string, number>();

  async function refresh(identity: ApiIdentity & { ssoToken: string }): Promise<void> {
    const user = { ...identity.user, tenantId: identity.tenantId, ssoToken: identity.ssoToken };
    const token = await tokens.tokenFor(user);
    const client = createGraphClient({ baseUrl, auth: { getAccessToken: async () => token } });
    await new ProfileRefresh(deps, new GraphOwnProfile(client)).refreshPerson(
      { tenantId: identity.tenantId },
      identity.user.aadObjectId,
    );
  }

  return (identity) => {
    if (!identity.ssoToken) return;
    const key = `${identity.tenantId}/${identity.user.aadObjectId}`;
    const now = deps.clock.now().getTime();
    if (now - (refreshedAt.get(key) ?? -Infinity) < ONCE_PER_MS) return;
    rememberNewest(refreshedAt, key, now, MAX_REMEMBERED);
    refresh({ ...identity, ssoToken: identity.ssoToken }).catch((err: unknown) =>
      logger.warn('own directory profile not refreshed', {
        error: err instanceof Error ? err.message : String(err),
      }),
    );
  };
}
