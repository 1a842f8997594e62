import { callerOf, placeOf } from '../../../bot/conversation-space';
import { referencesOf } from '../../../bot/conversation-references';
import { ValidationError } from '../../../core/errors';
import { PEOPLE, PLACES, teamsActivity } from '../../support/teams-activities';

const SERVICE = 'https://smba.trafficmanager.net/emea/';

describe(placeOf.name, () => {
  it('puts personal chat records in the person’s own space', () => {
    const a = teamsActivity('personal-message', SERVICE);
    expect(placeOf(a)).toEqual({
      tenantId: PLACES.tenant,
      spaceId: `personal:${PEOPLE.alex.aadObjectId}`,
      kind: 'personal',
      conversationId: PEOPLE.alex.personalConversationId,
    });
    expect(callerOf(a).user).toEqual({ aadObjectId: PEOPLE.alex.aadObjectId, displayName: 'Alex Wilber' });
  });

  it('puts a group chat’s records in the chat’s space', () => {
    expect(placeOf(teamsActivity('group-chat-message', SERVICE))).toMatchObject({
      spaceId: `chat:${PLACES.groupChat}`,
      kind: 'groupChat',
    });
  });

  it('puts every channel’s records in the team’s space, keyed by the team thread id', () => {
    const place = placeOf(teamsActivity('channel-message-mention', SERVICE));
    expect(place).toEqual({
      tenantId: PLACES.tenant,
      spaceId: `team:${PLACES.team}`,
      kind: 'team',
      conversationId: PLACES.channel,
      teamId: PLACES.team,
    });
  });

  it('takes the tenant from the conversation when channel data lacks it', () => {
    const a = teamsActivity('group-chat-message', SERVICE, { channelData: { tenant: null } });
    expect(placeOf(a).tenantId).toBe(PLACES.tenant);
  });

  it('refuses an activity without a tenant or without a Teams user', () => {
    const noTenant = teamsActivity('group-chat-message', SERVICE, {
      channelData: null,
      conversation: { tenantId: undefined },
    });
    expect(() => placeOf(noTenant)).toThrow(ValidationError);
    const emulator = teamsActivity('personal-message', SERVICE, {
      from: { id: 'user-1', name: 'Emulator', aadObjectId: undefined },
    });
    expect(() => placeOf(emulator)).toThrow('Partner CRM works for Microsoft Teams users');
  });
});

describe(referencesOf.name, () => {
  it('records the sender and, in a channel, the channel and its team', () => {
    const a = teamsActivity('channel-message-mention', SERVICE);
    expect(referencesOf(a, placeOf(a)).map((r) => [r.kind, r.key, r.conversationId])).toEqual([
      ['user', PEOPLE.alex.aadObjectId, undefined],
      ['channel', PLACES.channel, PLACES.channel],
      ['team', PLACES.team, PLACES.team],
    ]);
  });

  it('records the personal conversation for the sender in personal chat', () => {
    const a = teamsActivity('personal-message', SERVICE);
    expect(referencesOf(a, placeOf(a))).toEqual([
      {
        tenantId: PLACES.tenant,
        serviceUrl: SERVICE,
        channelId: 'msteams',
        botId: PLACES.bot,
        kind: 'user',
        key: PEOPLE.alex.aadObjectId,
        userId: PEOPLE.alex.mri,
        conversationId: PEOPLE.alex.personalConversationId,
      },
    ]);
  });
});
