import { CRITERIA, inStandardOrder, type CriterionCode } from '../../../core/criteria/cfacsb9';

describe('inStandardOrder', () => {
  it('puts codes in the standard’s order, performance before knowledge, each once', () => {
    expect(inStandardOrder(['K10', 'P2', 'K1', 'P14', 'P2', 'P10', 'K2'])).toEqual([
      'P2',
      'P10',
      'P14',
      'K1',
      'K2',
      'K10',
    ]);
  });

  it('sorts the whole standard back into the order it is listed in, and leaves out codes it does not have', () => {
    const codes = CRITERIA.map((c) => c.code);
    expect(inStandardOrder([...codes].reverse())).toEqual(codes);
    expect(inStandardOrder(['P15', 'K1', 'X1'] as CriterionCode[])).toEqual(['K1']);
    expect(inStandardOrder([])).toEqual([]);
  });
});
