// The command runner against the real PostgreSQL store: what it adds to handleCommand (metadata from
// the request, the clock, the signed payload digest; rows in the command's transaction; commands the
// service issues itself) and that command identity holds through it.
import { randomUUID } from 'node:crypto';
import {
  CommandIdReused,
  defineDomainError,
  jsonDigest,
  type Command,
  type Decider,
  type DomainEvent,
} from '@jineng/ddd';
import { PostgresEventStore, RowsNotWrittenError } from '@jineng/event-store';
import { fixedClock } from '@jineng/kernel';
import type { Envelope, RpcRequest } from '@jineng/messaging';
import { connectTestDatabase, testEnvelopeKeys, type TestDatabase } from '@jineng/testing';
import { commandAccepted, CommandRunner } from './command-runner';

// a noticeboard: notes are pinned once; a note's text goes to a side table with its event
type NotePinned = DomainEvent<'NotePinned.v1', { noteId: string; length: number }>;
type PinNote = Command<'PinNote', { noteId: string; length: number }>;
type NoteState = { pinned: number };

class EmptyNote extends defineDomainError<{ noteId: string }>({
  code: 'NOTE.EMPTY',
  category: 'validation',
  zh: (d) => `便条 ${d.noteId} 为空`,
  en: (d) => `note ${d.noteId} is empty`,
}) {}

const notes: Decider<PinNote, NoteState, NotePinned> = {
  initialState: () => ({ pinned: 0 }),
  decide: ({ data }) => {
    if (data.length === 0) throw new EmptyNote({ noteId: data.noteId });
    return { type: 'NotePinned.v1', data: { ...data } };
  },
  evolve: (state) => ({ pinned: state.pinned + 1 }),
};

const SUBJECT = 'jineng.cmd.board.PinNote';
const NOW = '2026-03-02T01:00:00.000Z';

let db: TestDatabase;
let store: PostgresEventStore;
let runner: CommandRunner;

beforeAll(async () => {
  db = await connectTestDatabase('command_runner');
  store = await PostgresEventStore.create({ pool: db.pool, schema: db.schema });
  await db.pool.query(
    `create table "${db.schema}".note_texts (note_id text primary key, text text not null)`,
  );
  runner = new CommandRunner(store, db.pool, fixedClock(NOW));
});
afterAll(async () => {
  await db?.dispose();
});

const envelope = (commandId: string = randomUUID()): Envelope => ({
  principal: { userId: 'clerk-1', roles: ['county_officer'], jurisdiction: '140802' },
  correlationId: randomUUID(),
  commandId,
  sentAt: NOW,
});
/** A request as it arrives: signed by the gateway (the envelope guard has checked it). */
const request = (text: string, commandId?: string): RpcRequest<{ text: string }> =>
  testEnvelopeKeys().signer.sign(SUBJECT, { envelope: envelope(commandId), payload: { text } });

const pin = (req: RpcRequest<{ text: string }>, noteId: string, failRows = false) =>
  runner.run(req, {
    decider: notes,
    streamId: `note-${noteId}`,
    jurisdiction: '140821',
    command: { type: 'PinNote', data: { noteId, length: req.payload.text.length } },
    withEvents: async (tx) => {
      await tx.query(`insert into "${db.schema}".note_texts values ($1, $2)`, [noteId, req.payload.text]);
      if (failRows) throw new Error('the side table refused');
    },
  });
const textOf = async (noteId: string) =>
  (await db.pool.query(`select text from "${db.schema}".note_texts where note_id = $1`, [noteId])).rows[0]
    ?.text;

it('runs a request: the principal acts in the given jurisdiction at the clock’s now, identified by the signed digest', async () => {
  const noteId = randomUUID();
  const req = request('开班前三个工作日申请');
  const result = await pin(req, noteId);

  expect(commandAccepted(noteId, result)).toEqual({
    id: noteId,
    version: 1,
    events: ['NotePinned.v1'],
    idempotent: false,
  });
  const [event] = (await store.readStream(`note-${noteId}`)).events;
  expect(event.metadata).toEqual({
    commandId: req.envelope.commandId,
    commandType: 'PinNote',
    requestDigest: req.envelope.signature!.payloadSha256,
    correlationId: req.envelope.correlationId,
    causationId: req.envelope.commandId,
    actor: { userId: 'clerk-1', roles: ['county_officer'] },
    jurisdiction: '140821',
    occurredAt: NOW,
  });
  expect(req.envelope.signature!.payloadSha256).toBe(jsonDigest({ text: '开班前三个工作日申请' }));
  expect(await textOf(noteId)).toBe('开班前三个工作日申请');
});

