import { z } from 'zod';
import { IsoDate } from '../core/common/dates';
import { MEETING_MEDIA, MEETING_TYPES, type MeetingInput } from '../core/meetings/meeting';
import type { PersonRef } from '../core/people/person';
import {
  adaptiveCard,
  banner,
  clip,
  columns,
  container,
  heading,
  section,
  text,
  toggle,
  verbAction,
  type AdaptiveCard,
  type CardElement,
  type CardSurface,
} from './card-kit';
import {
  FormId,
  dateInput,
  idsInput,
  linesInput,
  requiredInput,
  textInput,
  timeInput,
  wholeNumberInput,
} from './card-data';
import { choiceField, dateField, numberField, peopleField, textField, timeField } from './form-inputs';
import type { FormState } from './form-state';
import { choicesOf, MEETING_MEDIUM_LABELS, MEETING_TYPE_LABELS } from './labels';
import { instantOf, knownTimeZone, wallClockIn } from './local-time';
import { UNRESOLVED_PERSON, type PersonChoice, type PickedPeople } from './people-choices';

/** The dataset partner pickers search as someone types (answered by the bot's `application/search`). */
export const PARTNER_SEARCH_DATASET = 'partners';

/** The verb that logs the meeting. */
export const LOG_MEETING_VERB = 'meeting.log';

/** Agreed-action rows the form offers; the first {@link VISIBLE_ACTION_ROWS} show, the rest on request. */
export const ACTION_ROWS = 6;
/** Action rows shown before "More actions" is pressed. */
export const VISIBLE_ACTION_ROWS = 3;

/** The card's own limits, stricter than core's so a re-rendered form with every field full fits in a message. */
export const MEETING_FORM_LIMITS = {
  title: 150,
  minutes: 1500,
  decisions: 1000,
  issues: 1000,
  customerImpact: 600,
  actionTitle: 150,
} as const;

const L = MEETING_FORM_LIMITS;
const actionRow = (i: number) => ({
  title: `action${i}Title`,
  owner: `action${i}Owner`,
  due: `action${i}Due`,
});

/** An agreed action an AI proposed, as a form row: the owner matched to a person here, or left to pick. */
export interface ProposedActionRow {
  readonly title: string;
  /** The matched person's picker value; absent when nobody here fits the AI's name. */
  readonly ownerValue?: string;
  /** The owner as the AI named them, shown beside the picker. */
  readonly aiOwnerName?: string;
}

/** The longest AI owner name a form shows and carries back (its picker's label, in a card Teams caps at 40 KB). */
const MAX_AI_OWNER = 40;

/** What a meeting form shows. */
export interface MeetingFormModel {
  readonly surface: CardSurface;
  readonly formId: string;
  /** The user's IANA zone: the date and time fields are wall-clock times there. */
  readonly timeZone: string;
  readonly now: Date;
  readonly partners: readonly { readonly id: string; readonly name: string }[];
  readonly agreements: readonly { readonly id: string; readonly title: string }[];
  /** Offered by the attendees picker before searching (colleagues here and partners' contacts). */
  readonly people: readonly PersonChoice[];
  /** Offered by the action owner pickers before searching (a few colleagues: there are six of them). */
  readonly owners: readonly PersonChoice[];
  /** The person filling the form: the default owner of new actions. */
  readonly me: string;
  /** Group chats and channels search their members; personal chat searches the organisation. */
  readonly searchScope: 'conversation' | 'organisation';
  /** Starting values, e.g. from a chat message. */
  readonly draft?: Partial<MeetingInput>;
  /** Agreed actions an AI proposed (Microsoft 365 Copilot's action items), in place of the draft's; due dates empty. */
  readonly proposedActions?: readonly ProposedActionRow[];
  /** A line under the heading saying where the prefilled values came from. */
  readonly intro?: string;
  readonly state: FormState;
}

/** An attendee as the people picker holds them: Teams users by Entra object id, contacts by person id. */
function attendeeValue(ref: NonNullable<Partial<MeetingInput>['attendees']>[number]): string {
  return 'user' in ref ? ref.user.aadObjectId : 'pending' in ref ? ref.pending : ref.personId;
}

