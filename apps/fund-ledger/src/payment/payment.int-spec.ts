// Step 3 as it runs: committed claims go out in a bank payment file; a statement with a paid line, a
// returned one, one missing and one unexpected is reconciled by a job with progress; settled payments
// are posted, the returned one is owed again; a clawback is reversed, never beyond what was paid; the
// year is closed; the ledger verifies throughout.
import { randomUUID } from 'node:crypto';
import type { commonV1, fundLedgerV1 } from '@jineng/contracts';
import { EVENTS_STREAM, FileStore, type Principal } from '@jineng/messaging';
import { jetstreamManager } from '@nats-io/jetstream';
import { connectTestNats, eventually } from '@jineng/testing';
import type { NatsConnection } from '@nats-io/transport-node';
import { expectContract, FundLedgerTestService, rejection } from '../fund-ledger-service.fixture';
import { linesOf, PAYMENT_FILE_HEADER, STATEMENT_HEADER } from './domain/bank-files';
import type { ReconciliationResult } from './record-bank-statement/statement-reconciler';

let service: FundLedgerTestService;
let nc: NatsConnection;

beforeAll(async () => {
  service = await FundLedgerTestService.start('fund_ledger_payments');
  nc = await connectTestNats(service.nats.url);
});

afterAll(async () => {
  await nc?.close();
  await service?.dispose();
});

const COUNTY = '530302';
const SOURCE = 'employment_subsidy_fund';
const FINANCE: Principal = { userId: 'finance-530302', roles: ['finance_officer'], jurisdiction: COUNTY };

const command = <R = fundLedgerV1.LedgerOutcome>(name: string, payload: object, commandId?: string) =>
  service.command<R>(name, FINANCE, payload, commandId);
const sourceBalances = async () =>
  (
    await service.query<fundLedgerV1.FundBalances>('GetFundBalances', FINANCE, { jurisdictionCode: COUNTY })
  ).sources.find((s) => s.fundSource === SOURCE)!;
const verify = () => service.query<fundLedgerV1.LedgerVerification>('VerifyLedger', FINANCE, {});

async function fileText(fileId: string): Promise<string[]> {
  const { data } = await new FileStore(nc, 'fund-ledger').read(fileId);
  const lines: string[] = [];
  for await (const line of linesOf(data as unknown as AsyncIterable<Uint8Array>)) lines.push(line);
  return lines;
}

