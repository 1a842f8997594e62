/** The Unicode line breaking algorithm (UAX #14) as pdfkit uses it: break opportunities in a text. */
declare module 'linebreak' {
  export default class LineBreaker {
    constructor(text: string);
    /** The next place a line may (or, if `required`, must) break, as the index it breaks before. */
    nextBreak(): { position: number; required: boolean } | null;
  }
}
