// The operator's commands for what the runtime gave up on (`npm run ops -- <area> <action> …`):
//   dead-letters list   --consumer <name> [--limit n]
//   dead-letters replay --consumer <name> --service <service> (--seq <n>… | --all) [--wait-ms n]
//   parked list         --service <service> [--subscriber <name>] [--all-statuses]
//   parked replay       --service <service> (--id <n>… | --subscriber <name> --all) [--wait-ms n]
// Dead letters are read from JINENG_DLQ; parked events from the service's `parked_events`. A replay is
// a request the running service picks up and applies through its own idempotent path (the inbox, the
// stream versions, the projection's checkpoint lock), so replaying twice never applies twice; the
// command waits for the outcome and prints it.
//
// Credentials (ADR 0004): on the database, the service's own runtime role — the environment the
// service itself reads (DATABASE_URL, JINENG_DATABASE_PASSWORD_FILE, JINENG_SCHEMA): it reads and
// writes `parked_events` and nothing it could not already; no migrator, no superuser. On the bus, the
// operator's identity `ops` (JINENG_NATS_NKEY_SEED_FILE and the other JINENG_NATS_* files, NATS_URL),
// which may only read the dead-letter stream; a local server without identities needs none.
import { ParkedEvents, type ParkedEvent } from '@jineng/event-store';
import {
  OPERATOR,
  connectNats,
  natsClientConfigFromEnv,
  readDeadLetters,
  requestDeadLetterReplay,
} from '@jineng/messaging';
import { Pool } from 'pg';
import { parseArgs } from 'node:util';
import { serviceDatabaseConfigFromEnv, type ServiceDatabaseConfig } from '../service-config';

export interface OpsIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly env: NodeJS.ProcessEnv;
}

const USAGE = `usage:
  npm run ops -- dead-letters list   --consumer <name> [--limit n]
  npm run ops -- dead-letters replay --consumer <name> --service <service> (--seq <n>... | --all) [--wait-ms n]
  npm run ops -- parked list         --service <service> [--subscriber <name>] [--all-statuses]
  npm run ops -- parked replay       --service <service> (--id <n>... | --subscriber <name> --all) [--wait-ms n]
environment:
  the service's database settings, as the service reads them: DATABASE_URL (its runtime role),
    JINENG_DATABASE_PASSWORD_FILE, JINENG_SCHEMA (default: the service name with _)
  the operator's bus identity: NATS_URL, JINENG_NATS_NKEY_SEED_FILE (the seed of 'ops'), JINENG_NATS_TLS_CA_FILE`;

class UsageError extends Error {}

/** Runs one command; answers the exit code (0 done, 1 failed or not replayed, 2 bad usage). */
export async function runOps(argv: readonly string[], io: OpsIo): Promise<number> {
  try {
    const [area, action, ...rest] = argv;
    const { values } = parseArgs({
      args: [...rest],
      options: {
        consumer: { type: 'string' },
        service: { type: 'string' },
        subscriber: { type: 'string' },
        seq: { type: 'string', multiple: true },
        id: { type: 'string', multiple: true },
        all: { type: 'boolean' },
        'all-statuses': { type: 'boolean' },
        limit: { type: 'string' },
        'wait-ms': { type: 'string' },
      },
      strict: true,
    });
    const waitMs = Number(values['wait-ms'] ?? 30_000);
    const key = `${area} ${action}`;
    if (key === 'dead-letters list')
      return await listDeadLetters(io, required(values.consumer, '--consumer'), Number(values.limit ?? 1000));
    if (key === 'dead-letters replay')
      return await replayDeadLetters(io, {
        consumer: required(values.consumer, '--consumer'),
        database: databaseOf(io, required(values.service, '--service')),
        sequences: values.all ? 'all' : (values.seq ?? []).map(Number),
        waitMs,
      });
    if (key === 'parked list')
      return await listParked(
        io,
        databaseOf(io, required(values.service, '--service')),
        values.subscriber,
        values['all-statuses'] ?? false,
      );
    if (key === 'parked replay') {
      if (!values.id && !(values.subscriber && values.all))
        throw new UsageError('name --id <n>..., or --subscriber <name> --all');
      return await replayParked(io, databaseOf(io, required(values.service, '--service')), {
        ...(values.id ? { parkedIds: values.id } : { subscriber: values.subscriber }),
        waitMs,
      });
    }
    throw new UsageError(`unknown command '${key}'`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    io.err(`failed: ${(error as Error).message}`);
    return 1;
  }
}

function required(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`${flag} is required`);
  return value;
}

/** The service's database as the service itself connects to it (its runtime role, its schema). */
function databaseOf(io: OpsIo, service: string): ServiceDatabaseConfig {
  return serviceDatabaseConfigFromEnv(service, io.env);
}

async function withNats<T>(
  io: OpsIo,
  work: (nc: Awaited<ReturnType<typeof connectNats>>) => Promise<T>,
): Promise<T> {
  const nc = await connectNats(io.env.NATS_URL || 'nats://127.0.0.1:4222', 'jineng-ops', {
    ...natsClientConfigFromEnv(OPERATOR.name, io.env).connectOptions,
    maxReconnectAttempts: 2,
  });
  try {
    return await work(nc);
  } finally {
    await nc.close();
  }
}

