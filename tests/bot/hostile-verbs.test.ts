import fc from 'fast-check';
import { aCaller, aMeetingInput, anAgreementInput, aPartnerInput } from '../../testkit/factories';
import { hostileBody } from '../support/hostile-input';
import { propertySeed, replayable } from '../support/property-seed';
import { PEOPLE, PLACES } from '../support/teams-activities';
import { TeamsTestClient } from '../support/bot-client';
import { addPartnerViaBot, formSubmitsViaBot } from '../support/bot-steps';

/** Generated card submits per run, shared across every verb. */
const VERB_CASES = 4_000;
/** Verbs that submit a form: a refused one comes back as the form with the problem shown. */
const FORM_VERBS = new Set([
  'partner.add',
  'meeting.log',
  'action.create',
  'agreement.propose',
  'meeting.actions.add',
]);

/**
 * Every card verb (and both dialog submits), fed generated hostile data through the real adapter over HTTP:
 * malformed, oversized, deeply nested, confusable and injection payloads, and valid data with one field made
 * hostile. Never a 5xx; a refusal (an error answer, or the form again) commits nothing; the chain stays intact.
 */
describe('hostile card data', () => {
  let t: TeamsTestClient;
  const valid: Record<string, Record<string, unknown>> = {};
  const tally = {
    cases: 0,
    refused: 0,
    accepted: 0,
    /** Accepted submits the commit counter saw: proof it sees commits, so its silence on refusals counts. */
    committed: 0,
    serverErrors: [] as string[],
    partialWrites: [] as string[],
  };

  beforeAll(async () => {
    t = await TeamsTestClient.start();
    const partnerId = await addPartnerViaBot(t, 'Northwind Logistics', PEOPLE.alex, 'groupChat');
    const caller = aCaller({ spaceId: `chat:${PLACES.groupChat}` });
    const meeting = await t.app.core.meetings.log(caller, aMeetingInput(partnerId));
    const actionId = meeting.actions[0]!.id;
    const agreementId = (await t.app.core.agreements.propose(caller, anAgreementInput(partnerId))).agreement
      .id;
    const pendingOwned = await t.app.core.partners.add(
      caller,
      aPartnerInput({
        name: 'Tailspin Couriers',
        relationshipOwner: { pending: 'ffffffff-ffff-4fff-8fff-fffffffffff9' },
      }),
    );
    const pendingId = pendingOwned.partner.relationshipOwnerId;
    Object.assign(valid, await formSubmitsViaBot(t, PEOPLE.alex, 'groupChat'), {
      'action.done': { actionId, card: 'action' },
      'agreement.acknowledge': { agreementId, partyId: 'party-1' },
      'agreement.open': { agreementId },
      'meeting.refresh': { meetingId: meeting.meeting.id },
      'agreement.refresh': { agreementId },
      'action.refresh': { actionId },
      'list.page': { list: 'partners' },
      'reminder.snooze': { reminderIds: ['rem_000001'], for: '1d' },
      'reminder.stop': { family: 'checkins' },
      'reminder.done': { actionId, spaceId: `chat:${PLACES.groupChat}` },
      'person.name': {
        personId: pendingId,
        card: 'partner',
        recordId: pendingOwned.partner.id,
        [`typedName-${pendingId}`]: 'Lee Gu',
      },
      'meeting.insights.review': {
        onlineMeetingId: 'MSpkYzE3NjQ2My1mNTU2LTRmZmEtYTk4My05ZmE5NWRiNzk0YjIqMCoqMTk6bWVldGluZw==',
        startedAt: '2026-03-03T10:00:00.000Z',
      },
      'meeting.actions.add': {
        formId: 'form-hostile-actions-0001',
        meetingId: meeting.meeting.id,
        aiOwners: ['Megan Bowen'],
        action1Title: 'Share the revised depot rota',
        action1Owner: PEOPLE.megan.aadObjectId,
        action1Due: '2026-03-10',
      },
    });
  });
  afterAll(async () => {
    console.log(
      `hostile card data: ${JSON.stringify({ ...tally, serverErrors: tally.serverErrors.length })}`,
    );
    await t.close();
  });

  const dataVersion = async () =>
    Number(((await t.app.store.raw('PRAGMA data_version')) as { data_version: number }[])[0]!.data_version);

  /** Presses a button whose data is `text`, sent as is (JSON or not, nested however deep). */
  async function execute(verb: string, text: string) {
    const activity = t.activity('adaptive-card-action', PEOPLE.alex, 'groupChat', {
      replyToId: '1772442001001',
      value: { action: { type: 'Action.Execute', verb, data: '@DATA@' }, trigger: 'manual' },
    });
    const data = /^\s*[[{]/.test(text) ? text : JSON.stringify(text);
    const res = await fetch(`${t.app.baseUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity).replace('"@DATA@"', () => data),
    });
    const answer = await res.text();
    let body: any;
    try {
      body = JSON.parse(answer);
    } catch {
      body = undefined;
    }
    return { status: res.status, body };
  }

  /** Whether the bot turned the submit down: an error answer, or (for a form) the same form back. */
  function refused(verb: string, body: any): boolean {
    if (body?.type === 'application/vnd.microsoft.error') return true;
    return FORM_VERBS.has(verb) && JSON.stringify(body?.value ?? {}).includes(`"verb":"${verb}"`);
  }

  it(
    'never answers with a 5xx, and commits nothing when it refuses',
    replayable(async () => {
      const verbs = Object.keys(valid);
      const perVerb = Math.ceil(VERB_CASES / verbs.length);
      for (const verb of verbs)
        await fc.assert(
          fc.asyncProperty(hostileBody(valid[verb]!), async ({ text }) => {
            const before = await dataVersion();
            const answer = await execute(verb, text);
            const changed = (await dataVersion()) !== before;
            tally.cases += 1;
            const status = Math.max(answer.status, Number(answer.body?.statusCode ?? 0));
            if (status >= 500) tally.serverErrors.push(`${verb} ${status}: ${text.slice(0, 120)}`);
            if (refused(verb, answer.body)) {
              tally.refused += 1;
              if (changed) tally.partialWrites.push(`${verb}: ${text.slice(0, 120)}`);
            } else {
              tally.accepted += 1;
              if (changed) tally.committed += 1;
            }
          }),
          { numRuns: perVerb, seed: propertySeed },
        );
      expect(tally.serverErrors).toEqual([]);
      expect(tally.partialWrites).toEqual([]);
    }),
    600_000,
  );

  it(
    'keeps the evidence chain intact through everything it accepted',
    replayable(async () => {
      expect(tally.accepted).toBeGreaterThan(20);
      // A form's id makes a repeated submit a replay, so each form commits once however often it is accepted.
      expect(tally.committed).toBeGreaterThan(0);
      const verdict = await t.app.core.evidence.verify({
        tenantId: PLACES.tenant,
        spaceId: `chat:${PLACES.groupChat}`,
      });
      expect(verdict).toMatchObject({ intact: true });
    }),
  );
});
