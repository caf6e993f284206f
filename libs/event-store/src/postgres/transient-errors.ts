// Failures of the infrastructure rather than of the handler's logic: retried without end, never
// sent to the dead-letter subject, so a PostgreSQL restart does not bury healthy events.

/** SQLSTATE classes and codes that say "try again", not "this event is bad". */
// 25P03: the session was closed by idle_in_transaction_session_timeout (the connection is gone)
const TRANSIENT_SQLSTATE = /^(08|53|57P0[1-3]|40001|40P01|25P03)/;
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

export function isTransientError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NODE_CODES.has(code)))
    return true;
  return /Connection terminated|connection timeout|Client has encountered a connection error/i.test(
    error.message,
  );
}
