// The JSON form of an event once it leaves its service (`jineng.common.v1.IntegrationEvent` in
// proto/): the stored event as it is, plus the service it comes from. Consumers and auditors read
// exactly this; `hash` lets the audit service re-check each stream's chain from its own copy.
import type { JsonObject, RecordedEvent, RecordedEventText } from '@jineng/event-store';

export interface IntegrationEvent {
  readonly id: string;
  /** stored type with its version, e.g. `WorkerRegistered.v1` */
  readonly type: string;
  readonly service: string;
  readonly streamId: string;
  readonly streamVersion: number;
  /** ISO 8601, when the owning service stored it */
  readonly recordedAt: string;
  readonly hash: string;
  readonly data: JsonObject;
  /** actor, jurisdiction, correlation/causation/command ids, occurredAt (libs/ddd EventMetadata) */
  readonly metadata: JsonObject;
}

export function toIntegrationEvent(service: string, event: RecordedEvent): IntegrationEvent {
  return {
    id: event.id,
    type: event.type,
    service,
    streamId: event.streamId,
    streamVersion: event.version,
    recordedAt: event.recordedAt.toISOString(),
    hash: event.hash,
    data: event.data,
    metadata: event.metadata,
  };
}

/**
 * The same integration event as JSON text, from the event as stored: its data and metadata go in as
 * the text the store holds, neither parsed nor serialised again (the outbox relay's hot path). The
 * text is what `JSON.stringify(toIntegrationEvent(…))` gives for the parsed event.
 */
export function integrationEventText(service: string, event: RecordedEventText): string {
  return (
    `{"id":${JSON.stringify(event.id)},"type":${JSON.stringify(event.type)},` +
    `"service":${JSON.stringify(service)},"streamId":${JSON.stringify(event.streamId)},` +
    `"streamVersion":${event.version},"recordedAt":"${event.recordedAt.toISOString()}",` +
    `"hash":${JSON.stringify(event.hash)},"data":${event.dataText},"metadata":${event.metadataText}}`
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks the shape a consumer relies on; returns a reason when it is not an integration event. */
export function integrationEventProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object';
  const e = value as Record<string, unknown>;
  if (typeof e.id !== 'string' || !UUID.test(e.id)) return 'id is not a UUID';
  if (typeof e.type !== 'string' || !/^[A-Z][A-Za-z0-9]*\.v[1-9][0-9]*$/.test(e.type))
    return 'type is not <EventName>.v<N>';
  if (typeof e.service !== 'string' || e.service === '') return 'service is missing';
  if (typeof e.streamId !== 'string' || e.streamId === '') return 'streamId is missing';
  if (!Number.isInteger(e.streamVersion) || (e.streamVersion as number) < 1)
    return 'streamVersion is not >= 1';
  if (typeof e.recordedAt !== 'string' || Number.isNaN(Date.parse(e.recordedAt)))
    return 'recordedAt is not a time';
  for (const key of ['data', 'metadata'] as const) {
    const v = e[key];
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return `${key} is not a JSON object`;
  }
  return undefined;
}
