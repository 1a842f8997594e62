import { JSON_ITEM_SEPARATOR, writeJsonItem } from '../../../adapters/export/json-item';
import { PartBytes } from '../../../adapters/export/part-bytes';
import { itemDigest } from '../../../core/export/export-code';
import type { DigestedItem, ExportItem } from '../../../core/export/export-layout';

/** An item with text of every UTF-8 length (1 to 4 bytes a character) where the digest is taken. */
function anItem(seq: number, minutes: string): ExportItem {
  const occurredAt = new Date(Date.UTC(2026, 10, 2, 9) + seq * 60_000).toISOString();
  return {
    seq,
    id: `evt_${seq}`,
    kind: 'meeting.logged',
    occurredAt,
    recordedAt: occurredAt,
    actor: 'Zoë Åkesson',
    partners: ['Northwind “Facilities”'],
    title: `Review ${seq}`,
    details: [{ label: 'Minutes', value: minutes }],
    criteria: ['P1', 'K3'],
    proof: {
      event: {
        id: `evt_${seq}`,
        tenantId: 'tenant',
        spaceId: 'space',
        seq,
        kind: 'meeting.logged',
        subject: { type: 'meeting', id: `mtg_${seq}` },
        partnerIds: ['ptn_1'],
        actorId: 'per_1',
        occurredAt,
        recordedAt: occurredAt,
        snapshot: { minutes, title: `Review ${seq}` },
        criteria: ['P1', 'K3'],
        prevHash: '0'.repeat(64),
      },
      hash: 'f'.repeat(64),
    },
  };
}

/** The items of a part as the JSON file holds them: the separator before each, then one item per line. */
function itemsOf(part: PartBytes): DigestedItem[] {
  const text = part.view().toString('utf8');
  expect(text.startsWith(JSON_ITEM_SEPARATOR)).toBe(true);
  return text
    .slice(JSON_ITEM_SEPARATOR.length)
    .split(JSON_ITEM_SEPARATOR)
    .map((line) => JSON.parse(line) as DigestedItem);
}

describe('writeJsonItem', () => {
  it('writes each item with its digest first, the digest being what a verifier recomputes from the item', () => {
    const part = new PartBytes();
    const items = [anItem(1, 'Agreed “priority” for café orders — €40 👍'), anItem(2, 'plain ascii')];
    const digests = items.map((item) => writeJsonItem(item, part));

    const written = itemsOf(part);
    expect(written.map(({ digest: _digest, ...item }) => item)).toEqual(items);
    expect(written.map((item) => item.digest)).toEqual(digests);
    expect(written.map((item) => itemDigest(item))).toEqual(digests);
    // The digest comes first, as verifiers and people reading the file expect.
    expect(part.view().toString('utf8')).toContain(
      `${JSON_ITEM_SEPARATOR}{"digest":"${digests[0]}","actor":`,
    );
  });

  it('keeps every item whole when the part outgrows its first buffer', () => {
    const part = new PartBytes();
    const long = 'Ünïcödé minutes 👍 '.repeat(4_000);
    const items = Array.from({ length: 30 }, (_, i) => anItem(i + 1, `${i}: ${long}`));
    const digests = items.map((item) => writeJsonItem(item, part));

    expect(part.length).toBeGreaterThan(1 << 21);
    const written = itemsOf(part);
    expect(written.map((item) => item.seq)).toEqual(items.map((item) => item.seq));
    expect(written.map((item) => itemDigest(item))).toEqual(digests);
  });
});

describe('PartBytes', () => {
  it('overwrites only bytes already written', () => {
    const part = new PartBytes();
    part.write('abcdef');
    part.overwrite(2, 'XY');
    expect(part.view().toString()).toBe('abXYef');
    expect(() => part.overwrite(5, 'XY')).toThrow(RangeError);
  });
});
