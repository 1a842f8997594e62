/**
 * bench/reminders' baseline, run as its own process: sends one small card per seeded reminder to the
 * connector at BENCH_SERVICE_URL through botbuilder, paced by the app's rate limiter, round-robin across
 * tenants and owners, with nothing read or written: the fastest the limits and botbuilder allow here.
 * Prints `{"seconds": …}`.
 */
import { CardFactory, MessageFactory } from 'botbuilder';
import { silentLogger } from '../../adapters/logging/json-logger';
import { SlidingWindowRateLimiter } from '../../adapters/rate-limit/sliding-window-rate-limiter';
import { createBotAdapter } from '../../server/bot-adapter';
import { loadConfig } from '../../server/config';
import { seededOwnerAddress } from '../../testkit/reminder-seed';
import { nowMs, round, runPool } from '../bench-kit';

const serviceUrl = process.env.BENCH_SERVICE_URL!;
const tenants = Number(process.env.BENCH_REMINDER_TENANTS);
const owners = Number(process.env.BENCH_REMINDER_OWNERS);
const perOwner = Number(process.env.BENCH_REMINDER_PER_OWNER);

async function main(): Promise<void> {
  const config = loadConfig(
    Object.fromEntries(
      ['TEAMS_RATE_CONVERSATION', 'TEAMS_RATE_TENANT'].flatMap((k) =>
        process.env[k] ? [[k, process.env[k]!]] : [],
      ),
    ),
  );
  const limits = config.reminders;
  const adapter = createBotAdapter(config, silentLogger);
  const limiter = new SlidingWindowRateLimiter((key) =>
    key.startsWith('tenant:') ? limits.tenantLimits : limits.conversationLimits,
  );
  const card = CardFactory.adaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [] });
  const perTenant = owners / tenants;
  const started = nowMs();
  await runPool(owners * perOwner, limits.concurrency * tenants, async (i) => {
    const t = i % tenants;
    const owner = seededOwnerAddress(t, Math.floor(i / tenants) % perTenant, perTenant);
    const release = await limiter.acquire([
      `conversation:${owner.conversationId}`,
      `tenant:${owner.tenantId}`,
    ]);
    await adapter
      .continueConversationAsync(
        '',
        {
          serviceUrl,
          channelId: 'msteams',
          conversation: {
            id: owner.conversationId,
            tenantId: owner.tenantId,
            isGroup: false,
            name: '',
          } as never,
          bot: { id: '28:partner-crm', name: '' },
        },
        async (context) => {
          await context.sendActivity(MessageFactory.attachment(card));
        },
      )
      .finally(release);
  });
  console.log(JSON.stringify({ seconds: round((nowMs() - started) / 1000) }));
}

void main();
