import { daysBetween, utcDateOf } from '../common/dates';
import { CRITERIA, type Criterion, type CriterionCode } from '../criteria/cfacsb9';
import type { EvidenceKind } from './evidence-event';

/** How well one criterion is evidenced. */
export interface CriterionCoverage extends Criterion {
  readonly count: number;
  /** When the latest item for it happened (business date), if any. */
  readonly latest?: string;
  /** How many different kinds of evidence cover it: assessors look for variety. */
  readonly kinds: number;
}

/** The criteria × evidence matrix of a trail. */
export interface Coverage {
  readonly items: number;
  readonly criteria: readonly CriterionCoverage[];
  /** Criteria with no evidence at all. */
  readonly gaps: readonly CriterionCode[];
}

/** Adds items up into a coverage matrix, one at a time, so a trail of any length needs constant memory. */
export class CoverageTally {
  private items = 0;
  private readonly byCode = new Map<
    CriterionCode,
    { count: number; latest?: string; kinds: Set<EvidenceKind> }
  >(CRITERIA.map((c) => [c.code, { count: 0, kinds: new Set() }]));

  /** Counts one item under each of its criteria. */
  add(item: { kind: EvidenceKind; occurredAt: string; criteria: readonly CriterionCode[] }): void {
    this.items += 1;
    for (const code of item.criteria) {
      const cell = this.byCode.get(code);
      if (!cell) continue;
      cell.count += 1;
      cell.kinds.add(item.kind);
      if (cell.latest === undefined || item.occurredAt > cell.latest) cell.latest = item.occurredAt;
    }
  }

  /** The matrix so far. */
  result(): Coverage {
    const criteria = CRITERIA.map((c): CriterionCoverage => {
      const cell = this.byCode.get(c.code)!;
      return { ...c, count: cell.count, latest: cell.latest, kinds: cell.kinds.size };
    });
    return { items: this.items, criteria, gaps: criteria.filter((c) => c.count === 0).map((c) => c.code) };
  }
}

/** A nudge about a criterion that has gone quiet. */
export interface GapNudge {
  readonly code: CriterionCode;
  readonly text: string;
  /** Days since its latest evidence; undefined when it never had any. */
  readonly daysSince?: number;
}

/**
 * Performance criteria with no evidence in the last `days` days (or none ever), most neglected first: what the
 * bot nudges a learner about ("no evidence for the SLA criterion in 30 days").
 */
export function gapNudges(coverage: Coverage, now: Date, days = 30): GapNudge[] {
  const today = utcDateOf(now);
  return coverage.criteria
    .filter((c) => c.kind === 'performance')
    .map((c) => ({
      code: c.code,
      text: c.text,
      daysSince: c.latest === undefined ? undefined : daysBetween(utcDateOf(c.latest), today),
    }))
    .filter((n) => n.daysSince === undefined || n.daysSince >= days)
    .sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity));
}
