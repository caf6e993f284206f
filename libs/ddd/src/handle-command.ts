// The command handler of ARCHITECTURE §2: load the stream, fold, decide, append with the expected
// version, retry on a conflict. Event ids derive from the command id, so a command handled twice
// (a client retry, a NATS redelivery) appends nothing the second time and answers the same.
//
// Command identity: the first event of a command id is found by its derived id, and its metadata
// says what the id did (stream, command type, actor, request digest). A later use with the same
// facts gets the first answer; with any other fact it is refused (COMMAND.ID_REUSED) before
// anything is loaded or decided. A command that recorded nothing did nothing to remember: its id is
// decided afresh when it comes again.
//
// Only types come from the event store: loading `@jineng/ddd` must not load a database driver,
// because domain code imports it too.
import { randomUUID } from 'node:crypto';
import type {
  AppendResult,
  EventIdConflictError,
  EventStore,
  EventToAppend,
  GlobalPosition,
  RecordedEvent,
  WrongExpectedVersionError,
} from '@jineng/event-store';
import { assertSameCommand, factsOfEvent } from './command-identity';
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
  /**
   * A repeat of the command id with the same request: `answer` (default) answers what it recorded
   * the first time and records nothing; `record` decides and records again under new event ids —
   * for a fact that happens anew each time it is asked, such as a disclosure of personal data.
   */
  readonly onRepeat?: 'answer' | 'record';
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
  const { store, decider, streamId, command, toEventMetadata, maxRetries = 5, onRepeat = 'answer' } = options;
  if (!Number.isSafeInteger(maxRetries) || maxRetries < 0) {
    throw new TypeError(`maxRetries must be an integer >= 0, got ${maxRetries}`);
  }
  assertCommandMetadata(command.metadata);
  const { commandId } = command.metadata;
  const firstEventId = deriveEventId(commandId, 0);
  const metadata = eventMetadataOf(command, toEventMetadata?.(command));
  const facts = factsOfEvent({ streamId, metadata });
  /** the first event of this command id, checked against this use; undefined while there is none */
  const firstUse = async (): Promise<RecordedEvent | undefined> => {
    const recorded = await store.findEvent(firstEventId);
    if (recorded) assertSameCommand(commandId, factsOfEvent(recorded), facts);
    return recorded;
  };

  let lastConflict: unknown;
  for (let attempt = 1; attempt <= maxRetries + 1; attempt++) {
    // checked on every attempt: a concurrent copy of this command may be what we conflicted with
    const recorded = await firstUse();
    if (recorded && onRepeat === 'answer') return replay(store, decider, recorded.streamId, commandId);

    const slice = await store.readStream(streamId);
    const loaded = slice.events.reduce(
      (state, event) => decider.evolve(state, asDomainEvent<E>(event)),
      decider.initialState(),
    );
    const decided = decisionEvents(decider.decide(command, loaded));
    if (decided.length === 0) {
      return { streamId, events: [], nextExpectedVersion: slice.version, state: loaded, idempotent: false };
    }

    // a repeat that records again needs ids of its own; the first use's derive from the command id
    const idBase = recorded ? randomUUID() : commandId;
    const toAppend: EventToAppend[] = decided.map((event, i) => ({
      id: deriveEventId(idBase, i),
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
      // our ids are taken: by a concurrent copy of this command (answer as it did, or record again),
      // or by another use of the id (refused by firstUse)
      const winner = hasCode(error, EVENT_ID_CONFLICT) ? await firstUse() : undefined;
      if (winner && onRepeat === 'answer') return replay(store, decider, winner.streamId, commandId);
      if (winner) continue;
      throw error;
    }
    if (result.idempotent) {
      if (onRepeat === 'answer') return replay(store, decider, streamId, commandId);
      continue; // a copy of this very delivery was stored: this one records its own
    }
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
