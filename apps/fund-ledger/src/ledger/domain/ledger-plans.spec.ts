import { Accounts } from './accounts';
import { InsufficientFunds, InvalidAmount } from './ledger.errors';
import { assertBalanced, commitmentPlan, earmarkPlan, inflowPlan, yearClosePlan } from './ledger-plans';

const J = '530302';
const S = 'skills_upgrading_account';

it('posts an inflow to the bank and the source, balanced', () => {
  const postings = inflowPlan(J, S, 100).draw(new Map());
  assertBalanced(postings);
  expect(postings).toEqual([
    { account: 'bank', amountFen: 100 },
    { account: Accounts.fund(J, S), amountFen: -100 },
  ]);
});

it('refuses amounts that are not positive whole fen', () => {
  expect(() => inflowPlan(J, S, 0)).toThrow(InvalidAmount);
  expect(() => inflowPlan(J, S, 1.5)).toThrow(InvalidAmount);
});

it('earmarks only what is available', () => {
  const plan = earmarkPlan(J, S, 'c1', 500);
  expect(() => plan.draw(new Map([[Accounts.fund(J, S), 499]]))).toThrow(InsufficientFunds);
  expect(plan.draw(new Map([[Accounts.fund(J, S), 500]]))).toHaveLength(2);
});

it('commits from the earmark first, the rest from the source, and tells the shortfall of both', () => {
  const plan = commitmentPlan({
    jurisdiction: J,
    source: S,
    classId: 'c1',
    payeeId: 'p1',
    subsidyKind: 'training',
    amountFen: 700,
  });
  const balances = new Map([
    [Accounts.earmark(J, S, 'c1'), 500],
    [Accounts.fund(J, S), 300],
  ]);
  const postings = plan.draw(balances);
  assertBalanced(postings);
  expect(postings).toEqual([
    { account: Accounts.earmark(J, S, 'c1'), amountFen: 500 },
    { account: Accounts.fund(J, S), amountFen: 200 },
    { account: Accounts.committed(J, S), amountFen: -700 },
    { account: Accounts.expense(J, S, 'training'), amountFen: 700 },
    { account: Accounts.payable(J, S, 'p1'), amountFen: -700 },
  ]);
  const short = commitmentPlan({
    jurisdiction: J,
    source: S,
    classId: 'c1',
    payeeId: 'p1',
    subsidyKind: 'training',
    amountFen: 900,
  });
  expect(() => short.draw(balances)).toThrow(
    expect.objectContaining({ details: expect.objectContaining({ availableFen: 800, shortfallFen: 100 }) }),
  );
});

it('closes the year: each expense to zero against its commitments', () => {
  const training = Accounts.expense(J, S, 'training');
  const living = Accounts.expense(J, S, 'living_allowance');
  const postings = yearClosePlan([training, living]).draw(
    new Map([
      [training, 300],
      [living, 200],
    ]),
  );
  assertBalanced(postings);
  expect(postings).toContainEqual({ account: Accounts.committed(J, S), amountFen: 500 });
});

it('refuses an unbalanced transaction, a zero posting and an account outside the chart', () => {
  expect(() =>
    assertBalanced([
      { account: 'bank', amountFen: 1 },
      { account: Accounts.fund(J, S), amountFen: -2 },
    ]),
  ).toThrow(/unbalanced/);
  expect(() =>
    assertBalanced([
      { account: 'bank', amountFen: 0 },
      { account: Accounts.fund(J, S), amountFen: 0 },
    ]),
  ).toThrow(/non-zero/);
  expect(() =>
    assertBalanced([
      { account: 'cash', amountFen: 1 },
      { account: Accounts.fund(J, S), amountFen: -1 },
    ]),
  ).toThrow(/chart/);
});
