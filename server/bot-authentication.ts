import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthenticationConstants, type ClaimsIdentity, type UserTokenClient } from 'botframework-connector';
import type { Config } from './config';
import { KeptClients } from './kept-clients';

/** Most user token clients kept: one per bot identity, and a process has one. */
export const MAX_USER_TOKEN_CLIENTS = 16;

/** The bot identity a turn is for: its token's audience, else its app id (the emulator's), as botbuilder reads it. */
export function botAppIdOf(claims: ClaimsIdentity): string | undefined {
  return (
    claims.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    claims.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    undefined
  );
}

/**
 * botbuilder's authentication from configuration, with one user token client per bot identity shared by every
 * turn. CloudAdapter asks for a user token client on every incoming turn, whether or not the bot signs anyone in,
 * and botbuilder makes a new one each time: credentials and an HTTP pipeline of a dozen policies, about 5% of a
 * meeting submit's server time (bot-turn benchmark profile, after the Connector clients were shared). The
 * client holds nothing of one turn: it names the user on every call, and its credentials fetch and refresh their
 * token for whoever uses them.
 */
export class BotAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly userTokenClients = new KeptClients<UserTokenClient>(MAX_USER_TOKEN_CLIENTS);

  override createUserTokenClient(claims: ClaimsIdentity): Promise<UserTokenClient> {
    return this.userTokenClients.get(JSON.stringify([botAppIdOf(claims) ?? null]), () =>
      super.createUserTokenClient(claims),
    );
  }
}

/** The bot's identity with Bot Framework, for incoming activities and outgoing calls alike. */
export function botAuthentication(config: Config): BotAuthentication {
  // botbuilder refuses an app type without an app id, so local mode passes no identity at all.
  const identity = config.localMode
    ? {}
    : {
        MicrosoftAppId: config.bot.appId,
        MicrosoftAppPassword: config.bot.appPassword,
        MicrosoftAppType: config.bot.appType,
        MicrosoftAppTenantId: config.bot.appTenantId,
      };
  return new BotAuthentication({
    ...identity,
    ...tokenSources(config),
  } as ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[0]);
}

/**
 * Where incoming tokens' keys come from, when configured (tests run their own OpenID server). botbuilder
 * treats any such setting as a full custom cloud, so the rest are filled with the public cloud's values.
 */
function tokenSources(config: Config): Record<string, string> {
  const { openIdMetadataUrl, emulatorOpenIdMetadataUrl, tokenIssuer } = config.bot;
  if (!openIdMetadataUrl && !emulatorOpenIdMetadataUrl && !tokenIssuer) return {};
  return {
    ToChannelFromBotLoginUrl: `${AuthenticationConstants.ToChannelFromBotLoginUrlPrefix}${config.bot.appTenantId || 'botframework.com'}`,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: 'urn:botframework:azure',
    ToBotFromChannelOpenIdMetadataUrl:
      openIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl:
      emulatorOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    ToBotFromChannelTokenIssuer: tokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
  };
}
