// Ids that derive from something else, so that asking twice gives the same id (RFC 9562 UUID v5).
import { uuidV5 } from '@jineng/ddd';

/** Fixed forever: worker ids derive from it. */
const WORKER_NAMESPACE = '2d1c6c8e-3f5b-4b0e-9a57-6f3e0b8f5a41';
const ROSTER_ROW_NAMESPACE = '7a0f3b52-1c9d-4e68-8b2f-5d4c3a2e1f90';

/**
 * A worker's id: derived from the keyed hash of their ID number, so that one person can only ever
 * have one stream — the event store's `no_stream` check is the "one person, one card" guard.
 */
export const workerIdOf = (idNumberHash: string): string => uuidV5(WORKER_NAMESPACE, idNumberHash);

/** The command id of one row of a roster import: a retry of the import replays each row's command. */
export const rosterRowCommandId = (importId: string, row: number): string =>
  uuidV5(ROSTER_ROW_NAMESPACE, `${importId}:${row}`);
