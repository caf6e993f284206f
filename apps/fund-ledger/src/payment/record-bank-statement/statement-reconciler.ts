// Reconciliation of a bank statement against the payments issued (issue 14): the statement is read as a
// stream of lines (never loaded whole), staged in batches with a progress figure, then matched by
// reference and amount in the database as each batch is staged (set-based: one statement per batch, the
// next batch parsed meanwhile): matched, unmatched on either side, amount differences. Matched lines
// settle their payments (or fail them, when the bank says failed / returned), a page of lines in one
// transaction (ADR 0023).
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

/** Lines staged (and matched) per statement. */
const STAGE_BATCH = 5_000;
/** Batches written at once, each on a connection of its own. */
const STAGE_WRITERS = 2;
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
    const prefix = jurisdictionPrefix(jurisdictionCode);
    const staged = await this.stage(statementId, prefix, lines, progress);
    const counts = await this.outcomes(statementId);
    let settled = 0;
    let failed = 0;
    let alreadyResolved = 0;
    if (options.settle !== false) {
      // a page of matched lines at a time, in one transaction (PaymentResolver.resolveMany)
      for await (const page of this.matchedPages(statementId)) {
        const open = page.filter(({ payment }) => payment.status === 'issued');
        alreadyResolved += page.length - open.length;
        const done = await this.resolver.resolveMany(
          statementId,
          open.map(({ line, payment }) => ({
            payment,
            paid: line.status === 'paid',
            settledOn: line.valueDate,
            reason: `${line.status}${line.reason ? `: ${line.reason}` : ''}`,
          })),
        );
        settled += done.settled;
        failed += done.failed;
        alreadyResolved += done.alreadyResolved;
      }
    }
    const unmatchedPayments = await this.unmatchedPayments(statementId, prefix);
    return {
      statementId,
      lines: staged.lines,
      invalidLines: staged.invalidCount,
      invalid: staged.invalid,
      matched: counts.matched,
      settled,
      failed,
      alreadyResolved,
      amountDifferences: await this.amountDifferences(statementId),
      amountDifferenceCount: counts.amount_difference,
      unmatchedLines: await this.unmatchedLines(statementId),
      unmatchedLineCount: counts.unmatched,
      unmatchedPayments: unmatchedPayments.listed,
      unmatchedPaymentCount: unmatchedPayments.count,
    };
  }

  private async stage(
    statementId: string,
    prefix: string,
    lines: AsyncIterable<string>,
    progress: JobProgress,
  ): Promise<{ lines: number; invalidCount: number; invalid: { lineNo: number; problem: string }[] }> {
    let header = true;
    let count = 0;
    let invalidCount = 0;
    const invalid: { lineNo: number; problem: string }[] = [];
    let batch: StatementLine[] = [];
    // batches are written on two connections while the next is parsed: the parser and two database
    // backends work side by side (a line's match depends on no other line)
    const writing = new Set<Promise<void>>();
    let failure: unknown;
    const flush = async () => {
      const ready = batch;
      const read = count;
      batch = [];
      while (writing.size >= STAGE_WRITERS) await Promise.race(writing);
      if (failure !== undefined) throw failure;
      if (ready.length > 0) {
        const write: Promise<void> = this.stageBatch(statementId, prefix, ready).then(
          () => void writing.delete(write),
          (error: unknown) => {
            writing.delete(write);
            failure ??= error;
          },
        );
        writing.add(write);
      }
      await progress.report(read);
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
    await Promise.all(writing);
    if (failure !== undefined) throw failure;
    await progress.report(count, count);
    return { lines: count, invalidCount, invalid };
  }

  /**
   * Stages a batch of lines, each matched as it is written: its reference names at most one payment
   * (unique), which counts when its claim is within the jurisdiction — matched when the amounts agree,
   * an amount difference when not; unmatched otherwise. Lines already staged (the same statement again)
   * keep their text and are matched again for this request.
   */
  private async stageBatch(statementId: string, prefix: string, batch: readonly StatementLine[]) {
    const { S, pool } = this.payments;
    const { rowCount } = await pool.query(
      `insert into ${S}.statement_lines (statement_id, line_no, reference, amount_fen, value_date, bank_status,
         payment_id, outcome)
       select $1, t.n, t.r, t.a, t.d::date, t.s, ${matchSql('t.a')}
       from unnest($2::int[], $3::text[], $4::bigint[], $5::text[], $6::text[]) as t(n, r, a, d, s)
       left join ${S}.payments p on p.reference = t.r
       left join ${S}.payables c on c.claim_id = p.claim_id and starts_with(c.jurisdiction_code, $7)
       on conflict do nothing`,
      [
        statementId,
        batch.map((l) => l.lineNo),
        batch.map((l) => l.reference),
        batch.map((l) => l.amountFen),
        batch.map((l) => l.valueDate),
        batch.map((l) => (l.reason ? `${l.status}:${l.reason}` : l.status)),
        prefix,
      ],
    );
    if (rowCount === batch.length) return;
    await pool.query(
      `update ${S}.statement_lines s set payment_id = m.payment_id, outcome = m.outcome
       from (select l.line_no, ${matchSql('l.amount_fen')}
             from ${S}.statement_lines l
             left join ${S}.payments p on p.reference = l.reference
             left join ${S}.payables c on c.claim_id = p.claim_id and starts_with(c.jurisdiction_code, $3)
             where l.statement_id = $1 and l.line_no = any($2::int[])) m
       where s.statement_id = $1 and s.line_no = m.line_no`,
      [statementId, batch.map((l) => l.lineNo), prefix],
    );
  }

  /** Lines matched by reference and amount within the jurisdiction, in line order, a page at a time. */
  private async *matchedPages(
    statementId: string,
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
         join ${S}.payments p on p.payment_id = s.payment_id
         join ${S}.payables c on c.claim_id = p.claim_id
         where s.statement_id = $1 and s.line_no > $2 and s.outcome = 'matched' order by s.line_no limit $3`,
        [statementId, after, MATCH_PAGE],
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

  /** How many lines of each outcome (one pass over the statement's lines). */
  private async outcomes(statementId: string): Promise<Record<LineOutcome, number>> {
    const { S, pool } = this.payments;
    const { rows } = await pool.query<{ outcome: LineOutcome; n: string }>(
      `select outcome, count(*) as n from ${S}.statement_lines where statement_id = $1 group by outcome`,
      [statementId],
    );
    const counts = { matched: 0, amount_difference: 0, unmatched: 0 };
    for (const r of rows) counts[r.outcome] = Number(r.n);
    return counts;
  }

  private async amountDifferences(statementId: string) {
    const { S, pool } = this.payments;
    const { rows } = await pool.query<{ reference: string; payment_fen: string; line_fen: string }>(
      `select s.reference, p.amount_fen as payment_fen, s.amount_fen as line_fen
       from ${S}.statement_lines s join ${S}.payments p on p.payment_id = s.payment_id
       where s.statement_id = $1 and s.outcome = 'amount_difference' order by s.line_no limit ${LISTED}`,
      [statementId],
    );
    return rows.map((r) => ({
      reference: r.reference,
      paymentFen: Number(r.payment_fen),
      statementFen: Number(r.line_fen),
    }));
  }

  private async unmatchedLines(statementId: string) {
    const { S, pool } = this.payments;
    const { rows } = await pool.query<{ line_no: number; reference: string; amount_fen: string }>(
      `select line_no, reference, amount_fen from ${S}.statement_lines
       where statement_id = $1 and outcome = 'unmatched' order by line_no limit ${LISTED}`,
      [statementId],
    );
    return rows.map((r) => ({ lineNo: r.line_no, reference: r.reference, amountFen: Number(r.amount_fen) }));
  }

  /**
   * Payments still issued, within the jurisdiction, that no line of the statement names: a set
   * difference (hashed or sorted, never a loop over the lines per payment, whatever the planner
   * believes of lines just staged), counted and the first listed in one statement.
   */
  private async unmatchedPayments(statementId: string, prefix: string) {
    const { S, pool } = this.payments;
    const { rows } = await pool.query<{ reference: string; claim_id: string; amount_fen: string; n: string }>(
      `with unmatched as (
         select p.payment_id from ${S}.payments p join ${S}.payables c on c.claim_id = p.claim_id
         where p.status = 'issued' and starts_with(c.jurisdiction_code, $2)
         except
         select payment_id from ${S}.statement_lines where statement_id = $1 and payment_id is not null)
       select p.reference, p.claim_id, p.amount_fen, count(*) over () as n
       from unmatched u join ${S}.payments p on p.payment_id = u.payment_id
       order by p.reference limit ${LISTED}`,
      [statementId, prefix],
    );
    return {
      count: Number(rows[0]?.n ?? 0),
      listed: rows.map((r) => ({
        reference: r.reference,
        claimId: r.claim_id,
        amountFen: Number(r.amount_fen),
      })),
    };
  }
}

type LineOutcome = 'matched' | 'amount_difference' | 'unmatched';

/**
 * A line's payment and outcome, given the line's amount: its reference's payment `p` (left-joined,
 * the reference is unique) counts when its payable `c` is within the jurisdiction (left-joined on it).
 */
const matchSql = (lineAmount: string) =>
  `case when c.claim_id is null then null else p.payment_id end as payment_id,
   case when c.claim_id is null then 'unmatched' when p.amount_fen = ${lineAmount} then 'matched'
        else 'amount_difference' end as outcome`;
