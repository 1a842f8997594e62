import { AppTokenProvider } from '../../../adapters/graph/app-token';
import { createGraphClient } from '../../../adapters/graph/graph-client';
import { GraphDirectory } from '../../../adapters/graph/graph-directory';
import { GraphPermissionError } from '../../../adapters/graph/graph-failure';
import { ProfileRefresh } from '../../../core/people/profile-refresh';
import { renderMeetingSummaryCard } from '../../../cards/meeting-summary-card';
import { renderPartnerCard } from '../../../cards/partner-card';
import { aCaller, aMeetingInput, aPartnerInput, aUser } from '../../../testkit/factories';
import { FakeGraph } from '../../support/fake-graph';
import { testCore, type TestCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

const DAY = 24 * 60 * 60 * 1000;

/** Job titles from the directory (the real Graph client against a loopback Graph), into people and exports. */
describe(ProfileRefresh.name, () => {
  let store: TestStore;
  let tc: TestCore;
  let graph: FakeGraph;
  let directory: GraphDirectory;
  let refresh: ProfileRefresh;
  const caller = aCaller({ spaceId: 'team:profiles', user: aUser(1, 'Alex Wilber') });

  beforeEach(async () => {
    store = await openSqliteTestStore();
    tc = testCore(store.store, '2026-03-02T08:00:00Z');
    graph = await FakeGraph.start();
    const auth = new AppTokenProvider({
      tenantId: caller.scope.tenantId,
      clientId: '0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
      clientSecret: 'app-secret',
      authorityUrl: graph.baseUrl,
    });
    directory = new GraphDirectory(createGraphClient({ baseUrl: graph.graphUrl, auth }));
    refresh = new ProfileRefresh({ store: store.store, clock: tc.clock }, directory);
    const alex = aUser(1);
    graph.users.set(alex.aadObjectId, {
      id: alex.aadObjectId,
      displayName: 'Alex Wilber',
      mail: 'alex.wilber@contoso.example',
      jobTitle: 'Customer Service Team Leader',
    });
  });
  afterEach(async () => {
    await graph.close();
    await store.dispose();
  });

  it("stores colleagues' job titles, and exports then say who they are", async () => {
    await tc.core.partners.add(caller, aPartnerInput({ name: 'Northwind Logistics' }));
    expect(await refresh.run(caller.scope)).toEqual({ profiles: 1 });
    const me = await store.store.read.people.findByAadObjectId(caller.scope, caller.user.aadObjectId);
    expect(me).toMatchObject({ jobTitle: 'Customer Service Team Leader' });
    const { document } = await tc.core.exports.prepare(caller, { format: 'json' });
    expect(document.header.exportedBy).toBe('Alex Wilber (Customer Service Team Leader)');
    // Asked again only after a week.
    expect(await refresh.run(caller.scope)).toEqual({ profiles: 0 });
    tc.clock.advance(8 * DAY);
    expect(await refresh.run(caller.scope)).toEqual({ profiles: 1 });
  });

  it('names colleagues with their job titles in cards: meeting attendees and relationship owners', async () => {
    const { partner } = await tc.core.partners.add(caller, aPartnerInput({ name: 'Northwind Logistics' }));
    await refresh.run(caller.scope);
    const meeting = await tc.core.meetings.log(caller, aMeetingInput(partner.id, { actions: [] }));
    const summary = JSON.stringify(
      renderMeetingSummaryCard({ view: meeting, timeZone: 'Europe/London', today: '2026-03-02' }),
    );
    // Megan is not in the directory: she is named as Teams names her.
    expect(summary).toContain('Alex Wilber (Customer Service Team Leader), Megan Bowen');
    const view = await tc.core.partners.view(caller.scope, partner.id);
    expect(JSON.stringify(renderPartnerCard({ view, withActions: true }))).toContain(
      'Alex Wilber (Customer Service Team Leader)',
    );
  });

  it('asks for fifteen users a request, only for the fields it needs', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => aUser(100 + i).aadObjectId);
    for (const id of ids.slice(0, 18))
      graph.users.set(id, { id, displayName: 'Someone', jobTitle: 'Planner' });
    const profiles = await directory.profiles(caller.scope.tenantId, ids);
    expect(profiles.size).toBe(18);
    expect(profiles.get(ids[0]!)).toEqual({ jobTitle: 'Planner' });
    const lookups = graph.requests.filter((r) => r === 'GET /v1.0/users');
    expect(lookups).toHaveLength(2);
  });

  it('names the permission an administrator must grant when the directory refuses', async () => {
    graph.failNext({ status: 403 });
    await tc.core.partners.add(caller, aPartnerInput({ name: 'Northwind Logistics' }));
    const run = refresh.run(caller.scope);
    await expect(run).rejects.toBeInstanceOf(GraphPermissionError);
    await expect(run).rejects.toThrow(/User\.Read\.All application permission/);
  });
});
