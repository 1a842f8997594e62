import type { EvidenceEvent } from './evidence-event';

type Snapshot = Record<string, unknown>;

/** Snapshot fields that hold the one person whose work an event is, besides its actor. */
const WORK_FIELDS = ['requestedBy', 'ownerId'] as const;
/** Snapshot fields that hold one other person the event names. */
const OTHER_PERSON_FIELDS = ['relationshipOwnerId', 'respondentId', 'witnessId'] as const;

function idsIn(s: Snapshot, fields: readonly string[]): string[] {
  return fields.map((field) => s[field]).filter((id): id is string => typeof id === 'string');
}

/** The person ids held by a member of each object in a snapshot list (contacts, parties). */
function idsInList(s: Snapshot, list: string, field: string): string[] {
  const items = Array.isArray(s[list]) ? (s[list] as Snapshot[]) : [];
  return items.map((item) => item[field]).filter((id): id is string => typeof id === 'string');
}

/** Whom an item is about as a learner's work: who did it, asked for it, attended it or owns it. */
export function involvedIdsOf(event: Pick<EvidenceEvent, 'actorId' | 'snapshot'>): string[] {
  const s = event.snapshot as Snapshot;
  const attendees = Array.isArray(s.attendeeIds)
    ? (s.attendeeIds.filter((id) => typeof id === 'string') as string[])
    : [];
  return [event.actorId, ...idsIn(s, WORK_FIELDS), ...attendees];
}

/**
 * Every person an event mentions: those whose work it is ({@link involvedIdsOf}), then relationship owners,
 * respondents, witnesses, partner contacts and the parties' representatives.
 */
export function personIdsOf(event: Pick<EvidenceEvent, 'actorId' | 'snapshot'>): string[] {
  const s = event.snapshot as Snapshot;
  return [
    ...involvedIdsOf(event),
    ...idsIn(s, OTHER_PERSON_FIELDS),
    ...idsInList(s, 'contacts', 'personId'),
    ...idsInList(s, 'parties', 'representativeId'),
    ...idsInList(s, 'attendance', 'personId'),
  ];
}
