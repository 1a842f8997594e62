import type { MeetingView } from '../../../core/meetings/meeting-log';
import { card, type AdaptiveCardJson } from './adaptive-card';

/**
 * INTERIM: the summary card of a logged meeting, until the bot's `bot/cards` renderer of the same card is merged
 * (see `card-renderers.ts`): who met when, what was decided, and the actions agreed.
 */
export function renderInterimMeetingCard(view: MeetingView): AdaptiveCardJson {
  const { meeting, partners, actions, people } = view;
  const name = (id: string) => people[id]?.displayName ?? 'Someone no longer visible here';
  const list = (title: string, items: readonly string[]) =>
    items.length === 0
      ? []
      : [
          { type: 'TextBlock', text: title, weight: 'Bolder', wrap: true, spacing: 'Medium' },
          { type: 'TextBlock', text: items.map((i) => `- ${i}`).join('\n'), wrap: true, spacing: 'Small' },
        ];
  return card([
    { type: 'TextBlock', text: 'Partner meeting', size: 'Small', isSubtle: true, wrap: true },
    { type: 'TextBlock', text: meeting.title, weight: 'Bolder', size: 'Medium', wrap: true },
    {
      type: 'FactSet',
      facts: [
        { title: 'Partners', value: partners.map((p) => p.name).join(', ') },
        { title: 'When', value: meeting.occurredAt.replace('T', ' ').slice(0, 16) + ' UTC' },
        { title: 'Type', value: meeting.type.replace('_', ' ') },
        { title: 'Attendees', value: meeting.attendeeIds.map(name).join(', ') || 'Not recorded' },
      ],
    },
    ...list('Decisions', meeting.decisions),
    ...list('Issues raised', meeting.issuesRaised),
    ...list(
      'Agreed actions',
      actions.map((a) => `${a.title} (${name(a.ownerId)}, due ${a.dueDate})`),
    ),
  ]);
}
