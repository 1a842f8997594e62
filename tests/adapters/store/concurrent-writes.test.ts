import { ConflictError } from '../../../core/errors';
import type { EvidenceEvent } from '../../../core/evidence/evidence-event';
import { aCaller, aMeetingInput, aPartnerInput } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

/** How many writes the tests ask for at once: more than one group on SQLite would need, fewer than its limit. */
const AT_ONCE = 24;

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

for (const kind of STORE_KINDS) {
  describe(`concurrent writes: ${kind.name}`, () => {
    let t: TestStore;
    let tc: TestCore;

    beforeAll(async () => {
      t = await kind.open();
      tc = testCore(t.store, undefined, kind.name);
    });
    afterAll(async () => t.dispose());

    it('acknowledges each write only once another connection can read it', async () => {
      const caller = aCaller({ spaceId: aSpace() });
      const seenAtAck = await Promise.all(
        Array.from({ length: AT_ONCE }, (_, i) =>
          tc.core.partners
            .add(caller, aPartnerInput({ name: `Concurrent partner ${i}` }))
            .then(({ partner }) => t.raw('SELECT id FROM partners WHERE id = ?', [partner.id])),
        ),
      );
      expect(seenAtAck.map((rows) => rows.length)).toEqual(Array(AT_ONCE).fill(1));
    });

    it('fails only the write that broke a constraint; the others written with it are kept', async () => {
      const caller = aCaller({ spaceId: aSpace() });
      await tc.core.partners.add(caller, aPartnerInput({ name: 'Taken name' }));

      const outcomes = await Promise.allSettled(
        Array.from({ length: AT_ONCE }, (_, i) =>
          tc.core.partners.add(
            caller,
            aPartnerInput({ name: i === AT_ONCE / 2 ? 'Taken name' : `Kept partner ${i}` }),
          ),
        ),
      );

      const failed = outcomes.filter((o) => o.status === 'rejected');
      expect(failed).toHaveLength(1);
      expect((failed[0] as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
      const partners = await tc.core.partners.list(caller.scope, {}, { limit: 100 });
      expect(partners.items.map((p) => p.name).sort()).toEqual(
        ['Taken name', ...Array.from({ length: AT_ONCE }, (_, i) => `Kept partner ${i}`)]
          .filter((name) => name !== `Kept partner ${AT_ONCE / 2}`)
          .sort(),
      );
      // The failed write's evidence went with it: one event per partner stored, and the chain is whole.
      const events = await collect(t.store.read.evidence.stream(caller.scope, {}));
      expect(events.filter((e) => e.kind === 'partner.added')).toHaveLength(AT_ONCE);
      await expect(tc.core.evidence.verify(caller.scope)).resolves.toMatchObject({ intact: true });
    });

    it('keeps every space’s evidence chain whole and gapless when its writes arrive at once', async () => {
      const callers = [aCaller({ spaceId: aSpace('a') }), aCaller({ spaceId: aSpace('b') })];
      const partnerIds = await Promise.all(
        callers.map(async (c) => (await tc.core.partners.add(c, aPartnerInput())).partner.id),
      );

      await Promise.all(
        Array.from({ length: AT_ONCE }, (_, i) => {
          const c = i % 2;
          return tc.core.meetings.log(callers[c]!, aMeetingInput(partnerIds[c]!, { title: `Meeting ${i}` }));
        }),
      );

      for (const caller of callers) {
        const events: EvidenceEvent[] = await collect(t.store.read.evidence.stream(caller.scope, {}));
        expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
        expect(events.filter((e) => e.kind === 'meeting.logged')).toHaveLength(AT_ONCE / 2);
        await expect(tc.core.evidence.verify(caller.scope)).resolves.toMatchObject({ intact: true });
      }
    });
  });
}

describe('SQLite group commit', () => {
  let t: TestStore;
  let tc: TestCore;

  beforeAll(async () => {
    t = await openSqliteTestStore();
    tc = testCore(t.store, undefined, 'group');
  });
  afterAll(async () => t.dispose());

  it('commits writes asked for together in one transaction: the first acknowledged finds all on disk', async () => {
    const caller = aCaller({ spaceId: aSpace() });
    const seenAtFirstAck: unknown[][] = [];
    await Promise.all(
      Array.from({ length: AT_ONCE }, (_, i) =>
        tc.core.partners.add(caller, aPartnerInput({ name: `Grouped partner ${i}` })).then(async () => {
          if (seenAtFirstAck.length === 0)
            seenAtFirstAck.push(
              await t.raw('SELECT id FROM partners WHERE space_id = ?', [caller.scope.spaceId]),
            );
        }),
      ),
    );
    expect(seenAtFirstAck[0]).toHaveLength(AT_ONCE);
  });
});
