import type { AgreedAction, People } from '../api/api-types';
import { words } from '../format';

/** How the action board groups its cards. */
export type GroupBy = 'status' | 'owner' | 'due';

/** One column of the board. */
export interface ActionGroup {
  readonly key: string;
  readonly title: string;
  readonly actions: readonly AgreedAction[];
}

const STATUS_ORDER = ['open', 'in_progress', 'blocked', 'done'] as const;

/** Groups actions into the board's columns, keeping the order they came in (the API's due-date sort). */
export function groupActions(
  actions: readonly AgreedAction[],
  by: GroupBy,
  people: People,
  today: string,
): ActionGroup[] {
  if (by === 'status')
    return STATUS_ORDER.map((s) => ({
      key: s,
      title: words(s),
      actions: actions.filter((a) => a.status === s),
    }));
  if (by === 'owner') {
    const owners = [...new Set(actions.map((a) => a.ownerId))];
    return owners
      .map((id) => ({
        key: id,
        title: people[id]?.displayName ?? 'Someone',
        actions: actions.filter((a) => a.ownerId === id),
      }))
      .sort((a, b) => a.title.localeCompare(b.title));
  }
  const weekAhead = new Date(`${today}T00:00:00Z`);
  weekAhead.setUTCDate(weekAhead.getUTCDate() + 7);
  const week = weekAhead.toISOString().slice(0, 10);
  const toDo = actions.filter((a) => a.status !== 'done' && a.status !== 'cancelled');
  return [
    { key: 'overdue', title: 'Overdue', actions: toDo.filter((a) => a.dueDate < today) },
    {
      key: 'week',
      title: 'Due within a week',
      actions: toDo.filter((a) => a.dueDate >= today && a.dueDate <= week),
    },
    { key: 'later', title: 'Later', actions: toDo.filter((a) => a.dueDate > week) },
  ];
}
