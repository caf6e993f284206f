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
//
// Group commit (ADR 0023): `postMany` records many entries in one transaction with the same three
// steps, each set-based — the keys claimed in key order and the accounts locked in account order by one
// statement (`ledger_claim`), every entry drawn in its turn on the balances its predecessors left, the
// postings of all appended and each balance row moved once by another (`ledger_apply_batch`). Each
// entry is judged on its own: a refusal (or any throw of its plan) is its outcome alone — the batch
// goes back to a savepoint and is posted again without it, as if it had been decided first and
// refused; a key used twice in one batch is taken in a later round of the same transaction, where it
// finds the first. `lane()` batches concurrent writers' entries that way, one transaction a batch.
import { jsonDigest } from '@jineng/ddd';
import type { JsonObject } from '@jineng/event-store';
import { inTransaction, quoteSchema } from '@jineng/event-store';
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

/** What `postMany` did with one entry: posted (or the first result of its key), or its own refusal. */
export type PostingOutcome =
  { readonly ok: true; readonly posted: PostedTransaction } | { readonly ok: false; readonly error: unknown };

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

/** An account's kind and rules, remembered: the group path asks for them several times an entry. */
const knownRules = new Map<string, { kind: string; normal: number; floored: boolean; stripes: number }>();
function ruleOf(account: string): { kind: string; normal: number; floored: boolean; stripes: number } {
  let known = knownRules.get(account);
  if (!known) {
    if (knownRules.size >= 50_000) knownRules.clear();
    const { normal, floored, stripes } = rulesOf(account);
    known = { kind: parseAccount(account).kind, normal, floored, stripes };
    knownRules.set(account, known);
  }
  return known;
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
    const ordered = sortedPostings(postings);
    await tx.query(`select ${S}.ledger_apply($1, $2, $3::text[], $4::bigint[], $5::smallint[])`, [
      seq,
      entry.bookedOn,
      ordered.map((p) => p.account),
      ordered.map((p) => p.amountFen),
      ordered.map((p) => seq % rulesOf(p.account).stripes),
    ]);
    return { seq, key: entry.key, postings: ordered, idempotent: false };
  }

  /**
   * Records `entries` on `tx` (an open transaction) as one group: the outcome of each, in order. Entries
   * are decided in the order given, each on the balances the entries before it left — the outcomes and
   * balances are those of posting them one by one; one refused (or reusing a key with other content)
   * fails alone. Throws only when the database fails the group.
   */
  async postMany(tx: PoolClient, entries: readonly LedgerEntry[]): Promise<PostingOutcome[]> {
    const outcomes: PostingOutcome[] = new Array<PostingOutcome>(entries.length);
    let pending = entries.map((_, i) => i);
    while (pending.length > 0) {
      // a round ends before the first key it already holds: that entry starts the next round (same
      // transaction), where it finds the first — every entry decided after those before it, in order
      const keys = new Set<string>();
      let end = 0;
      while (end < pending.length && !keys.has(entries[pending[end]!]!.key)) {
        keys.add(entries[pending[end]!]!.key);
        end++;
      }
      const round = pending.slice(0, end);
      const later = pending.slice(end);
      await this.postRound(tx, entries, round, outcomes);
      pending = later;
    }
    return outcomes;
  }

  /** A group-commit lane on this book's pool: `lane.post(entry)` joins the next batch (see PostingLane). */
  lane(options: Partial<PostingLaneOptions> = {}): PostingLane {
    return new PostingLane(this, this.pool, { maxBatch: 1_000, maxInFlight: 1, ...options });
  }

  /**
   * Posts the entries of `round` (their keys distinct) on `tx`, in two round trips: the claim (after
   * `steps.opening`) and the postings (before `steps.closing`). A refused entry's key must not stay
   * claimed, nor may the others have drawn on what it left: `steps.restarting` takes the transaction
   * back to where the round began. By default a savepoint in the caller's transaction.
   */
  async postRound(
    tx: PoolClient,
    entries: readonly LedgerEntry[],
    round: readonly number[],
    outcomes: PostingOutcome[],
    steps: RoundSteps = {
      opening: 'savepoint ledger_group',
      restarting: 'rollback to savepoint ledger_group',
    },
  ): Promise<void> {
    const { S } = this;
    const prepared = new Map<number, { digest: string; reads: string[] }>();
    for (const i of round) {
      const entry = entries[i]!;
      const reads = [...new Set(entry.plan.reads)].sort();
      const striped = reads.find((account) => ruleOf(account).stripes !== 1);
      if (striped !== undefined) {
        outcomes[i] = {
          ok: false,
          error: new TypeError(`a plan cannot lock the striped account ${striped}`),
        };
        continue;
      }
      prepared.set(i, { digest: jsonDigest({ kind: entry.kind, content: entry.content }), reads });
    }
    let live = [...prepared.keys()];
    let before = steps.opening;
    // statements sent as one (simple protocol): the group travels as one JSON literal
    const send = async <R>(statements: (string | undefined)[]): Promise<R[]> => {
      const results = await tx.query(statements.filter((x) => x !== undefined).join(';\n'));
      const last = (Array.isArray(results) ? results : [results]) as { rows: R[]; command: string }[];
      return last.find((r) => r.command === 'SELECT')?.rows ?? [];
    };
    const literal = (value: unknown) => {
      const json = JSON.stringify(value);
      // dollar-quoted: read as written, whatever the escapes of JSON
      return json.includes('$ledger$') ? tx.escapeLiteral(json) : `$ledger$${json}$ledger$`;
    };
    for (;;) {
      if (live.length === 0) {
        if (before !== steps.opening || steps.closing) await send([before, steps.closing]);
        return;
      }
      const group = live.map((i) => ({ i, entry: entries[i]!, ...prepared.get(i)! }));
      const rows = await send<{
        key: string | null;
        seq: string | null;
        claimed: boolean | null;
        digest: string | null;
        kind: string | null;
        postings: [string, number][] | null;
        account_id: string | null;
        balance: string | null;
      }>([
        before,
        `select * from ${S}.ledger_claim(${literal({
          entries: group.map((g) => ({
            key: g.entry.key,
            digest: g.digest,
            kind: g.entry.kind,
            cause: g.entry.cause,
            bookedOn: g.entry.bookedOn,
          })),
          reads: group.flatMap((g) =>
            g.reads.map((account) => ({
              account,
              key: g.entry.key,
              ...ruleOf(account),
            })),
          ),
        })}::jsonb)`,
      ]);
      const claimed = new Map<string, number>();
      const recorded = new Map<string, { seq: number; digest: string; kind: string; postings: Posting[] }>();
      const held = new Map<string, number>(); // signed balances of the locked accounts
      for (const row of rows) {
        if (row.account_id !== null) held.set(row.account_id, toNumber(row.balance));
        else if (row.claimed) claimed.set(row.key!, toNumber(row.seq));
        else {
          recorded.set(row.key!, {
            seq: toNumber(row.seq),
            digest: row.digest!,
            kind: row.kind!,
            postings: (row.postings ?? []).map(([account, amountFen]) => ({
              account,
              amountFen: toNumber(amountFen),
            })),
          });
        }
      }
      const drawn: { i: number; seq: number; entry: LedgerEntry; postings: Posting[] }[] = [];
      const answered: { i: number; outcome: PostingOutcome }[] = [];
      const failed: { i: number; error: unknown }[] = [];
      for (const g of group) {
        const { key } = g.entry;
        const seq = claimed.get(key);
        if (seq === undefined) {
          const first = recorded.get(key);
          if (!first) throw new Error(`ledger key ${key} was claimed by a transaction that is not visible`);
          answered.push({
            i: g.i,
            outcome:
              first.digest === g.digest
                ? { ok: true, posted: { seq: first.seq, key, postings: first.postings, idempotent: true } }
                : { ok: false, error: new IdempotencyKeyReused({ key, kind: first.kind }) },
          });
          continue;
        }
        try {
          const balances = new Map(g.reads.map((a) => [a, (held.get(a) ?? 0) * ruleOf(a).normal]));
          const postings = [...g.entry.plan.draw(balances)];
          if (postings.length > 0) assertBalanced(postings);
          const readSet = new Set(g.reads);
          for (const { account } of postings) {
            if (ruleOf(account).stripes === 1 && !readSet.has(account)) {
              throw new TypeError(
                `plan ${g.entry.kind} posts on ${account}, which it did not name among its reads`,
              );
            }
          }
          for (const { account, amountFen } of postings) {
            if (ruleOf(account).stripes === 1) held.set(account, (held.get(account) ?? 0) + amountFen);
          }
          drawn.push({ i: g.i, seq, entry: g.entry, postings: sortedPostings(postings) });
        } catch (error) {
          failed.push({ i: g.i, error });
        }
      }
      if (failed.length > 0) {
        // back to where the round began, the rest posted again without the refused
        for (const { i, error } of failed) outcomes[i] = { ok: false, error };
        const out = new Set(failed.map((f) => f.i));
        live = live.filter((i) => !out.has(i));
        before = steps.restarting;
        continue;
      }
      const withPostings = drawn.filter((d) => d.postings.length > 0);
      // a striped account takes the whole group's postings on one of its rows
      const firstSeq = Math.min(...withPostings.map((d) => d.seq));
      await send([
        withPostings.length > 0
          ? `select ${S}.ledger_apply_batch(${literal(
              withPostings.flatMap((d) =>
                d.postings.map((p) => ({
                  seq: d.seq,
                  bookedOn: d.entry.bookedOn,
                  account: p.account,
                  amountFen: p.amountFen,
                  stripe: firstSeq % ruleOf(p.account).stripes,
                })),
              ),
            )}::jsonb)`
          : undefined,
        steps.closing,
      ]);
      for (const { i, outcome } of answered) outcomes[i] = outcome;
      for (const d of drawn) {
        outcomes[d.i] = {
          ok: true,
          posted: { seq: d.seq, key: d.entry.key, postings: d.postings, idempotent: false },
        };
      }
      return;
    }
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

/** Single-row accounts in account order (all locked already), then striped ones (on one row each). */
function sortedPostings(postings: readonly Posting[]): Posting[] {
  return [...postings].sort((a, b) => {
    const sa = ruleOf(a.account).stripes > 1 ? 1 : 0;
    const sb = ruleOf(b.account).stripes > 1 ? 1 : 0;
    return sa - sb || (a.account < b.account ? -1 : a.account > b.account ? 1 : 0);
  });
}

/** Statements sent with a round's claim, with a restart's claim, and with its postings. */
export interface RoundSteps {
  readonly opening?: string;
  readonly restarting?: string;
  readonly closing?: string;
}

export interface PostingLaneOptions {
  /** entries in one transaction at most */
  readonly maxBatch: number;
  /** transactions of the lane at once; the entries that come meanwhile wait and go together */
  readonly maxInFlight: number;
}

/**
 * Group commit for the ledger's writers in one process (ADR 0023): `post(entry)` goes out at once when
 * the lane is free; while it is busy, the entries that come queue and the next transaction posts them
 * together (`LedgerBook.postMany`) — one commit, two set-based statements, for many writers. Each
 * caller's promise settles after the commit that holds its entry, with its own outcome: a refusal
 * rejects only its caller. Should the database fail a whole batch (a lost connection, a deadlock), its
 * entries are posted again one by one, so that one cannot fail the others.
 */
export class PostingLane {
  private readonly queue: {
    entry: LedgerEntry;
    resolve: (posted: PostedTransaction) => void;
    reject: (error: unknown) => void;
  }[] = [];
  private inFlight = 0;
  private batches = 0;
  private entries = 0;

  constructor(
    private readonly book: LedgerBook,
    private readonly pool: Pool,
    private readonly options: PostingLaneOptions,
  ) {}

  /** Records `entry` in the next batch's transaction; its result once that transaction committed. */
  post(entry: LedgerEntry): Promise<PostedTransaction> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.pump();
    });
  }

  /** transactions sent and entries they held, so far */
  stats(): { batches: number; entries: number } {
    return { batches: this.batches, entries: this.entries };
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      // a batch ends before the first key it already holds: that entry and those after it wait for the
      // next batch, which finds the first (entries are decided in the order they came)
      const keys = new Set<string>();
      let end = 0;
      while (
        end < this.queue.length &&
        end < this.options.maxBatch &&
        !keys.has(this.queue[end]!.entry.key)
      ) {
        keys.add(this.queue[end]!.entry.key);
        end++;
      }
      const batch = this.queue.slice(0, end);
      const rest = this.queue.slice(end);
      this.queue.splice(0, this.queue.length, ...rest);
      this.inFlight++;
      this.batches++;
      this.entries += batch.length;
      // the lane is free again only once the callers of this batch have run on (after the microtasks):
      // their next entries then go together, rather than the first alone and the rest after it
      void this.send(batch).finally(() =>
        setImmediate(() => {
          this.inFlight--;
          this.pump();
        }),
      );
    }
  }

  private async send(batch: PostingLane['queue']): Promise<void> {
    const entries = batch.map((w) => w.entry);
    const outcomes: PostingOutcome[] = new Array<PostingOutcome>(entries.length);
    let tx: PoolClient | undefined;
    try {
      tx = await this.pool.connect();
      // the lane's own transaction, its keys distinct (see pump): begun with the claim, committed with
      // the postings; a refusal restarts it
      await this.book.postRound(
        tx,
        entries,
        entries.map((_, i) => i),
        outcomes,
        { opening: 'begin', restarting: 'rollback;\nbegin', closing: 'commit' },
      );
      tx.release();
    } catch (error) {
      if (tx) {
        await tx.query('rollback').catch(() => undefined);
        tx.release(true);
      }
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const waiting of batch) {
        try {
          waiting.resolve(await inTransaction(this.pool, (alone) => this.book.post(alone, waiting.entry)));
        } catch (alone) {
          waiting.reject(alone);
        }
      }
      return;
    }
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) batch[i]!.resolve(outcome.posted);
      else batch[i]!.reject(outcome.error);
    });
  }
}
