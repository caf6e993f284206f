// The statement's lines are matched as they are staged (fund-ledger-009): against the real PostgreSQL,
// a statement of more lines than one staging batch with a match, an amount that differs, a line the
// ledger never issued, a payment of another county (unmatched for this one) and a payment missing; the
// same statement reconciled again for the city finds the other county's payment, without staging twice.
import { migrate } from '@jineng/event-store';
import type { ServiceConfig } from '@jineng/service-runtime';
import { connectTestDatabase, type TestDatabase } from '@jineng/testing';
import { fundLedgerMigrations } from '../../fund-ledger.migrations';
import { STATEMENT_HEADER } from '../domain/bank-files';
import type { PaymentResolver } from '../payment-resolver';
import { PaymentStore } from '../payment.store';
import { StatementReconciler } from './statement-reconciler';

let db: TestDatabase;

beforeAll(async () => {
  db = await connectTestDatabase('fund_ledger_reconciler', 4);
});

afterAll(async () => {
  await db?.dispose();
});

const LINES = 12_001; // more than two staging batches

async function* statement(): AsyncGenerator<string> {
  yield STATEMENT_HEADER;
  for (let n = 1; n <= LINES; n++) {
    if (n === 5) yield 'JNNEVER,700,2026-11-30,paid,';
    else if (n === 9) yield `JN${n},1,2026-11-30,paid,`;
    else yield `JN${n},${1000 + n},2026-11-30,paid,`;
  }
}

it('matches each line by reference and amount within the jurisdiction, and again for another', async () => {
  const schema = await db.freshSchema();
  await migrate(db.pool, schema, fundLedgerMigrations);
  const S = `"${schema}"`;
  // payments JN1..JN(LINES+1); JN10001 is the other county's; the last one is on no line
  await db.pool.query(
    `insert into ${S}.payables (claim_id, jurisdiction_code, fund_source, payee_id, payee_kind, subsidy_kind,
       amount_fen, status, committed_on)
     select 'c' || n, case when n = 10001 then '530303' else '530302' end, 'skills_upgrading_account', 'p' || n,
            'worker', 'training', 1000 + n, 'in_payment', '2026-11-01'
     from generate_series(1, $1::int) n`,
    [LINES + 1],
  );
  await db.pool.query(
    `insert into ${S}.payments (payment_id, batch_id, claim_id, reference, amount_fen, status, issued_on)
     select md5('p' || n)::uuid, md5('batch')::uuid, 'c' || n, 'JN' || n, 1000 + n, 'issued', '2026-11-01'
     from generate_series(1, $1::int) n`,
    [LINES + 1],
  );
  const reconciler = new StatementReconciler(
    new PaymentStore(db.pool, { schema } as ServiceConfig),
    undefined as unknown as PaymentResolver,
  );
  const reported: number[] = [];
  const progress = { report: async (done: number) => void reported.push(done) };
  const statementId = '00000000-0000-4000-8000-0000000000aa';

  const county = await reconciler.reconcile(statementId, '530302', statement(), progress, {
    settle: false,
  });
  expect(county).toMatchObject({
    lines: LINES,
    invalidLines: 0,
    matched: LINES - 3, // not line 5 (never issued), 9 (amount), 10001 (another county)
    amountDifferenceCount: 1,
    amountDifferences: [{ reference: 'JN9', paymentFen: 1009, statementFen: 1 }],
    unmatchedLineCount: 2,
    unmatchedLines: [
      { lineNo: 5, reference: 'JNNEVER', amountFen: 700 },
      { lineNo: 10001, reference: 'JN10001', amountFen: 11001 },
    ],
    // JN5 (its line says JNNEVER) and the last: no line names them; JN10001 is not this county's
    unmatchedPaymentCount: 2,
    unmatchedPayments: [
      { reference: 'JN12002', claimId: 'c12002', amountFen: 13002 },
      { reference: 'JN5', claimId: 'c5', amountFen: 1005 },
    ],
  });
  expect(reported.length).toBeGreaterThanOrEqual(3); // a figure per batch, and the end
  expect(reported.at(-1)).toBe(LINES);

  const city = await reconciler.reconcile(statementId, '530300', statement(), progress, { settle: false });
  expect(city).toMatchObject({
    lines: LINES,
    matched: LINES - 2,
    unmatchedLineCount: 1,
    unmatchedLines: [{ lineNo: 5, reference: 'JNNEVER', amountFen: 700 }],
    amountDifferenceCount: 1,
    unmatchedPaymentCount: 2,
  });
  const { rows } = await db.pool.query<{ n: number }>(
    `select count(*)::int as n from ${S}.statement_lines where statement_id = $1`,
    [statementId],
  );
  expect(rows[0]!.n).toBe(LINES);
});
