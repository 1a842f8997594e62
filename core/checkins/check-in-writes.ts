import type { Repositories } from '../ports';
import type { CheckInSchedule } from './check-in-schedule';

/**
 * Stores a check-in schedule and marks its calendar event for catching up, in the same transaction: the
 * calendar (when Graph is configured) follows every change, even one made while Graph was unreachable.
 */
export async function saveCheckIn(tx: Repositories, schedule: CheckInSchedule, now: string): Promise<void> {
  await tx.checkIns.save(schedule);
  await tx.calendarSync.enqueue(schedule, schedule.id, now);
}
