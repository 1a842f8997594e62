/** A block of figures in bench/README.md, rendered from one result file. */
export interface FigureBlock {
  /** The result file's name under bench/results, without `.json`. */
  readonly file: string;
  /** Markdown for the block, from the file's `result`. */
  render(result: unknown): string;
}
