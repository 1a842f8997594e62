import { NotFoundError, ValidationError } from '../../../core/errors';
import { PendingPersonNaming } from '../../../core/people/pending-person-naming';
import { NOTE_AGAIN_AFTER_MS } from '../../../core/common/recent-notes';
import { aCaller, aMeetingInput, aPartnerInput, aUser } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';

/** Someone a people picker found in the organisation that nothing here could name (Teams mode, no Graph). */
let STRANGER = '';
let strangers = 0;

for (const kind of STORE_KINDS) {
  describe(`${PendingPersonNaming.name} on ${kind.name}`, () => {
    let t: TestStore;
    let tc: TestCore;

    beforeAll(async () => {
      t = await kind.open();
      tc = testCore(t.store);
    });
    afterAll(async () => t.dispose());
    // A different stranger in each test: people are per tenant, and the tests share one.
    beforeEach(() => {
      strangers += 1;
      STRANGER = `ffffffff-ffff-4fff-8fff-${String(strangers).padStart(12, '0')}`;
    });

    /** A partner in a fresh space whose relationship owner is the stranger, still pending. */
    async function partnerOwnedByStranger(space = aSpace('naming')) {
      const caller = aCaller({ spaceId: space });
      const view = await tc.core.partners.add(
        caller,
        aPartnerInput({ relationshipOwner: { pending: STRANGER } }),
      );
      return { caller, partner: view.partner, ownerId: view.partner.relationshipOwnerId };
    }
    const person = async (scope: { tenantId: string }, id: string) =>
      (await t.store.read.people.getMany(scope, [id]))[0];
    const evidenceCount = async (scope: Parameters<TestCore['core']['evidence']['list']>[0]) =>
      (await tc.core.evidence.list(scope, {}, { limit: 100 })).items.length;

    it('shows a pending person by the name typed on a card, says who typed it, and writes no evidence', async () => {
      const { caller, partner, ownerId } = await partnerOwnedByStranger();
      expect(await person(caller.scope, ownerId)).toMatchObject({
        pending: true,
        displayName: 'Pending person (ffffffff-fff…)',
      });
      const before = await evidenceCount(caller.scope);

      const outcome = await tc.core.naming.name(caller, {
        personId: ownerId,
        displayName: '  Lee Gu ',
        on: { type: 'partner', id: partner.id },
      });

      const alex = await t.store.read.people.findByAadObjectId(caller.scope, caller.user.aadObjectId);
      expect(outcome).toEqual({
        changed: true,
        person: expect.objectContaining({ displayName: 'Lee Gu', pending: true, nameTypedBy: alex!.id }),
      });
      const view = await tc.core.partners.view(caller.scope, partner.id);
      expect(view.people[ownerId]).toMatchObject({ displayName: 'Lee Gu', pending: true });
      expect(await evidenceCount(caller.scope)).toBe(before);

      // The same name again changes nothing; a correction does.
      const again = {
        personId: ownerId,
        displayName: 'Lee Gu',
        on: { type: 'partner' as const, id: partner.id },
      };
      expect((await tc.core.naming.name(caller, again)).changed).toBe(false);
      expect((await tc.core.naming.name(caller, { ...again, displayName: 'Lee Gu-Hart' })).changed).toBe(
        true,
      );
    });

    it('gives way to the name Teams gives when the person writes to the bot, and is not typed over after', async () => {
      const { caller, partner, ownerId } = await partnerOwnedByStranger();
      await tc.core.naming.name(caller, {
        personId: ownerId,
        displayName: 'Lee from Facilities',
        on: { type: 'partner', id: partner.id },
      });

      await tc.core.people.noteUser(
        caller.scope,
        { aadObjectId: STRANGER, displayName: 'Lee Gu' },
        '29:1leeGu',
      );

      const named = await person(caller.scope, ownerId);
      expect(named).toMatchObject({ displayName: 'Lee Gu', teamsUserId: '29:1leeGu' });
      expect(named?.pending).toBeUndefined();
      expect(named?.nameTypedBy).toBeUndefined();
      const late = await tc.core.naming.name(caller, {
        personId: ownerId,
        displayName: 'Lee from Facilities',
        on: { type: 'partner', id: partner.id },
      });
      expect(late).toEqual({ changed: false, person: expect.objectContaining({ displayName: 'Lee Gu' }) });
      expect((await person(caller.scope, ownerId))?.displayName).toBe('Lee Gu');
    });

    it('gives way to the directory’s name too: a pending person with a typed name is still looked up', async () => {
      const { caller, partner, ownerId } = await partnerOwnedByStranger();
      await tc.core.naming.name(caller, {
        personId: ownerId,
        displayName: 'Lee',
        on: { type: 'partner', id: partner.id },
      });
      const withDirectory = testCore(t.store, undefined, 'teams', {
        directory: {
          users: async (_tenant, ids) =>
            new Map(
              ids.map((id) => [
                id.toLowerCase(),
                { aadObjectId: id, displayName: 'Lee Gu', email: 'lee.gu@contoso.example' },
              ]),
            ),
        },
      });
      expect(await withDirectory.core.people.identify(caller.scope, [STRANGER])).toEqual(
        new Map([
          [
            STRANGER,
            { user: { aadObjectId: STRANGER, displayName: 'Lee Gu', email: 'lee.gu@contoso.example' } },
          ],
        ]),
      );
    });

    it('names pending attendees and action owners on a meeting’s card, and an action’s owner on its own', async () => {
      const caller = aCaller({ spaceId: aSpace('naming-meeting') });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput());
      const meeting = await tc.core.meetings.log(
        caller,
        aMeetingInput(partner.id, {
          attendees: [{ user: caller.user }, { pending: '29:1attendeeOnly' }],
          actions: [{ title: 'Send the rota', owner: { pending: STRANGER }, dueDate: '2026-03-09' }],
        }),
      );
      const attendeeId = meeting.meeting.attendeeIds[1]!;
      const ownerId = meeting.actions[0]!.ownerId;
      const on = { type: 'meeting' as const, id: meeting.meeting.id };
      await tc.core.naming.name(caller, { personId: attendeeId, displayName: 'Diego Siciliani', on });
      await tc.core.naming.name(caller, {
        personId: ownerId,
        displayName: 'Lee Gu',
        on: { type: 'action', id: meeting.actions[0]!.id },
      });
      const view = await tc.core.meetings.view(caller.scope, meeting.meeting.id);
      expect([view.people[attendeeId]?.displayName, view.people[ownerId]?.displayName]).toEqual([
        'Diego Siciliani',
        'Lee Gu',
      ]);
    });

    it('refuses a blank or too long name with the field’s message, and changes nothing', async () => {
      const { caller, partner, ownerId } = await partnerOwnedByStranger();
      const on = { type: 'partner' as const, id: partner.id };
      for (const [displayName, message] of [
        ['   ', 'Name is required'],
        ['x'.repeat(101), 'Name must be at most 100 characters'],
        ['Lee\nGu', 'Name must be a single line'],
      ] as const) {
        const refused = tc.core.naming.name(caller, { personId: ownerId, displayName, on });
        await expect(refused).rejects.toBeInstanceOf(ValidationError);
        await expect(refused).rejects.toMatchObject({ issues: [{ path: 'displayName', message }] });
      }
      expect(await person(caller.scope, ownerId)).toMatchObject({
        displayName: 'Pending person (ffffffff-fff…)',
      });
      expect((await person(caller.scope, ownerId))?.nameTypedBy).toBeUndefined();
    });

    it('names only people the record names, for callers of its space: anyone else is not found', async () => {
      const { caller, partner, ownerId } = await partnerOwnedByStranger();
      const other = await partnerOwnedByStranger(aSpace('naming-other'));
      const otherPending = await tc.core.partners.add(
        other.caller,
        aPartnerInput({
          name: 'Another partner',
          relationshipOwner: { pending: `29:1someoneElse${strangers}` },
        }),
      );
      const attempts = [
        // A record of another space.
        { caller, input: { personId: ownerId, on: { type: 'partner' as const, id: other.partner.id } } },
        // A pending person this record does not name.
        {
          caller,
          input: {
            personId: otherPending.partner.relationshipOwnerId,
            on: { type: 'partner' as const, id: partner.id },
          },
        },
        // The right record and person, from another space.
        {
          caller: other.caller,
          input: { personId: ownerId, on: { type: 'partner' as const, id: partner.id } },
        },
        // A record that does not exist.
        { caller, input: { personId: ownerId, on: { type: 'action' as const, id: 'act_nothing' } } },
      ];
      for (const a of attempts)
        await expect(
          tc.core.naming.name(a.caller, { ...a.input, displayName: 'Mallory' }),
        ).rejects.toBeInstanceOf(NotFoundError);
      expect((await person(caller.scope, otherPending.partner.relationshipOwnerId))?.displayName).toBe(
        'Pending person (29:1someoneE…)',
      );
    });

    it('leaves people Teams named as they are', async () => {
      const caller = aCaller({ spaceId: aSpace('naming-named') });
      const { partner } = await tc.core.partners.add(
        caller,
        aPartnerInput({ relationshipOwner: { user: aUser(2, 'Megan Bowen') } }),
      );
      const outcome = await tc.core.naming.name(caller, {
        personId: partner.relationshipOwnerId,
        displayName: 'Someone else',
        on: { type: 'partner', id: partner.id },
      });
      expect(outcome).toEqual({
        changed: false,
        person: expect.objectContaining({ displayName: 'Megan Bowen' }),
      });
    });

    it('costs a named user’s activities one read a minute, and looks their Teams id up only when it is new', async () => {
      const caller = aCaller({ spaceId: aSpace('naming-reads') });
      const scope = { tenantId: caller.scope.tenantId };
      const user = { aadObjectId: STRANGER, displayName: 'Lee Gu' };
      await tc.core.partners.add(caller, aPartnerInput({ relationshipOwner: { user } }));
      await tc.core.people.noteUser(scope, user, '29:1leeGu');
      const byTeamsId = jest.spyOn(t.store.read.people, 'findByTeamsUserId');
      const byAad = jest.spyOn(t.store.read.people, 'findByAadObjectId');
      try {
        await tc.core.people.noteUser(scope, user, '29:1leeGu');
        expect([byAad.mock.calls.length, byTeamsId.mock.calls.length]).toEqual([0, 0]);

        tc.clock.advance(NOTE_AGAIN_AFTER_MS);
        await tc.core.people.noteUser(scope, user, '29:1leeGu');
        await tc.core.people.noteUser(scope, user, '29:1leeGu');
        await tc.core.people.noteUser(scope, user, undefined);
        expect([byAad.mock.calls.length, byTeamsId.mock.calls.length]).toEqual([2, 0]);

        await tc.core.people.noteUser(scope, user, '29:1leeGuNew');
        expect(byTeamsId.mock.calls.length).toBe(1);
        const me = await t.store.read.people.findByAadObjectId(scope, STRANGER);
        expect(me).toMatchObject({ displayName: 'Lee Gu', teamsUserId: '29:1leeGuNew' });
      } finally {
        byTeamsId.mockRestore();
        byAad.mockRestore();
      }
    });
  });
}
