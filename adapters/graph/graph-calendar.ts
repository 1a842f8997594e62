import { GraphError, type Client } from '@microsoft/microsoft-graph-client';
import type { CheckInCalendar, CheckInEntry } from '../../core/checkins/check-in-calendar';
import { graphFailure } from './graph-failure';

/** The application permission calendar writes need. */
const PERMISSION = 'Calendars.ReadWrite';

/** The event's start and end in the owner's time zone, as Graph takes them. */
function timesOf(entry: CheckInEntry) {
  const [h, m] = entry.startTime.split(':').map(Number) as [number, number];
  const endMinutes = h * 60 + m + entry.durationMinutes;
  const end = `${String(Math.floor(endMinutes / 60) % 24).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;
  return {
    start: { dateTime: `${entry.dueDate}T${entry.startTime}:00`, timeZone: entry.timeZone },
    end: { dateTime: `${entry.dueDate}T${end}:00`, timeZone: entry.timeZone },
  };
}

/** The event is no longer in the calendar (its owner deleted it). */
const isGone = (err: unknown) => err instanceof GraphError && err.statusCode === 404;

function bodyOf(entry: CheckInEntry) {
  const actions = entry.openActions.length
    ? `Open actions from the last meeting:\n${entry.openActions.map((a) => `• ${a}`).join('\n')}`
    : 'No actions are open from the last meeting.';
  return { contentType: 'text', content: `Relationship check-in with ${entry.partnerName}.\n\n${actions}` };
}

/**
 * Check-ins in Outlook calendars through Microsoft Graph (application permission Calendars.ReadWrite). An
 * event is created with a transaction id made of the check-in and its day, which Graph uses to recognise a
 * repeated create: a POST retried after a 503 whose first attempt did land returns that event, not a second.
 */
export class GraphCalendar implements CheckInCalendar {
  constructor(private readonly graph: Client) {}

  async schedule(entry: CheckInEntry): Promise<string> {
    const event = {
      subject: `Check-in: ${entry.partnerName}`,
      body: bodyOf(entry),
      ...timesOf(entry),
      transactionId: `partner-crm-checkin-${entry.checkInId}-${entry.dueDate}`,
      isReminderOn: true,
      reminderMinutesBeforeStart: 15,
      categories: ['Partner CRM'],
    };
    try {
      const created = (await this.graph.api(`/users/${entry.ownerAadObjectId}/events`).post(event)) as {
        id: string;
      };
      return created.id;
    } catch (err) {
      throw graphFailure(err, 'put the check-in in the calendar', PERMISSION);
    }
  }

  async move(eventId: string, entry: CheckInEntry): Promise<'moved' | 'gone'> {
    try {
      await this.graph
        .api(`/users/${entry.ownerAadObjectId}/events/${eventId}`)
        .patch({ body: bodyOf(entry), ...timesOf(entry) });
      return 'moved';
    } catch (err) {
      if (isGone(err)) return 'gone';
      throw graphFailure(err, 'move the check-in in the calendar', PERMISSION);
    }
  }

  async cancel(eventId: string, ownerAadObjectId: string, reason: string): Promise<void> {
    try {
      await this.graph.api(`/users/${ownerAadObjectId}/events/${eventId}/cancel`).post({ comment: reason });
    } catch (err) {
      if (isGone(err)) return;
      throw graphFailure(err, 'cancel the check-in in the calendar', PERMISSION);
    }
  }
}
