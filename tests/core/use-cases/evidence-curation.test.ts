import { EvidenceCuration } from '../../../core/evidence/evidence-curation';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../../core/errors';
import { aCaller, aMeetingInput, aPartnerInput, aUser } from '../../../testkit/factories';
import { seedEvidenceMonth } from '../../support/evidence-month';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

describe(EvidenceCuration.name, () => {
  let t: TestStore;
  let tc: TestCore;
  beforeAll(async () => {
    t = await openSqliteTestStore();
    tc = testCore(t.store);
  });
  afterAll(async () => t.dispose());

  async function aMeetingItem() {
    const caller = aCaller({ spaceId: aSpace() });
    const { partner } = await tc.core.partners.add(caller, aPartnerInput());
    await tc.core.meetings.log(caller, aMeetingInput(partner.id, { actions: [] }));
    const [item] = (await tc.core.curation.items(caller.scope, { kinds: ['meeting.logged'] }, { limit: 1 }))
      .items;
    return { caller, item: item! };
  }

  it('retags an item as a new event, keeping what was recorded', async () => {
    const { caller, item } = await aMeetingItem();
    const retagged = await tc.core.curation.changeCriteria(caller, {
      eventId: item.id,
      add: ['P4', 'K5'],
      remove: ['K2'],
    });
    expect(retagged.criteria).toEqual(['P3', 'P4', 'P7', 'P8', 'K5']);
    expect(retagged.recordedCriteria).toEqual(['P3', 'P7', 'P8', 'K2']);
    const log = (await tc.core.evidence.list(caller.scope, {}, { limit: 50 })).items;
    expect(log.at(-1)).toMatchObject({
      kind: 'evidence.criteria_changed',
      snapshot: { eventId: item.id, added: ['P4', 'K5'], removed: ['K2'] },
    });
    // Tag changes are about items, not items themselves.
    expect(
      (await tc.core.curation.items(caller.scope, {}, { limit: 50 })).items.some(
        (i) => i.kind === 'evidence.criteria_changed',
      ),
    ).toBe(false);
    await expect(tc.core.evidence.verify(caller.scope)).resolves.toMatchObject({ intact: true });
  });

  it('stores nothing when a retag changes nothing, and refuses unknown codes and items', async () => {
    const { caller, item } = await aMeetingItem();
    const headBefore = await t.store.read.evidence.head(caller.scope);
    await tc.core.curation.changeCriteria(caller, { eventId: item.id, add: ['P8'] });
    expect(await t.store.read.evidence.head(caller.scope)).toEqual(headBefore);
    await expect(
      tc.core.curation.changeCriteria(caller, { eventId: item.id, add: ['P99'] }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      tc.core.curation.changeCriteria(caller, { eventId: 'evt_elsewhere', add: ['P1'] }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('drafts a reflection from its items and records it with their criteria', async () => {
    const month = await seedEvidenceMonth(tc);
    const reflection = (
      await tc.core.curation.items(month.learner.scope, { kinds: ['reflection.written'] }, { limit: 1 })
    ).items[0]!;
    expect(reflection.title).toBe('STARR reflection “Recovering late deliveries with Northwind”');
    expect(reflection.details.map((d) => d.label)).toEqual([
      'Situation',
      'Task',
      'Action',
      'Result',
      'Reflection',
    ]);
    expect(reflection.details[0]!.value).toContain('Logged review meeting “Monthly delivery review”');
    expect(reflection.details[1]!.value).toContain('Two shifts from 9 March');
    expect(reflection.criteria).toEqual(expect.arrayContaining(['P8', 'P13', 'K6']));
  });

  it('covers the criteria the month evidences, and nudges about the quiet ones', async () => {
    const month = await seedEvidenceMonth(tc);
    const coverage = await tc.core.curation.coverage(month.learner.scope);
    const p13 = coverage.criteria.find((c) => c.code === 'P13')!;
    expect(p13.count).toBeGreaterThan(2);
    expect(coverage.gaps).toEqual(expect.arrayContaining(['P4', 'P14']));
    tc.clock.set('2026-05-15T09:00:00Z');
    const nudges = await tc.core.curation.gaps(month.learner.scope, 30);
    expect(nudges[0]).toMatchObject({ code: 'P4', daysSince: undefined });
    expect(nudges.find((n) => n.code === 'P11')).toMatchObject({ daysSince: expect.any(Number) });
  });
});

describe('feedback and witness requests', () => {
  let t: TestStore;
  let tc: TestCore;
  beforeAll(async () => {
    t = await openSqliteTestStore();
    tc = testCore(t.store);
  });
  afterAll(async () => t.dispose());

  it('lets only the person asked answer, once, and stores the answer as partner feedback', async () => {
    const learner = aCaller({ spaceId: aSpace(), user: aUser(1, 'Alex Wilber') });
    const megan = { ...learner, user: aUser(2, 'Megan Bowen') };
    const stranger = { ...learner, user: aUser(3, 'Isaiah Langer') };
    const { partner } = await tc.core.partners.add(learner, aPartnerInput());
    const request = await tc.core.evidenceRequests.requestFeedback(learner, {
      partnerId: partner.id,
      recipient: megan.user,
    });
    const pending = await tc.core.evidenceRequests.pendingFor(
      { tenantId: learner.scope.tenantId },
      megan.user.aadObjectId,
      { limit: 10 },
    );
    expect(pending.items.map((r) => r.id)).toContain(request.id);
    await expect(
      tc.core.evidenceRequests.answerFeedback(stranger, { requestId: request.id, rating: 1 }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await expect(
      tc.core.evidenceRequests.answerFeedback(megan, { requestId: request.id, rating: 6 }),
    ).rejects.toBeInstanceOf(ValidationError);
    const answered = await tc.core.evidenceRequests.answerFeedback(megan, {
      requestId: request.id,
      rating: 4,
      comment: 'Good follow-up',
    });
    expect(answered).toMatchObject({ status: 'answered', answeredAt: tc.clock.now().toISOString() });
    await expect(
      tc.core.evidenceRequests.answerFeedback(megan, { requestId: request.id, rating: 4 }),
    ).rejects.toBeInstanceOf(ConflictError);
    const [item] = (
      await tc.core.curation.items(learner.scope, { kinds: ['feedback.received'] }, { limit: 5 })
    ).items;
    expect(item).toMatchObject({
      title: 'Feedback from Megan Bowen on working with Northwind Logistics: 4 out of 5',
      criteria: ['P7', 'P8', 'K10'],
    });
  });

  it('refuses asking yourself, and a witness request for items of another space', async () => {
    const learner = aCaller({ spaceId: aSpace() });
    const { partner } = await tc.core.partners.add(learner, aPartnerInput());
    await expect(
      tc.core.evidenceRequests.requestFeedback(learner, { partnerId: partner.id, recipient: learner.user }),
    ).rejects.toBeInstanceOf(ConflictError);
    await expect(
      tc.core.evidenceRequests.requestWitness(learner, { itemIds: ['evt_elsewhere'], witness: aUser(2) }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });
});
