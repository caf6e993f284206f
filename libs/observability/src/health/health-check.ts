// Readiness is the sum of pluggable checks (NATS, PostgreSQL, ...): each app registers the
// dependencies it cannot serve without, and a probe learns which one failed.

export interface HealthCheck {
  /** the key in the readiness answer, e.g. `nats` */
  readonly name: string;
  /** resolves when the dependency answers; rejects (or outlasts the timeout) when it does not */
  check(): Promise<void>;
  /** releases what the check holds (a connection); called when the app stops */
  close?(): Promise<void>;
}

export interface HealthCheckResult {
  readonly status: 'up' | 'down';
  readonly durationMs: number;
  /** why it is down: a short reason, no stack */
  readonly error?: string;
}

export interface HealthReport {
  readonly status: 'up' | 'down';
  readonly checks: Readonly<Record<string, HealthCheckResult>>;
}

/** Runs the checks concurrently, each bounded by `timeoutMs`; down if any is down. */
export async function runHealthChecks(
  checks: readonly HealthCheck[],
  timeoutMs: number,
): Promise<HealthReport> {
  const results = await Promise.all(
    checks.map(async (check): Promise<[string, HealthCheckResult]> => {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      try {
        await withTimeout(check.check(), timeoutMs);
        return [check.name, { status: 'up', durationMs: elapsed() }];
      } catch (error) {
        return [check.name, { status: 'down', durationMs: elapsed(), error: reasonOf(error) }];
      }
    }),
  );
  return {
    status: results.every(([, result]) => result.status === 'up') ? 'up' : 'down',
    checks: Object.fromEntries(results),
  };
}

function withTimeout(promise: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  // a check that fails after its timeout must not become an unhandled rejection
  promise.catch(() => undefined);
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function reasonOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  // one line, short: readiness answers are read by probes and dashboards, not debuggers
  return (text.split('\n')[0] ?? '').slice(0, 200) || 'failed';
}
