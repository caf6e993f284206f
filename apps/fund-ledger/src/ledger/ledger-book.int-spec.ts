// The ledger's invariants as a bank's (issue 14; TigerBeetle's and Formance's published invariants),
// property-based with fast-check against the real PostgreSQL: random sequences of inflows,
// allocations, earmarks, commitments, payments, recoveries, releases and year closes, sequential and
// from concurrent writers. After each run: every transaction balances, the trial balance is zero,
// balances equal the fold of their postings, no floored account is below zero; a reused key answers
// the first result or is refused; an earmark resolves once.
import { inTransaction, migrate } from '@jineng/event-store';
import { connectTestDatabase, type TestDatabase } from '@jineng/testing';
import fc from 'fast-check';
import { fundLedgerMigrations } from '../fund-ledger.migrations';
import { Accounts } from './domain/accounts';
import { IdempotencyKeyReused, InsufficientFunds } from './domain/ledger.errors';
import {
  allocationPlan,
  commitmentPlan,
  earmarkPlan,
  earmarkReleasePlan,
  inflowPlan,
  recoveryPlan,
  settlementPlan,
  yearClosePlan,
  type LedgerPlan,
} from './domain/ledger-plans';
import { LedgerBook, type PostedTransaction } from './ledger-book';

let db: TestDatabase;

beforeAll(async () => {
  db = await connectTestDatabase('fund_ledger_book', 12);
});

afterAll(async () => {
  await db?.dispose();
});

async function freshBook(): Promise<LedgerBook> {
  const schema = await db.freshSchema();
  await migrate(db.pool, schema, fundLedgerMigrations);
  return new LedgerBook(db.pool, schema);
}

const CITY = '530300';
const COUNTIES = ['530302', '530303'];
const JURISDICTIONS = [CITY, ...COUNTIES];
const SOURCES = ['skills_upgrading_account', 'employment_subsidy_fund'];
const CLASSES = ['c1', 'c2', 'c3', 'c4'];
const PAYEES = ['p1', 'p2', 'p3'];
const KINDS = ['training', 'living_allowance'];

type Op =
  | { t: 'inflow'; j: string; s: string; amount: number }
  | { t: 'allocate'; to: string; s: string; amount: number }
  | { t: 'earmark'; j: string; s: string; cls: string; amount: number }
  | { t: 'commit'; j: string; s: string; cls?: string; payee: string; kind: string; amount: number }
  | { t: 'settle'; j: string; s: string; payee: string; amount: number }
  | { t: 'recover'; j: string; s: string; kind: string; amount: number }
  | { t: 'release'; j: string; s: string; cls: string }
  | { t: 'close'; j: string; s: string };

const amount = fc.integer({ min: 1, max: 50_000 });
const j = fc.constantFrom(...JURISDICTIONS);
const s = fc.constantFrom(...SOURCES);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ t: fc.constant('inflow' as const), j, s, amount: fc.integer({ min: 1, max: 200_000 }) }),
  fc.record({ t: fc.constant('allocate' as const), to: fc.constantFrom(...COUNTIES), s, amount }),
  fc.record({ t: fc.constant('earmark' as const), j, s, cls: fc.constantFrom(...CLASSES), amount }),
  fc.record(
    {
      t: fc.constant('commit' as const),
      j,
      s,
      cls: fc.constantFrom(...CLASSES),
      payee: fc.constantFrom(...PAYEES),
      kind: fc.constantFrom(...KINDS),
      amount,
    },
    { requiredKeys: ['t', 'j', 's', 'payee', 'kind', 'amount'] },
  ),
  fc.record({ t: fc.constant('settle' as const), j, s, payee: fc.constantFrom(...PAYEES), amount }),
  fc.record({ t: fc.constant('recover' as const), j, s, kind: fc.constantFrom(...KINDS), amount }),
  fc.record({ t: fc.constant('release' as const), j, s, cls: fc.constantFrom(...CLASSES) }),
  fc.record({ t: fc.constant('close' as const), j, s }),
);

