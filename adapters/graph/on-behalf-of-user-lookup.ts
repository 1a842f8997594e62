import type { UserDirectory, DirectoryUser } from '../../core/people/user-directory';
import type { Logger } from '../../core/ports';
import { createGraphClient } from './graph-client';
import { GraphUserLookup } from './graph-user-lookup';
import type { OnBehalfOfTokens, SignedInUser } from './on-behalf-of';

/** The delegated permission picks are named with, on the caller's behalf. */
export const DELEGATED_USER_SCOPE = 'User.ReadBasic.All';

/** Where Graph is, and how the lookups log and tell time. */
export interface OnBehalfOfUserLookupOptions {
  readonly baseUrl: string;
  readonly logger: Logger;
  readonly now?: () => number;
}

/**
 * The directory as a signed-in tab user sees it: `GET /users/{id}` (in `$batch`, as {@link GraphUserLookup}
 * asks) with a Graph token exchanged for their Teams SSO token (on-behalf-of, delegated User.ReadBasic.All,
 * which any user can consent to). For tenants where no administrator granted the app its own User.ReadBasic.All:
 * a pick made in the tab is still named. Entra refusing the exchange (no consent yet) names nobody and throws
 * nothing: the picks are kept as pending people.
 */
export class OnBehalfOfUserLookup {
  constructor(
    /** Tokens for {@link DELEGATED_USER_SCOPE}. */
    private readonly tokens: OnBehalfOfTokens,
    private readonly options: OnBehalfOfUserLookupOptions,
  ) {}

  /** The directory as `user` sees it; only users of their own tenant are asked about. */
  for(user: SignedInUser): UserDirectory {
    return {
      users: async (tenantId, aadObjectIds) => {
        if (tenantId.toLowerCase() !== user.tenantId.toLowerCase() || aadObjectIds.length === 0)
          return new Map<string, DirectoryUser>();
        let token: string;
        try {
          // Asked before the client is built: inside its middleware Entra's refusal would become a GraphError.
          token = await this.tokens.tokenFor(user);
        } catch (err) {
          this.options.logger.warn('picked people not named on the caller’s behalf; they are kept pending', {
            error: err instanceof Error ? err.message : String(err),
          });
          return new Map<string, DirectoryUser>();
        }
        const client = createGraphClient({
          baseUrl: this.options.baseUrl,
          auth: { getAccessToken: async () => token },
        });
        return new GraphUserLookup(client, {
          homeTenantId: user.tenantId,
          logger: this.options.logger,
          now: this.options.now,
          maxWaitMs: 2_000,
        }).users(tenantId, aadObjectIds);
      },
    };
  }
}
