// The claims reconciliation as a list (issue 14, "every user-facing list pages, filters and exports
// .xlsx"): over NATS against the service and the real PostgreSQL, the rows of the ledger's claims —
// approved (the fund-ledger-claims read model) and committed (payables), with their settled payments —
// paged, filtered, sorted, scoped to the caller's jurisdiction and exported; its verdicts are
// ReconcileClaims' own.
import type { commonV1, fundLedgerV1 } from '@jineng/contracts';
import { FileStore, type Principal } from '@jineng/messaging';
import { connectTestNats } from '@jineng/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import readXlsxFile from 'read-excel-file/node';
import { expectContract, FundLedgerTestService, rejection } from '../../fund-ledger-service.fixture';

let service: FundLedgerTestService;
let nc: NatsConnection;

beforeAll(async () => {
  service = await FundLedgerTestService.start('fund_ledger_claims_list');
  nc = await connectTestNats(service.nats.url);
}, 60_000);

afterAll(async () => {
  await nc?.close();
  await service?.dispose();
});

const COUNTY = '530302';
const OTHER = '530303';
const CITY = '530300';
const SOURCE = 'skills_upgrading_account';
const FINANCE: Principal = { userId: 'finance-530302', roles: ['finance_officer'], jurisdiction: COUNTY };
const CITY_AUDITOR: Principal = { userId: 'auditor-530300', roles: ['auditor'], jurisdiction: CITY };

async function seed(): Promise<void> {
  const S = `"${service.schema}"`;
  const q = (sql: string, params: unknown[] = []) => service.db.pool.query(sql, params);
  const approve = (claim: string, jurisdiction: string, fen: number, source = SOURCE) =>
    q(`insert into ${S}.approved_claims values ($1, $2, $3, $4)`, [claim, jurisdiction, source, fen]);
  const commit = (claim: string, jurisdiction: string, fen: number, status = 'open', source = SOURCE) =>
    q(
      `insert into ${S}.payables (claim_id, jurisdiction_code, fund_source, payee_id, payee_kind, subsidy_kind,
         amount_fen, status, committed_on)
       values ($1, $2, $3, 'payee-' || $1, 'worker', 'training', $4, $5, '2026-11-02')`,
      [claim, jurisdiction, source, fen, status],
    );
  // c01: approved, committed and paid — as it should be
  await approve('c01', COUNTY, 100_000);
  await commit('c01', COUNTY, 100_000, 'paid');
  await q(
    `insert into ${S}.payments (payment_id, batch_id, claim_id, reference, amount_fen, status, issued_on, settled_on)
     values (md5('c01')::uuid, md5('b')::uuid, 'c01', 'JNc01', 100000, 'settled', '2026-11-03', '2026-11-04')`,
  );
  await approve('c02', COUNTY, 200_000); // never committed
  await commit('c03', COUNTY, 50_000); // committed, never heard approved
  await approve('c04', COUNTY, 70_000); // the amounts differ
  await commit('c04', COUNTY, 80_000);
  await approve('c05', OTHER, 30_000); // another county's, fine
  await commit('c05', OTHER, 30_000);
  for (let n = 10; n < 22; n++) {
    await approve(`c${n}`, COUNTY, 1_000 * n, 'employment_subsidy_fund');
    await commit(`c${n}`, COUNTY, 1_000 * n, 'open', 'employment_subsidy_fund');
  }
}

