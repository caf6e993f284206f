// The monthly fund report per jurisdiction (issue 14, reports; DOMAIN §6: monthly, quarterly, yearly):
// money earmarked, committed, paid, returned and released per fund source and period, the expense per
// subsidy kind, and the available and earmarked balances at each period's end — folded from the
// ledger's postings (pure: the figures come in aggregated by period, account and transaction kind).

export type ReportPeriod = 'month' | 'quarter' | 'year';

/** Postings summed by period, account kind, source, subsidy kind (expense only) and transaction kind. */
export interface PostingAggregate {
  /** YYYY-MM (month), YYYY-Qn (quarter), YYYY (year); 'opening' for everything before the year */
  readonly period: string;
  readonly accountKind: string;
  readonly fundSource: string;
  readonly subsidyKind?: string;
  readonly transactionKind: string;
  readonly debitsFen: number;
  readonly creditsFen: number;
}

export interface FundReportRow {
  readonly [key: string]: string | number;
  readonly period: string;
  readonly fundSource: string;
  readonly receivedFen: number;
  readonly earmarkedFen: number;
  readonly committedFen: number;
  readonly paidFen: number;
  readonly returnedFen: number;
  readonly releasedFen: number;
  readonly availableEndFen: number;
  readonly earmarkedEndFen: number;
}

export interface FundReportKindRow {
  readonly [key: string]: string | number;
  readonly period: string;
  readonly fundSource: string;
  readonly subsidyKind: string;
  readonly committedFen: number;
  readonly returnedFen: number;
}

/** The periods of a year, in order. */
export function periodsOf(year: number, period: ReportPeriod): string[] {
  if (period === 'year') return [String(year)];
  if (period === 'quarter') return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
  return Array.from({ length: 12 }, (_, m) => `${year}-${String(m + 1).padStart(2, '0')}`);
}

export function fundReport(
  year: number,
  period: ReportPeriod,
  aggregates: readonly PostingAggregate[],
): { rows: FundReportRow[]; byKind: FundReportKindRow[] } {
  const periods = periodsOf(year, period);
  const sources = [...new Set(aggregates.map((a) => a.fundSource))].sort();
  const rows: FundReportRow[] = [];
  const byKind: FundReportKindRow[] = [];
  for (const fundSource of sources) {
    const of = (p: string) => aggregates.filter((a) => a.fundSource === fundSource && a.period === p);
    const sum = (
      list: readonly PostingAggregate[],
      kind: string,
      tx: string | undefined,
      side: 'debitsFen' | 'creditsFen',
    ) =>
      list
        .filter((a) => a.accountKind === kind && (tx === undefined || a.transactionKind === tx))
        .reduce((total, a) => total + a[side], 0);
    // credit-normal balances: credits − debits
    const net = (list: readonly PostingAggregate[], kind: string) =>
      sum(list, kind, undefined, 'creditsFen') - sum(list, kind, undefined, 'debitsFen');
    const opening = of('opening');
    let available = net(opening, 'fund');
    let earmarked = net(opening, 'earmark');
    for (const p of periods) {
      const list = of(p);
      available += net(list, 'fund');
      earmarked += net(list, 'earmark');
      rows.push({
        period: p,
        fundSource,
        receivedFen: sum(list, 'fund', 'inflow', 'creditsFen'),
        earmarkedFen: sum(list, 'earmark', 'earmark', 'creditsFen'),
        committedFen: sum(list, 'committed', 'commitment', 'creditsFen'),
        paidFen: sum(list, 'payable', 'settlement', 'debitsFen'),
        returnedFen: sum(list, 'expense', 'recovery', 'creditsFen'),
        releasedFen: sum(list, 'earmark', 'close-year', 'debitsFen'),
        availableEndFen: available,
        earmarkedEndFen: earmarked,
      });
      const kinds = [
        ...new Set(list.filter((a) => a.accountKind === 'expense').map((a) => a.subsidyKind!)),
      ].sort();
      for (const subsidyKind of kinds) {
        const ofKind = list.filter((a) => a.subsidyKind === subsidyKind);
        byKind.push({
          period: p,
          fundSource,
          subsidyKind,
          committedFen: sum(ofKind, 'expense', 'commitment', 'debitsFen'),
          returnedFen: sum(ofKind, 'expense', 'recovery', 'creditsFen'),
        });
      }
    }
  }
  return { rows, byKind };
}
