import LineBreaker from 'linebreak';
import type PDFDocument from 'pdfkit';
import { ChunkLayouts, pdfNumber, type EmbeddedFont } from './pdf-chunk-layouts';

type Doc = InstanceType<typeof PDFDocument>;

/** How text looks: its font (registered on the document), size, colour and, for paragraphs, the space after. */
export interface TextStyle {
  readonly font: string;
  readonly size: number;
  readonly color: string;
  readonly gap?: number;
}

/** Line ends, which end paragraphs. */
const PARAGRAPHS = /\r\n?|\n/;

/** pdfkit lays text out in chunks that end after each space or tab. */
const CHUNKS = /[^ \t]*[ \t]|[^ \t]+/g;

/**
 * Sets plain text on a pdfkit document: paragraphs left-aligned and wrapped at the margins or in a box (a table
 * cell), breaking pages where a line would not fit, and single centred lines. It draws what `doc.text()` draws:
 * the same line breaks (Unicode's, as pdfkit finds them), the same glyphs and kerning from pdfkit's own layout,
 * text that pdftotext extracts the same way. But `text()` lays out and encodes every line again, character by
 * character, which made it most of a long trail's export time; this keeps each chunk of text as ready-made PDF
 * operands and writes a paragraph in one piece of page content.
 *
 * It uses pdfkit's embedded-font object (layout and glyph subset) and page resources directly, as pdfkit 0.20
 * has them; its tests compare its output with `text()` word by word, so a pdfkit upgrade that changes either
 * shows there.
 */
export class TextSetter {
  private readonly layouts = new ChunkLayouts();

  constructor(private readonly doc: Doc) {}

  /**
   * Sets text in a style from `doc.y` down; each line of it is a paragraph, followed by the style's gap. The
   * text fills the space between the margins, or a box (a table cell) at `x`, `width` wide.
   */
  paragraph(text: string, style: TextStyle, box?: { x: number; width: number }): void {
    const doc = this.doc;
    const font = this.use(style);
    const { left, width } = box ? { left: box.x, width: box.width } : this.column();
    const lineHeight = doc.currentLineHeight(true);
    let placed: string[] = [];
    for (const paragraph of text.split(PARAGRAPHS)) {
      const lines = this.lines(font, style.size, paragraph, width);
      if (lines.includes(undefined)) {
        // A glyph placed off the line's flow: pdfkit's own text() positions it.
        this.draw(font, style, placed);
        placed = [];
        doc.fillColor(style.color).text(paragraph, left, doc.y, { width, paragraphGap: style.gap ?? 0 });
        continue;
      }
      for (const operands of lines) {
        if (doc.y + lineHeight > doc.page.height - doc.page.margins.bottom) {
          this.draw(font, style, placed);
          placed = [];
          doc.addPage();
          this.use(style);
        }
        if (operands) placed.push(this.placed(font, style, left, doc.y, operands));
        doc.y += lineHeight;
      }
      doc.y += style.gap ?? 0;
    }
    this.draw(font, style, placed);
    doc.x = left;
  }

  /** How tall {@link paragraph} would set text in a box `width` wide (as pdfkit's heightOfString measures). */
  heightOf(text: string, style: TextStyle, width: number): number {
    const font = this.use(style);
    const lineHeight = this.doc.currentLineHeight(true);
    let height = 0;
    for (const paragraph of text.split(PARAGRAPHS))
      height += this.lines(font, style.size, paragraph, width).length * lineHeight + (style.gap ?? 0);
    return height;
  }

  /** One line centred between the margins with its top at `y`, not wrapped and never breaking the page. */
  centredLine(text: string, y: number, style: TextStyle): void {
    const font = this.use(style);
    const { left, width } = this.column();
    const { operands, units } = this.set(font, text);
    if (operands === undefined) {
      // pdfkit's text() starts a new page for a line below the bottom margin (a footer is): lift it meanwhile.
      const { margins } = this.doc.page;
      const bottom = margins.bottom;
      margins.bottom = 0;
      this.doc.fillColor(style.color).text(text, left, y, { width, align: 'center', lineBreak: false });
      margins.bottom = bottom;
      return;
    }
    const x = left + (width - pdfNumber((units * style.size) / 1000)) / 2;
    this.draw(font, style, [this.placed(font, style, x, y, operands)]);
  }

  private use(style: TextStyle): EmbeddedFont {
    this.doc.font(style.font).fontSize(style.size);
    return (this.doc as unknown as { _font: EmbeddedFont })._font;
  }

