// Messaging settings from the environment: one replica and a 2-minute duplicate window on this
// machine; production sets JINENG_EVENTS_REPLICAS=3 for its 3-node JetStream cluster.
import { NATS_CREDENTIAL_VARIABLES } from './bus/nats-client-config';

export interface MessagingConfig {
  readonly natsUrl: string;
  /** JetStream replicas of the event and dead-letter streams */
  readonly replicas: number;
  /** how long JetStream remembers a Nats-Msg-Id: re-sends within it are absorbed by the server */
  readonly duplicateWindowMs: number;
  /**
   * the most bytes the event stream (JINENG_EVENTS_MAX_BYTES) and the dead-letter stream
   * (JINENG_DEAD_LETTERS_MAX_BYTES) may hold; absent: no limit but the server's storage. A full stream
   * refuses new messages rather than dropping old ones (ensure-streams.ts).
   */
  readonly eventsMaxBytes?: number;
  readonly deadLettersMaxBytes?: number;
  /**
   * `ensure`: the app creates or updates the streams at start (a local, unauthenticated server);
   * `verify`: it only checks that they exist — the provisioner made them (ADR 0002, decision 10).
   * JINENG_NATS_STREAMS; by default `verify` when the app has NATS credentials, else `ensure`.
   */
  readonly streams: 'ensure' | 'verify';
}

export function messagingConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MessagingConfig {
  return {
    natsUrl: env.NATS_URL ?? 'nats://127.0.0.1:4222',
    replicas: positiveInteger(env, 'JINENG_EVENTS_REPLICAS', 1),
    duplicateWindowMs: positiveInteger(env, 'JINENG_EVENTS_DUPLICATE_WINDOW_MS', 120_000),
    ...optionalPositiveInteger(env, 'JINENG_EVENTS_MAX_BYTES', 'eventsMaxBytes'),
    ...optionalPositiveInteger(env, 'JINENG_DEAD_LETTERS_MAX_BYTES', 'deadLettersMaxBytes'),
    streams: streamsMode(env),
  };
}

function streamsMode(env: NodeJS.ProcessEnv): MessagingConfig['streams'] {
  const raw = env.JINENG_NATS_STREAMS;
  if (raw === undefined || raw === '')
    return NATS_CREDENTIAL_VARIABLES.some((name) => env[name]) ? 'verify' : 'ensure';
  if (raw !== 'ensure' && raw !== 'verify')
    throw new TypeError(`JINENG_NATS_STREAMS must be 'ensure' or 'verify' (got '${raw}')`);
  return raw;
}

function optionalPositiveInteger<K extends 'eventsMaxBytes' | 'deadLettersMaxBytes'>(
  env: NodeJS.ProcessEnv,
  name: string,
  key: K,
): Partial<Record<K, number>> {
  const raw = env[name];
  if (raw === undefined || raw === '') return {};
  return { [key]: positiveInteger(env, name, 0) } as Partial<Record<K, number>>;
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new TypeError(`${name} must be a positive integer (got '${raw}')`);
  return value;
}
