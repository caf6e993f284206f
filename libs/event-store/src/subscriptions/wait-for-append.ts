import type { PostgresEventStore } from '../postgres/postgres-event-store';

/** Sleeps up to `ms`, waking early when this process appends to the store or when `abort` fires. */
export function waitForAppend(store: PostgresEventStore, ms: number, abort: AbortSignal): Promise<void> {
  // stop() may have fired while a batch was in hand: an aborted signal never fires 'abort' again
  if (abort.aborted) return Promise.resolve();
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