function planOf(o: Op): LedgerPlan {
  switch (o.t) {
    case 'inflow':
      return inflowPlan(o.j, o.s, o.amount);
    case 'allocate':
      return allocationPlan(CITY, o.to, o.s, o.amount);
    case 'earmark':
      return earmarkPlan(o.j, o.s, o.cls, o.amount);
    case 'commit':
      return commitmentPlan({
        jurisdiction: o.j,
        source: o.s,
        ...(o.cls ? { classId: o.cls } : {}),
        payeeId: o.payee,
        subsidyKind: o.kind,
        amountFen: o.amount,
      });
    case 'settle':
      return settlementPlan(o.j, o.s, o.payee, o.amount);
    case 'recover':
      return recoveryPlan(o.j, o.s, o.kind, o.amount);
    case 'release':
      return earmarkReleasePlan(o.j, o.s, o.cls);
    case 'close':
      return yearClosePlan(KINDS.map((k) => Accounts.expense(o.j, o.s, k)));
  }
}

/** Posts one operation under `key`; a refusal for short funds is an expected outcome. */
async function apply(book: LedgerBook, o: Op, key: string): Promise<PostedTransaction | 'refused'> {
  try {
    return await inTransaction(db.pool, (tx) =>
      book.post(tx, {
        key,
        kind: o.t,
        content: o as never,
        cause: { actor: 'property-test' },
        bookedOn: '2026-11-29',
        plan: planOf(o),
      }),
    );
  } catch (error) {
    if (error instanceof InsufficientFunds) return 'refused';
    throw error;
  }
}

async function expectSound(book: LedgerBook): Promise<void> {
  const verification = await book.verify();
  expect(verification).toMatchObject({
    ok: true,
    trialBalanceFen: 0,
    unbalancedTransactions: [],
    balanceMismatches: [],
    negativeBalances: [],
    commitmentMismatches: [],
  });
}

it('keeps the trial balance at zero, balances equal to their postings and no floor broken, for any sequence', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), async (ops) => {
      const book = await freshBook();
      let n = 0;
      for (const o of ops) await apply(book, o, `k${n++}`);
      await expectSound(book);
    }),
    { numRuns: 15 },
  );
});

it('holds under concurrent writers: no floored balance below zero, every total accounted for', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 80 }), async (ops) => {
      const book = await freshBook();
      // 8 writers take the operations as they come
      let next = 0;
      const writer = async () => {
        while (next < ops.length) {
          const i = next++;
          await apply(book, ops[i]!, `k${i}`);
        }
      };
      await Promise.all(Array.from({ length: 8 }, writer));
      await expectSound(book);
      const bank = (await book.balances([Accounts.bank()])).get('bank')!;
      const inflows = ops
        .filter((o) => o.t === 'inflow')
        .reduce((sum, o) => sum + (o as { amount: number }).amount, 0);
      expect(bank).toBeGreaterThanOrEqual(0);
      expect(bank).toBeLessThanOrEqual(
        inflows +
          ops.filter((o) => o.t === 'recover').reduce((sum, o) => sum + (o as { amount: number }).amount, 0),
      );
    }),
    { numRuns: 8 },
  );
});

it('never overdraws one account that many writers draw on at once', async () => {
  const book = await freshBook();
  await apply(book, { t: 'inflow', j: CITY, s: SOURCES[0]!, amount: 10_000 }, 'in');
  const outcomes = await Promise.all(
    Array.from({ length: 30 }, (_, i) =>
      apply(book, { t: 'earmark', j: CITY, s: SOURCES[0]!, cls: `c${i}`, amount: 700 }, `e${i}`),
    ),
  );
  // 14 × 700 = 9 800 fit in 10 000, the 15th would not
  expect(outcomes.filter((o) => o !== 'refused')).toHaveLength(14);
  expect(
    (await book.balances([Accounts.fund(CITY, SOURCES[0]!)])).get(Accounts.fund(CITY, SOURCES[0]!)),
  ).toBe(200);
  await expectSound(book);
});

