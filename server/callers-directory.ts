import { OnBehalfOfTokens } from '../adapters/graph/on-behalf-of';
import { DELEGATED_USER_SCOPE, OnBehalfOfUserLookup } from '../adapters/graph/on-behalf-of-user-lookup';
import type { Logger } from '../core/ports';
import type { CallersDirectory } from '../tab/api/form-routes';
import type { Config } from './config';

/**
 * With GRAPH_PEOPLE on (and not in local mode, which has no sign-in), the tab's picks that the app's own
 * directory cannot name (its application User.ReadBasic.All not granted) are named as the caller sees the
 * directory: Graph on their behalf with their Teams SSO token, delegated User.ReadBasic.All.
 */
export function callersDirectory(
  config: Pick<Config, 'graph' | 'bot' | 'localMode'>,
  logger: Logger,
): CallersDirectory | undefined {
  if (!config.graph?.people || config.localMode) return undefined;
  const { baseUrl, authorityUrl } = config.graph;
  const tokens = new OnBehalfOfTokens(
    { clientId: config.bot.appId, clientSecret: config.bot.appPassword, authorityUrl },
    DELEGATED_USER_SCOPE,
  );
  const lookup = new OnBehalfOfUserLookup(tokens, { baseUrl, logger });
  return (identity) =>
    identity.ssoToken
      ? lookup.for({
          tenantId: identity.tenantId,
          aadObjectId: identity.user.aadObjectId,
          ssoToken: identity.ssoToken,
        })
      : undefined;
}
