/**
 * One server for the bot-turn benchmark, in its own process so the load generator does not share its thread:
 * `turn-server.ts bot|echo|stock-echo sqlite|postgres <users>`. Prints one JSON line with its URL (and, for the
 * bot, the partner of each benchmark user's space), then serves until killed, answering "usage" on its IPC channel
 * with its CPU time and event-loop utilisation.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ActivityHandler, type InvokeResponse, type TurnContext } from 'botbuilder';
import { silentLogger } from '../../adapters/logging/json-logger';
import { PostgresStore } from '../../adapters/store/postgres/postgres-store';
import { SqliteStore } from '../../adapters/store/sqlite/sqlite-store';
import { SystemClock } from '../../adapters/system/system-clock';
import { UlidIds } from '../../adapters/system/ulid-ids';
import { PartnerBot } from '../../bot/partner-bot';
import { createCore } from '../../core/core';
import { spaceIdOf } from '../../core/common/scope';
import type { Store } from '../../core/ports';
import { createApp } from '../../server/app';
import { apiAccess } from '../../server/api-access';
import { createBotAdapter, type BotAdapter } from '../../server/bot-adapter';
import { exportServices } from '../../server/export-services';
import { botEndpoint } from '../../server/bot-endpoint';
import { loadConfig } from '../../server/config';
import { aPartnerInput } from '../../testkit/factories';
import { BENCH_DATABASE_URL } from '../bench-kit';
import { stockEchoServer } from './stock-echo';
import { BENCH_TENANT, benchUser } from './turn-activities';

/** The baseline: botbuilder's ActivityHandler answering the same invoke with a fixed message, no work at all. */
class EchoBot extends ActivityHandler {
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const verb = (context.activity.value as { action?: { verb?: string } })?.action?.verb;
    return {
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: `echo ${verb}` },
    };
  }
}

/** The echo bot behind the app's own adapter and endpoint, as the bot is served. */
function appEchoServer(adapter: BotAdapter): Server {
  const endpoint = botEndpoint(adapter, new EchoBot(), silentLogger);
  return createServer((req, res) => void endpoint(req, res));
}

async function openStore(kind: string): Promise<Store> {
  if (kind === 'sqlite')
    return SqliteStore.open(join(mkdtempSync(join(tmpdir(), 'bench-turn-')), 'bench.sqlite'));
  return PostgresStore.open({
    connectionString: BENCH_DATABASE_URL,
    schema: process.argv[5]!,
    maxConnections: 16,
  });
}

async function main(): Promise<void> {
  const [kind, storeKind, usersArg] = process.argv.slice(2);
  const config = loadConfig({});
  const adapter = createBotAdapter(config, silentLogger);
  if (kind === 'echo' || kind === 'stock-echo') {
    const server = kind === 'echo' ? appEchoServer(adapter) : stockEchoServer(new EchoBot());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    process.stdout.write(
      `${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })}\n`,
    );
    return;
  }
  const store = await openStore(storeKind!);
  const clock = new SystemClock();
  const core = createCore({ store, clock, ids: new UlidIds() });
  const partners: string[] = [];
  for (let n = 0; n < Number(usersArg); n++) {
    const u = benchUser(n);
    const caller = {
      scope: { tenantId: BENCH_TENANT, spaceId: spaceIdOf('personal', u.aadObjectId) },
      user: { aadObjectId: u.aadObjectId, displayName: u.name },
    };
    const { partner } = await core.partners.add(
      caller,
      aPartnerInput({ relationshipOwner: { user: caller.user }, checkInCadence: { every: 2, unit: 'week' } }),
    );
    partners.push(partner.id);
  }
  const server = createApp({
    core,
    logger: silentLogger,
    bot: {
      adapter,
      handler: new PartnerBot(core, silentLogger, {
        publicUrl: config.publicUrl,
        linkSecret: config.linkSecret,
        clock,
      }),
    },
    access: apiAccess(config, core, silentLogger),
    tabRoot: tmpdir(),
    exports: exportServices(config, clock, silentLogger),
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(
    `${JSON.stringify({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, partners })}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});

// Exit normally on SIGTERM, so a --cpu-prof run writes its profile.
process.on('SIGTERM', () => process.exit(0));

// The benchmark asks, before and after each measurement, for the CPU time this process (every thread of it) has
// used and for how long its main thread has been busy (event-loop utilisation).
process.on('message', (message) => {
  if (message === 'usage')
    process.send!({ cpu: process.cpuUsage(), eventLoop: performance.eventLoopUtilization() });
});
