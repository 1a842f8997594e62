import { initialSchema } from './2026-11-22-01-initial-schema';
import { partnerHealthIndexes } from './2026-11-22-06-partner-health-indexes';
import { conversationReferences } from './2026-11-22-10-conversation-references';
import { evidenceRequestsAndExports } from './2026-11-22-20-evidence-requests-and-exports';
import { reminders } from './2026-11-22-30-reminders';
import { reminderClaimSpread } from './2026-11-22-31-reminder-claim-spread';
import { privacyAudit } from './2026-11-22-40-privacy-audit';
import { calendarSync } from './2026-11-22-50-calendar-sync';
import { peopleProfiles } from './2026-11-22-51-people-profiles';
import { evidenceOutlinePeople } from './2026-11-23-01-evidence-outline-people';
import { pendingPeople } from './2026-11-24-01-pending-people';
import { unreachableOwners } from './2026-12-04-10-unreachable-owners';
import { sharedLimits } from './2026-12-04-20-shared-limits';
import { meetingDraftsAndAttendance } from './2026-12-04-30-meeting-drafts-and-attendance';
import { typedNames } from './2026-12-05-20-typed-names';
import { meetingAiInsights } from './2026-12-05-10-meeting-ai-insights';
import { attendanceOccurrence } from './2026-12-05-30-attendance-occurrence';
import { actionsByMeetingDropped } from './2026-12-06-10-actions-by-meeting-dropped';
import type { Migration } from './migration';

/** Every migration, oldest first. Append new ones at the end; never edit a released one. */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  partnerHealthIndexes,
  conversationReferences,
  evidenceRequestsAndExports,
  reminders,
  reminderClaimSpread,
  privacyAudit,
  calendarSync,
  peopleProfiles,
  evidenceOutlinePeople,
  pendingPeople,
  unreachableOwners,
  sharedLimits,
  meetingDraftsAndAttendance,
  typedNames,
  meetingAiInsights,
  attendanceOccurrence,
  actionsByMeetingDropped,
];
