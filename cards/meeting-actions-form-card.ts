import { z } from 'zod';
import type { MeetingActionsInput } from '../core/meetings/meeting';
import {
  adaptiveCard,
  banner,
  clip,
  container,
  heading,
  text,
  verbAction,
  type AdaptiveCard,
  type CardElement,
  type CardSurface,
} from './card-kit';
import { FormId, dateInput, idsInput, textInput } from './card-data';
import { dateField, peopleField, textField } from './form-inputs';
import type { FormState } from './form-state';
import { ACTION_ROWS, MEETING_FORM_LIMITS, type ProposedActionRow } from './meeting-form-card';
import { UNRESOLVED_PERSON, type PersonChoice, type PickedPeople } from './people-choices';

/** The verb that adds agreed actions to a meeting logged before. */
export const ADD_MEETING_ACTIONS_VERB = 'meeting.actions.add';

/** The longest AI owner name a form shows and carries back (its picker's label, in a card Teams caps at 40 KB). */
const MAX_AI_OWNER = 40;

const row = (i: number) => ({ title: `action${i}Title`, owner: `action${i}Owner`, due: `action${i}Due` });

/** What the "add agreed actions to a logged meeting" form shows. */
export interface MeetingActionsFormModel {
  readonly surface: CardSurface;
  readonly formId: string;
  readonly meetingId: string;
  readonly meetingTitle: string;
  /** How many actions the meeting has already, so the supervisor sees these come on top. */
  readonly existingActions: number;
  readonly owners: readonly PersonChoice[];
  readonly searchScope: 'conversation' | 'organisation';
  /** Today in the user's zone: the due date's placeholder. */
  readonly today: string;
  /** The AI's action items as rows (owners matched where the names fit, due dates empty). */
  readonly proposedActions?: readonly ProposedActionRow[];
  readonly state: FormState;
}

/**
 * Agreed actions to add to a meeting that was logged before its AI action items were ready: up to six rows of
 * what, who and by when, prefilled from the proposal; nothing is stored until "Add actions" is pressed.
 */
export function renderMeetingActionsFormCard(m: MeetingActionsFormModel): AdaptiveCard {
  const s = m.state;
  const carried = s.values.aiOwners;
  const aiOwners = m.proposedActions
    ? m.proposedActions.map((p) => clip(p.aiOwnerName ?? '', MAX_AI_OWNER))
    : Array.isArray(carried)
      ? carried.slice(0, ACTION_ROWS).map((n) => (typeof n === 'string' ? clip(n, MAX_AI_OWNER) : ''))
      : [];
  const body: CardElement[] = [
    ...heading(
      `Add agreed actions to “${m.meetingTitle}”`,
      `This meeting was logged already${m.existingActions ? ` with ${m.existingActions} action${m.existingActions === 1 ? '' : 's'}` : ''}: these are added to it.`,
    ),
    text(
      "Prefilled from Microsoft 365 Copilot's action items. Clear a row that was not agreed, check each owner, " +
        'set the due dates, then press Add actions: nothing is stored until you do.',
      { isSubtle: true, spacing: 'Small' },
    ),
    ...(s.general.length ? [banner(s.general.join('\n'))] : []),
    ...Array.from({ length: ACTION_ROWS }, (_, n) => rowElement(m, n + 1, aiOwners[n])),
  ];
  return adaptiveCard(body, [
    verbAction(
      m.surface,
      'Add actions',
      ADD_MEETING_ACTIONS_VERB,
      {
        formId: m.formId,
        meetingId: m.meetingId,
        ...(aiOwners.some(Boolean) ? { aiOwners: aiOwners.slice(0, ACTION_ROWS) } : {}),
      },
      { style: 'positive' },
    ),
  ]);
}