it('answers a reused key with the first result when the content is the same, refuses it otherwise', async () => {
  await fc.assert(
    fc.asyncProperty(op, op, async (first, other) => {
      const book = await freshBook();
      await apply(book, { t: 'inflow', j: CITY, s: SOURCES[0]!, amount: 100_000 }, 'seed');
      const once = await apply(book, first, 'the-key');
      const again = await apply(book, first, 'the-key');
      if (once === 'refused') {
        // nothing was recorded under the key: it is decided afresh, the same way
        expect(again).toBe('refused');
      } else {
        expect(again).toEqual({ ...once, idempotent: true, postings: expect.any(Array) });
        expect(new Set((again as PostedTransaction).postings)).toEqual(new Set(once.postings));
        if (JSON.stringify(other) !== JSON.stringify(first)) {
          await expect(apply(book, other, 'the-key')).rejects.toBeInstanceOf(IdempotencyKeyReused);
        }
      }
      await expectSound(book);
      const verification = await book.verify();
      expect(verification.transactions).toBe(once === 'refused' ? 1 : 2);
    }),
    { numRuns: 15 },
  );
});

it('releases an earmark once: a second release of the same class moves nothing', async () => {
  const book = await freshBook();
  await apply(book, { t: 'inflow', j: CITY, s: SOURCES[0]!, amount: 5_000 }, 'in');
  await apply(book, { t: 'earmark', j: CITY, s: SOURCES[0]!, cls: 'c1', amount: 3_000 }, 'earmark:c1');
  await apply(
    book,
    { t: 'commit', j: CITY, s: SOURCES[0]!, cls: 'c1', payee: 'p1', kind: 'training', amount: 1_000 },
    'commit:1',
  );
  const first = await apply(book, { t: 'release', j: CITY, s: SOURCES[0]!, cls: 'c1' }, 'release:c1:a');
  const second = await apply(book, { t: 'release', j: CITY, s: SOURCES[0]!, cls: 'c1' }, 'release:c1:b');
  expect((first as PostedTransaction).postings).toEqual([
    { account: Accounts.earmark(CITY, SOURCES[0]!, 'c1'), amountFen: 2_000 },
    { account: Accounts.fund(CITY, SOURCES[0]!), amountFen: -2_000 },
  ]);
  expect((second as PostedTransaction).postings).toEqual([]);
  expect(
    (await book.balances([Accounts.fund(CITY, SOURCES[0]!)])).get(Accounts.fund(CITY, SOURCES[0]!)),
  ).toBe(4_000);
  await expectSound(book);
});

it('refuses in the database itself what the plans would refuse: floors, edits and deletes', async () => {
  const book = await freshBook();
  const schema = (book as unknown as { S: string }).S;
  await apply(book, { t: 'inflow', j: CITY, s: SOURCES[0]!, amount: 100 }, 'in');
  await expect(
    db.pool.query(`update ${schema}.ledger_balances set balance = 1 where account_id = $1`, [
      Accounts.fund(CITY, SOURCES[0]!),
    ]),
  ).rejects.toThrow(/ledger_balance_floor/);
  await expect(db.pool.query(`update ${schema}.ledger_postings set amount_fen = 1`)).rejects.toThrow(
    /append-only/,
  );
  await expect(db.pool.query(`delete from ${schema}.ledger_transactions`)).rejects.toThrow(/append-only/);
  await expect(
    db.pool.query(
      `select ${schema}.ledger_apply(99, '2026-01-01', array['bank', 'fund:530300:x'], array[5, -4]::bigint[], array[0, 0]::smallint[])`,
    ),
  ).rejects.toThrow(/unbalanced/);
  await expectSound(book);
});

// ---- group commit (ADR 0023): many entries in one transaction, each judged on its own

