import type { Browser, Frame, Page } from 'playwright-core';
import { PLAYGROUND_IDENTITY } from '../../../tab/api/local-identity';
import { aPartnerInput } from '../../../testkit/factories';
import type { TestApp } from '../../../testkit/test-app';
import { describeInChromium, launchChromium } from '../../../testkit/chromium';
import { contextAt, startTabApp, type InPage } from './browser';
import { fakeTeamsHostPage, type HostContext } from './fake-teams-host';

jest.setTimeout(120_000);

/** A teams.microsoft.com address: the test routes it to the fake host page, nothing goes to the network. */
const HOST_URL = 'https://teams.microsoft.com/_partner-crm-test-host';
/**
 * Where the tab appears to be served: Teams loads tabs over https (and an https host page may not frame an http
 * one), so the test routes this origin to the real server on loopback.
 */
const TAB_ORIGIN = 'https://partner-crm.test';
const TEAM_ID = '19:partner-board@thread.tacv2';

describeInChromium('the tab inside a Teams host (teams-js postMessage protocol)', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTabApp();
    const me = PLAYGROUND_IDENTITY.user;
    await app.core.partners.add(
      { scope: { tenantId: PLAYGROUND_IDENTITY.tenantId, spaceId: `team:${TEAM_ID}` }, user: me },
      aPartnerInput({ name: 'Team-only partner', relationshipOwner: { user: me } }),
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** Opens the tab inside the fake Teams host and returns the host page and the tab's frame. */
  async function openInTeams(
    hash: string,
    overrides: Partial<HostContext> = {},
  ): Promise<{ host: Page; tab: Frame }> {
    const context = await contextAt(browser, app, { viewport: { width: 1280, height: 900 } });
    const host = await context.newPage();
    const hostContext: HostContext = {
      locale: 'en-GB',
      theme: 'dark',
      frameContext: 'content',
      tid: PLAYGROUND_IDENTITY.tenantId,
      userObjectId: PLAYGROUND_IDENTITY.user.aadObjectId,
      userPrincipalName: 'alexw@example.com',
      teamId: TEAM_ID,
      channelId: '19:general@thread.tacv2',
      ...overrides,
    };
    await context.route(`${HOST_URL}**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: fakeTeamsHostPage(`${TAB_ORIGIN}/tab/${hash}`, hostContext),
      }),
    );
    await context.route(`${TAB_ORIGIN}/**`, async (route) => {
      const url = route.request().url().replace(TAB_ORIGIN, app.baseUrl);
      await route.fulfill({ response: await route.fetch({ url }) });
    });
    await host.goto(HOST_URL);
    const tab = host.frameLocator('#tab');
    await tab.locator('h1').first().waitFor();
    const frame = host.frames().find((f) => f.url().startsWith(TAB_ORIGIN));
    if (!frame) throw new Error('the tab frame did not load');
    return { host, tab: frame };
  }

  it('shows the team’s board from the Teams context, in Teams’ theme, without the local-mode banner', async () => {
    const { host, tab } = await openInTeams('#/partners');
    await tab.getByTestId('partner-card').filter({ hasText: 'Team-only partner' }).waitFor();
    expect(await tab.getByTestId('local-mode-banner').count()).toBe(0);
    expect(await tab.locator('[data-theme]').first().getAttribute('data-theme')).toBe('dark');
    const calls = (await host.evaluate('window.hostLog.map((c) => c.func)')) as string[];
    expect(calls).toEqual(expect.arrayContaining(['initialize', 'getContext', 'appInitialization.success']));
    await host.close();
  });

  it('follows Teams’ theme changes live: dark to high contrast to default', async () => {
    const { host, tab } = await openInTeams('#/partners');
    const theme = () => tab.locator('[data-theme]').first().getAttribute('data-theme');
    await host.evaluate("window.sendTheme('contrast')");
    await tab.waitForFunction(
      () =>
        (globalThis as unknown as InPage).document
          .querySelector('[data-theme]')
          ?.getAttribute('data-theme') === 'contrast',
    );
    await host.evaluate("window.sendTheme('default')");
    await tab.waitForFunction(
      () =>
        (globalThis as unknown as InPage).document
          .querySelector('[data-theme]')
          ?.getAttribute('data-theme') === 'default',
    );
    expect(await theme()).toBe('default');
    await host.close();
  });

  it('shows a group chat’s board in a chat tab, and a person’s own space in a personal tab', async () => {
    const chat = await openInTeams('#/partners', {
      teamId: undefined,
      channelId: undefined,
      chatId: '19:chat@thread.v2',
    });
    await chat.tab.getByText('No partners yet').waitFor();
    await chat.host.close();
    const personal = await openInTeams('#/mine', { teamId: undefined, channelId: undefined });
    await personal.tab.getByRole('heading', { name: /My work, Alex Wilber/ }).waitFor();
    await personal.host.close();
  });

  it('saves the configuration page through pages.config: the content URL opens the chosen view', async () => {
    const { host, tab } = await openInTeams('#/config', { frameContext: 'settings' });
    await tab.getByLabel('Service chain map').check();
    await host.waitForFunction(
      "window.hostLog.some((c) => c.func === 'settings.setValidityState' && c.args[0] === true)",
    );
    await host.evaluate('window.sendSave()');
    await host.waitForFunction("window.hostLog.some((c) => c.func === 'settings.save.success')");
    const settings = (await host.evaluate(
      "window.hostLog.filter((c) => c.func === 'settings.setSettings').map((c) => c.args[0])",
    )) as { contentUrl: string; entityId: string; suggestedDisplayName: string }[];
    expect(settings.at(-1)).toMatchObject({
      contentUrl: `${TAB_ORIGIN}/tab/#/chain`,
      entityId: 'partner-crm-chain',
      suggestedDisplayName: 'Service chain',
    });
    await host.close();
  });
});
