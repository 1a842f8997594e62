import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Core } from '../core/core';
import type { UserDirectory } from '../core/people/user-directory';
import { silentLogger } from '../adapters/logging/json-logger';
import { PartnerBot } from '../bot/partner-bot';
import { apiAccess } from '../server/api-access';
import { createApp } from '../server/app';
import type { GraphFeatures } from '../tab/api/me-routes';
import { createBotAdapter } from '../server/bot-adapter';
import { botAuthentication } from '../server/bot-authentication';
import { exportServices } from '../server/export-services';
import { loadConfig } from '../server/config';
import { projectRoot } from '../server/project-root';
import { openSqliteTestStore, type TestStore } from './test-stores';
import { testCore, type TestCore } from './test-core';

/** The real HTTP server in local mode over a fresh SQLite store, listening on a free loopback port. */
export interface TestApp extends TestCore {
  readonly baseUrl: string;
  readonly store: TestStore;
  close(): Promise<void>;
}

/** Starts the app as `server/main.ts` wires it, but in-process, with a fake clock and sequential ids. */
export async function startTestApp(
  options: {
    store?: TestStore;
    core?: (tc: TestCore) => Core;
    tabRoot?: string;
    /** Environment variables for the configuration (default none: local mode). */
    env?: NodeJS.ProcessEnv;
    /** What Microsoft Graph is connected for, as the tab is told (the Graph jobs themselves do not run). */
    graph?: GraphFeatures;
    /** The organisation's directory people pickers are named from (none unless given). */
    directory?: UserDirectory;
    /** The bot queues ended meetings' attendance, as with GRAPH_ATTENDANCE=on (the job itself does not run). */
    attendanceFromGraph?: boolean;
    /** The bot queues ended meetings' Copilot insights, as with GRAPH_MEETING_INSIGHTS=on (the job does not run). */
    insightsFromGraph?: boolean;
  } = {},
): Promise<TestApp> {
  const store = options.store ?? (await openSqliteTestStore());
  const config = loadConfig(options.env ?? {});
  const tc = testCore(store.store, undefined, '', {
    calendarConnected: options.graph?.calendar,
    localPickerIds: config.localMode,
    directory: options.directory,
  });
  const core = options.core ? options.core(tc) : tc.core;
  const server = createApp({
    core,
    logger: silentLogger,
    bot: {
      adapter: createBotAdapter(config, silentLogger),
      handler: new PartnerBot(core, silentLogger, {
        publicUrl: config.publicUrl,
        linkSecret: config.linkSecret,
        clock: tc.clock,
        attendanceFromGraph: options.attendanceFromGraph,
        insightsFromGraph: options.insightsFromGraph,
      }),
    },
    // Roster calls go to the fake Bot Connector without a token: Entra's token service is not on this machine.
    access: apiAccess(config, core, silentLogger, botAuthentication(loadConfig({}))),
    // The built tab, as `npm run build` leaves it (browser tests build their own copy and pass it).
    tabRoot: options.tabRoot ?? join(projectRoot(), 'dist', 'tab', 'web'),
    exports: exportServices(config, tc.clock, silentLogger),
    graph: options.graph,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...tc,
    core,
    store,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.dispose();
    },
  };
}