async function withPool<T>(database: ServiceDatabaseConfig, work: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = new Pool({
    connectionString: database.databaseUrl,
    max: 2,
    application_name: `jineng-ops-${database.service}`,
  });
  try {
    return await work(pool);
  } finally {
    await pool.end();
  }
}

async function listDeadLetters(io: OpsIo, consumer: string, limit: number): Promise<number> {
  const letters = await withNats(io, (nc) => readDeadLetters(nc, consumer, limit));
  io.out(`${letters.length} dead letter(s) of ${consumer}`);
  for (const { dlqSequence, letter } of letters) {
    const event = letter.event as
      { id?: string; type?: string; streamId?: string; streamVersion?: number } | undefined;
    const what = event
      ? `${event.type} ${event.streamId}@${event.streamVersion} (${event.id})`
      : `unreadable: ${letter.raw?.slice(0, 60)}`;
    io.out(
      `seq ${dlqSequence}  ${letter.failedAt}  after ${letter.deliveryCount} deliveries  ${what}  — ${letter.error.message}`,
    );
  }
  return 0;
}

async function replayDeadLetters(
  io: OpsIo,
  request: { consumer: string; database: ServiceDatabaseConfig; sequences: number[] | 'all'; waitMs: number },
): Promise<number> {
  const letters = await withNats(io, (nc) => readDeadLetters(nc, request.consumer));
  const chosen =
    request.sequences === 'all'
      ? letters
      : letters.filter((l) => (request.sequences as number[]).includes(l.dlqSequence));
  if (request.sequences !== 'all') {
    const missing = request.sequences.filter((seq) => !letters.some((l) => l.dlqSequence === seq));
    if (missing.length > 0)
      throw new UsageError(`no dead letter of ${request.consumer} at seq ${missing.join(', ')}`);
  }
  const { schema } = request.database;
  return withPool(request.database, async (pool) => {
    const rows: ParkedEvent[] = [];
    for (const { letter } of chosen) rows.push(await requestDeadLetterReplay(pool, schema, letter));
    return awaitOutcome(io, pool, schema, rows, request.waitMs);
  });
}

async function listParked(
  io: OpsIo,
  database: ServiceDatabaseConfig,
  subscriber: string | undefined,
  allStatuses: boolean,
): Promise<number> {
  const { schema } = database;
  const rows = await withPool(database, (pool) =>
    new ParkedEvents(schema).list(pool, {
      ...(subscriber ? { subscriber } : {}),
      ...(allStatuses ? { statuses: ['parked', 'replay_requested', 'replayed'] } : {}),
    }),
  );
  io.out(`${rows.length} parked event(s) in ${schema}`);
  for (const row of rows) io.out(describe(row));
  return 0;
}

async function replayParked(
  io: OpsIo,
  database: ServiceDatabaseConfig,
  request: { parkedIds?: string[]; subscriber?: string; waitMs: number },
): Promise<number> {
  const { schema } = database;
  return withPool(database, async (pool) => {
    const parking = new ParkedEvents(schema);
    const marked = await parking.requestReplay(pool, {
      ...(request.parkedIds ? { parkedIds: request.parkedIds } : {}),
      ...(request.subscriber ? { subscriber: request.subscriber } : {}),
    });
    if (marked.length === 0) {
      io.out('nothing to replay: no parked event matches (already replayed, or requested)');
      return 0;
    }
    return awaitOutcome(io, pool, schema, marked, request.waitMs);
  });
}

/** Waits until the service has dealt with every request, or the time is up; prints each outcome. */
async function awaitOutcome(
  io: OpsIo,
  pool: Pool,
  schema: string,
  requested: readonly ParkedEvent[],
  waitMs: number,
): Promise<number> {
  const parking = new ParkedEvents(schema);
  const ids = requested.map((r) => r.parkedId);
  const deadline = Date.now() + waitMs;
  let rows: ParkedEvent[] = [];
  for (;;) {
    rows = await parking.list(pool, { parkedIds: ids, statuses: ['parked', 'replay_requested', 'replayed'] });
    if (rows.every((r) => r.status !== 'replay_requested') || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  let failed = 0;
  for (const row of rows) {
    if (row.status === 'replayed') io.out(`replayed   ${describe(row)}`);
    else if (row.status === 'parked') {
      failed++;
      io.out(`failed     ${describe(row)} — ${row.replayError?.message ?? ''}`);
    } else {
      failed++;
      io.out(
        `requested  ${describe(row)} — the service has not picked it up yet: it applies it when it runs`,
      );
    }
  }
  return failed === 0 ? 0 : 1;
}

function describe(row: ParkedEvent): string {
  const source = row.source ? `${row.source} ` : '';
  const error = row.error ? ` — ${row.error.message}` : '';
  return `#${row.parkedId}  ${row.subscriber}  ${row.reason}/${row.status}  ${source}${row.eventType} ${row.streamId}@${row.streamVersion} (${row.eventId})  attempts ${row.attempts}${error}`;
}
