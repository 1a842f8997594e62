import type { ActionStatus } from '../actions/agreed-action';
import { addDays } from '../common/dates';
import { allowedDayBefore, allowedDayFrom } from './delivery-window';
import { familyOf, type ReminderKind } from './reminder';
import type { ReminderPreferences } from './reminder-preferences';

/** The state of a subject that decides its reminders. */
export type ReminderSubject =
  | { readonly type: 'checkin'; readonly active: boolean; readonly nextDueDate: string }
  | { readonly type: 'action'; readonly status: ActionStatus; readonly dueDate: string }
  | { readonly type: 'agreement'; readonly status: string; readonly reviewDate: string }
  | { readonly type: 'sla'; readonly status: string; readonly reviewDate: string };

/** One reminder a subject should have: its kind and the business date it is about. */
export interface Occurrence {
  readonly kind: ReminderKind;
  readonly date: string;
}

/**
 * The reminders a subject should have now, oldest first. An open action gets three (the allowed day before it is
 * due, the due day, the allowed day after); a check-in one on its due date; an agreed agreement and an active SLA
 * one on their review date. Occurrences already in the past are dropped except the last, so a late plan sends one
 * reminder, not a backlog. Stopped families get none.
 */
export function plannedOccurrences(
  subject: ReminderSubject,
  prefs: ReminderPreferences,
  today: string,
): Occurrence[] {
  const all = occurrencesOf(subject, prefs);
  const kept = all.filter((o, i) => o.date >= today || i === all.length - 1);
  return kept.filter((o) => !prefs.stopped.includes(familyOf(o.kind)));
}

function occurrencesOf(subject: ReminderSubject, prefs: ReminderPreferences): Occurrence[] {
  switch (subject.type) {
    case 'checkin':
      return subject.active ? [{ kind: 'checkin_due', date: subject.nextDueDate }] : [];
    case 'action': {
      if (subject.status === 'done' || subject.status === 'cancelled') return [];
      const due = subject.dueDate;
      return [
        { kind: 'action_due_soon', date: allowedDayBefore(due, prefs) },
        { kind: 'action_due_today', date: due },
        { kind: 'action_overdue', date: allowedDayFrom(addDays(due, 1), prefs) },
      ];
    }
    case 'agreement':
      return subject.status === 'agreed' ? [{ kind: 'agreement_review', date: subject.reviewDate }] : [];
    case 'sla':
      return subject.status === 'active' ? [{ kind: 'sla_review', date: subject.reviewDate }] : [];
  }
}

/** The idempotency key of an occurrence of a subject. */
export function occurrenceKey(subjectId: string, o: Occurrence): string {
  return `${o.kind}:${subjectId}:${o.date}`;
}
