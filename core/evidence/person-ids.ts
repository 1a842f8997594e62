import type { EvidenceEvent } from './evidence-event';

/** Snapshot fields that hold one person id. */
const PERSON_FIELDS = ['ownerId', 'relationshipOwnerId', 'respondentId', 'witnessId', 'requestedBy'] as const;

/** Every person an event mentions (its actor, owners, attendees, contacts, respondents, witnesses). */
export function personIdsOf(event: Pick<EvidenceEvent, 'actorId' | 'snapshot'>): string[] {
  const s = event.snapshot as Record<string, unknown>;
  const ids = [event.actorId];
  for (const field of PERSON_FIELDS) if (typeof s[field] === 'string') ids.push(s[field] as string);
  if (Array.isArray(s.attendeeIds))
    ids.push(...(s.attendeeIds.filter((id) => typeof id === 'string') as string[]));
  if (Array.isArray(s.contacts))
    for (const c of s.contacts as Record<string, unknown>[])
      if (typeof c.personId === 'string') ids.push(c.personId);
  if (Array.isArray(s.parties))
    for (const p of s.parties as Record<string, unknown>[])
      if (typeof p.representativeId === 'string') ids.push(p.representativeId);
  return ids;
}
