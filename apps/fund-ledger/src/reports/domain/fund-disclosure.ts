// The public fund-usage disclosure (issue 14, reports: "a public fund-usage disclosure without personal
// data"; DOMAIN §6, 专款专用 made visible): per period and fund source the money received, committed,
// paid and returned, and per subsidy kind committed and returned. Pure, folded from the same posting
// aggregates as the fund report; it only ever sees sums by account kind, source, subsidy kind and
// transaction kind — never a payee's, claim's or class's account — so no claimant can appear in it.
import { periodsOf, type PostingAggregate, type ReportPeriod } from './fund-report';

export interface FundDisclosureRow {
  readonly [key: string]: string | number;
  readonly period: string;
  readonly fundSource: string;
  readonly receivedFen: number;
  readonly committedFen: number;
  readonly paidFen: number;
  readonly returnedFen: number;
}

export interface FundDisclosureKindRow {
  readonly [key: string]: string | number;
  readonly period: string;
  readonly fundSource: string;
  readonly subsidyKind: string;
  readonly committedFen: number;
  readonly returnedFen: number;
}

export function fundDisclosure(
  year: number,
  period: ReportPeriod,
  aggregates: readonly PostingAggregate[],
): { rows: FundDisclosureRow[]; byKind: FundDisclosureKindRow[] } {
  const inYear = aggregates.filter((a) => a.period !== 'opening');
  const sources = [...new Set(inYear.map((a) => a.fundSource))].sort();
  const rows: FundDisclosureRow[] = [];
  const byKind: FundDisclosureKindRow[] = [];
  const sum = (
    list: readonly PostingAggregate[],
    accountKind: string,
    transactionKind: string,
    side: 'debitsFen' | 'creditsFen',
  ) =>
    list
      .filter((a) => a.accountKind === accountKind && a.transactionKind === transactionKind)
      .reduce((total, a) => total + a[side], 0);
  for (const fundSource of sources) {
    for (const p of periodsOf(year, period)) {
      const list = inYear.filter((a) => a.fundSource === fundSource && a.period === p);
      rows.push({
        period: p,
        fundSource,
        // an allocation is a credit to the county and a debit to the city: received by the county,
        // and nothing new for a scope holding both
        receivedFen:
          sum(list, 'fund', 'inflow', 'creditsFen') +
          sum(list, 'fund', 'allocation', 'creditsFen') -
          sum(list, 'fund', 'allocation', 'debitsFen'),
        committedFen: sum(list, 'committed', 'commitment', 'creditsFen'),
        paidFen: sum(list, 'payable', 'settlement', 'debitsFen'),
        returnedFen: sum(list, 'expense', 'recovery', 'creditsFen'),
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
