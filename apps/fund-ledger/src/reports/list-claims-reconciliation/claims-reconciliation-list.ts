// The claims reconciliation as the list a user sees (libs/lists): a row per claim the ledger knows of
// (view claims_reconciliation_rows, fund-ledger-011), paged, filtered, sorted and exported like every
// list. Claim ids and amounts only: no name, no identity number.
import type { fundLedgerV1 } from '@jineng/contracts';
import { JurisdictionCode } from '@jineng/kernel';
import {
  defineList,
  exportList,
  type ExportFormat,
  type ExportedFile,
  type FixedCondition,
  type ListRow,
} from '@jineng/lists';
import type { Principal } from '@jineng/messaging';
import { OutsideJurisdiction } from '../../funds/domain/funds.decide';
import { LedgerReaderRequired } from '../../ledger/domain/ledger-access';
import { jurisdictionPrefix } from '../../payment/domain/bank-files';

export const claimsReconciliationList = defineList({
  table: 'claims_reconciliation_rows',
  columns: {
    claimId: { sql: 'claim_id', title: { zh: '申领编号', en: 'Claim ID' }, sortable: true },
    jurisdictionCode: {
      sql: 'jurisdiction_code',
      title: { zh: '所属区划', en: 'Jurisdiction' },
      sortable: true,
    },
    fundSource: { sql: 'fund_source', title: { zh: '资金来源', en: 'Fund source' }, sortable: true },
    approvedFen: {
      sql: 'approved_fen::int8',
      title: { zh: '批准金额（分）', en: 'Approved (fen)' },
      sortable: true,
    },
    committedFen: {
      sql: 'committed_fen::int8',
      title: { zh: '承诺金额（分）', en: 'Committed (fen)' },
      sortable: true,
    },
    settledPayments: { sql: 'settled_payments', title: { zh: '已到账支付笔数', en: 'Settled payments' } },
    problem: { sql: 'problem', title: { zh: '核对结果', en: 'Problem' }, sortable: true },
  },
  filters: {
    problem: { sql: 'problem', op: 'eq' },
    problemsOnly: { sql: "(problem <> 'none')", op: 'eq' },
    fundSource: { sql: 'fund_source', op: 'eq' },
    claimId: { sql: 'claim_id', op: 'prefix' },
  },
  defaultSort: 'claimId',
  tiebreak: 'claimId',
  maxPageSize: 500,
});

type Columns = keyof typeof claimsReconciliationList.columns;

/** Finance, auditors and administrators, of the jurisdiction asked for or one above it. */
export function claimsReconciliationScope(principal: Principal, jurisdictionCode: string): FixedCondition[] {
  LedgerReaderRequired.assert(principal.roles);
  const actor = JurisdictionCode.parse(principal.jurisdiction);
  const target = JurisdictionCode.parse(jurisdictionCode);
  if (!actor.ok || !target.ok || !target.value.isWithin(actor.value))
    throw new OutsideJurisdiction({ actorJurisdiction: principal.jurisdiction, jurisdictionCode });
  return [
    { filter: { sql: 'jurisdiction_code', op: 'prefix' }, value: jurisdictionPrefix(jurisdictionCode) },
  ];
}

/** The filters as the list takes them: `problemsOnly: false` filters nothing (only true narrows). */
export function claimsReconciliationFilters(payload: {
  readonly problem?: string;
  readonly problemsOnly?: boolean;
  readonly fundSource?: string;
  readonly claimId?: string;
  readonly sort?: string;
}) {
  return {
    ...(payload.problem ? { problem: payload.problem } : {}),
    ...(payload.problemsOnly ? { problemsOnly: true } : {}),
    ...(payload.fundSource ? { fundSource: payload.fundSource } : {}),
    ...(payload.claimId ? { claimId: payload.claimId } : {}),
    ...(payload.sort ? { sort: payload.sort } : {}),
  };
}

/** A row as the contract has it: an amount the ledger does not hold is absent, not null. */
export function claimsReconciliationItem(row: ListRow<Columns>): fundLedgerV1.ClaimsReconciliationItem {
  return {
    claimId: String(row.claimId),
    jurisdictionCode: String(row.jurisdictionCode),
    fundSource: String(row.fundSource),
    ...(row.approvedFen !== null ? { approvedFen: Number(row.approvedFen) } : {}),
    ...(row.committedFen !== null ? { committedFen: Number(row.committedFen) } : {}),
    settledPayments: Number(row.settledPayments),
    problem: row.problem as fundLedgerV1.ClaimsReconciliationItem['problem'],
  };
}

/** `专账申领核对-<jurisdiction>-<date>.xlsx` */
export const claimsReconciliationFile = (
  rows: AsyncIterable<ListRow<Columns>[]>,
  format: ExportFormat,
  jurisdictionCode: string,
  today: string,
): ExportedFile =>
  exportList(claimsReconciliationList, rows, {
    format,
    baseName: `专账申领核对-${jurisdictionCode}-${today}`,
    sheetName: '专账申领核对',
  });
