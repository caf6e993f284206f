/**
 * Relay benchmark (issue #3). Run: `npm run bench:relay`. Last line: one JSON object.
 *
 * One "source" service appends to its event store; its outbox relay publishes to JetStream; a
 * durable consumer of another service writes one effect row per event, with its inbox row, in
 * PostgreSQL. Both services run as they would: the source (appends + relay) in this process, the
 * consumer in a child process of its own. Everything is real: PostgreSQL at DATABASE_URL, NATS at
 * NATS_URL; fresh schemas and subjects, removed at the end.
 *
 *   relayEventsPerSec  a backlog of events in the store, divided by the time from the relay's start
 *                      to the consumer's last committed effect (store -> JetStream -> effect)
 *   liveAppendToEffectEventsPerSec
 *                      events appended as fast as the store takes them while relayed and consumed,
 *                      divided by the time from the first append to the last committed effect
 *   latencyP50Ms/P99Ms append call to committed effect, at an offered 2 000 events/s of single-event
 *                      appends
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import path from 'node:path';
import { PostgresEventStore, type EventToAppend } from '@jineng/event-store';
import { jetstreamManager } from '@nats-io/jetstream';
import { Pool } from 'pg';
import { connectNats, ensureStreams, EVENTS_STREAM, eventFilter, OutboxRelay } from '@jineng/messaging';
import type { ConsumerReport } from './relay-consumer.process';

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const natsUrl = process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
const throughputEvents = Number(process.env.BENCH_RELAY_EVENTS ?? 100_000);
const offeredRate = Number(process.env.BENCH_RELAY_RATE ?? 2_000);
const latencySeconds = Number(process.env.BENCH_RELAY_SECONDS ?? 15);
/** group-commit lanes of the source's store (the store's default when unset): for the lane comparison */
// (a number: that many lanes, each used whenever appends wait; unset: the store's default, adaptive)
const lanes = process.env.BENCH_LANES ? Number(process.env.BENCH_LANES) : undefined;

