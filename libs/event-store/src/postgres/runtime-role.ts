// The database role a service runs as (ADR 0001, decision 7). The migrator owns the schema and
// everything in it; the runtime role gets, on its own schema only:
//   - the event store: SELECT on events and streams, and EXECUTE on the append functions, which run as
//     their owner (security definer). It cannot write events or stream heads itself, so it can neither
//     forge a chain link nor rewrite a head; not being the owner, it cannot alter the tables or their
//     trigger either;
//   - everything else in the schema (read models, inbox, checkpoints, the service's own tables): SELECT,
//     INSERT, UPDATE, DELETE and TRUNCATE (a projection rebuild truncates its tables);
//   - no CREATE: it runs no DDL. No other schema: it gets no USAGE there.
import { createHash, createHmac, pbkdf2Sync, randomBytes } from 'node:crypto';
import type { Queryable } from './queryable';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** Tables of the store that the runtime role reads but never writes. */
const STORE_TABLES = ['events', 'streams', 'schema_migrations'];

export interface RuntimeRole {
  /** a login role: lower-case letters, digits and _ */
  readonly name: string;
  /** its password, set (as a SCRAM-SHA-256 verifier, never in clear) when given */
  readonly password?: string;
}

export function quoteRole(name: string): string {
  if (!ROLE_NAME.test(name))
    throw new Error(`invalid role name '${name}': use lower-case letters, digits, _`);
  return `"${name}"`;
}

/** Creates the login role when it does not exist, and sets its password when one is given. */
export async function ensureRuntimeRole(client: Queryable, role: RuntimeRole): Promise<void> {
  const R = quoteRole(role.name);
  await client.query(`do $$ begin
      if not exists (select 1 from pg_roles where rolname = '${role.name}') then
        create role ${R} login;
      end if;
    exception when duplicate_object then null; -- created concurrently (another schema's migration)
    end $$`);
  if (role.password !== undefined) {
    // a verifier, not the password: the clear text never reaches the server or its statement log
    await client.query(`alter role ${R} password '${scramSha256Verifier(role.password)}'`);
  }
}

/** What the runtime role may do in `S` (quoted schema); idempotent, run after every migration. */
export async function grantRuntimeRole(client: Queryable, S: string, roleName: string): Promise<void> {
  const R = quoteRole(roleName);
  const store = STORE_TABLES.map((table) => `${S}.${table}`).join(', ');
  await client.query(`
    grant usage on schema ${S} to ${R};
    grant select, insert, update, delete, truncate on all tables in schema ${S} to ${R};
    revoke insert, update, delete, truncate, references, trigger on ${store} from ${R};
    grant usage, select on all sequences in schema ${S} to ${R};
    revoke usage on sequence ${S}.events_global_position_seq from ${R};
    revoke all on all functions in schema ${S} from public;
    grant execute on all functions in schema ${S} to ${R};
  `);
}

/** PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5802, RFC 7677), 4096 iterations. */
export function scramSha256Verifier(password: string, salt: Buffer = randomBytes(16)): string {
  const iterations = 4096;
  const salted = pbkdf2Sync(password.normalize('NFKC'), salt, iterations, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${iterations}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

/**
 * The read-only role through which the audit service verifies this store from inside the platform
 * (ADR 0021): USAGE on the schema and SELECT on `events` and `streams` — no other table, no function
 * (the append functions), no write of any kind. Created as a login role when missing (its password is
 * the deployment's: CloudNativePG's managed role, or trust locally); idempotent, run after every
 * migration of the schema.
 */
export async function grantStoreReader(client: Queryable, S: string, roleName: string): Promise<void> {
  await ensureRuntimeRole(client, { name: roleName });
  const R = quoteRole(roleName);
  await client.query(`
    grant usage on schema ${S} to ${R};
    grant select on ${S}.events, ${S}.streams to ${R};
  `);
}
