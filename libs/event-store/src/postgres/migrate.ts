import type { Pool } from 'pg';
import type { Migration } from './event-store.migrations';
import { ensureRuntimeRole, grantRuntimeRole, grantStoreReader, type RuntimeRole } from './runtime-role';
export type { Migration };

export interface MigrateOptions {
  /**
   * The role the service runs as: created if missing, then granted what ADR 0001 (decision 7) allows
   * in `schema` — after the migrations, in their transaction. Without it, nothing is granted (tests and
   * tools that run as the owner).
   */
  readonly runtimeRole?: RuntimeRole;
  /** the audit service's read-only role on this store's `events` and `streams` (grantStoreReader) */
  readonly storeReaderRole?: string;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function quoteSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema))
    throw new Error(`invalid schema name '${schema}': use lower-case letters, digits, _`);
  return `"${schema}"`;
}

/**
 * Applies migrations inside `schema`, each once, in order, as the role of `pool` (the migrator, which
 * then owns what they create). Concurrent starters (several replicas of one service) serialise on an
 * advisory lock, so the outcome is the same however many start at once.
 */
export async function migrate(
  pool: Pool,
  schema: string,
  migrations: readonly Migration[],
  options: MigrateOptions = {},
): Promise<string[]> {
  const S = quoteSchema(schema);
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock(hashtext($1))', [`jineng-migrate:${schema}`]);
    await client.query(`create schema if not exists ${S}`);
    await client.query(
      `create table if not exists ${S}.schema_migrations (id text primary key, applied_at timestamptz not null default now())`,
    );
    const done = new Set(
      (await client.query<{ id: string }>(`select id from ${S}.schema_migrations`)).rows.map((r) => r.id),
    );
    for (const migration of migrations) {
      if (done.has(migration.id)) continue;
      await client.query(migration.sql(S));
      await client.query(`insert into ${S}.schema_migrations (id) values ($1)`, [migration.id]);
      applied.push(migration.id);
    }
    if (options.runtimeRole) {
      await ensureRuntimeRole(client, options.runtimeRole);
      await grantRuntimeRole(client, S, options.runtimeRole.name);
    }
    if (options.storeReaderRole) await grantStoreReader(client, S, options.storeReaderRole);
    await client.query('commit');
    return applied;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
