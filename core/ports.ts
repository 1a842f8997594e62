import type { ActionReader, ActionRepository } from './actions/action-repository';
import type { AgreementReader, AgreementRepository } from './agreements/agreement-repository';
import type { CheckInReader, CheckInRepository } from './checkins/check-in-repository';
import type { ConversationReader, ConversationRepository } from './conversations/conversation-repository';
import type { IdempotencyRepository } from './common/idempotency-repository';
import type { EvidenceReader, EvidenceRepository } from './evidence/evidence-repository';
import type {
  EvidenceRequestReader,
  EvidenceRequestRepository,
} from './evidence/evidence-request-repository';
import type { ExportRecordRepository } from './export/export-record';
import type { ReminderQueue, ReminderReader, ReminderRepository } from './reminders/reminder-repository';
import type { MeetingReader, MeetingRepository } from './meetings/meeting-repository';
import type { MeetingDraftReader, MeetingDraftRepository } from './meetings/meeting-draft-repository';
import type { AttendanceQueue } from './meetings/attendance-queue';
import type { InsightsProposalReader, MeetingInsightsQueue } from './meetings/meeting-insights-queue';
import type { PartnerReader, PartnerRepository } from './partners/partner-repository';
import type { PersonRepository } from './people/person-repository';
import type { SlaReader, SlaRepository } from './slas/sla-repository';
import type { PrivacyRepository } from './privacy/privacy-repository';
import type { CalendarSyncRepository } from './checkins/calendar-sync-repository';

/** The current time. Injected so tests control it. */
export interface Clock {
  now(): Date;
}

/** Prefixes of generated ids; they say what an id names when it shows up in a log or URL. */
export type IdPrefix =
  | 'per'
  | 'ptn'
  | 'mtg'
  | 'act'
  | 'agr'
  | 'sla'
  | 'rdg'
  | 'chk'
  | 'evt'
  | 'rfl'
  | 'req'
  | 'exp'
  | 'rem'
  | 'prv';

/** Generates unique ids, sortable by creation time. Injected so tests get predictable ids. */
export interface Ids {
  next(prefix: IdPrefix): string;
}

/** Every repository, bound to one transaction. */
export interface Repositories {
  readonly people: PersonRepository;
  readonly partners: PartnerRepository;
  readonly meetings: MeetingRepository;
  readonly actions: ActionRepository;
  readonly agreements: AgreementRepository;
  readonly slas: SlaRepository;
  readonly checkIns: CheckInRepository;
  readonly evidence: EvidenceRepository;
  readonly evidenceRequests: EvidenceRequestRepository;
  readonly exports: ExportRecordRepository;
  readonly reminders: ReminderRepository;
  readonly idempotency: IdempotencyRepository;
  readonly conversations: ConversationRepository;
  readonly privacy: PrivacyRepository;
  readonly calendarSync: CalendarSyncRepository;
  readonly meetingDrafts: MeetingDraftRepository;
  readonly attendanceQueue: AttendanceQueue;
  readonly meetingInsightsQueue: MeetingInsightsQueue;
}

/** Read-only views of committed data, for queries outside a transaction. */
export interface StoreReaders {
  readonly people: Pick<PersonRepository, 'getMany' | 'findByAadObjectId' | 'findByTeamsUserId'>;
  readonly partners: PartnerReader;
  readonly meetings: MeetingReader;
  readonly actions: ActionReader;
  readonly agreements: AgreementReader;
  readonly slas: SlaReader;
  readonly checkIns: CheckInReader;
  readonly evidence: EvidenceReader;
  readonly evidenceRequests: EvidenceRequestReader;
  readonly exports: Pick<ExportRecordRepository, 'findByCode'>;
  readonly reminders: ReminderReader;
  readonly conversations: ConversationReader;
  readonly privacy: Pick<PrivacyRepository, 'evidenceSpaces' | 'auditLog'>;
  readonly calendarSync: Pick<CalendarSyncRepository, 'states'>;
  readonly meetingDrafts: MeetingDraftReader;
  /** Meetings' AI proposals (GRAPH_MEETING_INSIGHTS=on). */
  readonly meetingInsightsQueue: InsightsProposalReader;
}

/** Where state lives. One transaction is one unit of work: all its writes land, or none do. */
export interface Store {
  /** Runs `work` in one transaction, committed when it resolves and rolled back when it throws. */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
  /** Reads of committed data. */
  readonly read: StoreReaders;
  /** The reminder scheduler's queue: claims due reminders across tenants and records outcomes. */
  readonly queue: ReminderQueue;
  /** Finishes in-flight work and releases connections. */
  close(): Promise<void>;
}

/** A read-only connection to a store, for a thread that did not open the store itself. */
export interface StoreReader {
  readonly read: StoreReaders;
  close(): Promise<void>;
}

/** Structured logging for the edges and adapters: a message and plain fields, never secrets. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}
