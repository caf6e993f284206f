// A RecordedEvent as JSON and back (its transaction id and position are bigints): how a parked
// event of a projection is kept until it is replayed.
import type { JsonObject, RecordedEvent } from '../event-store.port';

export function recordedEventToJson(event: RecordedEvent): JsonObject {
  return {
    id: event.id,
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    data: event.data,
    metadata: event.metadata,
    recordedAt: event.recordedAt.toISOString(),
    transactionId: event.transactionId.toString(),
    position: event.position.toString(),
    hash: event.hash,
  };
}

export function recordedEventFromJson(json: unknown): RecordedEvent {
  const e = json as Record<string, unknown>;
  return {
    id: String(e.id),
    streamId: String(e.streamId),
    version: Number(e.version),
    type: String(e.type),
    data: e.data as JsonObject,
    metadata: e.metadata as JsonObject,
    recordedAt: new Date(String(e.recordedAt)),
    transactionId: BigInt(String(e.transactionId)),
    position: BigInt(String(e.position)),
    hash: String(e.hash),
  };
}
