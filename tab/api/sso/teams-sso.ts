import { verify } from 'node:crypto';
import { z } from 'zod';
import type { ApiIdentity } from '../api-route';
import { HttpProblem } from '../api-errors';
import type { SigningKeys } from './signing-keys';

/** Clock difference tolerated between Entra and this server, as Bot Framework tolerates it. */
const SKEW_SECONDS = 5 * 60;
/** The delegated permission the tab's token must carry (the scope exposed by the app registration). */
export const SSO_SCOPE = 'access_as_user';

const Guid = z.string().regex(/^[0-9a-fA-F-]{36}$/);

const Header = z.object({ alg: z.literal('RS256'), kid: z.string().min(1).max(200) });

const Claims = z.object({
  iss: z.string(),
  aud: z.string(),
  exp: z.number(),
  nbf: z.number().optional(),
  tid: Guid,
  oid: Guid,
  scp: z.string().default(''),
  name: z.string().max(200).optional(),
  preferred_username: z.string().max(254).optional(),
});

/** What a Teams SSO token must be, besides well signed. */
export interface SsoPolicy {
  /** Audiences accepted: the app's client id and its application ID URI (`api://…/botid-…`). */
  readonly audiences: readonly string[];
  /** Tenants whose users may call; undefined for a multi-tenant app (each tenant sees only its own data). */
  readonly tenantId?: string;
}

/** Why a token was refused, for the log (the client only hears that it was). */
class Refused extends Error {}

/**
 * Checks the Teams SSO token the tab sends (`Authorization: Bearer …`, from `authentication.getAuthToken()`):
 * RS256 signature by a key the tenant's issuer publishes, issuer of the token's own tenant (v1 or v2 form),
 * audience of this app, the `access_as_user` scope, and lifetime with 5 minutes' skew. Yields the caller.
 */
export class TeamsSso {
  constructor(
    private readonly keys: SigningKeys,
    private readonly policy: SsoPolicy,
    private readonly now: () => number = Date.now,
    private readonly onRefused: (reason: string) => void = () => undefined,
  ) {}

  async identify(authorization: string | undefined): Promise<ApiIdentity> {
    try {
      return await this.check(authorization);
    } catch (err) {
      if (!(err instanceof Refused)) throw err;
      this.onRefused(err.message);
      throw new HttpProblem(
        401,
        'unauthenticated',
        'Sign in through Teams: the sign-in token is missing or not valid',
      );
    }
  }

  private async check(authorization: string | undefined): Promise<ApiIdentity> {
    const match = /^Bearer ([\w-]+)\.([\w-]+)\.([\w-]+)$/.exec(authorization ?? '');
    if (!match) throw new Refused('no bearer token');
    const [, head, body, signature] = match as unknown as [string, string, string, string];
    const header = Header.safeParse(decodePart(head));
    if (!header.success) throw new Refused('header is not RS256 with a key id');
    const key = await this.keys.get(header.data.kid);
    if (!key) throw new Refused('signed by an unknown key');
    const signed = Buffer.from(`${head}.${body}`);
    if (!verify('RSA-SHA256', signed, key, Buffer.from(signature, 'base64url')))
      throw new Refused('signature does not match');
    const parsed = Claims.safeParse(decodePart(body));
    if (!parsed.success) throw new Refused('claims are incomplete');
    const claims = parsed.data;
    const tid = claims.tid.toLowerCase();
    if (
      claims.iss !== `https://login.microsoftonline.com/${tid}/v2.0` &&
      claims.iss !== `https://sts.windows.net/${tid}/`
    )
      throw new Refused('issuer is not the token tenant');
    if (!this.policy.audiences.includes(claims.aud)) throw new Refused('audience is another app');
    if (this.policy.tenantId && tid !== this.policy.tenantId.toLowerCase())
      throw new Refused('tenant is not allowed');
    if (!claims.scp.split(' ').includes(SSO_SCOPE)) throw new Refused(`scope lacks ${SSO_SCOPE}`);
    const nowSeconds = this.now() / 1000;
    if (claims.exp + SKEW_SECONDS < nowSeconds) throw new Refused('expired');
    if (claims.nbf !== undefined && claims.nbf - SKEW_SECONDS > nowSeconds)
      throw new Refused('not yet valid');
    const email = z.email().safeParse(claims.preferred_username);
    return {
      tenantId: tid,
      ssoToken: `${head}.${body}.${signature}`,
      user: {
        aadObjectId: claims.oid.toLowerCase(),
        displayName: claims.name?.trim() || claims.preferred_username || 'Teams user',
        email: email.success ? email.data : undefined,
      },
    };
  }
}

function decodePart(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}
