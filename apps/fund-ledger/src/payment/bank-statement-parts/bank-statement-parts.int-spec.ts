// A statement larger than one request, uploaded in parts on the real bus and PostgreSQL: parts kept in the
// ledger's schema, the same part again idempotent, other content for a kept part refused, an interrupted
// upload resumed from the list of parts received, a missing part named, and the parts reconciled as one
// stream (a line cut across two parts read whole) by a job with progress.
import { randomBytes, randomUUID } from 'node:crypto';
import type { commonV1, fundLedgerV1 } from '@jineng/contracts';
import type { Principal } from '@jineng/messaging';
import { eventually } from '@jineng/testing';
import { expectContract, FundLedgerTestService, rejection } from '../../fund-ledger-service.fixture';
import { STATEMENT_HEADER } from '../domain/bank-files';
import type { ReconciliationResult } from '../record-bank-statement/statement-reconciler';

let service: FundLedgerTestService;

beforeAll(async () => {
  service = await FundLedgerTestService.start('fund_ledger_statement_parts');
});

afterAll(async () => {
  await service?.dispose();
});

const COUNTY = '530302';
const FINANCE: Principal = { userId: 'finance-530302', roles: ['finance_officer'], jurisdiction: COUNTY };
const OTHER_FINANCE: Principal = {
  userId: 'finance-530321',
  roles: ['finance_officer'],
  jurisdiction: '530321',
};

const LINES = 30_000;
const statement = [
  STATEMENT_HEADER,
  ...Array.from(
    { length: LINES },
    () =>
      `JN${randomBytes(16).toString('hex').toUpperCase()},${1_000 + Math.floor(Math.random() * 9_000)},2026-11-30,paid,`,
  ),
].join('\n');
// three parts cut anywhere — each boundary in the middle of a line
const cuts = [Math.floor(statement.length / 3) + 7, Math.floor((2 * statement.length) / 3) + 11];
const parts = [statement.slice(0, cuts[0]), statement.slice(cuts[0], cuts[1]), statement.slice(cuts[1])];

it('takes a statement in parts, resumably, and reconciles them as one stream with progress', async () => {
  expect(statement.length).toBeGreaterThan(900_000); // more than one request holds
  expect(parts.every((p) => p.length <= 900_000 && !p.endsWith('\n'))).toBe(true);
  const statementId = randomUUID();
  const upload = (partNumber: number, csv = parts[partNumber - 1]!, principal = FINANCE) =>
    service.command<fundLedgerV1.BankStatementPart>('UploadBankStatementPart', principal, {
      statementId,
      jurisdictionCode: principal.jurisdiction,
      partNumber,
      csv,
    });

  // parts 1 and 3 arrive, then the upload is interrupted
  const first = await upload(1);
  expectContract('jineng.fund_ledger.v1.BankStatementPart', first);
  expect(first).toMatchObject({ partNumber: 1, characters: parts[0]!.length, idempotent: false });
  await upload(3);
  // the same part again answers the first result; other content for it is refused
  expect(await upload(1)).toEqual({ ...first, idempotent: true });
  expect((await rejection(upload(1, `${parts[0]}X`))).code).toBe('STATEMENT.PART_CHANGED');
  // another jurisdiction cannot add to it
  expect((await rejection(upload(2, parts[1], OTHER_FINANCE))).code).toBe('STATEMENT.OTHER_JURISDICTION');

  const listed = await service.query<fundLedgerV1.BankStatementParts>('GetBankStatementParts', FINANCE, {
    statementId,
  });
  expectContract('jineng.fund_ledger.v1.BankStatementParts', listed);
  expect(listed.parts.map((p) => p.partNumber)).toEqual([1, 3]);
  const record = () =>
    service.command<commonV1.JobAccepted>('RecordBankStatementParts', FINANCE, {
      statementId,
      jurisdictionCode: COUNTY,
      partCount: 3,
    });
  const missing = await rejection(record());
  expect(missing).toMatchObject({ code: 'STATEMENT.PARTS_MISSING' });
  expect(JSON.stringify(missing)).toContain('partCount');

  // resumed: the missing part, then the whole reconciled
  await upload(2);
  const { jobId } = await record();
  const job = await eventually(
    async () => {
      const view = await service.query<commonV1.JobView>('GetJob', FINANCE, { jobId });
      expect(view.status).toBe('succeeded');
      return view;
    },
    { timeoutMs: 60_000, intervalMs: 250 },
  );
  expect(job.done).toBe(LINES);
  const result = job.result as unknown as ReconciliationResult;
  expect(result).toMatchObject({
    statementId,
    lines: LINES,
    invalidLines: 0,
    matched: 0,
    unmatchedLineCount: LINES,
  });
  const { rows } = await service.db.pool.query<{ n: number }>(
    `select count(*)::int as n from "${service.schema}".statement_lines where statement_id = $1`,
    [statementId],
  );
  expect(rows[0]!.n).toBe(LINES);
});
