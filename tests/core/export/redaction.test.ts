import { Redactor } from '../../../core/export/redaction';
import { hashOf } from '../../../core/evidence/hash-chain';
import { GENESIS_HASH } from '../../../core/evidence/hash-chain';
import type { Person } from '../../../core/people/person';

const people: Person[] = [
  { id: 'per_002', tenantId: 't', kind: 'contact', displayName: 'Tomás Ó Briain', partnerId: 'ptn_1' },
  { id: 'per_001', tenantId: 't', kind: 'contact', displayName: 'Priya Shah', partnerId: 'ptn_1' },
  { id: 'per_003', tenantId: 't', kind: 'user', displayName: 'Alex Wilber' },
];
const on = { enabled: true, colleagues: false, partners: false, terms: [] };

describe(Redactor.name, () => {
  it('names contacts Contact A, B… in the order they were first recorded, and leaves colleagues', () => {
    const r = new Redactor(on, people, []);
    expect([r.nameOf('per_001'), r.nameOf('per_002'), r.nameOf('per_003')]).toEqual([
      'Contact A',
      'Contact B',
      'Alex Wilber',
    ]);
    expect(r.nameOf('per_unknown')).toBe('someone no longer recorded');
  });

  it.each([
    ['+44 20 7946 0018'],
    ['020 7946 0018'],
    ['07700 900123'],
    ['(0161) 496 0999'],
    ['+1 555 123 4567'],
    ['0044-20-7946-0018'],
  ])('removes the phone number %s from text', (phone) => {
    expect(new Redactor(on, [], []).scrub(`Call ${phone} today.`)).toBe('Call [phone removed] today.');
  });

  it('keeps dates, times, amounts and short numbers', () => {
    const text = 'On 2026-03-02 at 10:00 we agreed £1,250.00 for 3 depots and order 4471.';
    expect(new Redactor(on, [], []).scrub(text)).toBe(text);
  });

  it('removes e-mail addresses and names found in free text, whole words only', () => {
    const r = new Redactor(on, people, []);
    expect(
      r.scrub(
        'Priya Shah (priya.shah@northwind.example) and Tomás agreed; Shahid from Alexandria was there.',
      ),
    ).toBe('Contact A ([e-mail removed]) and Contact B agreed; Shahid from Alexandria was there.');
  });

  it('pseudonymises colleagues and partners, and replaces chosen terms, when asked', () => {
    const r = new Redactor(
      { enabled: true, colleagues: true, partners: true, terms: ['Project Falcon'] },
      people,
      [{ id: 'ptn_1', name: 'Northwind Logistics' }],
    );
    expect(r.nameOf('per_003')).toBe('Colleague A');
    expect(r.partnerName('ptn_1', 'Northwind Logistics')).toBe('Partner A');
    expect(r.scrub('Alex told Northwind Logistics about project falcon.')).toBe(
      'Colleague A told Partner A about [redacted].',
    );
  });

  it('changes nothing when redaction is off', () => {
    const r = new Redactor({ ...on, enabled: false }, people, []);
    expect(r.nameOf('per_001')).toBe('Priya Shah');
    expect(r.scrub('priya.shah@northwind.example 020 7946 0018')).toBe(
      'priya.shah@northwind.example 020 7946 0018',
    );
  });

  it('keeps an event verifiable after its strings are redacted', () => {
    const event = {
      id: 'evt_1',
      tenantId: 't',
      spaceId: 'team:x',
      seq: 1,
      kind: 'meeting.logged' as const,
      subject: { type: 'meeting' as const, id: 'mtg_1' },
      partnerIds: ['ptn_1'],
      actorId: 'per_003',
      occurredAt: '2026-03-02T10:00:00.000Z',
      recordedAt: '2026-03-02T10:00:00.000Z',
      snapshot: {
        title: 'Review',
        minutes: 'Priya Shah will call 020 7946 0018.',
        decisions: ['Keep', 'Priya to e-mail'],
      },
      criteria: ['P8' as const],
      prevHash: GENESIS_HASH,
    };
    const redacted = { ...event, snapshot: new Redactor(on, people, []).snapshot(event.snapshot) };
    expect(JSON.stringify(redacted.snapshot)).not.toMatch(/Priya|7946/);
    expect(redacted.snapshot).toMatchObject({
      title: 'Review',
      minutes: { shown: 'Contact A will call [phone removed].' },
    });
    expect(hashOf(redacted)).toBe(hashOf(event));
    const forged = { ...redacted, snapshot: { ...(redacted.snapshot as object), title: 'Reviewed' } };
    expect(hashOf(forged)).not.toBe(hashOf(event));
  });
});