/** The meeting form: partner, when, who, what was decided, and up to six agreed actions. */
export function renderMeetingFormCard(m: MeetingFormModel): AdaptiveCard {
  const s = m.state;
  const today = wallClockIn(m.now, knownTimeZone(m.timeZone)).date;
  const body: CardElement[] = [
    ...heading('Log a partner meeting', 'Who met, what was decided and who does what by when.'),
    ...(m.intro ? [text(m.intro, { wrap: true, isSubtle: true, spacing: 'Small' })] : []),
    ...(s.general.length ? [banner(s.general.join('\n'))] : []),
    ...meetingFields(m),
    ...outcomeFields(m),
    section('Agreed actions'),
    ...Array.from({ length: ACTION_ROWS }, (_, n) => actionRowElement(m, n + 1, today)),
  ];
  const hiddenRows = Array.from(
    { length: ACTION_ROWS - VISIBLE_ACTION_ROWS },
    (_, n) => `actionRow${n + 1 + VISIBLE_ACTION_ROWS}`,
  );
  return adaptiveCard(body, [
    toggle('More actions', hiddenRows),
    verbAction(m.surface, 'Log meeting', LOG_MEETING_VERB, meetingFormData(m), { style: 'positive' }),
  ]);
}

/** The meeting itself: title, partners, when (in the user's zone) and how long, who came, its type and medium. */
function meetingFields(m: MeetingFormModel): CardElement[] {
  const s = m.state;
  const zone = knownTimeZone(m.timeZone);
  const when = wallClockIn(m.draft?.occurredAt ? new Date(m.draft.occurredAt) : m.now, zone);
  return [
    ...textField(s, {
      id: 'title',
      label: 'Title',
      max: L.title,
      required: true,
      errorMessage: `Give the meeting a title (at most ${L.title} characters)`,
      placeholder: 'Monthly delivery review',
      initial: m.draft?.title,
    }),
    ...choiceField(s, {
      id: 'partnerIds',
      label: 'Partner',
      required: true,
      multiSelect: true,
      errorMessage: 'Choose at least one partner',
      choices: m.partners.map((p) => ({ title: p.name, value: p.id })),
      searchDataset: PARTNER_SEARCH_DATASET,
      initial: m.draft?.partnerIds?.join(','),
    }),
    columns(
      dateField(s, {
        id: 'date',
        label: 'Date',
        required: true,
        errorMessage: 'Say when you met',
        initial: when.date,
      }),
      timeField(s, {
        id: 'time',
        label: `Time (${zone})`,
        required: true,
        errorMessage: 'Say what time you met',
        initial: when.time,
      }),
      numberField(s, {
        id: 'durationMinutes',
        label: 'Minutes long',
        min: 1,
        max: 1440,
        errorMessage: 'A length from 1 to 1440 minutes',
        initial: m.draft?.durationMinutes?.toString(),
      }),
    ),
    ...peopleField(s, {
      id: 'attendees',
      label: 'Attendees',
      multiSelect: true,
      known: m.people,
      searchScope: m.searchScope,
      // A draft's attendees (e.g. everyone in a meeting that just ended), else the person filling the form.
      initial: m.draft?.attendees?.length ? m.draft.attendees.map(attendeeValue).join(',') : m.me,
    }),
    columns(
      choiceField(s, {
        id: 'type',
        label: 'Type',
        required: true,
        errorMessage: 'Choose the kind of meeting',
        choices: choicesOf(MEETING_TYPE_LABELS),
        initial: m.draft?.type ?? 'check_in',
      }),
      choiceField(s, {
        id: 'medium',
        label: 'How you met',
        required: true,
        errorMessage: 'Choose how you met',
        choices: choicesOf(MEETING_MEDIUM_LABELS),
        initial: m.draft?.medium ?? 'teams_meeting',
      }),
    ),
  ];
}

