import { AppTokenProvider } from '../adapters/graph/app-token';
import { createGraphClient } from '../adapters/graph/graph-client';
import { GraphUserLookup } from '../adapters/graph/graph-user-lookup';
import type { UserDirectory } from '../core/people/user-directory';
import type { Logger } from '../core/ports';
import type { Config } from './config';

/**
 * The directory people pickers' choices are named from: Microsoft Graph as the bot's own Entra app in its home
 * tenant, with GRAPH_PEOPLE on (User.ReadBasic.All or User.Read.All). Without it, colleagues nobody has named
 * yet are kept as pending people until they write to the bot or a roster lists them.
 */
export function userDirectory(
  config: Pick<Config, 'graph' | 'bot'>,
  logger: Logger,
): UserDirectory | undefined {
  if (!config.graph?.people) return undefined;
  const auth = new AppTokenProvider({
    tenantId: config.bot.appTenantId,
    clientId: config.bot.appId,
    clientSecret: config.bot.appPassword,
    authorityUrl: config.graph.authorityUrl,
  });
  return new GraphUserLookup(createGraphClient({ baseUrl: config.graph.baseUrl, auth }), {
    homeTenantId: config.bot.appTenantId,
    logger,
  });
}
