import type { Cadence } from './cadence';

/** When a partner relationship is next due a check-in, and who owns it. One per partner. */
export interface CheckInSchedule {
  readonly id: string;
  readonly tenantId: string;
  readonly spaceId: string;
  readonly partnerId: string;
  readonly ownerId: string;
  readonly cadence: Cadence;
  readonly nextDueDate: string;
  /** Business date of the latest meeting that completed a check-in. */
  readonly lastCompletedOn?: string;
  readonly lastMeetingId?: string;
  readonly active: boolean;
  readonly version: number;
  readonly updatedAt: string;
}
