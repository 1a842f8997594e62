import type { MeetingInput } from '../../core/meetings/meeting';
import type { TeamsUser } from '../../core/people/person';
import type { AdaptiveCard } from '../../cards/card-kit';
import { nameOf } from '../../cards/people-names';
import type { Turn } from '../turn';
import { openMeetingForm } from './forms';

/** What Teams tells of a meeting that just ended, with its scheduled start when Teams knows it. */
export interface EndedMeeting {
  readonly title: string;
  readonly endTime: string;
  readonly scheduledStart?: string;
}

/** Partners of the space considered when guessing whom a meeting was with. */
const PARTNERS_CONSIDERED = 100;

const domainOf = (email?: string) => email?.split('@')[1]?.toLowerCase();

/**
 * The meeting form for a meeting that just ended, filled from what Teams knows: its title, when it started
 * and how long it lasted, the people in its chat (partner contacts recognised by e-mail), and the partner it
 * was most likely with: the one chosen in the side panel, else the one whose contacts attended, else the one
 * whose contacts share the attendees' e-mail domains, else the space's only partner. What the side panel
 * captured during the meeting (agreed actions with owners, decisions, the agreement) is filled in too.
 */
export async function endedMeetingForm(
  turn: Turn,
  meeting: EndedMeeting,
  attendees: readonly TeamsUser[],
): Promise<AdaptiveCard> {
  const page = await turn.core.partners.list(
    turn.caller.scope,
    { status: 'active' },
    { limit: PARTNERS_CONSIDERED },
  );
  const emails = new Set(attendees.map((a) => a.email?.toLowerCase()).filter(Boolean));
  const domains = new Set(attendees.map((a) => domainOf(a.email)).filter(Boolean));
  const contactsOf = (partner: (typeof page.items)[number]) =>
    partner.contacts.map((c) => page.people[c.personId]).filter((p) => p !== undefined);

  const scored = page.items.map((partner) => {
    const contacts = contactsOf(partner);
    const attended = contacts.filter((c) => c.email && emails.has(c.email.toLowerCase()));
    const sameDomain = contacts.filter((c) => domains.has(domainOf(c.email)));
    return { partner, attended, score: attended.length * 10 + sameDomain.length };
  });
  const best = scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score)[0];
  const partner = best?.partner ?? (page.items.length === 1 ? page.items[0] : undefined);
  const contactIds = new Set((best?.attended ?? []).map((c) => c.id));
  const contactEmails = new Set((best?.attended ?? []).map((c) => c.email!.toLowerCase()));

  const start =
    meeting.scheduledStart && meeting.scheduledStart < meeting.endTime ? meeting.scheduledStart : undefined;
  const minutes = start ? Math.round((Date.parse(meeting.endTime) - Date.parse(start)) / 60_000) : undefined;
  // What attendees captured in the side panel while they met fills the rest, and names the partner.
  const captured = await turn.core.meetingCapture.take(turn.caller.scope);
  const draft: Partial<MeetingInput> = {
    ...captured?.input,
    title: meeting.title.slice(0, 120),
    occurredAt: start ?? meeting.endTime,
    ...(minutes && minutes > 0 ? { durationMinutes: minutes } : {}),
    medium: 'teams_meeting',
    partnerIds: captured?.input.partnerIds ?? (partner ? [partner.id] : []),
    attendees: [
      ...attendees.filter((a) => !contactEmails.has(a.email?.toLowerCase() ?? '')).map((user) => ({ user })),
      ...[...contactIds].map((personId) => ({ personId })),
    ],
  };
  // The picker names everyone the draft lists, whoever the conversation's first members are.
  const people = [
    ...attendees.map((u) => ({ title: u.displayName, value: u.aadObjectId })),
    ...(best?.attended ?? []).map((c) => ({ title: `${c.displayName} (${partner!.name})`, value: c.id })),
  ];
  const owners = (captured?.input.actions ?? []).flatMap((a) =>
    'personId' in a.owner
      ? [{ title: nameOf(captured!.people, a.owner.personId), value: a.owner.personId }]
      : [],
  );
  return openMeetingForm(turn, 'message', draft, people, owners);
}
