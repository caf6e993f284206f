// Reads of the audit copy for the explain, replay and recompute questions: the events that name any of
// some ids (the copy's entity index), within a jurisdiction and up to a time, in the copy's order.
import { quoteSchema } from '@jineng/event-store';
import { PG_POOL, SERVICE_CONFIG, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { jurisdictionPrefix } from '../access/access-control';
import { byRecordedOrder, type AuditRecord } from './audit-record';

interface Row {
  event_id: string;
  service: string;
  type: string;
  stream_id: string;
  stream_version: string;
  recorded_at: string;
  hash: string;
  data: Record<string, unknown>;
}

/** no jurisdiction condition: for inputs whose own jurisdiction may differ from the claim's */
export const EVERYWHERE = Symbol('everywhere');

const COLUMNS = `e.event_id::text, e.service, e.type, e.stream_id, e.stream_version::text,
  to_char(e.recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as recorded_at, e.hash, e.data`;

@Injectable()
export class AuditCopyReader {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  /**
   * Every event naming one of `ids` (as any kind), of `jurisdiction` and below (`everywhere`: of any),
   * recorded up to `upTo`.
   */
  async naming(
    ids: readonly string[],
    jurisdiction: string | typeof EVERYWHERE,
    options: { readonly upTo?: string; readonly types?: readonly string[] } = {},
  ): Promise<AuditRecord[]> {
    if (ids.length === 0) return [];
    const S = quoteSchema(this.config.schema);
    const { rows } = await this.pool.query<Row>(
      `select ${COLUMNS} from ${S}.audit_events e
        where e.event_id in (select r.event_id from ${S}.audit_entity_refs r where r.entity_id = any($1::text[]))
          and e.jurisdiction like $2
          and ($3::timestamptz is null or e.recorded_at <= $3::timestamptz)
          and ($4::text[] is null or e.type = any($4::text[]))`,
      [
        [...new Set(ids)],
        jurisdiction === EVERYWHERE ? '%' : `${jurisdictionPrefix(jurisdiction)}%`,
        options.upTo ?? null,
        options.types ?? null,
      ],
    );
    return rows.map(toRecord).sort(byRecordedOrder);
  }

  /**
   * The policy versions published for these jurisdictions (a claim's chain: county, city, province) up
   * to `upTo`. Policy is a public document: an auditor of a county reads the city's and province's too.
   */
  async policyVersionsIn(chain: readonly string[], upTo?: string): Promise<AuditRecord[]> {
    const S = quoteSchema(this.config.schema);
    const { rows } = await this.pool.query<Row>(
      `select ${COLUMNS} from ${S}.audit_events e
        where e.type = 'PolicyVersionPublished.v1' and e.data->>'jurisdiction' = any($1::text[])
          and ($2::timestamptz is null or e.recorded_at <= $2::timestamptz)`,
      [[...chain], upTo ?? null],
    );
    return rows.map(toRecord).sort(byRecordedOrder);
  }
}

function toRecord(row: Row): AuditRecord {
  return {
    eventId: row.event_id,
    service: row.service,
    type: row.type,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    recordedAt: row.recorded_at,
    hash: row.hash,
    data: row.data,
  };
}
