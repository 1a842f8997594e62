import { z } from 'zod';
import type { Caller } from '../core/common/caller';
import { parseInput } from '../core/common/parse';
import { spaceIdOf, TenantId } from '../core/common/scope';
import { AadObjectId } from '../core/people/person';
import { ValidationError } from '../core/errors';

/** Where a turn happens: Teams' kind of conversation, and the tenant and space its records live in. */
export interface ConversationPlace {
  readonly tenantId: string;
  readonly spaceId: string;
  readonly kind: 'personal' | 'groupChat' | 'team';
  /** The conversation to answer in (a channel reply thread's id without its `;messageid=` part). */
  readonly conversationId: string;
  /** The team's thread id (`19:…@thread.tacv2`), in channels. */
  readonly teamId?: string;
}

/** The parts of an activity that say who and where; Teams always sends them, other channels may not. */
const ActivityWhere = z.object({
  conversation: z.looseObject({
    id: z.string().min(1).max(1024),
    conversationType: z.string().max(32).optional(),
    tenantId: TenantId.nullish(),
  }),
  from: z.looseObject(
    {
      id: z.string().min(1).max(1024),
      name: z.string().max(200).nullish(),
      aadObjectId: AadObjectId.nullish(),
    },
    { error: 'The activity does not say who sent it' },
  ),
  channelData: z
    .looseObject({
      tenant: z.looseObject({ id: TenantId }).nullish(),
      team: z.looseObject({ id: z.string().min(1).max(1024) }).nullish(),
    })
    .nullish(),
});

/** What `placeOf` and `callerOf` read from an activity. */
export type ActivityLike = z.input<typeof ActivityWhere>;

/**
 * Activities already read. One turn asks where its activity is from several times (the caller, the place to
 * remember, the sender to note), and botbuilder hands every handler the same activity object, which nothing
 * changes during the turn; kept weakly, so a turn's entry goes with its activity.
 */
const readActivities = new WeakMap<object, z.output<typeof ActivityWhere>>();

function whereOf(activity: unknown): z.output<typeof ActivityWhere> {
  const known = typeof activity === 'object' && activity !== null ? readActivities.get(activity) : undefined;
  if (known) return known;
  const where = parseInput(ActivityWhere, activity);
  if (typeof activity === 'object' && activity !== null) readActivities.set(activity, where);
  return where;
}

/**
 * The space an activity's records belong to: a person's own space in personal chat, the group chat's space,
 * or the team's space in any of its channels (keyed by the team's thread id, which the tab sees as
 * `team.internalId`). The tenant is Teams' `channelData.tenant.id`, or the conversation's tenant.
 */
export function placeOf(activity: unknown): ConversationPlace {
  const a = whereOf(activity);
  const tenantId = a.channelData?.tenant?.id ?? a.conversation.tenantId;
  if (!tenantId)
    throw ValidationError.of('channelData.tenant', 'The activity does not say which tenant it is from');
  const conversationId = a.conversation.id.split(';')[0]!;
  const type = a.conversation.conversationType;
  const teamId = a.channelData?.team?.id;
  if (type === 'channel' || (type === undefined && teamId)) {
    if (!teamId)
      return { tenantId, spaceId: spaceIdOf('chat', conversationId), kind: 'groupChat', conversationId };
    return { tenantId, spaceId: spaceIdOf('team', teamId), kind: 'team', conversationId, teamId };
  }
  if (type === 'groupChat')
    return { tenantId, spaceId: spaceIdOf('chat', conversationId), kind: 'groupChat', conversationId };
  // The tab names a person's space by the Entra id exactly as Teams reports it, so the bot does too.
  return {
    tenantId,
    spaceId: spaceIdOf('personal', teamsUserOf(a).aadObjectId),
    kind: 'personal',
    conversationId,
  };
}

/** The person behind an activity and where they are: what every core write needs. */
export function callerOf(activity: unknown, place: ConversationPlace = placeOf(activity)): Caller {
  return {
    scope: { tenantId: place.tenantId, spaceId: place.spaceId },
    user: teamsUserOf(whereOf(activity)),
  };
}

function teamsUserOf(a: z.output<typeof ActivityWhere>): Caller['user'] {
  if (!a.from.aadObjectId)
    throw ValidationError.of(
      'from.aadObjectId',
      'Partner CRM works for Microsoft Teams users; this message came without a Teams user id',
    );
  return { aadObjectId: a.from.aadObjectId, displayName: a.from.name?.trim() || 'Teams user' };
}
