// The fraud alerts as auditors list them: one row per alert, written in the same transaction as the
// alert's events (fraud-alert-<id> streams in the service's own event store).
import type { Migration } from '@jineng/event-store';

export const fraudMigrations: readonly Migration[] = [
  {
    id: 'audit-003-fraud-alerts',
    sql: (S) => `
      create table ${S}.fraud_alerts (
        alert_id           uuid        primary key,
        rule_id            text        not null,
        rule_version       int         not null,
        status             text        not null check (status in ('open', 'investigating', 'confirmed', 'dismissed')),
        jurisdiction       text        not null,
        summary_zh         text        not null,
        summary_en         text        not null,
        figures            jsonb       not null,
        evidence_event_ids jsonb       not null,
        -- every id the alert names (workers, classes, institutions, claims, devices, payees)
        entity_ids         jsonb       not null,
        raised_at          timestamptz not null,
        updated_at         timestamptz not null,
        decided_by         text,
        reason             text,
        actions            jsonb       not null default '[]',
        version            int         not null
      );
      create index fraud_alerts_status on ${S}.fraud_alerts (jurisdiction, status, raised_at);
      create index fraud_alerts_entities on ${S}.fraud_alerts using gin (entity_ids);
    `,
  },
];
