import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import type { ExportDocument, ExportWriter } from '../../core/export/export-document';
import type { ExportItem } from '../../core/export/export-layout';
import { nextTurn } from '../system/next-turn';
import { TextSetter } from './pdf-text-setter';
import { day, describeFilters, describeRedaction, HOW_TO_VERIFY, when } from './readable-text';

/**
 * DejaVu Sans, for any script a name or a note may use, parsed once per process: pdfkit takes a parsed font as
 * well as a file, and parsing a face with the layout tables every export reads takes 30-40 ms (90 ms cold).
 * Each document still embeds only the glyphs it uses.
 */
let parsedFonts: { regular: fontkit.Font; bold: fontkit.Font } | undefined;

function fonts(): { regular: fontkit.Font; bold: fontkit.Font } {
  return (parsedFonts ??= {
    regular: fontkit.create(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'))),
    bold: fontkit.create(readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))),
  });
}
const MARGIN = 50;
const INK = '#242424';
const MUTED = '#616161';
const ACCENT = '#146C75';

type Doc = InstanceType<typeof PDFDocument>;

/** Items rendered between clearing pdfkit's per-font word-layout caches. */
const LAYOUT_CACHE_ITEMS = 500;
/** How much rendered PDF may wait for the destination before rendering pauses. */
const BACKLOG_BYTES = 256 * 1024;
/** Items rendered between letting the event loop take a turn (about 20 ms of work). */
const ITEMS_PER_TURN = 50;

/**
 * pdfkit caches the layout of every distinct word it sets itself and never lets go. The trail's items go
 * through {@link TextSetter}, which bounds its own memory, but text with accents the font places off the line
 * still goes through pdfkit: clearing its caches now and then keeps memory flat (before TextSetter, pdfkit's
 * cache alone took a gigabyte on 100,000 items).
 */
function forgetWordLayouts(doc: Doc): void {
  const fonts =
    (doc as unknown as { _fontFamilies?: Record<string, { layoutCache?: object }> })._fontFamilies ?? {};
  for (const font of Object.values(fonts))
    if (font.layoutCache) font.layoutCache = Object.create(null) as object;
}

/**
 * A portfolio-ready PDF: a cover page with the verification code, the criteria coverage table, then the
 * chronological trail grouped by partner, every page numbered and carrying the code. Pages are written out as
 * they are finished (no page buffering), so memory stays flat. The font is DejaVu Sans, for any script a name
 * or a note may use.
 */
export const pdfWriter: ExportWriter = {
  contentType: 'application/pdf',
  extension: 'pdf',
  async write(document: ExportDocument, out: NodeJS.WritableStream): Promise<void> {
    const { header } = document;
    const doc = new PDFDocument({
      size: 'A4',
      margins: { top: MARGIN, bottom: MARGIN + 20, left: MARGIN, right: MARGIN },
      info: {
        Title: header.title,
        Author: header.exportedBy,
        Subject: `Verification code ${header.code}`,
        Creator: 'Partner CRM',
      },
    });
    doc.registerFont('regular', fonts().regular as unknown as string);
    doc.registerFont('bold', fonts().bold as unknown as string);
    const setter = new TextSetter(doc);
    let page = 1;
    const footer = () => {
      setter.centredLine(
        `Page ${page}  ·  Verification code ${header.code}  ·  ${header.unit.code}`,
        doc.page.height - 35,
        { font: 'regular', size: 8, color: MUTED },
      );
      doc.x = MARGIN;
      doc.y = doc.page.margins.top;
    };
    doc.on('pageAdded', () => {
      page += 1;
      footer();
    });
    const finished = once(out as unknown as NodeJS.EventEmitter, 'finish');
    doc.pipe(out);
    footer();

    let rendered = 0;
    cover(doc, document);
    doc.addPage();
    coverage(doc, setter, document);
    for await (const group of document.groups()) {
      let started = false;
      for await (const item of group.items) {
        if (!started) {
          doc.addPage();
          doc.font('bold').fontSize(16).fillColor(ACCENT).text(group.title);
          doc.moveDown(0.5);
          started = true;
        }
        itemBlock(doc, setter, item);
        if (++rendered % LAYOUT_CACHE_ITEMS === 0) forgetWordLayouts(doc);
        // pdfkit keeps what it rendered until the pipe takes it, and the pipe only moves between I/O events:
        // wait whenever that backlog grows, or a long trail piles up in memory (bench/export: all of it did).
        while (doc.readableLength > BACKLOG_BYTES) await new Promise((r) => setTimeout(r, 1));
        if (rendered % ITEMS_PER_TURN === 0) await nextTurn();
      }
    }
    doc.end();
    await finished;
  },
};

