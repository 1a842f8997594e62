import { createHash } from 'node:crypto';
import { apiRoutes } from '../../tab/api/api-routes';
import { exportServices } from '../../server/export-services';
import { loadConfig } from '../../server/config';
import { silentLogger } from '../../adapters/logging/json-logger';
import {
  aMeetingInput,
  anAgreementInput,
  anSlaInput,
  aPartnerInput,
  aUser,
  TENANT_B,
} from '../../testkit/factories';
import { seedEvidenceMonth, type EvidenceMonth } from '../support/evidence-month';
import { startTestApp, type TestApp } from '../../testkit/test-app';

/** What a route must answer an intruder: exactly "not found", or its own (empty) data with nothing of ours. */
type Expect = 'not_found' | 'nothing_of_theirs';

interface RouteCase {
  readonly method: string;
  readonly path: string;
  readonly expect: Expect;
  readonly query?: Record<string, string>;
  readonly body?: unknown;
}

/** Routes reached with a credential of their own, not tried here: the signed download link and file upload. */
const NOT_TRIED = new Set(['GET /evidence/download', 'POST /evidence/verify']);

/**
 * Every API route, called by someone who must not reach the learner's space (someone in another tenant using
 * the same space id and even the same user id; and someone in the same tenant working in another team) with
 * the learner's record ids. Each answer is "not found" or the caller's own empty data, no answer holds any of
 * the learner's content, and nothing of the learner's space changes.
 */
