import { AppTokenProvider } from '../adapters/graph/app-token';
import { GraphAttendance } from '../adapters/graph/graph-attendance';
import { GraphCalendar } from '../adapters/graph/graph-calendar';
import { GraphDirectory } from '../adapters/graph/graph-directory';
import { createGraphClient } from '../adapters/graph/graph-client';
import { CalendarSync } from '../core/checkins/calendar-sync';
import { AttendanceSync } from '../core/meetings/attendance-sync';
import { GraphMeetingInsights } from '../adapters/graph/graph-meeting-insights';
import { SlidingWindowRateLimiter } from '../adapters/rate-limit/sliding-window-rate-limiter';
import { ConnectorClients } from '../bot/notifier/connector-clients';
import { MeetingInsightsAnnouncer } from '../bot/notifier/meeting-insights-announcer';
import type { Core } from '../core/core';
import type { InsightsAnnouncer } from '../core/meetings/meeting-insights';
import { MeetingInsightsSync } from '../core/meetings/meeting-insights-sync';
import { botAuthentication } from './bot-authentication';
import { ProfileRefresh } from '../core/people/profile-refresh';
import type { Clock, Ids, Logger, Store } from '../core/ports';
import type { Config } from './config';
import { PeriodicJob } from './periodic-job';

/**
 * How meetings' chats are told about their AI action items: through the Bot Connector as the bot, under Teams'
 * per-conversation and per-tenant limits (GRAPH_MEETING_INSIGHTS=on; none otherwise).
 */
export function insightsAnnouncer(
  config: Config,
  core: Core,
  clock: Clock,
  logger: Logger,
): InsightsAnnouncer | undefined {
  if (!config.graph?.meetingInsights) return undefined;
  const limits = config.reminders;
  return new MeetingInsightsAnnouncer({
    clients: new ConnectorClients(botAuthentication(config), config.bot.appId),
    core,
    limiter: new SlidingWindowRateLimiter((key) =>
      key.startsWith('tenant:') ? limits.tenantLimits : limits.conversationLimits,
    ),
    clock,
    logger,
  });
}

/**
 * The work done through Microsoft Graph, as the bot's own Entra app in its home tenant: the calendar sync
 * (GRAPH_CALENDAR=on), colleagues' job titles (GRAPH_PEOPLE=on), ended meetings' attendance reports
 * (GRAPH_ATTENDANCE=on) and their Copilot action items (GRAPH_MEETING_INSIGHTS=on, told through `announcer`).
 * Without them there are no such jobs: check-ins live in the app and its reminders, people are named as Teams
 * names them, and meetings are logged from the meeting-end form alone.
 */
export function graphJobs(
  config: Pick<Config, 'graph' | 'bot'>,
  deps: { store: Store; clock: Clock; ids: Ids },
  logger: Logger,
  announcer?: InsightsAnnouncer,
): PeriodicJob[] {
  if (!config.graph) return [];
  const auth = new AppTokenProvider({
    tenantId: config.bot.appTenantId,
    clientId: config.bot.appId,
    clientSecret: config.bot.appPassword,
    authorityUrl: config.graph.authorityUrl,
  });
  const client = createGraphClient({ baseUrl: config.graph.baseUrl, auth });
  const every = config.graph.syncIntervalMs;
  const jobs: PeriodicJob[] = [];
  if (config.graph.calendar) {
    const sync = new CalendarSync(deps, new GraphCalendar(client));
    jobs.push(new PeriodicJob('calendar sync', every, async () => ({ ...(await sync.run()) }), logger));
  }
  if (config.graph.people) {
    const refresh = new ProfileRefresh(deps, new GraphDirectory(client));
    const tenant = { tenantId: config.bot.appTenantId };
    jobs.push(new PeriodicJob('directory profiles', every, () => refresh.run(tenant), logger));
  }
  if (config.graph.attendance) {
    const attendance = new AttendanceSync(deps, new GraphAttendance(client));
    jobs.push(
      new PeriodicJob(
        'meeting attendance',
        every,
        async () => {
          const report = await attendance.run();
          // A refused permission is said once per meeting: its job is held, not retried.
          for (const reason of report.held) logger.warn('meeting attendance held', { reason });
          return { recorded: report.recorded, waiting: report.waiting, held: report.held.length };
        },
        logger,
      ),
    );
  }
  if (config.graph.meetingInsights && announcer) {
    const insights = new MeetingInsightsSync(deps, new GraphMeetingInsights(client), announcer);
    jobs.push(
      new PeriodicJob(
        'meeting AI insights',
        every,
        async () => {
          const report = await insights.run();
          // A refusal is said once per tenant (the sync reports it only the first time), not per meeting or retry.
          for (const reason of report.refused) logger.warn('meeting AI insights refused', { reason });
          return {
            proposed: report.proposed,
            announced: report.announced,
            waiting: report.waiting,
            refused: report.refused.length,
          };
        },
        logger,
      ),
    );
  }
  return jobs;
}
