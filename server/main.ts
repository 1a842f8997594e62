import { hostname } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../core/core';
import { JsonLogger } from '../adapters/logging/json-logger';
import { ExportWorkers } from '../adapters/export/export-workers';
import { openStore, readerLocationOf, sqliteFileIn } from '../adapters/store/open-store';
import { SystemClock } from '../adapters/system/system-clock';
import { UlidIds } from '../adapters/system/ulid-ids';
import { PartnerBot } from '../bot/partner-bot';
import { apiAccess } from './api-access';
import { createApp } from './app';
import { botAuthentication } from './bot-authentication';
import { createBotAdapter } from './bot-adapter';
import { reminderScheduler } from './reminder-scheduler';
import { DataRetention } from '../core/privacy/data-retention';
import { graphJobs, insightsAnnouncer } from './graph-jobs';
import { userDirectory } from './user-directory';
import { appInstaller } from './app-installer';
import { callersDirectory } from './callers-directory';
import { ownProfileOnTabOpen } from './own-profile';
import { PeriodicJob } from './periodic-job';
import { exportServices } from './export-services';
import { ConfigError, loadConfig } from './config';
import { listenUntilStopped } from './lifecycle';
import { projectRoot } from './project-root';
import { sharedLimits } from './shared-limits';

/** Starts the server from the environment; exits with one clear line when the configuration is wrong. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = new JsonLogger(config.logLevel);
  const store = await openStore(config);
  // Started now, so the first long export finds them connected.
  const exportWorkers = new ExportWorkers(readerLocationOf(config), logger);
  void exportWorkers
    .start()
    .catch((err: unknown) => logger.warn('Export workers did not start', { error: String(err) }));
  const clock = new SystemClock();
  const ids = new UlidIds();
  const core = createCore({
    store,
    clock,
    ids,
    calendarConnected: config.graph?.calendar ?? false,
    localPickerIds: config.localMode,
    directory: userDirectory(config, logger),
  });
  const retention = new DataRetention({ store, clock, ids }, config.retention);
  const jobs = [
    new PeriodicJob(
      'retention',
      config.retention.intervalMs,
      () => retention.run().then((r) => ({ ...r })),
      logger,
    ),
    ...graphJobs(config, { store, clock, ids }, logger, insightsAnnouncer(config, core, clock, logger)),
  ];
  // This process's name in reminder and tenant leases.
  const worker = `${hostname()}:${process.pid}`;
  const shared = sharedLimits(config, worker, logger);
  if (shared) jobs.push(shared.renewal);
  // Counted among the living before listening: processes started together then share the tenants from their
  // first claim, instead of the first to claim taking them all and handing them on (2 s pause each).
  await shared?.tenants.renew();
  const scheduler = reminderScheduler({
    config,
    core,
    store,
    clock,
    auth: botAuthentication(config),
    logger,
    installer: appInstaller(config, logger),
    worker,
    tenants: shared?.tenants,
  });
  const access = apiAccess(config, core, logger);
  const server = createApp({
    core,
    logger,
    bot: {
      adapter: createBotAdapter(config, logger),
      handler: new PartnerBot(core, logger, {
        publicUrl: config.publicUrl,
        linkSecret: config.linkSecret,
        clock,
        calendarInOutlook: config.graph?.calendar ?? false,
        attendanceFromGraph: config.graph?.attendance ?? false,
        insightsFromGraph: config.graph?.meetingInsights ?? false,
      }),
    },
    access: shared ? { ...access, limit: shared.callerLimit } : access,
    // `npm run build` bundles the tab's web app here (scripts/build-tab.ts).
    tabRoot: join(projectRoot(), 'dist', 'tab', 'web'),
    exports: exportServices(config, clock, logger, exportWorkers),
    graph: { calendar: config.graph?.calendar ?? false, people: config.graph?.people ?? false },
    onTabOpened: ownProfileOnTabOpen(config, { store, clock }, logger),
    callersDirectory: callersDirectory(config, logger),
  });
  const port = await listenUntilStopped(server, config, logger, async () => {
    await scheduler.stop();
    await Promise.all(jobs.map((job) => job.stop()));
    await exportWorkers.close();
    await shared?.close();
    await store.close();
  });
  scheduler.start();
  for (const job of jobs) job.start();
  logger.info('listening', {
    url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`,
    mode: config.localMode ? 'local (no authentication, loopback only)' : 'entra',
    store: config.databaseUrl ? 'postgresql' : `sqlite ${sqliteFileIn(config.dataDir)}`,
  });
}

main().catch((err: unknown) => {
  process.stderr.write(`Start-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
