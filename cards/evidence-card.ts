import type { EvidenceKind } from '../core/evidence/evidence-event';
import type { EvidenceSummary } from '../core/evidence/evidence-summary';
import { UNIT } from '../core/criteria/cfacsb9';
import {
  adaptiveCard,
  banner,
  commandButton,
  facts,
  heading,
  section,
  text,
  type AdaptiveCard,
  type CardElement,
} from './card-kit';
import { formatInstant } from './labels';

/** What each kind of evidence event says happened. */
const KIND_LABELS: Record<EvidenceKind, string> = {
  'partner.added': 'Partner added',
  'partner.updated': 'Partner updated',
  'partner.archived': 'Partner archived',
  'meeting.logged': 'Meeting logged',
  'meeting.attended': 'Meeting attendance recorded',
  'action.created': 'Action agreed',
  'action.status_changed': 'Action status changed',
  'agreement.drafted': 'Agreement drafted',
  'agreement.proposed': 'Agreement proposed',
  'agreement.acknowledged': 'Agreement acknowledged',
  'agreement.agreed': 'Agreement agreed',
  'agreement.superseded': 'Agreement superseded',
  'sla.defined': 'SLA defined',
  'sla.reading_recorded': 'SLA reading recorded',
  'checkin.scheduled': 'Check-in scheduled',
  'checkin.completed': 'Check-in completed',
  'evidence.criteria_changed': 'Criteria retagged',
  'reflection.written': 'Reflection written',
  'feedback.received': 'Partner feedback received',
  'witness.confirmed': 'Witness confirmation',
};

/** What the evidence summary shows. */
export interface EvidenceCardModel {
  readonly summary: EvidenceSummary;
  readonly timeZone: string;
}

/** The evidence trail at a glance: is the chain intact, which criteria are covered, what was logged lately. */
export function renderEvidenceCard(m: EvidenceCardModel): AdaptiveCard {
  const { summary: s } = m;
  const covered = s.coverage.filter((c) => c.events > 0);
  const missing = s.coverage.filter((c) => c.events === 0);
  const chain = s.verdict.intact
    ? banner(`Evidence chain intact: all ${s.verdict.checked} events verified`, 'good')
    : banner(
        `Evidence chain broken at event ${s.verdict.brokenAt.seq} (${s.verdict.brokenAt.reason.replace('_', ' ')}): the trail was changed outside the app`,
      );
  const body: CardElement[] = [
    ...heading('Evidence trail', `${UNIT.code}: ${UNIT.title}`),
    chain,
    ...facts([
      ['Events', String(s.total)],
      ['Criteria covered', `${covered.length} of ${s.coverage.length}`],
    ]),
    section('Covered'),
    text(covered.length ? covered.map((c) => `${c.code} (${c.events})`).join(' · ') : 'Nothing yet', {
      spacing: 'Small',
    }),
    ...(missing.length
      ? [section('Not yet evidenced'), text(missing.map((c) => c.code).join(' · '), { spacing: 'Small' })]
      : []),
    section('Latest'),
    ...(s.recent.length
      ? facts(
          s.recent.map((e) => [
            formatInstant(e.occurredAt, m.timeZone),
            `${KIND_LABELS[e.kind]} (${e.criteria.join(', ') || 'no criteria'})`,
          ]),
        )
      : [text('Nothing logged yet.')]),
  ];
  return adaptiveCard(body, [commandButton('Export evidence', 'export')]);
}