it('pages, filters and sorts the rows within the jurisdiction, with the verdicts of ReconcileClaims', async () => {
  await seed();
  const list = (principal: Principal, payload: object) =>
    service.query<fundLedgerV1.ClaimsReconciliationPage>('ListClaimsReconciliation', principal, payload);

  const first = await list(FINANCE, { jurisdictionCode: COUNTY, pageSize: 3 });
  expectContract('jineng.fund_ledger.v1.ClaimsReconciliationPage', first);
  expect(first).toMatchObject({ total: 16, page: 1, pageSize: 3 });
  expect(first.items).toEqual([
    {
      claimId: 'c01',
      jurisdictionCode: COUNTY,
      fundSource: SOURCE,
      approvedFen: 100_000,
      committedFen: 100_000,
      settledPayments: 1,
      problem: 'none',
    },
    {
      claimId: 'c02',
      jurisdictionCode: COUNTY,
      fundSource: SOURCE,
      approvedFen: 200_000,
      settledPayments: 0,
      problem: 'approved_not_committed',
    },
    {
      claimId: 'c03',
      jurisdictionCode: COUNTY,
      fundSource: SOURCE,
      committedFen: 50_000,
      settledPayments: 0,
      problem: 'committed_not_approved',
    },
  ]);
  const sixth = await list(FINANCE, { jurisdictionCode: COUNTY, pageSize: 3, page: 6 });
  expect(sixth.items.map((i) => i.claimId)).toEqual(['c21']);

  // only the problems: the same claims and verdicts as ReconcileClaims
  const problems = await list(FINANCE, { jurisdictionCode: COUNTY, problemsOnly: true });
  const reconciled = await service.query<fundLedgerV1.ClaimsReconciliation>('ReconcileClaims', FINANCE, {
    jurisdictionCode: COUNTY,
  });
  expect(problems.items.map((i) => [i.claimId, i.problem])).toEqual(
    reconciled.problems.map((p) => [p.claimId, p.problem]),
  );
  expect(problems.items.map((i) => i.problem)).toEqual([
    'approved_not_committed',
    'committed_not_approved',
    'amount_differs',
  ]);
  expect(problems.total).toBe(reconciled.problemCount);

  const differs = await list(FINANCE, { jurisdictionCode: COUNTY, problem: 'amount_differs' });
  expect(differs.items).toEqual([
    expect.objectContaining({ claimId: 'c04', approvedFen: 70_000, committedFen: 80_000 }),
  ]);
  const bySource = await list(FINANCE, {
    jurisdictionCode: COUNTY,
    fundSource: 'employment_subsidy_fund',
    sort: '-committedFen',
    pageSize: 2,
  });
  expect(bySource.total).toBe(12);
  expect(bySource.items.map((i) => i.claimId)).toEqual(['c21', 'c20']);
  const byPrefix = await list(FINANCE, { jurisdictionCode: COUNTY, claimId: 'c1' });
  expect(byPrefix.items.map((i) => i.claimId)).toEqual([
    'c10',
    'c11',
    'c12',
    'c13',
    'c14',
    'c15',
    'c16',
    'c17',
    'c18',
    'c19',
  ]);

  // the city sees its counties; the county not the other's
  const city = await list(CITY_AUDITOR, { jurisdictionCode: CITY, claimId: 'c05' });
  expect(city.items).toEqual([
    expect.objectContaining({ claimId: 'c05', jurisdictionCode: OTHER, problem: 'none' }),
  ]);
  expect((await list(FINANCE, { jurisdictionCode: COUNTY, claimId: 'c05' })).total).toBe(0);
  const outside = await rejection(list(FINANCE, { jurisdictionCode: CITY }));
  expect(outside.code).toBe('LEDGER.OUTSIDE_JURISDICTION');
  const clerk = await rejection(
    list({ userId: 'clerk', roles: ['county_officer'], jurisdiction: COUNTY }, { jurisdictionCode: COUNTY }),
  );
  expect(clerk.code).toBe('LEDGER.READER_ROLE_REQUIRED');
  const badSort = await rejection(list(FINANCE, { jurisdictionCode: COUNTY, sort: 'settledPayments' }));
  expect(badSort.code).toBe('LIST.UNKNOWN_SORT');
});

it('exports the filtered rows as .xlsx with the list titles, and as JSON', async () => {
  const exported = await service.query<commonV1.FileReply>('ExportClaimsReconciliation', FINANCE, {
    jurisdictionCode: COUNTY,
    format: 'xlsx',
    problemsOnly: true,
  });
  expectContract('jineng.common.v1.FileReply', exported);
  expect(exported.fileName).toMatch(/^专账申领核对-530302-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const sheets = await readXlsxFile(await fileBytes(exported.fileId));
  expect(sheets[0]!.sheet).toBe('专账申领核对');
  const rows = sheets[0]!.data;
  const header = rows.findIndex((r) => r[0] === '申领编号');
  expect(header).toBeGreaterThanOrEqual(0);
  expect(rows[header]).toEqual([
    '申领编号',
    '所属区划',
    '资金来源',
    '批准金额（分）',
    '承诺金额（分）',
    '已到账支付笔数',
    '核对结果',
  ]);
  expect(
    rows
      .slice(header + 1)
      .filter((r) => /^c\d+$/.test(String(r[0])))
      .map((r) => [r[0], r[6]]),
  ).toEqual([
    ['c02', 'approved_not_committed'],
    ['c03', 'committed_not_approved'],
    ['c04', 'amount_differs'],
  ]);

  const json = await service.query<commonV1.FileReply>('ExportClaimsReconciliation', FINANCE, {
    jurisdictionCode: COUNTY,
    format: 'json',
    fundSource: 'employment_subsidy_fund',
  });
  const text = (await fileBytes(json.fileId)).toString('utf8');
  expect(text).toContain('"claimId":"c10"');
  expect(text).toContain('"claimId":"c21"');
  expect(text).not.toContain('"claimId":"c01"');
});

async function fileBytes(fileId: string): Promise<Buffer> {
  const { data, verified } = await new FileStore(nc, 'fund-ledger').read(fileId);
  const chunks: Buffer[] = [];
  const reader = data.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read())
    chunks.push(Buffer.from(read.value));
  await verified;
  return Buffer.concat(chunks);
}
