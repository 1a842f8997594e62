import type { Browser, Page } from 'playwright-core';
import { silentLogger } from '../../adapters/logging/json-logger';
import type { ReminderDispatcher } from '../../core/reminders/reminder-dispatcher';
import { botAuthentication } from '../../server/bot-authentication';
import { loadConfig } from '../../server/config';
import { reminderDispatcher } from '../../server/reminder-scheduler';
import { describeInChromium, launchChromium } from '../../testkit/chromium';
import { aPartnerInput } from '../../testkit/factories';
import { PLAYGROUND_TENANT, PLAYGROUND_USERS, startPlayground, type Playground } from '../support/playground';
import { newestCard, PLAYGROUND_WAIT_MS, step } from '../support/playground-page';
import { startTestApp, type TestApp } from '../../testkit/test-app';

const ALEX = PLAYGROUND_USERS[0]!;
/**
 * The reminder loop as a person sees it in Microsoft 365 Agents Playground: they installed the bot and own a
 * partner with a daily check-in; at their window one check-in card arrives, they snooze it from the card, and
 * it arrives again when the snooze ends. The server's clock is the test's; the dispatcher is the server's own.
 */
describeInChromium('reminders in Microsoft 365 Agents Playground', () => {
  let app: TestApp;
  let browser: Browser;
  let playground: Playground;
  let dispatcher: ReminderDispatcher;
  const alex = { aadObjectId: ALEX.aadObjectId, displayName: ALEX.name };
  const me = { scope: { tenantId: PLAYGROUND_TENANT }, user: alex };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
    const config = loadConfig({});
    dispatcher = reminderDispatcher({
      config,
      core: app.core,
      store: app.store.store,
      clock: app.clock,
      auth: botAuthentication(config),
      logger: silentLogger,
      worker: 'playground-test',
    });
  });
  afterAll(async () => {
    await playground?.stop();
    await browser?.close();
    await app?.close();
  });

  const pending = async () =>
    (await app.core.reminders.mine(me.scope, alex, { limit: 20 })).items.filter(
      (r) => r.status === 'pending',
    );
  const checkInCards = (page: Page) =>
    page.locator('.ac-adaptiveCard').filter({ hasText: 'Check in with Northwind Logistics' });

  it('delivers one check-in card at the window, snoozes it from the card, and delivers it again a day later', async () => {
    // Monday 2 March 2026, 08:00 UTC.
    app.clock.set('2026-03-02T08:00:00Z');
    playground = await startPlayground(`${app.baseUrl}/api/messages`, ALEX);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
    page.setDefaultTimeout(PLAYGROUND_WAIT_MS);
    await page.goto(playground.url);

    await step(page, 'reminder-install', async () => {
      await page.getByText('Partner CRM is ready').waitFor();
    });
    await app.core.partners.add(
      { scope: { ...me.scope, spaceId: `personal:${ALEX.aadObjectId}` }, user: alex },
      aPartnerInput({ relationshipOwner: { user: alex }, checkInCadence: { every: 1, unit: 'day' } }),
    );

    await step(page, 'reminder-first', async () => {
      const [due] = await pending();
      app.clock.set(new Date(new Date(due!.dueAt).getTime() - 1000));
      expect(await dispatcher.tick()).toBe(0);
      app.clock.set(due!.dueAt);
      expect(await dispatcher.tick()).toBe(1);
      const card = await newestCard(page, 'Check in with Northwind Logistics');
      await card.getByText('Check-in due').waitFor();
      expect(await checkInCards(page).count()).toBe(1);
    });

    await step(page, 'reminder-snooze', async () => {
      const card = await newestCard(page, 'Check in with Northwind Logistics');
      await card.getByRole('button', { name: 'Snooze 1 day' }).click();
      await page.getByText(/Snoozed\. We will remind you again on/).waitFor();
      // The card became the confirmation.
      expect(await checkInCards(page).count()).toBe(0);
    });

    await step(page, 'reminder-again', async () => {
      const [repeat] = await pending();
      expect(repeat!.occursOn).toBe('2026-03-04');
      app.clock.set(new Date(new Date(repeat!.dueAt).getTime() - 1000));
      expect(await dispatcher.tick()).toBe(0);
      app.clock.set(repeat!.dueAt);
      expect(await dispatcher.tick()).toBe(1);
      await checkInCards(page).first().waitFor();
      expect(await checkInCards(page).count()).toBe(1);
    });
  }, 120_000);
});
