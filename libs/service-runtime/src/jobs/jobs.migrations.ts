// The jobs table: one row per long job of the service (an import, a reconciliation, a simulation, an
// export), its progress and its outcome, readable with `GetJob` while it runs.
import type { Migration } from '@jineng/event-store';

/** Among the migrations every service's migration step applies (`serviceMigrations`). */
export const jobsMigrations: readonly Migration[] = [
  {
    id: 'service-runtime-jobs-0001',
    sql: (S) => `
      create table if not exists ${S}.jobs (
        job_id       uuid primary key,
        kind         text not null,
        status       text not null check (status in ('queued', 'running', 'succeeded', 'failed')),
        done         bigint not null default 0,
        total        bigint,
        -- who asked: only they read it
        requested_by text not null,
        result       json,
        error        json,
        created_at   timestamptz not null default now(),
        updated_at   timestamptz not null default now(),
        finished_at  timestamptz
      )`,
  },
];
