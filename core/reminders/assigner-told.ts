import type { Clock, Logger, Store } from '../ports';
import type { DeliveryRoute, Reminder } from './reminder';
import type { Notifier, ReminderNotice } from './reminder-notice';

/** What telling an assigner needs. */
export interface AssignerToldDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly notifier: Notifier;
  readonly logger?: Logger;
}

/**
 * When nothing reaches an owner, tells whoever assigned them the work: once per piece of work and owner (the
 * record is written first, keyed so a second writer finds it there), as an item in the assigner's "My work" and,
 * when the app can reach them, a message in their chat. Returns the route for the delivery log: `assigner-told`
 * when this attempt told someone, `unreachable` when they were told before or nobody else assigned the work.
 */
export async function tellAssigners(
  deps: AssignerToldDeps,
  notice: ReminderNotice,
  reminders: readonly Reminder[],
): Promise<Extract<DeliveryRoute, 'assigner-told' | 'unreachable'>> {
  const at = deps.clock.now().toISOString();
  const newlyTold = new Map<string, ReminderNotice['items'][number][]>();
  for (const item of notice.items) {
    const assignerId = item.assignedBy;
    if (!assignerId || assignerId === notice.owner.id) continue;
    const reminder = reminders.find((r) => r.id === item.reminderId);
    if (!reminder) continue;
    const recorded = await deps.store.transaction((tx) =>
      tx.reminders.recordUnreachable({
        tenantId: notice.tenantId,
        spaceId: item.spaceId,
        subjectId: item.subjectId,
        reminderId: item.reminderId,
        ownerId: notice.owner.id,
        assignerId,
        title: item.title,
        date: item.date,
        partnerId: item.partnerId,
        at,
      }),
    );
    if (recorded) newlyTold.set(assignerId, [...(newlyTold.get(assignerId) ?? []), item]);
  }
  if (newlyTold.size === 0) return 'unreachable';
  const people = await deps.store.read.people.getMany({ tenantId: notice.tenantId }, [...newlyTold.keys()]);
  for (const assigner of people) {
    // The My work item is there whatever happens to the message: a failed chat message is logged, not retried.
    const sent = await deps.notifier
      .tellAssigner({
        tenantId: notice.tenantId,
        assigner,
        owner: notice.owner,
        items: newlyTold.get(assigner.id) ?? [],
      })
      .catch((err: unknown) => {
        deps.logger?.warn('telling an assigner failed; their My work shows it', { error: err });
        return false;
      });
    if (!sent) deps.logger?.info('assigner has no chat with the app; their My work shows it', {});
  }
  return 'assigner-told';
}
