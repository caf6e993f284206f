// The one way a service runs a command (ARCHITECTURE §2): load → metadata → decide → append (with
// retries and the command-identity check) → rows in the same transaction → the result. A use case
// is a NATS controller, a handler that authorizes and builds the command, and a pure decider:
//
//   const result = await this.commands.run(request, {
//     decider: classDecider,
//     streamId: classStreamId(payload.classId),
//     jurisdiction: cls.jurisdiction,                       // where it acts: the record's
//     command: { type: 'OpenClass', data: { ...payload } },  // the runner adds the metadata
//     withEvents: (tx) => this.roster.insert(tx, …),         // optional: rows that commit with the events
//   });
//   return commandAccepted(payload.classId, result);
//
// Commands the service issues itself (a process manager on an event, a scheduler's tick) go through
// `runCaused`, as a system actor, with a command id derived from the cause: a redelivered event
// issues the same command, which records nothing new.
//
// The pure part (`handleCommand`, identity, metadata) is in @jineng/ddd; this adds what needs the
// service's pool, store and clock.
import {
  commandIdForEvent,
  decisionEvents,
  deriveEventId,
  eventMetadataOf,
  handleCommand,
  toJsonObject,
  jsonDigest,
  type Actor,
  type Command,
  type CommandMetadata,
  type CommandResult,
  type Decider,
  type DomainEvent,
  type ReadonlyJsonObject,
} from '@jineng/ddd';
import {
  WrongExpectedVersionError,
  type EventToAppend,
  type PostgresEventStore,
  type RowsWithAppend,
} from '@jineng/event-store';
import type { Clock } from '@jineng/kernel';
import { commandMetadataOf, type RpcRequest } from '@jineng/messaging';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { EVENT_STORE, PG_POOL, SERVICE_CLOCK } from '../service-tokens';
import { handleCommandInTransaction } from './transactional-command';

/** A command as a handler builds it: its type and data (of any member of a union); the runner adds the metadata. */
export type CommandBody<C extends Command> = C extends unknown ? Omit<C, 'metadata'> : never;

export interface CommandSpec<C extends Command, S, E extends DomainEvent> {
  readonly decider: Decider<C, S, E>;
  readonly streamId: string;
  readonly command: CommandBody<C>;
  /**
   * Rows that commit in the same transaction as the events (personal data, unique claims). Runs
   * only when the command records new events; a throw rolls events and rows back together.
   */
  readonly withEvents?: (tx: PoolClient, result: CommandResult<S, E>) => Promise<void>;
  /**
   * A repeat of the command id with the same request: `answer` (default) gives the first answer;
   * `record` records again — for what happens anew each time, e.g. a disclosure of personal data.
   */
  readonly onRepeat?: 'answer' | 'record';
  /** extra metadata on every event of the command */
  readonly toEventMetadata?: (command: C) => ReadonlyJsonObject;
  /** default 5 */
  readonly maxRetries?: number;
}

export interface RequestCommandSpec<C extends Command, S, E extends DomainEvent> extends CommandSpec<
  C,
  S,
  E
> {
  /** where the command acts (its events' jurisdiction): the record's; default the principal's */
  readonly jurisdiction?: string;
}

/** Who and where, for a command the service issues itself. */
export interface SystemOrigin {
  /** a system actor, e.g. { userId: 'system:certification', roles: ['system'] } */
  readonly actor: Actor;
  readonly jurisdiction: string;
}

/** What made the service issue a command: an event it consumed, or a scheduler's tick — an id that stays the same on redelivery. */
export interface CommandCause {
  readonly id: string;
  /** the cause's correlation id, kept by what follows from it; default the cause's id */
  readonly correlationId?: string;
}

