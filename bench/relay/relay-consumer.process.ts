// The consuming service of the relay benchmark, in a process of its own (forked by relay.bench.ts).
// Its effect: one row per event, written with the inbox rows in one transaction (one multi-row insert
// per batch, as a projection would). It reports over
// IPC when it has committed a given number of events, and the append-to-commit latency of events
// stamped with their send time.
import { DurableConsumer, connectNats, migrateConsumerTables } from '@jineng/messaging';
import { Pool } from 'pg';

export interface ConsumerReport {
  readonly committed: number;
  readonly lastCommitAt: number;
  readonly latenciesMs: number[];
}

type Command = { waitFor: number } | { measureLatency: true } | { stop: true };

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const nowMs = () => performance.timeOrigin + performance.now();
const send = (report: ConsumerReport) => process.send?.(report);

async function main() {
  const schema = env('SCHEMA');
  const pool = new Pool({ connectionString: env('DATABASE_URL'), max: 4 });
  await pool.query(`create schema if not exists "${schema}"`);
  await migrateConsumerTables(pool, schema);
  await pool.query(
    `create table "${schema}".check_ins (event_id uuid primary key, class_id text, score real)`,
  );
  const nc = await connectNats(env('NATS_URL'), 'bench-relay-consumer');

  let committed = 0;
  let lastCommitAt = 0;
  let measuring = false;
  let waitFor = Infinity;
  const latenciesMs: number[] = [];
  let sentAts: number[] = [];

  const consumer = new DurableConsumer({
    nc,
    pool,
    schema,
    name: env('CONSUMER'),
    filterSubjects: [env('FILTER')],
    batchSize: 500,
    maxAckPending: 20_000,
    ...(process.env.BENCH_RELAY_HANDLER === 'each'
      ? {
          // one insert per event, for comparison
          handle: async (event, tx) => {
            await tx.query(
              `insert into "${schema}".check_ins (event_id, class_id, score) values ($1, $2, $3)`,
              [event.id, event.data.classId, event.data.score],
            );
            if (measuring) sentAts.push(event.data.sentAt as number);
          },
        }
      : {
          // a projection's usual shape: the batch's rows in one statement
          handleBatch: async (events, tx) => {
            await tx.query(
              `insert into "${schema}".check_ins (event_id, class_id, score)
         select * from unnest($1::uuid[], $2::text[], $3::real[])`,
              [events.map((e) => e.id), events.map((e) => e.data.classId), events.map((e) => e.data.score)],
            );
            if (measuring) for (const event of events) sentAts.push(event.data.sentAt as number);
          },
        }),
    onBatchHandled: ({ handled }) => {
      // called after the commit: the effects are durable now
      const at = nowMs();
      committed += handled;
      lastCommitAt = at;
      for (const sentAt of sentAts) if (sentAt > 0) latenciesMs.push(at - sentAt);
      sentAts = [];
      if (committed >= waitFor) {
        waitFor = Infinity;
        send({ committed, lastCommitAt, latenciesMs });
      }
    },
    onError: (error) => process.stderr.write(`consumer: ${String(error)}\n`),
  });
  await consumer.start();

  process.on('message', async (command: Command) => {
    if ('waitFor' in command) {
      waitFor = command.waitFor;
      if (committed >= waitFor) send({ committed, lastCommitAt, latenciesMs });
    } else if ('measureLatency' in command) {
      measuring = true;
      send({ committed, lastCommitAt, latenciesMs: [] });
    } else {
      await consumer.stop();
      await nc.close();
      await pool.end();
      process.exit(0);
    }
  });
  send({ committed, lastCommitAt, latenciesMs: [] });
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