/** What came of it: minutes, decisions, issues, the effect on the end customer and the agreement it refers to. */
function outcomeFields(m: MeetingFormModel): CardElement[] {
  const s = m.state;
  return [
    ...textField(s, {
      id: 'minutes',
      label: 'Minutes',
      max: L.minutes,
      multiline: true,
      errorMessage: `At most ${L.minutes} characters; put longer minutes in the tab`,
      initial: m.draft?.minutes === undefined ? undefined : [...m.draft.minutes].slice(0, L.minutes).join(''),
    }),
    ...textField(s, {
      id: 'decisions',
      label: 'Decisions (one per line)',
      max: L.decisions,
      multiline: true,
      errorMessage: `At most ${L.decisions} characters`,
      initial: m.draft?.decisions?.length ? m.draft.decisions.join('\n').slice(0, L.decisions) : undefined,
    }),
    ...textField(s, {
      id: 'issues',
      label: 'Issues raised (one per line)',
      max: L.issues,
      multiline: true,
      errorMessage: `At most ${L.issues} characters`,
    }),
    ...textField(s, {
      id: 'customerImpact',
      label: 'What it means for the end customer',
      max: L.customerImpact,
      multiline: true,
      errorMessage: `At most ${L.customerImpact} characters`,
    }),
    ...(m.agreements.length
      ? choiceField(s, {
          id: 'agreementId',
          label: 'Conflict-priority agreement it refers to',
          choices: m.agreements.map((a) => ({ title: a.title, value: a.id })),
          initial: m.draft?.agreementId,
        })
      : []),
  ];
}

/** The owners an AI named, row by row: from the proposal, or carried back by a submitted form. */
function aiOwnersOf(m: MeetingFormModel): string[] {
  if (m.proposedActions) return m.proposedActions.map((p) => clip(p.aiOwnerName ?? '', MAX_AI_OWNER));
  const carried = m.state.values.aiOwners;
  if (!Array.isArray(carried)) return [];
  // Carried back by the submit, so possibly anything: at most a row's worth, each name cut to length.
  return carried.slice(0, ACTION_ROWS).map((n) => (typeof n === 'string' ? clip(n, MAX_AI_OWNER) : ''));
}

function actionRowElement(m: MeetingFormModel, i: number, today: string): CardElement {
  const s = m.state;
  const ids = actionRow(i);
  const proposed = m.proposedActions?.[i - 1];
  const filled =
    proposed !== undefined || [ids.title, ids.owner, ids.due].some((id) => s.values[id] || s.errors[id]);
  const draft = m.draft?.actions?.[i - 1];
  const aiOwner = aiOwnersOf(m)[i - 1];
  const ownerInitial = proposed ? (proposed.ownerValue ?? '') : draft ? attendeeValue(draft.owner) : m.me;
  return container(
    [
      text(`Action ${i}`, { size: 'Small', weight: 'Bolder', isSubtle: true }),
      ...textField(s, {
        id: ids.title,
        label: 'What',
        max: L.actionTitle,
        errorMessage: `At most ${L.actionTitle} characters`,
        initial: proposed ? clip(proposed.title, L.actionTitle) : draft?.title,
      }),
      ...(proposed?.aiOwnerName && !proposed.ownerValue
        ? [
            text(`Nobody in this meeting matches “${aiOwner}”, the owner the AI named: pick who does this.`, {
              size: 'Small',
              isSubtle: true,
              wrap: true,
              spacing: 'Small',
            }),
          ]
        : []),
      {
        type: 'ColumnSet',
        columns: [
          {
            type: 'Column',
            width: 'stretch',
            items: peopleField(s, {
              id: ids.owner,
              label: aiOwner ? `Owner (the AI said “${aiOwner}”)` : 'Owner',
              known: m.owners,
              searchScope: m.searchScope,
              initial: ownerInitial,
            }),
          },
          {
            type: 'Column',
            width: 'stretch',
            items: dateField(s, { id: ids.due, label: 'Due', initial: draft?.dueDate, placeholder: today }),
          },
        ],
      },
    ],
    {
      id: `actionRow${i}`,
      separator: true,
      ...(i > VISIBLE_ACTION_ROWS && !filled ? { isVisible: false } : {}),
    },
  );
}