  private column(): { left: number; width: number } {
    const { margins, width } = this.doc.page;
    return { left: margins.left, width: width - margins.left - margins.right };
  }

  /** A text-positioning and showing operation for a line whose top is at `y` (pdfkit's downward y). */
  private placed(font: EmbeddedFont, style: TextStyle, x: number, y: number, operands: string): string {
    const baseline = this.doc.page.height - y - (font.ascender / 1000) * style.size;
    return `1 0 0 1 ${pdfNumber(x)} ${pdfNumber(baseline)} Tm [${operands}] TJ`;
  }

  private draw(font: EmbeddedFont, style: TextStyle, lines: readonly string[]): void {
    if (!lines.length) return;
    const doc = this.doc;
    const page = doc.page as unknown as { fonts: Record<string, unknown>; height: number };
    page.fonts[font.id] ??= font.ref();
    doc.fillColor(style.color);
    // pdfkit draws with the y axis pointing down; text is set with it the PDF way up.
    doc.addContent(
      `q 1 0 0 -1 0 ${page.height} cm BT /${font.id} ${style.size} Tf\n${lines.join('\n')}\nET Q`,
    );
  }

  /** A paragraph's lines as TJ operands (undefined for a line with a glyph off the flow of the line). */
  private lines(
    font: EmbeddedFont,
    size: number,
    paragraph: string,
    lineWidth: number,
  ): (string | undefined)[] {
    const whole = this.set(font, paragraph);
    // Most paragraphs fit on one line, which needs no search for break opportunities (a margin for rounding).
    if ((whole.units * size) / 1000 < lineWidth - 0.001) return [whole.operands];
    return this.wrap(font, size, paragraph, lineWidth).map((line) => this.set(font, line).operands);
  }

  /**
   * A paragraph's lines, broken as pdfkit breaks them: at Unicode's break opportunities, as many pieces as
   * fit (each with its trailing spaces); a piece wider than a whole line fills the line and goes on to the next.
   */
  private wrap(font: EmbeddedFont, size: number, paragraph: string, lineWidth: number): string[] {
    const lines: string[] = [];
    let line = '';
    let spaceLeft = lineWidth;
    const newLine = (text = '') => {
      lines.push(line + text);
      line = '';
      spaceLeft = lineWidth;
    };
    const breaker = new LineBreaker(paragraph);
    let start = 0;
    for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
      let piece = paragraph.slice(start, bk.position);
      start = bk.position;
      let width = this.widthOf(font, size, piece);
      while (width > spaceLeft) {
        if (width <= lineWidth) {
          newLine();
          break;
        }
        const fits = this.fitting(font, size, piece, spaceLeft, spaceLeft === lineWidth);
        newLine(piece.slice(0, fits));
        piece = piece.slice(fits);
        width = this.widthOf(font, size, piece);
      }
      line += piece;
      spaceLeft -= width;
      if (bk.required) newLine();
    }
    if (line || !lines.length) newLine();
    return lines;
  }

  /** How many UTF-16 units of a text fit in `space`, in whole characters; at least one if `atLeastOne`. */
  private fitting(
    font: EmbeddedFont,
    size: number,
    text: string,
    space: number,
    atLeastOne: boolean,
  ): number {
    const ends: number[] = [];
    for (const character of text) ends.push((ends[ends.length - 1] ?? 0) + character.length);
    let low = 0;
    let high = ends.length;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.widthOf(font, size, text.slice(0, ends[mid - 1])) <= space) low = mid;
      else high = mid - 1;
    }
    return low === 0 ? (atLeastOne ? ends[0]! : 0) : ends[low - 1]!;
  }

  /** A text's width in points, as pdfkit measures it: the sum of its chunks, rounded as PDF numbers are. */
  private widthOf(font: EmbeddedFont, size: number, text: string): number {
    return pdfNumber((this.set(font, text).units * size) / 1000);
  }

  /**
   * A text set in one line: its TJ operands (undefined if a glyph sits off the flow of the line) and its
   * width in thousandths of an em.
   */
  private set(font: EmbeddedFont, text: string): { operands: string | undefined; units: number } {
    const parts: string[] = [];
    let units = 0;
    let offset = false;
    for (const piece of text.match(CHUNKS) ?? []) {
      const chunk = this.layouts.of(font, piece);
      parts.push(chunk.operands);
      units += chunk.width;
      offset ||= chunk.offset;
    }
    return { operands: offset ? undefined : parts.join(' '), units };
  }
}
