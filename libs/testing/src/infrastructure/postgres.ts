import { randomBytes } from 'node:crypto';
import { Pool } from 'pg';
import { databaseUrl } from './endpoints';

export interface TestDatabase {
  readonly pool: Pool;
  /** a fresh schema, owned by this test file alone */
  readonly schema: string;
  readonly url: string;
  /** another fresh schema beside `schema` (for tests that read a whole store), dropped by `dispose` */
  freshSchema(): Promise<string>;
  /**
   * A name for a service's runtime role of this test file, and the URL that connects as it (trust
   * authentication: no password). The migration step creates the role; `dispose` drops it.
   */
  runtimeRole(): { readonly name: string; readonly url: string };
  dispose(options?: { keepSchema?: boolean }): Promise<void>;
}

/**
 * Connects to the real PostgreSQL at DATABASE_URL and creates a fresh schema for one test file.
 * Throws (failing the test loudly) when the database is unreachable.
 */
export async function connectTestDatabase(label: string, poolSize = 10): Promise<TestDatabase> {
  const url = databaseUrl();
  const schema = `t_${label
    .replace(/[^a-z0-9]+/gi, '_')
    .toLowerCase()
    .slice(0, 30)}_${randomBytes(4).toString('hex')}`;
  const pool = new Pool({ connectionString: url, max: poolSize, connectionTimeoutMillis: 5000 });
  try {
    await pool.query(`create schema "${schema}"`);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(
      `PostgreSQL is required for this test and was not reachable at ${url}: ${(error as Error).message}. ` +
        'Start it with `npm run infra:up`.',
    );
  }
  const extra: string[] = [];
  const roles: string[] = [];
  return {
    pool,
    schema,
    url,
    async freshSchema() {
      const name = `${schema}_${extra.length + 1}`;
      await pool.query(`create schema "${name}"`);
      extra.push(name);
      return name;
    },
    runtimeRole() {
      const name = `${schema}_rt${roles.length + 1}`;
      roles.push(name);
      const roleUrl = new URL(url);
      roleUrl.username = name;
      roleUrl.password = '';
      return { name, url: roleUrl.toString() };
    },
    async dispose(options) {
      if (!options?.keepSchema) {
        for (const name of [schema, ...extra]) await pool.query(`drop schema if exists "${name}" cascade`);
      }
      await dropRoles(pool, roles);
      await pool.end();
    },
  };
}

/** Drops roles a test made (and what was granted to them), if they exist. */
export async function dropRoles(pool: Pool, roles: readonly string[]): Promise<void> {
  for (const role of roles) {
    const { rowCount } = await pool.query('select 1 from pg_roles where rolname = $1', [role]);
    if (!rowCount) continue;
    await pool.query(`drop owned by "${role}"`);
    await pool.query(`drop role "${role}"`);
  }
}