function cover(doc: Doc, { header }: ExportDocument): void {
  doc.font('bold').fontSize(24).fillColor(INK).text('Evidence trail', { paragraphGap: 6 });
  doc
    .font('regular')
    .fontSize(13)
    .fillColor(ACCENT)
    .text(`${header.unit.code}: ${header.unit.title}`, { paragraphGap: 18 });
  const line = (label: string, value: string) => {
    doc.font('bold').fontSize(10).fillColor(INK).text(`${label}: `, { continued: true });
    doc.font('regular').text(value, { paragraphGap: 4 });
  };
  if (header.learner) line('Learner', header.learner);
  line('Exported', `${when(header.exportedAt)} by ${header.exportedBy}`);
  line('Covers', describeFilters(header.filters, header));
  line('Items', `${header.itemCount}, from the evidence chain up to event #${header.asOfSeq}`);
  line('Personal data', describeRedaction(header.redaction));
  doc.moveDown(1.5);
  const top = doc.y;
  doc.rect(MARGIN, top, doc.page.width - 2 * MARGIN, 92).fillAndStroke('#F0F7F8', ACCENT);
  doc
    .font('regular')
    .fontSize(10)
    .fillColor(INK)
    .text('Verification code', MARGIN + 14, top + 12);
  doc
    .font('bold')
    .fontSize(20)
    .fillColor(ACCENT)
    .text(header.code, MARGIN + 14, top + 28);
  doc
    .font('regular')
    .fontSize(8)
    .fillColor(MUTED)
    .text(HOW_TO_VERIFY, MARGIN + 14, top + 56, { width: doc.page.width - 2 * MARGIN - 28 });
  doc.x = MARGIN;
  doc.y = top + 110;
  doc.font('regular').fontSize(8).fillColor(MUTED).text(`Chain head hash: ${header.headHash}`);
}

function coverage(doc: Doc, setter: TextSetter, { header }: ExportDocument): void {
  doc.font('bold').fontSize(16).fillColor(INK).text('Criteria coverage', { paragraphGap: 4 });
  const { gaps } = header.coverage;
  doc
    .font('regular')
    .fontSize(9)
    .fillColor(MUTED)
    .text(gaps.length ? `No evidence yet for: ${gaps.join(', ')}.` : 'Every criterion has evidence.', {
      paragraphGap: 8,
    });
  const widths = [34, 291, 40, 80, 50];
  const titles = ['Code', 'Criterion', 'Items', 'Latest', 'Kinds'];
  const rowOf = (cells: string[], font: 'regular' | 'bold') => {
    const style = { font, size: 7.5, color: INK };
    const height = Math.max(...cells.map((c, i) => setter.heightOf(c, style, widths[i]! - 6))) + 4;
    if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    let x = MARGIN;
    cells.forEach((cell, i) => {
      doc.y = y + 2;
      setter.paragraph(cell, style, { x: x + 3, width: widths[i]! - 6 });
      x += widths[i]!;
    });
    doc
      .moveTo(MARGIN, y + height)
      .lineTo(MARGIN + widths.reduce((a, b) => a + b), y + height)
      .strokeColor('#D1D1D1')
      .stroke();
    doc.x = MARGIN;
    doc.y = y + height;
  };
  rowOf(titles, 'bold');
  for (const c of header.coverage.criteria)
    rowOf([c.code, c.text, String(c.count), c.latest ? day(c.latest) : '—', String(c.kinds)], 'regular');
}

function itemBlock(doc: Doc, setter: TextSetter, item: ExportItem): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 90) doc.addPage();
  setter.paragraph(item.title, { font: 'bold', size: 11, color: INK, gap: 2 });
  setter.paragraph(
    `Happened ${when(item.occurredAt)}  ·  recorded ${when(item.recordedAt)}  ·  by ${item.actor}  ·  event #${item.seq}`,
    { font: 'regular', size: 8, color: MUTED, gap: 4 },
  );
  if (item.details.length)
    setter.paragraph(item.details.map((d) => `${d.label}: ${d.value}`).join('\n'), {
      font: 'regular',
      size: 9,
      color: INK,
      gap: 3,
    });
  setter.paragraph(
    `Criteria: ${item.criteria.length ? item.criteria.join(', ') : 'none'}    Hash ${item.proof.hash.slice(0, 16)}…`,
    { font: 'regular', size: 8, color: ACCENT, gap: 10 },
  );
}
