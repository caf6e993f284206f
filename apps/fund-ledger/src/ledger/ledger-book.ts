// The ledger book (ADR 0007): records a plan as one balanced, append-only transaction in the tables of
// fund-ledger-001, inside the caller's PostgreSQL transaction (the command runner's, so the postings
// commit with the events, or neither does).
//
//   1. claim the idempotency key: a key already recorded with the same content answers its first
//      postings; with other content it is refused (a concurrent writer of the same key waits for the
//      first to commit or roll back, on the unique index);
//   2. lock every single-row account the plan touches, in account order (the same total order for
//      every writer, so writers never deadlock), reading their balances;
//   3. draw the postings from those balances (the plan refuses when short) and apply them: postings
//      appended, balances moved — a striped account (the bank) on one of its rows, chosen by the
//      transaction's sequence number, so that writers touching it do not wait for each other.
//
// The floor of every floored account is also a CHECK on its balance row: a writer that skipped step 2
// would fail in the database, not overdraw.
import { jsonDigest } from '@jineng/ddd';
import type { JsonObject } from '@jineng/event-store';
import { quoteSchema } from '@jineng/event-store';
import type { Pool, PoolClient } from 'pg';
import { ACCOUNT_RULES, naturalBalance, parseAccount, rulesOf } from './domain/accounts';
import { IdempotencyKeyReused } from './domain/ledger.errors';
import { assertBalanced, type LedgerPlan, type Posting } from './domain/ledger-plans';

export interface LedgerEntry {
  /** the idempotency key: the business fact it records (`earmark:<classId>`, `inflow:<id>`…) */
  readonly key: string;
  /** what kind of movement (`inflow`, `allocation`, `earmark`, `commitment`, …) */
  readonly kind: string;
  /** what the request asked, without balances: the same key with other content is refused */
  readonly content: JsonObject;
  /** why: command id, actor, claim / class / document reference */
  readonly cause: JsonObject;
  /** the Asia/Shanghai calendar day it is booked on (YYYY-MM-DD) */
  readonly bookedOn: string;
  readonly plan: LedgerPlan;
}

export interface PostedTransaction {
  readonly seq: number;
  readonly key: string;
  readonly postings: readonly Posting[];
  /** true when the key was recorded before with the same content: this is the first result */
  readonly idempotent: boolean;
}

export interface LedgerVerification {
  readonly ok: boolean;
  readonly transactions: number;
  readonly postings: number;
  /** Σ of every posting: zero */
  readonly trialBalanceFen: number;
  readonly unbalancedTransactions: readonly { seq: number; sumFen: number }[];
  /** accounts whose balance rows differ from the fold of their postings */
  readonly balanceMismatches: readonly { account: string; balanceFen: number; foldFen: number }[];
  /** floored accounts below zero on their normal side */
  readonly negativeBalances: readonly { account: string; naturalFen: number }[];
  /** jurisdiction-source pairs whose committed account differs from the sum of their expense accounts */
  readonly commitmentMismatches: readonly {
    jurisdiction: string;
    source: string;
    committedFen: number;
    expenseFen: number;
  }[];
}

const toNumber = (value: string | number | null): number => {
  const n = Number(value ?? 0);
  if (!Number.isSafeInteger(n))
    throw new RangeError(`ledger amount ${String(value)} is beyond a safe integer`);
  return n;
};

