// The payment side's tables (fund-ledger-003): payables per committed claim, payment lines, statement
// lines. Every write runs in the transaction of the events it follows from.
import { quoteSchema } from '@jineng/event-store';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { PaymentFileLine } from './domain/bank-files';

export interface OpenPayable {
  readonly claimId: string;
  readonly classId?: string;
  readonly jurisdictionCode: string;
  readonly fundSource: string;
  readonly payeeId: string;
  readonly payeeKind: string;
  readonly subsidyKind: string;
  readonly amountFen: number;
  readonly committedOn: string;
  /** the payee's current bank account (fund-ledger-payees), by its digest; absent: none known yet */
  readonly payeeAccountDigest?: string;
}

/** A payment file line's payee account, still sealed: opened only as the file is written. */
export interface SealedPaymentAccount {
  readonly sealedAccount: string;
  readonly bankCode: string;
}

export interface PaymentRow {
  readonly paymentId: string;
  readonly batchId: string;
  readonly claimId: string;
  readonly reference: string;
  readonly amountFen: number;
  readonly status: 'issued' | 'settled' | 'failed';
  readonly jurisdictionCode: string;
  readonly fundSource: string;
  readonly payeeId: string;
  readonly payeeKind: string;
  readonly subsidyKind: string;
}

interface PaymentSqlRow {
  payment_id: string;
  batch_id: string;
  claim_id: string;
  reference: string;
  amount_fen: string;
  status: PaymentRow['status'];
  jurisdiction_code: string;
  fund_source: string;
  payee_id: string;
  payee_kind: string;
  subsidy_kind: string;
}

const toPayment = (r: PaymentSqlRow): PaymentRow => ({
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
});

@Injectable()
export class PaymentStore {
  readonly S: string;

  constructor(
    @Inject(PG_POOL) readonly pool: Pool,
    @Inject(SERVICE_CONFIG) config: ServiceConfig,
  ) {
    this.S = quoteSchema(config.schema);
  }

  async open(tx: PoolClient, payable: OpenPayable): Promise<void> {
    await tx.query(
      `insert into ${this.S}.payables (claim_id, class_id, jurisdiction_code, fund_source, payee_id, payee_kind,
         subsidy_kind, amount_fen, status, committed_on)
       values ($1, $2, $3, $4, $5, $6, $7, $8, 'open', $9)`,
      [
        payable.claimId,
        payable.classId ?? null,
        payable.jurisdictionCode,
        payable.fundSource,
        payable.payeeId,
        payable.payeeKind,
        payable.subsidyKind,
        payable.amountFen,
        payable.committedOn,
      ],
    );
  }

  /** Open payables of a source within a jurisdiction (its code or below), oldest first. */
  async openPayables(fundSource: string, jurisdictionPrefix: string, limit: number): Promise<OpenPayable[]> {
    const { rows } = await this.pool.query<{
      claim_id: string;
      class_id: string | null;
      jurisdiction_code: string;
      fund_source: string;
      payee_id: string;
      payee_kind: string;
      subsidy_kind: string;
      amount_fen: string;
      committed_on: string;
      account_digest: string | null;
    }>(
      `select c.claim_id, c.class_id, c.jurisdiction_code, c.fund_source, c.payee_id, c.payee_kind, c.subsidy_kind,
              c.amount_fen, to_char(c.committed_on, 'YYYY-MM-DD') as committed_on, a.account_digest
       from ${this.S}.payables c left join ${this.S}.payee_accounts a using (payee_id)
       where c.status = 'open' and c.fund_source = $1 and starts_with(c.jurisdiction_code, $2)
       order by c.committed_on, c.claim_id limit $3`,
      [fundSource, jurisdictionPrefix, limit],
    );
    return rows.map((r) => ({
      claimId: r.claim_id,
      ...(r.class_id ? { classId: r.class_id } : {}),
      jurisdictionCode: r.jurisdiction_code,
      fundSource: r.fund_source,
      payeeId: r.payee_id,
      payeeKind: r.payee_kind,
      subsidyKind: r.subsidy_kind,
      amountFen: Number(r.amount_fen),
      committedOn: r.committed_on,
      ...(r.account_digest ? { payeeAccountDigest: r.account_digest } : {}),
    }));
  }

