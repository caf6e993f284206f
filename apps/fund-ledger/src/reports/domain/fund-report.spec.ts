import { fundReport, periodsOf, type PostingAggregate } from './fund-report';

const S = 'skills_upgrading_account';
const agg = (
  period: string,
  accountKind: string,
  transactionKind: string,
  debitsFen: number,
  creditsFen: number,
  subsidyKind?: string,
): PostingAggregate => ({
  period,
  accountKind,
  fundSource: S,
  transactionKind,
  debitsFen,
  creditsFen,
  ...(subsidyKind ? { subsidyKind } : {}),
});

it('names the periods of a year', () => {
  expect(periodsOf(2026, 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  expect(periodsOf(2026, 'month')).toHaveLength(12);
  expect(periodsOf(2026, 'year')).toEqual(['2026']);
});

it('reports each period of a source and carries the balances forward from before the year', () => {
  const { rows, byKind } = fundReport(2026, 'quarter', [
    agg('opening', 'fund', 'inflow', 0, 100_000),
    agg('2026-Q1', 'fund', 'inflow', 0, 50_000),
    agg('2026-Q1', 'fund', 'earmark', 30_000, 0),
    agg('2026-Q1', 'earmark', 'earmark', 0, 30_000),
    agg('2026-Q2', 'earmark', 'commitment', 20_000, 0),
    agg('2026-Q2', 'committed', 'commitment', 0, 20_000),
    agg('2026-Q2', 'expense', 'commitment', 20_000, 0, 'training'),
    agg('2026-Q3', 'payable', 'settlement', 20_000, 0),
    agg('2026-Q4', 'expense', 'recovery', 0, 5_000, 'training'),
    agg('2026-Q4', 'fund', 'recovery', 0, 5_000),
  ]);
  expect(
    rows.map((r) => [
      r.period,
      r.receivedFen,
      r.earmarkedFen,
      r.committedFen,
      r.paidFen,
      r.returnedFen,
      r.availableEndFen,
      r.earmarkedEndFen,
    ]),
  ).toEqual([
    ['2026-Q1', 50_000, 30_000, 0, 0, 0, 120_000, 30_000],
    ['2026-Q2', 0, 0, 20_000, 0, 0, 120_000, 10_000],
    ['2026-Q3', 0, 0, 0, 20_000, 0, 120_000, 10_000],
    ['2026-Q4', 0, 0, 0, 0, 5_000, 125_000, 10_000],
  ]);
  expect(byKind).toEqual([
    { period: '2026-Q2', fundSource: S, subsidyKind: 'training', committedFen: 20_000, returnedFen: 0 },
    { period: '2026-Q4', fundSource: S, subsidyKind: 'training', committedFen: 0, returnedFen: 5_000 },
  ]);
});
