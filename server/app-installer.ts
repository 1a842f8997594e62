import { AppTokenProvider } from '../adapters/graph/app-token';
import { createGraphClient } from '../adapters/graph/graph-client';
import { GraphAppInstaller } from '../adapters/graph/graph-app-installer';
import type { PersonalAppInstaller } from '../core/conversations/personal-app-installer';
import type { Logger } from '../core/ports';
import type { Config } from './config';

/**
 * What installs the app for reminders' owners who never installed it: Microsoft Graph as the bot's own Entra app
 * in its home tenant, with GRAPH_INSTALL_APP on (TeamsAppInstallation.ReadWriteSelfForUser.All, application).
 * Without it, such owners are @mentioned where the partner is managed.
 */
export function appInstaller(
  config: Pick<Config, 'graph' | 'bot'>,
  logger: Logger,
): PersonalAppInstaller | undefined {
  const install = config.graph?.installApp;
  if (!config.graph || !install) return undefined;
  const auth = new AppTokenProvider({
    tenantId: config.bot.appTenantId,
    clientId: config.bot.appId,
    clientSecret: config.bot.appPassword,
    authorityUrl: config.graph.authorityUrl,
  });
  return new GraphAppInstaller(createGraphClient({ baseUrl: config.graph.baseUrl, auth }), {
    homeTenantId: config.bot.appTenantId,
    catalogAppId: install.catalogAppId,
    graphUrl: config.graph.baseUrl,
    logger,
  });
}