it('commits the rows with the events, or neither', async () => {
  const noteId = randomUUID();
  const error = await pin(request('会失败'), noteId, true).catch((e: unknown) => e);
  expect((error as Error).message).toBe('the side table refused');
  expect((await store.readStream(`note-${noteId}`)).version).toBe(0);
  expect(await textOf(noteId)).toBeUndefined();

  const rejected = await pin(request(''), noteId).catch((e: unknown) => e);
  expect(rejected).toBeInstanceOf(EmptyNote);
  expect(await textOf(noteId)).toBeUndefined();
});

it('answers a repeat with the first result and writes no rows again; refuses the id for another request', async () => {
  const noteId = randomUUID();
  const commandId = randomUUID();
  const first = await pin(request('第一次', commandId), noteId);
  const again = await pin(request('第一次', commandId), noteId);
  expect(again).toMatchObject({ idempotent: true, nextExpectedVersion: 1 });
  expect(again.events).toEqual(first.events);

  const other = await pin(request('另一个请求', commandId), noteId).catch((e: unknown) => e);
  expect(other).toBeInstanceOf(CommandIdReused);
  expect((other as CommandIdReused).details.differs).toEqual(['request']);
  const elsewhere = await pin(request('第一次', commandId), randomUUID()).catch((e: unknown) => e);
  expect((elsewhere as CommandIdReused).details.differs).toEqual(['stream']);
  expect(await textOf(noteId)).toBe('第一次');
  expect((await store.readStream(`note-${noteId}`)).version).toBe(1);
});

it('runs a command the service issues because of an event once, however often the event comes', async () => {
  const noteId = randomUUID();
  const cause = { id: randomUUID(), correlationId: 'corr-of-the-event' };
  const origin = { actor: { userId: 'system:board', roles: ['system'] }, jurisdiction: '140802' };
  const spec = {
    decider: notes,
    streamId: `note-${noteId}`,
    command: { type: 'PinNote' as const, data: { noteId, length: 3 } },
  };
  const first = await runner.runCaused(cause, origin, spec);
  const redelivered = await runner.runCaused(cause, origin, spec);
  expect(first.idempotent).toBe(false);
  expect(redelivered.idempotent).toBe(true);
  expect(first.events[0].metadata).toMatchObject({
    causationId: cause.id,
    correlationId: 'corr-of-the-event',
    actor: { userId: 'system:board', roles: ['system'] },
    requestDigest: jsonDigest({ noteId, length: 3 }),
  });
  const next = await runner.runCaused({ id: randomUUID() }, origin, spec);
  expect(next).toMatchObject({ idempotent: false, nextExpectedVersion: 2 });
  expect(await runner.load(notes, `note-${noteId}`)).toEqual({ pinned: 2 });
});

