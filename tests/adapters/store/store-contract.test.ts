import { ConflictError, NotFoundError } from '../../../core/errors';
import type { Scope } from '../../../core/common/scope';
import type { Repositories, StoreReaders } from '../../../core/ports';
import { EvidenceLedger } from '../../../core/evidence/evidence-ledger';
import type { EvidenceDraft, EvidenceEvent } from '../../../core/evidence/evidence-event';
import type { EvidenceOutline } from '../../../core/evidence/evidence-outline';
import type { EvidenceQuery } from '../../../core/evidence/evidence-repository';
import { involvedIdsOf, personIdsOf } from '../../../core/evidence/person-ids';
import { EMPTY_HEAD } from '../../../core/evidence/hash-chain';
import { FakeClock } from '../../../testkit/fake-clock';
import { SequentialIds } from '../../../testkit/sequential-ids';
import { decodeCursor } from '../../../core/common/paging';
import {
  aCaller,
  aMeetingInput,
  anAgreementInput,
  anSlaInput,
  aPartnerInput,
  aUser,
  TENANT_A,
  TENANT_B,
} from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { STORE_KINDS, type TestStore } from '../../../testkit/test-stores';

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

for (const kind of STORE_KINDS) {
  describe(`store contract: ${kind.name}`, () => {
    let t: TestStore;
    let tc: TestCore;

    beforeAll(async () => {
      t = await kind.open();
      tc = testCore(t.store, undefined, kind.name);
    });
    afterAll(async () => t.dispose());

    it('stores a partner with its contacts, owner and check-in schedule, and reads it back', async () => {
      const caller = aCaller({ spaceId: aSpace() });
      const view = await tc.core.partners.add(caller, aPartnerInput());

      const again = await tc.core.partners.view(caller.scope, view.partner.id);
      expect(again.partner).toEqual(view.partner);
      expect(again.partner).toMatchObject({
        name: 'Northwind Logistics',
        side: 'external',
        status: 'active',
        version: 1,
      });
      const contactId = again.partner.contacts[0]!.personId;
      expect(again.people[contactId]).toMatchObject({
        kind: 'contact',
        displayName: 'Priya Shah',
        phone: '+44 20 7946 0018',
      });
      expect(again.people[again.partner.relationshipOwnerId]).toMatchObject({
        kind: 'user',
        displayName: 'Alex Wilber',
      });
      expect(again.checkIn).toMatchObject({
        nextDueDate: '2026-03-16',
        cadence: { every: 2, unit: 'week' },
        active: true,
      });
    });

    it('logs a meeting with its actions, evidence and the completed check-in in one transaction', async () => {
      const caller = aCaller({ spaceId: aSpace() });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput());
      const logged = await tc.core.meetings.log(caller, aMeetingInput(partner.id));

      expect(logged.actions.map((a) => a.title)).toEqual([
        'Share revised rota with the contact centre',
        'Send weekly on-time figures',
      ]);
      expect(logged.meeting.attendeeIds).toHaveLength(2);
      const checkIn = await t.store.read.checkIns.getForPartner(caller.scope, partner.id);
      expect(checkIn).toMatchObject({
        lastCompletedOn: '2026-03-02',
        nextDueDate: '2026-03-16',
        lastMeetingId: logged.meeting.id,
      });

      const kinds = (await collect(t.store.read.evidence.stream(caller.scope, {}))).map((e) => e.kind);
      expect(kinds).toEqual([
        'partner.added',
        'checkin.scheduled',
        'meeting.logged',
        'action.created',
        'action.created',
        'checkin.completed',
      ]);
      await expect(tc.core.evidence.verify(caller.scope)).resolves.toMatchObject({
        intact: true,
        checked: 6,
      });
    });

    it('streams a trail longer than one read batch in order, letting the event loop turn between batches', async () => {
      const scope = aCaller({ spaceId: aSpace() }).scope;
      const drafts: EvidenceDraft[] = Array.from({ length: 1001 }, (_, i) => ({
        kind: 'meeting.logged',
        subject: { type: 'meeting', id: `mtg_${i}` },
        partnerIds: [],
        actorId: 'per_streamer',
        occurredAt: '2026-03-02T10:00:00.000Z',
        snapshot: { title: `Review ${i}` },
      }));
      const ledger = new EvidenceLedger({ clock: new FakeClock(), ids: new SequentialIds('stream') });
      await t.store.transaction((tx) => ledger.record(tx, scope, drafts));

      // SQLite answers synchronously: a stream that never yielded would run this only after its last event.
      let streaming = true;
      let turnedWhileStreaming = false;
      setImmediate(() => (turnedWhileStreaming = streaming));
      const seqs = (await collect(t.store.read.evidence.stream(scope, {}))).map((e) => e.seq);
      streaming = false;

      expect(seqs).toEqual(Array.from({ length: 1001 }, (_, i) => i + 1));
      expect(turnedWhileStreaming).toBe(true);

      // One part of the trail (what an export hands a worker): after one sequence number, up to another.
      const seqsOf = async (q: EvidenceQuery) =>
        (await collect(t.store.read.evidence.stream(scope, q))).map((e) => e.seq);
      const range = { afterSeq: 250, untilSeq: 900 };
      expect(await seqsOf(range)).toEqual(Array.from({ length: 650 }, (_, i) => i + 251));
      expect((await collect(t.store.read.evidence.outline(scope, range))).map((o) => o.seq)).toEqual(
        await seqsOf(range),
      );
      const page = await t.store.read.evidence.list(scope, { afterSeq: 995 }, { limit: 10 });
      expect(page.items.map((e) => e.seq)).toEqual([996, 997, 998, 999, 1000, 1001]);
    });

    it('lists several kinds of evidence page by page in chain order, as a walk of the trail finds them', async () => {
      const scope = aCaller({ spaceId: aSpace() }).scope;
      // Mostly meetings; a witness confirmation and feedback here and there, some of them for one partner.
      const rare: Record<number, { kind: EvidenceDraft['kind']; partnerIds: string[] }> = {
        3: { kind: 'witness.confirmed', partnerIds: [] },
        5: { kind: 'feedback.received', partnerIds: ['ptn_north'] },
        6: { kind: 'feedback.received', partnerIds: [] },
        17: { kind: 'witness.confirmed', partnerIds: ['ptn_north'] },
        25: { kind: 'feedback.received', partnerIds: ['ptn_north'] },
        29: { kind: 'witness.confirmed', partnerIds: [] },
      };
      const drafts: EvidenceDraft[] = Array.from({ length: 30 }, (_, i) => ({
        kind: 'meeting.logged',
        partnerIds: ['ptn_north'],
        ...rare[i + 1],
        subject: { type: 'meeting', id: `mtg_${i}` },
        actorId: 'per_kinds',
        occurredAt: '2026-03-02T10:00:00.000Z',
        snapshot: { title: `Item ${i + 1}` },
      }));
      const ledger = new EvidenceLedger({ clock: new FakeClock(), ids: new SequentialIds('kinds') });
      await t.store.transaction((tx) => ledger.record(tx, scope, drafts));

      const pages = async (query: EvidenceQuery) => {
        const seqs: number[][] = [];
        let after: string | undefined;
        do {
          const page = await t.store.read.evidence.list(scope, query, {
            limit: 2,
            after: after === undefined ? undefined : decodeCursor(after),
          });
          seqs.push(page.items.map((e) => e.seq));
          after = page.nextCursor ?? undefined;
        } while (after !== undefined);
        return seqs;
      };
      const walked = async (query: EvidenceQuery) =>
        (await collect(t.store.read.evidence.stream(scope, query))).map((e) => e.seq);

      const both: EvidenceQuery = { kinds: ['witness.confirmed', 'feedback.received'] };
      expect(await pages(both)).toEqual([
        [3, 5],
        [6, 17],
        [25, 29],
      ]);
      expect((await pages(both)).flat()).toEqual(await walked(both));
      const narrowed: EvidenceQuery = { ...both, partnerId: 'ptn_north', afterSeq: 4, untilSeq: 25 };
      expect(await pages(narrowed)).toEqual([[5, 17], [25]]);
      expect((await pages(narrowed)).flat()).toEqual(await walked(narrowed));
    });

    it('outlines the same events as it streams, naming the people each snapshot names, stored or not', async () => {
      const caller = aCaller({ spaceId: aSpace() });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput());
      await tc.core.meetings.log(caller, aMeetingInput(partner.id));
      const outlineOf = (e: EvidenceEvent): EvidenceOutline => ({
        id: e.id,
        seq: e.seq,
        kind: e.kind,
        occurredAt: e.occurredAt,
        partnerIds: e.partnerIds,
        actorId: e.actorId,
        criteria: e.criteria,
        hash: e.hash,
        personIds: personIdsOf(e),
        involvedIds: involvedIdsOf(e),
      });
      const events = await collect(t.store.read.evidence.stream(caller.scope, {}));
      const expected = events.map(outlineOf);
      // The meeting names its attendees and its actions their owners: not only the actor.
      expect(expected.some((o) => o.personIds.length > 1 && o.involvedIds.length > 1)).toBe(true);
      expect(await collect(t.store.read.evidence.outline(caller.scope, {}))).toEqual(expected);

      // Events stored before the people were kept beside the snapshot (or whose snapshot was rewritten since).
      await t.raw(
        'UPDATE evidence_events SET person_ids = NULL, involved_ids = NULL WHERE tenant_id = ? AND space_id = ?',
        [caller.scope.tenantId, caller.scope.spaceId],
      );
      expect(await collect(t.store.read.evidence.outline(caller.scope, {}))).toEqual(expected);
      const meetings = await collect(
        t.store.read.evidence.outline(caller.scope, { kinds: ['meeting.logged'] }),
      );
      expect(meetings).toEqual(expected.filter((o) => o.kind === 'meeting.logged'));
    });

    it('rolls back every write of a failed use case, evidence included', async () => {
      const caller = aCaller({ spaceId: aSpace() });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput());
      const headBefore = await t.store.read.evidence.head(caller.scope);

      const bad = aMeetingInput(partner.id, { attendees: [{ user: aUser(901, 'Never Stored') }] });
      bad.actions = [
        ...(bad.actions ?? []),
        { title: 'Ghost', owner: { personId: 'per_missing' }, dueDate: '2026-03-20' },
      ];
      await expect(tc.core.meetings.log(caller, bad)).rejects.toBeInstanceOf(NotFoundError);

      expect((await tc.core.meetings.list(caller.scope, {}, { limit: 10 })).items).toEqual([]);
      expect((await tc.core.actions.list(caller.scope, {}, { limit: 10 })).items).toEqual([]);
      expect(await t.store.read.evidence.head(caller.scope)).toEqual(headBefore);
      // The attendee users it would have created are gone too.
      expect(
        await t.store.read.people.findByAadObjectId(caller.scope, aUser(901).aadObjectId),
      ).toBeUndefined();
    });

    it('keeps a picked person pending by the id picked, once, and names them when they write with both ids', async () => {
      const scope: Scope = { tenantId: TENANT_A, spaceId: aSpace() };
      const at = '2026-03-02T09:00:00.000Z';
      const later = '2026-03-03T09:00:00.000Z';
      const byLocalId = `user-id-${kind.name}-7`;
      const [first, again] = await t.store.transaction(async (tx) => [
        await tx.people.upsertPending(scope, `per_pend_${kind.name}_1`, byLocalId, at),
        await tx.people.upsertPending(scope, `per_pend_${kind.name}_2`, byLocalId, at),
      ]);
      expect(first).toMatchObject({
        kind: 'user',
        pending: true,
        teamsUserId: byLocalId,
        displayName: `Pending person (${byLocalId.slice(0, 12)}…)`,
      });
      expect(first!.aadObjectId).toBeUndefined();
      expect(again!.id).toBe(first!.id);

      const adele = aUser(951, 'Adele Vance');
      await t.store.transaction((tx) => tx.people.nameUser(scope, adele, byLocalId, later));
      const named = await t.store.read.people.findByTeamsUserId(scope, byLocalId);
      expect(named).toMatchObject({
        id: first!.id,
        displayName: 'Adele Vance',
        aadObjectId: adele.aadObjectId,
      });
      expect(named!.pending).toBeUndefined();
      expect(await t.store.read.people.findByAadObjectId(scope, adele.aadObjectId)).toEqual(named);
    });

    it('keeps a person picked by Entra id pending until Teams names them, and notes their Teams id', async () => {
      const scope: Scope = { tenantId: TENANT_A, spaceId: aSpace() };
      const megan = aUser(952, 'Megan Bowen');
      const pending = await t.store.transaction((tx) =>
        tx.people.upsertPending(scope, `per_pend_${kind.name}_3`, megan.aadObjectId.toUpperCase(), 'x'),
      );
      expect(pending).toMatchObject({ pending: true, aadObjectId: megan.aadObjectId });
      expect(pending.displayName).toBe('Pending person (00000000-000…)');

      const named = await t.store.transaction((tx) =>
        tx.people.upsertUser(scope, `per_pend_${kind.name}_4`, megan, '2026-03-02T09:00:00.000Z'),
      );
      expect(named).toMatchObject({ id: pending.id, displayName: 'Megan Bowen', email: megan.email });
      expect(named.pending).toBeUndefined();
      await t.store.transaction((tx) => tx.people.nameUser(scope, megan, '29:1meganB2c', 'y'));
      expect(await t.store.read.people.findByTeamsUserId(scope, '29:1meganB2c')).toMatchObject({
        id: pending.id,
        displayName: 'Megan Bowen',
      });
    });

    it('rolls back a transaction that throws after writing', async () => {
      const scope: Scope = { tenantId: TENANT_A, spaceId: aSpace() };
      await expect(
        t.store.transaction(async (tx) => {
          await tx.evidence.lockHead(scope);
          await tx.people.upsertUser(scope, 'per_rollback', aUser(77), '2026-03-02T09:00:00.000Z');
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await t.store.read.people.findByAadObjectId(scope, aUser(77).aadObjectId)).toBeUndefined();
    });

    it('refuses a second partner of the same name in a space, whatever its case and spacing', async () => {
      const caller = aCaller({ spaceId: aSpace() });
      await tc.core.partners.add(caller, aPartnerInput({ name: 'Contoso Facilities' }));
      await expect(
        tc.core.partners.add(caller, aPartnerInput({ name: '  contoso   FACILITIES ' })),
      ).rejects.toBeInstanceOf(ConflictError);
      // Another space may use the name.
      await expect(
        tc.core.partners.add(aCaller({ spaceId: aSpace() }), aPartnerInput({ name: 'Contoso Facilities' })),
      ).resolves.toBeDefined();
    });

    it('refuses an update made from a stale version', async () => {
      const caller = aCaller({ spaceId: aSpace() });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput());
      await tc.core.partners.update(caller, partner.id, aPartnerInput({ notes: 'first edit' }), 1);
      await expect(
        tc.core.partners.update(caller, partner.id, aPartnerInput({ notes: 'stale edit' }), 1),
      ).rejects.toBeInstanceOf(ConflictError);
      expect((await tc.core.partners.view(caller.scope, partner.id)).partner.notes).toBe('first edit');
    });

    it('pages through every partner exactly once, in name order', async () => {
      const caller = aCaller({ spaceId: aSpace() });
      const names = Array.from({ length: 37 }, (_, i) => `Partner ${String.fromCharCode(65 + (i % 26))}${i}`);
      for (const name of names)
        await tc.core.partners.add(caller, aPartnerInput({ name, checkInCadence: undefined }));

      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await tc.core.partners.list(
          caller.scope,
          {},
          { limit: 10, after: cursor ? decodeCursor(cursor) : undefined },
        );
        seen.push(...page.items.map((p) => p.name));
        cursor = page.nextCursor;
      } while (cursor);

      expect(seen).toHaveLength(37);
      expect(new Set(seen).size).toBe(37);
      expect(seen).toEqual([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)));
    });

    it('lists meetings newest first, actions earliest due first and evidence in chain order', async () => {
      const caller = aCaller({ spaceId: aSpace() });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput());
      for (const day of ['05', '01', '03'])
        await tc.core.meetings.log(
          caller,
          aMeetingInput(partner.id, {
            occurredAt: `2026-03-${day}T10:00:00Z`,
            actions: [{ title: `Action from ${day}`, owner: { user: aUser(1) }, dueDate: `2026-04-${day}` }],
          }),
        );

      const meetings = await tc.core.meetings.list(caller.scope, { partnerId: partner.id }, { limit: 2 });
      expect(meetings.items.map((m) => m.occurredAt.slice(8, 10))).toEqual(['05', '03']);
      expect(meetings.nextCursor).not.toBeNull();
      const actions = await tc.core.actions.list(caller.scope, {}, { limit: 10 });
      expect(actions.items.map((a) => a.dueDate)).toEqual(['2026-04-01', '2026-04-03', '2026-04-05']);
      const events = await tc.core.evidence.list(caller.scope, {}, { limit: 100 });
      expect(events.items.map((e) => e.seq)).toEqual(events.items.map((_, i) => i + 1));
    });

    it('serialises concurrent writers to one space into one unbroken chain', async () => {
      const caller = aCaller({ spaceId: aSpace() });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput({ checkInCadence: undefined }));
      await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          tc.core.meetings.log(caller, aMeetingInput(partner.id, { title: `Meeting ${i}`, actions: [] })),
        ),
      );
      const verdict = await tc.core.evidence.verify(caller.scope);
      expect(verdict).toMatchObject({ intact: true, checked: 17 });
    });

    it('stores one meeting when the same submit arrives twice at once', async () => {
      const caller = aCaller({ spaceId: aSpace() });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput());
      const [first, second] = await Promise.all([
        tc.core.meetings.log(caller, aMeetingInput(partner.id), 'card-7f3a'),
        tc.core.meetings.log(caller, aMeetingInput(partner.id), 'card-7f3a'),
      ]);
      expect(second!.meeting.id).toBe(first!.meeting.id);
      expect([first!.replayed, second!.replayed].sort()).toEqual([false, true]);
      expect((await tc.core.meetings.list(caller.scope, {}, { limit: 10 })).items).toHaveLength(1);
      expect((await tc.core.actions.list(caller.scope, {}, { limit: 10 })).items).toHaveLength(2);
    });

    it('agrees a priority agreement once every party acknowledged, and supersedes the version it revises', async () => {
      const caller = aCaller({ spaceId: aSpace() });
      const other = aCaller({ spaceId: caller.scope.spaceId, user: aUser(2, 'Megan Bowen') });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput());
      const v1 = await tc.core.agreements.propose(caller, anAgreementInput(partner.id));
      await tc.core.agreements.acknowledge(caller, { agreementId: v1.agreement.id, partyId: 'party-1' });
      const agreed = await tc.core.agreements.acknowledge(other, { agreementId: v1.agreement.id });
      expect(agreed.agreement.status).toBe('agreed');
      expect(agreed.agreement.acknowledgements.map((a) => a.partyId)).toEqual(['party-1', 'party-2']);

      const v2 = await tc.core.agreements.propose(
        caller,
        anAgreementInput(partner.id, { supersedesId: v1.agreement.id }),
      );
      await tc.core.agreements.acknowledge(caller, { agreementId: v2.agreement.id, partyId: 'party-1' });
      await tc.core.agreements.acknowledge(other, { agreementId: v2.agreement.id, partyId: 'party-2' });

      const series = await tc.core.agreements.list(
        caller.scope,
        { seriesId: v1.agreement.seriesId },
        { limit: 10 },
      );
      expect(series.items.map((a) => [a.versionNo, a.status])).toEqual([
        [2, 'agreed'],
        [1, 'superseded'],
      ]);
      expect(series.items[1]!.supersededById).toBe(v2.agreement.id);
      await expect(tc.core.evidence.verify(caller.scope)).resolves.toMatchObject({ intact: true });
    });

    it('records SLA readings against the target', async () => {
      const caller = aCaller({ spaceId: aSpace() });
      const { partner } = await tc.core.partners.add(caller, aPartnerInput());
      const sla = await tc.core.slas.define(caller, anSlaInput(partner.id));
      await tc.core.slas.recordReading(caller, {
        slaId: sla.id,
        periodStart: '2026-01-01',
        periodEnd: '2026-01-31',
        value: 3.5,
      });
      await tc.core.slas.recordReading(caller, {
        slaId: sla.id,
        periodStart: '2026-02-01',
        periodEnd: '2026-02-28',
        value: 5.25,
      });
      const readings = await tc.core.slas.readings(caller.scope, sla.id, { limit: 10 });
      expect(readings.items.map((r) => [r.periodStart, r.value, r.met])).toEqual([
        ['2026-02-01', 5.25, false],
        ['2026-01-01', 3.5, true],
      ]);
    });

    describe('isolation', () => {
      const home: Scope = { tenantId: TENANT_A, spaceId: 'team:isolation-home' };
      const seeded: Record<string, string> = {};

      beforeAll(async () => {
        const caller = aCaller({ tenantId: home.tenantId, spaceId: home.spaceId });
        const { partner } = await tc.core.partners.add(caller, aPartnerInput());
        const logged = await tc.core.meetings.log(caller, aMeetingInput(partner.id));
        const agreement = await tc.core.agreements.propose(caller, anAgreementInput(partner.id));
        await tc.core.agreements.acknowledge(caller, {
          agreementId: agreement.agreement.id,
          partyId: 'party-1',
        });
        const sla = await tc.core.slas.define(caller, anSlaInput(partner.id));
        await tc.core.slas.recordReading(caller, {
          slaId: sla.id,
          periodStart: '2026-02-01',
          periodEnd: '2026-02-28',
          value: 2,
        });
        await tc.core.conversations.remember({
          tenantId: home.tenantId,
          kind: 'user',
          key: aUser(1).aadObjectId,
          serviceUrl: 'https://smba.trafficmanager.net/emea/',
          channelId: 'msteams',
          botId: '28:bot',
          conversationId: 'a:1personal',
          userId: '29:1user',
        });
        await tc.core.meetingCapture.capture(caller, { kind: 'decision', text: 'Weekend rota agreed' });
        const events = await tc.core.evidence.list(home, {}, { limit: 1 });
        const feedback = await tc.core.evidenceRequests.requestFeedback(caller, {
          partnerId: partner.id,
          recipient: aUser(2, 'Megan Bowen'),
        });
        const { record } = await tc.core.exports.prepare(caller, { format: 'json' });
        const actionOwnerId = logged.actions[0]!.ownerId;
        const [reminder] = (
          await t.store.read.reminders.listForOwner(home, actionOwnerId, ['pending'], { limit: 1 })
        ).items;
        await t.store.transaction(async (tx) => {
          await tx.reminders.logAttempt({
            tenantId: home.tenantId,
            reminderId: reminder!.id,
            attempt: 1,
            at: '2026-03-02T09:00:00.000Z',
            outcome: 'sent',
            route: 'personal',
          });
          await tx.calendarSync.saveEvent(
            home,
            'chk_contract',
            { eventId: 'AAMkAGI2contract', ownerAadObjectId: aUser(1).aadObjectId },
            '2026-03-02T09:00:00.000Z',
          );
          await tx.privacy.audit({
            id: 'prv_contract',
            tenantId: home.tenantId,
            at: '2026-03-02T09:00:00.000Z',
            actor: 'admin',
            action: 'person_exported',
            subject: actionOwnerId,
            detail: { evidence: 1 },
          });
          await tx.people.upsertPending(
            home,
            'per_contract_pending',
            'user-id-contract',
            '2026-03-02T09:00:00.000Z',
          );
          await tx.reminders.savePreferences(
            home,
            actionOwnerId,
            {
              timeZone: 'Europe/London',
              windowStart: '09:00',
              windowEnd: '17:00',
              weekdays: [1, 2, 3, 4, 5],
              quietDates: [],
              digest: false,
              stopped: [],
            },
            '2026-03-02T09:00:00.000Z',
          );
          await tx.reminders.recordUnreachable({
            tenantId: home.tenantId,
            spaceId: home.spaceId,
            subjectId: logged.actions[0]!.id,
            reminderId: reminder!.id,
            ownerId: actionOwnerId,
            assignerId: actionOwnerId,
            title: 'Share the revised rota',
            date: '2026-03-04',
            at: '2026-03-02T09:00:00.000Z',
          });
          await tx.meetingInsightsQueue.enqueue(
            {
              ...home,
              onlineMeetingId: 'MSp-contract-meeting',
              organizerAadObjectId: aUser(1).aadObjectId,
              title: 'Monthly delivery review',
              startedAt: '2026-03-02T10:00:00.000Z',
              endedAt: '2026-03-02T11:00:00.000Z',
            },
            '2026-03-02T11:00:00.000Z',
          );
        });
        Object.assign(seeded, {
          reminderId: reminder!.id,
          requestId: feedback.id,
          recipientId: feedback.recipientId,
          exportCode: record.code,
          partnerId: partner.id,
          contactId: partner.contacts[0]!.personId,
          ownerId: partner.relationshipOwnerId,
          meetingId: logged.meeting.id,
          actionId: logged.actions[0]!.id,
          actionOwnerId: logged.actions[0]!.ownerId,
          agreementId: agreement.agreement.id,
          slaId: sla.id,
          eventId: events.items[0]!.id,
        });
      });

      /** Every public read of the store, called with a scope and the seeded ids; returns what it found. */
      const reads: Record<string, Record<string, (r: StoreReaders, s: Scope) => Promise<unknown>>> = {
        people: {
          getMany: (r, s) => r.people.getMany(s, [seeded.ownerId!, seeded.contactId!]),
          findByAadObjectId: (r, s) => r.people.findByAadObjectId(s, aUser(1).aadObjectId),
          findByTeamsUserId: (r, s) => r.people.findByTeamsUserId(s, 'user-id-contract'),
          needingProfile: (r, s) =>
            (r as unknown as Repositories).people.needingProfile(s, '2999-01-01T00:00:00.000Z', 10),
        },
        partners: {
          get: (r, s) => r.partners.get(s, seeded.partnerId!),
          getMany: (r, s) => r.partners.getMany(s, [seeded.partnerId!]),
          list: (r, s) => r.partners.list(s, {}, { limit: 10 }).then((p) => p.items),
        },
        meetings: {
          get: (r, s) => r.meetings.get(s, seeded.meetingId!),
          list: (r, s) =>
            Promise.all([
              r.meetings.list(s, {}, { limit: 10 }),
              r.meetings.list(s, { partnerId: seeded.partnerId! }, { limit: 10 }),
            ]).then((pages) => pages.flatMap((p) => p.items)),
        },
        actions: {
          get: (r, s) => r.actions.get(s, seeded.actionId!),
          list: (r, s) => r.actions.list(s, {}, { limit: 10 }).then((p) => p.items),
          listForOwner: (r, s) =>
            r.actions.listForOwner(s, seeded.actionOwnerId!, {}, { limit: 10 }).then((p) => p.items),
          openCountsByPartner: (r, s) => r.actions.openCountsByPartner(s, [seeded.partnerId!], '2026-12-31'),
        },
        agreements: {
          get: (r, s) => r.agreements.get(s, seeded.agreementId!),
          list: (r, s) => r.agreements.list(s, {}, { limit: 10 }).then((p) => p.items),
        },
        slas: {
          get: (r, s) => r.slas.get(s, seeded.slaId!),
          list: (r, s) => r.slas.list(s, {}, { limit: 10 }).then((p) => p.items),
          listReadings: (r, s) => r.slas.listReadings(s, seeded.slaId!, { limit: 10 }).then((p) => p.items),
          latestResults: (r, s) => r.slas.latestResults(s, [seeded.partnerId!]),
        },
        checkIns: {
          get: async (r, s) => {
            const own = await r.checkIns.getForPartner(home, seeded.partnerId!);
            return r.checkIns.get(s, own!.id);
          },
          getForPartner: (r, s) => r.checkIns.getForPartner(s, seeded.partnerId!),
          getForPartners: (r, s) => r.checkIns.getForPartners(s, [seeded.partnerId!]),
          list: (r, s) => r.checkIns.list(s, {}, { limit: 10 }).then((p) => p.items),
          listForOwner: (r, s) =>
            r.checkIns.listForOwner(s, seeded.ownerId!, { limit: 10 }).then((p) => p.items),
        },
        evidence: {
          get: (r, s) => r.evidence.get(s, seeded.eventId!),
          list: (r, s) => r.evidence.list(s, {}, { limit: 10 }).then((p) => p.items),
          stream: (r, s) => collect(r.evidence.stream(s, {})),
          outline: (r, s) => collect(r.evidence.outline(s, {})),
          head: (r, s) => r.evidence.head(s).then((h) => (h.seq === EMPTY_HEAD.seq ? undefined : h)),
        },
        evidenceRequests: {
          get: (r, s) => r.evidenceRequests.get(s, seeded.requestId!),
          listForRecipient: (r, s) =>
            r.evidenceRequests
              .listForRecipient(s, seeded.recipientId!, 'pending', { limit: 10 })
              .then((p) => p.items),
        },
        exports: {
          findByCode: (r, s) => r.exports.findByCode(s, seeded.exportCode!),
        },
        reminders: {
          get: (r, s) => r.reminders.get(s, seeded.reminderId!),
          listForOwner: (r, s) =>
            r.reminders.listForOwner(s, seeded.actionOwnerId!, [], { limit: 10 }).then((p) => p.items),
          pendingForOwner: (r, s) => (r.reminders as any).pendingForOwner(s, seeded.actionOwnerId!),
          pendingForSubject: (r, s) => (r.reminders as any).pendingForSubject(s, 'action', seeded.actionId!),
          deliveries: (r, s) => r.reminders.deliveries(s, seeded.reminderId!),
          preferences: (r, s) => r.reminders.preferences(s, seeded.actionOwnerId!),
          unreachableAssigned: (r, s) => r.reminders.unreachableAssigned(s, seeded.actionOwnerId!, 10),
        },
        conversations: {
          get: (r, s) => r.conversations.get(s, 'user', aUser(1).aadObjectId),
          findUsers: (r, s) => r.conversations.findUsers(s, [aUser(1).aadObjectId]),
        },
        privacy: {
          evidenceSpaces: (r, s) => r.privacy.evidenceSpaces(s),
          auditLog: (r, s) => r.privacy.auditLog(s, 10),
        },
        calendarSync: {
          event: (r, s) => (r as unknown as Repositories).calendarSync.event(s, 'chk_contract'),
          states: (r, s) => r.calendarSync.states(s, ['chk_contract']).then((m) => [...m.values()]),
        },
        meetingDrafts: {
          get: (r, s) => r.meetingDrafts.get(s),
        },
        meetingInsightsQueue: {
          proposal: (r, s) =>
            r.meetingInsightsQueue.proposal(s, 'MSp-contract-meeting', '2026-03-02T10:00:00.000Z'),
        },
      };
      /** Reads that span the tenant's spaces by design (a person's own work, the tenant's people). */
      const tenantWide = new Set([
        'people.getMany',
        'people.findByAadObjectId',
        'people.findByTeamsUserId',
        'people.needingProfile',
        'actions.listForOwner',
        'checkIns.listForOwner',
        // A person's pending requests come from every space they were asked from; a printed export code is
        // looked up across the tenant (the record then names its space).
        'evidenceRequests.listForRecipient',
        'exports.findByCode',
        // A person's reminders, preferences and delivery log follow them across the tenant's spaces.
        'reminders.get',
        'reminders.listForOwner',
        'reminders.pendingForOwner',
        'reminders.deliveries',
        'reminders.preferences',
        // An assigner's list of owners nothing reached spans the spaces they assign work in, like their My work.
        'reminders.unreachableAssigned',
        // Conversation references belong to the tenant: a person or chat is reachable whatever space it logs to.
        'conversations.get',
        'conversations.findUsers',
        // Data-rights work spans the tenant: erasure reaches every space a person appears in.
        'privacy.evidenceSpaces',
        'privacy.auditLog',
        // A check-in's calendar event is keyed by the check-in, whose id is unique in the tenant.
        'calendarSync.event',
        'calendarSync.states',
      ]);
      const cases = Object.entries(reads).flatMap(([repo, methods]) =>
        Object.entries(methods).map(([method, read]) => ({ name: `${repo}.${method}`, read })),
      );
      const isEmpty = (found: unknown) => found === undefined || (Array.isArray(found) && found.length === 0);

      it('has a case for every public read method of every repository', () => {
        const writes = new Set([
          'insert',
          'update',
          'save',
          'appendAll',
          'lockHead',
          'upsertUser',
          'upsertPending',
          'nameUser',
          'typeName',
          'insertContact',
          'updateContact',
          'insertReading',
          'addAcknowledgement',
          'claim',
          'complete',
          'markWelcomed',
          'close',
          'cancel',
          'reschedule',
          'savePreferences',
          'logAttempt',
          'recordUnreachable',
          'audit',
          'pseudonymisePerson',
          'scrubRecordTexts',
          'replaceSnapshot',
          'forgetTeamsUser',
          'purgeSpace',
          // The retention job's queries: across tenants by design, and tested in tests/core/privacy.
          'removedBefore',
          'contactsOfPartnersArchivedBefore',
          'enqueue',
          'retryAt',
          'done',
          'saveEvent',
          'forgetEvent',
          'saveProfile',
          'take',
          'hold',
          // The calendar sync's claim, across tenants by design (tests/core/checkins/calendar-sync).
          'due',
          // The meeting insights job's writes (tests/core/meetings/meeting-insights-sync).
          'propose',
          'announced',
          'noteRefusal',
        ]);
        const readers = t.store.read as unknown as Record<string, object>;
        const publicReads = Object.keys(readers).flatMap((repo) =>
          Object.getOwnPropertyNames(Object.getPrototypeOf(readers[repo]))
            .filter((m) => m !== 'constructor' && !writes.has(m))
            .map((m) => `${repo}.${m}`),
        );
        expect(cases.map((c) => c.name).sort()).toEqual(
          publicReads.filter((n) => !n.startsWith('idempotency.')).sort(),
        );
      });

      it.each(cases)('$name finds the seeded records from their own scope', async ({ read }) => {
        expect(isEmpty(await read(t.store.read, home))).toBe(false);
      });

      it.each(cases)('$name returns nothing to another tenant using the same space id', async ({ read }) => {
        expect(isEmpty(await read(t.store.read, { tenantId: TENANT_B, spaceId: home.spaceId }))).toBe(true);
      });

      it.each(cases.filter((c) => !tenantWide.has(c.name)))(
        '$name returns nothing to another space of the same tenant',
        async ({ read }) => {
          expect(
            isEmpty(await read(t.store.read, { tenantId: TENANT_A, spaceId: 'team:isolation-elsewhere' })),
          ).toBe(true);
        },
      );

      it('does not let another space attach a meeting to this space’s partner or contact', async () => {
        const intruder = aCaller({ tenantId: TENANT_A, spaceId: 'team:isolation-elsewhere' });
        await expect(tc.core.meetings.log(intruder, aMeetingInput(seeded.partnerId!))).rejects.toBeInstanceOf(
          NotFoundError,
        );
        const { partner } = await tc.core.partners.add(intruder, aPartnerInput({ name: 'Intruder partner' }));
        await expect(
          tc.core.meetings.log(
            intruder,
            aMeetingInput(partner.id, { attendees: [{ personId: seeded.contactId! }] }),
          ),
        ).rejects.toBeInstanceOf(NotFoundError);
      });
    });
  });
}
