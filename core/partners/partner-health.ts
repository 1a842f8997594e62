import { daysBetween } from '../common/dates';

/** How a partnership is doing at a glance, worst first. */
export const HEALTH_LEVELS = ['at_risk', 'attention', 'good'] as const;
/** How a partnership is doing at a glance. */
export type HealthLevel = (typeof HEALTH_LEVELS)[number];

/** What the health of one partner is judged from, as the store counts it. */
export interface PartnerHealthFacts {
  /** The next check-in date of an active schedule, if the partner has one. */
  readonly nextCheckInDate?: string;
  readonly openActions: number;
  readonly overdueActions: number;
  /** The latest reading of each active SLA: met, missed, or not measured yet. */
  readonly slaResults: readonly ('met' | 'missed' | 'unmeasured')[];
}

/** A partner's health: the level, the numbers behind it, and the reasons in words. */
export interface PartnerHealth {
  readonly level: HealthLevel;
  readonly checkIn?: { readonly nextDueDate: string; readonly overdueDays: number };
  readonly actions: { readonly open: number; readonly overdue: number };
  readonly slas: { readonly total: number; readonly met: number; readonly missed: number };
  readonly reasons: readonly string[];
}

/**
 * Judges a partner's health on a date. Each kind of problem (a check-in past due, actions past due, an SLA
 * whose latest reading missed its target) counts once: none is good, one needs attention, two or more put the
 * relationship at risk. A board sorted this way shows the partners to call first.
 */
export function assessPartnerHealth(facts: PartnerHealthFacts, today: string): PartnerHealth {
  const reasons: string[] = [];
  const overdueDays =
    facts.nextCheckInDate === undefined ? undefined : daysBetween(facts.nextCheckInDate, today);
  if (overdueDays !== undefined && overdueDays > 0)
    reasons.push(`Check-in ${plural(overdueDays, 'day')} overdue`);
  if (facts.overdueActions > 0) reasons.push(`${plural(facts.overdueActions, 'action')} overdue`);
  const met = facts.slaResults.filter((r) => r === 'met').length;
  const missed = facts.slaResults.filter((r) => r === 'missed').length;
  if (missed > 0) reasons.push(`${plural(missed, 'SLA')} missed the target`);
  return {
    level: reasons.length === 0 ? 'good' : reasons.length === 1 ? 'attention' : 'at_risk',
    checkIn:
      facts.nextCheckInDate === undefined || overdueDays === undefined
        ? undefined
        : { nextDueDate: facts.nextCheckInDate, overdueDays: Math.max(0, overdueDays) },
    actions: { open: facts.openActions, overdue: facts.overdueActions },
    slas: { total: facts.slaResults.length, met, missed },
    reasons,
  };
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
