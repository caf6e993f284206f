// What each movement of money posts (pure): a plan names the floored accounts it reads and, given
// their balances read under lock, draws up balanced postings or refuses with the shortfall. The ledger
// book (../ledger-book.ts) locks, calls `draw`, checks the result with `assertBalanced` and writes it.
import { Accounts, ACCOUNT_RULES, parseAccount } from './accounts';
import { InsufficientFunds, InvalidAmount } from './ledger.errors';

/** One line of a transaction: + debit, − credit, in fen. */
export interface Posting {
  readonly account: string;
  readonly amountFen: number;
}

export interface LedgerPlan {
  /**
   * every single-row account `draw` may post to (the striped bank excepted): the book locks them, in
   * one order for every writer, and reads their balances before drawing
   */
  readonly reads: readonly string[];
  /** natural balances (positive on the normal side) of `reads` → postings; throws InsufficientFunds */
  draw(balances: ReadonlyMap<string, number>): readonly Posting[];
}

export const MAX_AMOUNT_FEN = 1_000_000_000_000_00; // one trillion yuan: far beyond any budget, safe in a double

export function assertAmount(field: string, amountFen: number): void {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0 || amountFen > MAX_AMOUNT_FEN) {
    throw new InvalidAmount({ field, amountFen });
  }
}

/**
 * A transaction the ledger may record: at least two postings, each a non-zero whole number of fen on
 * an account of the chart, summing to zero, each account once.
 */
export function assertBalanced(postings: readonly Posting[]): void {
  if (postings.length < 2) throw new TypeError('a ledger transaction has at least two postings');
  let sum = 0;
  const seen = new Set<string>();
  for (const { account, amountFen } of postings) {
    parseAccount(account);
    if (!Number.isSafeInteger(amountFen) || amountFen === 0) {
      throw new TypeError(`posting on ${account}: ${amountFen} is not a non-zero whole number of fen`);
    }
    if (seen.has(account)) throw new TypeError(`posting on ${account} twice in one transaction`);
    seen.add(account);
    sum += amountFen;
  }
  if (sum !== 0) throw new TypeError(`unbalanced transaction: postings sum to ${sum} fen`);
}

/** Moves `amountFen` of credit-normal money from one account to another (Dr from, Cr to). */
const move = (from: string, to: string, amountFen: number): Posting[] => [
  { account: from, amountFen },
  { account: to, amountFen: -amountFen },
];

function requireAvailable(balances: ReadonlyMap<string, number>, account: string, requestedFen: number) {
  const availableFen = balances.get(account) ?? 0;
  if (availableFen < requestedFen) {
    throw new InsufficientFunds({
      account,
      requestedFen,
      availableFen,
      shortfallFen: requestedFen - availableFen,
    });
  }
}

/** RecordFundInflow: money arrives in the bank account for a jurisdiction's source. */
export function inflowPlan(jurisdiction: string, source: string, amountFen: number): LedgerPlan {
  assertAmount('amountFen', amountFen);
  return {
    reads: [Accounts.fund(jurisdiction, source)],
    draw: () => [
      { account: Accounts.bank(), amountFen },
      { account: Accounts.fund(jurisdiction, source), amountFen: -amountFen },
    ],
  };
}

/** AllocateToCounty: a city's available money of a source goes to one of its counties. */
export function allocationPlan(from: string, to: string, source: string, amountFen: number): LedgerPlan {
  assertAmount('amountFen', amountFen);
  const fromAccount = Accounts.fund(from, source);
  const toAccount = Accounts.fund(to, source);
  return {
    reads: [fromAccount, toAccount],
    draw: (balances) => {
      requireAvailable(balances, fromAccount, amountFen);
      return move(fromAccount, toAccount, amountFen);
    },
  };
}

/** EarmarkForClass: a class's estimated subsidy is reserved on its jurisdiction's source. */
export function earmarkPlan(
  jurisdiction: string,
  source: string,
  classId: string,
  amountFen: number,
): LedgerPlan {
  assertAmount('amountFen', amountFen);
  const fund = Accounts.fund(jurisdiction, source);
  const earmark = Accounts.earmark(jurisdiction, source, classId);
  return {
    reads: [fund, earmark],
    draw: (balances) => {
      requireAvailable(balances, fund, amountFen);
      return move(fund, earmark, amountFen);
    },
  };
}

/** Releases what is left of a class's earmark back to its source's available money. */
export function earmarkReleasePlan(jurisdiction: string, source: string, classId: string): LedgerPlan {
  const earmark = Accounts.earmark(jurisdiction, source, classId);
  const fund = Accounts.fund(jurisdiction, source);
  return {
    reads: [earmark, fund],
    draw: (balances) => {
      const left = balances.get(earmark) ?? 0;
      return left > 0 ? move(earmark, fund, left) : [];
    },
  };
}

export interface CommitmentInput {
  readonly jurisdiction: string;
  readonly source: string;
  /** the class whose earmark the commitment converts (a claim not from a class has none) */
  readonly classId?: string;
  readonly payeeId: string;
  /** the subsidy kind, for the expense account */
  readonly subsidyKind: string;
  readonly amountFen: number;
}

/**
 * CommitForClaim: the claim's amount is drawn first from its class's earmark, the rest from the
 * source's available money; short of both, refused with what was available (earmark + available).
 * The expense is recognised and the claimant's payable raised by the whole amount.
 */
