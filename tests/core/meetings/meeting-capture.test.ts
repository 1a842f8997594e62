import { MeetingCapture } from '../../../core/meetings/meeting-capture';
import { NotFoundError, ValidationError } from '../../../core/errors';
import { aCaller, anAgreementInput, aPartnerInput, aUser, TENANT_B } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';

for (const kind of STORE_KINDS) {
  describe(`${MeetingCapture.name} on ${kind.name}`, () => {
    let t: TestStore;
    let tc: TestCore;

    beforeAll(async () => {
      t = await kind.open();
      tc = testCore(t.store);
    });
    afterAll(async () => t.dispose());

    it('takes a capture retried with the same key once, and answers the draft that holds it', async () => {
      const caller = aCaller({ spaceId: aSpace('capture-retry') });
      const action = {
        kind: 'action' as const,
        title: 'Send the weekend rota',
        owner: { user: aUser(2, 'Megan Bowen') },
        dueDate: '2026-03-09',
      };
      const first = await tc.core.meetingCapture.capture(caller, action, 'panel-7f3a');
      const again = await tc.core.meetingCapture.capture(caller, action, 'panel-7f3a');
      expect(again).toEqual(first);
      expect(again.draft).toMatchObject({ version: 1, actions: [{ title: 'Send the weekend rota' }] });
      // Another key is another capture, even of the same words.
      const other = await tc.core.meetingCapture.capture(caller, action, 'panel-9c1d');
      expect(other.draft?.actions).toHaveLength(2);
      // A refused capture leaves its key unused: the corrected retry with that key is taken.
      await expect(
        tc.core.meetingCapture.capture(caller, { ...action, dueDate: 'soon' }, 'panel-b2e8'),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(
        tc.core.meetingCapture.capture(caller, { kind: 'partner', partnerId: 'ptn_missing' }, 'panel-c4f0'),
      ).rejects.toBeInstanceOf(NotFoundError);
      const corrected = await tc.core.meetingCapture.capture(
        caller,
        { kind: 'decision', text: 'Two shifts from 9 March' },
        'panel-c4f0',
      );
      expect(corrected.draft).toMatchObject({ version: 3, decisions: ['Two shifts from 9 March'] });
    });

    it('keeps what the side panel captures as the chat’s draft, and the meeting-end form takes it', async () => {
      const caller = aCaller({ spaceId: aSpace('capture') });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput());
      const { agreement } = await tc.core.agreements.propose(caller, anAgreementInput(partner.id));
      await tc.core.meetingCapture.capture(caller, { kind: 'partner', partnerId: partner.id });
      await tc.core.meetingCapture.capture(caller, {
        kind: 'action',
        title: 'Send the weekend rota',
        owner: { user: aUser(2, 'Megan Bowen') },
        dueDate: '2026-03-09',
      });
      await tc.core.meetingCapture.capture(caller, { kind: 'decision', text: 'Two shifts from 9 March' });
      const view = await tc.core.meetingCapture.capture(caller, {
        kind: 'agreement',
        agreementId: agreement.id,
      });
      expect(view.draft).toMatchObject({ partnerId: partner.id, agreementId: agreement.id, version: 4 });
      expect(view.people[view.draft!.actions[0]!.ownerId]?.displayName).toBe('Megan Bowen');

      const taken = await tc.core.meetingCapture.take(caller.scope);
      expect(taken?.people[view.draft!.actions[0]!.ownerId]?.displayName).toBe('Megan Bowen');
      expect(taken?.input).toEqual({
        partnerIds: [partner.id],
        agreementId: agreement.id,
        decisions: ['Two shifts from 9 March', `Conflict-priority agreement: ${agreement.title}`],
        actions: [
          {
            title: 'Send the weekend rota',
            owner: { personId: view.draft!.actions[0]!.ownerId },
            dueDate: '2026-03-09',
          },
        ],
      });
      expect((await tc.core.meetingCapture.view(caller.scope)).draft).toBeUndefined();
      expect(await tc.core.meetingCapture.take(caller.scope)).toBeUndefined();
    });

    it('refuses a partner or agreement of another space, and writes no evidence', async () => {
      const home = aCaller({ spaceId: aSpace('capture-home') });
      const { partner } = await tc.core.partners.add(home, aPartnerInput());
      const before = (await tc.core.evidence.list(home.scope, {}, { limit: 100 })).items.length;
      const elsewhere = aCaller({ spaceId: aSpace('capture-elsewhere') });
      await expect(
        tc.core.meetingCapture.capture(elsewhere, { kind: 'partner', partnerId: partner.id }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        tc.core.meetingCapture.capture(aCaller({ tenantId: TENANT_B, spaceId: home.scope.spaceId }), {
          kind: 'partner',
          partnerId: partner.id,
        }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await tc.core.meetingCapture.capture(home, { kind: 'decision', text: 'Nothing is evidence yet' });
      expect((await tc.core.evidence.list(home.scope, {}, { limit: 100 })).items).toHaveLength(before);
    });

    it('refuses an eleventh action and an empty decision', async () => {
      const caller = aCaller({ spaceId: aSpace('capture-limits') });
      for (let i = 1; i <= 10; i++)
        await tc.core.meetingCapture.capture(caller, {
          kind: 'action',
          title: `Action ${i}`,
          owner: { user: aUser(1) },
          dueDate: '2026-03-09',
        });
      await expect(
        tc.core.meetingCapture.capture(caller, {
          kind: 'action',
          title: 'One too many',
          owner: { user: aUser(1) },
          dueDate: '2026-03-09',
        }),
      ).rejects.toBeInstanceOf(ValidationError);
      await expect(
        tc.core.meetingCapture.capture(caller, { kind: 'decision', text: '  ' }),
      ).rejects.toBeInstanceOf(ValidationError);
    });

    it('saves nothing over a draft that changed meanwhile', async () => {
      const scope = { tenantId: aCaller().scope.tenantId, spaceId: aSpace('capture-race') };
      const draft = {
        ...scope,
        actions: [],
        decisions: ['first'],
        version: 1,
        updatedAt: '2026-03-02T10:00:00.000Z',
      };
      expect(await t.store.transaction((tx) => tx.meetingDrafts.save(draft, 0))).toBe(true);
      expect(await t.store.transaction((tx) => tx.meetingDrafts.save(draft, 0))).toBe(false);
      expect(await t.store.transaction((tx) => tx.meetingDrafts.save({ ...draft, version: 2 }, 7))).toBe(
        false,
      );
    });
  });
}
