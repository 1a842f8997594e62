import type { ActionStatus } from '../core/actions/agreed-action';
import type { AgreementStatus } from '../core/agreements/priority-agreement';
import type { MEETING_MEDIA, MEETING_TYPES } from '../core/meetings/meeting';
import type { COMMUNICATION_STYLES, CONTACT_CHANNELS, PartnerKind } from '../core/partners/partner';

/** Words for partner kinds, as a supervisor would say them. */
export const PARTNER_KIND_LABELS: Record<PartnerKind, string> = {
  internal_department: 'Internal department',
  internal_customer: 'Internal customer',
  external_supplier: 'External supplier',
  contractor: 'Contractor',
  third_party_agency: 'Third-party agency',
  outsourcer: 'Outsourcer',
  alliance_partner: 'Alliance partner',
  external_customer: 'External customer',
};

/** Words for meeting types. */
export const MEETING_TYPE_LABELS: Record<(typeof MEETING_TYPES)[number], string> = {
  check_in: 'Check-in',
  review: 'Review',
  negotiation: 'Negotiation',
  escalation: 'Escalation',
  joint_planning: 'Joint planning',
  other: 'Other',
};

/** Words for how people met. */
export const MEETING_MEDIUM_LABELS: Record<(typeof MEETING_MEDIA)[number], string> = {
  in_person: 'In person',
  teams_meeting: 'Teams meeting',
  video_call: 'Video call',
  phone: 'Phone',
  email_thread: 'E-mail thread',
  chat: 'Chat',
};

/** Words for communication styles. */
export const STYLE_LABELS: Record<(typeof COMMUNICATION_STYLES)[number], string> = {
  formal: 'Formal',
  informal: 'Informal',
  concise: 'Concise',
  detailed: 'Detailed',
  data_driven: 'Data-driven',
  relationship_first: 'Relationship first',
};

/** Words for contact channels. */
export const CHANNEL_LABELS: Record<(typeof CONTACT_CHANNELS)[number], string> = {
  teams_chat: 'Teams chat',
  teams_meeting: 'Teams meeting',
  email: 'E-mail',
  phone: 'Phone',
  in_person: 'In person',
};

/** Words for action statuses. */
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  blocked: 'Blocked',
  cancelled: 'Cancelled',
};

/** Words for agreement statuses. */
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  draft: 'Draft',
  proposed: 'Waiting for acknowledgements',
  agreed: 'Agreed by every party',
  superseded: 'Superseded by a newer version',
};

/** Choices for an Input.ChoiceSet from a label table, in the table's order. */
export function choicesOf<K extends string>(labels: Record<K, string>): { title: string; value: K }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, title]) => ({ title, value }));
}

/** Calendar dates have no zone: they are formatted as the UTC noon of the day. */
const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Instant formatters by zone, built once each (building one costs far more than using it). */
const instantFormats = new Map<string, Intl.DateTimeFormat>();

/** `2026-03-06` as `Fri, 6 Mar 2026`, the way dates read in cards. */
export function formatDate(date: string): string {
  return DATE_FORMAT.format(new Date(`${date}T12:00:00Z`));
}

/** An instant in the reader's time zone, e.g. `Mon, 2 Mar 2026, 10:00 (Europe/London)`. */
export function formatInstant(instant: string, timeZone: string): string {
  let format = instantFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    });
    instantFormats.set(timeZone, format);
  }
  return `${format.format(new Date(instant))} (${timeZone})`;
}