export function commitmentPlan(input: CommitmentInput): LedgerPlan {
  const { jurisdiction, source, classId, payeeId, subsidyKind, amountFen } = input;
  assertAmount('amountFen', amountFen);
  const fund = Accounts.fund(jurisdiction, source);
  const earmark = classId ? Accounts.earmark(jurisdiction, source, classId) : undefined;
  const committed = Accounts.committed(jurisdiction, source);
  const expense = Accounts.expense(jurisdiction, source, subsidyKind);
  const payable = Accounts.payable(jurisdiction, source, payeeId);
  return {
    reads: [...(earmark ? [earmark] : []), fund, committed, expense, payable],
    draw: (balances) => {
      const earmarked = earmark ? (balances.get(earmark) ?? 0) : 0;
      const fromEarmark = Math.min(earmarked, amountFen);
      const fromFund = amountFen - fromEarmark;
      const availableFund = balances.get(fund) ?? 0;
      if (availableFund < fromFund) {
        const availableFen = earmarked + availableFund;
        throw new InsufficientFunds({
          account: fund,
          requestedFen: amountFen,
          availableFen,
          shortfallFen: amountFen - availableFen,
        });
      }
      return [
        ...(fromEarmark > 0 ? [{ account: earmark!, amountFen: fromEarmark }] : []),
        ...(fromFund > 0 ? [{ account: fund, amountFen: fromFund }] : []),
        { account: committed, amountFen: -amountFen },
        { account: expense, amountFen },
        { account: payable, amountFen: -amountFen },
      ];
    },
  };
}

/** PaymentSettled: the bank paid the claimant: the payable is discharged from the bank account. */
export function settlementPlan(
  jurisdiction: string,
  source: string,
  payeeId: string,
  amountFen: number,
): LedgerPlan {
  assertAmount('amountFen', amountFen);
  const payable = Accounts.payable(jurisdiction, source, payeeId);
  return {
    reads: [payable],
    draw: (balances) => {
      requireAvailable(balances, payable, amountFen);
      return [
        { account: payable, amountFen },
        { account: Accounts.bank(), amountFen: -amountFen },
      ];
    },
  };
}

/**
 * Money comes back for a paid claim (a clawback, or a payment the bank returned): it is in the bank
 * again and available to the source; the year's expense and commitment are reduced by it.
 */
export function recoveryPlan(
  jurisdiction: string,
  source: string,
  subsidyKind: string,
  amountFen: number,
): LedgerPlan {
  assertAmount('amountFen', amountFen);
  const expense = Accounts.expense(jurisdiction, source, subsidyKind);
  const committed = Accounts.committed(jurisdiction, source);
  const fund = Accounts.fund(jurisdiction, source);
  return {
    reads: [committed, expense, fund],
    draw: (balances) => {
      requireAvailable(balances, expense, amountFen);
      requireAvailable(balances, committed, amountFen);
      return [
        { account: Accounts.bank(), amountFen },
        { account: fund, amountFen: -amountFen },
        { account: committed, amountFen },
        { account: expense, amountFen: -amountFen },
      ];
    },
  };
}

/** CloseYear: each expense account of a jurisdiction's source is closed against its commitments. */
export function yearClosePlan(expenseAccounts: readonly string[]): LedgerPlan {
  for (const account of expenseAccounts) {
    if (parseAccount(account).kind !== 'expense') throw new TypeError(`${account} is not an expense account`);
  }
  const committedAccounts = expenseAccounts.map((account) => {
    const { jurisdiction, source } = parseAccount(account);
    return Accounts.committed(jurisdiction!, source!);
  });
  return {
    reads: [...expenseAccounts, ...committedAccounts],
    draw: (balances) => {
      const postings: Posting[] = [];
      const toCommitted = new Map<string, number>();
      for (const account of expenseAccounts) {
        const paid = balances.get(account) ?? 0;
        if (paid <= 0) continue;
        const { jurisdiction, source } = parseAccount(account);
        const committed = Accounts.committed(jurisdiction!, source!);
        toCommitted.set(committed, (toCommitted.get(committed) ?? 0) + paid);
        postings.push({ account, amountFen: -paid });
      }
      for (const [account, amountFen] of toCommitted) postings.push({ account, amountFen });
      return postings;
    },
  };
}

export const isFloored = (account: string): boolean => ACCOUNT_RULES[parseAccount(account).kind].floored;

/**
 * CloseYear of a jurisdiction's source: its expense accounts closed against its commitments, and what
 * is left of the earmarks of classes that never claimed released back to the source.
 */
export function closeYearPlan(
  expenseAccounts: readonly string[],
  earmarksToRelease: readonly string[],
): LedgerPlan {
  const close = yearClosePlan(expenseAccounts);
  const funds = earmarksToRelease.map((account) => {
    const { kind, jurisdiction, source } = parseAccount(account);
    if (kind !== 'earmark') throw new TypeError(`${account} is not an earmark account`);
    return Accounts.fund(jurisdiction!, source!);
  });
  return {
    reads: [...close.reads, ...earmarksToRelease, ...funds],
    draw: (balances) => {
      const postings = [...close.draw(balances)];
      const toFund = new Map<string, number>();
      earmarksToRelease.forEach((account, i) => {
        const left = balances.get(account) ?? 0;
        if (left <= 0) return;
        postings.push({ account, amountFen: left });
        toFund.set(funds[i]!, (toFund.get(funds[i]!) ?? 0) + left);
      });
      for (const [account, amountFen] of toFund) postings.push({ account, amountFen: -amountFen });
      return postings;
    },
  };
}
