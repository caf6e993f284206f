// A service's settings from the environment, read once at start; every problem is named at once.
import { readFileSync } from 'node:fs';
import {
  messagingConfigFromEnv,
  natsClientConfigFromEnv,
  NatsClientConfigError,
  readServiceEnvelopeKeys,
  type ServiceEnvelopeKeys,
  type MessagingConfig,
  type NatsClientConfig,
} from '@jineng/messaging';
import { parseLogLevel, type JsonLogLevel } from '@jineng/observability';

/**
 * What the migration step needs, and nothing more (`main.js migrate` reads only this: it holds no NATS
 * identity and no envelope keys).
 */
export interface ServiceDatabaseConfig {
  /** the service name: NATS subject token (`class-ops`) */
  readonly service: string;
  /** its PostgreSQL schema: event store, read models, inbox, checkpoints (`class_ops`) */
  readonly schema: string;
  /** the runtime role's connection (its password from JINENG_DATABASE_PASSWORD_FILE, when set) */
  readonly databaseUrl: string;
  /**
   * the migrator's connection (JINENG_MIGRATOR_DATABASE_URL, password from
   * JINENG_MIGRATOR_DATABASE_PASSWORD_FILE): when set, the service applies its migrations and grants its
   * runtime role before it starts; otherwise they must have been applied (`main.js migrate`)
   */
  readonly migratorDatabaseUrl?: string;
  /**
   * JINENG_STORE_READER_ROLE: the audit service's read-only role on this service's events and streams,
   * which the migration step creates and grants (ADR 0021); none when unset
   */
  readonly storeReaderRole?: string;
  readonly logLevel: JsonLogLevel;
}

export interface ServiceConfig extends ServiceDatabaseConfig {
  readonly poolSize: number;
  /** `statement_timeout` of every connection (ms, 0 = none): a statement stuck on a lock ends */
  readonly statementTimeoutMs: number;
  /** `idle_in_transaction_session_timeout` (ms, 0 = none): a transaction left open ends, with its session */
  readonly idleInTransactionTimeoutMs: number;
  /** a relay or projection with events waiting that has not moved for this long makes the service not ready */
  readonly stallAfterMs: number;
  /** JINENG_TEST_CLOCK_FILE: end-to-end tests move the clock (never in production) */
  readonly testClockFile?: string;
  readonly messaging: MessagingConfig;
  /** its NATS identity: credentials and TLS from JINENG_NATS_* files, its own inbox prefix */
  readonly nats: NatsClientConfig;
  /** HTTP port of /health and /metrics */
  readonly port: number;
  readonly host: string;
  /** its own envelope keys (JINENG_ENVELOPE_VERIFY_KEYS_FILE, ADR 0022): requests the gateway did not
   * authenticate with one of them are refused */
  readonly envelopeVerifyKeys: ServiceEnvelopeKeys;
}

export class ServiceConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid ${service} configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ServiceConfigError';
  }
}

/** The migration step's settings: the schema, the runtime role's and the migrator's connections, the log level. */
export function serviceDatabaseConfigFromEnv(
  service: string,
  env: NodeJS.ProcessEnv = process.env,
): ServiceDatabaseConfig {
  const problems: string[] = [];
  const config = readDatabaseConfig(service, env, problems);
  if (problems.length > 0) throw new ServiceConfigError(service, problems);
  return config;
}

export function serviceConfigFromEnv(
  service: string,
  defaults: { readonly port: number },
  env: NodeJS.ProcessEnv = process.env,
): ServiceConfig {
  const problems: string[] = [];
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    problems.push(`${name} must be an integer from ${min} to ${max} (got '${raw}')`);
    return fallback;
  };
  const database = readDatabaseConfig(service, env, problems);
  let messaging: MessagingConfig | undefined;
  try {
    messaging = messagingConfigFromEnv(env);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const testClockFile = env.JINENG_TEST_CLOCK_FILE || undefined;
  if (testClockFile && env.NODE_ENV === 'production')
    problems.push('JINENG_TEST_CLOCK_FILE is for tests: it is refused with NODE_ENV=production');
  let nats: NatsClientConfig = { connectOptions: {}, authentication: 'none', tls: false };
  try {
    nats = natsClientConfigFromEnv(service, env);
  } catch (error) {
    if (!(error instanceof NatsClientConfigError)) throw error;
    problems.push(...error.problems);
  }
  let envelopeVerifyKeys: ServiceEnvelopeKeys = new Map();
  const keysFile = env.JINENG_ENVELOPE_VERIFY_KEYS_FILE;
  if (!keysFile) {
    problems.push(
      `JINENG_ENVELOPE_VERIFY_KEYS_FILE is required: the JWK Set of this service's own HS256 envelope keys (${service}), with which the gateway authenticates the requests it sends here (scripts/envelope-keys.mjs makes them)`,
    );
  } else {
    try {
      envelopeVerifyKeys = readServiceEnvelopeKeys(keysFile, service);
    } catch (error) {
      problems.push(`JINENG_ENVELOPE_VERIFY_KEYS_FILE ${(error as Error).message}`);
    }
  }
  const config: ServiceConfig = {
    ...database,
    poolSize: integer('JINENG_DB_POOL_SIZE', 10, 2, 200),
    statementTimeoutMs: integer('JINENG_DB_STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000),
    idleInTransactionTimeoutMs: integer('JINENG_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 15_000, 0, 3_600_000),
    stallAfterMs: integer('JINENG_STALL_AFTER_MS', 30_000, 100, 3_600_000),
    messaging: messaging ?? messagingConfigFromEnv({}),
    nats,
    port: integer('PORT', defaults.port, 0, 65535),
    host: env.HOST || '0.0.0.0',
    envelopeVerifyKeys,
    ...(testClockFile ? { testClockFile } : {}),
  };
  if (problems.length > 0) throw new ServiceConfigError(service, problems);
  return config;
}

function readDatabaseConfig(
  service: string,
  env: NodeJS.ProcessEnv,
  problems: string[],
): ServiceDatabaseConfig {
  let logLevel: JsonLogLevel = 'info';
  try {
    logLevel = parseLogLevel(env.LOG_LEVEL);
  } catch (error) {
    problems.push(`LOG_LEVEL: ${(error as Error).message}`);
  }
  const schema = env.JINENG_SCHEMA || service.replace(/-/g, '_');
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    problems.push(`JINENG_SCHEMA '${schema}' is not a schema name`);
  const withPassword = (urlName: string, url: string | undefined, fileName: string): string | undefined => {
    const file = env[fileName];
    if (!url || !file) return url;
    try {
      const parsed = new URL(url);
      parsed.password = encodeURIComponent(readFileSync(file, 'utf8').trim());
      return parsed.toString();
    } catch (error) {
      problems.push(`${fileName} (the password of ${urlName}): ${(error as Error).message}`);
      return url;
    }
  };
  const migratorDatabaseUrl = withPassword(
    'JINENG_MIGRATOR_DATABASE_URL',
    env.JINENG_MIGRATOR_DATABASE_URL || undefined,
    'JINENG_MIGRATOR_DATABASE_PASSWORD_FILE',
  );
  return {
    service,
    schema,
    databaseUrl: withPassword(
      'DATABASE_URL',
      env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
      'JINENG_DATABASE_PASSWORD_FILE',
    )!,
    ...(migratorDatabaseUrl ? { migratorDatabaseUrl } : {}),
    ...(env.JINENG_STORE_READER_ROLE ? { storeReaderRole: env.JINENG_STORE_READER_ROLE } : {}),
    logLevel,
  };
}
