// A service's events as its own event store holds them (libs/event-store `events`), read by an
// auditor's read-only role: every stream from version 1, in keyset pages, one snapshot.
import { quoteSchema } from '@jineng/event-store';
import type { Pool } from 'pg';
import type { AuditChainRow } from '../../verification/domain/audit-chain';

const PAGE = 5_000;

export async function storeEventsOf(pool: Pool, schema: string, service: string): Promise<AuditChainRow[]> {
  const S = quoteSchema(schema);
  const client = await pool.connect();
  const events: AuditChainRow[] = [];
  try {
    await client.query('begin isolation level repeatable read read only');
    let after: [string, string] = ['', '0'];
    for (;;) {
      const { rows } = await client.query<{
        stream_id: string;
        version: string;
        event_id: string;
        type: string;
        data_text: string;
        metadata_text: string;
        recorded_ms: string;
        hash: string;
      }>(
        `select stream_id, version::text, event_id::text, type, data::text as data_text, metadata::text as metadata_text,
                (extract(epoch from recorded_at) * 1000)::bigint::text as recorded_ms, encode(hash, 'hex') as hash
           from ${S}.events
          where (stream_id, version) > ($1, $2::bigint)
          order by stream_id, version
          limit ${PAGE}`,
        after,
      );
      for (const row of rows)
        events.push({
          service,
          streamId: row.stream_id,
          version: Number(row.version),
          eventId: row.event_id,
          type: row.type,
          dataText: row.data_text,
          metadataText: row.metadata_text,
          recordedAtMillis: Number(row.recorded_ms),
          hash: row.hash,
        });
      if (rows.length < PAGE) break;
      const last = rows[rows.length - 1];
      after = [last.stream_id, last.version];
    }
    await client.query('commit');
    return events;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
