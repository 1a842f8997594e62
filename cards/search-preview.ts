import type { AgreedAction } from '../core/actions/agreed-action';
import type { PriorityAgreement } from '../core/agreements/priority-agreement';
import type { PartnerView } from '../core/partners/partner-directory';
import type { PeopleIndex } from '../core/people/people-resolver';
import { clip } from './card-kit';
import { ACTION_STATUS_LABELS, AGREEMENT_STATUS_LABELS, formatDate, PARTNER_KIND_LABELS } from './labels';
import { nameOf } from './people-names';

/**
 * The list entry of one search result. Microsoft 365 Copilot quotes it as a citation, so each one reads on
 * its own: the title names the record, the subtitle the kind, partner and date, the text what it says.
 */
export interface SearchPreview {
  readonly title: string;
  readonly subtitle: string;
  readonly text: string;
}

/** Longest title, subtitle and text a preview carries: a citation shows about two lines of text. */
const MAX_TITLE = 80;
const MAX_SUBTITLE = 120;
const MAX_TEXT = 400;

/** A partner: its kind, owner and next check-in. */
export function partnerPreview(view: PartnerView): SearchPreview {
  const p = view.partner;
  const next = view.checkIn ? ` · next check-in ${formatDate(view.checkIn.nextDueDate)}` : '';
  return {
    title: clip(p.name, MAX_TITLE),
    subtitle: clip(`Partner · ${PARTNER_KIND_LABELS[p.kind]}${next}`, MAX_SUBTITLE),
    text: clip(`Relationship owner ${nameOf(view.people, p.relationshipOwnerId)}`, MAX_TEXT),
  };
}

/** An agreed action: its partner and due date, who owns it and where it stands. */
export function actionPreview(
  action: AgreedAction,
  people: PeopleIndex,
  partnerName: string | undefined,
): SearchPreview {
  const partner = partnerName ? ` · ${partnerName}` : '';
  return {
    title: clip(action.title, MAX_TITLE),
    subtitle: clip(`Agreed action${partner} · due ${formatDate(action.dueDate)}`, MAX_SUBTITLE),
    text: clip(
      `${nameOf(people, action.ownerId)} owns it · ${ACTION_STATUS_LABELS[action.status]}, due ${formatDate(action.dueDate)}`,
      MAX_TEXT,
    ),
  };
}

/** A conflict-priority agreement: its parties and date, where it stands and its priority rule in order. */
export function agreementPreview(agreement: PriorityAgreement): SearchPreview {
  const partners = agreement.parties.filter((p) => p.partnerId !== undefined).map((p) => p.name);
  const withWhom = partners.length ? ` with ${partners.join(', ')}` : '';
  const rule = agreement.priorityRule.map((step, i) => `${i + 1}. ${step}`).join(' ');
  return {
    title: clip(agreement.title, MAX_TITLE),
    subtitle: clip(
      `Priority agreement${withWhom} · from ${formatDate(agreement.effectiveFrom)}`,
      MAX_SUBTITLE,
    ),
    text: clip(
      `${AGREEMENT_STATUS_LABELS[agreement.status]}. When "${agreement.scenario.internalDemand}" meets ` +
        `"${agreement.scenario.externalDemand}", first: ${rule}`,
      MAX_TEXT,
    ),
  };
}
