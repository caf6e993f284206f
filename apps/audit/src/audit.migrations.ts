// The audit service's own tables beside its event store (same schema), applied by its migration step.
// The audit copy is append-only like the events table itself: the database refuses UPDATE, DELETE and
// TRUNCATE on it (the runtime role, which may otherwise change its own tables, cannot, and as it does
// not own them it cannot drop the trigger either).
import type { Migration } from '@jineng/event-store';
import { fraudMigrations } from './fraud/fraud.migrations';
import { sealMigrations } from './seals/seals.migrations';

export const auditMigrations: readonly Migration[] = [
  {
    id: 'audit-001-audit-trail',
    sql: (S) => `
      -- every integration event of every service, as it was published (libs/messaging IntegrationEvent)
      create table ${S}.audit_events (
        audit_position  bigint generated always as identity,
        event_id        uuid        primary key,
        service         text        not null,
        type            text        not null,
        stream_id       text        not null,
        stream_version  bigint      not null check (stream_version >= 1),
        recorded_at     timestamptz not null,
        occurred_at     timestamptz,
        jurisdiction    text        not null,
        correlation_id  text        not null,
        actor_user_id   text        not null,
        actor_roles     jsonb       not null,
        hash            text        not null,
        -- json, not jsonb: the text as it came, for the chain checks of the verification
        data            json        not null,
        metadata        json        not null,
        received_at     timestamptz not null default now()
      );
      create index audit_events_stream on ${S}.audit_events (service, stream_id, stream_version);
      create index audit_events_recorded on ${S}.audit_events (recorded_at);

      -- every id an event names (entity-refs.ts), its correlation id and its actor: one row per id and event
      create table ${S}.audit_entity_refs (
        entity_id   text        not null,
        event_id    uuid        not null references ${S}.audit_events (event_id),
        kinds       jsonb       not null,
        fields      jsonb       not null,
        recorded_at timestamptz not null,
        primary key (entity_id, event_id)
      );
      create index audit_entity_refs_time on ${S}.audit_entity_refs (entity_id, recorded_at);

      create function ${S}.refuse_audit_change() returns trigger language plpgsql as $$
      begin
        raise exception 'the audit copy is append-only: % on %.% is refused', tg_op, tg_table_schema, tg_table_name
          using errcode = 'JN002', hint = 'the audit trail only ever receives new events';
      end $$;
      create trigger audit_events_are_immutable before update or delete or truncate on ${S}.audit_events
        for each statement execute function ${S}.refuse_audit_change();
      create trigger audit_entity_refs_are_immutable before update or delete or truncate on ${S}.audit_entity_refs
        for each statement execute function ${S}.refuse_audit_change();

      -- an entity's timeline: what the list (libs/lists) pages, filters and exports
      create view ${S}.audit_timeline as
        select r.entity_id, r.kinds, r.fields, e.event_id, e.service, e.type, e.stream_id, e.stream_version,
               e.recorded_at, e.occurred_at, e.jurisdiction, e.correlation_id, e.actor_user_id, e.actor_roles,
               e.hash, e.data, e.audit_position
          from ${S}.audit_entity_refs r join ${S}.audit_events e on e.event_id = r.event_id;
    `,
  },
  {
    // explain / replay / recompute (ADR 0018): policy versions are found by type, not by an id
    id: 'audit-explain-001-type-index',
    sql: (S) => `create index audit_events_type on ${S}.audit_events (type, recorded_at);`,
  },
  ...sealMigrations,
  ...fraudMigrations,
];
