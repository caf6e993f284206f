// Reconciliation of a bank statement against the payments issued (issue 14): the statement is read as a
// stream of lines (never loaded whole), staged in batches with a progress figure, then matched by
// reference and amount in the database: matched, unmatched on either side, amount differences. Matched
// lines settle their payments (or fail them, when the bank says failed / returned), one command each.
import type { JobProgress } from '@jineng/service-runtime';
import { Injectable } from '@nestjs/common';
import {
  jurisdictionPrefix,
  parseStatementLine,
  STATEMENT_HEADER,
  type StatementLine,
} from '../domain/bank-files';
import { PaymentResolver } from '../payment-resolver';
import { PaymentStore, type PaymentRow } from '../payment.store';
import { defineDomainError } from '@jineng/ddd';

/** Lines staged per statement. */
const STAGE_BATCH = 5_000;
/** Matched lines read per page while settling. */
const MATCH_PAGE = 1_000;
/** Items listed per kind in the result (the counts are whole). */
const LISTED = 100;

export class StatementHeaderInvalid extends defineDomainError<{ expected: string; actual: string }>({
  code: 'PAYMENT.STATEMENT_HEADER',
  category: 'validation',
  zh: (d) => `对账单首行应为 ${d.expected}，实为 ${d.actual}`,
  en: (d) => `the statement's first line must be ${d.expected}, it is ${d.actual}`,
}) {}

export interface ReconciliationResult {
  readonly [key: string]: unknown;
  readonly statementId: string;
  readonly lines: number;
  readonly invalidLines: number;
  readonly invalid: readonly { lineNo: number; problem: string }[];
  readonly matched: number;
  readonly settled: number;
  readonly failed: number;
  readonly alreadyResolved: number;
  readonly amountDifferences: readonly { reference: string; paymentFen: number; statementFen: number }[];
  readonly amountDifferenceCount: number;
  readonly unmatchedLines: readonly { lineNo: number; reference: string; amountFen: number }[];
  readonly unmatchedLineCount: number;
  readonly unmatchedPayments: readonly { reference: string; claimId: string; amountFen: number }[];
  readonly unmatchedPaymentCount: number;
}

@Injectable()
export class StatementReconciler {
  constructor(
    private readonly payments: PaymentStore,
    private readonly resolver: PaymentResolver,
  ) {}

  /** Stages and matches; `settle: false` leaves the payments as they are (a dry run). */
  async reconcile(
    statementId: string,
    jurisdictionCode: string,
    lines: AsyncIterable<string>,
    progress: JobProgress,
    options: { settle?: boolean } = {},
  ): Promise<ReconciliationResult> {
    const staged = await this.stage(statementId, lines, progress);
    const prefix = jurisdictionPrefix(jurisdictionCode);
    let matched = 0;
    let settled = 0;
    let failed = 0;
    let alreadyResolved = 0;
    for await (const page of this.matchedPages(statementId, prefix)) {
      matched += page.length;
      if (options.settle === false) continue;
      for (const { line, payment } of page) {
        if (payment.status !== 'issued') {
          alreadyResolved++;
        } else if (line.status === 'paid') {
          await this.resolver.settle(statementId, payment, line.valueDate);
          settled++;
        } else {
          await this.resolver.fail(
            statementId,
            payment,
            `${line.status}${line.reason ? `: ${line.reason}` : ''}`,
          );
          failed++;
        }
      }
    }
    const differences = await this.amountDifferences(statementId, prefix);
    const unmatchedLines = await this.unmatchedLines(statementId, prefix);
    const unmatchedPayments = await this.unmatchedPayments(statementId, prefix);
    return {
      statementId,
      lines: staged.lines,
      invalidLines: staged.invalidCount,
      invalid: staged.invalid,
      matched,
      settled,
      failed,
      alreadyResolved,
      amountDifferences: differences.listed,
      amountDifferenceCount: differences.count,
      unmatchedLines: unmatchedLines.listed,
      unmatchedLineCount: unmatchedLines.count,
      unmatchedPayments: unmatchedPayments.listed,
      unmatchedPaymentCount: unmatchedPayments.count,
    };
  }

  private async stage(statementId: string, lines: AsyncIterable<string>, progress: JobProgress) {
    const { S, pool } = this.payments;
    let header = true;
    let count = 0;
    let invalidCount = 0;
    const invalid: { lineNo: number; problem: string }[] = [];
    let batch: StatementLine[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await pool.query(
        `insert into ${S}.statement_lines (statement_id, line_no, reference, amount_fen, value_date, bank_status)
         select $1, n, r, a, d::date, s from unnest($2::int[], $3::text[], $4::bigint[], $5::text[], $6::text[]) as t(n, r, a, d, s)
         on conflict do nothing`,
        [
          statementId,
          batch.map((l) => l.lineNo),
          batch.map((l) => l.reference),
          batch.map((l) => l.amountFen),
          batch.map((l) => l.valueDate),
          batch.map((l) => (l.reason ? `${l.status}:${l.reason}` : l.status)),
        ],
      );
      batch = [];
      await progress.report(count);
    };
    for await (const text of lines) {
      if (header) {
        header = false;
        if (text.replace(/^\uFEFF/, '').trim() !== STATEMENT_HEADER) {
          throw new StatementHeaderInvalid({ expected: STATEMENT_HEADER, actual: text.slice(0, 80) });
        }
        continue;
      }
      if (text.trim() === '') continue;
      count++;
      const parsed = parseStatementLine(text, count);
      if (!parsed.ok) {
        invalidCount++;
        if (invalid.length < LISTED) invalid.push({ lineNo: parsed.lineNo, problem: parsed.problem });
        continue;
      }
      batch.push(parsed.line);
      if (batch.length >= STAGE_BATCH) await flush();
    }
    await flush();
    await progress.report(count, count);
    return { lines: count, invalidCount, invalid };
  }

