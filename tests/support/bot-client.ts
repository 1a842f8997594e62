import { FakeBotConnector, type ConnectorMember } from '../../testkit/fake-bot-connector';
import {
  PEOPLE,
  PLACES,
  fromPerson,
  teamsActivity,
  type ActivityFixture,
  type TeamsPerson,
} from './teams-activities';
import { startTestApp, type TestApp } from '../../testkit/test-app';
import type { TestStore } from '../../testkit/test-stores';

/** Where a test talks to the bot. */
export type Where = 'personal' | 'groupChat' | 'channel';

/** What the bot answered over HTTP. */
export interface BotAnswer {
  readonly status: number;
  readonly body: any;
}

const FIXTURE_FOR: Record<Where, ActivityFixture> = {
  personal: 'personal-message',
  groupChat: 'group-chat-message',
  channel: 'channel-message-mention',
};

/**
 * The real server plus a fake Bot Connector, and helpers that post recorded Teams activities as a given person
 * in a given conversation, the way Teams would.
 */
export class TeamsTestClient {
  private constructor(
    readonly app: TestApp,
    readonly connector: FakeBotConnector,
  ) {}

  /** Starts the server (SQLite unless a store is given) and the connector; the group chat and team know everyone. */
  static async start(
    options: { store?: TestStore; attendanceFromGraph?: boolean; insightsFromGraph?: boolean } = {},
  ): Promise<TeamsTestClient> {
    const [app, connector] = await Promise.all([startTestApp(options), FakeBotConnector.start()]);
    const members = Object.values(PEOPLE).map(memberOf);
    connector.rosters.set(PLACES.groupChat, members);
    connector.rosters.set(PLACES.channel, members);
    connector.rosters.set(PLACES.team, members);
    for (const p of Object.values(PEOPLE)) connector.rosters.set(p.personalConversationId, [memberOf(p)]);
    return new TeamsTestClient(app, connector);
  }

  async close(): Promise<void> {
    await Promise.all([this.app.close(), this.connector.close()]);
  }

  /** Posts an activity to `/api/messages`. */
  async post(activity: unknown): Promise<BotAnswer> {
    const res = await fetch(`${this.app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }

  /** A recorded activity as `who` in `where`, with extra changes. */
  activity(
    fixture: ActivityFixture,
    who: TeamsPerson,
    where: Where,
    patch: Record<string, unknown> = {},
  ): any {
    const place = where === 'personal' ? fromPerson(who, true) : fromPerson(who, false);
    const conversation =
      where === 'groupChat'
        ? {
            conversation: {
              isGroup: true,
              conversationType: 'groupChat',
              tenantId: PLACES.tenant,
              id: PLACES.groupChat,
            },
          }
        : where === 'channel'
          ? {
              conversation: {
                isGroup: true,
                conversationType: 'channel',
                tenantId: PLACES.tenant,
                id: `${PLACES.channel};messageid=1772442631205`,
              },
              channelData: {
                channel: { id: PLACES.channel },
                team: { id: PLACES.team },
                tenant: { id: PLACES.tenant },
              },
            }
          : {};
    return teamsActivity(fixture, this.connector.serviceUrl, { ...place, ...conversation, ...patch });
  }

  /** Types a message, as `who`, in `where` (channels need the @mention, which Teams puts in the text). */
  say(text: string, who: TeamsPerson = PEOPLE.alex, where: Where = 'personal'): Promise<BotAnswer> {
    const typed = where === 'channel' ? `<at>Partner CRM</at> ${text}` : text;
    return this.post(this.activity(FIXTURE_FOR[where], who, where, { text: typed }));
  }

  /** Presses an `Action.Execute` button; resolves with the invoke answer. */
  execute(
    verb: string,
    data: unknown,
    options: { who?: TeamsPerson; where?: Where; replyToId?: string; trigger?: 'manual' | 'automatic' } = {},
  ): Promise<BotAnswer> {
    return this.post(
      this.activity('adaptive-card-action', options.who ?? PEOPLE.alex, options.where ?? 'personal', {
        replyToId: options.replyToId ?? '1772442001001',
        value: { action: { type: 'Action.Execute', verb, data }, trigger: options.trigger ?? 'manual' },
      }),
    );
  }

  /** The cards in the last message the bot posted to a conversation. */
  lastPostedCard(conversationId?: string): any {
    const posted = this.connector.posted(conversationId);
    return posted[posted.length - 1]?.attachments?.[0]?.content;
  }
}

/** A Teams member as the connector's roster calls return them. */
export function memberOf(p: TeamsPerson): ConnectorMember {
  const [givenName, surname] = p.name.split(' ');
  const upn = `${givenName!.toLowerCase()}.${surname!.toLowerCase()}@contoso.example`;
  return {
    id: p.mri,
    name: p.name,
    aadObjectId: p.aadObjectId,
    givenName,
    surname,
    email: upn,
    userPrincipalName: upn,
    tenantId: PLACES.tenant,
    userRole: 'user',
  };
}
