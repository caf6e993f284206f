// The ledger against the claims (issue 14, reconciliation): "every approved claim has exactly one
// commitment and at most one settled payment; totals per source and jurisdiction agree with subsidy's
// approved amounts". Pure: a row per claim the ledger knows of, approved (ClaimApproved.v1) or committed.

export interface ClaimLedgerRow {
  readonly claimId: string;
  readonly jurisdictionCode: string;
  readonly fundSource: string;
  /** absent: the ledger holds a commitment for a claim it never heard approved */
  readonly approvedFen?: number;
  /** absent: approved, never committed (refused for short funds, or not yet) */
  readonly committedFen?: number;
  readonly settledPayments: number;
}

export type ClaimProblemKind =
  'approved_not_committed' | 'committed_not_approved' | 'amount_differs' | 'settled_more_than_once';

export interface ClaimsTotalRow {
  readonly jurisdictionCode: string;
  readonly fundSource: string;
  readonly approvedCount: number;
  readonly approvedFen: number;
  readonly committedCount: number;
  readonly committedFen: number;
  readonly differenceFen: number;
}

export const LISTED_PROBLEMS = 500;

export function reconcileClaims(rows: readonly ClaimLedgerRow[]): {
  ok: boolean;
  totals: ClaimsTotalRow[];
  problems: { claimId: string; problem: ClaimProblemKind; approvedFen?: number; committedFen?: number }[];
  problemCount: number;
} {
  const totals = new Map<string, ClaimsTotalRow>();
  const problems: {
    claimId: string;
    problem: ClaimProblemKind;
    approvedFen?: number;
    committedFen?: number;
  }[] = [];
  const sorted = [...rows].sort((a, b) => (a.claimId < b.claimId ? -1 : a.claimId > b.claimId ? 1 : 0));
  for (const row of sorted) {
    const key = `${row.jurisdictionCode}|${row.fundSource}`;
    const t = totals.get(key) ?? {
      jurisdictionCode: row.jurisdictionCode,
      fundSource: row.fundSource,
      approvedCount: 0,
      approvedFen: 0,
      committedCount: 0,
      committedFen: 0,
      differenceFen: 0,
    };
    const approved = row.approvedFen ?? 0;
    const committed = row.committedFen ?? 0;
    totals.set(key, {
      ...t,
      approvedCount: t.approvedCount + (row.approvedFen !== undefined ? 1 : 0),
      approvedFen: t.approvedFen + approved,
      committedCount: t.committedCount + (row.committedFen !== undefined ? 1 : 0),
      committedFen: t.committedFen + committed,
      differenceFen: t.differenceFen + approved - committed,
    });
    const amounts = {
      ...(row.approvedFen !== undefined ? { approvedFen: row.approvedFen } : {}),
      ...(row.committedFen !== undefined ? { committedFen: row.committedFen } : {}),
    };
    const problem: ClaimProblemKind | undefined =
      row.committedFen === undefined
        ? 'approved_not_committed'
        : row.approvedFen === undefined
          ? 'committed_not_approved'
          : row.approvedFen !== row.committedFen
            ? 'amount_differs'
            : row.settledPayments > 1
              ? 'settled_more_than_once'
              : undefined;
    if (problem) problems.push({ claimId: row.claimId, problem, ...amounts });
  }
  return {
    ok: problems.length === 0,
    totals: [...totals.values()].sort((a, b) =>
      `${a.jurisdictionCode}|${a.fundSource}` < `${b.jurisdictionCode}|${b.fundSource}` ? -1 : 1,
    ),
    problems: problems.slice(0, LISTED_PROBLEMS),
    problemCount: problems.length,
  };
}
