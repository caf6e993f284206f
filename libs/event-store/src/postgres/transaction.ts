import type { Pool, PoolClient } from 'pg';
import { isTransientError } from './transient-errors';

/**
 * Runs `work` in a transaction on a connection of its own: commit when it resolves, rollback when it
 * throws. A connection that failed (connection lost, …) is destroyed rather than given back.
 */
export async function inTransaction<T>(pool: Pool, work: (tx: PoolClient) => Promise<T>): Promise<T> {
  const tx = await pool.connect();
  let broken = false;
  try {
    await tx.query('begin');
    const result = await work(tx);
    await tx.query('commit');
    return result;
  } catch (error) {
    broken = isTransientError(error);
    await tx.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    tx.release(broken);
  }
}
