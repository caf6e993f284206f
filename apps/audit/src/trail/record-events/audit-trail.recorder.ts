// Every integration event of every service (`jineng.evt.>`) into the audit copy, with the ids it
// names: one durable consumer (`audit-trail`), each batch written in the consumer's inbox
// transaction — an event redelivered after a crash is in the inbox already and is not copied twice.
import { quoteSchema } from '@jineng/event-store';
import type { IntegrationEvent } from '@jineng/messaging';
import { SERVICE_CONFIG, ServiceLifecycle, type ServiceConfig } from '@jineng/service-runtime';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { entityRefsOf } from '../domain/entity-refs';

export const AUDIT_TRAIL_CONSUMER = 'audit-trail';

@Injectable()
export class AuditTrailRecorder implements OnModuleInit {
  constructor(
    private readonly lifecycle: ServiceLifecycle,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  onModuleInit(): void {
    this.lifecycle.consume({
      name: AUDIT_TRAIL_CONSUMER,
      filterSubjects: ['jineng.evt.>'],
      handleBatch: (events, tx) => recordEvents(tx, quoteSchema(this.config.schema), events),
    });
  }
}

/** Writes the events and their entity references (a repeated event id is kept as first recorded). */
export async function recordEvents(
  tx: PoolClient,
  S: string,
  events: readonly IntegrationEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) => {
    const metadata = event.metadata as Record<string, unknown>;
    const actor = (metadata.actor ?? {}) as { userId?: unknown; roles?: unknown };
    return {
      event_id: event.id,
      service: event.service,
      type: event.type,
      stream_id: event.streamId,
      stream_version: event.streamVersion,
      recorded_at: event.recordedAt,
      occurred_at: typeof metadata.occurredAt === 'string' ? metadata.occurredAt : null,
      jurisdiction: typeof metadata.jurisdiction === 'string' ? metadata.jurisdiction : '',
      correlation_id: typeof metadata.correlationId === 'string' ? metadata.correlationId : '',
      actor_user_id: typeof actor.userId === 'string' ? actor.userId : '',
      actor_roles: Array.isArray(actor.roles) ? actor.roles : [],
      hash: event.hash,
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
    };
  });
  const inserted = await tx.query<{ event_id: string }>(
    `insert into ${S}.audit_events (event_id, service, type, stream_id, stream_version, recorded_at, occurred_at,
       jurisdiction, correlation_id, actor_user_id, actor_roles, hash, data, metadata)
     select x.event_id, x.service, x.type, x.stream_id, x.stream_version, x.recorded_at, x.occurred_at,
       x.jurisdiction, x.correlation_id, x.actor_user_id, x.actor_roles, x.hash, x.data::json, x.metadata::json
       from jsonb_to_recordset($1::jsonb) as x(event_id uuid, service text, type text, stream_id text,
         stream_version bigint, recorded_at timestamptz, occurred_at timestamptz, jurisdiction text,
         correlation_id text, actor_user_id text, actor_roles jsonb, hash text, data text, metadata text)
     on conflict (event_id) do nothing
     returning event_id`,
    [JSON.stringify(rows)],
  );
  const fresh = new Set(inserted.rows.map((row) => row.event_id));
  const refs = events
    .filter((event) => fresh.has(event.id))
    .flatMap((event) =>
      entityRefsOf(event.data, event.metadata).map((ref) => ({
        entity_id: ref.entityId,
        event_id: event.id,
        kinds: ref.kinds,
        fields: ref.fields,
        recorded_at: event.recordedAt,
      })),
    );
  if (refs.length === 0) return;
  await tx.query(
    `insert into ${S}.audit_entity_refs (entity_id, event_id, kinds, fields, recorded_at)
     select x.entity_id, x.event_id, x.kinds, x.fields, x.recorded_at
       from jsonb_to_recordset($1::jsonb) as x(entity_id text, event_id uuid, kinds jsonb, fields jsonb,
         recorded_at timestamptz)
     on conflict do nothing`,
    [JSON.stringify(refs)],
  );
}
