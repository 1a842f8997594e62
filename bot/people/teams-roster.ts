import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { Logger } from '../../core/ports';
import { AadObjectId, type TeamsUser } from '../../core/people/person';
import type { Roster } from '../../cards/people/roster';

/** The conversation's members through the Bot Connector (`/v3/conversations/{id}/pagedmembers`, `/members/{id}`). */
export class TeamsRoster implements Roster {
  constructor(
    private readonly context: TurnContext,
    private readonly logger: Logger,
  ) {}

  async members(max: number): Promise<TeamsUser[]> {
    try {
      const page = await TeamsInfo.getPagedMembers(this.context, Math.min(Math.max(max, 1), 500));
      return page.members.flatMap((m) => userOf(m) ?? []).slice(0, max);
    } catch (error) {
      // Pickers still search Teams' directory without this list, so a connector hiccup only loses shortcuts.
      this.logger.warn('could not list conversation members', { error: describe(error) });
      return [];
    }
  }

  async member(aadObjectId: string): Promise<TeamsUser | undefined> {
    try {
      return userOf(await TeamsInfo.getMember(this.context, aadObjectId));
    } catch (error) {
      // Not a member (404), or not an id the connector knows at all (400): either way, not someone here.
      const status = statusOf(error);
      if (status === 404 || status === 400) return undefined;
      throw error;
    }
  }
}

function userOf(m: TeamsChannelAccount): TeamsUser | undefined {
  if (!m.aadObjectId || !AadObjectId.safeParse(m.aadObjectId).success) return undefined;
  const displayName = (m.name || [m.givenName, m.surname].filter(Boolean).join(' ') || 'Teams user').slice(
    0,
    200,
  );
  const email = m.email && /^[^@\s]+@[^@\s]+$/.test(m.email) ? m.email : undefined;
  return { aadObjectId: m.aadObjectId, displayName, ...(email ? { email } : {}) };
}

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; response?: { status?: unknown } };
  const status = e?.statusCode ?? e?.response?.status;
  return typeof status === 'number' ? status : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${statusOf(error) ?? ''}` : 'unknown';
}
