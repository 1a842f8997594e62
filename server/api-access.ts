import type { IncomingMessage } from 'node:http';
import type { BotFrameworkAuthentication } from 'botframework-connector';
import type { Core } from '../core/core';
import type { Logger } from '../core/ports';
import { ConnectorClients } from '../bot/notifier/connector-clients';
import { TeamsSpaceMembership } from '../bot/space-membership';
import type { ApiIdentity } from '../tab/api/api-route';
import { localIdentity } from '../tab/api/local-identity';
import { SpaceAccess } from '../tab/api/space-access';
import { SigningKeys } from '../tab/api/sso/signing-keys';
import { TeamsSso } from '../tab/api/sso/teams-sso';
import { botAuthentication } from './bot-authentication';
import type { Config } from './config';
import type { CallerLimit } from '../core/common/caller-limit';
import { FixedWindowCallerLimit } from '../adapters/rate-limit/fixed-window-caller-limit';

/** How the API learns who calls, how often they may, and what they may open. */
export interface ApiAccess {
  readonly authenticate: (req: IncomingMessage) => Promise<ApiIdentity>;
  /** Requests per caller (counted in this process here; main.ts shares the count when on PostgreSQL). */
  readonly limit: CallerLimit;
  readonly spaces: SpaceAccess;
}

/**
 * Local mode: the loopback caller is the Playground's user (or whom the dev headers name), and only personal
 * spaces are checked. With an app id: a Teams SSO token is required, and team and chat spaces are open to
 * their members only, as Teams' roster says. `connectorAuth` is how roster calls authenticate to Teams
 * (default: the bot's own identity).
 */
export function apiAccess(
  config: Config,
  core: Pick<Core, 'conversations'>,
  logger: Logger,
  connectorAuth: BotFrameworkAuthentication = botAuthentication(config),
): ApiAccess {
  if (config.localMode)
    return {
      authenticate: async (req) => localIdentity(req.headers, req.socket.remoteAddress),
      limit: new FixedWindowCallerLimit(config.apiRateLimit),
      spaces: new SpaceAccess(undefined),
    };
  const { appId, appType, appTenantId } = config.bot;
  const sso = new TeamsSso(
    new SigningKeys(config.ssoJwksUrl),
    {
      // The manifest's webApplicationInfo: v2 tokens carry the client id, v1 tokens the resource URI.
      audiences: [appId, `api://${new URL(config.publicUrl).host}/botid-${appId}`],
      tenantId: appType === 'MultiTenant' ? undefined : appTenantId,
    },
    Date.now,
    (reason) => logger.warn('API call refused: sign-in token not valid', { reason }),
  );
  const roster = new TeamsSpaceMembership(core, new ConnectorClients(connectorAuth, appId));
  return {
    authenticate: (req) => sso.identify(req.headers.authorization),
    limit: new FixedWindowCallerLimit(config.apiRateLimit),
    spaces: new SpaceAccess(roster, Date.now, (error) => logger.warn('membership check failed', { error })),
  };
}
