import { allFinished } from '../common/all-finished';
import type { Scope } from '../common/scope';
import type { EvidenceDraft } from '../evidence/evidence-event';
import type { Ids, Repositories } from '../ports';
import { OPEN_STATUSES, type AgreedAction } from '../actions/agreed-action';
import { assignmentNotice, assignmentsIn, mayNeedNotice } from './assignment-notice';
import { sendTime } from './delivery-window';
import type { Reminder, ReminderSubjectType } from './reminder';
import type { ReminderReader } from './reminder-repository';
import { occurrenceKey, plannedOccurrences, type ReminderSubject } from './reminder-plan';
import { defaultPreferences, type ReminderPreferences } from './reminder-preferences';
import { wallClock } from '../common/zoned-time';

/** A subject whose reminders a change may have moved. */
interface Touched {
  readonly type: ReminderSubjectType;
  readonly id: string;
  /** For check-ins: their partner (schedules are found by partner). */
  readonly partnerId?: string;
  /** An action this change created: no reminder about it can be pending yet. */
  readonly created?: boolean;
}

/** A subject as the planner needs it: its reminder state, owner and space. */
interface Loaded {
  readonly subject: ReminderSubject;
  readonly id: string;
  readonly ownerId: string;
}

/** The subjects a unit of work's evidence says it changed (a partner's changes can move its check-ins). */
function touchedBy(drafts: readonly EvidenceDraft[]): Touched[] {
  const seen = new Map<string, Touched>();
  for (const d of drafts) {
    const { type, id } = d.subject;
    if (type === 'checkin' || type === 'partner')
      seen.set(`checkin:${d.partnerIds[0]}`, { type: 'checkin', id, partnerId: d.partnerIds[0] });
    else if (type === 'action' || type === 'agreement' || type === 'sla') {
      const created = d.kind === 'action.created' || seen.get(`${type}:${id}`)?.created === true;
      seen.set(`${type}:${id}`, { type, id, created });
    }
  }
  return [...seen.values()];
}

/**
 * Keeps reminders in step with what they are about, inside the same transaction as the change: every unit of
 * work lists what it touched in its evidence, and the planner re-plans those subjects: occurrences still wanted
 * are inserted once (their keys are unique), pending ones no longer wanted are cancelled. So reminders are rows
 * that survive restarts and never disagree with the records, with no sweep to run.
 */
export class ReminderPlanner {
  constructor(private readonly ids: Ids) {}

  /** Re-plans every subject the drafts touched, and gives the owners of actions others created their notice. */
  async afterChange(
    tx: Repositories,
    scope: Scope,
    drafts: readonly EvidenceDraft[],
    now: string,
  ): Promise<void> {
    const read = new ChangeReads(tx, scope);
    // Subjects are planned side by side (each writes only its own reminders), so on PostgreSQL their reads
    // share one round trip; every plan has stopped before the change goes on.
    await allFinished(touchedBy(drafts).map((touched) => this.replan(tx, scope, touched, now, read)));
    for (const assignment of assignmentsIn(drafts)) {
      const action = await read.action(assignment.actionId);
      if (!action || !mayNeedNotice(action, assignment)) continue;
      const [owner] = await tx.people.getMany(scope, [action.ownerId]);
      const prefs = await read.preferences(action.ownerId);
      const notice = assignmentNotice(action, assignment, owner, prefs, now, this.ids.next('rem'));
      if (notice) await tx.reminders.insert(notice);
    }
  }