describe('API isolation between tenants and teams', () => {
  let app: TestApp;
  let month: EvidenceMonth;
  const ids: Record<string, string> = {};
  /** Content of the learner's space an answer must never contain. */
  const SECRETS = [
    'Northwind',
    'Priya',
    'Tomás',
    'Finance Refunds',
    'Megan Bowen',
    'depot rota',
    'Recovering late',
  ];

  beforeAll(async () => {
    app = await startTestApp();
    month = await seedEvidenceMonth(app);
    const { learner, colleague } = month;
    const scope = learner.scope;
    ids.partner = month.partnerIds.northwind;
    ids.contact = (await app.core.partners.view(scope, ids.partner)).partner.contacts[0]!.personId;
    const meetings = await app.core.meetings.list(scope, {}, { limit: 10 });
    ids.meeting = meetings.items[0]!.id;
    ids.action = (await app.core.actions.list(scope, {}, { limit: 10 })).items[0]!.id;
    ids.agreement = (await app.core.agreements.list(scope, {}, { limit: 10 })).items[0]!.id;
    ids.sla = (await app.core.slas.list(scope, {}, { limit: 10 })).items[0]!.id;
    ids.item = (await app.core.curation.items(scope, {}, { limit: 10 })).items[0]!.id;
    ids.witnessRequest = (
      await app.core.evidenceRequests.requestWitness(learner, {
        itemIds: [ids.item],
        witness: colleague.user,
      })
    ).id;
    ids.feedbackRequest = (
      await app.core.evidenceRequests.requestFeedback(learner, {
        partnerId: ids.partner,
        recipient: colleague.user,
      })
    ).id;
    ids.exportCode = (await app.core.exports.prepare(learner, { format: 'json' })).record.code;
    const [reminder] = (await app.store.raw(
      `SELECT id FROM reminders WHERE tenant_id = '${scope.tenantId}' LIMIT 1`,
    )) as { id: string }[];
    ids.reminder = reminder?.id ?? 'rem_01JZZZZZZZZZZZZZZZZZZZZZZZ';
  });
  afterAll(async () => app.close());

  const cases = (): RouteCase[] => {
    const owner = { user: aUser(7, 'Someone Else') };
    const starr = { situation: 's', task: 't', action: 'a', result: 'r', reflection: 'x' };
    const nf = (method: string, path: string, body?: unknown): RouteCase => ({
      method,
      path,
      expect: 'not_found',
      body,
    });
    const own = (method: string, path: string, extra: Partial<RouteCase> = {}): RouteCase => ({
      method,
      path,
      expect: 'nothing_of_theirs',
      ...extra,
    });
    return [
      own('GET', '/actions'),
      nf('POST', '/actions', { title: 'Ship it', owner, dueDate: '2026-04-01', partnerId: ids.partner }),
      nf('POST', '/actions', { title: 'Ship it', owner, dueDate: '2026-04-01', meetingId: ids.meeting }),
      nf('GET', `/actions/${ids.action}`),
      nf('POST', `/actions/${ids.action}/status`, { status: 'done' }),
      own('GET', '/agreements'),
      nf('POST', '/agreements', anAgreementInput(ids.partner!)),
      nf('GET', `/agreements/${ids.agreement}`),
      nf('POST', `/agreements/${ids.agreement}/acknowledge`, { partyId: 'party-1' }),
      nf('POST', `/agreements/${ids.agreement}/submit`),
      nf('GET', `/cards/action/${ids.action}`),
      nf('GET', `/cards/meeting/${ids.meeting}`),
      own('GET', '/checkins'),
      own('GET', '/evidence'),
      own('GET', '/evidence/coverage'),
      own('GET', '/evidence/export', { query: { format: 'json' } }),
      own('POST', '/evidence/export-links', { body: { format: 'pdf' } }),
      nf('POST', '/evidence/feedback-requests', { partnerId: ids.partner, recipient: owner.user }),
      own('GET', '/evidence/gaps'),
      own('GET', '/evidence/items'),
      nf('GET', `/evidence/items/${ids.item}`),
      nf('POST', `/evidence/items/${ids.item}/criteria`, { add: ['P1'] }),
      nf('POST', '/evidence/reflections', { title: 'Mine now', itemIds: [ids.item], ...starr }),
      nf('POST', '/evidence/reflections/draft', { itemIds: [ids.item] }),
      nf('POST', `/evidence/requests/${ids.witnessRequest}/confirmation`, {
        role: 'Lead',
        statement: 'Saw it',
      }),
      nf('POST', `/evidence/requests/${ids.witnessRequest}/decline`),
      nf('POST', `/evidence/requests/${ids.feedbackRequest}/feedback`, { rating: 1, comment: 'Forged' }),
      own('GET', '/evidence/verify'),
      nf('POST', '/evidence/witness-requests', { itemIds: [ids.item], witness: owner.user }),
      own('GET', '/forms/meeting'),
      own('POST', '/forms/meeting', { body: { data: { partnerId: ids.partner, title: 'Forged' } } }),
      own('GET', '/me'),
      own('GET', '/me/evidence-requests'),
      own('GET', '/me/reminder-preferences'),
      own('GET', '/me/data'),
      nf('POST', `/people/${ids.contact}/erase`),
      own('PUT', '/me/reminder-preferences', { body: { timeZone: 'Europe/London' } }),
      own('GET', '/meetings'),
      own('GET', '/meeting-draft'),
      nf('POST', '/meeting-draft', { kind: 'partner', partnerId: ids.partner }),
      nf('POST', '/meeting-draft', { kind: 'agreement', agreementId: ids.agreement }),
      nf('POST', '/meetings', aMeetingInput(ids.partner!)),
      nf('GET', `/meetings/${ids.meeting}`),
      own('GET', '/partners'),
      own('POST', '/partners', { body: aPartnerInput({ name: 'Their own partner', contacts: [] }) }),
      nf('GET', `/partners/${ids.partner}`),
      nf('PUT', `/partners/${ids.partner}`, {
        ...aPartnerInput({ name: 'Renamed by an intruder', contacts: [] }),
        expectedVersion: 1,
      }),
      nf('POST', `/partners/${ids.partner}/archive`),
      own('GET', '/reminders'),
      own('GET', '/reminders/unreachable-owners'),
      nf('GET', `/reminders/${ids.reminder}/deliveries`),
      own('GET', '/slas'),
      nf('POST', '/slas', anSlaInput(ids.partner!)),
      nf('GET', `/slas/${ids.sla}`),
      nf('GET', `/slas/${ids.sla}/readings`),
      nf('POST', `/slas/${ids.sla}/readings`, {
        periodStart: '2026-03-16',
        periodEnd: '2026-03-31',
        value: 1,
      }),
    ];
  };

  /** Rows of the learner's space in every table that has one, hashed: any change shows. */
  async function spaceFingerprint(): Promise<string> {
    const { tenantId, spaceId } = month.learner.scope;
    const tables = (await app.store.raw(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE '%space_id%' ORDER BY name",
    )) as { name: string }[];
    // The space's records live in many tables; far fewer would mean the query missed them.
    expect(tables.length).toBeGreaterThan(10);
    const hash = createHash('sha256');
    let rowsSeen = 0;
    for (const { name } of tables) {
      const rows = await app.store.raw(
        `SELECT * FROM ${name} WHERE tenant_id = '${tenantId}' AND space_id = '${spaceId}' ORDER BY 1, 2, 3`,
      );
      rowsSeen += rows.length;
      hash.update(`${name}:${JSON.stringify(rows)}`);
    }
    expect(rowsSeen).toBeGreaterThan(30);
    return hash.digest('hex');
  }

  it('has a case for every identified route', () => {
    const services = {
      exports: exportServices(loadConfig({}), app.clock, silentLogger),
      now: () => app.clock.now(),
    };
    const routes = apiRoutes(app.core, services).map((r) => `${r.method} ${r.path}`);
    const covered = new Set(
      cases().map(
        (c) =>
          `${c.method} ${c.path.replace(/\/(?:ptn|mtg|act|agr|sla|evt|req|rem|per)_\w+/g, '/:id').replace(/\/forms\/\w+/, '/forms/:kind')}`,
      ),
    );
    const missing = routes.filter((r) => !covered.has(r) && !NOT_TRIED.has(r));
    expect(missing).toEqual([]);
  });

  const intruders = {
    'someone in another tenant, same space id and user id': () => ({
      headers: { 'x-dev-tenant-id': TENANT_B, 'x-dev-user-id': month.learner.user.aadObjectId },
      spaceId: month.learner.scope.spaceId,
    }),
    'someone in the same tenant, working in another team': () => ({
      headers: { 'x-dev-tenant-id': month.learner.scope.tenantId, 'x-dev-user-id': aUser(7).aadObjectId },
      spaceId: 'team:another-team',
    }),
  };

  describe.each(Object.entries(intruders))('%s', (_who, intruder) => {
    let before: string;
    beforeAll(async () => {
      before = await spaceFingerprint();
    });

    it('is told "not found" or sees only their own data, on every route', async () => {
      const failures: string[] = [];
      const { headers, spaceId } = intruder();
      for (const c of cases()) {
        const query = new URLSearchParams({ ...c.query, spaceId });
        const res = await fetch(`${app.baseUrl}/api/v1${c.path}?${query}`, {
          method: c.method,
          headers: { ...headers, ...(c.body === undefined ? {} : { 'content-type': 'application/json' }) },
          body: c.body === undefined ? undefined : JSON.stringify(c.body),
        });
        const text = await res.text();
        const where = `${c.method} ${c.path}`;
        if (c.expect === 'not_found' && res.status !== 404)
          failures.push(`${where}: ${res.status} ${text.slice(0, 200)}`);
        if (c.expect === 'nothing_of_theirs' && res.status >= 500) failures.push(`${where}: ${res.status}`);
        const leaked = SECRETS.filter((s) => text.includes(s));
        if (leaked.length) failures.push(`${where} shows ${leaked.join(', ')}`);
      }
      expect(failures).toEqual([]);
    });

    it("leaves the learner's space exactly as it was", async () => {
      expect(await spaceFingerprint()).toBe(before);
    });
  });

  it('does not confirm an export code to another tenant', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/evidence/verify`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-tenant-id': TENANT_B },
      body: JSON.stringify({ code: ids.exportCode }),
    });
    expect(await res.json()).toMatchObject({ found: false });
  });
});
