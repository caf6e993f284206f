// The claims' own read model (claims.projection.ts), written with the events in the command's
// transaction: the claims, the trainees each names (for the limits, the trainee's own view and the
// public notice's headcount), the officers' limit exceptions, and objectors' contact details (kept
// out of the events: personal data).
import type { Migration } from '@jineng/event-store';

export const claimsMigrations: readonly Migration[] = [
  {
    id: 'subsidy-005-claims',
    sql: (S) => `
      create table ${S}.claims (
        claim_id text primary key,
        kind text not null,
        tranche text not null,
        class_id text,
        claimant_id text not null,
        claimant_kind text not null,
        jurisdiction_code text not null,
        fund_source text not null,
        occupation_code text,
        level int,
        headcount int not null,
        status text not null,
        requested_fen bigint not null,
        computed_fen bigint not null,
        approved_fen bigint,
        submitted_on text not null,
        due_on text,
        notice_starts_on text,
        notice_ends_on text,
        open_objections int not null default 0,
        view json not null,
        updated_at timestamptz not null default now()
      );
      create index claims_jurisdiction on ${S}.claims (jurisdiction_code, status, due_on);
      create index claims_class on ${S}.claims (class_id, kind, tranche);
      create table ${S}.claim_trainees (
        claim_id text not null,
        worker_id text not null,
        class_id text,
        kind text not null,
        occupation_code text,
        level int,
        year int not null,
        amount_fen bigint not null,
        counts boolean not null,
        primary key (claim_id, worker_id)
      );
      create index claim_trainees_worker on ${S}.claim_trainees (worker_id, year);
      create table ${S}.claim_limit_exceptions (
        worker_id text not null,
        class_id text not null,
        reason text not null,
        granted_by text not null,
        primary key (worker_id, class_id)
      );
      create table ${S}.claim_objection_contacts (
        objection_id text primary key,
        claim_id text not null,
        contact text not null
      );
    `,
  },
];

export const employmentWindowMigrations: readonly Migration[] = [
  {
    // the employment tranche windows (employment-tranche.ts): which certified trainees of a class wait for
    // employment, until when; written with the window's events
    id: 'subsidy-006-employment-windows',
    sql: (S) => `
      create table ${S}.claim_employment_windows (
        class_id text primary key,
        claim_id text not null,
        claimant_id text not null,
        jurisdiction_code text not null,
        worker_ids jsonb not null,
        employed_worker_ids jsonb not null default '[]',
        starts_on text not null,
        until text not null,
        status text not null check (status in ('open', 'closed'))
      );
    `,
  },
];
