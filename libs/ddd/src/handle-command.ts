// The command handler of ARCHITECTURE §2: load the stream, fold, decide, append with the expected
// version, retry on a conflict. Event ids derive from the command id, so a command handled twice
// (a client retry, a NATS redelivery) appends nothing the second time and answers the same.
//
// Only types come from the event store: loading `@jineng/ddd` must not load a database driver,
// because domain code imports it too.
import type {
  AppendResult,
  EventIdConflictError,
  EventStore,
  EventToAppend,
  GlobalPosition,
  RecordedEvent,
  WrongExpectedVersionError,
} from '@jineng/event-store';
import { assertCommandMetadata } from './command-metadata';
import { CommandConcurrencyConflict } from './command.errors';
import { decisionEvents, type Command, type Decider, type DomainEvent } from './decider';
import { deriveEventId } from './event-ids';
import { eventMetadataOf, type EventMetadata } from './event-metadata';
import { toJsonObject, type ReadonlyJsonObject } from './json';

export interface HandleCommandOptions<C extends Command, S, E extends DomainEvent> {
  readonly store: EventStore;
  readonly decider: Decider<C, S, E>;
  readonly streamId: string;
  readonly command: C;
  /** extra metadata for every event of this command (cannot replace the standard keys) */
  readonly toEventMetadata?: (command: C) => ReadonlyJsonObject;
  /** appends retried after a concurrency conflict before giving up (so at most maxRetries + 1 attempts) */
  readonly maxRetries?: number;
}

/** An event of the command's answer, as stored. */
export interface CommittedEvent<E extends DomainEvent = DomainEvent> {
  readonly id: string;
  readonly streamId: string;
  readonly version: number;
  readonly type: E['type'];
  readonly data: E['data'];
  readonly metadata: EventMetadata;
  readonly globalPosition: GlobalPosition;
}

export interface CommandResult<S, E extends DomainEvent> {
  readonly streamId: string;
  /** the events this command recorded, in order (empty when it decided nothing) */
  readonly events: readonly CommittedEvent<E>[];
  /** the stream's version right after this command */
  readonly nextExpectedVersion: number;
  /** the state right after this command */
  readonly state: S;
  /** true when the command had been handled before: nothing was appended, this is the first answer */
  readonly idempotent: boolean;
}

// typed against the port, so a renamed code fails to compile here
const WRONG_EXPECTED_VERSION: WrongExpectedVersionError['code'] = 'EVENT_STORE.WRONG_EXPECTED_VERSION';
const EVENT_ID_CONFLICT: EventIdConflictError['code'] = 'EVENT_STORE.EVENT_ID_CONFLICT';

export async function handleCommand<C extends Command, S, E extends DomainEvent>(
  options: HandleCommandOptions<C, S, E>,
): Promise<CommandResult<S, E>> {
  const { store, decider, streamId, command, toEventMetadata, maxRetries = 5 } = options;
  if (!Number.isSafeInteger(maxRetries) || maxRetries < 0) {
    throw new TypeError(`maxRetries must be an integer >= 0, got ${maxRetries}`);
  }
  assertCommandMetadata(command.metadata);
  const { commandId } = command.metadata;
  const firstEventId = deriveEventId(commandId, 0);
  const metadata = eventMetadataOf(command, toEventMetadata?.(command));

  let lastConflict: unknown;
  for (let attempt = 1; attempt <= maxRetries + 1; attempt++) {
    // checked on every attempt: a concurrent copy of this command may be what we conflicted with
    const recorded = await store.findEvent(firstEventId);
    if (recorded) return replay(store, decider, recorded.streamId, commandId);

    const slice = await store.readStream(streamId);
    const loaded = slice.events.reduce(
      (state, event) => decider.evolve(state, asDomainEvent<E>(event)),
      decider.initialState(),
    );
    const decided = decisionEvents(decider.decide(command, loaded));
    if (decided.length === 0) {
      return { streamId, events: [], nextExpectedVersion: slice.version, state: loaded, idempotent: false };
    }

    const toAppend: EventToAppend[] = decided.map((event, i) => ({
      id: deriveEventId(commandId, i),
      type: event.type,
      data: toJsonObject(event.data, `${event.type}.data`),
      metadata: metadata as unknown as EventToAppend['metadata'],
    }));
    let result: AppendResult;
    try {
      result = await store.appendToStream(streamId, toAppend, {
        expectedVersion: slice.version === 0 ? 'no_stream' : slice.version,
      });
    } catch (error) {
      if (hasCode(error, WRONG_EXPECTED_VERSION)) {
        lastConflict = error;
        continue;
      }
      // our ids are taken with other content: a concurrent copy of this command won, answer as it did
      const winner = hasCode(error, EVENT_ID_CONFLICT) ? await store.findEvent(firstEventId) : undefined;
      if (winner) return replay(store, decider, winner.streamId, commandId);
      throw error;
    }
    if (result.idempotent) return replay(store, decider, streamId, commandId);
    const state = decided.reduce((s, event) => decider.evolve(s, event), loaded);
    return {
      streamId,
      events: committedFrom<E>(streamId, toAppend, result),
      nextExpectedVersion: result.nextExpectedVersion,
      state,
      idempotent: false,
    };
  }
  throw new CommandConcurrencyConflict({ streamId, attempts: maxRetries + 1 }, { cause: lastConflict });
}

/** The first answer again, from the store: this command's events and the state right after them. */
async function replay<C extends Command, S, E extends DomainEvent>(
  store: EventStore,
  decider: Decider<C, S, E>,
  streamId: string,
  commandId: string,
): Promise<CommandResult<S, E>> {
  const slice = await store.readStream(streamId);
  const events: CommittedEvent<E>[] = [];
  let state = decider.initialState();
  for (const event of slice.events) {
    const ofCommand = event.metadata.commandId === commandId;
    if (!ofCommand && events.length > 0) break; // a command's events are one append: contiguous
    state = decider.evolve(state, asDomainEvent<E>(event));
    if (ofCommand) events.push(committed<E>(event));
  }
  if (events.length === 0) throw new Error(`event of command ${commandId} not found in stream ${streamId}`);
  const nextExpectedVersion = events[events.length - 1].version;
  return { streamId, events, nextExpectedVersion, state, idempotent: true };
}

function committedFrom<E extends DomainEvent>(
  streamId: string,
  appended: readonly EventToAppend[],
  result: AppendResult,
): CommittedEvent<E>[] {
  if (result.positions.length !== appended.length) {
    throw new Error(
      `event store answered ${result.positions.length} positions for ${appended.length} events`,
    );
  }
  const firstVersion = result.nextExpectedVersion - appended.length + 1;
  return appended.map(
    (event, i) =>
      ({
        ...event,
        streamId,
        version: firstVersion + i,
        globalPosition: result.positions[i],
      }) as CommittedEvent<E>,
  );
}

function asDomainEvent<E extends DomainEvent>(event: RecordedEvent): E {
  return { type: event.type, data: event.data } as unknown as E;
}

function committed<E extends DomainEvent>(event: RecordedEvent): CommittedEvent<E> {
  return {
    id: event.id,
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    data: event.data as E['data'],
    metadata: event.metadata as unknown as EventMetadata,
    globalPosition: { transactionId: event.transactionId, position: event.position },
  };
}

function hasCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === code;
}
