import fc from 'fast-check';
import { canonicalJson } from '../../../core/evidence/json';
import type { EvidenceEvent } from '../../../core/evidence/evidence-event';
import { GENESIS_HASH, hashOf, verifyChain } from '../../../core/evidence/hash-chain';

function chainOf(n: number): EvidenceEvent[] {
  const events: EvidenceEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const unsealed = {
      id: `evt_${seq}`,
      tenantId: 't',
      spaceId: 'team:x',
      seq,
      kind: 'meeting.logged' as const,
      subject: { type: 'meeting' as const, id: `mtg_${seq}` },
      partnerIds: ['ptn_1'],
      actorId: 'per_1',
      occurredAt: '2026-03-02T10:00:00.000Z',
      recordedAt: '2026-03-02T10:05:00.000Z',
      snapshot: { title: `Meeting ${seq}`, decisions: ['a', 'b'] },
      criteria: ['P8' as const],
      prevHash,
    };
    const event = { ...unsealed, hash: hashOf(unsealed) };
    events.push(event);
    prevHash = event.hash;
  }
  return events;
}

describe(hashOf.name, () => {
  it('hashes the layout stored chains were sealed with: the same event, the same digest, always', () => {
    // Layout version 2, as every stored chain was sealed; a different digest would break them all.
    expect(chainOf(1)[0]!.hash).toBe('a38710a4ac4909efd0cf9d8c80d87b543f4c40eae52cebcec402cb6bc80c094b');
  });
});

describe('canonicalJson', () => {
  it('sorts object keys and drops undefined members, so equal content hashes equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x'], c: undefined } })).toBe('{"a":{"d":[1,"x"]},"b":1}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('orders keys by code unit, including integer-like keys the engine keeps in numeric order', () => {
    expect(canonicalJson({ '9': 1, '10': 2, a: 3, B: 4, 'é"q': 5 })).toBe(
      '{"10":2,"9":1,"B":4,"a":3,"é\\"q":5}',
    );
    expect(canonicalJson([{ z: 1, y: [] }, undefined])).toBe('[{"y":[],"z":1},null]');
  });

  it('keeps Unicode as written', () => {
    expect(canonicalJson({ name: 'Zoë — Ωmega 東京' })).toBe('{"name":"Zoë — Ωmega 東京"}');
  });

  it('refuses non-finite numbers, which JSON cannot carry', () => {
    expect(() => canonicalJson({ value: Number.NaN })).toThrow('Non-finite');
    expect(() => canonicalJson({ a: [{ b: Number.POSITIVE_INFINITY }] })).toThrow('Non-finite');
  });

  it('writes a key named __proto__ as data, in order', () => {
    const parsed = JSON.parse('{"z":1,"__proto__":{"b":2,"a":1}}') as unknown;
    expect(canonicalJson(parsed)).toBe('{"__proto__":{"a":1,"b":2},"z":1}');
  });

  it('gives the text of the plain definition (sort every object, then write) for any JSON value', () => {
    const reference = (v: unknown): string => {
      if (Array.isArray(v)) return `[${v.map((m) => (m === undefined ? 'null' : reference(m))).join(',')}]`;
      if (v !== null && typeof v === 'object') {
        const members = Object.keys(v)
          .sort()
          .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
          .map((k) => `${JSON.stringify(k)}:${reference((v as Record<string, unknown>)[k])}`);
        return `{${members.join(',')}}`;
      }
      return JSON.stringify(v);
    };
    const key = fc.oneof(fc.string(), fc.constantFrom('9', '10', '0', '__proto__', 'a', 'B', 'é'));
    const value = fc.letrec((tie) => ({
      json: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
        fc.array(tie('json'), { maxLength: 5 }),
        fc.dictionary(key, tie('json'), { maxKeys: 6 }),
      ),
    })).json;
    fc.assert(
      fc.property(value, (v) => canonicalJson(v) === reference(v)),
      { numRuns: 2000 },
    );
  });
});

describe(verifyChain.name, () => {
  it('accepts an intact chain and reports its head', async () => {
    const events = chainOf(5);
    await expect(verifyChain(events, { seq: 5, hash: events[4]!.hash })).resolves.toEqual({
      intact: true,
      checked: 5,
      head: { seq: 5, hash: events[4]!.hash },
    });
  });

  it('names the changed event when a field is edited', async () => {
    const events = chainOf(5);
    events[2] = { ...events[2]!, snapshot: { title: 'Meeting 3 (edited)', decisions: ['a', 'b'] } };
    await expect(verifyChain(events)).resolves.toMatchObject({
      intact: false,
      checked: 2,
      brokenAt: { seq: 3, eventId: 'evt_3', reason: 'content_changed' },
    });
  });

  it('names the link after an event whose hash was recomputed to hide an edit', async () => {
    const events = chainOf(5);
    const { hash: _old, ...edited } = { ...events[1]!, occurredAt: '2026-01-01T00:00:00.000Z' };
    events[1] = { ...edited, hash: hashOf(edited) };
    await expect(verifyChain(events)).resolves.toMatchObject({
      intact: false,
      brokenAt: { seq: 3, reason: 'link_broken' },
    });
  });

  it('names the missing sequence number when an event is deleted', async () => {
    const events = chainOf(5);
    events.splice(3, 1);
    await expect(verifyChain(events)).resolves.toMatchObject({
      intact: false,
      brokenAt: { seq: 4, eventId: 'evt_5', reason: 'event_missing' },
    });
  });

  it('notices deleted newest events against the recorded head', async () => {
    const events = chainOf(5);
    await expect(verifyChain(events.slice(0, 3), { seq: 5, hash: events[4]!.hash })).resolves.toMatchObject({
      intact: false,
      brokenAt: { seq: 4, reason: 'tail_missing' },
    });
  });

  it('treats an empty chain with an empty head as intact', async () => {
    await expect(verifyChain([], { seq: 0, hash: GENESIS_HASH })).resolves.toMatchObject({
      intact: true,
      checked: 0,
    });
  });
});
