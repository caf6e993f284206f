// The published daily seals (daily-seal.ts): append-only like the audit copy — a seal once published is
// never changed (the same refusing trigger, audit-001), the next day's seal is chained to it.
import type { Migration } from '@jineng/event-store';

export const sealMigrations: readonly Migration[] = [
  {
    id: 'audit-002-daily-seals',
    sql: (S) => `
      create table ${S}.audit_seals (
        sequence           bigint      primary key check (sequence >= 1),
        day                date        not null unique,
        previous_seal_hash text        not null,
        root               text        not null,
        event_count        bigint      not null,
        services           jsonb       not null,
        sealed_at          timestamptz not null,
        key_id             text        not null,
        seal_hash          text        not null unique,
        signature          text        not null
      );
      create trigger audit_seals_are_immutable before update or delete or truncate on ${S}.audit_seals
        for each statement execute function ${S}.refuse_audit_change();
    `,
  },
];
