import type { Browser, Frame, Page } from 'playwright-core';
import { PLAYGROUND_IDENTITY } from '../../../tab/api/local-identity';
import { aMeetingInput, anAgreementInput, aPartnerInput } from '../../../testkit/factories';
import type { TestApp } from '../../../testkit/test-app';
import { describeInChromium, launchChromium } from '../../../testkit/chromium';
import { contextAt, seriousAxeViolations, startTabApp } from './browser';
import { fakeTeamsHostPage, type HostContext } from './fake-teams-host';

jest.setTimeout(180_000);

/** A teams.microsoft.com address: routed to the fake host page, nothing goes to the network. */
const HOST_URL = 'https://teams.microsoft.com/_partner-crm-meeting-host';
/** Where the tab appears to be served over https; routed to the real server on loopback. */
const TAB_ORIGIN = 'https://partner-crm.test';
const MEETING_CHAT = '19:meeting_NzM0YjVhMjktOGQxNS00ZWY4LWI2ZGMtNjQyZjA1ZTdhNWQw@thread.v2';
/** Teams' side panel is 280–320 px wide; the frame is the middle of that. */
const SIDE_PANEL = { width: 300, height: 760 };

describeInChromium('the tab in a meeting’s side panel, inside a Teams-like host', () => {
  let app: TestApp;
  let browser: Browser;
  const me = PLAYGROUND_IDENTITY.user;
  const scope = { tenantId: PLAYGROUND_IDENTITY.tenantId, spaceId: `chat:${MEETING_CHAT}` };

  beforeAll(async () => {
    app = await startTabApp();
    const caller = { scope, user: me };
    const { partner } = await app.core.partners.add(
      caller,
      aPartnerInput({ name: 'Northwind Logistics', relationshipOwner: { user: me } }),
    );
    await app.core.partners.add(caller, aPartnerInput({ name: 'Contoso Facilities', contacts: [] }));
    await app.core.meetings.log(
      caller,
      aMeetingInput(partner.id, {
        title: 'November delivery review',
        occurredAt: '2026-11-18T10:00:00Z',
        attendees: [{ user: me }],
        actions: [{ title: 'Send weekly on-time figures', owner: { user: me }, dueDate: '2026-11-27' }],
      }),
    );
    await app.core.agreements.propose(
      caller,
      anAgreementInput(partner.id, { title: 'Peak-season priority' }),
    );
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function openSidePanel(theme: HostContext['theme']): Promise<{ host: Page; tab: Frame }> {
    const context = await contextAt(browser, app, { viewport: { width: 420, height: 800 } });
    const host = await context.newPage();
    const hostContext: HostContext = {
      locale: 'en-GB',
      theme,
      frameContext: 'sidePanel',
      tid: PLAYGROUND_IDENTITY.tenantId,
      userObjectId: me.aadObjectId,
      userPrincipalName: 'alexw@example.com',
      chatId: MEETING_CHAT,
      meetingId: 'MCMxOTptZWV0aW5nX056TTBZalZoTWprdE9HUXhOUzAw',
    };
    await context.route(`${HOST_URL}**`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        // The configured tab's content URL opens the board; the side panel's frame context turns it into the panel.
        body: fakeTeamsHostPage(`${TAB_ORIGIN}/tab/#/partners`, hostContext, SIDE_PANEL),
      }),
    );
    await context.route(`${TAB_ORIGIN}/**`, async (route) => {
      const url = route.request().url().replace(TAB_ORIGIN, app.baseUrl);
      await route.fulfill({ response: await route.fetch({ url }) });
    });
    await host.goto(HOST_URL);
    await host.frameLocator('#tab').getByRole('heading', { name: 'In this meeting' }).waitFor();
    const tab = host.frames().find((f) => f.url().startsWith(TAB_ORIGIN));
    if (!tab) throw new Error('the tab frame did not load');
    return { host, tab };
  }

  /** Whether anything in the tab is wider than its frame (a horizontal scrollbar in the side panel). */
  const overflows = (tab: Frame) =>
    tab.evaluate(() => {
      const doc = (
        globalThis as unknown as {
          document: { documentElement: { scrollWidth: number; clientWidth: number } };
        }
      ).document;
      return doc.documentElement.scrollWidth > doc.documentElement.clientWidth;
    });

  it('shows the partner’s open actions, agreements and last meeting, and captures what is agreed', async () => {
    const { host, tab } = await openSidePanel('dark');
    expect(await tab.locator('[data-theme]').first().getAttribute('data-theme')).toBe('dark');
    // No board navigation squeezed into the panel.
    expect(await tab.getByRole('tablist').count()).toBe(0);

    await tab.getByLabel('Partner you are meeting').selectOption({ label: 'Northwind Logistics' });
    const actions = tab.getByRole('region', { name: /Open actions/ });
    await actions.getByText('Send weekly on-time figures').waitFor();
    await actions.getByText('Overdue').waitFor();
    await tab
      .getByRole('region', { name: /Current agreements/ })
      .getByText('Peak-season priority')
      .waitFor();
    const last = tab.getByRole('region', { name: 'Last meeting' });
    await last.getByText(/November delivery review/).waitFor();
    await last.getByText('Depot rota returns to two shifts from 9 March').waitFor();

    await tab.getByRole('button', { name: 'Decision' }).click();
    await tab.getByRole('textbox', { name: 'Decision' }).fill('Weekend deliveries move to Saturday mornings');
    await tab.getByRole('button', { name: 'Add decision' }).click();
    const captured = tab.getByTestId('captured');
    await captured.getByText('Decided: Weekend deliveries move to Saturday mornings').waitFor();

    await tab.getByRole('button', { name: 'Agreed action' }).click();
    const form = tab.getByRole('group', { name: 'meeting-action form' });
    await form.getByLabel('What').fill('Share the Saturday rota with the contact centre');
    await form.getByLabel('Due').fill('2026-12-09');
    await form.getByRole('button', { name: 'Agree action' }).click();
    await form.getByText(/Captured for this meeting: Share the Saturday rota/).waitFor();
    await captured.getByText('Share the Saturday rota with the contact centre').waitFor();
    expect(await overflows(tab)).toBe(false);

    // What the panel captured is the chat's draft, which the meeting-end form starts from.
    const { draft } = await app.core.meetingCapture.view(scope);
    expect(draft).toMatchObject({
      decisions: ['Weekend deliveries move to Saturday mornings'],
      actions: [{ title: 'Share the Saturday rota with the contact centre', dueDate: '2026-12-09' }],
    });
    expect((await app.core.actions.list(scope, {}, { limit: 10 })).items).toHaveLength(1);
    expect(await seriousAxeViolations(tab)).toEqual([]);
    await host.close();
  });

  it.each(['default', 'contrast'] as const)(
    'is axe clean at side-panel width in Teams’ %s theme',
    async (theme) => {
      const { host, tab } = await openSidePanel(theme);
      await tab.getByTestId('captured').waitFor();
      expect(await tab.locator('[data-theme]').first().getAttribute('data-theme')).toBe(theme);
      expect(await overflows(tab)).toBe(false);
      expect(await seriousAxeViolations(tab)).toEqual([]);
      await host.close();
    },
  );
});