/**
 * Hidden context the submit carries: the form id (idempotency), the zone, where the log came from (a chat message,
 * or the Teams meeting, so its AI proposal knows it was logged) and the owners an AI named.
 */
function meetingFormData(m: MeetingFormModel): Record<string, unknown> {
  const source = m.draft?.source;
  const carried = m.state.values.onlineMeetingId;
  const onlineMeetingId =
    source?.kind === 'teams_meeting' ? source.externalId : typeof carried === 'string' ? carried : undefined;
  const aiOwners = aiOwnersOf(m);
  return {
    formId: m.formId,
    timeZone: knownTimeZone(m.timeZone),
    ...(source?.kind === 'chat_message' ? { sourceUrl: source.url, sourceMessageId: source.externalId } : {}),
    ...(onlineMeetingId && onlineMeetingId.length <= MAX_ONLINE_MEETING_ID ? { onlineMeetingId } : {}),
    ...(aiOwners.some(Boolean) ? { aiOwners: aiOwners.slice(0, ACTION_ROWS) } : {}),
  };
}

/** Graph's online-meeting ids are base64 of the chat thread; a few hundred characters. */
const MAX_ONLINE_MEETING_ID = 300;

const actionFields = Object.fromEntries(
  Array.from({ length: ACTION_ROWS }, (_, n) => {
    const ids = actionRow(n + 1);
    return [
      [ids.title, textInput(L.actionTitle, 'Action')],
      [ids.owner, idsInput('Owner', 1)],
      [ids.due, dateInput('Due date')],
    ];
  }).flat(),
) as Record<string, z.ZodType>;

/** The `data` a meeting form submits: its inputs and its hidden context. */
export const MeetingFormData = z.looseObject({
  formId: FormId,
  timeZone: z.string({ error: 'This form has no time zone; open it again' }).max(64),
  sourceUrl: z.string().max(2000).optional(),
  sourceMessageId: z.string().max(300).optional(),
  onlineMeetingId: z.string().max(MAX_ONLINE_MEETING_ID).optional(),
  // Hints only: generous, so a name cut to MAX_AI_OWNER code points (an emoji is two UTF-16 units) fits.
  aiOwners: z
    .array(z.string().max(MAX_AI_OWNER * 4))
    .max(ACTION_ROWS)
    .optional(),
  title: requiredInput(L.title, 'Title'),
  partnerIds: idsInput('Partner', 10).refine((ids) => ids.length > 0, 'Choose at least one partner'),
  date: dateInput('Date')
    .refine((d) => d !== undefined, 'Say when you met')
    .refine((d) => d === undefined || IsoDate.safeParse(d).success, 'Use a real date like 2026-03-31'),
  time: timeInput('Time'),
  durationMinutes: wholeNumberInput('Length', 1, 1440),
  attendees: idsInput('Attendees', 50),
  type: z.enum(MEETING_TYPES, { error: 'Choose the kind of meeting' }),
  medium: z.enum(MEETING_MEDIA, { error: 'Choose how you met' }),
  minutes: textInput(L.minutes, 'Minutes'),
  decisions: linesInput(L.decisions, 'Decisions'),
  issues: linesInput(L.issues, 'Issues raised'),
  customerImpact: textInput(L.customerImpact, 'Customer impact'),
  agreementId: idsInput('Agreement', 1),
  ...actionFields,
});
/** A parsed meeting form. */
export type MeetingFormData = z.output<typeof MeetingFormData>;

/** Every person id the form names (attendees and action owners), for the edge to resolve. */
export function peopleInMeetingForm(data: MeetingFormData): string[] {
  const owners = Array.from(
    { length: ACTION_ROWS },
    (_, n) => data[actionRow(n + 1).owner] as string[],
  ).flat();
  return [...data.attendees, ...owners];
}

