// Wait for an asynchronous outcome without sleeping a guessed time (ARCHITECTURE §7): retry a probe
// until it passes. The probe asserts by throwing, or returns the value the test goes on with.
import { setTimeout as delay } from 'node:timers/promises';

export interface EventuallyOptions {
  /** give up after this long (default 10 s) */
  readonly timeoutMs?: number;
  /** pause between attempts (default 25 ms) */
  readonly intervalMs?: number;
}

/** Resolves with the probe's first passing value; on timeout rejects with the probe's last error. */
export async function eventually<T>(
  probe: () => Promise<T> | T,
  options: EventuallyOptions = {},
): Promise<T> {
  const { timeoutMs = 10_000, intervalMs = 25 } = options;
  const started = performance.now();
  let attempts = 0;
  let lastError: unknown;
  for (;;) {
    attempts++;
    try {
      // a probe that never settles (a stuck query) must not outlive the timeout by much
      const budget = Math.max(timeoutMs - (performance.now() - started), intervalMs);
      return await withinTime(probe, budget);
    } catch (error) {
      lastError = error;
    }
    const elapsed = performance.now() - started;
    if (elapsed >= timeoutMs) throw timedOut(lastError, elapsed, attempts);
    await delay(Math.min(intervalMs, timeoutMs - elapsed));
  }
}

async function withinTime<T>(probe: () => Promise<T> | T, ms: number): Promise<T> {
  const controller = new AbortController();
  const timer = delay(ms, undefined, { signal: controller.signal }).then(() => {
    throw new Error(`probe did not settle within ${Math.round(ms)} ms`);
  });
  timer.catch(() => undefined); // aborted when the probe settles first
  try {
    return await Promise.race([Promise.resolve().then(probe), timer]);
  } finally {
    controller.abort();
  }
}

function timedOut(lastError: unknown, elapsedMs: number, attempts: number): Error {
  const error = lastError instanceof Error ? lastError : new Error(String(lastError));
  const note = `(eventually: still failing after ${Math.round(elapsedMs)} ms and ${attempts} attempts)`;
  const header = `${error.name}: ${error.message}`;
  error.message = `${error.message}\n${note}`;
  // the stack starts with the message as it was at construction: keep the two in step
  if (error.stack?.startsWith(header))
    error.stack = `${error.name}: ${error.message}${error.stack.slice(header.length)}`;
  return error;
}
