import type { Browser, Page } from 'playwright-core';
import { spaceIdOf } from '../../core/common/scope';
import { describeInChromium, launchChromium } from '../../testkit/chromium';
import { PLAYGROUND_TENANT, PLAYGROUND_USERS, startPlayground, type Playground } from '../support/playground';
import { choose, newestCard, pickPerson, PLAYGROUND_WAIT_MS, step } from '../support/playground-page';
import { startTestApp, type TestApp } from '../../testkit/test-app';

const ALEX = PLAYGROUND_USERS[0]!;
/** The Playground's second mock user: in the tenant, not in Alex's personal chat, never used the app. */
const ADELE = PLAYGROUND_USERS[2]!;

/**
 * Issue 23 as it was found: in personal chat, a new user picks a colleague who has never used the app as a
 * partner's owner, then logs a meeting with an action for them, and names them on the summary card. The Playground submits its mock users' own ids
 * (`user-id-2`) and its roster of a personal chat holds only Alex, so the colleague is kept as a pending person.
 */
describeInChromium('Microsoft 365 Agents Playground: picking a colleague who is not in the chat', () => {
  let app: TestApp;
  let browser: Browser;
  let playground: Playground;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
  });
  afterAll(async () => {
    await playground?.stop();
    await browser?.close();
    await app?.close();
  });

  async function say(page: Page, text: string): Promise<void> {
    await page.locator('[role=textbox][contenteditable=true]').click();
    await page.keyboard.type(text);
    await page.keyboard.press('Enter');
  }

  it('adds a partner owned by that colleague and logs a meeting with an action for them', async () => {
    playground = await startPlayground(`${app.baseUrl}/api/messages`, ALEX);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
    page.setDefaultTimeout(PLAYGROUND_WAIT_MS);
    await page.goto(playground.url);
    await page.getByText('Partner CRM is ready').waitFor();

    await step(page, 'pending-add-partner', async () => {
      await say(page, 'add partner');
      const form = await newestCard(page, 'Add a service partner');
      await form.getByRole('textbox', { name: /^Name/ }).first().fill('Northwind Logistics');
      await choose(page, form.getByRole('combobox', { name: /^Kind of partner/ }), 'External', /^External/);
      await pickPerson(page, form, 0, ADELE.name);
      await form.getByRole('button', { name: 'Add partner' }).click();
      await page.getByText('Partner added').waitFor();
      await newestCard(page, 'Pending person (user-id-2)');
    });

    await step(page, 'pending-log-meeting', async () => {
      await say(page, 'log meeting');
      const form = await newestCard(page, 'Log a partner meeting');
      await form.getByRole('textbox', { name: /^Title/ }).fill('Handover to the new owner');
      await choose(page, form.getByRole('combobox', { name: /^Partner/ }), 'North', /^Northwind/);
      await form
        .getByRole('textbox', { name: 'What', exact: true })
        .nth(0)
        .fill('Introduce yourself to Priya');
      await pickPerson(page, form, 1, ADELE.name);
      const due = form.getByRole('combobox', { name: /^Due/ }).nth(0);
      await due.fill('2026-03-06');
      await due.press('Escape');
      await form.getByRole('button', { name: 'Log meeting' }).click();
      const summary = await newestCard(page, 'Meeting logged');
      await summary.getByText('Introduce yourself to Priya').waitFor();
      await summary
        .getByText(/Pending person \(user-id-2\)/)
        .first()
        .waitFor();
    });

    // Alex knows who that is: he names them on the summary card, and the card shows the name at once.
    await step(page, 'pending-name-person', async () => {
      const summary = await newestCard(page, 'Meeting logged');
      await summary.getByRole('button', { name: 'Name Pending person (user-id-2)' }).first().click();
      await summary
        .getByRole('textbox', { name: /^Their name/ })
        .first()
        .fill('Adele from Facilities');
      await summary.getByRole('button', { name: 'Save name' }).first().click();
      const named = await newestCard(page, 'Saved: shown as Adele from Facilities until Teams names them');
      await named
        .getByText(/Adele from Facilities · due/)
        .first()
        .waitFor();
    });

    // What the Playground showed is what was stored: one pending person, the partner's owner and the action's.
    const scope = { tenantId: PLAYGROUND_TENANT, spaceId: spaceIdOf('personal', ALEX.aadObjectId) };
    const [partner] = (await app.core.partners.list(scope, {}, { limit: 5 })).items;
    const [action] = (await app.core.actions.list(scope, {}, { limit: 5 })).items;
    expect(action?.ownerId).toBe(partner?.relationshipOwnerId);
    const [owner] = await app.store.store.read.people.getMany(scope, [action!.ownerId]);
    expect(owner).toMatchObject({
      pending: true,
      teamsUserId: ADELE.id,
      kind: 'user',
      displayName: 'Adele from Facilities',
      nameTypedBy: expect.stringMatching(/^per_/),
    });
    expect(playground.logs.join('\n')).not.toMatch(/error/i);
  }, 180_000);
});
