import { z } from 'zod';
import { IsoDate, IsoDateTime } from '../common/dates';
import { optionalText, requiredText, textList } from '../common/text';
import { PersonRef } from '../people/person';

/** Why partners met. */
export const MEETING_TYPES = [
  'check_in',
  'review',
  'negotiation',
  'escalation',
  'joint_planning',
  'other',
] as const;
/** How partners met. */
export const MEETING_MEDIA = [
  'in_person',
  'teams_meeting',
  'video_call',
  'phone',
  'email_thread',
  'chat',
] as const;

/** Most agreed actions one meeting log can create. */
export const MAX_ACTIONS_PER_MEETING = 10;
/** Most partners one meeting can involve. */
export const MAX_PARTNERS_PER_MEETING = 10;

/** An agreed action as entered with a meeting: who does what by when. */
export const ActionDraft = z.object({
  title: requiredText(300, 'Action'),
  owner: PersonRef,
  dueDate: IsoDate,
});
/** An agreed action as entered. */
export type ActionDraft = z.output<typeof ActionDraft>;

/** Where a meeting log came from: typed in, a chat message, or a Teams meeting that ended. */
export const MeetingSource = z.object({
  kind: z.enum(['manual', 'chat_message', 'teams_meeting']),
  /** Deep link to the message or meeting. */
  url: z
    .url({ protocol: /^https$/ })
    .max(2000)
    .optional(),
  /** The Teams message id or online-meeting id. */
  externalId: z.string().max(300).optional(),
});

/** Agreed actions added to a meeting logged before. */
export const MeetingActionsInput = z.object({
  meetingId: z.string().min(1).max(64),
  actions: z
    .array(ActionDraft)
    .min(1, 'Fill in at least one action')
    .max(MAX_ACTIONS_PER_MEETING, `At most ${MAX_ACTIONS_PER_MEETING} actions at once`),
});
/** Agreed actions added to a logged meeting, as entered. */
export type MeetingActionsInput = z.input<typeof MeetingActionsInput>;

/** What a supervisor enters to log a partner meeting. */
export const MeetingInput = z
  .object({
    title: requiredText(200, 'Title'),
    partnerIds: z
      .array(z.string().min(1).max(64))
      .min(1, 'Choose at least one partner')
      .max(MAX_PARTNERS_PER_MEETING, `At most ${MAX_PARTNERS_PER_MEETING} partners`),
    occurredAt: IsoDateTime,
    durationMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    attendees: z.array(PersonRef).max(50, 'At most 50 attendees').default([]),
    type: z.enum(MEETING_TYPES),
    medium: z.enum(MEETING_MEDIA),
    minutes: optionalText(20_000, 'Minutes'),
    decisions: textList(30, 1000, 'Decision').default([]),
    issuesRaised: textList(30, 1000, 'Issue').default([]),
    customerImpact: optionalText(4000, 'Customer impact'),
    actions: z
      .array(ActionDraft)
      .max(MAX_ACTIONS_PER_MEETING, `At most ${MAX_ACTIONS_PER_MEETING} actions per meeting`)
      .default([]),
    agreementId: z.string().min(1).max(64).optional(),
    source: MeetingSource.default({ kind: 'manual' }),
  })
  .superRefine((m, ctx) => {
    if (new Set(m.partnerIds).size !== m.partnerIds.length)
      ctx.addIssue({ code: 'custom', path: ['partnerIds'], message: 'A partner is listed twice' });
    const meetingDate = m.occurredAt.slice(0, 10);
    m.actions.forEach((a, i) => {
      if (a.dueDate < meetingDate)
        ctx.addIssue({
          code: 'custom',
          path: ['actions', i, 'dueDate'],
          message: 'Due date is before the meeting',
        });
    });
  });
/** What a supervisor enters to log a partner meeting. */
export type MeetingInput = z.input<typeof MeetingInput>;

/** A logged partner meeting. Attendees are person ids; names live with the people. */
export interface Meeting {
  readonly id: string;
  readonly tenantId: string;
  readonly spaceId: string;
  readonly title: string;
  readonly partnerIds: readonly string[];
  readonly occurredAt: string;
  readonly durationMinutes?: number;
  readonly attendeeIds: readonly string[];
  readonly type: (typeof MEETING_TYPES)[number];
  readonly medium: (typeof MEETING_MEDIA)[number];
  readonly minutes?: string;
  readonly decisions: readonly string[];
  readonly issuesRaised: readonly string[];
  readonly customerImpact?: string;
  readonly actionIds: readonly string[];
  readonly agreementId?: string;
  readonly source: z.output<typeof MeetingSource>;
  readonly loggedBy: string;
  readonly createdAt: string;
}