  /** Marks the claims in payment and records their lines; false when one was taken meanwhile. */
  async issue(
    tx: PoolClient,
    batchId: string,
    issuedOn: string,
    lines: readonly {
      paymentId: string;
      claimId: string;
      reference: string;
      amountFen: number;
      payeeAccountDigest: string;
    }[],
  ): Promise<boolean> {
    const claims = lines.map((l) => l.claimId);
    const taken = await tx.query(
      `update ${this.S}.payables set status = 'in_payment' where claim_id = any($1::text[]) and status = 'open'`,
      [claims],
    );
    if (taken.rowCount !== lines.length) return false;
    await tx.query(
      `insert into ${this.S}.payments (payment_id, batch_id, claim_id, reference, amount_fen, status, issued_on, payee_account_digest)
       select p, $1, c, r, a, 'issued', $2, d
       from unnest($3::uuid[], $4::text[], $5::text[], $6::bigint[], $7::text[]) as t(p, c, r, a, d)`,
      [
        batchId,
        issuedOn,
        lines.map((l) => l.paymentId),
        claims,
        lines.map((l) => l.reference),
        lines.map((l) => l.amountFen),
        lines.map((l) => l.payeeAccountDigest),
      ],
    );
    return true;
  }

  async payment(paymentId: string, on: Pick<Pool, 'query'> = this.pool): Promise<PaymentRow | undefined> {
    const { rows } = await on.query<PaymentSqlRow>(
      `select p.payment_id, p.batch_id, p.claim_id, p.reference, p.amount_fen, p.status,
              c.jurisdiction_code, c.fund_source, c.payee_id, c.payee_kind, c.subsidy_kind
       from ${this.S}.payments p join ${this.S}.payables c using (claim_id) where p.payment_id = $1`,
      [paymentId],
    );
    return rows[0] ? toPayment(rows[0]) : undefined;
  }

  async settle(tx: PoolClient, paymentId: string, settledOn: string): Promise<void> {
    const updated = await tx.query(
      `update ${this.S}.payments set status = 'settled', settled_on = $2 where payment_id = $1 and status = 'issued'`,
      [paymentId, settledOn],
    );
    if (updated.rowCount !== 1) throw new Error(`payment ${paymentId} is not issued`);
    await tx.query(
      `update ${this.S}.payables set status = 'paid' where claim_id = (select claim_id from ${this.S}.payments where payment_id = $1)`,
      [paymentId],
    );
  }

  /** `settle` for many payments at once (one statement each for payments and payables). */
  async settleMany(
    tx: PoolClient,
    items: readonly { paymentId: string; settledOn: string }[],
  ): Promise<void> {
    if (items.length === 0) return;
    const { rows } = await tx.query<{ claim_id: string }>(
      `update ${this.S}.payments p set status = 'settled', settled_on = t.d::date
       from unnest($1::uuid[], $2::text[]) as t(id, d)
       where p.payment_id = t.id and p.status = 'issued' returning p.claim_id`,
      [items.map((i) => i.paymentId), items.map((i) => i.settledOn)],
    );
    if (rows.length !== items.length)
      throw new Error(`${items.length - rows.length} payments are not issued`);
    await tx.query(`update ${this.S}.payables set status = 'paid' where claim_id = any($1::text[])`, [
      rows.map((r) => r.claim_id),
    ]);
  }

  /** `fail` for many payments at once: the claims owed again. */
  async failMany(tx: PoolClient, items: readonly { paymentId: string; reason: string }[]): Promise<void> {
    if (items.length === 0) return;
    const { rows } = await tx.query<{ claim_id: string }>(
      `update ${this.S}.payments p set status = 'failed', failure_reason = t.r
       from unnest($1::uuid[], $2::text[]) as t(id, r)
       where p.payment_id = t.id and p.status = 'issued' returning p.claim_id`,
      [items.map((i) => i.paymentId), items.map((i) => i.reason)],
    );
    if (rows.length !== items.length)
      throw new Error(`${items.length - rows.length} payments are not issued`);
    await tx.query(`update ${this.S}.payables set status = 'open' where claim_id = any($1::text[])`, [
      rows.map((r) => r.claim_id),
    ]);
  }

