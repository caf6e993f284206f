import {
  partDecision,
  partsToReconcile,
  StatementOfOtherJurisdiction,
  StatementPartChanged,
  StatementPartsMissing,
} from './statement-parts';

const S = 'statement-1';
const part = (partNumber: number, digest = `d${partNumber}`, jurisdictionCode = '140802') => ({
  partNumber,
  digest,
  jurisdictionCode,
});

describe('given parts 1 and 2 kept', () => {
  const kept = [part(1), part(2)];

  it('when part 3 comes, then it is kept; when part 2 comes again with its text, then it is the same', () => {
    expect(partDecision(S, part(3), kept)).toBe('keep');
    expect(partDecision(S, part(2), kept)).toBe('same');
  });

  it('when part 2 comes with other text, then it is refused: a resumed upload never mixes two files', () => {
    expect(() => partDecision(S, part(2, 'other'), kept)).toThrow(StatementPartChanged);
  });

  it('when a part comes for another jurisdiction, then it is refused', () => {
    expect(() => partDecision(S, part(3, 'd3', '140821'), kept)).toThrow(StatementOfOtherJurisdiction);
  });

  it('when reconciled as 3 parts, then part 3 is named missing (field partCount); as 2, in order', () => {
    try {
      partsToReconcile(S, '140802', 3, kept);
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(StatementPartsMissing);
      expect((error as StatementPartsMissing).details).toMatchObject({ field: 'partCount', missing: [3] });
    }
    expect(partsToReconcile(S, '140802', 2, [part(2), part(1)])).toEqual([1, 2]);
    expect(() => partsToReconcile(S, '140821', 2, kept)).toThrow(StatementOfOtherJurisdiction);
  });
});
