import { z } from 'zod';
import { rememberNewest } from '../../core/common/newest-first-cache';
import type { AppCredentials } from './app-token';

/** Tokens are renewed this long before they expire. */
const RENEW_EARLY_MS = 5 * 60 * 1000;
/** Users whose Graph tokens are kept at once; the oldest go first. */
const MAX_CACHED_USERS = 1000;

const TokenAnswer = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });
const RefusalAnswer = z.object({ error: z.string(), error_description: z.string().optional() });

/** A signed-in tab user, with the Teams SSO token they called the API with. */
export interface SignedInUser {
  readonly tenantId: string;
  readonly aadObjectId: string;
  readonly ssoToken: string;
}

/**
 * Entra would not exchange the user's token. Most often consent to the delegated permission is missing
 * (AADSTS65001); the message then says who can give it.
 */
export class OnBehalfOfRefusedError extends Error {
  readonly consentMissing: boolean;

  constructor(
    readonly scope: string,
    readonly entraError: string,
    description = '',
  ) {
    const consentMissing = /AADSTS65001|consent_required/.test(`${entraError} ${description}`);
    super(
      consentMissing
        ? `Microsoft Graph needs consent to the ${scope} delegated permission before Partner CRM can act on ` +
            'your behalf: an administrator can grant it for everyone in the Entra admin centre.'
        : `Entra would not let Partner CRM act on your behalf with Microsoft Graph (${entraError}).`,
    );
    this.name = 'OnBehalfOfRefusedError';
    this.consentMissing = consentMissing;
  }
}

/**
 * Graph tokens that act as a signed-in tab user, by the OAuth 2.0 on-behalf-of flow: the user's Teams SSO
 * token (whose audience is this app) is exchanged at Entra for a Graph token with one delegated scope. Each
 * user's token is kept until five minutes before it expires, so a tab's many calls cost one exchange.
 */
export class OnBehalfOfTokens {
  private readonly tokens = new Map<string, { value: string; renewAt: number }>();

  constructor(
    private readonly app: Omit<AppCredentials, 'tenantId'>,
    /** The delegated permission asked for, e.g. `User.Read`. */
    private readonly scope: string,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A Graph token acting as `user`. Ask for it before building the Graph client that uses it: the client turns
   * errors thrown inside its middleware into GraphErrors, and Entra's refusal would lose its type.
   */
  async tokenFor(user: SignedInUser): Promise<string> {
    const key = `${user.tenantId}/${user.aadObjectId}`;
    const kept = this.tokens.get(key);
    if (kept && this.now() < kept.renewAt) return kept.value;
    const { clientId, clientSecret, authorityUrl } = this.app;
    const res = await fetch(`${authorityUrl.replace(/\/+$/, '')}/${user.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer',
        client_id: clientId,
        client_secret: clientSecret,
        assertion: user.ssoToken,
        scope: `https://graph.microsoft.com/${this.scope}`,
        requested_token_use: 'on_behalf_of',
      }),
      signal: AbortSignal.timeout(15_000),
    });
    const answer: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const refusal = RefusalAnswer.safeParse(answer);
      throw refusal.success
        ? new OnBehalfOfRefusedError(this.scope, refusal.data.error, refusal.data.error_description)
        : new OnBehalfOfRefusedError(this.scope, `HTTP ${res.status}`);
    }
    const token = TokenAnswer.parse(answer);
    const renewAt = this.now() + token.expires_in * 1000 - RENEW_EARLY_MS;
    rememberNewest(this.tokens, key, { value: token.access_token, renewAt }, MAX_CACHED_USERS);
    return token.access_token;
  }
}
