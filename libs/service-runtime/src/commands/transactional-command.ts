// A command whose effect is events *and* rows that events must not carry (encrypted personal data,
// unique claims): both commit in one PostgreSQL transaction, or neither does. `handleCommand` keeps
// its identity check, idempotency and retries; only its appends go through the transaction.
//
// The transaction's connection is taken at the append, not before: handleCommand's reads use the
// pool, and a connection held while waiting for another one would exhaust the pool under load. A
// failed append (a concurrent writer won) gives its connection back before handleCommand retries.
import {
  handleCommand,
  type Command,
  type CommandResult,
  type DomainEvent,
  type HandleCommandOptions,
} from '@jineng/ddd';
import type { EventStore, PostgresEventStore } from '@jineng/event-store';
import type { Pool, PoolClient } from 'pg';

export async function handleCommandInTransaction<C extends Command, S, E extends DomainEvent>(
  pool: Pool,
  store: PostgresEventStore,
  options: Omit<HandleCommandOptions<C, S, E>, 'store'>,
  /** the rows to write with the events; runs only when the command recorded new events */
  withEvents: (tx: PoolClient, result: CommandResult<S, E>) => Promise<void>,
): Promise<CommandResult<S, E>> {
  let tx: PoolClient | undefined;
  const end = async (how: 'commit' | 'rollback') => {
    const open = tx;
    tx = undefined;
    if (!open) return;
    try {
      await open.query(how);
    } finally {
      open.release();
    }
  };
  const inTransaction: EventStore = {
    appendToStream: async (streamId, events, { expectedVersion }) => {
      // a retry after a conflict, or a repeat recorded anew, starts over in a new transaction
      await end('rollback');
      tx = await pool.connect();
      await tx.query('begin');
      try {
        return await store.appendToStream(streamId, events, { expectedVersion, on: tx });
      } catch (error) {
        await end('rollback');
        throw error;
      }
    },
    readStream: (...args) => store.readStream(...args),
    readAll: (...args) => store.readAll(...args),
    findEvent: (...args) => store.findEvent(...args),
  };
  try {
    const result = await handleCommand({ ...options, store: inTransaction });
    if (tx && !result.idempotent && result.events.length > 0) await withEvents(tx, result);
    // an idempotent append (the same events already stored) leaves nothing to commit
    await end(result.idempotent ? 'rollback' : 'commit');
    return result;
  } catch (error) {
    await end('rollback').catch(() => undefined);
    throw error;
  }
}