const log = (message: string) => process.stderr.write(`${message}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nowMs = () => performance.timeOrigin + performance.now();

const anEvent = (i: number, sentAt = 0): EventToAppend => ({
  id: randomUUID(),
  type: 'TraineeCheckedIn.v1',
  data: { i, sentAt, classId: 'c-0001', device: 'face-17', score: 0.93 },
  metadata: { correlationId: randomUUID(), actor: { userId: 'device-17', roles: ['institution'] } },
});

function startConsumer(env: NodeJS.ProcessEnv): { child: ChildProcess; next: () => Promise<ConsumerReport> } {
  const child = fork(path.join(__dirname, 'relay-consumer.process.ts'), [], {
    env,
    execArgv: ['-r', path.join(__dirname, '../../scripts/ts-register.cjs')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const queue: ConsumerReport[] = [];
  let waiting: ((report: ConsumerReport) => void) | undefined;
  child.on('message', (report: ConsumerReport) => {
    if (waiting) {
      const resolve = waiting;
      waiting = undefined;
      resolve(report);
    } else queue.push(report);
  });
  return {
    child,
    next: () =>
      queue.length > 0 ? Promise.resolve(queue.shift()!) : new Promise((resolve) => (waiting = resolve)),
  };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const run = randomBytes(3).toString('hex');
  const service = `bench-${run}`;
  const sourceSchema = `bench_relay_src_${run}`;
  const consumerSchema = `bench_relay_dst_${run}`;
  const pool = new Pool({ connectionString: databaseUrl, max: 20 });
  const nc = await connectNats(natsUrl, 'bench-relay-source');
  await ensureStreams(nc, { replicas: 1, duplicateWindowMs: 120_000 });
  const store = await PostgresEventStore.create({
    pool,
    schema: sourceSchema,
    ...(lanes ? { groupCommit: { maxInFlight: lanes, adaptiveLanes: false } } : {}),
  });
  const relay = new OutboxRelay({
    store,
    nc,
    service,
    batchSize: 1_000,
    onError: (e) => log(`relay: ${String(e)}`),
  });
  const consumer = startConsumer({
    ...process.env,
    DATABASE_URL: databaseUrl,
    NATS_URL: natsUrl,
    SCHEMA: consumerSchema,
    FILTER: eventFilter(service),
    CONSUMER: `${service}-effects`,
  });

  try {
    await consumer.next(); // ready
    const appendAll = async (count: number, base: number) => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < count) {
            const from = next;
            next += 100;
            const batch = Array.from({ length: Math.min(100, count - from) }, (_, k) =>
              anEvent(base + from + k),
            );
            await store.appendToStream(`class-${randomUUID()}`, batch, { expectedVersion: 'no_stream' });
          }
        }),
      );
    };

    // 1. relay throughput: a backlog in the store, drained by the relay into the other service's effects
    log(`relay throughput: ${throughputEvents} events appended, then relayed and consumed`);
    await appendAll(throughputEvents, 0);
    const relayStarted = nowMs();
    relay.start();
    consumer.child.send({ waitFor: throughputEvents });
    const drained = await consumer.next();
    const relayEventsPerSec = Math.round(throughputEvents / ((drained.lastCommitAt - relayStarted) / 1000));
    log(`  store -> JetStream -> committed effects: ${relayEventsPerSec} events/s`);

    // 1b. the same while appending at the same time: append, relay and consumer share the machine
    log(`live: ${throughputEvents} events appended as fast as the store takes them while relayed`);
    const liveStarted = nowMs();
    await appendAll(throughputEvents, throughputEvents);
    const appendedAt = nowMs();
    consumer.child.send({ waitFor: 2 * throughputEvents });
    const live = await consumer.next();
    const liveAppendToEffectEventsPerSec = Math.round(
      throughputEvents / ((live.lastCommitAt - liveStarted) / 1000),
    );
    log(
      `  appended in ${((appendedAt - liveStarted) / 1000).toFixed(2)} s, last effect at ${((live.lastCommitAt - liveStarted) / 1000).toFixed(2)} s: ${liveAppendToEffectEventsPerSec} events/s`,
    );

    // 2. latency at a fixed offered rate, single-event appends, each stamped with its send time
    log(`latency: ${offeredRate} events/s for ${latencySeconds} s`);
    consumer.child.send({ measureLatency: true });
    await consumer.next();
    // (read counts exist from issue 17 on; this script also runs against older commits for comparison)
    const readStats = () =>
      (relay as unknown as { readStats?: { reads: number; emptyReads: number } }).readStats ?? {
        reads: NaN,
        emptyReads: NaN,
      };
    const readsBefore = readStats();
    const tickMs = 10;
    const perTick = Math.round((offeredRate * tickMs) / 1000);
    const total = offeredRate * latencySeconds;
    const inFlight: Promise<unknown>[] = [];
    const t0 = nowMs();
    for (let sent = 0, tick = 0; sent < total; tick++) {
      const due = t0 + tick * tickMs;
      const wait = due - nowMs();
      if (wait > 0) await sleep(wait);
      for (let k = 0; k < perTick && sent < total; k++, sent++) {
        const event = anEvent(sent, nowMs());
        inFlight.push(
          store.appendToStream(`class-${randomUUID()}`, [event], { expectedVersion: 'no_stream' }),
        );
      }
      if (inFlight.length > 2_000) await Promise.all(inFlight.splice(0));
    }
    await Promise.all(inFlight);
    const offeredSeconds = (nowMs() - t0) / 1000;
    consumer.child.send({ waitFor: 2 * throughputEvents + total });
    const latencies = (await consumer.next()).latenciesMs.sort((a, b) => a - b);
    const readsAfter = readStats();
    const reads = readsAfter.reads - readsBefore.reads;
    const result = {
      relayEventsPerSec,
      liveAppendToEffectEventsPerSec,
      throughputEvents,
      offeredEventsPerSec: Math.round(total / offeredSeconds),
      latencyEvents: latencies.length,
      latencyP50Ms: Math.round(percentile(latencies, 50) * 10) / 10,
      latencyP99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
      latencyMaxMs: Math.round(latencies[latencies.length - 1] * 10) / 10,
      // during the latency phase: the relay's reads of the store, and the share that came back empty
      relayReads: Number.isNaN(reads) ? null : reads,
      relayEmptyReadShare: Number.isNaN(reads)
        ? null
        : Number(((readsAfter.emptyReads - readsBefore.emptyReads) / reads).toFixed(3)),
      groupCommitLanes: lanes ?? 'default',
    };
    console.log(JSON.stringify(result));
  } finally {
    consumer.child.send({ stop: true });
    await new Promise((resolve) => consumer.child.once('exit', resolve));
    await relay.stop();
    const jsm = await jetstreamManager(nc);
    await jsm.consumers.delete(EVENTS_STREAM, `${service}-effects`).catch(() => undefined);
    await jsm.streams.purge(EVENTS_STREAM, { filter: eventFilter(service) });
    await nc.close();
    await pool.query(`drop schema if exists "${sourceSchema}" cascade`);
    await pool.query(`drop schema if exists "${consumerSchema}" cascade`);
    await pool.end();
  }
}

main().catch((error: unknown) => {
  log(String(error instanceof Error ? error.stack : error));
  process.exit(1);
});
