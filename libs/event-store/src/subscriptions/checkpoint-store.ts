import type { Pool } from 'pg';
import { GlobalPosition, START } from '../event-store.port';
import { quoteSchema } from '../postgres/migrate';
import { Queryable, rowsOf } from '../postgres/queryable';

type CheckpointRow = { transaction_id: string; position: string };

/** Durable positions of subscriptions and projections, in the owning service's schema. */
export class CheckpointStore {
  private readonly S: string;

  constructor(
    private readonly pool: Pool,
    schema: string,
  ) {
    this.S = quoteSchema(schema);
  }

  async load(subscriptionId: string, on: Queryable = this.pool): Promise<GlobalPosition> {
    const rows = rowsOf<CheckpointRow>(
      await on.query(
        `select transaction_id::text, position from ${this.S}.checkpoints where subscription_id = $1`,
        [subscriptionId],
      ),
    );
    return rows[0]
      ? { transactionId: BigInt(rows[0].transaction_id), position: BigInt(rows[0].position) }
      : START;
  }

  /**
   * Loads the checkpoint and locks it until the surrounding transaction ends, so two runners of one
   * projection never apply the same batch.
   */
  async lock(subscriptionId: string, on: Queryable): Promise<GlobalPosition> {
    await on.query(
      `insert into ${this.S}.checkpoints (subscription_id, transaction_id, position) values ($1, '0', 0)
       on conflict (subscription_id) do nothing`,
      [subscriptionId],
    );
    const rows = rowsOf<CheckpointRow>(
      await on.query(
        `select transaction_id::text, position from ${this.S}.checkpoints where subscription_id = $1 for update`,
        [subscriptionId],
      ),
    );
    return { transactionId: BigInt(rows[0].transaction_id), position: BigInt(rows[0].position) };
  }

  async save(subscriptionId: string, position: GlobalPosition, on: Queryable = this.pool): Promise<void> {
    await on.query(
      `insert into ${this.S}.checkpoints (subscription_id, transaction_id, position, updated_at)
       values ($1, $2::text::xid8, $3, now())
       on conflict (subscription_id) do update
         set transaction_id = excluded.transaction_id, position = excluded.position, updated_at = now()`,
      [subscriptionId, position.transactionId.toString(), position.position.toString()],
    );
  }
}
