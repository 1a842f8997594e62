/** The JSON shapes the tab's API answers with (`/api/v1`), as the tab reads them. */

/** One problem with one field of a refused request. */
export interface FieldIssue {
  readonly path: string;
  readonly message: string;
}

/** A page of records and the cursor of the next page. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** A person a record mentions. */
export interface Person {
  readonly id: string;
  readonly kind: 'user' | 'contact';
  readonly displayName: string;
  readonly email?: string;
  readonly phone?: string;
  readonly jobTitle?: string;
  readonly aadObjectId?: string;
  readonly partnerId?: string;
}

/** People by id. */
export type People = Readonly<Record<string, Person>>;

/** A partner's contact: who, and how they like to work with us. */
export interface PartnerContact {
  readonly personId: string;
  readonly role: string;
  readonly communicationStyle: string;
  readonly preferredChannel: string;
  readonly isDecisionMaker: boolean;
  readonly isEscalationContact: boolean;
}

/** A service partner. */
export interface Partner {
  readonly id: string;
  readonly spaceId: string;
  readonly name: string;
  readonly kind: string;
  readonly side: 'internal' | 'external';
  readonly chain: { readonly direction: 'upstream' | 'downstream'; readonly stage: number };
  readonly contacts: readonly PartnerContact[];
  readonly authorityNotes?: string;
  readonly relationshipOwnerId: string;
  readonly notes?: string;
  readonly informationSources: readonly { readonly label: string; readonly url?: string }[];
  readonly status: 'active' | 'archived';
  readonly version: number;
}

/** A partner's health on the board. */
export interface PartnerHealth {
  readonly level: 'good' | 'attention' | 'at_risk';
  readonly checkIn?: { readonly nextDueDate: string; readonly overdueDays: number };
  readonly actions: { readonly open: number; readonly overdue: number };
  readonly slas: { readonly total: number; readonly met: number; readonly missed: number };
  readonly reasons: readonly string[];
}

/** The board's page of partners. */
export interface PartnerBoardPage extends Page<Partner> {
  readonly people: People;
  readonly health: Readonly<Record<string, PartnerHealth>>;
}

/** A check-in schedule. */
export interface CheckIn {
  readonly id: string;
  readonly spaceId: string;
  readonly partnerId: string;
  readonly ownerId: string;
  readonly cadence: { readonly every: number; readonly unit: 'day' | 'week' | 'month' };
  readonly nextDueDate: string;
  readonly lastCompletedOn?: string;
  readonly active: boolean;
}

/** One partner with its people, check-in and health. */
export interface PartnerView {
  readonly partner: Partner;
  readonly people: People;
  readonly checkIn?: CheckIn;
  readonly health?: PartnerHealth;
}

/** Statuses of an agreed action. */
export type ActionStatus = 'open' | 'in_progress' | 'done' | 'blocked' | 'cancelled';

/** An agreed action. */
export interface AgreedAction {
  readonly id: string;
  readonly spaceId: string;
  readonly title: string;
  readonly ownerId: string;
  readonly dueDate: string;
  readonly status: ActionStatus;
  readonly meetingId?: string;
  readonly partnerId?: string;
  readonly completionNote?: string;
  readonly completedAt?: string;
  readonly version: number;
  readonly createdBy: string;
}

/** A logged meeting. */
export interface Meeting {
  readonly id: string;
  readonly title: string;
  readonly partnerIds: readonly string[];
  readonly occurredAt: string;
  readonly type: string;
  readonly medium: string;
  readonly decisions: readonly string[];
  readonly actionIds: readonly string[];
}

