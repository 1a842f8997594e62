import { MeetingInsightsRequests } from '../../../core/meetings/meeting-insights-requests';
import { NotFoundError, ValidationError } from '../../../core/errors';
import { aCaller, aMeetingInput, aPartnerInput, aUser } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';
import { recordedAiInsight } from '../../support/graph-recordings';

const recorded = recordedAiInsight();
/** Each test its own Teams meeting (one store, one tenant): a meeting is queued once. */
let OCCURRENCE = { onlineMeetingId: '', startedAt: '2026-03-03T10:00:00.000Z' };
const MEETING_ID = 'MSpkYzE3NjQ2My1mNTU2LTRmZmEtYTk4My05ZmE5NWRiNzk0YjIqMCoqMTk6bWVldGluZw==';

for (const kind of STORE_KINDS) {
  describe(`${MeetingInsightsRequests.name} and adding actions to a logged meeting, on ${kind.name}`, () => {
    let t: TestStore;
    let tc: TestCore;

    beforeAll(async () => {
      t = await kind.open();
    });
    afterAll(async () => t.dispose());
    beforeEach(() => {
      tc = testCore(t.store, '2026-03-03T13:00:00Z', `rev${Math.random().toString(36).slice(2, 6)}-`);
    });

    /** A meeting chat with Northwind (Priya Shah its contact) whose Copilot proposal was read. */
    async function proposalReady(tenantId?: string) {
      const caller = aCaller({ spaceId: aSpace('meeting-chat'), ...(tenantId ? { tenantId } : {}) });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput());
      OCCURRENCE = {
        ...OCCURRENCE,
        onlineMeetingId: `${MEETING_ID}-${Math.random().toString(36).slice(2, 8)}`,
      };
      await tc.core.meetingInsights.meetingEnded(caller.scope, {
        onlineMeetingId: OCCURRENCE.onlineMeetingId,
        organizerAadObjectId: aUser(1).aadObjectId,
        title: 'Northwind monthly delivery review',
        startedAt: '2026-03-03T10:00:00Z',
        endedAt: '2026-03-03T11:02:00Z',
      });
      await t.store.transaction((tx) =>
        tx.meetingInsightsQueue.propose(
          { tenantId: caller.scope.tenantId, ...OCCURRENCE },
          {
            ids: [recorded.id],
            actionItems: recorded.actionItems.map((a) => ({
              title: a.title,
              text: a.text,
              ...(a.ownerDisplayName ? { ownerDisplayName: a.ownerDisplayName } : {}),
            })),
            notes: recorded.meetingNotes,
          },
          '2026-03-03T12:40:00Z',
        ),
      );
      const view = await tc.core.partners.view(caller.scope, partner.id);
      const priya = view.people[partner.contacts[0]!.personId]!;
      const candidates = [
        { value: aUser(1).aadObjectId, displayName: 'Alex Wilber' },
        { value: aUser(2).aadObjectId, displayName: 'Megan Bowen' },
        { value: priya.id, displayName: priya.displayName },
      ];
      return { caller, partner, priya, candidates };
    }

    it('matches the AI’s owners to the meeting’s people by name, and leaves an unknown one to pick', async () => {
      const { caller, priya, candidates } = await proposalReady();
      const review = await tc.core.meetingInsights.review(caller.scope, OCCURRENCE, candidates);
      expect(review.meeting).toMatchObject({ title: 'Northwind monthly delivery review', ...OCCURRENCE });
      expect(review.actions).toEqual([
        expect.objectContaining({
          title: 'Share the revised depot rota',
          aiOwnerName: 'Priya Shah',
          ownerValue: priya.id,
        }),
        expect.objectContaining({
          aiOwnerName: 'megan bowen',
          ownerValue: aUser(2).aadObjectId,
          ownerName: 'Megan Bowen',
        }),
        {
          title: 'Attach damage photos at first contact',
          text: expect.any(String),
          aiOwnerName: 'Jordan Ellis',
        },
      ]);
      expect(review.notes).toHaveLength(2);
      expect(review.logged).toBeUndefined();
    });

    it('knows the meeting was logged when a log names its Teams meeting', async () => {
      const { caller, partner, candidates } = await proposalReady();
      const logged = await tc.core.meetings.log(
        caller,
        aMeetingInput(partner.id, {
          occurredAt: '2026-03-03T10:00:00Z',
          source: { kind: 'teams_meeting', externalId: OCCURRENCE.onlineMeetingId },
        }),
      );
      const review = await tc.core.meetingInsights.review(caller.scope, OCCURRENCE, candidates);
      expect(review.logged?.id).toBe(logged.meeting.id);
      // The meeting-end form and the AI card both log it: the second is refused, not a duplicate.
      await expect(
        tc.core.meetings.log(
          caller,
          aMeetingInput(partner.id, {
            occurredAt: '2026-03-03T10:05:00Z',
            source: { kind: 'teams_meeting', externalId: OCCURRENCE.onlineMeetingId },
          }),
        ),
      ).rejects.toThrow(/This Teams meeting was logged already as “Monthly delivery review”/);
      expect((await tc.core.meetings.list(caller.scope, {}, { limit: 5 })).items).toHaveLength(1);
    });

    it('shows no proposal to another space, nor one that is not read yet', async () => {
      const { candidates } = await proposalReady();
      const elsewhere = aCaller({ spaceId: aSpace('other-chat') });
      await expect(
        tc.core.meetingInsights.review(elsewhere.scope, OCCURRENCE, candidates),
      ).rejects.toBeInstanceOf(NotFoundError);
    });

    it('adds agreed actions to a logged meeting with their evidence, once per submit', async () => {
      const { caller, partner, priya } = await proposalReady();
      const logged = await tc.core.meetings.log(caller, aMeetingInput(partner.id));
      const input = {
        meetingId: logged.meeting.id,
        actions: [
          { title: 'Share the revised depot rota', owner: { personId: priya.id }, dueDate: '2026-03-10' },
          {
            title: 'Brief the contact centre on slot priority',
            owner: { user: aUser(2, 'Megan Bowen') },
            dueDate: '2026-03-06',
          },
        ],
      };
      const view = await tc.core.meetings.addActions(caller, input, 'form-1');
      expect(view.replayed).toBe(false);
      expect(view.actions.map((a) => a.title).sort()).toEqual([
        'Brief the contact centre on slot priority',
        'Send weekly on-time figures',
        'Share revised rota with the contact centre',
        'Share the revised depot rota',
      ]);
      expect(view.actions.every((a) => a.meetingId === logged.meeting.id && a.partnerId === partner.id)).toBe(
        true,
      );
      const again = await tc.core.meetings.addActions(caller, input, 'form-1');
      expect(again.replayed).toBe(true);
      expect(again.actions).toHaveLength(4);
      const created = await tc.core.evidence.list(caller.scope, { kinds: ['action.created'] }, { limit: 20 });
      expect(created.items).toHaveLength(4);
    });

    it('refuses an action without a due date, naming the row, and stores none of them', async () => {
      const { caller, partner, priya } = await proposalReady();
      const logged = await tc.core.meetings.log(caller, aMeetingInput(partner.id, { actions: [] }));
      const adding = tc.core.meetings.addActions(caller, {
        meetingId: logged.meeting.id,
        actions: [
          { title: 'Share the revised depot rota', owner: { personId: priya.id }, dueDate: '2026-03-10' },
          { title: 'Attach damage photos', owner: { personId: priya.id }, dueDate: '' },
        ],
      });
      await expect(adding).rejects.toBeInstanceOf(ValidationError);
      await expect(adding).rejects.toMatchObject({
        issues: expect.arrayContaining([expect.objectContaining({ path: 'actions.1.dueDate' })]),
      });
      expect((await tc.core.meetings.view(caller.scope, logged.meeting.id)).actions).toEqual([]);
    });

    it('forgets an erased contact’s name in a proposal nobody has reviewed yet', async () => {
      // A tenant of its own: erasure leaves a name alone while someone else there is called the same.
      const { caller, priya } = await proposalReady(`tenant-erasure-${kind.name}`);
      const { pseudonym } = await tc.core.erasure.erase(caller.scope, priya.id, 'admin');
      const job = await t.store.read.meetingInsightsQueue.proposal(
        caller.scope,
        OCCURRENCE.onlineMeetingId,
        OCCURRENCE.startedAt,
      );
      expect(JSON.stringify(job!.proposal)).not.toContain('Priya Shah');
      expect(job!.proposal!.actionItems[0]!.ownerDisplayName).toBe(pseudonym);
    });
  });
}
