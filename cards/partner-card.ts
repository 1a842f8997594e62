import { z } from 'zod';
import { CardRecordId } from './card-data';
import type { PartnerView } from '../core/partners/partner-directory';
import { describeCadence } from '../core/checkins/cadence';
import {
  adaptiveCard,
  banner,
  clip,
  container,
  dialogButton,
  facts,
  heading,
  plain,
  section,
  text,
  type AdaptiveCard,
  type CardElement,
} from './card-kit';
import { CHANNEL_LABELS, formatDate, PARTNER_KIND_LABELS, STYLE_LABELS } from './labels';
import { nameWithRoleOf } from './people-names';
import { pendingNaming, type NamingOffer } from './pending-naming';

/** Opens the meeting form in a dialog, with this partner chosen. */
export const MEETING_DIALOG_VERB = 'meeting.dialog';
/** Opens the action form in a dialog, with this partner chosen. */
export const ACTION_DIALOG_VERB = 'action.dialog';

/** Contacts a partner card lists before "and N more". */
const MAX_CONTACTS_SHOWN = 5;

/** What a partner card shows. */
export interface PartnerCardModel {
  readonly view: PartnerView;
  readonly notice?: { readonly text: string; readonly tone: 'good' | 'attention' };
  /** Offer "Log a meeting" and "New action" (not in message-extension previews' compact form). */
  readonly withActions: boolean;
  /** Offer to name a pending relationship owner (the bot's cards; not previews or the tab). */
  readonly naming?: NamingOffer;
}

/** A service partner: where it sits in the chain, who to talk to and how, and when to check in next. */
export function renderPartnerCard(m: PartnerCardModel): AdaptiveCard {
  const { partner: p, people, checkIn } = m.view;
  const chain = `${p.chain.direction === 'upstream' ? 'Upstream' : 'Downstream'}, stage ${p.chain.stage}`;
  const body: CardElement[] = [
    ...(m.notice ? [banner(m.notice.text, m.notice.tone)] : []),
    ...heading(
      clip(p.name, 120),
      `${PARTNER_KIND_LABELS[p.kind]} · ${p.side === 'internal' ? 'internal' : 'external'}`,
    ),
    ...facts([
      ['Service chain', chain],
      ['Relationship owner', nameWithRoleOf(people, p.relationshipOwnerId)],
      [
        'Check-ins',
        checkIn?.active
          ? `${describeCadence(checkIn.cadence)}, next ${formatDate(checkIn.nextDueDate)}`
          : undefined,
      ],
      ['Status', p.status === 'archived' ? 'Archived' : undefined],
    ]),
    ...pendingNaming(people, [p.relationshipOwnerId], { card: 'partner', recordId: p.id }, m.naming),
  ];
  if (p.contacts.length) {
    body.push(section('Contacts'));
    for (const c of p.contacts.slice(0, MAX_CONTACTS_SHOWN)) {
      const person = people[c.personId];
      const flags = [c.isDecisionMaker ? 'decides' : '', c.isEscalationContact ? 'escalation contact' : '']
        .filter(Boolean)
        .join(', ');
      body.push(
        container(
          [
            plain(`${clip(person?.displayName ?? 'Someone no longer listed', 120)} · ${clip(c.role, 80)}`, {
              spacing: 'None',
            }),
            text(
              [STYLE_LABELS[c.communicationStyle], `prefers ${CHANNEL_LABELS[c.preferredChannel]}`, flags]
                .filter(Boolean)
                .join(' · '),
              { size: 'Small', isSubtle: true, spacing: 'None' },
            ),
            ...(person?.email || person?.phone
              ? [plain([person.email, person.phone].filter(Boolean).join(' · '), { spacing: 'None' })]
              : []),
          ],
          { spacing: 'Small' },
        ),
      );
    }
    if (p.contacts.length > MAX_CONTACTS_SHOWN)
      body.push(text(`…and ${p.contacts.length - MAX_CONTACTS_SHOWN} more contacts`, { isSubtle: true }));
  }
  if (p.authorityNotes) body.push(section('Who decides'), plain(clip(p.authorityNotes, 400)));
  if (p.notes) body.push(section('Notes'), plain(clip(p.notes, 400)));
  if (p.informationSources.length)
    body.push(
      section('Sources of information'),
      plain(
        p.informationSources
          .slice(0, 5)
          .map((s) => `${clip(s.label, 80)}${s.url ? ` (${clip(s.url, 200)})` : ''}`)
          .join('\n'),
      ),
    );
  const actions =
    m.withActions && p.status === 'active'
      ? [
          dialogButton('Log a meeting', MEETING_DIALOG_VERB, { partnerId: p.id }),
          dialogButton('New action', ACTION_DIALOG_VERB, { partnerId: p.id }),
        ]
      : [];
  return adaptiveCard(body, actions);
}

/** The `data` of a "Log a meeting" or "New action" dialog button. */
export const PartnerDialogData = z.looseObject({ partnerId: CardRecordId.optional() });
