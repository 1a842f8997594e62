import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { verifyExportFile } from '../../../adapters/export/verify-file';
import { CSV_COLUMNS } from '../../../adapters/export/csv-row';
import type { ExportItem } from '../../../core/export/export-layout';
import { parseCsv } from '../../support/csv-parse';
import {
  exportToBuffer,
  PERSONAL,
  seedEvidenceMonth,
  type EvidenceMonth,
} from '../../support/evidence-month';
import { aCaller, aMeetingInput, aPartnerInput } from '../../../testkit/factories';
import { aSpace, testCore, type TestCore } from '../../../testkit/test-core';
import { openSqliteTestStore, type TestStore } from '../../../testkit/test-stores';

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  try {
    writeFileSync(join(dir, 'export.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'export.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function docxText(docx: Buffer): string {
  const xml = Buffer.from(unzipSync(docx)['word/document.xml']!).toString('utf8');
  return xml
    .replace(/<w:br\/>/g, '\n')
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

function jsonItems(json: Buffer): ExportItem[] {
  return (JSON.parse(json.toString('utf8')) as { items: ExportItem[] }).items;
}

describe('evidence exports', () => {
  let t: TestStore;
  let tc: TestCore;
  let month: EvidenceMonth;
  beforeAll(async () => {
    t = await openSqliteTestStore();
    tc = testCore(t.store);
    month = await seedEvidenceMonth(tc);
  });
  afterAll(async () => t.dispose());

  it('puts the items, their dates, criteria and the verification code in the PDF', async () => {
    const { bytes, header } = await exportToBuffer(tc, month.learner, { format: 'pdf' });
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Evidence trail');
    expect(text).toContain('CFACSB9: Deliver customer service using service partnerships');
    expect(text).toContain(header.code);
    expect(text).toContain('Criteria coverage');
    expect(text).toContain('Logged review meeting “Monthly delivery review” with Northwind Logistics');
    expect(text).toContain('Happened 3 Mar 2026, 10:00 UTC');
    expect(text).toContain('STARR reflection “Recovering late deliveries with Northwind”');
    expect(text).toMatch(/confirmed 1 item\(s\)\s+as a\s+witness/);
    expect(text).toMatch(/Criteria: P3, P7, P8, K2/);
    expect(text).toContain('Page 4');
    expect(text).toContain('Check-ins with Northwind Logistics every 2 weeks');
    // Grouped by partner: Finance's meeting comes under its own heading, after Northwind's items (A to Z).
    expect(text.indexOf('Finance Refunds Team')).toBeLessThan(text.indexOf('Refund backlog, negotiation'));
  });

  it('lets other work run while it renders a PDF, not only once the PDF is done', async () => {
    const caller = aCaller({ spaceId: aSpace() });
    const { partner } = await tc.core.partners.add(caller, aPartnerInput({ checkInCadence: undefined }));
    for (let i = 0; i < 150; i++)
      await tc.core.meetings.log(caller, aMeetingInput(partner.id, { title: `Review ${i}`, attendees: [] }));

    // A heartbeat that runs whenever the event loop gets a turn; pdfkit's piping alone never gives it one.
    let writing = true;
    let beats = 0;
    const beat = () => {
      if (!writing) return;
      beats += 1;
      setImmediate(beat);
    };
    const exporting = exportToBuffer(tc, caller, { format: 'pdf' });
    setImmediate(beat);
    const { header } = await exporting;
    writing = false;

    expect(header.itemCount).toBeGreaterThan(400);
    expect(beats).toBeGreaterThanOrEqual(5);
  });

  it('writes two PDFs at once (they share the parsed font) as two whole, identical documents', async () => {
    const [first, second] = await Promise.all([
      exportToBuffer(tc, month.learner, { format: 'pdf' }),
      exportToBuffer(tc, month.learner, { format: 'pdf' }),
    ]);
    const [a, b] = [pdfText(first.bytes), pdfText(second.bytes)];
    expect(a).toContain('Logged review meeting “Monthly delivery review” with Northwind Logistics');
    expect(b.replaceAll(second.header.code, first.header.code)).toBe(a);
  });

  it('writes an editable Word document with the same trail', async () => {
    const { bytes, header } = await exportToBuffer(tc, month.learner, { format: 'docx' });
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual(
      [
        '[Content_Types].xml',
        '_rels/.rels',
        'docProps/core.xml',
        'word/_rels/document.xml.rels',
        'word/document.xml',
        'word/footer1.xml',
        'word/styles.xml',
      ].sort(),
    );
    const text = docxText(bytes);
    expect(text).toContain('Monthly delivery review');
    expect(text).toContain(`Verification code: ${header.code}`);
    expect(text).toContain('Criteria: P8, P12');
    expect(Buffer.from(files['word/footer1.xml']!).toString()).toContain(header.code);
    // Every opened element is closed: the XML is well formed enough for Word.
    const xml = Buffer.from(files['word/document.xml']!).toString();
    expect(xml.match(/<w:p>/g)!.length).toBe(xml.match(/<\/w:p>/g)!.length);
  });

  it('writes one CSV row per item that parses back to the same items, commas, quotes, line breaks and all', async () => {
    const [csv, json] = await Promise.all([
      exportToBuffer(tc, month.learner, { format: 'csv', redaction: { enabled: false } }),
      exportToBuffer(tc, month.learner, { format: 'json', redaction: { enabled: false } }),
    ]);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [columns, ...rows] = parseCsv(text.slice(1));
    expect(columns).toEqual([...CSV_COLUMNS]);
    const items = jsonItems(json.bytes);
    expect(rows).toHaveLength(items.length);
    rows.forEach((row, i) => {
      const item = items[i]!;
      expect(row).toEqual([
        String(item.seq),
        item.id,
        item.occurredAt,
        item.recordedAt,
        item.kind,
        item.title,
        item.details.map((d) => `${d.label}: ${d.value}`).join('\n'),
        item.partners.join('; '),
        item.actor,
        item.criteria.join(' '),
        item.proof.hash,
      ]);
    });
    expect(text).toContain('"changed, again"');
    expect(rows.some((r) => r[6]!.includes('東京') && r[6]!.includes('\n'))).toBe(true);
  });

  it.each(['pdf', 'docx', 'csv', 'json', 'zip'] as const)(
    'leaves no contact name, e-mail or phone in a redacted %s',
    async (format) => {
      const { bytes } = await exportToBuffer(tc, month.learner, { format });
      const texts =
        format === 'zip'
          ? Object.entries(unzipSync(bytes))
              .filter(([name]) => name !== 'manifest.json')
              .map(([name, data]) => textOf(name, Buffer.from(data)))
          : [textOf(`x.${format}`, bytes)];
      for (const text of texts) {
        for (const secret of [...PERSONAL.contactNames, ...PERSONAL.emails, ...PERSONAL.phones])
          expect(text).not.toContain(secret);
        expect(text).toMatch(/Contact A|Contact B/);
      }
    },
  );

  it.each([
    ['meetings only', { kinds: ['meeting.logged' as const] }],
    ['one day', { from: '2026-03-03', to: '2026-03-03' }],
  ])(
    'hides a contact whom a narrowed export (%s) names only in free text, and lists only its own people',
    async (_, filters) => {
      // The review's minutes name Tomás, who attends nothing and is recorded only in an event these leave out.
      const csv = await exportToBuffer(tc, month.learner, { format: 'csv', filters });
      const json = await exportToBuffer(tc, month.learner, { format: 'json', filters });
      for (const text of [csv.bytes.toString(), json.bytes.toString()])
        for (const secret of [...PERSONAL.contactNames, ...PERSONAL.emails, ...PERSONAL.phones])
          expect(text).not.toContain(secret);
      expect(json.bytes.toString()).toContain('can be reached on [phone removed]');
      // Pseudonyms are the space's, so Tomás is still Contact B, though this export's table leaves him out.
      expect(csv.bytes.toString()).toContain('Contact B can be reached');
      expect(Object.values(json.header.people)).toEqual(expect.arrayContaining(['Contact A']));
      expect(Object.values(json.header.people)).not.toContain('Contact B');
    },
  );

  it('gives a narrowed export a code the chain confirms, whichever filters narrow it', async () => {
    // The header pass selects in code over the whole trail; checking a code reads what the store narrows.
    const requests = [
      { filters: { kinds: ['meeting.logged' as const] } },
      { filters: { from: '2026-03-03', to: '2026-03-06' } },
      { filters: { partnerIds: [month.partnerIds.northwind] } },
      { filters: { criteria: ['P13' as const] } },
      { onlyMine: true },
    ];
    for (const request of requests) {
      const { header } = await exportToBuffer(tc, month.learner, { format: 'csv', ...request });
      expect(header.itemCount).toBeGreaterThan(0);
      const verdict = await tc.core.exports.verifyCode(month.learner.scope, header.code);
      expect(verdict).toMatchObject({ found: true, codeMatches: true, chain: { intact: true } });
    }
  });

  it('shows contacts as recorded when redaction is turned off, and the same pseudonyms across formats when on', async () => {
    const plain = pdfText(
      (await exportToBuffer(tc, month.learner, { format: 'pdf', redaction: { enabled: false } })).bytes,
    );
    expect(plain).toContain('Priya Shah');
    const redactedPdf = pdfText((await exportToBuffer(tc, month.learner, { format: 'pdf' })).bytes);
    const redactedCsv = (await exportToBuffer(tc, month.learner, { format: 'csv' })).bytes.toString();
    for (const text of [redactedPdf, redactedCsv]) {
      expect(text).toContain('Contact A (Account manager');
      expect(text).toContain('[e-mail removed]');
      expect(text).toContain('[phone removed]');
    }
  });

  it('verifies an untouched JSON export and ZIP bundle', async () => {
    const json = await exportToBuffer(tc, month.learner, { format: 'json' });
    expect(verifyExportFile(json.bytes)).toMatchObject({
      intact: true,
      items: json.header.itemCount,
      code: json.header.code,
    });
    const zip = await exportToBuffer(tc, month.learner, { format: 'zip' });
    const files = unzipSync(zip.bytes);
    expect(Object.keys(files).sort()).toEqual([
      'evidence-trail.csv',
      'evidence-trail.docx',
      'evidence-trail.json',
      'evidence-trail.pdf',
      'manifest.json',
    ]);
    expect(verifyExportFile(zip.bytes)).toMatchObject({ intact: true, file: 'evidence-trail.json' });
  });

  it('builds items with their keys in canonical order, so hashing them copies nothing', async () => {
    const { document } = await tc.core.exports.prepare(month.learner, { format: 'json' });
    const inOrder = (object: object) => {
      const keys = Object.keys(object);
      return keys.join() === [...keys].sort().join();
    };
    let items = 0;
    for (const range of document.parts.ranges)
      for await (const item of document.itemsIn(range)) {
        expect([inOrder(item), inOrder(item.proof), inOrder(item.proof.event)]).toEqual([true, true, true]);
        items += 1;
      }
    expect(items).toBe(document.header.itemCount);
  });

  it('fails verification at the item whose byte was edited, wherever the byte is', async () => {
    const { bytes } = await exportToBuffer(tc, month.learner, { format: 'json' });
    const text = bytes.toString('utf8');
    const items = jsonItems(bytes);
    const target = items.findIndex((i) => i.kind === 'meeting.logged');
    const line = text.split('\n')[target + 1]!;
    const lineStart = text.indexOf(line);
    // Edit one byte at many places inside that item's line: each edit must break exactly that item.
    const positions = Array.from({ length: 25 }, (_, k) => Math.floor((k / 25) * (line.length - 2)) + 1);
    for (const pos of positions) {
      const at = lineStart + pos;
      const original = text[at]!;
      if (!/[A-Za-z0-9]/.test(original)) continue;
      const edited =
        text.slice(0, at) + (original === 'x' ? 'y' : original === '0' ? '1' : 'x') + text.slice(at + 1);
      const verdict = verifyExportFile(Buffer.from(edited));
      expect(verdict.intact).toBe(false);
      if (verdict.intact) continue;
      expect(verdict.brokenAt).toMatchObject({ index: target, seq: items[target]!.seq });
    }
  });

  it('fails verification when an item is removed or the code is changed', async () => {
    const { bytes } = await exportToBuffer(tc, month.learner, { format: 'json' });
    const doc = JSON.parse(bytes.toString());
    const removed = { ...doc, items: doc.items.filter((_: unknown, i: number) => i !== 2) };
    expect(verifyExportFile(Buffer.from(JSON.stringify(removed)))).toMatchObject({
      intact: false,
      brokenAt: { reason: 'code_mismatch' },
    });
    const recoded = { ...doc, header: { ...doc.header, code: 'AAAAA-AAAAA-AAAAA-AAAAA' } };
    expect(verifyExportFile(Buffer.from(JSON.stringify(recoded))).intact).toBe(false);
  });

  it('names the file of a bundle that was changed', async () => {
    const { bytes } = await exportToBuffer(tc, month.learner, { format: 'zip' });
    const files = unzipSync(bytes);
    files['evidence-trail.csv'] = Buffer.from(
      Buffer.from(files['evidence-trail.csv']!).toString().replace('Monthly', 'Weekly'),
    );
    expect(verifyExportFile(Buffer.from(zipSync(files)))).toMatchObject({
      intact: false,
      file: 'evidence-trail.csv',
    });
  });

  it('exports only one learner’s work and one date range when asked', async () => {
    const mine = jsonItems(
      (await exportToBuffer(tc, month.colleague, { format: 'json', onlyMine: true })).bytes,
    );
    expect(mine.map((i) => i.kind)).toEqual(
      expect.arrayContaining([
        'action.status_changed',
        'agreement.acknowledged',
        'feedback.received',
        'witness.confirmed',
      ]),
    );
    expect(mine.every((i) => i.kind !== 'partner.added')).toBe(true);
    const early = jsonItems(
      (
        await exportToBuffer(tc, month.learner, {
          format: 'json',
          filters: { from: '2026-03-01', to: '2026-03-05' },
        })
      ).bytes,
    );
    expect(early.length).toBeGreaterThan(0);
    expect(
      early.every((i) => i.occurredAt >= '2026-03-01' && i.occurredAt <= '2026-03-05T23:59:59.999Z'),
    ).toBe(true);
    const p13 = jsonItems(
      (await exportToBuffer(tc, month.learner, { format: 'json', filters: { criteria: ['P13'] } })).bytes,
    );
    expect(p13.length).toBeGreaterThan(0);
    expect(p13.every((i) => i.criteria.includes('P13'))).toBe(true);
  });
});

function textOf(name: string, data: Buffer): string {
  if (name.endsWith('.pdf')) return pdfText(data);
  if (name.endsWith('.docx')) return docxText(data);
  return data.toString('utf8');
}
