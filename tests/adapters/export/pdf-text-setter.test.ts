import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { TextSetter, type TextStyle } from '../../../adapters/export/pdf-text-setter';

type Doc = InstanceType<typeof PDFDocument>;

/** A word as pdftotext found it on a page: its text and its box, in points. */
interface PlacedWord {
  readonly page: number;
  readonly text: string;
  readonly box: readonly number[];
}

/** Draws pages with `draw`, then reads every word back with its position (poppler's pdftotext -bbox). */
async function wordsOf(draw: (doc: Doc, setter: TextSetter) => void): Promise<PlacedWord[]> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 50, bottom: 70, left: 50, right: 50 } });
  doc.registerFont('regular', require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
  doc.registerFont('bold', require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  draw(doc, new TextSetter(doc));
  doc.end();
  await ended;
  const dir = mkdtempSync(join(tmpdir(), 'text-setter-'));
  try {
    writeFileSync(join(dir, 'text.pdf'), Buffer.concat(chunks));
    const html = execFileSync('pdftotext', ['-bbox', join(dir, 'text.pdf'), '-'], { encoding: 'utf8' });
    const words: PlacedWord[] = [];
    html.split('<page ').forEach((page, index) => {
      for (const m of page.matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
      ))
        words.push({ page: index, text: m[5]!, box: m.slice(1, 5).map(Number) });
    });
    return words;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const STYLE: TextStyle = { font: 'regular', size: 9, color: '#242424', gap: 3 };

/** Words to compare: text, and the box rounded to a hundredth of a point. */
function layoutOf(words: readonly PlacedWord[]): string[] {
  return words.map((w) => `${w.page} ${w.text} ${w.box.map((n) => n.toFixed(2)).join(' ')}`);
}

/** The same text set by pdfkit's text() and by the setter, each on a fresh document. */
async function bothWays(text: string, style: TextStyle = STYLE) {
  const byPdfkit = await wordsOf((doc) =>
    doc.font(style.font).fontSize(style.size).fillColor(style.color).text(text, { paragraphGap: style.gap }),
  );
  const bySetter = await wordsOf((_doc, setter) => setter.paragraph(text, style));
  return { byPdfkit, bySetter };
}

const MINUTES =
  'Minutes: Reviewed late deliveries in February; root cause was the new depot rota. AVA Tyre & Wheel, “Office” ' +
  'To-do: Wavy Yacht Ltd. agreed to call on 0345 — the account team will write up what was agreed, ' +
  'who owns each action and when it is due, and share it with the partner before Friday’s review.';

describe('TextSetter', () => {
  it('sets a wrapped paragraph word for word where pdfkit’s text() puts it, kerning included', async () => {
    const { byPdfkit, bySetter } = await bothWays(`${MINUTES}\n${MINUTES} Ünïcödé Łódź Ωμέγα Привет`);
    expect(bySetter.length).toBeGreaterThan(60);
    expect(layoutOf(bySetter)).toEqual(layoutOf(byPdfkit));
  });

  it('puts numbers, hashes and times together from their characters exactly as pdfkit lays them out', async () => {
    // Deterministic pseudo-random words from the characters the setter composes without shaping.
    const characters = [...'0123456789abcdef#:,.…“”-'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % characters.length;
    const words = Array.from({ length: 300 }, (_, i) =>
      Array.from({ length: 2 + (i % 9) }, () => characters[next()]).join(''),
    );
    const text = `Hash ${words.join(' ')} #7506 7520” 14:00 2024, 1.5… “17”`;
    for (const font of ['regular', 'bold']) {
      const { byPdfkit, bySetter } = await bothWays(text, { ...STYLE, font });
      expect(bySetter.length).toBeGreaterThan(300);
      expect(layoutOf(bySetter)).toEqual(layoutOf(byPdfkit));
    }
  });

  it('sets a table cell in a narrow box where pdfkit puts it, and measures it as heightOfString does', async () => {
    const cell = 'define partners involved in the service chain that supplies your end user customers';
    const style: TextStyle = { font: 'regular', size: 7.5, color: '#242424' };
    const box = { x: 87, width: 285 };
    const measured = { byPdfkit: 0, bySetter: 0 };
    const byPdfkit = await wordsOf((doc) => {
      doc.font('regular').fontSize(7.5);
      measured.byPdfkit = doc.heightOfString(cell, { width: box.width });
      doc.text(cell, box.x, 120, { width: box.width });
    });
    const bySetter = await wordsOf((doc, setter) => {
      measured.bySetter = setter.heightOf(cell, style, box.width);
      doc.y = 120;
      setter.paragraph(cell, style, box);
    });
    expect(new Set(bySetter.map((w) => w.box[1])).size).toBe(2);
    expect(layoutOf(bySetter)).toEqual(layoutOf(byPdfkit));
    expect(measured.bySetter).toBeCloseTo(measured.byPdfkit, 6);
  });

  it('breaks a word wider than the line between characters, losing none of them', async () => {
    const link = `https://portal.example/${'a1b2c3d4'.repeat(40)}`;
    const words = await wordsOf((_doc, setter) => setter.paragraph(`Source: ${link} end`, STYLE));
    const lines = new Set(words.map((w) => w.box[1]!.toFixed(1)));
    expect(lines.size).toBeGreaterThan(2);
    expect(words.map((w) => w.text).join('')).toBe(`Source:${link}end`);
    for (const w of words) expect(w.box[2]).toBeLessThanOrEqual(595.28 - 50 + 0.5);
  });

  it('leaves text whose accents the font places off the line to pdfkit, so they land where pdfkit puts them', async () => {
    const decomposed = 'Nguye\u0302\u0303n Va\u0306n Ca\u0301c met Zoe\u0308 to agree the cafe\u0301 rota';
    const { byPdfkit, bySetter } = await bothWays(`${decomposed}\nand a plain line after it`);
    expect(layoutOf(bySetter)).toEqual(layoutOf(byPdfkit));
  });

  it('centres a footer line below the bottom margin without starting a page, accents placed by pdfkit included', async () => {
    const plain = 'Page 1  ·  Verification code ABCDE-FGHJK  ·  CFACSB9';
    const accented = 'Page 2  ·  Zoe\u0308 Nguye\u0302\u0303n';
    let pagesAdded = 0;
    const words = await wordsOf((doc, setter) => {
      doc.on('pageAdded', () => (pagesAdded += 1));
      setter.centredLine(plain, doc.page.height - 35, { ...STYLE, gap: 0 });
      setter.centredLine(accented, doc.page.height - 20, { ...STYLE, gap: 0 });
    });
    expect(pagesAdded).toBe(0);
    const line = (top: number) => words.filter((w) => Math.abs(w.box[1]! - top) < 3);
    for (const top of [841.89 - 35, 841.89 - 20]) {
      const placed = line(top);
      expect(placed.length).toBeGreaterThan(2);
      const left = placed[0]!.box[0]!;
      const right = placed[placed.length - 1]!.box[2]!;
      expect(Math.abs(left - 50 - (595.28 - 50 - right))).toBeLessThan(1);
    }
  });

  it('continues a paragraph on a new page where the page is full, and the page’s footer is drawn', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `Line ${i + 1} of the minutes`);
    let pagesAdded = 0;
    const words = await wordsOf((doc, setter) => {
      doc.on('pageAdded', () => {
        pagesAdded += 1;
        setter.centredLine(`Page ${pagesAdded + 1}`, doc.page.height - 35, { ...STYLE, gap: 0 });
        doc.y = doc.page.margins.top;
      });
      setter.paragraph(lines.join('\n'), STYLE);
    });
    expect(pagesAdded).toBeGreaterThanOrEqual(1);
    const numbers = words.filter((w) => /^\d+$/.test(w.text) && w.box[1]! < 780).map((w) => Number(w.text));
    expect(numbers).toEqual(lines.map((_, i) => i + 1));
    const footers = words.filter((w) => w.text === 'Page');
    expect(footers.map((w) => w.page)).toEqual(Array.from({ length: pagesAdded }, (_, i) => i + 2));
    const body = words.filter((w) => w.box[1]! < 780);
    for (const w of body) expect(w.box[3]).toBeLessThanOrEqual(841.89 - 70);
  });
});
