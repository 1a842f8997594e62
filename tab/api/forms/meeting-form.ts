import {
  filledActionRows,
  MeetingFormData,
  meetingInputIdOf,
  peopleInMeetingForm,
  renderMeetingFormCard,
  toMeetingInput,
} from '../../../cards/meeting-form-card';
import { renderMeetingSummaryCard } from '../../../cards/meeting-summary-card';
import { botCardForm, peopleChoices, todayIn } from './bot-card-form';

/** The bot's meeting form in the tab: partners, attendees, decisions and up to six agreed actions. */
export const meetingForm = botCardForm({
  kind: 'meeting',
  schema: MeetingFormData,
  people: peopleInMeetingForm,
  toInput: toMeetingInput,
  inputIdOf: (path, data) => meetingInputIdOf(path, data ? filledActionRows(data) : []),
  render: (context, state, formId) =>
    renderMeetingFormCard({
      surface: 'message',
      formId,
      timeZone: context.timeZone,
      now: context.now,
      partners: context.partners,
      agreements: context.agreements,
      people: peopleChoices(context),
      owners: peopleChoices(context, 'user'),
      me: context.me.aadObjectId,
      searchScope: 'conversation',
      draft: context.preset.partnerId ? { partnerIds: [context.preset.partnerId] } : undefined,
      state,
    }),
  run: (core, caller, input, key) => core.meetings.log(caller, input, key),
  result: (view, time) => renderMeetingSummaryCard({ view, timeZone: time.timeZone, today: todayIn(time) }),
});
