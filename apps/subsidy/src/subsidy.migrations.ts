// The subsidy service's own tables beside its event store (same schema), applied by its migration step.
import type { Migration } from '@jineng/event-store';
import { claimFactsMigrations } from './claims/read-model/claim-facts.migrations';
import { claimsMigrations, employmentWindowMigrations } from './claims/read-model/claims.migrations';

export const subsidyMigrations: readonly Migration[] = [
  {
    // the policy read model (policy-version.entity.ts): `json`, not `jsonb`, so that parameters read back
    // in the order the admin wrote them (tiers as fromDay, toDay, amountFen). `if not exists`: the table
    // was created at start before it was a migration.
    id: 'subsidy-001-policy-versions',
    sql: (S) => `
      create table if not exists ${S}.policy_versions (
        version_id uuid primary key,
        jurisdiction text not null,
        status text not null check (status in ('draft', 'published')),
        revision int not null,
        effective_from text not null,
        title text not null,
        document json not null,
        parameters json not null,
        targets json not null,
        drafted_at timestamptz not null,
        published_at timestamptz,
        published_by text,
        past_effective_reason text
      );
      create index if not exists policy_versions_jurisdiction on ${S}.policy_versions (jurisdiction, status);
    `,
  },
  {
    // issue 10: a version's validity window, its assumptions and its quoted clauses; versions written
    // before have none (no end, nothing assumed, no words quoted). `if not exists`: the columns were
    // added at start before they were a migration.
    id: 'subsidy-002-policy-windows-and-clauses',
    sql: (S) => `
      alter table ${S}.policy_versions add column if not exists effective_until text;
      alter table ${S}.policy_versions add column if not exists assumptions json not null default '[]';
      alter table ${S}.policy_versions add column if not exists clauses json not null default '[]';
    `,
  },
  {
    // the holiday calendar's read model (holiday-calendar-year.entity.ts): one row per publication of a
    // year, national or a province's own days. `if not exists`: the table was created at start before
    // it was a migration.
    id: 'subsidy-003-holiday-calendar-years',
    sql: (S) => `
      create table if not exists ${S}.holiday_calendar_years (
        scope text not null,
        year int not null,
        revision int not null,
        holidays json not null,
        make_up_workdays json not null,
        notice json not null,
        corrects text check (corrects in ('package', 'publication')),
        correction_reason text,
        published_at timestamptz not null,
        published_by text not null,
        primary key (scope, year, revision)
      );
    `,
  },
  ...claimFactsMigrations,
  ...claimsMigrations,
  ...employmentWindowMigrations,
];
