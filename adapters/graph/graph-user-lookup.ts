import { setTimeout as sleep } from 'node:timers/promises';
import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import { rememberNewest } from '../../core/common/newest-first-cache';
import { AadObjectId } from '../../core/people/person';
import type { DirectoryUser, UserDirectory } from '../../core/people/user-directory';
import type { Logger } from '../../core/ports';

/** Graph's limit on the requests of one `$batch`. */
const REQUESTS_PER_BATCH = 20;
/** Users whose answers are kept at once; the oldest go first. */
const MAX_CACHED = 5000;

/** How the lookup caches, retries and waits. */
export interface GraphUserLookupOptions {
  /** The tenant the app's token is for: users of other tenants are not asked about. */
  readonly homeTenantId: string;
  readonly logger: Logger;
  readonly now?: () => number;
  /** How long a user Graph named is trusted (default an hour). */
  readonly foundForMs?: number;
  /** How long an id Graph does not know is not asked about again (default ten minutes). */
  readonly unknownForMs?: number;
  /** After a 403 (the permission not granted), how long Graph is not asked at all (default fifteen minutes). */
  readonly refusedForMs?: number;
  /** Rounds of a `$batch` whose throttled (429) or failed (5xx) requests are asked again (default 3). */
  readonly maxAttempts?: number;
  /** Longest wait between rounds, whatever `Retry-After` says, so a form's submit is not held long. */
  readonly maxWaitMs?: number;
  readonly wait?: (ms: number) => Promise<void>;
}

/** One answer of a `$batch`, as Graph returns it. */
interface BatchAnswer {
  readonly id: string;
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: {
    id?: string;
    displayName?: string | null;
    mail?: string | null;
    jobTitle?: string | null;
  };
}

/**
 * Names colleagues a people picker found anywhere in the organisation: `GET /users/{id}` (application
 * permission User.ReadBasic.All, or User.Read.All), up to twenty in one `$batch`. Answers are cached (named users
 * for an hour, unknown ids for ten minutes); throttled (429) and failed (5xx) requests inside a batch are asked
 * again after the longest `Retry-After` (the client's middleware does the same for the batch itself). A 403 means
 * no administrator granted the permission: then nobody is named from Graph for a while, and picks are kept as
 * pending people instead. Nothing here throws for Graph's sake: a pick is never refused for want of a name.
 */
export class GraphUserLookup implements UserDirectory {
  private readonly cache = new Map<string, { user?: DirectoryUser; until: number }>();
  private refusedUntil = -Infinity;
  private readonly now: () => number;

  constructor(
    private readonly graph: Client,
    private readonly options: GraphUserLookupOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  async users(tenantId: string, aadObjectIds: readonly string[]): Promise<Map<string, DirectoryUser>> {
    const found = new Map<string, DirectoryUser>();
    if (tenantId.toLowerCase() !== this.options.homeTenantId.toLowerCase()) return found;
    const ask: string[] = [];
    for (const id of new Set(aadObjectIds.map((i) => i.toLowerCase()))) {
      if (!AadObjectId.safeParse(id).success) continue;
      const kept = this.cache.get(id);
      if (kept && this.now() < kept.until) {
        if (kept.user) found.set(id, kept.user);
      } else ask.push(id);
    }
    for (let i = 0; i < ask.length && this.now() >= this.refusedUntil; i += REQUESTS_PER_BATCH)
      for (const [id, user] of await this.batch(ask.slice(i, i + REQUESTS_PER_BATCH))) found.set(id, user);
    return found;
  }

  /** One `$batch` of lookups, its throttled and failed requests asked again. */
  private async batch(ids: readonly string[]): Promise<Map<string, DirectoryUser>> {
    const found = new Map<string, DirectoryUser>();
    const maxAttempts = this.options.maxAttempts ?? 3;
    let ask = [...ids];
    for (let attempt = 1; ask.length && attempt <= maxAttempts; attempt += 1) {
      const answers = await this.post(ask);
      if (!answers) return found;
      const again: string[] = [];
      let waitMs = 0;
      for (const answer of answers) {
        const id = ask[Number(answer.id) - 1];
        if (id === undefined) continue;
        if (answer.status === 200 && answer.body?.displayName) {
          const user = userOf(id, answer.body);
          found.set(id, user);
          this.remember(id, user, this.options.foundForMs ?? 60 * 60 * 1000);
        } else if (answer.status === 403) {
          this.refuse('Graph answered 403 to a user lookup');
          return found;
        } else if (answer.status === 429 || answer.status >= 500) {
          again.push(id);
          waitMs = Math.max(waitMs, retryAfterMs(answer.headers, attempt));
        } else {
          // 404 (not in this directory) or 400 (not an id it takes): nobody to name, for a while.
          this.remember(id, undefined, this.options.unknownForMs ?? 10 * 60 * 1000);
        }
      }
      ask = again;
      if (ask.length && attempt < maxAttempts)
        await (this.options.wait ?? sleep)(Math.min(waitMs, this.options.maxWaitMs ?? 10_000));
    }
    if (ask.length)
      this.options.logger.warn('Graph did not name some picked people; they are kept pending', {
        count: ask.length,
      });
    return found;
  }

  /** Posts a `$batch` of user lookups; undefined when Graph refused or failed the batch as a whole. */
  private async post(ids: readonly string[]): Promise<BatchAnswer[] | undefined> {
    const requests = ids.map((id, i) => ({
      id: String(i + 1),
      method: 'GET',
      url: `/users/${id}?$select=id,displayName,mail,jobTitle`,
    }));
    try {
      const answer = (await this.graph.api('/$batch').post({ requests })) as { responses?: BatchAnswer[] };
      return answer.responses ?? [];
    } catch (err) {
      if (err instanceof GraphError && err.statusCode === 403) this.refuse('Graph answered 403 to a $batch');
      else
        this.options.logger.warn('Graph user lookup failed; picked people are kept pending', {
          status: err instanceof GraphError ? err.statusCode : undefined,
        });
      return undefined;
    }
  }

  private refuse(why: string): void {
    this.refusedUntil = this.now() + (this.options.refusedForMs ?? 15 * 60 * 1000);
    this.options.logger.warn(
      `${why}: grant the app User.ReadBasic.All (application) so picked colleagues are named from the directory`,
    );
  }

  private remember(id: string, user: DirectoryUser | undefined, forMs: number): void {
    rememberNewest(this.cache, id, { ...(user ? { user } : {}), until: this.now() + forMs }, MAX_CACHED);
  }
}

function userOf(id: string, body: NonNullable<BatchAnswer['body']>): DirectoryUser {
  return {
    aadObjectId: id,
    displayName: body.displayName!.slice(0, 200),
    ...(body.mail && /^[^@\s]+@[^@\s]+$/.test(body.mail) ? { email: body.mail } : {}),
    ...(body.jobTitle ? { jobTitle: body.jobTitle.slice(0, 200) } : {}),
  };
}

/** How long Graph asked to wait (`Retry-After`, in seconds), else a short backoff that grows per attempt. */
function retryAfterMs(headers: Record<string, string> | undefined, attempt: number): number {
  const value = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'retry-after')?.[1];
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : 250 * 2 ** (attempt - 1);
}
