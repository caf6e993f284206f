// A service's events as the audit copy holds them, for the seal verifier: every stream from version 1,
// read in keyset pages in one read-only snapshot (as VerifyAuditCopy reads them).
import type { PoolClient } from 'pg';
import type { AuditChainRow } from '../../verification/domain/audit-chain';

const PAGE = 5_000;

export async function copyEventsOf(client: PoolClient, S: string, service: string): Promise<AuditChainRow[]> {
  const events: AuditChainRow[] = [];
  let after: [string, string] = ['', '0'];
  for (;;) {
    const { rows } = await client.query<{
      stream_id: string;
      stream_version: string;
      event_id: string;
      type: string;
      data_text: string;
      metadata_text: string;
      recorded_ms: string;
      hash: string;
    }>(
      `select stream_id, stream_version::text, event_id::text, type, data::text as data_text,
              metadata::text as metadata_text, (extract(epoch from recorded_at) * 1000)::bigint::text as recorded_ms, hash
         from ${S}.audit_events
        where service = $1 and (stream_id, stream_version) > ($2, $3::bigint)
        order by stream_id, stream_version
        limit ${PAGE}`,
      [service, ...after],
    );
    for (const row of rows)
      events.push({
        service,
        streamId: row.stream_id,
        version: Number(row.stream_version),
        eventId: row.event_id,
        type: row.type,
        dataText: row.data_text,
        metadataText: row.metadata_text,
        recordedAtMillis: Number(row.recorded_ms),
        hash: row.hash,
      });
    if (rows.length < PAGE) return events;
    const last = rows[rows.length - 1];
    after = [last.stream_id, last.stream_version];
  }
}
