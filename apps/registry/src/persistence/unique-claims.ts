// One owner per value of a scope (a credit code, a device serial number), claimed in the command's
// transaction: two concurrent claims serialise on the primary key, and the loser sees the winner.
import type { PoolClient } from 'pg';

/** Claims `value` for `ownerId`; answers the owner it has (the same id unless someone else had it). */
export async function claim(
  tx: PoolClient,
  schema: string,
  scope: string,
  value: string,
  ownerId: string,
): Promise<string> {
  await tx.query(
    `insert into "${schema}".unique_claims (scope, value, owner_id) values ($1, $2, $3) on conflict do nothing`,
    [scope, value, ownerId],
  );
  const { rows } = await tx.query<{ owner_id: string }>(
    `select owner_id from "${schema}".unique_claims where scope = $1 and value = $2`,
    [scope, value],
  );
  return rows[0].owner_id;
}
