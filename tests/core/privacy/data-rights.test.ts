import { Writable } from 'node:stream';
import { EXPORT_WRITERS } from '../../../adapters/export/export-writers';
import { verifyChain } from '../../../core/evidence/hash-chain';
import { DataRetention } from '../../../core/privacy/data-retention';
import { PERSONAL, seedEvidenceMonth, type EvidenceMonth } from '../../support/evidence-month';
import { aCaller, aPartnerInput, aUser } from '../../../testkit/factories';
import { testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';

const DAY = 24 * 60 * 60 * 1000;

/** Every text the store holds, as one string: what an erased name must no longer appear in. */
async function everything(store: TestStore): Promise<string> {
  const tables = (await store.raw(
    (await dialectOf(store)) === 'sqlite'
      ? "SELECT name FROM sqlite_master WHERE type = 'table'"
      : 'SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()',
  )) as { name: string }[];
  const parts: string[] = [];
  for (const { name } of tables)
    if (name !== 'privacy_audit') parts.push(JSON.stringify(await store.raw(`SELECT * FROM ${name}`)));
  return parts.join('\n');
}

/** Where the bot reaches a team, as it remembers the team when the app is installed there. */
function teamPlace(tenantId: string, key: string) {
  const address = {
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    channelId: 'msteams',
    botId: '28:bot',
  };
  return { tenantId, kind: 'team' as const, key, conversationId: key, teamId: key, ...address };
}

async function dialectOf(store: TestStore): Promise<'sqlite' | 'postgres'> {
  try {
    await store.raw('SELECT sqlite_version()');
    return 'sqlite';
  } catch {
    return 'postgres';
  }
}

for (const kind of STORE_KINDS) {
  describe(`data rights: ${kind.name}`, () => {
    let store: TestStore;
    let tc: TestCore;
    let month: EvidenceMonth;
    let priyaId: string;

    beforeEach(async () => {
      store = await kind.open();
      tc = testCore(store.store);
      month = await seedEvidenceMonth(tc);
      const { partner } = await tc.core.partners.view(month.learner.scope, month.partnerIds.northwind);
      priyaId = partner.contacts[0]!.personId;
    });
    afterEach(async () => store.dispose());

    it('erases a partner contact everywhere, and the evidence chain still verifies', async () => {
      // Typed in a meeting's side panel and not logged yet: a draft names her too.
      await tc.core.meetingCapture.capture(month.learner, {
        kind: 'decision',
        text: 'Priya Shah (priya.shah@northwind.example) confirms the weekend rota',
      });
      const report = await tc.core.erasure.erase(month.learner.scope, priyaId, 'admin');
      expect(report.evidenceEvents).toBeGreaterThan(0);
      expect(report.recordTexts).toBeGreaterThan(0);

      const held = await everything(store);
      for (const trace of [
        'Priya',
        'Shah',
        'priya.shah@northwind.example',
        '020 7946 0018',
        '+44 20 7946 0018',
      ])
        expect(held).not.toContain(trace);
      // Others named in the same minutes stay.
      expect(held).toContain('Tomás');

      const scope = month.learner.scope;
      const head = await store.store.read.evidence.head(scope);
      expect(await verifyChain(store.store.read.evidence.stream(scope, {}), head)).toMatchObject({
        intact: true,
      });
      const [person] = await store.store.read.people.getMany(scope, [priyaId]);
      expect(person).toMatchObject({ displayName: report.pseudonym, email: undefined, phone: undefined });
    });

    it('exports an erased trail that still verifies and shows the pseudonym in the minutes', async () => {
      const { pseudonym } = await tc.core.erasure.erase(month.learner.scope, priyaId, 'admin');
      const { document } = await tc.core.exports.prepare(month.learner, {
        format: 'json',
        redaction: { enabled: false },
      });
      const chunks: Buffer[] = [];
      await EXPORT_WRITERS.json.write(
        document,
        new Writable({
          write(chunk, _e, done) {
            chunks.push(Buffer.from(chunk));
            done();
          },
        }),
      );
      const text = Buffer.concat(chunks).toString('utf8');
      expect(text).not.toContain('Priya');
      expect(text).toContain(pseudonym);
      const verdict = await tc.core.exports.verifyCode(month.learner.scope, document.header.code);
      expect(verdict).toMatchObject({ found: true, codeMatches: true, chain: { intact: true } });
    });

    it('exports everything about a person: their evidence, actions and reminders, and records it', async () => {
      const me = await store.store.read.people.findByAadObjectId(
        month.learner.scope,
        month.learner.user.aadObjectId,
      );
      const data = await tc.core.personData.collect(month.learner.scope, me!.id, me!.id);
      expect(data.person.displayName).toBe('Alex Wilber');
      expect(data.evidence.length).toBeGreaterThan(5);
      expect(data.evidence.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['meeting.logged', 'reflection.written']),
      );
      const contact = await tc.core.personData.collect(month.learner.scope, priyaId, me!.id);
      // As a contact: the partner that lists her and the meeting she attended.
      expect(contact.evidence.map((e) => e.kind)).toEqual(
        expect.arrayContaining(['partner.added', 'meeting.logged']),
      );
      const log = await store.store.read.privacy.auditLog(month.learner.scope, 10);
      expect(log.map((e) => [e.action, e.subject, e.actor])).toEqual([
        ['person_exported', priyaId, me!.id],
        ['person_exported', me!.id, me!.id],
      ]);
    });

    it("purges a team's space once the app has been gone for the grace period, not before", async () => {
      const { tenantId, spaceId } = month.learner.scope;
      const teamKey = spaceId.slice('team:'.length);
      const other = aCaller({ spaceId: 'team:still-installed', user: aUser(1, 'Alex Wilber') });
      await tc.core.partners.add(other, aPartnerInput({ name: 'Stays' }));
      const place = teamPlace(tenantId, teamKey);
      await tc.core.conversations.remember(place);
      await tc.core.conversations.forget({ tenantId }, 'team', teamKey);
      const retention = new DataRetention(
        { store: store.store, clock: tc.clock, ids: tc.ids },
        { uninstallGraceDays: 30, archivedContactDays: 0 },
      );
      tc.clock.advance(29 * DAY);
      expect(await retention.run()).toMatchObject({ spacesPurged: 0 });
      expect((await tc.core.partners.list(month.learner.scope, {}, { limit: 10 })).items).toHaveLength(2);

      tc.clock.advance(2 * DAY);
      const report = await retention.run();
      expect(report).toMatchObject({ spacesPurged: 1 });
      expect(report.rowsDeleted).toBeGreaterThan(20);
      expect((await tc.core.partners.list(month.learner.scope, {}, { limit: 10 })).items).toEqual([]);
      expect(await store.store.read.evidence.head(month.learner.scope)).toMatchObject({ seq: 0 });
      expect((await tc.core.partners.list(other.scope, {}, { limit: 10 })).items).toHaveLength(1);
      const [entry] = await store.store.read.privacy.auditLog({ tenantId }, 1);
      expect(entry).toMatchObject({ action: 'space_purged', subject: spaceId, actor: 'system' });
    });

    it('keeps a space whose app was added back within the grace period', async () => {
      const { tenantId, spaceId } = month.learner.scope;
      const key = spaceId.slice('team:'.length);
      const place = teamPlace(tenantId, key);
      await tc.core.conversations.remember(place);
      await tc.core.conversations.forget({ tenantId }, 'team', key);
      tc.clock.advance(10 * DAY);
      await tc.core.conversations.remember(place);
      tc.clock.advance(60 * DAY);
      const retention = new DataRetention(
        { store: store.store, clock: tc.clock, ids: tc.ids },
        { uninstallGraceDays: 30, archivedContactDays: 0 },
      );
      expect(await retention.run()).toMatchObject({ spacesPurged: 0 });
    });

    it('erases the contacts of a partner archived longer ago than the retention setting', async () => {
      const scope = month.learner.scope;
      const { partner } = await tc.core.partners.view(scope, month.partnerIds.northwind);
      await tc.core.partners.archive(month.learner, partner.id);
      const retention = new DataRetention(
        { store: store.store, clock: tc.clock, ids: tc.ids },
        { uninstallGraceDays: 30, archivedContactDays: 365 },
      );
      tc.clock.advance(364 * DAY);
      expect(await retention.run()).toMatchObject({ contactsErased: 0 });
      tc.clock.advance(2 * DAY);
      expect(await retention.run()).toMatchObject({ contactsErased: 2 });
      expect(await everything(store)).not.toContain(PERSONAL.emails[0]);
      const head = await store.store.read.evidence.head(scope);
      expect(await verifyChain(store.store.read.evidence.stream(scope, {}), head)).toMatchObject({
        intact: true,
      });
      // Already erased: a later run finds nothing more to do.
      expect(await retention.run()).toMatchObject({ contactsErased: 0 });
    });
  });
}
