// The correlation id of the work in progress (one HTTP request, one NATS message), kept in
// AsyncLocalStorage so every log line and every outgoing message can carry it without passing it
// through each call.
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

interface CorrelationStore {
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<CorrelationStore>();

/** Runs `fn` (and everything it starts) with `correlationId` as the current one. */
export function runWithCorrelationId<T>(correlationId: string, fn: () => T): T {
  return storage.run({ correlationId }, fn);
}

/** The current correlation id, or undefined outside of `runWithCorrelationId`. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

// Ids come from callers, and end up in logs and response headers: only a short token of safe
// characters is taken as it is (no spaces, quotes or line breaks that could forge a log line).
const ACCEPTABLE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The caller's id when it is acceptable, otherwise a new UUID. */
export function correlationIdFrom(header: string | readonly string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return typeof value === 'string' && ACCEPTABLE.test(value) ? value : randomUUID();
}