  /** Lines matched by reference and amount within the jurisdiction, in line order, a page at a time. */
  private async *matchedPages(
    statementId: string,
    prefix: string,
  ): AsyncGenerator<{ line: StatementLine; payment: PaymentRow }[]> {
    const { S, pool } = this.payments;
    let after = 0;
    for (;;) {
      const { rows } = await pool.query<{
        line_no: number;
        reference: string;
        line_fen: string;
        value_date: string;
        bank_status: string;
        payment_id: string;
        batch_id: string;
        claim_id: string;
        amount_fen: string;
        status: PaymentRow['status'];
        jurisdiction_code: string;
        fund_source: string;
        payee_id: string;
        payee_kind: string;
        subsidy_kind: string;
      }>(
        `select s.line_no, s.reference, s.amount_fen as line_fen, to_char(s.value_date, 'YYYY-MM-DD') as value_date,
                s.bank_status, p.payment_id, p.batch_id, p.claim_id, p.amount_fen, p.status,
                c.jurisdiction_code, c.fund_source, c.payee_id, c.payee_kind, c.subsidy_kind
         from ${S}.statement_lines s
         join ${S}.payments p on p.reference = s.reference and p.amount_fen = s.amount_fen
         join ${S}.payables c on c.claim_id = p.claim_id and starts_with(c.jurisdiction_code, $2)
         where s.statement_id = $1 and s.line_no > $3 order by s.line_no limit $4`,
        [statementId, prefix, after, MATCH_PAGE],
      );
      if (rows.length === 0) return;
      after = rows[rows.length - 1]!.line_no;
      yield rows.map((r) => {
        const [status, ...reason] = r.bank_status.split(':');
        return {
          line: {
            lineNo: r.line_no,
            reference: r.reference,
            amountFen: Number(r.line_fen),
            valueDate: r.value_date,
            status: status as StatementLine['status'],
            reason: reason.join(':'),
          },
          payment: {
            paymentId: r.payment_id,
            batchId: r.batch_id,
            claimId: r.claim_id,
            reference: r.reference,
            amountFen: Number(r.amount_fen),
            status: r.status,
            jurisdictionCode: r.jurisdiction_code,
            fundSource: r.fund_source,
            payeeId: r.payee_id,
            payeeKind: r.payee_kind,
            subsidyKind: r.subsidy_kind,
          },
        };
      });
    }
  }

  private async amountDifferences(statementId: string, prefix: string) {
    const { S, pool } = this.payments;
    const from = `from ${S}.statement_lines s
      join ${S}.payments p on p.reference = s.reference and p.amount_fen <> s.amount_fen
      join ${S}.payables c on c.claim_id = p.claim_id and starts_with(c.jurisdiction_code, $2)
      where s.statement_id = $1`;
    const count = await pool.query<{ n: string }>(`select count(*) as n ${from}`, [statementId, prefix]);
    const { rows } = await pool.query<{ reference: string; payment_fen: string; line_fen: string }>(
      `select s.reference, p.amount_fen as payment_fen, s.amount_fen as line_fen ${from} order by s.line_no limit ${LISTED}`,
      [statementId, prefix],
    );
    return {
      count: Number(count.rows[0]!.n),
      listed: rows.map((r) => ({
        reference: r.reference,
        paymentFen: Number(r.payment_fen),
        statementFen: Number(r.line_fen),
      })),
    };
  }

  private async unmatchedLines(statementId: string, prefix: string) {
    const { S, pool } = this.payments;
    const from = `from ${S}.statement_lines s
      where s.statement_id = $1 and not exists (
        select 1 from ${S}.payments p join ${S}.payables c on c.claim_id = p.claim_id
        where p.reference = s.reference and starts_with(c.jurisdiction_code, $2))`;
    const count = await pool.query<{ n: string }>(`select count(*) as n ${from}`, [statementId, prefix]);
    const { rows } = await pool.query<{ line_no: number; reference: string; amount_fen: string }>(
      `select s.line_no, s.reference, s.amount_fen ${from} order by s.line_no limit ${LISTED}`,
      [statementId, prefix],
    );
    return {
      count: Number(count.rows[0]!.n),
      listed: rows.map((r) => ({
        lineNo: r.line_no,
        reference: r.reference,
        amountFen: Number(r.amount_fen),
      })),
    };
  }

  private async unmatchedPayments(statementId: string, prefix: string) {
    const { S, pool } = this.payments;
    const from = `from ${S}.payments p join ${S}.payables c on c.claim_id = p.claim_id
      where p.status = 'issued' and starts_with(c.jurisdiction_code, $2)
        and not exists (select 1 from ${S}.statement_lines s where s.statement_id = $1 and s.reference = p.reference)`;
    const count = await pool.query<{ n: string }>(`select count(*) as n ${from}`, [statementId, prefix]);
    const { rows } = await pool.query<{ reference: string; claim_id: string; amount_fen: string }>(
      `select p.reference, p.claim_id, p.amount_fen ${from} order by p.reference limit ${LISTED}`,
      [statementId, prefix],
    );
    return {
      count: Number(count.rows[0]!.n),
      listed: rows.map((r) => ({
        reference: r.reference,
        claimId: r.claim_id,
        amountFen: Number(r.amount_fen),
      })),
    };
  }
}
