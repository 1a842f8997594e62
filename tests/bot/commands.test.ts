import { BOT_COMMANDS } from '../../bot/command-list';
import { PEOPLE, PLACES } from '../support/teams-activities';
import { TeamsTestClient } from '../support/bot-client';
import { addPartnerViaBot } from '../support/bot-steps';
import { answeredCard, buttons, cardText, submitData } from '../support/card-reading';

describe('typed commands', () => {
  let t: TeamsTestClient;

  beforeAll(async () => {
    t = await TeamsTestClient.start();
  });
  afterAll(async () => t.close());
  beforeEach(() => t.connector.reset());

  it('answers every command of the manifest list with exactly one message holding a card', async () => {
    for (const command of BOT_COMMANDS) {
      t.connector.reset();
      const answer = await t.say(command.title.toUpperCase(), PEOPLE.adele);
      expect({ command: command.title, status: answer.status }).toEqual({
        command: command.title,
        status: 200,
      });
      const posted = t.connector.posted(PEOPLE.adele.personalConversationId);
      expect({ command: command.title, messages: posted.length }).toEqual({
        command: command.title,
        messages: 1,
      });
      expect(posted[0].attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    }
  });

  it('asks for a partner before a meeting or agreement can be logged', async () => {
    await t.say('log meeting', PEOPLE.adele);
    expect(cardText(t.lastPostedCard())).toContain('Add a partner first');
    await t.say('new agreement', PEOPLE.adele);
    expect(cardText(t.lastPostedCard())).toContain('Add a partner first');
  });

  it('suggests the closest command for text it does not understand', async () => {
    await t.say('log a meeting please');
    expect(cardText(t.lastPostedCard())).toContain('Did you mean **log meeting**?');
    await t.say('parnters');
    const card = t.lastPostedCard();
    expect(cardText(card)).toContain('I did not understand “parnters”.');
    expect(cardText(card)).toContain('Did you mean **partners**?');
    expect(card.actions[0].data).toEqual({ msteams: { type: 'imBack', value: 'partners' } });
  });

  it('strips the @mention in a channel and lists the team’s partners there', async () => {
    await addPartnerViaBot(t, 'Team partner', PEOPLE.alex, 'channel');
    t.connector.reset();
    const answer = await t.say('Partners.', PEOPLE.megan, 'channel');
    expect(answer.status).toBe(200);
    // Teams' channel conversation id names the thread; the answer goes into that thread.
    const [reply] = t.connector.posted(`${PLACES.channel};messageid=1772442631205`);
    expect(cardText(reply.attachments[0].content)).toContain('Team partner');
    // The team's records are not the group chat's.
    await t.say('partners', PEOPLE.megan, 'groupChat');
    expect(cardText(t.lastPostedCard(PLACES.groupChat))).not.toContain('Team partner');
  });

  it('lists my open actions across conversations, overdue first, and marks one done in the list', async () => {
    const partnerId = await addPartnerViaBot(t, 'Fabrikam', PEOPLE.alex, 'groupChat');
    await t.say('new action', PEOPLE.alex, 'groupChat');
    const form = t.lastPostedCard();
    for (const [title, dueDate] of [
      ['Call Fabrikam back', '2026-03-01'],
      ['Send the revised SLA', '2026-03-20'],
    ] as const)
      answeredCard(
        (
          await t.execute(
            'action.create',
            {
              ...submitData(form, 'action.create', {
                title,
                ownerId: PEOPLE.megan.aadObjectId,
                dueDate,
                partnerId,
              }),
              formId: `form-${title.length}-${dueDate}`,
            },
            { where: 'groupChat' },
          )
        ).body,
      );
    t.connector.reset();
    await t.say('my actions', PEOPLE.megan, 'personal');
    const list = t.lastPostedCard();
    const text = cardText(list);
    expect(text).toContain('1 overdue on this page, earliest first');
    expect(text.indexOf('Call Fabrikam back')).toBeLessThan(text.indexOf('Send the revised SLA'));
    expect(text).toContain('Overdue since Sun, 1 Mar 2026');
    expect(text).toContain('From another chat or team');

    const [first] = buttons(list, 'action.done');
    const after = answeredCard((await t.execute('action.done', first!.data, { who: PEOPLE.megan })).body);
    expect(cardText(after)).toContain('Marked done: Call Fabrikam back');
    // Done actions leave the list of open ones.
    expect(cardText(after).split('Call Fabrikam back')).toHaveLength(2);
  });

  it('pages through partners in place, and refuses a page marker it did not make', async () => {
    for (let i = 0; i < 9; i++) await addPartnerViaBot(t, `Paged partner ${i}`, PEOPLE.megan, 'personal');
    t.connector.reset();
    await t.say('partners', PEOPLE.megan, 'personal');
    const first = t.lastPostedCard();
    const [next] = buttons(first, 'list.page');
    expect(next?.title).toBe('Next page');
    const second = answeredCard((await t.execute('list.page', next!.data, { who: PEOPLE.megan })).body);
    expect(cardText(second)).toContain('Paged partner 8');
    expect(cardText(second)).not.toContain('Paged partner 0');
    expect(buttons(second, 'list.page').map((b) => b.title)).toEqual(['First page']);

    const forged = await t.execute(
      'list.page',
      { list: 'partners', cursor: 'not-ours' },
      { who: PEOPLE.megan },
    );
    expect(forged.body).toMatchObject({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: {
        message: 'That request was not valid: cursor: Cursor is not valid; start from the first page',
      },
    });
  });

  it('summarises the evidence trail and links every export format for this conversation', async () => {
    await t.say('evidence', PEOPLE.megan, 'personal');
    const evidence = cardText(t.lastPostedCard());
    expect(evidence).toContain('Evidence chain intact: all 18 events verified');
    expect(evidence).toMatch(/Criteria covered: \d+ of 26/);
    await t.say('export', PEOPLE.megan, 'personal');
    const links: string[] = t.lastPostedCard().actions.map((a: any) => a.url);
    expect(links.map((l) => new URL(l).pathname)).toEqual(Array(5).fill('/api/v1/evidence/download'));
    // Each signed link opens the file without signing in (the card's browser has no Teams token).
    const types = [];
    for (const link of links) {
      const { pathname, search } = new URL(link);
      const res = await fetch(`${t.app.baseUrl}${pathname}${search}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-verification-code')).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/);
      types.push(res.headers.get('content-type')!.split(';')[0]);
      await res.arrayBuffer();
    }
    expect(types).toEqual([
      'application/pdf',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'text/csv',
      'application/json',
      'application/zip',
    ]);
  });

  it('lists check-ins due, soonest first, with a button that opens the meeting dialog for the partner', async () => {
    await t.say('checkins', PEOPLE.megan, 'personal');
    const card = t.lastPostedCard();
    expect(cardText(card)).toContain('Paged partner 0');
    expect(cardText(card)).toContain('Due Mon, 16 Mar 2026 · every 2 weeks · Megan Bowen');
    // Without Microsoft Graph the card says what connecting it would add.
    expect(cardText(card)).toContain('An administrator can connect Microsoft Graph');
    const openDialog = JSON.stringify(card).match(
      /"msteams":\{"type":"task\/fetch"\},"verb":"meeting.dialog","partnerId":"ptn_[^"]+"/,
    );
    expect(openDialog).not.toBeNull();
  });
});
