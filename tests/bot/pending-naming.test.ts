import { TeamsTestClient } from '../support/bot-client';
import { storedCounts } from '../support/bot-steps';
import { answeredCard, buttons, cardText, input, inputError, submitData } from '../support/card-reading';
import { PEOPLE, PLACES, type TeamsPerson } from '../support/teams-activities';

/** Lee Gu: picked from the organisation in Teams, not in the group chat, never used the app, no Graph here. */
const LEE: TeamsPerson = {
  mri: '29:1leeGu7pQ2wE5rT8yU1iO4pA7sD0fG3hJ6kL',
  aadObjectId: 'ffffffff-ffff-4fff-8fff-fffffffffff3',
  name: 'Lee Gu',
  personalConversationId: 'a:1leePersonalChatWithPartnerCrm_Xq7vN3kL0pZrT5yB',
};
const NAME_INPUT = /^typedName-/;

/** The input a card's "Save name" box has, by its id pattern. */
function nameInputOf(card: unknown): Record<string, any> {
  const found = JSON.stringify(card).match(/"id":"(typedName-[^"]+)"/)?.[1];
  if (!found) throw new Error(`no name box on the card:\n${cardText(card)}`);
  return input(card, found)!;
}

/** The container a name box sits in (shown or hidden). */
function nameBoxOf(card: unknown): Record<string, any> {
  const id = nameInputOf(card).id.replace(NAME_INPUT, 'naming-');
  let box: Record<string, any> | undefined;
  JSON.stringify(card, (_key, value) => {
    if (value && typeof value === 'object' && value.id === id) box = value;
    return value;
  });
  return box!;
}

/**
 * Naming a pending person from a card, over the wire: the real adapter and bot answer `person.name` as Teams sends
 * it; cards come back showing the name, or the box again with the problem; everyone's card is updated.
 */
