// The event store port (ARCHITECTURE §2). Adapters: PostgreSQL (postgres/), the one every test runs.
//
// Stream versions count events: the first event of a stream is version 1, a stream with no events
// is at version 0 (`no_stream`). The global order is the pair (transactionId, position) — see
// docs/adr/0001-event-store.md for why a plain position is not enough.

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** An event as the writer hands it over: a stable id, a versioned type name ("ClassOpened.v1") and data. */
export interface EventToAppend {
  readonly id: string;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
}

/** exact version, or: the stream must not exist / must exist / anything goes. */
export type ExpectedVersion = number | 'no_stream' | 'exists' | 'any';

export interface AppendResult {
  readonly streamId: string;
  /** the stream's version after the append (its last event's version) */
  readonly nextExpectedVersion: number;
  readonly positions: readonly GlobalPosition[];
  /** true when every event id was already stored with the same content: nothing was appended */
  readonly idempotent: boolean;
}

/** The reader-safe global order: (writer's transaction id, position). */
export interface GlobalPosition {
  readonly transactionId: bigint;
  readonly position: bigint;
}

export const START: GlobalPosition = Object.freeze({ transactionId: 0n, position: 0n });

export interface RecordedEvent {
  readonly id: string;
  readonly streamId: string;
  readonly version: number;
  readonly type: string;
  readonly data: JsonObject;
  readonly metadata: JsonObject;
  readonly recordedAt: Date;
  readonly transactionId: bigint;
  readonly position: bigint;
  /** hex sha256 of the per-stream chain link */
  readonly hash: string;
}

/**
 * A stored event with its data and metadata as the JSON text stored, not parsed: for a reader that
 * passes them on as they are (the outbox relay), which then parses and serialises nothing.
 */
export interface RecordedEventText extends Omit<RecordedEvent, 'data' | 'metadata'> {
  readonly dataText: string;
  readonly metadataText: string;
  /** `metadata.correlationId` when it is a string */
  readonly correlationId: string | undefined;
}

export interface ReadStreamOptions {
  /** first version to return (default 1) */
  readonly fromVersion?: number;
  /** the stream as it stood at this version: nothing after it */
  readonly toVersion?: number;
  /** the stream as it stood at this moment: only events recorded at or before it */
  readonly asOf?: Date;
}

export interface StreamSlice {
  readonly streamId: string;
  /** version of the last event returned (0 when none) */
  readonly version: number;
  readonly events: readonly RecordedEvent[];
}

export interface AllSlice<E = RecordedEvent> {
  readonly events: readonly E[];
  /** where the next read starts; equal to `from` when nothing was read */
  readonly next: GlobalPosition;
}

export type AllTextSlice = AllSlice<RecordedEventText>;

export interface EventStore {
  appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: { expectedVersion: ExpectedVersion },
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StreamSlice>;
  /** events strictly after `from`, only from transactions every reader can already see, in global order */
  readAll(from: GlobalPosition, limit: number): Promise<AllSlice>;
  /** one event by id, or undefined */
  findEvent(eventId: string): Promise<RecordedEvent | undefined>;
}

export class WrongExpectedVersionError extends Error {
  readonly code = 'EVENT_STORE.WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream '${streamId}': expected version ${String(expected)}, actual ${actual}`);
    this.name = 'WrongExpectedVersionError';
  }
}

export class EventIdConflictError extends Error {
  readonly code = 'EVENT_STORE.EVENT_ID_CONFLICT';
  constructor(
    readonly eventId: string,
    readonly reason: string,
  ) {
    super(`event id ${eventId} is already stored ${reason}`);
    this.name = 'EventIdConflictError';
  }
}

export class InvalidEventError extends Error {
  readonly code = 'EVENT_STORE.INVALID_EVENT';
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidEventError';
  }
}
