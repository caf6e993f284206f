import { reconcileClaims } from './claims-reconciliation';

const row = (
  claimId: string,
  approvedFen?: number,
  committedFen?: number,
  settledPayments = 0,
  fundSource = 'skills_upgrading_account',
) => ({
  claimId,
  jurisdictionCode: '530302',
  fundSource,
  ...(approvedFen !== undefined ? { approvedFen } : {}),
  ...(committedFen !== undefined ? { committedFen } : {}),
  settledPayments,
});

it('given every approved claim committed once and paid at most once, then it agrees', () => {
  const result = reconcileClaims([row('a', 100, 100, 1), row('b', 50, 50, 0)]);
  expect(result).toEqual({
    ok: true,
    totals: [
      {
        jurisdictionCode: '530302',
        fundSource: 'skills_upgrading_account',
        approvedCount: 2,
        approvedFen: 150,
        committedCount: 2,
        committedFen: 150,
        differenceFen: 0,
      },
    ],
    problems: [],
    problemCount: 0,
  });
});

it('names each claim that breaks the rule and sums the difference per source', () => {
  const result = reconcileClaims([
    row('e', 30, 30, 2),
    row('d', 40, 45),
    row('c', undefined, 20),
    row('b', 70),
    row('a', 10, 10, 0, 'employment_subsidy_fund'),
  ]);
  expect(result.ok).toBe(false);
  expect(result.problems).toEqual([
    { claimId: 'b', problem: 'approved_not_committed', approvedFen: 70 },
    { claimId: 'c', problem: 'committed_not_approved', committedFen: 20 },
    { claimId: 'd', problem: 'amount_differs', approvedFen: 40, committedFen: 45 },
    { claimId: 'e', problem: 'settled_more_than_once', approvedFen: 30, committedFen: 30 },
  ]);
  expect(
    result.totals.map((t) => [t.fundSource, t.approvedCount, t.approvedFen, t.committedFen, t.differenceFen]),
  ).toEqual([
    ['employment_subsidy_fund', 1, 10, 10, 0],
    ['skills_upgrading_account', 3, 140, 95, 45],
  ]);
});

it('lists at most 500 problems and counts them all', () => {
  const many = Array.from({ length: 600 }, (_, i) => row(`c${String(i).padStart(4, '0')}`, 1));
  const result = reconcileClaims(many);
  expect([result.problems.length, result.problemCount]).toEqual([500, 600]);
});
