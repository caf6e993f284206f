/**
 * The fund ledger (issue 14): `npm run bench:ledger`. Progress on stderr; the last line on stdout is one
 * JSON object:
 *
 *   transfersPerSec     ledger transactions per second through the book's group-commit lane
 *                       (LedgerBook.lane, ADR 0023) — each a balanced transfer Dr bank / Cr fund:<writer's
 *                       county>:<source>, idempotency key claimed, floored account locked, postings
 *                       appended, balances moved, each judged on its own; the transfers that come while a
 *                       batch is in flight share the next one's transaction — from BENCH_LEDGER_WRITERS (8)
 *                       concurrent writers that all touch the one dedicated bank account (ADR 0007: striped);
 *                       BENCH_LEDGER_LANES (1) batches in flight at once
 *   rawInsertPerSec     the same rows (one transaction row, two posting rows) inserted by the same writers
 *                       in the same run, one PostgreSQL transaction each, without the book's work
 *   ratioToRaw          transfersPerSec / rawInsertPerSec
 *   reconcile1MSeconds  a BENCH_LEDGER_STATEMENT_LINES (1 000 000) line statement, as bytes in 64 KiB
 *                       chunks, read as a stream of lines (linesOf, as RecordBankStatement reads it),
 *                       staged and matched against as many issued payments (matched, unmatched either
 *                       side, amount differences counted and listed); the settlement commands of the
 *                       matched lines are not part of it (settle: false)
 *   …CpuMs / …CpuSeconds the CPU those took, of this process and of its PostgreSQL backends (read from
 *                       /proc: the machine is shared, so CPU per operation and the ratios of one run say
 *                       more than the rates); `load` is the load average when the run ended
 *
 * BENCH_LEDGER_TRANSFERS (default 20 000) transfers in total. Needs PostgreSQL (DATABASE_URL); makes a
 * schema of its own and drops it at the end.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { inTransaction, migrate } from '@jineng/event-store';
import { Pool } from 'pg';
import { fundLedgerMigrations } from '../fund-ledger.migrations';
import { inflowPlan } from '../ledger/domain/ledger-plans';
import { LedgerBook } from '../ledger/ledger-book';
import { linesOf, STATEMENT_HEADER } from '../payment/domain/bank-files';
import { PaymentStore } from '../payment/payment.store';
import { StatementReconciler } from '../payment/record-bank-statement/statement-reconciler';
import type { PaymentResolver } from '../payment/payment-resolver';
import type { ServiceConfig } from '@jineng/service-runtime';

const transfers = Number(process.env.BENCH_LEDGER_TRANSFERS ?? 20_000);
const writers = Number(process.env.BENCH_LEDGER_WRITERS ?? 8);
const lanes = Number(process.env.BENCH_LEDGER_LANES ?? 1);
const statementLines = Number(process.env.BENCH_LEDGER_STATEMENT_LINES ?? 1_000_000);
const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (message: string) => process.stderr.write(`${message}\n`);

const SOURCE = 'skills_upgrading_account';
const COUNTIES = Array.from({ length: writers }, (_, w) => `5303${String(w + 10).padStart(2, '0')}`);

const perOp1 = (seconds: number, ops: number) => Number(((seconds * 1000) / ops).toFixed(3));
const perOp = (c: { node: number; pg: number }, ops: number) =>
  `${perOp1(c.node + c.pg, ops)} (node ${perOp1(c.node, ops)}, PostgreSQL ${perOp1(c.pg, ops)})`;

async function byWriters(total: number, work: (writer: number, i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (;;) {
        const i = next++;
        if (i >= total) return;
        await work(writer, i);
      }
    }),
  );
  return (performance.now() - started) / 1000;
}

/** CPU seconds of this process and of the pool's PostgreSQL backends (same machine: /proc). */
async function cpuSeconds(pool: Pool, applicationName: string): Promise<{ node: number; pg: number }> {
  const { rows } = await pool.query<{ pid: number }>(
    `select pid from pg_stat_activity where application_name = $1`,
    [applicationName],
  );
  let ticks = 0;
  for (const { pid } of rows) {
    try {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15)
    } catch {
      // a backend that ended: its CPU is no longer readable
    }
  }
  const { user, system } = process.cpuUsage();
  return { node: (user + system) / 1e6, pg: ticks / 100 };
}

