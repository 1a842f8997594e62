import { Writable } from 'node:stream';
import { EXPORT_WRITERS } from '../../adapters/export/export-writers';
import type { Caller } from '../../core/common/caller';
import type { ExportHeader } from '../../core/export/export-layout';
import type { ExportRequest } from '../../core/export/export-request';
import {
  aCaller,
  aMeetingInput,
  anAgreementInput,
  anSlaInput,
  aPartnerInput,
  aUser,
} from '../../testkit/factories';
import type { TestCore } from '../../testkit/test-core';
import { aSpace } from '../../testkit/test-core';

/** Personal data the month mentions, which a redacted export must not show in any format. */
export const PERSONAL = {
  contactNames: ['Priya Shah', 'Priya', 'Shah', 'Tomás Ó Briain', 'Tomás', 'Briain'],
  emails: ['priya.shah@northwind.example', 'tomas.obriain@fabrikam.example'],
  phones: ['+44 20 7946 0018', '020 7946 0018', '07700 900123', '(0161) 496 0999'],
};

/** A learner's month of partner work: what a CFACSB9 portfolio is made from. */
export interface EvidenceMonth {
  readonly learner: Caller;
  readonly colleague: Caller;
  readonly partnerIds: { northwind: string; finance: string };
}

/**
 * Seeds a month (March 2026) in a fresh space: two partners (an external supplier with two contacts, an
 * internal customer), three meetings whose minutes name contacts, e-mails and phone numbers and hold commas,
 * quotes, line breaks and non-Latin text; actions, one done; an agreement acknowledged by both parties; an SLA
 * with a reading; a STARR reflection; partner feedback; a witness confirmation.
 */
export async function seedEvidenceMonth(tc: TestCore): Promise<EvidenceMonth> {
  tc.clock.set('2026-03-02T09:00:00Z');
  const learner = aCaller({ spaceId: aSpace('learner'), user: aUser(1, 'Alex Wilber') });
  const colleague = { ...learner, user: aUser(2, 'Megan Bowen') };
  const northwind = await tc.core.partners.add(
    learner,
    aPartnerInput({
      contacts: [
        {
          details: { displayName: 'Priya Shah', email: PERSONAL.emails[0], phone: PERSONAL.phones[0] },
          role: 'Account manager',
          communicationStyle: 'data_driven',
          preferredChannel: 'teams_meeting',
          isDecisionMaker: true,
          isEscalationContact: false,
        },
        {
          details: { displayName: 'Tomás Ó Briain', email: PERSONAL.emails[1], phone: PERSONAL.phones[2] },
          role: 'Depot supervisor',
          communicationStyle: 'concise',
          preferredChannel: 'phone',
          isDecisionMaker: false,
          isEscalationContact: true,
        },
      ],
    }),
  );
  const finance = await tc.core.partners.add(
    learner,
    aPartnerInput({ name: 'Finance Refunds Team', kind: 'internal_customer', contacts: [] }),
  );
  const [priya] = northwind.partner.contacts;

  tc.clock.set('2026-03-03T16:00:00Z');
  const review = await tc.core.meetings.log(
    learner,
    aMeetingInput(northwind.partner.id, {
      occurredAt: '2026-03-03T10:00:00Z',
      attendees: [{ user: learner.user }, { personId: priya!.personId }],
      minutes:
        'Priya Shah said the depot rota "changed, again", so deliveries slipped.\nShe will e-mail priya.shah@northwind.example ' +
        'or call 020 7946 0018; Tomás can be reached on 07700 900123 or (0161) 496 0999. 東京 office copied; Zoë agreed.',
      decisions: ['Two shifts from 9 March, with cover on Saturdays'],
    }),
  );
  tc.clock.set('2026-03-06T11:00:00Z');
  await tc.core.actions.changeStatus(colleague, {
    actionId: review.actions[0]!.id,
    status: 'done',
    note: 'Rota shared, “thanks” from the team',
  });

  tc.clock.set('2026-03-10T15:00:00Z');
  await tc.core.meetings.log(
    learner,
    aMeetingInput(finance.partner.id, {
      title: 'Refund backlog, negotiation',
      type: 'negotiation',
      occurredAt: '2026-03-10T14:00:00Z',
      actions: [],
    }),
  );
  const agreement = await tc.core.agreements.propose(
    learner,
    anAgreementInput(northwind.partner.id, { effectiveFrom: '2026-03-10', reviewDate: '2026-06-30' }),
  );
  await tc.core.agreements.acknowledge(learner, { agreementId: agreement.agreement.id, partyId: 'party-1' });
  tc.clock.set('2026-03-11T09:30:00Z');
  await tc.core.agreements.acknowledge(colleague, {
    agreementId: agreement.agreement.id,
    partyId: 'party-2',
  });

  const sla = await tc.core.slas.define(learner, anSlaInput(northwind.partner.id));
  await tc.core.slas.recordReading(learner, {
    slaId: sla.id,
    periodStart: '2026-03-01',
    periodEnd: '2026-03-15',
    value: 3.5,
  });

  tc.clock.set('2026-03-20T10:00:00Z');
  const items = (
    await tc.core.evidence.list(
      learner.scope,
      { kinds: ['meeting.logged', 'agreement.agreed'] },
      { limit: 10 },
    )
  ).items;
  const draft = await tc.core.curation.draftReflection(
    learner.scope,
    items.map((e) => e.id),
  );
  await tc.core.curation.writeReflection(learner, {
    title: 'Recovering late deliveries with Northwind',
    itemIds: items.map((e) => e.id),
    ...draft,
    result: 'Missed delivery promises fell from 3 to 0 in two weeks.',
    reflection: 'Next time I will agree the priority rule before peak season, not during it.',
  });
  const feedback = await tc.core.evidenceRequests.requestFeedback(learner, {
    partnerId: northwind.partner.id,
    recipient: colleague.user,
  });
  await tc.core.evidenceRequests.answerFeedback(colleague, {
    requestId: feedback.id,
    rating: 5,
    comment: 'Clear, data-led and quick to follow up.',
  });
  const witness = await tc.core.evidenceRequests.requestWitness(learner, {
    itemIds: [items[0]!.id],
    witness: colleague.user,
  });
  await tc.core.evidenceRequests.confirmWitness(colleague, {
    requestId: witness.id,
    role: 'Team leader, Customer Service',
    statement: 'I attended and saw Alex lead the review and agree the actions.',
  });
  tc.clock.set('2026-03-31T17:00:00Z');
  return { learner, colleague, partnerIds: { northwind: northwind.partner.id, finance: finance.partner.id } };
}

/** Writes an export to memory: the file's bytes and the document's header. */
export async function exportToBuffer(
  tc: TestCore,
  caller: Caller,
  request: ExportRequest,
): Promise<{ bytes: Buffer; header: ExportHeader }> {
  const { document } = await tc.core.exports.prepare(caller, request);
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  await EXPORT_WRITERS[request.format].write(document, sink);
  return { bytes: Buffer.concat(chunks), header: document.header };
}
