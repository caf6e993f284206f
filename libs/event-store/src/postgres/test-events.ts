import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '../event-store.port';

/** Test data for the store's own contract tests: plain, versioned, no personal data. */
export const anEvent = (data: EventToAppend['data'] = {}, type = 'SomethingHappened.v1'): EventToAppend => ({
  id: randomUUID(),
  type,
  data,
  metadata: { correlationId: 'c-1', actor: { userId: 'u-1', roles: ['admin'] } },
});

export const events = (
  n: number,
  data: (i: number) => EventToAppend['data'] = (i) => ({ i }),
): EventToAppend[] => Array.from({ length: n }, (_, i) => anEvent(data(i)));
