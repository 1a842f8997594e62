/**
 * The JSON shapes the tab's API answers with (`/api/v1`), as the tab reads them. Each record is core's own type,
 * narrowed to the fields the tab uses, so a change in core shows here at compile time. Type-only imports: no
 * core code reaches the page's bundle, and the core files named here (and what they import) must type-check
 * without Node's types, as this program has none. Dates in core's records are already ISO strings, as in JSON.
 */
import type { AgreedAction as CoreAction } from '../../../../core/actions/agreed-action';
import type { PriorityAgreement } from '../../../../core/agreements/priority-agreement';
import type { CalendarState } from '../../../../core/checkins/calendar-sync-repository';
import type { CheckInSchedule } from '../../../../core/checkins/check-in-schedule';
import type { Page } from '../../../../core/common/page';
import type { EvidenceEvent as CoreEvidenceEvent } from '../../../../core/evidence/evidence-event';
import type { Meeting as CoreMeeting } from '../../../../core/meetings/meeting';
import type { MeetingDraftRecord } from '../../../../core/meetings/meeting-draft-repository';
import type { Partner as CorePartner } from '../../../../core/partners/partner';
import type { PartnerHealth } from '../../../../core/partners/partner-health';
import type { Person as CorePerson, TeamsUser } from '../../../../core/people/person';
import type {
  DeliveryAttempt as CoreDeliveryAttempt,
  Reminder as CoreReminder,
} from '../../../../core/reminders/reminder';
import type { ReminderFamily, ReminderPreferences } from '../../../../core/reminders/reminder-preferences';
import type { UnreachableOwner as CoreUnreachableOwner } from '../../../../core/reminders/unreachable-owner';
import type {
  ServiceLevelAgreement,
  SlaReading as CoreSlaReading,
} from '../../../../core/slas/service-level-agreement';

export type { FieldIssue } from '../../../../core/errors';
export type { ActionStatus } from '../../../../core/actions/agreed-action';
export type { PartnerContact } from '../../../../core/partners/partner';
export type { CalendarState, Page, PartnerHealth, ReminderFamily, ReminderPreferences };

/** A person a record mentions. */
export type Person = Pick<
  CorePerson,
  | 'id'
  | 'kind'
  | 'displayName'
  | 'email'
  | 'phone'
  | 'jobTitle'
  | 'aadObjectId'
  | 'partnerId'
  | 'pending'
  | 'nameTypedBy'
>;

/** People by id. */
export type People = Readonly<Record<string, Person>>;

/** A service partner. */
export type Partner = Pick<
  CorePartner,
  | 'id'
  | 'spaceId'
  | 'name'
  | 'kind'
  | 'side'
  | 'chain'
  | 'contacts'
  | 'authorityNotes'
  | 'relationshipOwnerId'
  | 'notes'
  | 'informationSources'
  | 'status'
  | 'version'
>;

/** The board's page of partners. */
export interface PartnerBoardPage extends Page<Partner> {
  readonly people: People;
  readonly health: Readonly<Record<string, PartnerHealth>>;
}

/** A check-in schedule. */
export type CheckIn = Pick<
  CheckInSchedule,
  'id' | 'spaceId' | 'partnerId' | 'ownerId' | 'cadence' | 'nextDueDate' | 'lastCompletedOn' | 'active'
>;

/** One partner with its people, check-in and health. */
export interface PartnerView {
  readonly partner: Partner;
  readonly people: People;
  readonly checkIn?: CheckIn;
  readonly health?: PartnerHealth;
}

/** An agreed action. */
export type AgreedAction = Pick<
  CoreAction,
  | 'id'
  | 'spaceId'
  | 'title'
  | 'ownerId'
  | 'dueDate'
  | 'status'
  | 'meetingId'
  | 'partnerId'
  | 'completionNote'
  | 'completedAt'
  | 'version'
  | 'createdBy'
>;

/** A logged meeting. */
export type Meeting = Pick<
  CoreMeeting,
  'id' | 'title' | 'partnerIds' | 'occurredAt' | 'type' | 'medium' | 'decisions' | 'actionIds' | 'minutes'
>;

/** What a meeting chat's side panel captured so far, with the owners it names. */
export interface MeetingDraft {
  readonly draft?: Pick<
    MeetingDraftRecord,
    'partnerId' | 'agreementId' | 'actions' | 'decisions' | 'version'
  >;
  readonly people: People;
}

/** A conflict-priority agreement, one version of its series. */
export type Agreement = Pick<
  PriorityAgreement,
  | 'id'
  | 'seriesId'
  | 'versionNo'
  | 'title'
  | 'parties'
  | 'scenario'
  | 'priorityRule'
  | 'escalationRoute'
  | 'effectiveFrom'
  | 'reviewDate'
  | 'status'
  | 'supersedesId'
  | 'supersededById'
  | 'acknowledgements'
>;

/** An SLA with a partner. */
export type Sla = Pick<
  ServiceLevelAgreement,
  'id' | 'partnerId' | 'metric' | 'label' | 'target' | 'period' | 'reviewDate' | 'status'
>;

/** A measured SLA reading. */
export type SlaReading = Pick<CoreSlaReading, 'id' | 'periodStart' | 'periodEnd' | 'value' | 'met' | 'note'>;

/** One sealed event of a space's evidence trail. */
export type EvidenceEvent = Pick<
  CoreEvidenceEvent,
  | 'id'
  | 'seq'
  | 'kind'
  | 'subject'
  | 'partnerIds'
  | 'actorId'
  | 'occurredAt'
  | 'recordedAt'
  | 'snapshot'
  | 'criteria'
  | 'hash'
>;

/** Who the API takes the caller to be. */
export interface Me {
  readonly tenantId: string;
  readonly user: TeamsUser;
  readonly personalSpaceId: string;
  /** What Microsoft Graph is connected for: check-ins in Outlook calendars, job titles from the directory. */
  readonly microsoftGraph: { readonly calendar: boolean; readonly people: boolean };
}

/** A page of check-ins, with each one's calendar state when Outlook is connected. */
export type CheckInPage = Page<CheckIn> & {
  readonly people: People;
  readonly calendar?: Readonly<Record<string, CalendarState>>;
};

/** An Adaptive Card's JSON. */
export type CardJson = Readonly<Record<string, unknown>>;

/** One reminder to its owner about one occurrence. */
export type Reminder = Pick<
  CoreReminder,
  | 'id'
  | 'spaceId'
  | 'kind'
  | 'subjectType'
  | 'subjectId'
  | 'occursOn'
  | 'dueAt'
  | 'status'
  | 'attempts'
  | 'nextAttemptAt'
  | 'lastError'
  | 'deliveredAt'
>;

/** An owner nothing reached about work the caller assigned them. */
export type UnreachableOwner = Pick<
  CoreUnreachableOwner,
  'spaceId' | 'subjectId' | 'ownerId' | 'title' | 'date' | 'partnerId' | 'at'
>;

/** One send attempt of a reminder. */
export type DeliveryAttempt = Pick<
  CoreDeliveryAttempt,
  'attempt' | 'at' | 'outcome' | 'route' | 'statusCode' | 'detail'
>;
