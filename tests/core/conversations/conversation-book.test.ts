import { ConversationBook } from '../../../core/conversations/conversation-book';
import { NOTE_AGAIN_AFTER_MS } from '../../../core/common/recent-notes';
import { ValidationError } from '../../../core/errors';
import { TENANT_A, TENANT_B } from '../../../testkit/factories';
import { testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';

const MEGAN = '6E3B6C37-0B5D-4A3B-9C2F-1D2E3F4A5B6C';

function personalChat(overrides: Record<string, string> = {}) {
  return {
    tenantId: TENANT_A,
    kind: 'user' as const,
    key: MEGAN,
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    botId: '28:0d3b5c9e-8f1a-4b2c-9d3e-4f5a6b7c8d9e',
    conversationId: 'a:1Zx9pQ-personal',
    userId: '29:1megan-mri',
    ...overrides,
  };
}

for (const kind of STORE_KINDS) {
  describe(`${ConversationBook.name} on ${kind.name}`, () => {
    let t: TestStore;
    let tc: TestCore;

    beforeAll(async () => {
      t = await kind.open();
      tc = testCore(t.store);
    });
    afterAll(async () => t.dispose());

    it('stores a user reference under the lower-case Entra id and reads it back in either case', async () => {
      await tc.core.conversations.remember(personalChat());
      const stored = await tc.core.conversations.get({ tenantId: TENANT_A }, 'user', MEGAN.toUpperCase());
      expect(stored).toMatchObject({
        key: MEGAN.toLowerCase(),
        conversationId: 'a:1Zx9pQ-personal',
        userId: '29:1megan-mri',
        status: 'active',
        updatedAt: '2026-03-02T09:00:00.000Z',
      });
      expect(await tc.core.conversations.get({ tenantId: TENANT_B }, 'user', MEGAN)).toBeUndefined();
    });

    it('welcomes a conversation once, and again only after the app was removed and added back', async () => {
      const key = '19:welcome-once@thread.v2';
      const chat = { ...personalChat({ key, conversationId: key }), kind: 'chat' as const };
      const scope = { tenantId: TENANT_A };
      expect(await tc.core.conversations.claimWelcome(scope, 'chat', key)).toBe(false);
      await tc.core.conversations.remember(chat);
      const claims = await Promise.all(
        [1, 2, 3].map(() => tc.core.conversations.claimWelcome(scope, 'chat', key)),
      );
      expect(claims.filter(Boolean)).toHaveLength(1);
      // An ordinary activity afterwards keeps the welcome.
      tc.clock.advance(1000);
      await tc.core.conversations.remember({ ...chat, serviceUrl: 'https://smba.trafficmanager.net/amer/' });
      expect(await tc.core.conversations.claimWelcome(scope, 'chat', key)).toBe(false);
      await tc.core.conversations.forget(scope, 'chat', key);
      await tc.core.conversations.remember(chat);
      expect(await tc.core.conversations.claimWelcome(scope, 'chat', key)).toBe(true);
    });

    it('keeps the personal conversation when the same user is next seen in a group chat', async () => {
      const key = '0a0a0a0a-1111-4222-8333-444455556666';
      await tc.core.conversations.remember(personalChat({ key }));
      tc.clock.advance(60_000);
      const { conversationId: _ignored, ...seenInGroup } = personalChat({
        key,
        serviceUrl: 'https://smba.trafficmanager.net/amer/',
      });
      await tc.core.conversations.remember(seenInGroup);
      expect(await tc.core.conversations.get({ tenantId: TENANT_A }, 'user', key)).toMatchObject({
        conversationId: 'a:1Zx9pQ-personal',
        serviceUrl: 'https://smba.trafficmanager.net/amer/',
        updatedAt: tc.clock.now().toISOString(),
      });
    });

    it('does not write again when nothing about the conversation changed', async () => {
      const key = '19:unchanged@thread.v2';
      const chat = personalChat({ kind: 'chat', key, conversationId: key });
      const first = await tc.core.conversations.remember({ ...chat, kind: 'chat' });
      tc.clock.advance(3_600_000);
      const again = await tc.core.conversations.remember({ ...chat, kind: 'chat' });
      expect(again.updatedAt).toBe(first.updatedAt);
    });

    it('marks an uninstalled conversation gone, and active again when the app is added back', async () => {
      const key = '19:channel-forget@thread.tacv2';
      const channel = { ...personalChat({ key, conversationId: key }), kind: 'channel' as const };
      await tc.core.conversations.remember(channel);
      await tc.core.conversations.forget({ tenantId: TENANT_A }, 'channel', key);
      expect((await tc.core.conversations.get({ tenantId: TENANT_A }, 'channel', key))?.status).toBe('gone');
      await tc.core.conversations.remember(channel);
      expect((await tc.core.conversations.get({ tenantId: TENANT_A }, 'channel', key))?.status).toBe(
        'active',
      );
    });

    it('trusts what it noted for a minute, but an install checks what another process recorded', async () => {
      const key = '19:two-processes@thread.tacv2';
      const channel = { ...personalChat({ key, conversationId: key }), kind: 'channel' as const };
      const scope = { tenantId: TENANT_A };
      const otherProcess = testCore(t.store).core;
      await tc.core.conversations.remember(channel);
      await otherProcess.conversations.forget(scope, 'channel', key);

      // An activity a moment later, served here, is taken as noted; an install is not.
      await tc.core.conversations.remember(channel);
      expect((await tc.core.conversations.get(scope, 'channel', key))?.status).toBe('gone');
      await tc.core.conversations.remember(channel, { recheck: true });
      expect((await tc.core.conversations.get(scope, 'channel', key))?.status).toBe('active');

      // A minute after its note, any activity is checked against the store again.
      await otherProcess.conversations.forget(scope, 'channel', key);
      tc.clock.advance(NOTE_AGAIN_AFTER_MS);
      await tc.core.conversations.remember(channel);
      expect((await tc.core.conversations.get(scope, 'channel', key))?.status).toBe('active');
    });

    it('ignores forgetting a conversation it never saw', async () => {
      await expect(
        tc.core.conversations.forget({ tenantId: TENANT_A }, 'chat', '19:never-seen@thread.v2'),
      ).resolves.toBeUndefined();
      expect(await tc.core.conversations.get({ tenantId: TENANT_A }, 'chat', '19:never-seen@thread.v2')).toBe(
        undefined,
      );
    });

    it("finds Teams user ids of known users only, within the caller's tenant", async () => {
      const ids = await tc.core.conversations.teamsUserIds({ tenantId: TENANT_A }, [
        MEGAN,
        'ffffffff-ffff-4fff-8fff-ffffffffffff',
      ]);
      expect(ids).toEqual(new Map([[MEGAN.toLowerCase(), '29:1megan-mri']]));
      expect((await tc.core.conversations.teamsUserIds({ tenantId: TENANT_B }, [MEGAN])).size).toBe(0);
    });

    it('answers the Teams user ids of users it noted in the last minute without reading them', async () => {
      const scope = { tenantId: TENANT_A };
      const noted = '1b1b1b1b-2222-4333-8444-555566667777';
      const unnoted = '2c2c2c2c-3333-4444-8555-666677778888';
      await tc.core.conversations.remember(personalChat({ key: noted, userId: '29:1noted' }));
      // Met by another process: nothing noted here.
      await testCore(t.store).core.conversations.remember(
        personalChat({ key: unnoted, userId: '29:1unnoted' }),
      );
      const findUsers = jest.spyOn(t.store.read.conversations, 'findUsers');
      try {
        expect(await tc.core.conversations.teamsUserIds(scope, [noted.toUpperCase()])).toEqual(
          new Map([[noted, '29:1noted']]),
        );
        expect(findUsers).not.toHaveBeenCalled();
        expect(await tc.core.conversations.teamsUserIds(scope, [noted, unnoted])).toEqual(
          new Map([
            [noted, '29:1noted'],
            [unnoted, '29:1unnoted'],
          ]),
        );
        expect(findUsers).toHaveBeenCalledWith(scope, [unnoted]);
      } finally {
        findUsers.mockRestore();
      }
    });

    it('refuses a reference without a service address, and stores nothing', async () => {
      const key = 'bad-ref-user';
      await expect(
        tc.core.conversations.remember(personalChat({ key, serviceUrl: 'not a url' })),
      ).rejects.toBeInstanceOf(ValidationError);
      expect(await tc.core.conversations.get({ tenantId: TENANT_A }, 'user', key)).toBeUndefined();
    });
  });
}