describe('startStreams: many commands, each starting its own stream, in the caller’s transaction', () => {
  const origin = {
    actor: { userId: 'device-gateway', roles: ['institution'] },
    jurisdiction: '140802',
    correlationId: randomUUID(),
  };
  const items = (ids: string[]) =>
    ids.map((noteId, i) => ({
      streamId: `note-${noteId}`,
      commandId: noteId,
      command: { type: 'PinNote' as const, data: { noteId, length: i + 1 } },
    }));
  const inTx = async <T>(work: (tx: import('pg').PoolClient) => Promise<T>, commit = true): Promise<T> => {
    const tx = await db.pool.connect();
    try {
      await tx.query('begin');
      const result = await work(tx);
      await tx.query(commit ? 'commit' : 'rollback');
      return result;
    } finally {
      tx.release();
    }
  };

  it('appends each item once with ids from its command id; the same items again append nothing; other events on an existing stream are a conflict', async () => {
    const ids = Array.from({ length: 300 }, () => randomUUID());
    const batch = items(ids);
    const first = await inTx((tx) => runner.startStreams(tx, origin, notes, batch));
    expect(first.map((r) => r.status)).toEqual(ids.map(() => 'recorded'));
    expect(first[4].events).toEqual([{ type: 'NotePinned.v1', data: { noteId: ids[4], length: 5 } }]);
    const [stored] = (await store.readStream(`note-${ids[4]}`)).events;
    expect(stored.metadata).toMatchObject({
      commandId: batch[4].commandId,
      commandType: 'PinNote',
      actor: origin.actor,
      jurisdiction: '140802',
      correlationId: origin.correlationId,
      occurredAt: NOW,
    });

    const again = await inTx((tx) => runner.startStreams(tx, origin, notes, batch));
    expect(again.map((r) => r.status)).toEqual(ids.map(() => 'idempotent'));
    expect(await store.countEvents()).toBeGreaterThanOrEqual(300);
    expect((await store.readStream(`note-${ids[0]}`)).version).toBe(1);

    const other = [{ ...batch[0], commandId: randomUUID() }];
    expect((await inTx((tx) => runner.startStreams(tx, origin, notes, other)))[0].status).toBe('conflict');
  });

  it('an item with its own origin (grouped requests) records that origin, the others the common one', async () => {
    const ids = [randomUUID(), randomUUID()];
    const own = {
      actor: { userId: 'another-device', roles: ['institution'] },
      jurisdiction: '140803',
      correlationId: randomUUID(),
    };
    const [first, second] = items(ids);
    await inTx((tx) => runner.startStreams(tx, origin, notes, [first, { ...second, origin: own }]));
    const [a] = (await store.readStream(`note-${ids[0]}`)).events;
    const [b] = (await store.readStream(`note-${ids[1]}`)).events;
    expect(a.metadata).toMatchObject({ actor: origin.actor, correlationId: origin.correlationId });
    expect(b.metadata).toMatchObject({
      actor: own.actor,
      jurisdiction: '140803',
      correlationId: own.correlationId,
      commandId: ids[1],
    });
  });

  it('records the digest an item names as its request’s, and the digest of its data otherwise', async () => {
    const ids = [randomUUID(), randomUUID()];
    const [named, plain] = items(ids);
    const asked = 'ab'.repeat(32);
    await inTx((tx) => runner.startStreams(tx, origin, notes, [{ ...named, requestDigest: asked }, plain]));
    const [a] = (await store.readStream(`note-${ids[0]}`)).events;
    const [b] = (await store.readStream(`note-${ids[1]}`)).events;
    expect(a.metadata.requestDigest).toBe(asked);
    expect(b.metadata.requestDigest).toBe(jsonDigest(plain.command.data));
  });

  it('without a transaction, writes the caller’s rows in the appends’ statement: both or neither', async () => {
    await db.pool.query(`create table if not exists "${db.schema}".pins (note_id uuid primary key)`);
    const rows = (noteIds: string[]) => ({
      text: `insert into "${db.schema}".pins select unnest($1::uuid[]) on conflict do nothing returning note_id`,
      values: [noteIds],
      expectedRows: noteIds.length,
    });
    const ids = [randomUUID(), randomUUID()];
    const started = await runner.startStreams(undefined, origin, notes, items(ids), { rows: rows(ids) });
    expect(started.map((s) => s.status)).toEqual(['recorded', 'recorded']);
    expect((await store.readStream(`note-${ids[1]}`)).version).toBe(1);

    // a row already there: the statement writes nothing, and says so
    const [fresh] = [randomUUID()];
    await expect(
      runner.startStreams(undefined, origin, notes, items([fresh, ids[0]]), { rows: rows([fresh, ids[0]]) }),
    ).rejects.toBeInstanceOf(RowsNotWrittenError);
    expect((await store.readStream(`note-${fresh}`)).version).toBe(0);
    const { rows: pinned } = await db.pool.query(`select 1 from "${db.schema}".pins where note_id = $1`, [
      fresh,
    ]);
    expect(pinned).toHaveLength(0);
  });

  it('commits with the caller’s transaction, or not at all', async () => {
    const ids = [randomUUID(), randomUUID()];
    await inTx((tx) => runner.startStreams(tx, origin, notes, items(ids)), false);
    expect((await store.readStream(`note-${ids[0]}`)).version).toBe(0);
  });
});
