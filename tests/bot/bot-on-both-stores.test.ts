import { STORE_KINDS } from '../../testkit/test-stores';
import { PEOPLE } from '../support/teams-activities';
import { TeamsTestClient } from '../support/bot-client';
import { addPartnerViaBot, storedCounts } from '../support/bot-steps';
import { answeredCard, buttons, cardText, input, submitData } from '../support/card-reading';

for (const kind of STORE_KINDS) {
  describe(`the bot on ${kind.name}`, () => {
    let t: TeamsTestClient;

    beforeAll(async () => {
      t = await TeamsTestClient.start({ store: await kind.open() });
    });
    afterAll(async () => t.close());

    it('logs one meeting for a double submit and marks its action done, evidence intact', async () => {
      await addPartnerViaBot(t, 'Northwind Logistics', PEOPLE.alex, 'groupChat');
      await t.say('log meeting', PEOPLE.alex, 'groupChat');
      const form = t.lastPostedCard();
      const data = submitData(form, 'meeting.log', {
        title: 'Both stores',
        partnerIds: input(form, 'partnerIds')!.choices[0].value,
        date: '2026-03-02',
        time: '10:00',
        type: 'review',
        medium: 'phone',
        action1Title: 'Call back',
        action1Owner: PEOPLE.alex.aadObjectId,
        action1Due: '2026-03-03',
      });
      const before = await storedCounts(t);
      const answers = await Promise.all(
        [1, 2, 3].map(() => t.execute('meeting.log', data, { where: 'groupChat' })),
      );
      const after = await storedCounts(t);
      expect([after.meetings - before.meetings, after.actions - before.actions]).toEqual([1, 1]);
      const [markDone] = buttons(answeredCard(answers[0]!.body), 'action.done');
      const done = answeredCard(
        (await t.execute('action.done', markDone!.data, { where: 'groupChat' })).body,
      );
      expect(cardText(done)).toContain('Marked done: Call back');
      const scope = {
        tenantId: '11111111-1111-4111-8111-111111111111',
        spaceId: 'chat:19:6f1c2b9a8e7d4c3b2a1f0e9d8c7b6a59@thread.v2',
      };
      await expect(t.app.core.evidence.verify(scope)).resolves.toMatchObject({ intact: true });
    });
  });
}