  private async replan(
    tx: Repositories,
    scope: Scope,
    touched: Touched,
    now: string,
    read: ChangeReads,
  ): Promise<void> {
    const loaded = await load(tx, scope, touched, read);
    // Read together: one round trip on PostgreSQL.
    const [pending, prefs] = await Promise.all([
      touched.created ? [] : tx.reminders.pendingForSubject(scope, touched.type, loaded?.id ?? touched.id),
      loaded && read.preferences(loaded.ownerId),
    ]);
    if (!loaded || !prefs)
      return tx.reminders.cancel(
        scope,
        pending.map((r) => r.id),
        now,
      );

    const today = wallClock(new Date(now), prefs.timeZone).date;
    const wanted = plannedOccurrences(loaded.subject, prefs, today).map((o) => ({
      ...o,
      key: occurrenceKey(loaded.id, o),
    }));
    const wantedKeys = new Set(wanted.map((o) => o.key));
    // Snoozed repeats stand while the subject still wants reminders at all; a changed owner starts afresh. An
    // assignment notice is planned once, when the action is created, and stands while the action is open.
    const stale = pending.filter((r) => {
      if (r.ownerId !== loaded.ownerId) return true;
      if (r.kind === 'action_assigned') return !isOpen(loaded.subject);
      return r.snoozeOf ? wanted.length === 0 : !wantedKeys.has(r.key);
    });
    await tx.reminders.cancel(
      scope,
      stale.map((r) => r.id),
      now,
    );
    // A wanted occurrence still pending stands as it is (its key is taken: inserting it again would do nothing).
    const standing = new Set(pending.filter((r) => !stale.includes(r)).map((r) => r.key));
    for (const o of wanted) {
      if (standing.has(o.key)) continue;
      const reminder: Reminder = {
        id: this.ids.next('rem'),
        tenantId: scope.tenantId,
        spaceId: scope.spaceId,
        kind: o.kind,
        subjectType: touched.type,
        subjectId: loaded.id,
        ownerId: loaded.ownerId,
        occursOn: o.date,
        key: o.key,
        dueAt: sendTime(o.date, prefs, new Date(now)).toISOString(),
        status: 'pending',
        attempts: 0,
        createdAt: now,
        updatedAt: now,
      };
      await tx.reminders.insert(reminder);
    }
  }
}

/**
 * What planning one change reads more than once, read once: its subjects mostly share an owner, and the actions it
 * created are re-planned and then checked for an assignment notice. Planning writes only reminders, so what was
 * read stays true for the rest of the change.
 */
class ChangeReads {
  // Promises, so subjects planned side by side share one read.
  private readonly prefs = new Map<string, Promise<ReminderPreferences>>();
  private readonly actions = new Map<string, Promise<AgreedAction | undefined>>();

  constructor(
    private readonly tx: Repositories,
    private readonly scope: Scope,
  ) {}

  preferences(ownerId: string): Promise<ReminderPreferences> {
    let prefs = this.prefs.get(ownerId);
    if (!prefs) {
      prefs = preferencesOf(this.tx, this.scope, ownerId);
      this.prefs.set(ownerId, prefs);
    }
    return prefs;
  }

  action(id: string): Promise<AgreedAction | undefined> {
    let action = this.actions.get(id);
    if (!action) {
      action = this.tx.actions.get(this.scope, id);
      this.actions.set(id, action);
    }
    return action;
  }
}

/** Whether a subject is an action still to be done. */
function isOpen(subject: ReminderSubject): boolean {
  return subject.type === 'action' && OPEN_STATUSES.includes(subject.status);
}

/** Reads a touched subject's current state; undefined when it is gone. */
async function load(
  tx: Repositories,
  scope: Scope,
  touched: Touched,
  read: ChangeReads,
): Promise<Loaded | undefined> {
  switch (touched.type) {
    case 'checkin': {
      const schedule = touched.partnerId
        ? await tx.checkIns.getForPartner(scope, touched.partnerId)
        : undefined;
      return (
        schedule && {
          id: schedule.id,
          ownerId: schedule.ownerId,
          subject: { type: 'checkin', active: schedule.active, nextDueDate: schedule.nextDueDate },
        }
      );
    }
    case 'action': {
      const action = await read.action(touched.id);
      return (
        action && {
          id: action.id,
          ownerId: action.ownerId,
          subject: { type: 'action', status: action.status, dueDate: action.dueDate },
        }
      );
    }
    case 'agreement': {
      const agreement = await tx.agreements.get(scope, touched.id);
      return (
        agreement && {
          id: agreement.id,
          ownerId: agreement.createdBy,
          subject: { type: 'agreement', status: agreement.status, reviewDate: agreement.reviewDate },
        }
      );
    }
    case 'sla': {
      const sla = await tx.slas.get(scope, touched.id);
      return (
        sla && {
          id: sla.id,
          ownerId: sla.createdBy,
          subject: { type: 'sla', status: sla.status, reviewDate: sla.reviewDate },
        }
      );
    }
  }
}

/** The preferences to plan with for an owner: theirs, or the defaults. */
export async function preferencesOf(
  tx: { reminders: Pick<ReminderReader, 'preferences'> },
  scope: Scope | { tenantId: string },
  ownerId: string,
): Promise<ReminderPreferences> {
  return (await tx.reminders.preferences(scope, ownerId)) ?? defaultPreferences();
}
