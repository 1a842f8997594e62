import { z } from 'zod';
import { CardRecordId } from './card-data';
import type { AgreementView } from '../core/agreements/agreement-book';
import { pendingParties, type AgreementParty } from '../core/agreements/priority-agreement';
import {
  actionSet,
  adaptiveCard,
  banner,
  clip,
  container,
  facts,
  heading,
  MAX_REFRESH_USERS,
  plain,
  section,
  styled,
  text,
  verbAction,
  type AdaptiveCard,
  type CardElement,
} from './card-kit';
import { AGREEMENT_STATUS_LABELS, formatDate, formatInstant } from './labels';
import { nameOf } from './people-names';

/** The verb that acknowledges an agreement for one party. */
export const ACKNOWLEDGE_VERB = 'agreement.acknowledge';
/** The verb Teams calls to refresh an agreement card for one viewer. */
export const AGREEMENT_REFRESH_VERB = 'agreement.refresh';

/** What an agreement card shows. */
export interface AgreementCardModel {
  readonly view: AgreementView;
  readonly timeZone: string;
  /**
   * The person looking (their person id, if the agreement mentions them): "Acknowledge" shows only for parties
   * they may acknowledge for. Undefined for the card everyone sees.
   */
  readonly viewer?: { readonly personId?: string };
  readonly refreshUserIds?: readonly string[];
  readonly notice?: { readonly text: string; readonly tone: 'good' | 'attention' };
}

/**
 * A conflict-priority agreement: the demands that collide, the order work is done in, and each party's
 * acknowledgement with its time; parties still to acknowledge get a button.
 */
export function renderAgreementCard(m: AgreementCardModel): AdaptiveCard {
  const { agreement: a, people } = m.view;
  const pending = new Set(pendingParties(a).map((p) => p.id));
  const body: CardElement[] = [
    ...(m.notice ? [banner(m.notice.text, m.notice.tone)] : []),
    ...heading(clip(a.title, 150), `Conflict-priority agreement · version ${a.versionNo}`),
    styled(`**${AGREEMENT_STATUS_LABELS[a.status]}**`, {
      color: a.status === 'agreed' ? 'good' : a.status === 'proposed' ? 'warning' : 'default',
      spacing: 'Small',
    }),
    section('When these demands collide'),
    ...facts([
      ['Internal customer', clip(a.scenario.internalDemand, 200)],
      ['External customer', clip(a.scenario.externalDemand, 200)],
    ]),
    ...(a.scenario.description ? [plain(clip(a.scenario.description, 300))] : []),
    section('We prioritise, in this order'),
    plain(a.priorityRule.map((step, i) => `${i + 1}. ${clip(step, 120)}`).join('\n')),
    ...(a.rationale ? [section('Why'), plain(clip(a.rationale, 300))] : []),
    ...(a.escalationRoute.length
      ? [section('Escalate to'), plain(a.escalationRoute.map((s) => clip(s, 80)).join(' → '))]
      : []),
    ...facts([
      ['Takes effect', formatDate(a.effectiveFrom)],
      ['Review by', formatDate(a.reviewDate)],
      ['Proposed by', nameOf(people, a.createdBy)],
    ]),
    section('Acknowledgements'),
    ...a.parties.map((party) => partyRow(m, party, pending.has(party.id))),
  ];
  return adaptiveCard(body, [], {
    action: {
      type: 'Action.Execute',
      title: 'Refresh',
      verb: AGREEMENT_REFRESH_VERB,
      data: { agreementId: a.id, verb: AGREEMENT_REFRESH_VERB },
    },
    ...(m.refreshUserIds?.length ? { userIds: m.refreshUserIds.slice(0, MAX_REFRESH_USERS) } : {}),
  });
}

function partyRow(m: AgreementCardModel, party: AgreementParty, isPending: boolean): CardElement {
  const { agreement: a, people } = m.view;
  const ack = a.acknowledgements.find((x) => x.partyId === party.id);
  const who = party.representativeId ? ` (for ${nameOf(people, party.representativeId)})` : '';
  const line = ack
    ? `✓ Acknowledged by ${nameOf(people, ack.personId)}, ${formatInstant(ack.at, m.timeZone)}`
    : a.status === 'proposed'
      ? 'Waiting for acknowledgement'
      : 'Not acknowledged';
  const items: CardElement[] = [
    plain(`${clip(party.name, 60)}${who}`, { spacing: 'None' }),
    text(line, { size: 'Small', color: ack ? 'good' : 'default', isSubtle: !ack, spacing: 'None' }),
    ...(ack?.comment ? [plain(`“${clip(ack.comment, 100)}”`, { spacing: 'None' })] : []),
  ];
  if (isPending && a.status === 'proposed' && mayAcknowledge(m, party))
    items.push(
      actionSet([
        verbAction(
          'message',
          `Acknowledge for ${clip(party.name, 40)}`,
          ACKNOWLEDGE_VERB,
          { agreementId: a.id, partyId: party.id },
          { style: 'positive' },
        ),
      ]),
    );
  return container(items, { separator: true, spacing: 'Small' });
}

/** The card everyone sees offers every waiting party; a viewer's own card offers only parties they may take. */
function mayAcknowledge(m: AgreementCardModel, party: AgreementParty): boolean {
  if (m.viewer === undefined) return true;
  const me = m.viewer.personId;
  if (me !== undefined && m.view.agreement.acknowledgements.some((x) => x.personId === me)) return false;
  return party.representativeId === undefined || party.representativeId === me;
}

/** The `data` of an "Acknowledge" button. */
export const AcknowledgeData = z.looseObject({
  agreementId: CardRecordId,
  partyId: z
    .string({ error: 'This button names no party; reload the card' })
    .regex(/^party-\d{1,2}$/, 'Not a party of this agreement'),
});

/** The `data` of an agreement card's refresh. */
export const AgreementRefreshData = z.looseObject({ agreementId: CardRecordId });
