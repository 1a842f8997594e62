import { aCaller, aPartnerInput } from '../../testkit/factories';
import { TeamsTestClient, memberOf } from '../support/bot-client';
import { filledInputs, input, submitData } from '../support/card-reading';
import { PEOPLE, PLACES, teamsActivity } from '../support/teams-activities';

const MEETING_CHAT = '19:meeting_NzM0YjVhMjktOGQxNS00ZWY4LWI2ZGMtNjQyZjA1ZTdhNWQw@thread.v2';
const MEETING_ID =
  'MCMxOTptZWV0aW5nX056TTBZalZoTWprdE9HUXhOUzAwWldZNExXSTJaR010TmpReVpqQTFaVGRoTldRd0B0aHJlYWQudjIjMA==';
/** A partner contact who joined the meeting as a guest from their own organisation. */
const PRIYA = {
  id: '29:1priyaGuest7hT3kL9mN2bV5cX8zQ4wE6rT1yU0',
  name: 'Priya Shah (Guest)',
  aadObjectId: '7a1b2c3d-0000-4000-8000-00000000a001',
  email: 'priya.shah@northwind.example',
  userRole: 'guest' as const,
};

/** A Teams meeting the bot is in ends: its chat is offered the meeting form, filled in, and one click logs it. */
describe('logging a partner meeting the moment it ends', () => {
  let t: TeamsTestClient;
  let northwindId: string;

  beforeAll(async () => {
    // As with GRAPH_ATTENDANCE=on: the bot queues each ended meeting's attendance report to be read.
    t = await TeamsTestClient.start({ attendanceFromGraph: true });
    const caller = aCaller({ spaceId: `chat:${MEETING_CHAT}` });
    northwindId = (
      await t.app.core.partners.add(
        caller,
        aPartnerInput({
          name: 'Northwind Logistics',
          contacts: [
            {
              details: { displayName: 'Priya Shah', email: PRIYA.email },
              role: 'Account manager',
              communicationStyle: 'data_driven',
              preferredChannel: 'teams_meeting',
              isDecisionMaker: true,
              isEscalationContact: false,
            },
          ],
        }),
      )
    ).partner.id;
    await t.app.core.partners.add(caller, aPartnerInput({ name: 'Finance Refunds Team', contacts: [] }));
    t.connector.rosters.set(MEETING_CHAT, [memberOf(PEOPLE.alex), memberOf(PEOPLE.megan), PRIYA]);
    // Teams' meeting details (GET /v1/meetings/{id}), in the shape its documentation gives.
    t.connector.meetings.set(MEETING_ID, {
      details: {
        id: MEETING_ID,
        msGraphResourceId: 'MSpkYzE3NjQ2My1mNTU2LTRmZmEtYTk4My05ZmE5NWRiNzk0YjIqMCoqMTk6bWVldGluZw==',
        scheduledStartTime: '2026-03-03T10:00:00Z',
        scheduledEndTime: '2026-03-03T11:00:00Z',
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzM0YjVh%40thread.v2/0',
        title: 'Northwind monthly delivery review',
        type: 'Scheduled',
      },
      conversation: { isGroup: true, conversationType: 'groupChat', id: MEETING_CHAT },
      organizer: { id: PEOPLE.alex.mri, aadObjectId: PEOPLE.alex.aadObjectId, tenantId: PLACES.tenant },
    });
  });
  afterAll(async () => t.close());

  it('offers the form filled from the meeting, and one click logs it', async () => {
    const ended = await t.post(teamsActivity('meeting-end', t.connector.serviceUrl));
    expect(ended.status).toBe(200);
    const [offer] = t.connector.posted(MEETING_CHAT);
    expect(offer.text).toBe('“Northwind monthly delivery review” has ended. Log it as a partner meeting?');
    const form = offer.attachments[0].content;
    expect(input(form, 'title')?.value).toBe('Northwind monthly delivery review');
    // The partner whose contact attended, not the space's other partner.
    expect(input(form, 'partnerIds')?.value).toBe(northwindId);
    // 10:00 London time in March is 10:00 UTC; 10:00 to 11:02 is 62 minutes.
    expect(input(form, 'time')?.value).toBe('10:00');
    expect(input(form, 'durationMinutes')?.value).toBe(62);
    const attendees = String(input(form, 'attendees')?.value).split(',');
    expect(attendees).toEqual(expect.arrayContaining([PEOPLE.alex.aadObjectId, PEOPLE.megan.aadObjectId]));
    // Priya is recognised by her e-mail as Northwind's contact, not added as a stranger.
    expect(attendees).not.toContain(PRIYA.aadObjectId);
    expect(attendees).toHaveLength(3);
    // Its attendance report is queued under Graph's id of the meeting and its organizer.
    const queued = await t.app.store.store.transaction((tx) =>
      tx.attendanceQueue.claim('2999-01-01T00:00:00.000Z', 10, '2999-01-01T00:10:00.000Z'),
    );
    expect(queued).toEqual([
      {
        tenantId: PLACES.tenant,
        spaceId: `chat:${MEETING_CHAT}`,
        onlineMeetingId: 'MSpkYzE3NjQ2My1mNTU2LTRmZmEtYTk4My05ZmE5NWRiNzk0YjIqMCoqMTk6bWVldGluZw==',
        organizerAadObjectId: PEOPLE.alex.aadObjectId,
        endedAt: '2026-03-03T11:02:13.123Z',
        attempts: 0,
      },
    ]);

    const press = t.activity('adaptive-card-action', PEOPLE.alex, 'groupChat', {
      conversation: {
        isGroup: true,
        conversationType: 'groupChat',
        tenantId: PLACES.tenant,
        id: MEETING_CHAT,
      },
      replyToId: offer.id,
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'meeting.log',
          data: submitData(form, 'meeting.log', filledInputs(form)),
        },
        trigger: 'manual',
      },
    });
    const answer = await t.post(press);
    // Nothing to correct: the answer is the logged meeting's summary, not the form again.
    expect(JSON.stringify(answer.body)).toContain('Meeting logged');
    const logged = await t.app.core.meetings.list(
      { tenantId: PLACES.tenant, spaceId: `chat:${MEETING_CHAT}` },
      {},
      { limit: 5 },
    );
    expect(logged.items).toHaveLength(1);
    expect(logged.items[0]).toMatchObject({
      title: 'Northwind monthly delivery review',
      partnerIds: [northwindId],
      occurredAt: '2026-03-03T10:00:00.000Z',
      durationMinutes: 62,
    });
    expect(logged.items[0]!.attendeeIds).toHaveLength(3);
  });

  it('still offers the form when Teams has no details of the meeting', async () => {
    t.connector.meetings.clear();
    await t.post(teamsActivity('meeting-end', t.connector.serviceUrl));
    const offers = t.connector.posted(MEETING_CHAT);
    const form = offers[offers.length - 1].attachments[0].content;
    expect(input(form, 'title')?.value).toBe('Northwind monthly delivery review');
    expect(input(form, 'durationMinutes')?.value).toBeUndefined();
  });

  it('fills in what the side panel captured during the meeting, and logging it stores the actions', async () => {
    const caller = aCaller({ spaceId: `chat:${MEETING_CHAT}` });
    const finance = (await t.app.core.partners.list(caller.scope, { namePrefix: 'Finance' }, { limit: 1 }))
      .items[0]!;
    await t.app.core.meetingCapture.capture(caller, { kind: 'partner', partnerId: finance.id });
    await t.app.core.meetingCapture.capture(caller, {
      kind: 'action',
      title: 'Refund backlog cleared before peak',
      owner: { user: { aadObjectId: PEOPLE.megan.aadObjectId, displayName: 'Megan Bowen' } },
      dueDate: '2026-03-10',
    });
    await t.app.core.meetingCapture.capture(caller, {
      kind: 'decision',
      text: 'Refunds over 3 days go first',
    });

    await t.post(teamsActivity('meeting-end', t.connector.serviceUrl));
    const offers = t.connector.posted(MEETING_CHAT);
    const offer = offers[offers.length - 1];
    const form = offer.attachments[0].content;
    expect(input(form, 'partnerIds')?.value).toBe(finance.id);
    expect(input(form, 'decisions')?.value).toBe('Refunds over 3 days go first');
    expect(input(form, 'action1Title')?.value).toBe('Refund backlog cleared before peak');
    expect(input(form, 'action1Due')?.value).toBe('2026-03-10');
    const owner = input(form, 'action1Owner');
    expect(owner?.value).toMatch(/^per_/);
    expect(owner?.choices).toEqual(expect.arrayContaining([{ title: 'Megan Bowen', value: owner?.value }]));
    // The draft went into the card: the chat's next meeting starts empty.
    expect((await t.app.core.meetingCapture.view(caller.scope)).draft).toBeUndefined();

    const press = t.activity('adaptive-card-action', PEOPLE.alex, 'groupChat', {
      conversation: {
        isGroup: true,
        conversationType: 'groupChat',
        tenantId: PLACES.tenant,
        id: MEETING_CHAT,
      },
      replyToId: offer.id,
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'meeting.log',
          data: submitData(form, 'meeting.log', filledInputs(form)),
        },
        trigger: 'manual',
      },
    });
    expect(JSON.stringify((await t.post(press)).body)).toContain('Meeting logged');
    const actions = await t.app.core.actions.list(caller.scope, { partnerId: finance.id }, { limit: 5 });
    expect(actions.items.map((a) => [a.title, a.dueDate])).toEqual([
      ['Refund backlog cleared before peak', '2026-03-10'],
    ]);
    expect(actions.people[actions.items[0]!.ownerId]?.displayName).toBe('Megan Bowen');
  });
});
