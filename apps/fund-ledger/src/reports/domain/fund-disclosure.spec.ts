import { fundDisclosure } from './fund-disclosure';
import type { PostingAggregate } from './fund-report';

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

it('discloses received, committed, paid and returned per period and source, and per subsidy kind', () => {
  const { rows, byKind } = fundDisclosure(2026, 'quarter', [
    agg('opening', 'fund', 'inflow', 0, 999_999),
    agg('2026-Q1', 'fund', 'inflow', 0, 50_000),
    agg('2026-Q1', 'fund', 'allocation', 10_000, 10_000),
    agg('2026-Q1', 'fund', 'earmark', 30_000, 0),
    agg('2026-Q2', 'committed', 'commitment', 0, 20_000),
    agg('2026-Q2', 'expense', 'commitment', 15_000, 0, 'training'),
    agg('2026-Q2', 'expense', 'commitment', 5_000, 0, 'appraisal'),
    agg('2026-Q3', 'payable', 'settlement', 20_000, 0),
    agg('2026-Q4', 'expense', 'recovery', 0, 5_000, 'training'),
  ]);
  expect(rows).toEqual([
    { period: '2026-Q1', fundSource: S, receivedFen: 50_000, committedFen: 0, paidFen: 0, returnedFen: 0 },
    { period: '2026-Q2', fundSource: S, receivedFen: 0, committedFen: 20_000, paidFen: 0, returnedFen: 0 },
    { period: '2026-Q3', fundSource: S, receivedFen: 0, committedFen: 0, paidFen: 20_000, returnedFen: 0 },
    { period: '2026-Q4', fundSource: S, receivedFen: 0, committedFen: 0, paidFen: 0, returnedFen: 5_000 },
  ]);
  expect(byKind).toEqual([
    { period: '2026-Q2', fundSource: S, subsidyKind: 'appraisal', committedFen: 5_000, returnedFen: 0 },
    { period: '2026-Q2', fundSource: S, subsidyKind: 'training', committedFen: 15_000, returnedFen: 0 },
    { period: '2026-Q4', fundSource: S, subsidyKind: 'training', committedFen: 0, returnedFen: 5_000 },
  ]);
});

it("counts a county's allocation from its city as received, and nothing for a scope holding both", () => {
  const county = fundDisclosure(2026, 'year', [agg('2026', 'fund', 'allocation', 0, 70_000)]);
  expect(county.rows[0]).toMatchObject({ receivedFen: 70_000 });
  const city = fundDisclosure(2026, 'year', [
    agg('2026', 'fund', 'inflow', 0, 100_000),
    agg('2026', 'fund', 'allocation', 70_000, 70_000),
  ]);
  expect(city.rows[0]).toMatchObject({ receivedFen: 100_000 });
});

it('has nothing to disclose for a jurisdiction without money in the year', () => {
  expect(fundDisclosure(2026, 'month', [agg('opening', 'fund', 'inflow', 0, 1)])).toEqual({
    rows: [],
    byKind: [],
  });
});
