import { randomUUID } from 'node:crypto';
import type { EventToAppend } from '@jineng/event-store';

// A payload the size of a real domain event (~400 bytes): a check-in with ids, times and a score.
export const payload = (i: number): EventToAppend => ({
  id: randomUUID(),
  type: 'WorkerCheckedIn.v1',
  data: {
    classId: 'c-2026-140802-00017',
    sessionId: `s-${i % 40}`,
    workerId: randomUUID(),
    deviceId: 'dev-000731',
    at: '2026-11-21T08:01:02.345Z',
    location: { lat: 35.0263, lng: 111.0071 },
    faceMatchScore: 0.9731,
    method: 'face',
  },
  metadata: {
    commandId: randomUUID(),
    correlationId: randomUUID(),
    actor: { userId: 'device:dev-000731', roles: ['device'] },
    jurisdiction: '140802',
    occurredAt: '2026-11-21T08:01:02.345Z',
  },
});

/** The raw baseline's table: the events table's column types, minus every constraint and index. */
export const rawEventsTable = (S: string) =>
  `create table ${S}.raw_events (event_id uuid, stream_id text, type text, data json, metadata json)`;