function rowElement(m: MeetingActionsFormModel, i: number, aiOwner: string | undefined): CardElement {
  const s = m.state;
  const ids = row(i);
  const proposed = m.proposedActions?.[i - 1];
  const filled =
    proposed !== undefined || [ids.title, ids.owner, ids.due].some((id) => s.values[id] || s.errors[id]);
  return container(
    [
      text(`Action ${i}`, { size: 'Small', weight: 'Bolder', isSubtle: true }),
      ...textField(s, {
        id: ids.title,
        label: 'What',
        max: MEETING_FORM_LIMITS.actionTitle,
        errorMessage: `At most ${MEETING_FORM_LIMITS.actionTitle} characters`,
        initial: proposed ? clip(proposed.title, MEETING_FORM_LIMITS.actionTitle) : undefined,
      }),
      ...(proposed?.aiOwnerName && !proposed.ownerValue
        ? [
            text(`Nobody in this meeting matches “${aiOwner}”, the owner the AI named: pick who does this.`, {
              size: 'Small',
              isSubtle: true,
              spacing: 'Small',
            }),
          ]
        : []),
      ...peopleField(s, {
        id: ids.owner,
        label: aiOwner ? `Owner (the AI said “${aiOwner}”)` : 'Owner',
        known: m.owners,
        searchScope: m.searchScope,
        initial: proposed?.ownerValue ?? '',
      }),
      ...dateField(s, { id: ids.due, label: 'Due', placeholder: m.today }),
    ],
    { id: `actionRow${i}`, separator: true, ...(filled || i === 1 ? {} : { isVisible: false }) },
  );
}

const rowFields = Object.fromEntries(
  Array.from({ length: ACTION_ROWS }, (_, n) => {
    const ids = row(n + 1);
    return [
      [ids.title, textInput(MEETING_FORM_LIMITS.actionTitle, 'Action')],
      [ids.owner, idsInput('Owner', 1)],
      [ids.due, dateInput('Due date')],
    ];
  }).flat(),
) as Record<string, z.ZodType>;

/** The `data` the form submits. */
export const MeetingActionsFormData = z.looseObject({
  formId: FormId,
  meetingId: z.string({ error: 'This form names no meeting; open it again' }).min(1).max(64),
  // Hints only: generous, so a name cut to MAX_AI_OWNER code points (an emoji is two UTF-16 units) fits.
  aiOwners: z
    .array(z.string().max(MAX_AI_OWNER * 4))
    .max(ACTION_ROWS)
    .optional(),
  ...rowFields,
});
/** A parsed "add agreed actions" form. */
export type MeetingActionsFormData = z.output<typeof MeetingActionsFormData>;

/** The rows that hold core's actions, in core's order (rows left blank are skipped). */
export function filledMeetingActionRows(data: MeetingActionsFormData): number[] {
  return Array.from({ length: ACTION_ROWS }, (_, n) => n + 1).filter((i) => {
    const ids = row(i);
    return data[ids.title] !== undefined || data[ids.due] !== undefined;
  });
}

/** Every person id the form names, for the edge to resolve. */
export function peopleInMeetingActionsForm(data: MeetingActionsFormData): string[] {
  return Array.from({ length: ACTION_ROWS }, (_, n) => data[row(n + 1).owner] as string[]).flat();
}

/** Turns a parsed form into core's input; people the edge could not resolve become field issues. */
export function toMeetingActionsInput(
  data: MeetingActionsFormData,
  people: PickedPeople,
): { input: MeetingActionsInput; unresolved: { path: string; message: string }[] } {
  const unresolved: { path: string; message: string }[] = [];
  const actions: MeetingActionsInput['actions'] = [];
  for (const i of filledMeetingActionRows(data)) {
    const ids = row(i);
    const [ownerId] = data[ids.owner] as string[];
    if (ownerId === undefined) {
      unresolved.push({ path: ids.owner, message: 'Choose who does this' });
      continue;
    }
    const owner = people.get(ownerId);
    if (!owner) {
      unresolved.push({ path: ids.owner, message: UNRESOLVED_PERSON });
      continue;
    }
    // A missing title or date is left for core to name, so the messages match the meeting form's.
    actions.push({
      title: (data[ids.title] as string | undefined) ?? '',
      owner,
      dueDate: (data[ids.due] as string | undefined) ?? '',
    });
  }
  return { input: { meetingId: data.meetingId, actions }, unresolved };
}

/** The input that shows an issue: card input ids as they are; core's `actions.1.dueDate` by its row. */
export function meetingActionsInputIdOf(path: string, rows: readonly number[]): string | undefined {
  const action = /^actions\.(\d+)\.(title|owner|dueDate)/.exec(path);
  if (action) {
    const i = rows[Number(action[1])];
    if (i === undefined) return undefined;
    const ids = row(i);
    return action[2] === 'title' ? ids.title : action[2] === 'owner' ? ids.owner : ids.due;
  }
  if (path === 'actions') return row(1).title;
  const head = path.split('.')[0]!;
  return /^action\d(Title|Owner|Due)$/.test(head) ? head : undefined;
}
