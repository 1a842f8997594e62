/** A run of consecutive sequence numbers of a chain: after one, up to and including another. */
export interface SeqRange {
  readonly afterSeq: number;
  readonly untilSeq: number;
}

/**
 * Cuts the items an export selects into consecutive parts of `size` items (the last may be shorter), given
 * the sequence number of each selected item in chain order; the last part reaches the export's head.
 */
export class PartCutter {
  private readonly ranges: SeqRange[] = [];
  private partStart = 0;
  private inPart = 0;
  private lastSeq = 0;

  constructor(private readonly size: number) {}

  /** Counts one selected item. */
  add(seq: number): void {
    if (this.inPart === this.size) {
      this.ranges.push({ afterSeq: this.partStart, untilSeq: this.lastSeq });
      this.partStart = this.lastSeq;
      this.inPart = 0;
    }
    this.inPart += 1;
    this.lastSeq = seq;
  }

  /** The parts, the last one ending at the head. */
  result(headSeq: number): SeqRange[] {
    return this.inPart ? [...this.ranges, { afterSeq: this.partStart, untilSeq: headSeq }] : [];
  }
}