async function main(): Promise<void> {
  const applicationName = `bench-ledger-${randomBytes(4).toString('hex')}`;
  // connections stay open for the whole run, so that their backends' CPU can be read
  const pool = new Pool({
    connectionString: databaseUrl,
    max: writers + 2,
    idleTimeoutMillis: 0,
    application_name: applicationName,
  });
  const cpu = () => cpuSeconds(pool, applicationName);
  const since = async (before: { node: number; pg: number }) => {
    const now = await cpu();
    return { node: now.node - before.node, pg: now.pg - before.pg };
  };
  const schema = `bench_ledger_${randomBytes(4).toString('hex')}`;
  const rawSchema = `${schema}_raw`;
  try {
    await migrate(pool, schema, fundLedgerMigrations);
    await migrate(pool, rawSchema, fundLedgerMigrations);
    const book = new LedgerBook(pool, schema);

    // every connection open before the first measure
    await Promise.all(Array.from({ length: writers + 2 }, () => pool.connect())).then((clients) =>
      clients.forEach((c) => c.release()),
    );
    log(`ledger: ${transfers} transfers from ${writers} writers, all on the bank account`);
    const ledgerCpu0 = await cpu();
    const lane = book.lane({ maxInFlight: lanes });
    const ledgerSeconds = await byWriters(transfers, (writer, i) =>
      lane
        .post({
          key: `bench:${i}`,
          kind: 'inflow',
          content: { i },
          cause: { actor: 'bench' },
          bookedOn: '2026-11-29',
          plan: inflowPlan(COUNTIES[writer]!, SOURCE, 100 + (i % 1000)),
        })
        .then(() => undefined),
    );
    const ledgerCpu = await since(ledgerCpu0);
    const transfersPerSec = transfers / ledgerSeconds;
    log(
      `ledger: ${transfersPerSec.toFixed(0)} transfers/s, CPU ${perOp(ledgerCpu, transfers)} ms a transfer`,
    );
    const verification = await book.verify();
    if (!verification.ok || verification.transactions !== transfers) {
      throw new Error(
        `the ledger does not verify after the run: ${JSON.stringify(verification).slice(0, 500)}`,
      );
    }

    const R = `"${rawSchema}"`;
    const rawCpu0 = await cpu();
    const rawSeconds = await byWriters(transfers, (writer, i) =>
      inTransaction(pool, async (tx) => {
        const { rows } = await tx.query<{ seq: string }>(
          `insert into ${R}.ledger_transactions (idempotency_key, content_digest, kind, cause, booked_on)
           values ($1, $2, 'inflow', '{"actor":"bench"}', '2026-11-29') returning seq`,
          [`bench:${i}`, String(i)],
        );
        const amount = 100 + (i % 1000);
        await tx.query(
          `insert into ${R}.ledger_postings (transaction_seq, account_id, amount_fen, booked_on)
           values ($1, 'bank', $2, '2026-11-29'), ($1, $3, $4, '2026-11-29')`,
          [rows[0]!.seq, amount, `fund:${COUNTIES[writer]}:${SOURCE}`, -amount],
        );
      }),
    );
    const rawCpu = await since(rawCpu0);
    const rawInsertPerSec = transfers / rawSeconds;
    log(`raw: ${rawInsertPerSec.toFixed(0)} transfers/s, CPU ${perOp(rawCpu, transfers)} ms a transfer`);

    log(`reconcile: issuing ${statementLines} payments (the set-up, not measured)`);
    const S = `"${schema}"`;
    // in slices from all connections at once, with progress: the set-up is not what is measured
    const SLICE = 50_000;
    let seeded = 0;
    await byWriters(Math.ceil(statementLines / SLICE), async (_, slice) => {
      const from = slice * SLICE + 1;
      const to = Math.min(statementLines, from + SLICE - 1);
      await pool.query(
        `insert into ${S}.payables (claim_id, jurisdiction_code, fund_source, payee_id, payee_kind, subsidy_kind,
           amount_fen, status, committed_on)
         select 'c' || n, '530302', '${SOURCE}', 'p' || n, 'worker', 'training', 1000 + n % 5000, 'in_payment', '2026-11-01'
         from generate_series($1::int, $2::int) n`,
        [from, to],
      );
      await pool.query(
        `insert into ${S}.payments (payment_id, batch_id, claim_id, reference, amount_fen, status, issued_on)
         select md5('p' || n)::uuid, md5('batch')::uuid, 'c' || n, 'JN' || n, 1000 + n % 5000, 'issued', '2026-11-01'
         from generate_series($1::int, $2::int) n`,
        [from, to],
      );
      seeded += to - from + 1;
      log(`reconcile: ${seeded} payments issued`);
    });
    await pool.query(`analyze ${S}.payables, ${S}.payments`);
    // the statement as the bank sends it: every payment but the last, one line the ledger never issued,
    // one amount that differs — as bytes, 64 KiB at a time
    async function* statement(): AsyncGenerator<Uint8Array> {
      const encoder = new TextEncoder();
      let text = `${STATEMENT_HEADER}\n`;
      for (let n = 1; n < statementLines; n++) {
        const amount = n === 7 ? 1 : 1000 + (n % 5000);
        text += `JN${n},${amount},2026-11-30,paid,\n`;
        if (text.length >= 65_536) {
          yield encoder.encode(text);
          text = '';
        }
      }
      yield encoder.encode(`${text}JNUNKNOWN,500,2026-11-30,paid,\n`);
    }
    const payments = new PaymentStore(pool, { schema } as ServiceConfig);
    const reconciler = new StatementReconciler(payments, undefined as unknown as PaymentResolver);
    let reported = 0;
    const reconcileCpu0 = await cpu();
    const started = performance.now();
    const result = await reconciler.reconcile(
      '00000000-0000-4000-8000-000000000001',
      '530302',
      linesOf(statement()),
      {
        report: async (done) => {
          if (done - reported >= 100_000) {
            reported = done;
            log(`reconcile: ${done} lines read, ${((performance.now() - started) / 1000).toFixed(1)} s`);
          }
        },
      },
      { settle: false },
    );
    const reconcile1MSeconds = (performance.now() - started) / 1000;
    const reconcileCpu = await since(reconcileCpu0);
    log(
      `reconcile: ${reconcile1MSeconds.toFixed(1)} s — matched ${result.matched}, differences ${result.amountDifferenceCount}, unmatched lines ${result.unmatchedLineCount}, unmatched payments ${result.unmatchedPaymentCount}`,
    );

    process.stdout.write(
      `${JSON.stringify({
        transfers,
        writers,
        lanes,
        batches: lane.stats().batches,
        transfersPerSec: Math.round(transfersPerSec),
        rawInsertPerSec: Math.round(rawInsertPerSec),
        ratioToRaw: Number((transfersPerSec / rawInsertPerSec).toFixed(3)),
        transferCpuMs: { node: perOp1(ledgerCpu.node, transfers), pg: perOp1(ledgerCpu.pg, transfers) },
        rawInsertCpuMs: { node: perOp1(rawCpu.node, transfers), pg: perOp1(rawCpu.pg, transfers) },
        cpuRatioToRaw: Number(((rawCpu.node + rawCpu.pg) / (ledgerCpu.node + ledgerCpu.pg)).toFixed(3)),
        statementLines,
        reconcile1MSeconds: Number(reconcile1MSeconds.toFixed(2)),
        reconcileCpuSeconds: {
          node: Number(reconcileCpu.node.toFixed(2)),
          pg: Number(reconcileCpu.pg.toFixed(2)),
        },
        matched: result.matched,
        amountDifferences: result.amountDifferenceCount,
        unmatchedLines: result.unmatchedLineCount,
        unmatchedPayments: result.unmatchedPaymentCount,
        load: loadavg().map((l) => Number(l.toFixed(2))),
      })}\n`,
    );
  } finally {
    await pool.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined);
    await pool.query(`drop schema if exists "${rawSchema}" cascade`).catch(() => undefined);
    await pool.end();
  }
}

main().catch((error: unknown) => {
  log(String((error as Error).stack ?? error));
  process.exitCode = 1;
});
