import { z } from 'zod';
import { IsoDate } from '../common/dates';
import { optionalText } from '../common/text';

/** What an SLA measures. */
export const SLA_METRICS = [
  'first_response_time',
  'resolution_time',
  'first_contact_resolution',
  'csat',
  'on_time_delivery',
  'other',
] as const;
/** Units a target is expressed in. */
export const SLA_UNITS = ['minutes', 'hours', 'days', 'percent', 'score'] as const;
/** How often the SLA is measured. */
export const SLA_PERIODS = ['weekly', 'monthly', 'quarterly'] as const;

/** A target: the measured value must be at most (times) or at least (rates, scores) this value. */
export const SlaTarget = z.object({
  comparator: z.enum(['at_most', 'at_least']),
  value: z.number().finite().min(0, 'Target cannot be negative').max(1_000_000),
  unit: z.enum(SLA_UNITS),
});
/** An SLA target. */
export type SlaTarget = z.output<typeof SlaTarget>;

/** What someone enters to define an SLA with a partner (CFACSB9 P11). */
export const SlaInput = z
  .object({
    partnerId: z.string().min(1).max(64),
    metric: z.enum(SLA_METRICS),
    label: optionalText(120, 'Metric name'),
    target: SlaTarget,
    period: z.enum(SLA_PERIODS),
    reviewDate: IsoDate,
  })
  .refine((s) => s.metric !== 'other' || s.label !== undefined, {
    path: ['label'],
    message: 'Name the metric',
  })
  .refine((s) => s.target.unit !== 'percent' || s.target.value <= 100, {
    path: ['target', 'value'],
    message: 'A percentage is at most 100',
  });
/** What someone enters to define an SLA. */
export type SlaInput = z.input<typeof SlaInput>;

/** A measured reading for one period. */
export const ReadingInput = z
  .object({
    slaId: z.string().min(1).max(64),
    periodStart: IsoDate,
    periodEnd: IsoDate,
    value: z.number().finite().min(0).max(1_000_000),
    note: optionalText(2000, 'Note'),
  })
  .refine((r) => r.periodEnd >= r.periodStart, {
    path: ['periodEnd'],
    message: 'Period ends before it starts',
  });
/** A measured reading as entered. */
export type ReadingInput = z.input<typeof ReadingInput>;

/** A service level agreed with a partner. */
export interface ServiceLevelAgreement {
  readonly id: string;
  readonly tenantId: string;
  readonly spaceId: string;
  readonly partnerId: string;
  readonly metric: (typeof SLA_METRICS)[number];
  readonly label?: string;
  readonly target: SlaTarget;
  readonly period: (typeof SLA_PERIODS)[number];
  readonly reviewDate: string;
  readonly status: 'active' | 'retired';
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: string;
}

/** A reading of an SLA for one period, and whether it met the target. */
export interface SlaReading {
  readonly id: string;
  readonly tenantId: string;
  readonly slaId: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly value: number;
  readonly met: boolean;
  readonly note?: string;
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** Whether a measured value meets a target. */
export function meetsTarget(target: SlaTarget, value: number): boolean {
  return target.comparator === 'at_most' ? value <= target.value : value >= target.value;
}
