import { PartCutter } from '../../../core/export/export-parts';

/** Cuts the given selected sequence numbers into parts of `size`, the chain's head at `head`. */
function cut(size: number, seqs: readonly number[], head: number) {
  const cutter = new PartCutter(size);
  seqs.forEach((seq) => cutter.add(seq));
  return cutter.result(head);
}

describe('PartCutter', () => {
  it('cuts the selected items into runs of the size, each part ending at its last item and the last at the head', () => {
    // Items at 2, 3, 7, 8, 11 of a chain up to 15 (the others are not selected).
    expect(cut(2, [2, 3, 7, 8, 11], 15)).toEqual([
      { afterSeq: 0, untilSeq: 3 },
      { afterSeq: 3, untilSeq: 8 },
      { afterSeq: 8, untilSeq: 15 },
    ]);
  });

  it('makes no empty part when the items fill the last one exactly, and none at all for no items', () => {
    expect(cut(2, [4, 5, 6, 9], 12)).toEqual([
      { afterSeq: 0, untilSeq: 5 },
      { afterSeq: 5, untilSeq: 12 },
    ]);
    expect(cut(2, [], 12)).toEqual([]);
  });
});