@Injectable()
export class CommandRunner {
  constructor(
    @Inject(EVENT_STORE) private readonly store: PostgresEventStore,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CLOCK) private readonly clock: Clock,
  ) {}

  /** A stream's state, folded: to authorize against the record before building the command. */
  async load<S, E extends DomainEvent>(decider: Decider<never, S, E>, streamId: string): Promise<S> {
    const { events } = await this.store.readStream(streamId);
    return events.reduce(
      (state, event) => decider.evolve(state, { type: event.type, data: event.data } as unknown as E),
      decider.initialState(),
    );
  }

  /**
   * The metadata of a request's command: the principal acts now, in `jurisdiction`, under the
   * envelope's command id; the request is identified by its payload's digest (the one the gateway
   * signed, which the envelope guard has checked against the payload).
   */
  metadataOf(request: RpcRequest, jurisdiction?: string): CommandMetadata {
    return {
      ...commandMetadataOf(request.envelope, this.clock.now(), jurisdiction),
      requestDigest: request.envelope.signature?.payloadSha256 ?? jsonDigest(request.payload),
    };
  }

  /** A command asked for by a request (from the gateway). */
  run<C extends Command, S, E extends DomainEvent>(
    request: RpcRequest,
    spec: RequestCommandSpec<C, S, E>,
  ): Promise<CommandResult<S, E>> {
    return this.execute(spec, this.metadataOf(request, spec.jurisdiction));
  }

  /**
   * A command the service issues because of `cause` (a process manager on an event, a scheduler's
   * tick): its id derives from the cause's id and the command type, so handling the cause again
   * answers the first result and records nothing.
   */
  runCaused<C extends Command, S, E extends DomainEvent>(
    cause: CommandCause,
    origin: SystemOrigin,
    spec: CommandSpec<C, S, E>,
  ): Promise<CommandResult<S, E>> {
    return this.runAsSystem(
      {
        ...origin,
        commandId: commandIdForEvent(cause.id, spec.command.type),
        correlationId: cause.correlationId ?? cause.id,
        causationId: cause.id,
      },
      spec,
    );
  }

  /** A command of the service itself under a fixed command id (e.g. seed data loaded at start). */
  runAsSystem<C extends Command, S, E extends DomainEvent>(
    origin: SystemOrigin & {
      readonly commandId: string;
      readonly correlationId: string;
      readonly causationId?: string;
    },
    spec: CommandSpec<C, S, E>,
  ): Promise<CommandResult<S, E>> {
    const { actor, jurisdiction, commandId, correlationId, causationId } = origin;
    return this.execute(spec, {
      commandId,
      actor,
      jurisdiction,
      now: this.clock.now().toISOString(),
      correlationId,
      ...(causationId ? { causationId } : {}),
    });
  }

  /**
   * Many commands, each of which **starts a stream of its own**, decided on the decider's initial state
   * and appended in one round trip inside the caller's transaction `tx` — for bulk intake where every
   * item is a fact of its own (an offline batch of check-ins): no stream is shared, so nothing queues
   * on a lock and nothing retries. Each item's events take ids derived from its `commandId`, so the
   * same item sent again appends nothing (`idempotent`); a stream that exists with other events is a
   * `conflict`. The metadata is `origin`'s (who, where, correlation) with each item's command id and
   * the service's clock. Decisions must not throw for an item: a refusal is an event of its own.
   *
   * With `tx` undefined the appends are one statement of their own, and `options.rows` — the caller's
   * rows that go with them — are written in that same statement: one round trip, all or nothing. When
   * fewer rows go in than expected, or a stream holds other events, it throws `RowsNotWrittenError` and
   * nothing is written; the caller then takes its careful path in a transaction.
   */
  async startStreams<C extends Command, S, E extends DomainEvent>(
    tx: PoolClient | undefined,
    origin: Omit<CommandMetadata, 'commandId' | 'now' | 'requestDigest'>,
    decider: Decider<C, S, E>,
    items: readonly {
      readonly streamId: string;
      readonly commandId: string;
      readonly command: CommandBody<C>;
      /** this item's own origin, when the items come from different requests (grouped intake) */
      readonly origin?: Omit<CommandMetadata, 'commandId' | 'now' | 'requestDigest'>;
      /**
       * the digest of what was asked for this item (e.g. the reading a device sent), when the command's
       * data holds more than that — facts the service looked up, which need no digest of their own;
       * otherwise the digest of the command's data
       */
      readonly requestDigest?: string;
    }[],
    options: { rows?: RowsWithAppend } = {},
  ): Promise<StartedStream<E>[]> {
    if (tx && options.rows) throw new Error('rows go with the appends only in a statement of their own');
    const now = this.clock.now().toISOString();
    const decided = items.map(({ streamId, commandId, command: body, origin: own, requestDigest }) => {
      const command = {
        ...body,
        metadata: {
          ...(own ?? origin),
          commandId,
          now,
          requestDigest: requestDigest ?? jsonDigest(body.data as ReadonlyJsonObject),
        },
      } as C;
      const events = [...decisionEvents(decider.decide(command, decider.initialState()))];
      const metadata = eventMetadataOf(command) as unknown as EventToAppend['metadata'];
      const toAppend: EventToAppend[] = events.map((event, i) => ({
        id: deriveEventId(commandId, i),
        type: event.type,
        data: toJsonObject(event.data, `${event.type}.data`),
        metadata,
      }));
      return { streamId, events, toAppend };
    });
    const appends = decided.filter((d) => d.toAppend.length > 0);
    const results = await this.store.appendToStreams(
      appends.map(({ streamId, toAppend }) => ({ streamId, events: toAppend, expectedVersion: 'no_stream' })),
      tx ? { on: tx } : { rows: options.rows },
    );
    const byStream = new Map(appends.map((a, i) => [a, results[i]]));
    return decided.map((d) => {
      const result = byStream.get(d);
      const status: StartedStream<E>['status'] =
        result === undefined || !(result instanceof WrongExpectedVersionError)
          ? result?.idempotent
            ? 'idempotent'
            : 'recorded'
          : 'conflict';
      return { streamId: d.streamId, events: d.events, status };
    });
  }

  private execute<C extends Command, S, E extends DomainEvent>(
    spec: CommandSpec<C, S, E>,
    metadata: CommandMetadata,
  ): Promise<CommandResult<S, E>> {
    const { withEvents, command: body, ...options } = spec;
    const command = { ...body, metadata } as C;
    return withEvents
      ? handleCommandInTransaction(this.pool, this.store, { ...options, command }, withEvents)
      : handleCommand({ ...options, store: this.store, command });
  }
}

/** What `startStreams` did with one item: its decided events, and whether they were appended now. */
export interface StartedStream<E extends DomainEvent> {
  readonly streamId: string;
  readonly events: readonly E[];
  /** recorded now; idempotent: the same events were there already; conflict: the stream holds others */
  readonly status: 'recorded' | 'idempotent' | 'conflict';
}

/** The usual answer to a command: the record's id, its version after the command, what it recorded. */
export interface CommandAccepted {
  readonly id: string;
  readonly version: number;
  readonly events: string[];
  /** true when this was a repeat: nothing new was recorded, this is the first answer */
  readonly idempotent: boolean;
}

export function commandAccepted(id: string, result: CommandResult<unknown, DomainEvent>): CommandAccepted {
  return {
    id,
    version: result.nextExpectedVersion,
    events: result.events.map((event) => event.type),
    idempotent: result.idempotent,
  };
}
