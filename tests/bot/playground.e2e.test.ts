import type { Browser, Locator, Page } from 'playwright-core';
import { describeInChromium, launchChromium } from '../../testkit/chromium';
import {
  PLAYGROUND_GROUP_CHAT,
  PLAYGROUND_TENANT,
  PLAYGROUND_USERS,
  startPlayground,
  type Playground,
} from '../support/playground';
import {
  choose,
  fillForm,
  newestCard,
  pickPerson,
  PLAYGROUND_WAIT_MS,
  step,
} from '../support/playground-page';
import { startTestApp, type TestApp } from '../../testkit/test-app';

const [ALEX, MEGAN] = PLAYGROUND_USERS as [(typeof PLAYGROUND_USERS)[0], (typeof PLAYGROUND_USERS)[0]];

/**
 * A new user, in Microsoft 365 Agents Playground driven by headless Chromium: install, add a partner, log a
 * meeting with two agreed actions, mark one done from the card, propose an agreement, and acknowledge it as the
 * other party in a second Playground signed in as her. Waits are on visible text, never on time.
 */
describeInChromium('Microsoft 365 Agents Playground, as a new user would', () => {
  let app: TestApp;
  let browser: Browser;
  const playgrounds: Playground[] = [];

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchChromium()]);
  });
  afterAll(async () => {
    await Promise.all(playgrounds.map((p) => p.stop()));
    await browser?.close();
    await app?.close();
  });

  /** Opens a Playground as `who` in a browser page. */
  async function openAs(who: typeof ALEX): Promise<Page> {
    const playground = await startPlayground(`${app.baseUrl}/api/messages`, who);
    playgrounds.push(playground);
    const page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
    page.setDefaultTimeout(PLAYGROUND_WAIT_MS);
    await page.goto(playground.url);
    return page;
  }

  /** Sends a command in the group chat, @mentioning the bot as Teams requires there. */
  async function say(page: Page, text: string): Promise<void> {
    await page.locator('[role=textbox][contenteditable=true]').click();
    await page.keyboard.type('@Partner');
    await page.getByRole('menuitem', { name: 'Partner CRM' }).click();
    await page.keyboard.type(` ${text}`);
    await page.keyboard.press('Enter');
  }

  /** The newest card that shows `text`. */
  const card = newestCard;

  /** Types a date into a date picker and closes its calendar. */
  async function date(box: Locator, value: string): Promise<void> {
    await box.fill(value);
    await box.press('Escape');
  }

  /**
   * Clicks Mark done on the user's action in a meeting card. The card shows the user's own view (Mark done) or
   * everyone's (My actions here, which turns it into the user's), and the Playground may swap one for the other
   * at any moment, since it applies the shared update after the answer and cannot refresh. So each click goes to
   * the button whose name was just read, never to whatever a locator finds a moment later: seen in CI (stop 42,
   * one run of five), a "My actions here" that was read, then re-found as the Mark done that had replaced it,
   * marked the action done a step early. A click on a button that was replaced meanwhile is tried again.
   */
  async function clickMarkDone(meetingCard: Locator): Promise<void> {
    const either = meetingCard.getByRole('button', { name: /^(Mark done|My actions here)$/ }).first();
    for (let attempt = 1; attempt <= 5; attempt++) {
      const button = await either.elementHandle();
      const name = (await button.innerText()).trim();
      const clicked = await button.click().then(
        () => true,
        (err: Error) => {
          if (/not attached/i.test(err.message)) return false;
          throw err;
        },
      );
      if (clicked && name === 'Mark done') return;
      // The user's view replaces the card: wait until this button has gone before looking again.
      if (clicked) await button.waitForElementState('hidden');
      await button.dispose();
    }
    throw new Error('Mark done: the card kept changing and no click reached its Mark done button');
  }

  it('installs, logs a meeting with two actions, marks one done and agrees priorities with another party', async () => {
    const alex = await openAs(ALEX);
    await step(alex, 'install', async () => {
      // The Playground installs the app in personal chat on connect: a new user is welcomed there.
      await alex.getByText('Partner CRM is ready').waitFor();
      await alex.getByText(PLAYGROUND_GROUP_CHAT.name, { exact: true }).click();
    });

    await step(alex, 'add-partner', async () => {
      await say(alex, 'add partner');
      const form = await card(alex, 'Add a service partner');
      const name = form.getByRole('textbox', { name: /^Name/ }).first();
      await fillForm(name, 'Northwind Logistics', async () => {
        await name.fill('Northwind Logistics');
        await choose(
          alex,
          form.getByRole('combobox', { name: /^Kind of partner/ }),
          'External',
          /^External supplier/,
        );
        await pickPerson(alex, form, 0, ALEX.name);
      });
      await form.getByRole('button', { name: 'Add partner' }).click();
      await alex.getByText('Partner added').waitFor();
    });

    await step(alex, 'log-meeting', async () => {
      await say(alex, 'log meeting');
      const form = await card(alex, 'Log a partner meeting');
      const title = form.getByRole('textbox', { name: /^Title/ });
      const what = form.getByRole('textbox', { name: 'What', exact: true });
      const due = form.getByRole('combobox', { name: /^Due/ });
      await fillForm(title, 'Monthly delivery review', async () => {
        await title.fill('Monthly delivery review');
        await choose(alex, form.getByRole('combobox', { name: /^Partner/ }), 'North', /^Northwind/);
        await pickPerson(alex, form, 0, ALEX.name);
        await pickPerson(alex, form, 0, MEGAN.name);
        await what.nth(0).fill('Share revised rota with the contact centre');
        await pickPerson(alex, form, 1, MEGAN.name);
        await date(due.nth(0), '2026-03-06');
        await what.nth(1).fill('Send weekly on-time figures');
        await pickPerson(alex, form, 2, ALEX.name);
        await date(due.nth(1), '2026-03-13');
      });
      await form.getByRole('button', { name: 'Log meeting' }).click();
      const summary = await card(alex, 'Meeting logged');
      await summary.getByText('Share revised rota with the contact centre').waitFor();
      await summary.getByText('Send weekly on-time figures').waitFor();
    });

    await step(alex, 'mark-done', async () => {
      const summary = alex.locator('.ac-adaptiveCard').filter({ hasText: 'Monthly delivery review' }).last();
      await clickMarkDone(summary);
      await alex.getByText('Marked done: Send weekly on-time figures').waitFor();
      await summary.getByText(/Done Mon, 2 Mar 2026/).waitFor();
    });

    await step(alex, 'propose-agreement', async () => {
      await say(alex, 'new agreement');
      const form = await card(alex, 'Propose a conflict-priority agreement');
      await form.getByRole('textbox', { name: /^Title/ }).fill('Peak-season priority');
      await pickPerson(alex, form, 0, ALEX.name);
      await choose(alex, form.getByRole('combobox', { name: /^Partner/ }).first(), 'North', /^Northwind/);
      await pickPerson(alex, form, 1, MEGAN.name);
      await form
        .getByRole('textbox', { name: /internal customer needs/ })
        .fill('Finance wants refunds within 2 days');
      await form
        .getByRole('textbox', { name: /external customer needs/ })
        .fill('Same-day dispatch in December');
      await form
        .getByRole('textbox', { name: /^Priority order/ })
        .fill('Orders promised before 24 December\nRefunds older than 3 days');
      await date(form.getByRole('combobox', { name: /^Review by/ }), '2027-01-31');
      await form.getByRole('button', { name: 'Propose agreement' }).click();
      const agreement = await card(alex, 'Agreement proposed to every party');
      await agreement.getByRole('button', { name: 'Acknowledge for Our team' }).click();
      await alex.getByText('Acknowledged for Our team').waitFor();
    });

    const megan = await openAs(MEGAN);
    await step(megan, 'acknowledge-as-megan', async () => {
      await megan.getByText(PLAYGROUND_GROUP_CHAT.name, { exact: true }).click();
      await say(megan, 'agreements');
      const list = await card(megan, 'Conflict-priority agreements');
      await list.getByText('1 of 2 acknowledged').waitFor();
      await list.getByRole('button', { name: 'Open' }).first().click();
      const hers = await card(megan, 'Peak-season priority');
      await hers.getByRole('button', { name: 'Acknowledge for Northwind Logistics' }).click();
      await megan.getByText('Agreed by every party').waitFor();
      await megan.getByText('✓ Acknowledged by Megan Bowen', { exact: false }).waitFor();
    });

    await step(alex, 'see-agreed', async () => {
      await say(alex, 'agreements');
      const list = await card(alex, 'Conflict-priority agreements');
      await list.getByText(/Agreed by every party/).waitFor();
    });

    // What the Playground showed is what was stored, with its evidence.
    const scope = { tenantId: PLAYGROUND_TENANT, spaceId: `chat:${PLAYGROUND_GROUP_CHAT.id}` };
    const [meeting] = (await app.core.meetings.list(scope, {}, { limit: 5 })).items;
    const view = await app.core.meetings.view(scope, meeting!.id);
    expect(view.actions.map((a) => [a.title, view.people[a.ownerId]?.displayName, a.status])).toEqual([
      ['Share revised rota with the contact centre', MEGAN.name, 'open'],
      ['Send weekly on-time figures', ALEX.name, 'done'],
    ]);
    const [agreement] = (await app.core.agreements.list(scope, {}, { limit: 5 })).items;
    expect(agreement?.status).toBe('agreed');
    await expect(app.core.evidence.verify(scope)).resolves.toMatchObject({ intact: true });
  }, 180_000);
});