/** Turns a parsed form into core's meeting input; people the edge could not resolve become field issues. */
export function toMeetingInput(
  data: MeetingFormData,
  people: PickedPeople,
): { input: MeetingInput; unresolved: { path: string; message: string }[] } {
  const unresolved: { path: string; message: string }[] = [];
  const personFor = (id: string, field: string): PersonRef | undefined => {
    const ref = people.get(id);
    if (!ref) unresolved.push({ path: field, message: UNRESOLVED_PERSON });
    return ref;
  };
  const actions: NonNullable<MeetingInput['actions']> = [];
  for (let i = 1; i <= ACTION_ROWS; i++) {
    const ids = actionRow(i);
    const title = data[ids.title] as string | undefined;
    const [ownerId] = data[ids.owner] as string[];
    const due = data[ids.due] as string | undefined;
    if (title === undefined && due === undefined) continue;
    if (ownerId === undefined) unresolved.push({ path: ids.owner, message: 'Choose who does this' });
    const owner = ownerId === undefined ? undefined : personFor(ownerId, ids.owner);
    // A missing title or date is left for core to name, so the messages match the API's.
    if (owner) actions.push({ title: title ?? '', owner, dueDate: due ?? '' });
  }
  const attendees = data.attendees.flatMap((id) => personFor(id, 'attendees') ?? []);
  const [agreementId] = data.agreementId;
  const input: MeetingInput = {
    title: data.title ?? '',
    partnerIds: data.partnerIds,
    occurredAt: instantOf(data.date ?? '', data.time, knownTimeZone(data.timeZone)),
    durationMinutes: data.durationMinutes,
    attendees,
    type: data.type,
    medium: data.medium,
    minutes: data.minutes,
    decisions: data.decisions,
    issuesRaised: data.issues,
    customerImpact: data.customerImpact,
    actions,
    agreementId,
    source: data.onlineMeetingId
      ? { kind: 'teams_meeting', externalId: data.onlineMeetingId }
      : data.sourceUrl || data.sourceMessageId
        ? { kind: 'chat_message', url: data.sourceUrl, externalId: data.sourceMessageId }
        : { kind: 'manual' },
  };
  return { input, unresolved };
}

/** Core's meeting fields and the inputs that show them. */
const INPUT_OF_CORE_FIELD: Readonly<Record<string, string>> = {
  title: 'title',
  partnerIds: 'partnerIds',
  occurredAt: 'date',
  durationMinutes: 'durationMinutes',
  attendees: 'attendees',
  type: 'type',
  medium: 'medium',
  minutes: 'minutes',
  decisions: 'decisions',
  issuesRaised: 'issues',
  customerImpact: 'customerImpact',
  agreementId: 'agreementId',
};

/** Every input id of the form. */
const INPUT_IDS = new Set([
  ...Object.values(INPUT_OF_CORE_FIELD),
  'time',
  ...Array.from({ length: ACTION_ROWS }, (_, n) => Object.values(actionRow(n + 1))).flat(),
]);

/**
 * The input that shows an issue: card issues name the input itself; core issues name core's fields, and
 * `actions.1.dueDate` is the due date of the second filled-in row (`rows` maps core's index to the card row).
 */
export function meetingInputIdOf(path: string, rows: readonly number[]): string | undefined {
  const action = /^actions\.(\d+)\.(title|owner|dueDate)/.exec(path);
  if (action) {
    const row = rows[Number(action[1])];
    if (row === undefined) return undefined;
    const ids = actionRow(row);
    return action[2] === 'title' ? ids.title : action[2] === 'owner' ? ids.owner : ids.due;
  }
  const head = path.split('.')[0]!;
  return INPUT_OF_CORE_FIELD[head] ?? (INPUT_IDS.has(head) ? head : undefined);
}

/** The card rows that hold core's actions, in core's order (rows left blank are skipped). */
export function filledActionRows(data: MeetingFormData): number[] {
  return Array.from({ length: ACTION_ROWS }, (_, n) => n + 1).filter((i) => {
    const ids = actionRow(i);
    return data[ids.title] !== undefined || data[ids.due] !== undefined;
  });
}
