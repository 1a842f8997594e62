import type { ActionView } from '../../core/actions/action-tracker';
import type { AgreementView } from '../../core/agreements/agreement-book';
import type { MeetingView } from '../../core/meetings/meeting-log';
import type { PartnerView } from '../../core/partners/partner-directory';
import type { PeopleIndex } from '../../core/people/people-resolver';
import { renderActionCard } from '../../cards/action-card';
import { renderAgreementCard } from '../../cards/agreement-card';
import type { AdaptiveCard } from '../../cards/card-kit';
import { renderMeetingSummaryCard } from '../../cards/meeting-summary-card';
import { renderPartnerCard } from '../../cards/partner-card';
import type { NamingOffer } from '../../cards/pending-naming';
import type { Turn } from '../turn';

/**
 * A record's card for the person acting, and the card everyone else in the conversation sees, rendered only when
 * it is sent (a personal chat has no one else).
 */
export interface CardPair {
  readonly mine: AdaptiveCard;
  readonly shared: () => AdaptiveCard;
}

/** A short confirmation or warning at the top of a card. */
export type Notice = { readonly text: string; readonly tone: 'good' | 'attention' };

/** The caller's person id among the people a record mentions (undefined when it does not mention them). */
function viewerIdIn(turn: Turn, people: PeopleIndex): string | undefined {
  const me = turn.caller.user.aadObjectId.toLowerCase();
  return Object.values(people).find((p) => p.aadObjectId?.toLowerCase() === me)?.id;
}

/**
 * Teams user ids whose clients refresh a card to their own view: the people it names that the bot has met,
 * and the caller.
 */
async function refreshUserIds(
  turn: Turn,
  people: PeopleIndex,
  personIds: readonly string[],
): Promise<string[]> {
  const aadIds = personIds.flatMap((id) => (people[id]?.aadObjectId ? [people[id]!.aadObjectId!] : []));
  const known = await turn.core.conversations.teamsUserIds({ tenantId: turn.caller.scope.tenantId }, aadIds);
  return [...new Set([turn.teamsUserId, ...known.values()])];
}

/**
 * The meeting summary: owners of open actions get "Mark done" in their own view. Pending people can be named on
 * every record card the bot sends; `naming` carries a name just refused, shown to the presser only.
 */
export async function meetingCards(
  turn: Turn,
  view: MeetingView,
  notice?: Notice,
  naming: NamingOffer = {},
): Promise<CardPair> {
  const userIds = await refreshUserIds(turn, view.people, [
    view.meeting.loggedBy,
    ...view.actions.map((a) => a.ownerId),
  ]);
  const base = { view, timeZone: turn.timeZone, today: turn.today, refreshUserIds: userIds, notice };
  return {
    mine: renderMeetingSummaryCard({ ...base, viewerId: viewerIdIn(turn, view.people), naming }),
    shared: () => renderMeetingSummaryCard({ ...base, naming: {} }),
  };
}

/** The partner card, the same for everyone but for a name the presser just had refused. */
export function partnerCards(view: PartnerView, notice?: Notice, naming: NamingOffer = {}): CardPair {
  return {
    mine: renderPartnerCard({ view, withActions: true, notice, naming }),
    shared: () => renderPartnerCard({ view, withActions: true, notice, naming: {} }),
  };
}

/** The agreement card: parties the viewer may acknowledge for get a button in their own view. */
export async function agreementCards(turn: Turn, view: AgreementView, notice?: Notice): Promise<CardPair> {
  const a = view.agreement;
  const userIds = await refreshUserIds(turn, view.people, [
    a.createdBy,
    ...a.parties.flatMap((p) => (p.representativeId ? [p.representativeId] : [])),
  ]);
  const base = { view, timeZone: turn.timeZone, refreshUserIds: userIds, notice };
  return {
    mine: renderAgreementCard({ ...base, viewer: { personId: viewerIdIn(turn, view.people) } }),
    shared: () => renderAgreementCard(base),
  };
}

/** The action card: its owner gets "Mark done". */
export async function actionCards(
  turn: Turn,
  view: Omit<ActionView, 'changed'>,
  partnerName: string | undefined,
  notice?: Notice,
  naming: NamingOffer = {},
): Promise<CardPair> {
  const userIds = await refreshUserIds(turn, view.people, [view.action.ownerId, view.action.createdBy]);
  const base = { view, today: turn.today, partnerName, refreshUserIds: userIds, notice };
  return {
    mine: renderActionCard({ ...base, viewerId: viewerIdIn(turn, view.people), naming }),
    shared: () => renderActionCard({ ...base, naming: {} }),
  };
}