const entryOf = (o: Op, key: string) => ({
  key,
  kind: o.t,
  content: o as never,
  cause: { actor: 'property-test' },
  bookedOn: '2026-11-29',
  plan: planOf(o),
});

/** What a posting came to, comparable between the two paths (seq numbers aside). */
const outcomeView = (o: PostedTransaction | 'refused' | 'reused') =>
  typeof o === 'string' ? o : { postings: o.postings, idempotent: o.idempotent };

async function applyOne(book: LedgerBook, o: Op, key: string) {
  try {
    return outcomeView(await apply(book, o, key));
  } catch (error) {
    if (error instanceof IdempotencyKeyReused) return 'reused' as const;
    throw error;
  }
}

async function applyGroup(book: LedgerBook, ops: readonly { o: Op; key: string }[]) {
  const outcomes = await inTransaction(db.pool, (tx) =>
    book.postMany(
      tx,
      ops.map(({ o, key }) => entryOf(o, key)),
    ),
  );
  return outcomes.map((outcome) => {
    if (outcome.ok) return outcomeView(outcome.posted);
    if (outcome.error instanceof InsufficientFunds) return 'refused' as const;
    if (outcome.error instanceof IdempotencyKeyReused) return 'reused' as const;
    throw outcome.error;
  });
}

async function allBalances(book: LedgerBook): Promise<Map<string, number>> {
  return book.balancesByPrefix('');
}

it('posts a group in one transaction exactly as the same entries one by one: each outcome, each balance', async () => {
  // keys from a small set, so that a group holds the same key twice, with the same content or other
  const keyed = fc.record({ o: op, key: fc.constantFrom('k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7') });
  await fc.assert(
    fc.asyncProperty(
      fc.array(op, { maxLength: 10 }),
      fc.array(keyed, { minLength: 1, maxLength: 30 }),
      async (seed, group) => {
        const one = await freshBook();
        const many = await freshBook();
        let n = 0;
        for (const o of seed) {
          const key = `seed${n++}`;
          await apply(one, o, key);
          await apply(many, o, key);
        }
        const sequential = [];
        for (const { o, key } of group) sequential.push(await applyOne(one, o, key));
        expect(await applyGroup(many, group)).toEqual(sequential);
        expect(await allBalances(many)).toEqual(await allBalances(one));
        expect((await many.verify()).transactions).toBe((await one.verify()).transactions);
        await expectSound(many);
      },
    ),
    { numRuns: 15 },
  );
});

it('holds under 8 concurrent writers through the group-commit lane: no floor broken, every total accounted for', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(op, { minLength: 20, maxLength: 80 }), async (ops) => {
      const book = await freshBook();
      const lane = book.lane({ maxInFlight: 2 });
      let next = 0;
      let refused = 0;
      const writer = async () => {
        while (next < ops.length) {
          const i = next++;
          await lane.post(entryOf(ops[i]!, `k${i}`)).catch((error: unknown) => {
            if (!(error instanceof InsufficientFunds)) throw error;
            refused++;
          });
        }
      };
      await Promise.all(Array.from({ length: 8 }, writer));
      await expectSound(book);
      const verification = await book.verify();
      expect(verification.transactions).toBe(ops.length - refused);
      expect(lane.stats().entries).toBe(ops.length);
      const bank = (await book.balances([Accounts.bank()])).get('bank')!;
      const inflows = ops
        .filter((o) => o.t === 'inflow')
        .reduce((sum, o) => sum + (o as { amount: number }).amount, 0);
      expect(bank).toBeGreaterThanOrEqual(0);
      expect(bank).toBeLessThanOrEqual(
        inflows +
          ops.filter((o) => o.t === 'recover').reduce((sum, o) => sum + (o as { amount: number }).amount, 0),
      );
    }),
    { numRuns: 8 },
  );
});

