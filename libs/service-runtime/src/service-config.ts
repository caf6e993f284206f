// A service's settings from the environment, read once at start; every problem is named at once.
import { messagingConfigFromEnv, type MessagingConfig } from '@jineng/messaging';
import { parseLogLevel, type JsonLogLevel } from '@jineng/observability';

export interface ServiceConfig {
  /** the service name: NATS subject token (`class-ops`) */
  readonly service: string;
  /** its PostgreSQL schema: event store, read models, inbox, checkpoints (`class_ops`) */
  readonly schema: string;
  readonly databaseUrl: string;
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
  /** HTTP port of /health and /metrics */
  readonly port: number;
  readonly host: string;
  readonly logLevel: JsonLogLevel;
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
  let logLevel: JsonLogLevel = 'info';
  try {
    logLevel = parseLogLevel(env.LOG_LEVEL);
  } catch (error) {
    problems.push(`LOG_LEVEL: ${(error as Error).message}`);
  }
  let messaging: MessagingConfig | undefined;
  try {
    messaging = messagingConfigFromEnv(env);
  } catch (error) {
    problems.push((error as Error).message);
  }
  const schema = env.JINENG_SCHEMA || service.replace(/-/g, '_');
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
    problems.push(`JINENG_SCHEMA '${schema}' is not a schema name`);
  const testClockFile = env.JINENG_TEST_CLOCK_FILE || undefined;
  if (testClockFile && env.NODE_ENV === 'production')
    problems.push('JINENG_TEST_CLOCK_FILE is for tests: it is refused with NODE_ENV=production');
  const config: ServiceConfig = {
    service,
    schema,
    databaseUrl: env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    poolSize: integer('JINENG_DB_POOL_SIZE', 10, 2, 200),
    statementTimeoutMs: integer('JINENG_DB_STATEMENT_TIMEOUT_MS', 30_000, 0, 3_600_000),
    idleInTransactionTimeoutMs: integer('JINENG_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', 15_000, 0, 3_600_000),
    stallAfterMs: integer('JINENG_STALL_AFTER_MS', 30_000, 100, 3_600_000),
    messaging: messaging ?? messagingConfigFromEnv({}),
    port: integer('PORT', defaults.port, 0, 65535),
    host: env.HOST || '0.0.0.0',
    logLevel,
    ...(testClockFile ? { testClockFile } : {}),
  };
  if (problems.length > 0) throw new ServiceConfigError(service, problems);
  return config;
}
