/** What pdfkit's embedded fonts offer: layout (with kerning) as glyph ids of the font's subset. */
export interface EmbeddedFont {
  readonly id: string;
  readonly ascender: number;
  encode(text: string, features?: string[]): [string[], GlyphPosition[]];
  ref(): unknown;
}

interface GlyphPosition {
  readonly xAdvance: number;
  readonly advanceWidth: number;
  readonly xOffset: number;
  readonly yOffset: number;
}

/** A glyph of a laid-out text: its id in the document's font subset (hex) and where the layout puts it. */
interface PlacedGlyph extends GlyphPosition {
  readonly hex: string;
}

/**
 * A chunk of text as pdfkit lays it out (a run of characters up to and including a space or tab) as TJ
 * operands, and its width in thousandths of an em. `offset` says a glyph sits off the flow of the line (an
 * accent placed by the font), which TJ operands cannot express.
 */
export interface SetChunk {
  readonly operands: string;
  readonly width: number;
  readonly offset: boolean;
}

/** Chunks remembered per font before starting afresh: bounds memory on a trail of many one-off words. */
const CHUNKS_REMEMBERED = 20_000;

/**
 * Chunks worth putting together from their characters (see {@link ChunkLayouts.composed}): two or more of the
 * characters that event numbers, hashes, times and dates are made of.
 */
const COMPOSABLE = /^[0-9a-f#:,.…“” -]{2,}$/;

/**
 * How a document's font sets chunks of text (runs of characters up to and including a space or tab, as pdfkit
 * lays text out): as TJ operands, remembered per font. A document's fonts have their own glyph subsets, so one
 * instance serves one document.
 */
export class ChunkLayouts {
  private readonly chunks = new Map<string, Map<string, SetChunk>>();
  /** Per font, what {@link ChunkLayouts.composed} learnt of single characters and pairs. */
  private readonly plain = new Map<string, Map<string, unknown>>();

  /** A chunk of text as TJ operands and its width. */
  of(font: EmbeddedFont, text: string): SetChunk {
    let known = this.chunks.get(font.id);
    if (!known) this.chunks.set(font.id, (known = new Map()));
    let chunk = known.get(text);
    if (!chunk) {
      if (known.size >= CHUNKS_REMEMBERED) known.clear();
      chunk = chunkOf((COMPOSABLE.test(text) && this.composed(font, text)) || layoutOf(font, text));
      known.set(text, chunk);
    }
    return chunk;
  }

  /**
   * A chunk of plain characters (an event number, a hash, a time) put together from how the font sets each
   * character and each adjacent pair, without shaping the whole chunk: most such chunks occur once, and shaping
   * them was a quarter of a long trail's PDF. Undefined unless every character is one glyph and every pair
   * just those two glyphs, kerned at most.
   */
  private composed(font: EmbeddedFont, text: string): PlacedGlyph[] | undefined {
    const characters = [...text];
    const glyphs: PlacedGlyph[] = [];
    for (let i = 0; i < characters.length; i++) {
      const glyph = this.glyphOf(font, characters[i]!);
      const kerning =
        i + 1 < characters.length ? this.kerningOf(font, characters[i]!, characters[i + 1]!) : 0;
      if (glyph === undefined || kerning === undefined) return undefined;
      glyphs.push({ ...glyph, xAdvance: glyph.xAdvance + kerning });
    }
    return glyphs;
  }

  /** A character's glyph, if the font sets it as one glyph on the line's flow. */
  private glyphOf(font: EmbeddedFont, character: string): PlacedGlyph | undefined {
    return this.remembered(font, character, () => {
      const glyphs = layoutOf(font, character);
      return glyphs.length === 1 && onFlow(glyphs[0]!) ? glyphs[0] : undefined;
    });
  }

  /** The kerning between two characters, if the font sets the pair as exactly their own two glyphs. */
  private kerningOf(font: EmbeddedFont, first: string, second: string): number | undefined {
    return this.remembered(font, first + second, () => {
      const [a, b] = [this.glyphOf(font, first), this.glyphOf(font, second)];
      const pair = layoutOf(font, first + second);
      if (!a || !b || pair.length !== 2 || !pair.every(onFlow)) return undefined;
      const [x, y] = pair as [PlacedGlyph, PlacedGlyph];
      const unchanged = x.hex === a.hex && x.advanceWidth === a.advanceWidth && y.hex === b.hex;
      return unchanged && y.xAdvance === b.xAdvance && y.advanceWidth === b.advanceWidth
        ? x.xAdvance - a.xAdvance
        : undefined;
    });
  }

  private remembered<T>(font: EmbeddedFont, key: string, work: () => T): T {
    let known = this.plain.get(font.id);
    if (!known) this.plain.set(font.id, (known = new Map()));
    if (!known.has(key)) known.set(key, work());
    return known.get(key) as T;
  }
}

function onFlow(glyph: PlacedGlyph): boolean {
  return glyph.xOffset === 0 && glyph.yOffset === 0;
}

/**
 * A text as pdfkit lays it out: one glyph id (of the document's font subset, as hex) and position per glyph. The
 * empty feature list asks for the font's default layout without adding the text to pdfkit's own cache, which
 * would otherwise keep every word of the trail.
 */
function layoutOf(font: EmbeddedFont, text: string): PlacedGlyph[] {
  const [glyphs, positions] = font.encode(text, []);
  return glyphs.map((hex, i) => ({ hex, ...positions[i]! }));
}

/** Glyphs as TJ operands: runs of glyph ids, with kerning adjustments where the layout moves a glyph. */
function chunkOf(glyphs: readonly PlacedGlyph[]): SetChunk {
  let operands = '';
  let run = '';
  let width = 0;
  let offset = false;
  for (const { hex, xAdvance, advanceWidth, xOffset, yOffset } of glyphs) {
    run += hex;
    width += xAdvance;
    offset ||= xOffset !== 0 || yOffset !== 0;
    const kerning = xAdvance - advanceWidth;
    if (kerning !== 0) {
      operands += `<${run}> ${pdfNumber(-kerning)} `;
      run = '';
    }
  }
  return { operands: run ? `${operands}<${run}>` : operands.trimEnd(), width, offset };
}

/** Rounds as pdfkit writes numbers into a PDF. */
export function pdfNumber(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
