import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import { AadObjectId } from '../../core/people/person';
import type {
  PersonalAppInstaller,
  PersonalInstallOutcome,
} from '../../core/conversations/personal-app-installer';
import type { Logger } from '../../core/ports';

/** The permission an administrator grants (application, in Entra) for installing the app for users. */
export const INSTALL_PERMISSION = 'TeamsAppInstallation.ReadWriteSelfForUser.All';

/** How the installer is set up. */
export interface GraphAppInstallerOptions {
  /** The tenant the app's token is for: users of other tenants are not installed for. */
  readonly homeTenantId: string;
  /** The app's id in the organisation's app catalog (`GET /appCatalogs/teamsApps?$filter=externalId eq '…'`). */
  readonly catalogAppId: string;
  /** Graph's address, as `teamsApp@odata.bind` names the catalog app (`https://graph.microsoft.com/v1.0`). */
  readonly graphUrl: string;
  readonly logger: Logger;
  readonly now?: () => number;
  /** After a 403 (the permission not granted), how long no install is tried in that tenant (default an hour). */
  readonly refusedForMs?: number;
}

const Installations = z.object({ value: z.array(z.object({ id: z.string().min(1).max(1024) })) });
const Chat = z.object({ id: z.string().min(1).max(1024) });

/**
 * Installs the app for a user through Microsoft Graph, as the bot's own Entra app, and finds the personal chat
 * that gives: `POST /users/{id}/teamwork/installedApps` (409 means it was installed already, which is as good),
 * then the installation's id, then `GET …/installedApps/{installationId}/chat`. Needs the application permission
 * TeamsAppInstallation.ReadWriteSelfForUser.All: a 403 means no administrator granted it, and that is remembered
 * for the tenant for an hour, so sends do not ask Graph again each time. Throttling and server errors (after the
 * client's own retries) are reported as worth trying later. Nothing here throws for Graph's sake.
 */
export class GraphAppInstaller implements PersonalAppInstaller {
  private readonly refusedUntil = new Map<string, number>();
  /** Installs under way, by tenant and user: a digest's or a batch's sends to one owner share one. */
  private readonly inFlight = new Map<string, Promise<PersonalInstallOutcome>>();
  private readonly now: () => number;

  constructor(
    private readonly graph: Client,
    private readonly options: GraphAppInstallerOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async install(tenantId: string, aadObjectId: string): Promise<PersonalInstallOutcome> {
    const tenant = tenantId.toLowerCase();
    if (tenant !== this.options.homeTenantId.toLowerCase()) return { kind: 'not-permitted' };
    if (this.now() < (this.refusedUntil.get(tenant) ?? -Infinity)) return { kind: 'not-permitted' };
    if (!AadObjectId.safeParse(aadObjectId).success) return { kind: 'unknown-user' };
    const key = `${tenant}|${aadObjectId.toLowerCase()}`;
    let install = this.inFlight.get(key);
    if (!install) {
      install = this.installFor(tenant, aadObjectId).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, install);
    }
    return install;
  }

  private async installFor(tenant: string, aadObjectId: string): Promise<PersonalInstallOutcome> {
    const user = `/users/${encodeURIComponent(aadObjectId)}/teamwork/installedApps`;
    try {
      await this.installOnce(user);
      const found = Installations.parse(
        await this.graph
          .api(user)
          .query({ $expand: 'teamsApp', $filter: `teamsApp/id eq '${this.options.catalogAppId}'` })
          .get(),
      );
      const installation = found.value[0];
      // Just installed, yet not listed: Graph has not caught up; the next attempt will find it.
      if (!installation) return { kind: 'unavailable', detail: 'the installation is not listed yet' };
      const chat = Chat.parse(
        await this.graph.api(`${user}/${encodeURIComponent(installation.id)}/chat`).get(),
      );
      return { kind: 'installed', chatId: chat.id };
    } catch (err) {
      return this.failure(tenant, err);
    }
  }

  /** Installs the app; an installation that already exists is kept as it is. */
  private async installOnce(path: string): Promise<void> {
    try {
      await this.graph.api(path).post({
        'teamsApp@odata.bind': `${this.options.graphUrl.replace(/\/+$/, '')}/appCatalogs/teamsApps/${this.options.catalogAppId}`,
      });
    } catch (err) {
      if (err instanceof GraphError && err.statusCode === 409) return;
      throw err;
    }
  }

  private failure(tenant: string, err: unknown): PersonalInstallOutcome {
    const status = err instanceof GraphError ? err.statusCode : undefined;
    if (status === 403) {
      this.refusedUntil.set(tenant, this.now() + (this.options.refusedForMs ?? 60 * 60 * 1000));
      this.options.logger.warn(
        `Graph answered 403 to installing the app for a user: grant the app ${INSTALL_PERMISSION} (application) so people who never installed it get reminders in their own chat`,
      );
      return { kind: 'not-permitted' };
    }
    if (status === 404) return { kind: 'unknown-user' };
    if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
      this.options.logger.error('Graph turned down installing the app for a user', {
        status,
        code: err instanceof GraphError ? err.code : undefined,
      });
      return { kind: 'not-permitted' };
    }
    // Seconds, as Graph sends it; anything else is left to the dispatcher's backoff.
    const retryAfter = err instanceof GraphError ? (err.headers?.get('retry-after') ?? '').trim() : '';
    return {
      kind: 'unavailable',
      ...(/^\d+$/.test(retryAfter) ? { retryAfterMs: Number(retryAfter) * 1000 } : {}),
      detail: status ? `Microsoft Graph answered ${status}` : 'Microsoft Graph did not answer',
    };
  }
}
