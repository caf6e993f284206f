import { daysBehind, factsText, sealGaps, shanghaiToday } from './auditFacts';

describe('an event’s facts', () => {
  it('shows amounts in fen as ¥ with two decimals, at any depth', () => {
    expect(factsText({ claimId: 'c-1', amountFen: 120_000, lines: [{ rule: 'r', amountFen: 5 }] })).toBe(
      'claimId: c-1; amountFen: ¥1,200.00; lines: [{ rule: r, amountFen: ¥0.05 }]',
    );
  });
  it('leaves out empty facts and shows a count of fen only when it is a whole number', () => {
    expect(factsText({ a: undefined, b: null, distanceMetres: 12.5, shareFen: 'x' })).toBe(
      'distanceMetres: 12.5; shareFen: x',
    );
  });
});

describe('the seal calendar', () => {
  it('names the days missing between seals', () => {
    expect(sealGaps(['2026-02-27', '2026-02-28', '2026-03-03'])).toEqual(['2026-03-01', '2026-03-02']);
    expect(sealGaps(['2026-12-31', '2027-01-01'])).toEqual([]);
  });
  it('counts the days over and not sealed yet', () => {
    expect(daysBehind('2026-11-28', '2026-11-30')).toBe(1);
    expect(daysBehind('2026-11-29', '2026-11-30')).toBe(0);
    expect(daysBehind(undefined, '2026-11-30')).toBe(0);
  });
  it('takes today in Beijing time', () => {
    expect(shanghaiToday(new Date('2026-11-30T16:30:00Z'))).toBe('2026-12-01');
  });
});