it('pays, reconciles a statement with a missing and an unexpected line, reverses and closes the year', async () => {
  await command('RecordFundInflow', {
    inflowId: randomUUID(),
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
    amountFen: 2_000_000,
    documentReference: '富财社〔2026〕9号',
    receivedOn: '2026-11-02',
  });
  const classWithClaims = randomUUID();
  const classNeverClaimed = randomUUID();
  await command('EarmarkForClass', {
    classId: classWithClaims,
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
    amountFen: 600_000,
  });
  await command('EarmarkForClass', {
    classId: classNeverClaimed,
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
    amountFen: 300_000,
  });
  const claims = ['paid', 'missing', 'returned', 'differs'].map((name, i) => ({
    name,
    claimId: randomUUID(),
    classId: classWithClaims,
    claimantId: randomUUID(),
    claimantKind: 'institution',
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
    amountFen: 100_000 + i * 1_000,
    subsidyKind: 'training',
  }));
  for (const { name: _, ...claim } of claims) {
    expect(await command('CommitForClaim', claim)).toMatchObject({ outcome: 'committed' });
  }
  // every payee's bank account, from registry's PayeeAccountSealed (sealed to the ledger's key)
  const accountNumber = (i: number) => `62220202001122334${i}0`;
  for (const [i, claim] of claims.entries()) {
    await service.sealPayeeAccount(claim.claimantId, 'institution', {
      accountName: `培训学校${i}`,
      accountNumber: accountNumber(i),
    });
  }

  // the bank payment file: one line per committed claim, each with its own reference
  const batchId = randomUUID();
  const batchCommand = randomUUID();
  const batch = await command<fundLedgerV1.PaymentBatch>(
    'IssuePaymentBatch',
    { batchId, jurisdictionCode: COUNTY, fundSource: SOURCE },
    batchCommand,
  );
  expectContract('jineng.fund_ledger.v1.PaymentBatch', batch);
  expect(batch).toMatchObject({ batchId, lines: 4, totalFen: 406_000, idempotent: false });
  const file = await fileText(batch.fileId);
  expect(file[0]).toBe(PAYMENT_FILE_HEADER);
  expect(file).toHaveLength(5);
  const rows = file.slice(1).map((line) => line.split(','));
  expect(new Set(rows.map((r) => r[0])).size).toBe(4);
  const referenceOf = (name: string) =>
    rows.find((r) => r[2] === claims.find((c) => c.name === name)!.claimId)![0]!;
  // the payee's account, opened only into the file
  expect(rows.find((r) => r[0] === referenceOf('paid'))!.slice(7)).toEqual([
    '100000',
    '1000.00',
    '培训学校0',
    accountNumber(0),
    '102100099996',
  ]);
  expect(batch.heldBack).toEqual([]);
  // the same request again answers the same batch; nothing is left to pay in another
  expect(
    await command<fundLedgerV1.PaymentBatch>(
      'IssuePaymentBatch',
      { batchId, jurisdictionCode: COUNTY, fundSource: SOURCE },
      batchCommand,
    ),
  ).toMatchObject({ batchId, lines: 4, idempotent: true });
  const nothing = await rejection(
    command('IssuePaymentBatch', { batchId: randomUUID(), jurisdictionCode: COUNTY, fundSource: SOURCE }),
  );
  expect(nothing.code).toBe('PAYMENT.NOTHING_TO_PAY');

  // the statement: paid, returned, an amount that differs, an unexpected line; one payment missing
  const statement = [
    STATEMENT_HEADER,
    `${referenceOf('paid')},100000,2026-11-30,paid,`,
    `${referenceOf('returned')},102000,2026-11-30,returned,户名不符`,
    `${referenceOf('differs')},103500,2026-11-30,paid,`,
    'JNUNEXPECTED0001,5000,2026-11-30,paid,',
    'not a line',
  ].join('\n');
  const { jobId } = await command<commonV1.JobAccepted>('RecordBankStatement', {
    statementId: randomUUID(),
    jurisdictionCode: COUNTY,
    csv: statement,
  });
  const job = await eventually(async () => {
    const view = await service.query<commonV1.JobView>('GetJob', FINANCE, { jobId });
    expect(view.status).toBe('succeeded');
    return view;
  });
  expect(job.done).toBe(5);
  const result = job.result as unknown as ReconciliationResult;
  expect(result).toMatchObject({
    lines: 5,
    invalidLines: 1,
    invalid: [{ lineNo: 5, problem: 'reference' }],
    matched: 2,
    settled: 1,
    failed: 1,
    amountDifferences: [{ reference: referenceOf('differs'), paymentFen: 103_000, statementFen: 103_500 }],
    unmatchedLines: [{ lineNo: 4, reference: 'JNUNEXPECTED0001', amountFen: 5_000 }],
    // the line whose amount differs is listed there, not as missing
    unmatchedPayments: [
      { reference: referenceOf('missing'), claimId: claims[1]!.claimId, amountFen: 101_000 },
    ],
    unmatchedPaymentCount: 1,
  });
  // only the paid line left the bank; the returned claim is owed again
  expect(await sourceBalances()).toMatchObject({ payableFen: 306_000, expenseFen: 406_000 });
  // the returned payee records a new account (a new digest): the next batch pays into it, the first
  // batch's file still names the account that payment went to
  const returned = claims.find((c) => c.name === 'returned')!;
  await service.sealPayeeAccount(
    returned.claimantId,
    'institution',
    { accountName: '培训学校2', accountNumber: '6217000010099887766', bankCode: '103100000026' },
    2,
  );
  const again = await command<fundLedgerV1.PaymentBatch>('IssuePaymentBatch', {
    batchId: randomUUID(),
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
  });
  expect(again).toMatchObject({ lines: 1, totalFen: 102_000 });
  const againRow = (await fileText(again.fileId))[1]!.split(',');
  expect([againRow[2], ...againRow.slice(9)]).toEqual([
    returned.claimId,
    '培训学校2',
    '6217000010099887766',
    '103100000026',
  ]);
  const firstAgain = await service.query<{ fileId: string }>('GetPaymentBatchFile', FINANCE, { batchId });
  const firstRow = (await fileText(firstAgain.fileId)).find((l) => l.includes(returned.claimId))!.split(',');
  expect(firstRow.slice(9)).toEqual(['培训学校2', accountNumber(2), '102100099996']);

  // a clawback of the paid claim, never beyond what was paid
  const paid = claims.find((c) => c.name === 'paid')!;
  const reversed = await command<fundLedgerV1.PaymentReversed>('ReversePayment', {
    recoveryId: 'rec-1',
    claimId: paid.claimId,
    amountFen: 60_000,
    reason: '虚假培训追回',
  });
  expectContract('jineng.fund_ledger.v1.PaymentReversed', reversed);
  expect(reversed).toMatchObject({ claimId: paid.claimId, amountFen: 60_000 });
  const tooMuch = await rejection(
    command('ReversePayment', {
      recoveryId: 'rec-2',
      claimId: paid.claimId,
      amountFen: 40_001,
      reason: '追回',
    }),
  );
  expect(tooMuch.code).toBe('PAYMENT.RECOVERY_EXCEEDS_PAID');
  const notPaid = await rejection(
    command('ReversePayment', {
      recoveryId: 'rec-3',
      claimId: claims[1]!.claimId,
      amountFen: 1,
      reason: '追回',
    }),
  );
  expect(notPaid.code).toBe('PAYMENT.CLAIM_NOT_PAID');
  expect(await sourceBalances()).toMatchObject({ expenseFen: 346_000, committedFen: 346_000 });

  // the year closes: expense to zero, the never-claimed class's earmark released, once
  const before = await sourceBalances();
  const closed = await command<fundLedgerV1.YearCloseResult>('CloseYear', {
    year: 2026,
    jurisdictionCode: COUNTY,
    fundSource: SOURCE,
  });
  expectContract('jineng.fund_ledger.v1.YearCloseResult', closed);
  expect(closed).toMatchObject({ year: 2026, releasedFen: 300_000, closedExpenseFen: 346_000 });
  expect(await sourceBalances()).toEqual({
    ...before,
    availableFen: before.availableFen + 300_000,
    earmarkedFen: before.earmarkedFen - 300_000,
    committedFen: 0,
    expenseFen: 0,
  });
  const twice = await rejection(
    command('CloseYear', { year: 2026, jurisdictionCode: COUNTY, fundSource: SOURCE }),
  );
  expect(twice.code).toBe('LEDGER.YEAR_ALREADY_CLOSED');

  expect(await verify()).toMatchObject({ ok: true, trialBalanceFen: 0, problems: [] });

  // the report of the year by quarter (everything was booked today), and its .xlsx export
  const year = Number(new Date().toISOString().slice(0, 4));
  const report = await service.query<fundLedgerV1.FundReport>('GetFundReport', FINANCE, {
    jurisdictionCode: COUNTY,
    year,
    period: 'quarter',
  });
  expectContract('jineng.fund_ledger.v1.FundReport', report);
  const reported = report.rows.filter((r) => r.fundSource === SOURCE && r.receivedFen > 0);
  expect(reported).toHaveLength(1);
  const end = await sourceBalances();
  expect(reported[0]).toMatchObject({
    receivedFen: 2_000_000,
    earmarkedFen: 900_000,
    committedFen: 406_000,
    paidFen: 100_000,
    returnedFen: 60_000,
    releasedFen: 300_000,
    availableEndFen: end.availableFen,
    earmarkedEndFen: end.earmarkedFen,
  });
  expect(report.byKind.find((r) => r.committedFen > 0)).toMatchObject({
    subsidyKind: 'training',
    committedFen: 406_000,
  });
  const exported = await service.query<{ contentType: string; size: number }>('ExportFundReport', FINANCE, {
    jurisdictionCode: COUNTY,
    year,
    period: 'month',
    format: 'xlsx',
  });
  expect(exported.contentType).toContain('spreadsheetml');
  expect(exported.size).toBeGreaterThan(0);

  // what the claims hear, as docs/contracts.md has it
  const jsm = await jetstreamManager(nc);
  for (const [type, name] of [
    ['PaymentBatchIssued', 'batch'],
    ['PaymentSettled', 'paid'],
    ['PaymentFailed', 'returned'],
    ['PaymentReversed', 'paid'],
  ] as const) {
    const data = await eventually(async () => {
      const found = await jsm.streams.getMessage(EVENTS_STREAM, {
        last_by_subj: `jineng.evt.fund-ledger.${type}.v1`,
      });
      expect(found).toBeTruthy();
      return found!.json<{ data: Record<string, unknown> }>().data;
    });
    expectContract(`jineng.fund_ledger.v1.${type}`, data);
    if (name !== 'batch') expect(data['claimId']).toBe(claims.find((c) => c.name === name)!.claimId);
  }
});

