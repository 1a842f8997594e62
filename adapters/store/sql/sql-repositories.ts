import type { Repositories } from '../../../core/ports';
import { ActionSqlRepository } from './action-sql-repository';
import { AttendanceQueueSqlRepository } from './attendance-queue-sql-repository';
import { MeetingInsightsSqlRepository } from './meeting-insights-sql-repository';
import { CalendarSyncSqlRepository } from './calendar-sync-sql-repository';
import { AgreementSqlRepository } from './agreement-sql-repository';
import { CheckInSqlRepository } from './check-in-sql-repository';
import { ConversationSqlRepository } from './conversation-sql-repository';
import { EvidenceSqlRepository } from './evidence-sql-repository';
import { EvidenceRequestSqlRepository } from './evidence-request-sql-repository';
import { ExportRecordSqlRepository } from './export-record-sql-repository';
import { IdempotencySqlRepository } from './idempotency-sql-repository';
import { MeetingDraftSqlRepository } from './meeting-draft-sql-repository';
import { MeetingSqlRepository } from './meeting-sql-repository';
import { PartnerSqlRepository } from './partner-sql-repository';
import { PersonSqlRepository } from './person-sql-repository';
import { PrivacySqlRepository } from './privacy-sql-repository';
import { ReminderSqlRepository } from './reminder-sql-repository';
import { SlaSqlRepository } from './sla-sql-repository';
import type { SqlExecutor } from './sql-executor';

/** Every repository over one executor (a transaction's connection, or the read connection). */
export function sqlRepositories(db: SqlExecutor): Repositories {
  return {
    people: new PersonSqlRepository(db),
    partners: new PartnerSqlRepository(db),
    meetings: new MeetingSqlRepository(db),
    actions: new ActionSqlRepository(db),
    agreements: new AgreementSqlRepository(db),
    slas: new SlaSqlRepository(db),
    checkIns: new CheckInSqlRepository(db),
    evidence: new EvidenceSqlRepository(db),
    evidenceRequests: new EvidenceRequestSqlRepository(db),
    exports: new ExportRecordSqlRepository(db),
    idempotency: new IdempotencySqlRepository(db),
    conversations: new ConversationSqlRepository(db),
    reminders: new ReminderSqlRepository(db),
    privacy: new PrivacySqlRepository(db),
    calendarSync: new CalendarSyncSqlRepository(db),
    meetingDrafts: new MeetingDraftSqlRepository(db),
    attendanceQueue: new AttendanceQueueSqlRepository(db),
    meetingInsightsQueue: new MeetingInsightsSqlRepository(db),
  };
}
