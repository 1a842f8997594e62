import type { Core } from '../core/core';
import type { SpaceRoster } from '../core/people/space-roster';
import type { ConnectorClients } from './notifier/connector-clients';

/**
 * Space membership from Teams: the Bot Connector's "get member" call on the team or group chat the space
 * belongs to, at the address the bot last saw it. A space the bot has never been in, or was removed from,
 * has no members.
 */
export class TeamsSpaceMembership implements SpaceRoster {
  constructor(
    private readonly core: Pick<Core, 'conversations'>,
    private readonly clients: ConnectorClients,
  ) {}

  async isMember(tenantId: string, spaceId: string, aadObjectId: string): Promise<boolean> {
    const [kind, key] = [spaceId.slice(0, spaceId.indexOf(':')), spaceId.slice(spaceId.indexOf(':') + 1)];
    if (kind !== 'team' && kind !== 'chat') return false;
    const place = await this.core.conversations.get({ tenantId }, kind, key);
    if (!place || place.status === 'gone') return false;
    const client = await this.clients.for(place.serviceUrl);
    try {
      // For a team, its id is the conversation whose roster is the team's.
      await client.conversations.getConversationMember(key, aadObjectId);
      return true;
    } catch (err) {
      // Teams answers 404 (MemberNotFoundInConversation) for someone who is not a member.
      if ((err as { statusCode?: number }).statusCode === 404) return false;
      throw err;
    }
  }
}
