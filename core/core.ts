import { ActionTracker } from './actions/action-tracker';
import { AgreementBook } from './agreements/agreement-book';
import { CheckInBoard } from './checkins/check-in-board';
import { ConversationBook } from './conversations/conversation-book';
import { EvidenceCuration } from './evidence/evidence-curation';
import { EvidenceRequests } from './evidence/evidence-requests';
import { EvidenceTrail } from './evidence/evidence-trail';
import { EvidenceExporter } from './export/evidence-export';
import { MeetingLog } from './meetings/meeting-log';
import { PartnerBoard } from './partners/partner-board';
import { PartnerDirectory } from './partners/partner-directory';
import { PeopleDirectory } from './people/people-directory';
import { PendingPersonNaming } from './people/pending-person-naming';
import { PersonDataExport } from './privacy/person-data-export';
import { PersonErasure } from './privacy/person-erasure';
import type { UserDirectory } from './people/user-directory';
import type { Clock, Ids, Store } from './ports';
import { RecordSearch } from './search/record-search';
import { MeetingCapture } from './meetings/meeting-capture';
import { AttendanceRequests } from './meetings/attendance-requests';
import { MeetingInsightsRequests } from './meetings/meeting-insights-requests';
import { ReminderBook } from './reminders/reminder-book';
import { SlaRegister } from './slas/sla-register';

/** What core needs to run. */
export interface CoreDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly ids: Ids;
  /** Whether check-ins are also kept in their owners' Outlook calendars (the calendar sync runs). */
  readonly calendarConnected?: boolean;
  /** The organisation's directory, for naming people pickers found anywhere in it (Microsoft Graph). */
  readonly directory?: UserDirectory;
  /** Local mode: people pickers submit a local client's own user ids (Agents Playground's `user-id-2`). */
  readonly localPickerIds?: boolean;
}

/** Every use case of the product, for the edges to call. */
export interface Core {
  readonly partners: PartnerDirectory;
  readonly meetings: MeetingLog;
  readonly actions: ActionTracker;
  readonly agreements: AgreementBook;
  readonly slas: SlaRegister;
  readonly checkIns: CheckInBoard;
  readonly evidence: EvidenceTrail;
  readonly curation: EvidenceCuration;
  readonly evidenceRequests: EvidenceRequests;
  readonly exports: EvidenceExporter;
  readonly reminders: ReminderBook;
  readonly board: PartnerBoard;
  readonly conversations: ConversationBook;
  readonly people: PeopleDirectory;
  /** Names colleagues type for pending people on cards. */
  readonly naming: PendingPersonNaming;
  readonly search: RecordSearch;
  /** What a meeting's side panel captures, for the meeting-end form. */
  readonly meetingCapture: MeetingCapture;
  /** Ended meetings whose attendance is to be read from Graph. */
  readonly attendance: AttendanceRequests;
  /** Ended meetings whose Copilot insights are to be read from Graph, and their proposals for review. */
  readonly meetingInsights: MeetingInsightsRequests;
  /** UK GDPR's rights of access and erasure. */
  readonly personData: PersonDataExport;
  readonly erasure: PersonErasure;
}

/** Builds the use cases over one store, clock and id source. */
export function createCore(deps: CoreDeps): Core {
  return {
    partners: new PartnerDirectory(deps),
    meetings: new MeetingLog(deps),
    actions: new ActionTracker(deps),
    agreements: new AgreementBook(deps),
    slas: new SlaRegister(deps),
    checkIns: new CheckInBoard(deps),
    evidence: new EvidenceTrail(deps),
    curation: new EvidenceCuration(deps),
    evidenceRequests: new EvidenceRequests(deps),
    exports: new EvidenceExporter(deps),
    reminders: new ReminderBook(deps),
    board: new PartnerBoard(deps),
    conversations: new ConversationBook(deps),
    people: new PeopleDirectory(deps),
    naming: new PendingPersonNaming(deps),
    personData: new PersonDataExport(deps),
    erasure: new PersonErasure(deps),
    search: new RecordSearch(deps),
    meetingCapture: new MeetingCapture(deps),
    attendance: new AttendanceRequests(deps),
    meetingInsights: new MeetingInsightsRequests(deps),
  };
}
