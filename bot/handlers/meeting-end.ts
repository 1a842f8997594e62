import type { MeetingInput } from '../../core/meetings/meeting';
import type { InsightsReview } from '../../core/meetings/meeting-insights-requests';
import type { PeopleIndex } from '../../core/people/people-resolver';
import type { TeamsUser } from '../../core/people/person';
import type { AdaptiveCard } from '../../cards/card-kit';
import { ACTION_ROWS } from '../../cards/meeting-form-card';
import { insightsMinutes } from '../../cards/meeting-insights-card';
import type { PersonChoice } from '../../cards/people-choices';
import { nameOf } from '../../cards/people-names';
import type { Turn } from '../turn';
import { openMeetingForm } from './forms';

/** What Teams tells of a meeting that just ended, with its scheduled start and Graph id when Teams knows them. */
export interface EndedMeeting {
  readonly title: string;
  readonly endTime: string;
  readonly scheduledStart?: string;
  /** Graph's id of the online meeting: a log made from the form names it, so its AI proposal knows. */
  readonly onlineMeetingId?: string;
}

/** What else fills a Teams meeting's form: the side panel's captures, or Copilot's proposal. */
interface Prefill {
  readonly captured?: { readonly input: Partial<MeetingInput>; readonly people: PeopleIndex };
  readonly proposal?: InsightsReview;
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
  // What attendees captured in the side panel while they met fills the rest, and names the partner.
  const captured = await turn.core.meetingCapture.take(turn.caller.scope);
  return teamsMeetingForm(turn, meeting, attendees, { captured });
}

/**
 * The meeting form of a Teams meeting that has ended and whose Copilot insights are ready: filled as at the
 * meeting's end (title, time, attendees, likely partner), with the AI's action items as agreed actions (owners
 * matched to the meeting's people, due dates empty) and its notes as minutes, for the supervisor to check.
 */
export function proposedMeetingForm(
  turn: Turn,
  proposal: InsightsReview,
  attendees: readonly TeamsUser[],
): Promise<AdaptiveCard> {
  const m = proposal.meeting;
  return teamsMeetingForm(
    turn,
    { title: m.title, endTime: m.endedAt, scheduledStart: m.startedAt, onlineMeetingId: m.onlineMeetingId },
    attendees,
    { proposal },
  );
}

async function teamsMeetingForm(
  turn: Turn,
  meeting: EndedMeeting,
  attendees: readonly TeamsUser[],
  { captured, proposal }: Prefill,
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
  const draft: Partial<MeetingInput> = {
    ...captured?.input,
    ...(meeting.onlineMeetingId
      ? { source: { kind: 'teams_meeting', externalId: meeting.onlineMeetingId } }
      : {}),
    ...(proposal
      ? { minutes: insightsMinutes(proposal.notes, proposal.actions.slice(ACTION_ROWS)) || undefined }
      : {}),
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
  const owners: PersonChoice[] = (captured?.input.actions ?? []).flatMap((a) =>
    'personId' in a.owner
      ? [{ title: nameOf(captured!.people, a.owner.personId), value: a.owner.personId }]
      : [],
  );
  if (!proposal) return openMeetingForm(turn, 'message', draft, people, owners);
  // The AI's owners, matched to these people, are offered first by the owner pickers.
  const matched = proposal.actions.flatMap((a) => {
    if (!a.ownerValue) return [];
    return [
      people.find((p) => p.value === a.ownerValue) ?? { title: a.ownerName ?? '', value: a.ownerValue },
    ];
  });
  return openMeetingForm(turn, 'message', draft, people, matched, {
    proposedActions: proposal.actions.slice(0, ACTION_ROWS).map((a) => ({
      title: a.title,
      ...(a.ownerValue ? { ownerValue: a.ownerValue } : {}),
      ...(a.aiOwnerName ? { aiOwnerName: a.aiOwnerName } : {}),
    })),
    intro:
      "Prefilled from Microsoft 365 Copilot's notes of this meeting. Check each action, its owner and its due " +
      'date, then press Log meeting: nothing is stored until you do.',
  });
}

/** Everyone a proposal's owners can be matched to: the meeting chat's people and the space's partner contacts. */
export async function ownerCandidates(
  turn: Turn,
  attendees: readonly TeamsUser[],
): Promise<{ value: string; displayName: string }[]> {
  const page = await turn.core.partners.list(
    turn.caller.scope,
    { status: 'active' },
    { limit: PARTNERS_CONSIDERED },
  );
  const contacts = page.items.flatMap((p) =>
    p.contacts.flatMap((c) => {
      const person = page.people[c.personId];
      return person ? [{ value: person.id, displayName: person.displayName }] : [];
    }),
  );
  const emails = new Set(contacts.map((c) => page.people[c.value]?.email?.toLowerCase()).filter(Boolean));
  // A contact who joined as a guest is matched as the contact (as the meeting-end form lists them).
  const colleagues = attendees
    .filter((a) => !a.email || !emails.has(a.email.toLowerCase()))
    .map((a) => ({ value: a.aadObjectId, displayName: a.displayName }));
  return [...colleagues, ...contacts];
}
