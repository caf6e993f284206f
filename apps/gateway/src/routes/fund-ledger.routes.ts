// The REST routes of the fund ledger: forwarded over NATS to jineng.cmd|qry.fund-ledger.<Name>. Money
// is moved by finance officers (and administrators) within their jurisdiction; the service checks the
// jurisdiction again on the record (a payment batch's claims, a claim's payment).
import { EXPORT_CONTENT_TYPES } from '@jineng/lists';
import type { Role } from '@jineng/messaging';
import type { RouteDefinition } from '../routing/route-definition';

const FINANCE: readonly Role[] = ['finance_officer', 'admin'];
const READERS: readonly Role[] = ['finance_officer', 'auditor', 'admin'];
const tags = ['fund ledger'];

const command = (name: string) => ({ kind: 'command', service: 'fund-ledger', name }) as const;
const query = (name: string) => ({ kind: 'query', service: 'fund-ledger', name }) as const;
const contract = (name: string) => `jineng.fund_ledger.v1.${name}`;
const OUTCOME = contract('LedgerOutcome');

export const FUND_LEDGER_ROUTES: readonly RouteDefinition[] = [
  {
    method: 'POST',
    path: '/api/v1/fund-ledger/inflows',
    summary: { zh: '登记专账资金到账（附拨付文件号）', en: 'Record money arriving in the dedicated account' },
    tags,
    roles: FINANCE,
    jurisdiction: { in: 'body', name: 'jurisdictionCode' },
    request: contract('RecordFundInflow'),
    response: OUTCOME,
    target: command('RecordFundInflow'),
  },
  {
    method: 'POST',
    path: '/api/v1/fund-ledger/allocations',
    summary: { zh: '向县区划拨资金', en: 'Allocate money of a source to a county' },
    tags,
    roles: FINANCE,
    jurisdiction: { in: 'body', name: 'fromJurisdictionCode' },
    request: contract('AllocateToCounty'),
    response: OUTCOME,
    target: command('AllocateToCounty'),
  },
  {
    method: 'POST',
    path: '/api/v1/fund-ledger/earmarks',
    summary: { zh: '为班级预留补贴资金', en: "Earmark a class's estimated subsidy" },
    tags,
    roles: FINANCE,
    jurisdiction: { in: 'body', name: 'jurisdictionCode' },
    request: contract('EarmarkForClass'),
    response: OUTCOME,
    target: command('EarmarkForClass'),
  },
  {
    method: 'POST',
    path: '/api/v1/fund-ledger/commitments',
    summary: { zh: '为已审批的补贴申请承诺资金', en: 'Commit money for an approved claim' },
    tags,
    roles: FINANCE,
    jurisdiction: { in: 'body', name: 'jurisdictionCode' },
    request: contract('CommitForClaim'),
    response: OUTCOME,
    target: command('CommitForClaim'),
  },
  {
    method: 'POST',
    path: '/api/v1/fund-ledger/payment-batches',
    summary: { zh: '生成当日银行支付文件', en: "Issue the day's committed payments as a bank payment file" },
    tags,
    roles: FINANCE,
    jurisdiction: { in: 'body', name: 'jurisdictionCode' },
    request: contract('IssuePaymentBatch'),
    response: contract('PaymentBatch'),
    successStatus: 201,
    target: command('IssuePaymentBatch'),
  },
  {
    method: 'GET',
    path: '/api/v1/fund-ledger/payment-batches/:batchId/file',
    summary: { zh: '下载银行支付文件（CSV）', en: 'Download a bank payment file (CSV)' },
    tags,
    roles: FINANCE,
    request: contract('GetPaymentBatchFile'),
    file: { contentTypes: ['text/csv; charset=utf-8'] },
    target: query('GetPaymentBatchFile'),
  },
  {
    method: 'POST',
    path: '/api/v1/fund-ledger/bank-statements',
    summary: {
      zh: '导入银行对账单并对账（后台任务）',
      en: 'Record a bank statement and reconcile it (a job)',
    },
    tags,
    roles: FINANCE,
    jurisdiction: { in: 'body', name: 'jurisdictionCode' },
    request: contract('RecordBankStatement'),
    response: 'jineng.common.v1.JobAccepted',
    successStatus: 202,
    target: command('RecordBankStatement'),
  },
  {
    method: 'GET',
    path: '/api/v1/fund-ledger/jobs/:jobId',
    summary: {
      zh: '查询专账长任务进度与结果（对账）',
      en: 'A long job of the fund ledger (reconciliation) and its result',
    },
    tags,
    roles: READERS,
    request: 'jineng.common.v1.GetJob',
    response: 'jineng.common.v1.JobView',
    target: query('GetJob'),
  },
  {
    method: 'POST',
    path: '/api/v1/fund-ledger/reversals',
    summary: {
      zh: '冲回已支付款项（追回或退回）',
      en: 'Reverse a paid claim (clawback or returned payment)',
    },
    tags,
    roles: FINANCE,
    request: contract('ReversePayment'),
    response: contract('PaymentReversed'),
    target: command('ReversePayment'),
  },
  {
    method: 'POST',
    path: '/api/v1/fund-ledger/year-closes',
    summary: { zh: '年度结账', en: "Close a source's year in a jurisdiction" },
    tags,
    roles: FINANCE,
    jurisdiction: { in: 'body', name: 'jurisdictionCode' },
    request: contract('CloseYear'),
    response: contract('YearCloseResult'),
    target: command('CloseYear'),
  },
  {
    method: 'GET',
    path: '/api/v1/fund-ledger/balances/:jurisdictionCode',
    summary: { zh: '辖区各资金来源余额', en: "A jurisdiction's balances per fund source" },
    tags,
    roles: READERS,
    jurisdiction: { in: 'path', name: 'jurisdictionCode' },
    request: contract('GetFundBalances'),
    response: contract('FundBalances'),
    target: query('GetFundBalances'),
  },
  {
    method: 'GET',
    path: '/api/v1/fund-ledger/verification',
    summary: {
      zh: '专账自检：试算平衡、余额与记账一致',
      en: 'Verify the ledger: trial balance, balances = postings',
    },
    tags,
    roles: READERS,
    request: contract('VerifyLedger'),
    response: contract('LedgerVerification'),
    target: query('VerifyLedger'),
  },
  {
    method: 'GET',
    path: '/api/v1/fund-ledger/reports/:jurisdictionCode',
    summary: {
      zh: '资金报表（按月、季、年；?year=&period=month|quarter|year）',
      en: 'The fund report of a jurisdiction by month, quarter or year (?year=&period=)',
    },
    tags,
    roles: READERS,
    jurisdiction: { in: 'path', name: 'jurisdictionCode' },
    request: contract('GetFundReport'),
    response: contract('FundReport'),
    target: query('GetFundReport'),
  },
  {
    method: 'GET',
    path: '/api/v1/fund-ledger/reports/:jurisdictionCode/export',
    summary: { zh: '导出资金报表（.xlsx 或 JSON）', en: 'Export the fund report (.xlsx or JSON)' },
    tags,
    roles: READERS,
    jurisdiction: { in: 'path', name: 'jurisdictionCode' },
    request: contract('ExportFundReport'),
    file: { contentTypes: Object.values(EXPORT_CONTENT_TYPES) },
    target: query('ExportFundReport'),
  },
];