export class LedgerBook {
  private readonly S: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.S = quoteSchema(schema);
  }

  /** Records `entry` on `tx` (an open transaction); see the steps above. */
  async post(tx: PoolClient, entry: LedgerEntry): Promise<PostedTransaction> {
    const { S } = this;
    const digest = jsonDigest({ kind: entry.kind, content: entry.content });
    const claimed = await tx.query<{ seq: string }>(
      `insert into ${S}.ledger_transactions (idempotency_key, content_digest, kind, cause, booked_on)
       values ($1, $2, $3, $4, $5) on conflict (idempotency_key) do nothing returning seq`,
      [entry.key, digest, entry.kind, entry.cause, entry.bookedOn],
    );
    if (claimed.rows.length === 0) return this.firstResult(tx, entry, digest);
    const seq = toNumber(claimed.rows[0]!.seq);

    const locked = [...new Set(entry.plan.reads)].sort();
    for (const account of locked) {
      if (rulesOf(account).stripes !== 1)
        throw new TypeError(`a plan cannot lock the striped account ${account}`);
    }
    const balances = await this.lock(tx, locked);
    const postings = entry.plan.draw(balances);
    if (postings.length === 0) return { seq, key: entry.key, postings, idempotent: false };
    assertBalanced(postings);
    const lockedSet = new Set(locked);
    for (const { account } of postings) {
      if (rulesOf(account).stripes === 1 && !lockedSet.has(account)) {
        throw new TypeError(`plan ${entry.kind} posts on ${account}, which it did not name among its reads`);
      }
    }
    // single-row accounts in account order (all locked already), then striped ones (on one row each)
    const ordered = [...postings].sort((a, b) => {
      const sa = rulesOf(a.account).stripes > 1 ? 1 : 0;
      const sb = rulesOf(b.account).stripes > 1 ? 1 : 0;
      return sa - sb || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0);
    });
    await tx.query(`select ${S}.ledger_apply($1, $2, $3::text[], $4::bigint[], $5::smallint[])`, [
      seq,
      entry.bookedOn,
      ordered.map((p) => p.account),
      ordered.map((p) => p.amountFen),
      ordered.map((p) => seq % rulesOf(p.account).stripes),
    ]);
    return { seq, key: entry.key, postings: ordered, idempotent: false };
  }

  /** Natural balances (positive on the normal side) of the accounts, 0 for one never opened. */
  async balances(
    accounts: readonly string[],
    on: Pick<Pool, 'query'> = this.pool,
  ): Promise<Map<string, number>> {
    const { rows } = await on.query<{ account_id: string; balance: string }>(
      `select account_id, sum(balance) as balance from ${this.S}.ledger_balances
       where account_id = any($1::text[]) group by account_id`,
      [accounts],
    );
    const found = new Map(rows.map((r) => [r.account_id, toNumber(r.balance)]));
    return new Map(accounts.map((a) => [a, naturalBalance(a, found.get(a) ?? 0)]));
  }

  /** Natural balances of every account whose id starts with `prefix` (e.g. `earmark:530300:`). */
  async balancesByPrefix(prefix: string): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ account_id: string; balance: string }>(
      `select account_id, sum(balance) as balance from ${this.S}.ledger_balances
       where starts_with(account_id, $1) group by account_id order by account_id`,
      [prefix],
    );
    return new Map(rows.map((r) => [r.account_id, naturalBalance(r.account_id, toNumber(r.balance))]));
  }

  /** The postings of one transaction by its idempotency key (undefined when never recorded). */
  async transaction(key: string): Promise<PostedTransaction | undefined> {
    const { rows } = await this.pool.query<{ seq: string }>(
      `select seq from ${this.S}.ledger_transactions where idempotency_key = $1`,
      [key],
    );
    if (rows.length === 0) return undefined;
    const seq = toNumber(rows[0]!.seq);
    return { seq, key, postings: await this.postingsOf(this.pool, seq), idempotent: true };
  }

  /**
   * verifyLedger: every transaction balances, the trial balance is zero, every account's balance
   * equals the fold of its postings, no floored account is below zero, and each jurisdiction-source's
   * committed net assets equal its expense accounts' total.
   */
  async verify(): Promise<LedgerVerification> {
    const { S } = this;
    const client = await this.pool.connect();
    try {
      // one snapshot for every figure
      await client.query('begin isolation level repeatable read read only');
      const counts = await client.query<{ transactions: string; postings: string; total: string | null }>(
        `select (select count(*) from ${S}.ledger_transactions) as transactions,
                (select count(*) from ${S}.ledger_postings) as postings,
                (select sum(amount_fen) from ${S}.ledger_postings) as total`,
      );
      const unbalanced = await client.query<{ seq: string; sum: string }>(
        `select transaction_seq as seq, sum(amount_fen) as sum from ${S}.ledger_postings
         group by transaction_seq having sum(amount_fen) <> 0 order by 1 limit 100`,
      );
      const folds = await client.query<{ account_id: string; balance: string | null; fold: string | null }>(
        `with p as (select account_id, sum(amount_fen) as fold from ${S}.ledger_postings group by account_id),
              b as (select account_id, sum(balance) as balance from ${S}.ledger_balances group by account_id)
         select coalesce(b.account_id, p.account_id) as account_id, b.balance, p.fold
         from b full join p on p.account_id = b.account_id order by 1`,
      );
      await client.query('commit');
      const mismatches: { account: string; balanceFen: number; foldFen: number }[] = [];
      const negatives: { account: string; naturalFen: number }[] = [];
      const committed = new Map<string, number>();
      const expense = new Map<string, number>();
      for (const row of folds.rows) {
        const balanceFen = toNumber(row.balance);
        const foldFen = toNumber(row.fold);
        if (balanceFen !== foldFen) mismatches.push({ account: row.account_id, balanceFen, foldFen });
        const parsed = parseAccount(row.account_id);
        const natural = naturalBalance(row.account_id, balanceFen);
        if (ACCOUNT_RULES[parsed.kind].floored && natural < 0) {
          negatives.push({ account: row.account_id, naturalFen: natural });
        }
        const pair = `${parsed.jurisdiction}:${parsed.source}`;
        if (parsed.kind === 'committed') committed.set(pair, (committed.get(pair) ?? 0) + natural);
        if (parsed.kind === 'expense') expense.set(pair, (expense.get(pair) ?? 0) + natural);
      }
      const commitmentMismatches = [...new Set([...committed.keys(), ...expense.keys()])]
        .filter((pair) => (committed.get(pair) ?? 0) !== (expense.get(pair) ?? 0))
        .map((pair) => {
          const [jurisdiction, source] = pair.split(':') as [string, string];
          return {
            jurisdiction,
            source,
            committedFen: committed.get(pair) ?? 0,
            expenseFen: expense.get(pair) ?? 0,
          };
        });
      const trialBalanceFen = toNumber(counts.rows[0]!.total);
      const unbalancedTransactions = unbalanced.rows.map((r) => ({
        seq: toNumber(r.seq),
        sumFen: toNumber(r.sum),
      }));
      return {
        ok:
          trialBalanceFen === 0 &&
          unbalancedTransactions.length === 0 &&
          mismatches.length === 0 &&
          negatives.length === 0 &&
          commitmentMismatches.length === 0,
        transactions: toNumber(counts.rows[0]!.transactions),
        postings: toNumber(counts.rows[0]!.postings),
        trialBalanceFen,
        unbalancedTransactions,
        balanceMismatches: mismatches,
        negativeBalances: negatives,
        commitmentMismatches,
      };
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async lock(tx: PoolClient, accounts: readonly string[]): Promise<Map<string, number>> {
    if (accounts.length === 0) return new Map();
    const rules = accounts.map((a) => ({ kind: parseAccount(a).kind, ...rulesOf(a) }));
    const { rows } = await tx.query<{ account_id: string; balance: string }>(
      `select account_id, balance from ${this.S}.ledger_lock($1::text[], $2::text[], $3::smallint[], $4::boolean[], $5::smallint[])`,
      [
        accounts,
        rules.map((r) => r.kind),
        rules.map((r) => r.normal),
        rules.map((r) => r.floored),
        rules.map((r) => r.stripes),
      ],
    );
    const found = new Map(rows.map((r) => [r.account_id, toNumber(r.balance)]));
    return new Map(accounts.map((a) => [a, naturalBalance(a, found.get(a) ?? 0)]));
  }

  private async firstResult(tx: PoolClient, entry: LedgerEntry, digest: string): Promise<PostedTransaction> {
    const { rows } = await tx.query<{ seq: string; content_digest: string; kind: string }>(
      `select seq, content_digest, kind from ${this.S}.ledger_transactions where idempotency_key = $1`,
      [entry.key],
    );
    const first = rows[0];
    if (!first) throw new Error(`ledger key ${entry.key} was claimed by a transaction that is not visible`);
    if (first.content_digest !== digest) throw new IdempotencyKeyReused({ key: entry.key, kind: first.kind });
    const seq = toNumber(first.seq);
    return { seq, key: entry.key, postings: await this.postingsOf(tx, seq), idempotent: true };
  }

  private async postingsOf(on: Pick<Pool, 'query'>, seq: number): Promise<Posting[]> {
    const { rows } = await on.query<{ account_id: string; amount_fen: string }>(
      `select account_id, amount_fen from ${this.S}.ledger_postings where transaction_seq = $1 order by account_id`,
      [seq],
    );
    return rows.map((r) => ({ account: r.account_id, amountFen: toNumber(r.amount_fen) }));
  }
}
