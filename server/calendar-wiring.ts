import { AppTokenProvider } from '../adapters/graph/app-token';
import { GraphCalendar } from '../adapters/graph/graph-calendar';
import { createGraphClient } from '../adapters/graph/graph-client';
import { CalendarSync } from '../core/checkins/calendar-sync';
import type { Clock, Logger, Store } from '../core/ports';
import type { Config } from './config';
import { PeriodicJob } from './periodic-job';

/**
 * The calendar sync, when Graph is configured (GRAPH_CALENDAR=on): Graph is reached as the bot's own Entra
 * app, in its home tenant. Without it there is no job, and check-ins live only in the app and its reminders.
 */
export function calendarJobs(
  config: Pick<Config, 'graph' | 'bot'>,
  deps: { store: Store; clock: Clock },
  logger: Logger,
): PeriodicJob[] {
  if (!config.graph) return [];
  const auth = new AppTokenProvider({
    tenantId: config.bot.appTenantId,
    clientId: config.bot.appId,
    clientSecret: config.bot.appPassword,
    authorityUrl: config.graph.authorityUrl,
  });
  const sync = new CalendarSync(
    deps,
    new GraphCalendar(createGraphClient({ baseUrl: config.graph.baseUrl, auth })),
  );
  return [
    new PeriodicJob(
      'calendar sync',
      config.graph.syncIntervalMs,
      () => sync.run().then((r) => ({ ...r })),
      logger,
    ),
  ];
}