/** A conflict-priority agreement, one version of its series. */
export interface Agreement {
  readonly id: string;
  readonly seriesId: string;
  readonly versionNo: number;
  readonly title: string;
  readonly parties: readonly {
    readonly id: string;
    readonly name: string;
    readonly partnerId?: string;
    readonly representativeId?: string;
  }[];
  readonly scenario: { readonly internalDemand: string; readonly externalDemand: string };
  readonly priorityRule: readonly string[];
  readonly escalationRoute: readonly string[];
  readonly effectiveFrom: string;
  readonly reviewDate: string;
  readonly status: 'draft' | 'proposed' | 'agreed' | 'superseded';
  readonly supersedesId?: string;
  readonly supersededById?: string;
  readonly acknowledgements: readonly {
    readonly partyId: string;
    readonly personId: string;
    readonly at: string;
    readonly comment?: string;
  }[];
}

/** An SLA with a partner. */
export interface Sla {
  readonly id: string;
  readonly partnerId: string;
  readonly metric: string;
  readonly label?: string;
  readonly target: {
    readonly comparator: 'at_most' | 'at_least';
    readonly value: number;
    readonly unit: string;
  };
  readonly period: string;
  readonly reviewDate: string;
  readonly status: 'active' | 'retired';
}

/** A measured SLA reading. */
export interface SlaReading {
  readonly id: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly value: number;
  readonly met: boolean;
  readonly note?: string;
}

/** One sealed event of a space's evidence trail. */
export interface EvidenceEvent {
  readonly id: string;
  readonly seq: number;
  readonly kind: string;
  readonly subject: { readonly type: string; readonly id: string };
  readonly partnerIds: readonly string[];
  readonly actorId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly snapshot: Readonly<Record<string, unknown>>;
  readonly criteria: readonly string[];
  readonly hash: string;
}

/** Who the API takes the caller to be. */
export interface Me {
  readonly tenantId: string;
  readonly user: { readonly aadObjectId: string; readonly displayName: string; readonly email?: string };
  readonly personalSpaceId: string;
  /** What Microsoft Graph is connected for: check-ins in Outlook calendars, job titles from the directory. */
  readonly microsoftGraph: { readonly calendar: boolean; readonly people: boolean };
}

/** Where a check-in stands with its owner's Outlook calendar. */
export type CalendarState =
  | { readonly state: 'in_calendar' }
  | { readonly state: 'pending' }
  | { readonly state: 'failing'; readonly problem: string; readonly nextAttemptAt: string };

/** A page of check-ins, with each one's calendar state when Outlook is connected. */
export type CheckInPage = Page<CheckIn> & {
  readonly people: People;
  readonly calendar?: Readonly<Record<string, CalendarState>>;
};

/** An Adaptive Card's JSON. */
export type CardJson = Readonly<Record<string, unknown>>;

/** Families of reminders someone can stop separately. */
export type ReminderFamily = 'checkin' | 'action' | 'review';

/** When and how someone wants reminders. */
export interface ReminderPreferences {
  readonly timeZone: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  /** ISO weekdays, Monday 1 … Sunday 7. */
  readonly weekdays: readonly number[];
  readonly quietDates: readonly string[];
  readonly digest: boolean;
  readonly stopped: readonly ReminderFamily[];
}

/** One reminder to its owner about one occurrence. */
export interface Reminder {
  readonly id: string;
  readonly spaceId: string;
  readonly kind: string;
  readonly subjectType: 'checkin' | 'action' | 'agreement' | 'sla';
  readonly subjectId: string;
  readonly occursOn: string;
  readonly dueAt: string;
  readonly status: 'pending' | 'sending' | 'delivered' | 'failed' | 'cancelled';
  readonly attempts: number;
  readonly nextAttemptAt?: string;
  readonly lastError?: string;
  readonly deliveredAt?: string;
}

/** One send attempt of a reminder. */
export interface DeliveryAttempt {
  readonly attempt: number;
  readonly at: string;
  readonly outcome: 'sent' | 'retry' | 'failed' | 'cancelled' | 'stale';
  readonly route?: 'personal' | 'space';
  readonly statusCode?: number;
  readonly detail?: string;
}
