import { SpaceId } from '../../core/common/scope';
import { rememberNewest } from '../../core/common/newest-first-cache';
import type { SpaceRoster } from '../../core/people/space-roster';
import type { ApiIdentity } from './api-route';
import { HttpProblem } from './api-errors';

/** How long a membership answer is trusted: a removed member loses access within this time. */
export const ROSTER_CACHE_MS = 60_000;
const ROSTER_CACHE_ENTRIES = 10_000;

/**
 * Who may use a space through the API: a personal space only its person; a team's or chat's space only its
 * members (asked of Teams, cached briefly). Anyone else gets the same "not found" as for a space that does
 * not exist, so the answer never tells whether it does.
 */
export class SpaceAccess {
  private readonly answers = new Map<string, { member: boolean; at: number }>();

  /** `roster` undefined: local mode, where only personal spaces are checked. */
  constructor(
    private readonly roster: SpaceRoster | undefined,
    private readonly now: () => number = Date.now,
    private readonly onRosterFailure: (err: unknown) => void = () => undefined,
  ) {}

  /** Throws a 404 unless the caller may use the space `?spaceId=` names (none: their own space). */
  async check(identity: ApiIdentity, spaceId: string | null): Promise<void> {
    // No space named, or a malformed one (the route's own parsing explains that): nothing to check here.
    if (spaceId === null || !SpaceId.safeParse(spaceId).success) return;
    const me = identity.user.aadObjectId.toLowerCase();
    if (spaceId.startsWith('personal:')) {
      if (spaceId.slice('personal:'.length).toLowerCase() !== me) throw notFound();
      return;
    }
    if (!this.roster) return;
    if (!(await this.isMember(identity.tenantId, spaceId, me))) throw notFound();
  }

  private async isMember(tenantId: string, spaceId: string, me: string): Promise<boolean> {
    const key = `${tenantId}\u0000${spaceId}\u0000${me}`;
    const known = this.answers.get(key);
    if (known && this.now() - known.at < ROSTER_CACHE_MS) return known.member;
    let member: boolean;
    try {
      member = await this.roster!.isMember(tenantId, spaceId, me);
    } catch (err) {
      // Fail closed: without Teams' answer nobody gets in, and the caller is told to try again.
      this.onRosterFailure(err);
      throw new HttpProblem(
        503,
        'membership_unknown',
        'Teams could not confirm your membership; try again shortly',
      );
    }
    rememberNewest(this.answers, key, { member, at: this.now() }, ROSTER_CACHE_ENTRIES);
    return member;
  }
}

function notFound(): HttpProblem {
  return new HttpProblem(404, 'not_found', 'Not found');
}
