import { describeCadence } from '../checkins/cadence';
import type { EvidenceEvent } from './evidence-event';
import { isRedactedLeaf } from './leaf-commitment';
import { shownSnapshot } from './withheld-text';

/** A line of an item's content: a label and its text. */
export interface ItemDetail {
  readonly label: string;
  readonly value: string;
}

/** What an evidence item says, in words: a one-line title and labelled details. */
export interface ItemDescription {
  readonly title: string;
  readonly details: readonly ItemDetail[];
}

/** Names a person id as the reader should see it (their name, or a pseudonym in a redacted export). */
export type NameOf = (personId: string | undefined) => string;

type Snapshot = Record<string, unknown>;

/** Text of a snapshot value: strings as they are, redacted strings as shown, absent as undefined. */
function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRedactedLeaf(value)) return value.shown ?? '[withheld]';
  if (typeof value === 'number') return String(value);
  return undefined;
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.map(text).filter((t): t is string => t !== undefined && t !== '') : [];
}

/** `third_party_agency` → `third party agency`. */
export function words(value: unknown): string {
  return (text(value) ?? '').replace(/_/g, ' ');
}

function quoted(value: unknown): string {
  return `“${text(value) ?? ''}”`;
}

/** Details without the empty ones. */
function details(...pairs: [string, string | undefined][]): ItemDetail[] {
  return pairs
    .filter((p): p is [string, string] => p[1] !== undefined && p[1] !== '')
    .map(([label, value]) => ({ label, value }));
}

function partnerNames(s: Snapshot): string {
  const partners = Array.isArray(s.partners) ? (s.partners as Snapshot[]) : [];
  return partners.map((p) => text(p.name)).join(', ');
}

function numbered(items: string[]): string | undefined {
  return items.length ? items.map((item, i) => `${i + 1}. ${item}`).join('\n') : undefined;
}

function target(t: unknown): string {
  const { comparator, value, unit } = (t ?? {}) as Snapshot;
  return `${comparator === 'at_most' ? 'at most' : 'at least'} ${text(value)} ${words(unit)}`;
}

/** A partner added, updated or archived: who they are, where they sit in the chain, and whom to talk to. */
function describePartner(
  kind: 'partner.added' | 'partner.updated' | 'partner.archived',
  s: Snapshot,
  nameOf: NameOf,
): ItemDescription {
  const verb = { 'partner.added': 'Added', 'partner.updated': 'Updated', 'partner.archived': 'Archived' }[
    kind
  ];
  const chain = (s.chain ?? {}) as Snapshot;
  const contacts = (Array.isArray(s.contacts) ? (s.contacts as Snapshot[]) : []).map((c) => {
    const roles = [
      c.isDecisionMaker ? 'decision maker' : '',
      c.isEscalationContact ? 'escalation contact' : '',
    ].filter(Boolean);
    return `${nameOf(text(c.personId))} (${text(c.role)}; ${words(c.communicationStyle)} style; prefers ${words(c.preferredChannel)}${roles.length ? `; ${roles.join(', ')}` : ''})`;
  });
  const sources = (Array.isArray(s.informationSources) ? (s.informationSources as Snapshot[]) : []).map(
    (src) => [text(src.label), text(src.url)].filter(Boolean).join(' — '),
  );
  return {
    title: `${verb} partner ${text(s.name)}`,
    details: details(
      ['Kind', `${words(s.kind)} (${text(s.side)})`],
      ['Place in the service chain', `${words(chain.direction)}, stage ${text(chain.stage)}`],
      ['Relationship owner', nameOf(text(s.relationshipOwnerId))],
      ['Contacts', contacts.join('\n') || undefined],
      ['Power and authority', text(s.authorityNotes)],
      ['Notes', text(s.notes)],
      ['Information sources', sources.join('\n') || undefined],
    ),
  };
}

/** A logged meeting: who met, how, and what they decided. */
function describeMeeting(s: Snapshot, nameOf: NameOf): ItemDescription {
  return {
    title: `Logged ${words(s.type)} meeting ${quoted(s.title)} with ${partnerNames(s)}`,
    details: details(
      ['Medium', words(s.medium)],
      ['Duration', s.durationMinutes === undefined ? undefined : `${text(s.durationMinutes)} minutes`],
      [
        'Attendees',
        list(s.attendeeIds)
          .map((id) => nameOf(id))
          .join(', ') || undefined,
      ],
      ['Minutes', text(s.minutes)],
      ['Decisions', numbered(list(s.decisions))],
      ['Issues raised', numbered(list(s.issuesRaised))],
      ['Customer impact', text(s.customerImpact)],
      ['Agreed actions', list(s.actionIds).length ? `${list(s.actionIds).length}` : undefined],
    ),
  };
}

/** Who attended a Teams meeting and for how long, colleagues and partners apart, from its attendance report. */
function describeAttendance(s: Snapshot, nameOf: NameOf): ItemDescription {
  const rows = Array.isArray(s.attendance) ? (s.attendance as Snapshot[]) : [];
  const line = (r: Snapshot) =>
    `${r.personId === undefined ? 'A guest' : nameOf(text(r.personId))}: ${Math.round(Number(r.seconds) / 60)} min`;
  const side = (which: string) =>
    rows
      .filter((r) => r.side === which)
      .map(line)
      .join(', ') || undefined;
  return {
    title: `Attendance of the Teams meeting of ${text(s.meetingStart)}`,
    details: details(
      ['Meeting', `${text(s.meetingStart)} to ${text(s.meetingEnd)}`],
      ['Colleagues', side('internal')],
      ['External', side('external')],
    ),
  };
}