it('fails a floor-breaking transfer in the middle of a group alone: those before and after it post', async () => {
  const book = await freshBook();
  const fund = Accounts.fund(CITY, SOURCES[0]!);
  const earmark = (cls: string, amount: number): Op => ({
    t: 'earmark',
    j: CITY,
    s: SOURCES[0]!,
    cls,
    amount,
  });
  const outcomes = await applyGroup(book, [
    { o: { t: 'inflow', j: CITY, s: SOURCES[0]!, amount: 1_000 }, key: 'in' },
    { o: earmark('c1', 600), key: 'e1' },
    { o: earmark('c2', 600), key: 'e2' }, // 400 left: refused
    { o: earmark('c3', 300), key: 'e3' },
  ]);
  expect(outcomes.map((o) => (typeof o === 'string' ? o : 'posted'))).toEqual([
    'posted',
    'posted',
    'refused',
    'posted',
  ]);
  expect((await book.balances([fund])).get(fund)).toBe(100);
  expect(await book.transaction('e2')).toBeUndefined();
  expect((await book.verify()).transactions).toBe(3);
  // the refused key was never claimed: posted later, when the money is there, it records
  await apply(book, { t: 'inflow', j: CITY, s: SOURCES[0]!, amount: 500 }, 'in2');
  expect(await apply(book, earmark('c2', 600), 'e2')).not.toBe('refused');
  await expectSound(book);
});

it('answers a key used twice in one group with the first result, and refuses it with other content', async () => {
  const book = await freshBook();
  const inflow = (amount: number): Op => ({ t: 'inflow', j: CITY, s: SOURCES[0]!, amount });
  const outcomes = await inTransaction(db.pool, (tx) =>
    book.postMany(tx, [
      entryOf(inflow(700), 'twice'),
      entryOf(inflow(700), 'twice'),
      entryOf(inflow(900), 'twice'),
      entryOf(inflow(50), 'other'),
    ]),
  );
  const [first, again, changed, other] = outcomes;
  expect(first).toMatchObject({ ok: true, posted: { idempotent: false } });
  expect(again).toMatchObject({ ok: true, posted: { idempotent: true } });
  if (!first!.ok || !again!.ok) throw new Error('posted');
  expect(again.posted.seq).toBe(first.posted.seq);
  expect(new Set(again.posted.postings)).toEqual(new Set(first.posted.postings));
  expect(changed).toMatchObject({ ok: false });
  expect((changed as { error: unknown }).error).toBeInstanceOf(IdempotencyKeyReused);
  expect(other).toMatchObject({ ok: true, posted: { idempotent: false } });
  const fund = Accounts.fund(CITY, SOURCES[0]!);
  expect((await book.balances([fund])).get(fund)).toBe(750);
  expect((await book.verify()).transactions).toBe(2);
  await expectSound(book);
});

it('refuses through the lane a key reused with other content, and answers the same content with the first result', async () => {
  const book = await freshBook();
  const lane = book.lane();
  const inflow = (amount: number): Op => ({ t: 'inflow', j: CITY, s: SOURCES[0]!, amount });
  const first = await lane.post(entryOf(inflow(300), 'doc-1'));
  // concurrent: the same key with the same content, with other content, and another key
  const [same, changed, another] = await Promise.allSettled([
    lane.post(entryOf(inflow(300), 'doc-1')),
    lane.post(entryOf(inflow(301), 'doc-1')),
    lane.post(entryOf(inflow(5), 'doc-2')),
  ]);
  expect(same).toMatchObject({ status: 'fulfilled', value: { seq: first.seq, idempotent: true } });
  expect(changed.status).toBe('rejected');
  expect((changed as PromiseRejectedResult).reason).toBeInstanceOf(IdempotencyKeyReused);
  expect(another).toMatchObject({ status: 'fulfilled', value: { idempotent: false } });
  const fund = Accounts.fund(CITY, SOURCES[0]!);
  expect((await book.balances([fund])).get(fund)).toBe(305);
  await expectSound(book);
});