it('holds back a payment to a payee without a bank account, and pays it once the account is known', async () => {
  const county = '530322';
  const finance: Principal = { userId: 'finance-530322', roles: ['finance_officer'], jurisdiction: county };
  const run = <R = fundLedgerV1.LedgerOutcome>(name: string, payload: object) =>
    service.command<R>(name, finance, payload);
  await run('RecordFundInflow', {
    inflowId: randomUUID(),
    jurisdictionCode: county,
    fundSource: SOURCE,
    amountFen: 500_000,
    documentReference: '陆财社〔2026〕2号',
    receivedOn: '2026-11-02',
  });
  const [known, unknown] = [randomUUID(), randomUUID()].map((claimantId, i) => ({
    claimId: randomUUID(),
    claimantId,
    claimantKind: 'worker',
    jurisdictionCode: county,
    fundSource: SOURCE,
    amountFen: 10_000 + i,
    subsidyKind: 'training',
  }));
  for (const claim of [known!, unknown!]) await run('CommitForClaim', claim);
  await service.sealPayeeAccount(known!.claimantId, 'worker', {
    accountName: '王芳',
    accountNumber: '6222020200998877',
  });

  const first = await run<fundLedgerV1.PaymentBatch>('IssuePaymentBatch', {
    batchId: randomUUID(),
    jurisdictionCode: county,
    fundSource: SOURCE,
  });
  expectContract('jineng.fund_ledger.v1.PaymentBatch', first);
  expect(first).toMatchObject({ lines: 1, totalFen: 10_000 });
  expect(first.heldBack).toEqual([
    {
      claimId: unknown!.claimId,
      payeeId: unknown!.claimantId,
      payeeKind: 'worker',
      amountFen: 10_001,
      code: 'PAYMENT.PAYEE_ACCOUNT_MISSING',
      reasonZh: expect.stringContaining('银行账户'),
      reasonEn: expect.stringContaining('bank account'),
    },
  ]);
  const firstFile = await fileText(first.fileId);
  expect(firstFile).toHaveLength(2);
  expect(firstFile[1]).toContain('王芳,6222020200998877,');
  // nothing the ledger stores holds an account in clear
  const { rows: tables } = await service.db.pool.query<{ table_name: string }>(
    `select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE'`,
    [service.schema],
  );
  for (const { table_name } of tables) {
    const { rows } = await service.db.pool.query(
      `select count(*)::int as n from "${service.schema}"."${table_name}" t where t::text like '%6222020200998877%'`,
    );
    expect({ table: table_name, n: rows[0].n }).toEqual({ table: table_name, n: 0 });
  }

  await service.sealPayeeAccount(unknown!.claimantId, 'worker', {
    accountName: '赵强',
    accountNumber: '6222020200112299',
  });
  const second = await run<fundLedgerV1.PaymentBatch>('IssuePaymentBatch', {
    batchId: randomUUID(),
    jurisdictionCode: county,
    fundSource: SOURCE,
  });
  expect(second).toMatchObject({ lines: 1, totalFen: 10_001, heldBack: [] });
  expect((await fileText(second.fileId))[1]).toContain(`${unknown!.claimId},worker,`);
});
