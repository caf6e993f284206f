// Every service of the platform as its own process (startPlatform), each with a fresh schema of one
// test database and the same moved clock: what the whole-flow and the fault tests run against.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connectTestDatabase, type TestDatabase } from './postgres';
import { startPlatform, type RunningPlatform, type PlatformOptions } from './platform';
import { setTestClock } from '../test-clock';

/** the services in the order they start (the gateway last: it answers once all are up) */
export const PLATFORM_SERVICES = [
  'registry',
  'subsidy',
  'class-ops',
  'certification',
  'fund-ledger',
  'audit',
] as const;

// the development keys scripts/start.mjs gives the registry (tests cannot import the app's code)
const developmentKey = (seed: string) => createHash('sha256').update(seed).digest('base64');
export const DEVELOPMENT_REGISTRY_KEYS = {
  JINENG_REGISTRY_DATA_KEY: developmentKey('jineng development registry data key - not for production'),
  JINENG_REGISTRY_LOOKUP_KEY: developmentKey('jineng development registry lookup key - not for production'),
};

export interface WholePlatform {
  readonly platform: RunningPlatform;
  readonly db: TestDatabase;
  /** each service's schema */
  readonly schemas: Readonly<Record<string, string>>;
  readonly clockFile: string;
  /** moves every service's clock to `iso` and waits until they have read it */
  moveClock(iso: string): Promise<void>;
  /**
   * What the apps logged as warnings and errors (they log nothing below warn), start-up notices left
   * out, one line each as `<app> <level> <context>: <message>`: what a failed step prints to explain
   * a delay (a consumer's retries, a relay's errors).
   */
  problemsLogged(): string[];
  dispose(): Promise<void>;
}

export async function startWholePlatform(
  name: string,
  startsAt: string,
  options: PlatformOptions & {
    readonly replicas?: Readonly<Record<string, number>>;
    /** more environment for the gateway (e.g. JINENG_CONSOLE_DIR: the built console on its origin) */
    readonly gatewayEnv?: Readonly<Record<string, string>>;
  } = {},
): Promise<WholePlatform> {
  const db = await connectTestDatabase(name);
  const clockDir = mkdtempSync(path.join(os.tmpdir(), `${name}-clock-`));
  const clockFile = path.join(clockDir, 'clock.json');
  setTestClock(clockFile, startsAt);
  const schemas: Record<string, string> = {};
  for (const service of PLATFORM_SERVICES) schemas[service] = await db.freshSchema();
  // the audit service's read-only role on each store (ADR 0021): granted by each service's migration
  // step, dropped with the test database
  const readers = Object.fromEntries(PLATFORM_SERVICES.map((service) => [service, db.runtimeRole()]));
  const stores = JSON.stringify(
    Object.fromEntries(
      PLATFORM_SERVICES.map((service) => [
        service,
        { databaseUrl: readers[service]!.url, schema: schemas[service]! },
      ]),
    ),
  );
  const serviceEnv = (service: (typeof PLATFORM_SERVICES)[number]) => ({
    JINENG_SCHEMA: schemas[service]!,
    JINENG_TEST_CLOCK_FILE: clockFile,
    JINENG_STORE_READER_ROLE: readers[service]!.name,
    ...(service === 'audit' ? { JINENG_AUDIT_STORES: stores } : {}),
    ...(service === 'registry' ? DEVELOPMENT_REGISTRY_KEYS : {}),
  });
  const apps = [
    ...PLATFORM_SERVICES.map((service) => ({ name: service, env: serviceEnv(service) })),
    { name: 'gateway', env: { JINENG_DEV_AUTH: 'enabled', ...options.gatewayEnv } },
    ...Object.entries(options.replicas ?? {}).flatMap(([service, count]) =>
      Array.from({ length: count - 1 }, (_, i) => ({
        name: service,
        replicaLabel: `${service}#${i + 2}`,
        env: serviceEnv(service as (typeof PLATFORM_SERVICES)[number]),
      })),
    ),
  ];
  let platform: RunningPlatform;
  try {
    platform = await startPlatform(apps, {}, 150_000, { parallel: 2, ...options });
  } catch (error) {
    await db.dispose();
    throw error;
  }
  return {
    platform,
    db,
    schemas,
    clockFile,
    async moveClock(iso: string) {
      setTestClock(clockFile, iso);
      // a service re-reads the file at most every 50 ms
      await new Promise((resolve) => setTimeout(resolve, 150));
    },
    problemsLogged() {
      return Object.entries(platform.logs).flatMap(([app, lines]) =>
        lines
          .filter((line) => line['context'] !== 'Bootstrap')
          .map((line) =>
            'notJson' in line
              ? `${app} ${String(line['notJson'])}`
              : `${app} ${String(line['time'])} ${String(line['level'])} ${String(line['context'])}: ${String(line['message'])}`,
          ),
      );
    },
    async dispose() {
      await platform.stop();
      await db.dispose();
      rmSync(clockDir, { recursive: true, force: true });
    },
  };
}
