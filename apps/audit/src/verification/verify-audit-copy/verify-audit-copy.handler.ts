// VerifyAuditCopy: the audit copy's hash chains, recomputed stream by stream (audit-chain.ts). Rows are
// read in keyset pages inside one read-only transaction: one consistent snapshot, no transaction id
// taken, so no relay or projection of the service is held back (ADR 0001).
import type { auditV1 } from '@jineng/contracts';
import { quoteSchema } from '@jineng/event-store';
import type { RpcRequest } from '@jineng/messaging';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { auditScope } from '../../access/access-control';
import { AuditChainCheck } from '../domain/audit-chain';

const PAGE = 5_000;

interface Row {
  service: string;
  stream_id: string;
  stream_version: string;
  event_id: string;
  type: string;
  data_text: string;
  metadata_text: string;
  recorded_ms: string;
  hash: string;
}

@Injectable()
export class VerifyAuditCopyHandler {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  async handle({
    envelope,
    payload,
  }: RpcRequest<auditV1.VerifyAuditCopy>): Promise<auditV1.AuditChainReport> {
    auditScope(envelope.principal, undefined);
    const S = quoteSchema(this.config.schema);
    const check = new AuditChainCheck();
    const client = await this.pool.connect();
    try {
      await client.query('begin isolation level repeatable read read only');
      let after: [string, string, string] = ['', '', '0'];
      for (;;) {
        const { rows } = await client.query<Row>(
          `select service, stream_id, stream_version::text, event_id::text, type, data::text as data_text,
                  metadata::text as metadata_text,
                  (extract(epoch from recorded_at) * 1000)::bigint::text as recorded_ms, hash
             from ${S}.audit_events
            where ($1::text is null or service = $1)
              and (service, stream_id, stream_version) > ($2, $3, $4::bigint)
            order by service, stream_id, stream_version
            limit ${PAGE}`,
          [payload.service ?? null, ...after],
        );
        for (const row of rows)
          check.add({
            service: row.service,
            streamId: row.stream_id,
            version: Number(row.stream_version),
            eventId: row.event_id,
            type: row.type,
            dataText: row.data_text,
            metadataText: row.metadata_text,
            recordedAtMillis: Number(row.recorded_ms),
            hash: row.hash,
          });
        if (rows.length < PAGE) break;
        const last = rows[rows.length - 1];
        after = [last.service, last.stream_id, last.stream_version];
      }
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return check.report();
  }
}
