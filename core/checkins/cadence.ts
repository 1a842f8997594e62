import { z } from 'zod';
import { addDays, addMonths } from '../common/dates';

/** How often a relationship is checked in on: every N days, weeks or months. */
export const Cadence = z.object({
  every: z.number().int().min(1, 'At least every 1').max(365, 'At most every 365'),
  unit: z.enum(['day', 'week', 'month']),
});
/** How often a relationship is checked in on. */
export type Cadence = z.output<typeof Cadence>;

/** The date one cadence step after `date`; monthly steps keep the day of month, clamped to month end. */
export function nextDueAfter(date: string, cadence: Cadence): string {
  switch (cadence.unit) {
    case 'day':
      return addDays(date, cadence.every);
    case 'week':
      return addDays(date, cadence.every * 7);
    case 'month':
      return addMonths(date, cadence.every);
  }
}

/** "every 2 weeks", "every day": the cadence in words. */
export function describeCadence(cadence: Cadence): string {
  return cadence.every === 1 ? `every ${cadence.unit}` : `every ${cadence.every} ${cadence.unit}s`;
}
