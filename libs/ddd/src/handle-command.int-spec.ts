// handleCommand against the real PostgreSQL event store (ARCHITECTURE §2, §7).
import { randomUUID } from 'node:crypto';
import { PostgresEventStore, type EventStore } from '@jineng/event-store';
import { connectTestDatabase, type TestDatabase } from '@jineng/testing';
import { jsonDigest } from './canonical-json';
import { CommandConcurrencyConflict, CommandIdReused, InvalidCommandMetadata } from './command.errors';
import type { CommandMetadata } from './command-metadata';
import { defineDomainError } from './domain-error';
import type { Command, Decider, DomainEvent } from './decider';
import { deriveEventId } from './event-ids';
import { handleCommand } from './handle-command';

// a tiny booking: seats up to a capacity; the booking that fills it also records BookingClosed
const CAPACITY = 3;
type SeatsBooked = DomainEvent<'SeatsBooked.v1', { guest: string; seats: number }>;
type BookingClosed = DomainEvent<'BookingClosed.v1', { booked: number }>;
type BookingEvent = SeatsBooked | BookingClosed;
type BookingCommand = Command<'BookSeats', { guest: string; seats: number }>;
type BookingState = { booked: number; guests: readonly string[]; closed: boolean };

class NoSeatsLeft extends defineDomainError<{ capacity: number; requested: number; left: number }>({
  code: 'BOOKING.NO_SEATS_LEFT',
  category: 'illegal_state',
  zh: (d) => `仅剩 ${d.left} 个座位，无法预订 ${d.requested} 个`,
  en: (d) => `only ${d.left} seats left, cannot book ${d.requested}`,
}) {}

const booking: Decider<BookingCommand, BookingState, BookingEvent> = {
  initialState: () => ({ booked: 0, guests: [], closed: false }),
  decide({ data }, state) {
    if (data.seats === 0) return [];
    const left = CAPACITY - state.booked;
    if (data.seats > left) throw new NoSeatsLeft({ capacity: CAPACITY, requested: data.seats, left });
    const booked: SeatsBooked = { type: 'SeatsBooked.v1', data: { guest: data.guest, seats: data.seats } };
    return data.seats === left ? [booked, { type: 'BookingClosed.v1', data: { booked: CAPACITY } }] : booked;
  },
  evolve(state, event) {
    switch (event.type) {
      case 'SeatsBooked.v1':
        return {
          ...state,
          booked: state.booked + event.data.seats,
          guests: [...state.guests, event.data.guest],
        };
      case 'BookingClosed.v1':
        return { ...state, closed: true };
    }
  },
};

const metadata = (overrides: Partial<CommandMetadata> = {}): CommandMetadata => ({
  commandId: randomUUID(),
  actor: { userId: 'clerk-1', roles: ['clerk'], institutionId: 'inst-1' },
  jurisdiction: '330106',
  now: '2025-03-01T08:30:00+08:00',
  correlationId: 'corr-1',
  ...overrides,
});
const book = (guest: string, seats: number, overrides: Partial<CommandMetadata> = {}): BookingCommand => ({
  type: 'BookSeats',
  data: { guest, seats },
  metadata: metadata(overrides),
});

/**
 * The real store, except that the first `parties` stream reads wait for each other: the commands
 * behind them all decide on the same version, so all but one must meet a real version conflict.
 */
function withSimultaneousLoads(store: EventStore, parties: number): EventStore {
  let arrived = 0;
  let release!: () => void;
  const allArrived = new Promise<void>((resolve) => (release = resolve));
  return {
    appendToStream: (...args) => store.appendToStream(...args),
    readAll: (...args) => store.readAll(...args),
    findEvent: (...args) => store.findEvent(...args),
    async readStream(...args) {
      const slice = await store.readStream(...args);
      if (arrived < parties) {
        if (++arrived === parties) release();
        await allArrived;
      }
      return slice;
    },
  };
}

