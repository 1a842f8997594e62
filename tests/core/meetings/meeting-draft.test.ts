import { meetingDraftFromMessage } from '../../../core/meetings/meeting-draft';
import { MeetingInput } from '../../../core/meetings/meeting';
import { ValidationError } from '../../../core/errors';

describe(meetingDraftFromMessage.name, () => {
  it('takes the first line as title and the author and text as minutes, linked back to the message', () => {
    const draft = meetingDraftFromMessage({
      text: '\n  Agreed with Northwind: rota back to two shifts\r\nPriya will confirm by Friday',
      authorName: 'Megan Bowen',
      sentAt: '2026-03-02T14:05:00+01:00',
      url: 'https://teams.microsoft.com/l/message/19:abc@thread.v2/1709385900000',
      messageId: '1709385900000',
    });
    expect(draft).toEqual({
      title: 'Agreed with Northwind: rota back to two shifts',
      occurredAt: '2026-03-02T13:05:00.000Z',
      type: 'other',
      medium: 'chat',
      minutes:
        'Megan Bowen wrote:\nAgreed with Northwind: rota back to two shifts\nPriya will confirm by Friday',
      source: {
        kind: 'chat_message',
        url: 'https://teams.microsoft.com/l/message/19:abc@thread.v2/1709385900000',
        externalId: '1709385900000',
      },
    });
  });

  it('clips long text to what a meeting can hold, so the draft itself is valid', () => {
    const draft = meetingDraftFromMessage({ text: 'Ü'.repeat(30_000), sentAt: '2026-03-02T09:00:00Z' });
    expect(draft.title).toHaveLength(200);
    expect(draft.minutes).toHaveLength(20_000);
    expect(draft.minutes!.endsWith('…')).toBe(true);
    const parsed = MeetingInput.safeParse({ ...draft, partnerIds: ['ptn_1'] });
    expect(parsed.success).toBe(true);
  });

  it('names the author when the message has no text', () => {
    expect(
      meetingDraftFromMessage({ text: '', authorName: 'Priya Shah', sentAt: '2026-03-02T09:00:00Z' }),
    ).toMatchObject({ title: 'Chat with Priya Shah', minutes: undefined });
  });

  it('refuses a message without a valid time', () => {
    expect(() => meetingDraftFromMessage({ text: 'hi', sentAt: 'yesterday' })).toThrow(ValidationError);
  });
});
