import { seedEvidenceMonth, type EvidenceMonth } from '../support/evidence-month';
import { startTestApp, type TestApp } from '../../testkit/test-app';

/** The data-rights routes: a person downloads what is held about them; a space member erases a contact. */
describe('data rights through the API', () => {
  let app: TestApp;
  let month: EvidenceMonth;

  beforeAll(async () => {
    app = await startTestApp();
    month = await seedEvidenceMonth(app);
  });
  afterAll(async () => app.close());

  const as = (who: EvidenceMonth['learner']) => ({
    'x-dev-user-id': who.user.aadObjectId,
    'x-dev-tenant-id': who.scope.tenantId,
  });

  it('gives a person everything held about them as a JSON download', async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/me/data`, { headers: as(month.learner) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const data = (await res.json()) as any;
    expect(data.person).toMatchObject({
      displayName: 'Alex Wilber',
      aadObjectId: month.learner.user.aadObjectId,
    });
    expect(data.evidence.length).toBeGreaterThan(5);
  });

  it("lets a space's member erase one of its partners' contacts, once", async () => {
    const { partner } = await app.core.partners.view(month.learner.scope, month.partnerIds.northwind);
    const contactId = partner.contacts[1]!.personId;
    const url = `${app.baseUrl}/api/v1/people/${contactId}/erase?spaceId=${encodeURIComponent(month.learner.scope.spaceId)}`;
    const res = await fetch(url, { method: 'POST', headers: as(month.colleague) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      personId: contactId,
      pseudonym: expect.stringMatching(/^Erased contact /),
    });
    const view = await app.core.partners.view(month.learner.scope, month.partnerIds.northwind);
    expect(JSON.stringify(view)).not.toContain('Tomás');
  });

  it('does not erase a colleague through the API', async () => {
    const me = await app.store.store.read.people.findByAadObjectId(
      month.learner.scope,
      month.learner.user.aadObjectId,
    );
    const url = `${app.baseUrl}/api/v1/people/${me!.id}/erase?spaceId=${encodeURIComponent(month.learner.scope.spaceId)}`;
    const res = await fetch(url, { method: 'POST', headers: as(month.colleague) });
    expect(res.status).toBe(404);
  });
});