describe('handleCommand (PostgreSQL)', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  const newStream = () => `booking-${randomUUID()}`;

  beforeAll(async () => {
    db = await connectTestDatabase('handle-command');
    store = await PostgresEventStore.create({ pool: db.pool, schema: db.schema });
  });
  afterAll(async () => {
    await db?.dispose();
  });

  it('appends the decided events with ids derived from the command id and the command metadata', async () => {
    const streamId = newStream();
    const first = book('ann', 1, { causationId: 'evt-42' });
    const second = book('bob', 2);

    const one = await handleCommand({ store, decider: booking, streamId, command: first });
    const two = await handleCommand({
      store,
      decider: booking,
      streamId,
      command: second,
      toEventMetadata: (c) => ({ guestCount: c.data.seats }),
    });

    const stored = (await store.readStream(streamId)).events;
    expect(stored.map((e) => [e.id, e.version, e.type, e.data])).toEqual([
      [deriveEventId(first.metadata.commandId, 0), 1, 'SeatsBooked.v1', { guest: 'ann', seats: 1 }],
      [deriveEventId(second.metadata.commandId, 0), 2, 'SeatsBooked.v1', { guest: 'bob', seats: 2 }],
      [deriveEventId(second.metadata.commandId, 1), 3, 'BookingClosed.v1', { booked: 3 }],
    ]);
    expect(stored[0].metadata).toEqual({
      commandId: first.metadata.commandId,
      commandType: 'BookSeats',
      requestDigest: jsonDigest({ guest: 'ann', seats: 1 }),
      correlationId: 'corr-1',
      causationId: 'evt-42',
      actor: { userId: 'clerk-1', roles: ['clerk'], institutionId: 'inst-1' },
      jurisdiction: '330106',
      occurredAt: '2025-03-01T08:30:00+08:00',
    });
    expect(stored[1].metadata).toMatchObject({ causationId: second.metadata.commandId, guestCount: 2 });
    expect(stored[2].metadata).toEqual(stored[1].metadata);

    // the answer describes what was stored, down to the global positions
    expect(one).toMatchObject({ streamId, nextExpectedVersion: 1, idempotent: false });
    expect(two).toMatchObject({ streamId, nextExpectedVersion: 3, idempotent: false });
    expect(two.state).toEqual({ booked: 3, guests: ['ann', 'bob'], closed: true });
    expect([...one.events, ...two.events]).toEqual(
      stored.map((e) => ({
        id: e.id,
        streamId: e.streamId,
        version: e.version,
        type: e.type,
        data: e.data,
        metadata: e.metadata,
        globalPosition: { transactionId: e.transactionId, position: e.position },
      })),
    );
  });

  it('answers a repeated command id with the first answer and appends nothing', async () => {
    const streamId = newStream();
    const command = book('ann', 1);
    const first = await handleCommand({ store, decider: booking, streamId, command });
    await handleCommand({ store, decider: booking, streamId, command: book('bob', 1) });

    // even when the same command would now decide differently: it was decided once
    const again = await handleCommand({ store, decider: booking, streamId, command });
    expect(again.idempotent).toBe(true);
    expect(again.events).toEqual(first.events);
    expect(again.nextExpectedVersion).toBe(first.nextExpectedVersion);
    expect(again.state).toEqual(first.state);
    const stored = await store.readStream(streamId);
    expect(stored.events.map((e) => e.data)).toEqual([
      { guest: 'ann', seats: 1 },
      { guest: 'bob', seats: 1 },
    ]);
  });

  it.each([
    [
      'request',
      (c: BookingCommand, s: string) => ({
        streamId: s,
        command: { ...c, data: { guest: 'ann', seats: 2 } },
      }),
    ],
    ['stream', (c: BookingCommand) => ({ streamId: newStream(), command: c })],
    [
      'actor',
      (c: BookingCommand, s: string) => ({
        streamId: s,
        command: { ...c, metadata: { ...c.metadata, actor: { userId: 'clerk-2', roles: ['clerk'] } } },
      }),
    ],
    [
      'command',
      (c: BookingCommand, s: string) => ({
        streamId: s,
        command: { ...c, type: 'RebookSeats' } as unknown as BookingCommand,
      }),
    ],
  ])(
    'refuses a used command id with another %s (COMMAND.ID_REUSED) and changes nothing',
    async (fact, reuse) => {
      const streamId = newStream();
      const command = book('ann', 1);
      await handleCommand({ store, decider: booking, streamId, command });
      const reused = reuse(command, streamId);
      const before = await store.readStream(reused.streamId);

      const error = await handleCommand({ store, decider: booking, ...reused }).catch((e: unknown) => e);

      expect(error).toBeInstanceOf(CommandIdReused);
      expect((error as CommandIdReused).details).toEqual({
        commandId: command.metadata.commandId,
        differs: [fact],
      });
      expect((await store.readStream(reused.streamId)).version).toBe(before.version);
    },
  );

  it('takes the request digest the command came with as what identifies it', async () => {
    const streamId = newStream();
    const command = book('ann', 1, { requestDigest: 'd'.repeat(64) });
    await handleCommand({ store, decider: booking, streamId, command });
    const [event] = (await store.readStream(streamId)).events;
    expect(event.metadata.requestDigest).toBe('d'.repeat(64));
    const again = await handleCommand({ store, decider: booking, streamId, command });
    expect(again.idempotent).toBe(true);
    const other = { ...command, metadata: { ...command.metadata, requestDigest: 'e'.repeat(64) } };
    await expect(handleCommand({ store, decider: booking, streamId, command: other })).rejects.toBeInstanceOf(
      CommandIdReused,
    );
  });

  it('records a repeat anew under new event ids when the command says so, and still refuses another request', async () => {
    const streamId = newStream();
    const command = book('ann', 1);
    const first = await handleCommand({ store, decider: booking, streamId, command, onRepeat: 'record' });
    const again = await handleCommand({ store, decider: booking, streamId, command, onRepeat: 'record' });

    expect(first.events.map((e) => e.id)).toEqual([deriveEventId(command.metadata.commandId, 0)]);
    expect(again.idempotent).toBe(false);
    expect(again.events).toHaveLength(1);
    expect(again.events[0].id).not.toBe(first.events[0].id);
    expect(again.events[0].metadata.commandId).toBe(command.metadata.commandId);
    expect(again.state.booked).toBe(2);
    await expect(
      handleCommand({ store, decider: booking, streamId: newStream(), command, onRepeat: 'record' }),
    ).rejects.toBeInstanceOf(CommandIdReused);
    expect((await store.readStream(streamId)).version).toBe(2);
  });

  it('records each of two simultaneous deliveries of a command that records its repeats', async () => {
    const streamId = newStream();
    const racing = withSimultaneousLoads(store, 2);
    const command = book('ann', 1);

    const answers = await Promise.all([
      handleCommand({ store: racing, decider: booking, streamId, command, onRepeat: 'record' }),
      handleCommand({ store: racing, decider: booking, streamId, command, onRepeat: 'record' }),
    ]);

    expect(answers.map((a) => a.idempotent)).toEqual([false, false]);
    expect((await store.readStream(streamId)).events.map((e) => e.data)).toEqual([
      { guest: 'ann', seats: 1 },
      { guest: 'ann', seats: 1 },
    ]);
  });

  it('lets a domain error through unchanged and stores nothing', async () => {
    const streamId = newStream();
    await handleCommand({ store, decider: booking, streamId, command: book('ann', 2) });
    const rejected = book('bob', 2);

    const error = await handleCommand({ store, decider: booking, streamId, command: rejected }).catch(
      (e: unknown) => e,
    );

    expect(error).toBeInstanceOf(NoSeatsLeft);
    expect((error as NoSeatsLeft).details).toEqual({ capacity: 3, requested: 2, left: 1 });
    expect((await store.readStream(streamId)).version).toBe(1);
    expect(await store.findEvent(deriveEventId(rejected.metadata.commandId, 0))).toBeUndefined();
  });

  it('rejects invalid command metadata before touching the store', async () => {
    const streamId = newStream();
    const error = await handleCommand({
      store,
      decider: booking,
      streamId,
      command: book('ann', 1, { jurisdiction: '33' }),
    }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(InvalidCommandMetadata);
    expect((error as InvalidCommandMetadata).details.field).toBe('metadata.jurisdiction');
    expect((await store.readStream(streamId)).version).toBe(0);
  });

  it('handles two commands that load the same version: the loser retries and both are stored', async () => {
    const streamId = newStream();
    const racing = withSimultaneousLoads(store, 2);

    const [ann, bob] = await Promise.all([
      handleCommand({ store: racing, decider: booking, streamId, command: book('ann', 1) }),
      handleCommand({ store: racing, decider: booking, streamId, command: book('bob', 1) }),
    ]);

    const stored = (await store.readStream(streamId)).events;
    expect(stored.map((e) => e.version)).toEqual([1, 2]);
    expect(stored.map((e) => e.data.guest).sort()).toEqual(['ann', 'bob']);
    expect([ann.nextExpectedVersion, bob.nextExpectedVersion].sort()).toEqual([1, 2]);
    // the one that retried decided on the other's event
    const later = ann.nextExpectedVersion === 2 ? ann : bob;
    expect(later.state.booked).toBe(2);
  });

  it('gives up with a concurrency error once the retries are spent', async () => {
    const streamId = newStream();
    const racing = withSimultaneousLoads(store, 2);

    const outcomes = await Promise.allSettled([
      handleCommand({ store: racing, decider: booking, streamId, command: book('ann', 1), maxRetries: 0 }),
      handleCommand({ store: racing, decider: booking, streamId, command: book('bob', 1), maxRetries: 0 }),
    ]);

    const failures = outcomes
      .filter((o): o is PromiseRejectedResult => o.status === 'rejected')
      .map((o) => o.reason);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(CommandConcurrencyConflict);
    expect(failures[0]).toMatchObject({ code: 'COMMAND.CONCURRENCY_CONFLICT', category: 'concurrency' });
    expect(failures[0].details).toEqual({ streamId, attempts: 1 });
    expect((await store.readStream(streamId)).version).toBe(1);
  });

  it('stores a command delivered twice at the same moment once, and answers both alike', async () => {
    const streamId = newStream();
    const racing = withSimultaneousLoads(store, 2);
    const command = book('ann', 3);

    const answers = await Promise.all([
      handleCommand({ store: racing, decider: booking, streamId, command }),
      handleCommand({ store: racing, decider: booking, streamId, command }),
    ]);

    expect(answers.map((a) => a.idempotent).sort()).toEqual([false, true]);
    expect(answers[0].events).toEqual(answers[1].events);
    expect(answers[0].state).toEqual({ booked: 3, guests: ['ann'], closed: true });
    expect(answers[1].state).toEqual(answers[0].state);
    expect((await store.readStream(streamId)).events.map((e) => e.type)).toEqual([
      'SeatsBooked.v1',
      'BookingClosed.v1',
    ]);
  });

  it('appends nothing for an empty decision and answers the current version', async () => {
    const streamId = newStream();
    const onEmpty = await handleCommand({ store, decider: booking, streamId, command: book('ann', 0) });
    expect(onEmpty).toEqual({
      streamId,
      events: [],
      nextExpectedVersion: 0,
      state: booking.initialState(),
      idempotent: false,
    });
    expect((await store.readStream(streamId)).version).toBe(0);

    await handleCommand({ store, decider: booking, streamId, command: book('ann', 1) });
    const nothing = book('bob', 0);
    const onOne = await handleCommand({ store, decider: booking, streamId, command: nothing });
    expect(onOne).toMatchObject({ events: [], nextExpectedVersion: 1, idempotent: false });
    expect((await store.readStream(streamId)).version).toBe(1);
    expect(await store.findEvent(deriveEventId(nothing.metadata.commandId, 0))).toBeUndefined();
  });
});
