// A relay in a process of its own, for tests that kill it with SIGKILL in the middle of a batch:
//   node -r ./scripts/ts-register.cjs libs/messaging/src/relay/relay-process.fixture.ts
// with DATABASE_URL, SCHEMA, NATS_URL, SERVICE and BATCH_SIZE in the environment.
import { PostgresEventStore } from '@jineng/event-store';
import { Pool } from 'pg';
import { connectNats } from '../nats-connection';
import { OutboxRelay } from './outbox-relay';

async function main(): Promise<void> {
  const env = (name: string): string => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is required`);
    return value;
  };
  const pool = new Pool({ connectionString: env('DATABASE_URL'), max: 4 });
  const store = await PostgresEventStore.create({ pool, schema: env('SCHEMA') });
  const nc = await connectNats(env('NATS_URL'), 'relay-fixture');
  const relay = new OutboxRelay({
    store,
    nc,
    service: env('SERVICE'),
    batchSize: Number(env('BATCH_SIZE')),
    onError: (error) => process.stderr.write(`relay error: ${String(error)}\n`),
  });
  relay.start();
  process.stdout.write('relay started\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