  async fail(tx: PoolClient, paymentId: string, reason: string): Promise<void> {
    const updated = await tx.query(
      `update ${this.S}.payments set status = 'failed', failure_reason = $2 where payment_id = $1 and status = 'issued'`,
      [paymentId, reason],
    );
    if (updated.rowCount !== 1) throw new Error(`payment ${paymentId} is not issued`);
    // owed again: the next batch pays it
    await tx.query(
      `update ${this.S}.payables set status = 'open' where claim_id = (select claim_id from ${this.S}.payments where payment_id = $1)`,
      [paymentId],
    );
  }

  /** The settled payment of a claim, if any. */
  async settledPaymentOf(claimId: string): Promise<PaymentRow | undefined> {
    const { rows } = await this.pool.query<PaymentSqlRow>(
      `select p.payment_id, p.batch_id, p.claim_id, p.reference, p.amount_fen, p.status,
              c.jurisdiction_code, c.fund_source, c.payee_id, c.payee_kind, c.subsidy_kind
       from ${this.S}.payments p join ${this.S}.payables c using (claim_id)
       where p.claim_id = $1 and p.status = 'settled'`,
      [claimId],
    );
    return rows[0] ? toPayment(rows[0]) : undefined;
  }

  /** The payment file's lines of these payments, in reference order. */
  /** The lines of a payment file, each with the payee account it was issued to (still sealed). */
  async paymentFileLines(
    paymentIds: readonly string[],
  ): Promise<(Omit<PaymentFileLine, 'accountName' | 'accountNumber' | 'bankCode'> & SealedPaymentAccount)[]> {
    const { rows } = await this.pool.query<PaymentSqlRow & { sealed_account: string; bank_code: string }>(
      `select p.payment_id, p.batch_id, p.claim_id, p.reference, p.amount_fen, p.status,
              c.jurisdiction_code, c.fund_source, c.payee_id, c.payee_kind, c.subsidy_kind,
              v.sealed_account, v.bank_code
       from ${this.S}.payments p join ${this.S}.payables c using (claim_id)
       join ${this.S}.payee_account_versions v on v.payee_id = c.payee_id and v.account_digest = p.payee_account_digest
       where p.payment_id = any($1::uuid[]) order by p.reference`,
      [paymentIds],
    );
    return rows.map((r) => ({ ...toPayment(r), sealedAccount: r.sealed_account, bankCode: r.bank_code }));
  }

  /** Adds a recovery to a paid claim, never beyond what was paid; the figures when it would be. */
  async recover(
    tx: PoolClient,
    claimId: string,
    amountFen: number,
  ): Promise<{ ok: true } | { ok: false; figures: { paidFen: number; recoveredFen: number } }> {
    const { rows } = await tx.query<{ amount_fen: string; recovered_fen: string }>(
      `select amount_fen, recovered_fen from ${this.S}.payables where claim_id = $1 for update`,
      [claimId],
    );
    const row = rows[0];
    if (!row) return { ok: false, figures: { paidFen: 0, recoveredFen: 0 } };
    const paidFen = Number(row.amount_fen);
    const recoveredFen = Number(row.recovered_fen);
    if (recoveredFen + amountFen > paidFen) return { ok: false, figures: { paidFen, recoveredFen } };
    await tx.query(`update ${this.S}.payables set recovered_fen = recovered_fen + $2 where claim_id = $1`, [
      claimId,
      amountFen,
    ]);
    return { ok: true };
  }

  /** Classes of a jurisdiction's source with a commitment: their earmarks were claimed. */
  async claimedClasses(jurisdictionCode: string, fundSource: string): Promise<Set<string>> {
    const { rows } = await this.pool.query<{ class_id: string }>(
      `select distinct class_id from ${this.S}.payables
       where jurisdiction_code = $1 and fund_source = $2 and class_id is not null`,
      [jurisdictionCode, fundSource],
    );
    return new Set(rows.map((r) => r.class_id));
  }

  /** The payment ids of a batch and the jurisdictions of their claims. */
  async batch(batchId: string): Promise<{ paymentIds: string[]; jurisdictions: string[] }> {
    const { rows } = await this.pool.query<{ payment_id: string; jurisdiction_code: string }>(
      `select p.payment_id, c.jurisdiction_code from ${this.S}.payments p join ${this.S}.payables c using (claim_id)
       where p.batch_id = $1`,
      [batchId],
    );
    return {
      paymentIds: rows.map((r) => r.payment_id),
      jurisdictions: [...new Set(rows.map((r) => r.jurisdiction_code))],
    };
  }
}
