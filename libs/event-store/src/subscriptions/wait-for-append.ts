import type { PostgresEventStore } from '../postgres/postgres-event-store';

/**
 * Sleeps up to `ms`, waking early when this process appends to the store or when `abort` fires.
 * `sinceAppendCount` is `store.appendCount` taken before the caller's last read: an append made
 * while that read's batch was being handled ends the wait at once instead of a poll interval later.
 */
export function waitForAppend(
  store: PostgresEventStore,
  ms: number,
  abort: AbortSignal,
  sinceAppendCount?: number,
): Promise<void> {
  // stop() may have fired while a batch was in hand: an aborted signal never fires 'abort' again
  if (abort.aborted) return Promise.resolve();
  if (sinceAppendCount !== undefined && store.appendCount !== sinceAppendCount) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      store.appended.off('appended', done);
      abort.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    store.appended.on('appended', done);
    abort.addEventListener('abort', done);
  });
}

/** Sleeps `ms`, or less when `abort` fires. */
export function sleep(ms: number, abort: AbortSignal): Promise<void> {
  if (abort.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      abort.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    abort.addEventListener('abort', done);
  });
}
