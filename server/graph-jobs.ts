import { AppTokenProvider } from '../adapters/graph/app-token';
import { GraphAttendance } from '../adapters/graph/graph-attendance';
import { GraphCalendar } from '../adapters/graph/graph-calendar';
import { GraphDirectory } from '../adapters/graph/graph-directory';
import { createGraphClient } from '../adapters/graph/graph-client';
import { CalendarSync } from '../core/checkins/calendar-sync';
import { AttendanceSync } from '../core/meetings/attendance-sync';
import { ProfileRefresh } from '../core/people/profile-refresh';
import type { Clock, Ids, Logger, Store } from '../core/ports';
import type { Config } from './config';
import { PeriodicJob } from './periodic-job';

/**
 * The work done through Microsoft Graph, as the bot's own Entra app in its home tenant: the calendar sync
 * (GRAPH_CALENDAR=on), colleagues' job titles (GRAPH_PEOPLE=on) and ended meetings' attendance reports
 * (GRAPH_ATTENDANCE=on). Without them there are no such jobs:
 * check-ins live in the app and its reminders, and people are named as Teams names them.
 */
export function graphJobs(
  config: Pick<Config, 'graph' | 'bot'>,
  deps: { store: Store; clock: Clock; ids: Ids },
  logger: Logger,
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
  return jobs;
}
