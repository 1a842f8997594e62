import {
  ACTION_STATUS_LABELS,
  CHANNEL_LABELS,
  PARTNER_KIND_LABELS,
  STYLE_LABELS,
} from '../../../cards/labels';

/**
 * Words for the API's enum values, shown to people: the cards' labels where chat and tab say the same (one
 * table each, in cards/labels.ts), and the tab's own shorter or extra words after them.
 */
const WORDS: Record<string, string> = {
  ...PARTNER_KIND_LABELS,
  ...ACTION_STATUS_LABELS,
  ...STYLE_LABELS,
  ...CHANNEL_LABELS,
  draft: 'Draft',
  proposed: 'Proposed',
  agreed: 'Agreed',
  superseded: 'Superseded',
  first_response_time: 'First response time',
  resolution_time: 'Resolution time',
  first_contact_resolution: 'First contact resolution',
  csat: 'Customer satisfaction',
  on_time_delivery: 'On-time delivery',
  at_most: 'at most',
  at_least: 'at least',
  checkin_due: 'Check-in due',
  action_assigned: 'Action assigned to you',
  action_due_soon: 'Action due soon',
  action_due_today: 'Action due today',
  action_overdue: 'Action overdue',
  agreement_review: 'Agreement review',
  sla_review: 'SLA review',
  pending: 'Waiting',
  sending: 'Sending',
  delivered: 'Delivered',
  failed: 'Failed',
  sent: 'Sent',
  retry: 'Will retry',
  stale: 'Conversation gone',
};

/** A value in words: known enum values get their label, anything else loses its underscores. */
export function words(value: string): string {
  return WORDS[value] ?? value.replace(/_/g, ' ').replace(/^\w/, (c) => c.toUpperCase());
}

/** A calendar date (`2026-03-31`) or instant in the user's locale, e.g. "31 Mar 2026". */
export function formatDate(value: string, locale: string): string {
  const date = value.length === 10 ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** An instant with its time, in the user's locale and time zone. */
export function formatDateTime(value: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** Today's date (UTC, as the server judges due dates). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** An SLA target in words: "at most 4 hours". */
export function targetWords(target: { comparator: string; value: number; unit: string }): string {
  return `${words(target.comparator)} ${target.value} ${target.unit}`;
}