describe('naming a pending person from a card', () => {
  let t: TeamsTestClient;

  beforeAll(async () => {
    t = await TeamsTestClient.start();
  });
  afterAll(async () => t.close());
  beforeEach(() => t.connector.reset());

  /** Alex adds a partner in the group chat whose owner is someone nothing can name (Lee, unless told). */
  async function partnerOwnedBy(name: string, ownerId = LEE.aadObjectId): Promise<any> {
    await t.say('add partner', PEOPLE.alex, 'groupChat');
    const form = t.lastPostedCard();
    const answer = await t.execute(
      'partner.add',
      submitData(form, 'partner.add', {
        name,
        kind: 'external_supplier',
        direction: 'upstream',
        stage: '1',
        ownerId,
        cadenceEvery: '2',
        cadenceUnit: 'week',
        contactName: 'Priya Shah',
        contactRole: 'Account manager',
        contactStyle: 'data_driven',
        contactChannel: 'teams_meeting',
      }),
      { where: 'groupChat' },
    );
    t.connector.reset();
    return answeredCard(answer.body);
  }

  it('offers "Name" beside a pending owner, saves the typed name, and updates everyone’s card', async () => {
    const card = await partnerOwnedBy('Northwind Logistics', 'ffffffff-ffff-4fff-8fff-fffffffffff1');
    expect(cardText(card)).toContain('Relationship owner: Pending person (ffffffff-fff…)');
    expect(cardText(card)).toContain('[Name Pending person (ffffffff-fff…)]');
    const box = nameBoxOf(card);
    expect(box.isVisible).toBe(false);
    const nameInput = nameInputOf(card);
    expect(nameInput).toMatchObject({ type: 'Input.Text', label: 'Their name', maxLength: 100 });

    const answer = await t.execute(
      'person.name',
      submitData(card, 'person.name', { [nameInput.id]: 'Lee from Facilities' }),
      { where: 'groupChat', replyToId: '1772442009301' },
    );

    const named = answeredCard(answer.body);
    expect(cardText(named)).toContain('Saved: shown as Lee from Facilities until Teams names them');
    expect(cardText(named)).toContain('Relationship owner: Lee from Facilities');
    expect(cardText(named)).toContain('[Correct Lee from Facilities’s name]');
    expect(nameInputOf(named).value).toBe('Lee from Facilities');
    const [update] = t.connector.updated();
    expect(update).toMatchObject({ conversationId: PLACES.groupChat, activityId: '1772442009301' });
    expect(cardText(update!.body.attachments[0].content)).toContain(
      'Relationship owner: Lee from Facilities',
    );
  });

  it('re-renders the box open with what was typed and why, for a blank or too long name, storing nothing', async () => {
    const card = await partnerOwnedBy('Contoso Facilities', 'ffffffff-ffff-4fff-8fff-fffffffffff2');
    const id = nameInputOf(card).id;
    const before = await storedCounts(t);
    for (const [typed, message] of [
      ['   ', 'Name is required'],
      ['L'.repeat(101), 'Name must be at most 100 characters'],
    ] as const) {
      const answer = await t.execute('person.name', submitData(card, 'person.name', { [id]: typed }), {
        where: 'groupChat',
      });
      const again = answeredCard(answer.body);
      expect(inputError(again, id)).toBe(message);
      expect(nameBoxOf(again).isVisible).toBeUndefined();
      if (typed.trim()) expect(input(again, id)?.value).toBe('L'.repeat(100));
      expect(cardText(again)).toContain('Relationship owner: Pending person (ffffffff-fff…)');
    }
    expect(await storedCounts(t)).toEqual(before);
    expect(t.connector.updated()).toEqual([]);
  });

  it('lets Teams’ name win once Lee writes to the bot; the card then offers nothing', async () => {
    const card = await partnerOwnedBy('Tailspin Couriers');
    const partnerId = buttons(card, 'person.name')[0]!.data.recordId as string;
    await t.execute('person.name', submitData(card, 'person.name', { [nameInputOf(card).id]: 'Lee' }), {
      where: 'groupChat',
    });

    await t.say('help', LEE, 'personal');

    const scope = { tenantId: PLACES.tenant, spaceId: `chat:${PLACES.groupChat}` };
    const view = await t.app.core.partners.view(scope, partnerId);
    const owner = view.people[view.partner.relationshipOwnerId];
    expect(owner).toMatchObject({ displayName: 'Lee Gu' });
    expect(owner?.pending).toBeUndefined();
    const late = await t.execute(
      'person.name',
      submitData(card, 'person.name', { [nameInputOf(card).id]: 'Lee from Facilities' }),
      { where: 'groupChat' },
    );
    const shown = answeredCard(late.body);
    expect(cardText(shown)).toContain('Teams already knows this person as Lee Gu');
    expect(cardText(shown)).toContain('Relationship owner: Lee Gu');
    expect(buttons(shown, 'person.name')).toEqual([]);
  });

  it('names a pending action owner on the meeting summary, for the logger and everyone', async () => {
    await t.say('log meeting', PEOPLE.alex, 'groupChat');
    const form = t.lastPostedCard();
    const partnerId = input(form, 'partnerIds')!.choices[0].value;
    const stranger = 'ffffffff-ffff-4fff-8fff-fffffffffff4';
    const logged = answeredCard(
      (
        await t.execute(
          'meeting.log',
          submitData(form, 'meeting.log', {
            title: 'Handover to the new owner',
            partnerIds: partnerId,
            date: '2026-03-02',
            time: '10:30',
            type: 'review',
            medium: 'teams_meeting',
            attendees: PEOPLE.alex.aadObjectId,
            durationMinutes: '45',
            minutes: 'Handed the account over.',
            action1Title: 'Introduce yourself to Priya',
            action1Owner: stranger,
            action1Due: '2026-03-06',
          }),
          { where: 'groupChat' },
        )
      ).body,
    );
    expect(cardText(logged)).toContain('Pending person (ffffffff-fff…) · due Fri, 6 Mar 2026');
    t.connector.reset();
    const answer = await t.execute(
      'person.name',
      submitData(logged, 'person.name', { [nameInputOf(logged).id]: 'Diego Siciliani' }),
      { where: 'groupChat', replyToId: '1772442009302' },
    );
    const named = answeredCard(answer.body);
    expect(cardText(named)).toContain('Diego Siciliani · due Fri, 6 Mar 2026');
    const [update] = t.connector.updated();
    expect(cardText(update!.body.attachments[0].content)).toContain('Diego Siciliani · due Fri, 6 Mar 2026');
  });

  it('answers a button aimed at someone the card does not show as not found, and stores nothing', async () => {
    const card = await partnerOwnedBy('Fabrikam Cleaning', 'ffffffff-ffff-4fff-8fff-fffffffffff5');
    const before = await storedCounts(t);
    const [mine] = buttons(card, 'person.name');
    const answer = await t.execute(
      'person.name',
      { ...mine!.data, personId: 'per_nowhere', 'typedName-per_nowhere': 'Mallory' },
      { where: 'groupChat' },
    );
    expect(answer.body).toMatchObject({ statusCode: 404, type: 'application/vnd.microsoft.error' });
    // The right person and record, pressed in another conversation (Alex's own space): not found there.
    const elsewhere = await t.execute(
      'person.name',
      { ...mine!.data, [nameInputOf(card).id]: 'Lee' },
      { where: 'personal' },
    );
    expect(elsewhere.body).toMatchObject({ statusCode: 404 });
    expect(await storedCounts(t)).toEqual(before);
  });
});
