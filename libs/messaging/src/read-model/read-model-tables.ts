// The tables of local read models (ARCHITECTURE §1): per (read model, source service, stream) the
// last version applied, and the events that arrived before their turn (a gap, or a stream held
// behind a parked event), kept durably until the gap fills. Both live in the consuming service's schema.
import type { Migration } from '@jineng/event-store';

/** Among the migrations a service's migration step applies (see messaging.migrations.ts). */
export const readModelMigrations: readonly Migration[] = [
  {
    id: 'messaging-read-model-0001',
    sql: (S) => `
      create table if not exists ${S}.read_model_streams (
        read_model   text not null,
        source       text not null,
        stream_id    text not null,
        last_version bigint not null default 0,
        updated_at   timestamptz not null default now(),
        primary key (read_model, source, stream_id)
      );
      create table if not exists ${S}.read_model_pending (
        read_model      text not null,
        source          text not null,
        stream_id       text not null,
        version         bigint not null,
        event_id        uuid not null,
        event_type      text not null,
        event           json not null,
        attempts        int not null default 0,
        last_error      json,
        next_attempt_at timestamptz not null default now(),
        received_at     timestamptz not null default now(),
        primary key (read_model, source, stream_id, version)
      );
      create index if not exists read_model_pending_due on ${S}.read_model_pending (read_model, next_attempt_at);`,
  },
];