/** A conflict-priority agreement at one step of its life: the parties, the scenario and the rule. */
function describeAgreement(
  kind: 'agreement.drafted' | 'agreement.proposed' | 'agreement.agreed' | 'agreement.superseded',
  s: Snapshot,
): ItemDescription {
  const verb = kind.split('.')[1]!;
  const scenario = (s.scenario ?? {}) as Snapshot;
  const parties = (Array.isArray(s.parties) ? (s.parties as Snapshot[]) : [])
    .map((p) => text(p.name))
    .join(', ');
  return {
    title: `Conflict-priority agreement ${quoted(s.title)} ${verb} (version ${text(s.versionNo)})`,
    details: details(
      ['Parties', parties],
      ['Internal customer demand', text(scenario.internalDemand)],
      ['External customer demand', text(scenario.externalDemand)],
      ['Scenario', text(scenario.description)],
      ['Priority rule', numbered(list(s.priorityRule))],
      ['Rationale', text(s.rationale)],
      ['Escalation route', numbered(list(s.escalationRoute))],
      ['Effective', `${text(s.effectiveFrom)}, review by ${text(s.reviewDate)}`],
    ),
  };
}

/** Describes an evidence event for people: the tab's evidence view and every export format use this. */
export function describeEvent(
  event: Pick<EvidenceEvent, 'kind' | 'snapshot'>,
  nameOf: NameOf,
): ItemDescription {
  // Text withheld by an erasure reads as what is shown in its place.
  const s = shownSnapshot(event.snapshot) as Snapshot;
  switch (event.kind) {
    case 'partner.added':
    case 'partner.updated':
    case 'partner.archived':
      return describePartner(event.kind, s, nameOf);
    case 'meeting.logged':
      return describeMeeting(s, nameOf);
    case 'action.created':
      return {
        title: `Agreed action ${quoted(s.title)}`,
        details: details(['Owner', nameOf(text(s.ownerId))], ['Due', text(s.dueDate)]),
      };
    case 'action.status_changed':
      return {
        title: `Action ${quoted(s.title)} moved from ${words(s.from)} to ${words(s.to)}`,
        details: details(['Owner', nameOf(text(s.ownerId))], ['Note', text(s.note)]),
      };
    case 'agreement.acknowledged':
      return {
        title: `${text(s.partyName)} acknowledged the agreement ${quoted(s.title)} (version ${text(s.versionNo)})`,
        details: details(['Comment', text(s.comment)]),
      };
    case 'agreement.drafted':
    case 'agreement.proposed':
    case 'agreement.agreed':
    case 'agreement.superseded':
      return describeAgreement(event.kind, s);
    case 'sla.defined':
      return {
        title: `Agreed an SLA with ${text(s.partnerName)}: ${text(s.label) ?? words(s.metric)} ${target(s.target)} (${words(s.period)})`,
        details: details(['Review date', text(s.reviewDate)]),
      };
    case 'sla.reading_recorded':
      return {
        title: `SLA reading ${text(s.label) ?? words(s.metric)}: ${text(s.value)} (${s.met ? 'met' : 'missed'} the target of ${target(s.target)})`,
        details: details(
          ['Period', `${text(s.periodStart)} to ${text(s.periodEnd)}`],
          ['Note', text(s.note)],
        ),
      };
    case 'checkin.scheduled': {
      const cadence = (s.cadence ?? {}) as { every: number; unit: 'day' | 'week' | 'month' };
      return {
        title: `Check-ins with ${text(s.partnerName)} ${describeCadence(cadence)}`,
        details: details(['Owner', nameOf(text(s.ownerId))], ['Next due', text(s.nextDueDate)]),
      };
    }
    case 'meeting.attended':
      return describeAttendance(s, nameOf);
    case 'checkin.completed':
      return {
        title: `Checked in with ${text(s.partnerName)}`,
        details: details(['Completed on', text(s.completedOn)], ['Next due', text(s.nextDueDate)]),
      };
    case 'evidence.criteria_changed':
      return {
        title: 'Changed the criteria of an item',
        details: details(
          ['Added', list(s.added).join(', ') || undefined],
          ['Removed', list(s.removed).join(', ') || undefined],
        ),
      };
    case 'reflection.written':
      return {
        title: `STARR reflection ${quoted(s.title)}`,
        details: details(
          ['Situation', text(s.situation)],
          ['Task', text(s.task)],
          ['Action', text(s.action)],
          ['Result', text(s.result)],
          ['Reflection', text(s.reflection)],
        ),
      };
    case 'feedback.received':
      return {
        title: `Feedback from ${nameOf(text(s.respondentId))} on working with ${text(s.partnerName)}: ${text(s.rating)} out of 5`,
        details: details(['Question', text(s.question)], ['Comment', text(s.comment)]),
      };
    case 'witness.confirmed':
      return {
        title: `${nameOf(text(s.witnessId))}, ${text(s.role)}, confirmed ${list(s.eventIds).length} item(s) as a witness`,
        details: details(['Statement', text(s.statement)]),
      };
  }
}
